"""Item 1: a wipe order cannot be undone from what stays on the laptop (or was copied off it).

The attack of the issue: after the administrator wiped a lost laptop and the laptop synced, key.json
and backups/ were left under the same data key and `jiafang restore backups/…` brought every student
back.  Now the laptop destroys the data key (keyring entry and key.json) and every file of the folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.store import center_sync
from desktop.store.data_shredder import shred_file
from desktop.store.errors import KeyFileMissing
from desktop.store.store import Store
from sync.client import DeviceWiped
from sync.records import Role
from tests.sync.server.conftest import PASSWORD, College

LAPTOP_PASSPHRASE = "Qiu-feng 吹过 稻田 2024"


def _cli(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def _new_store(folder: Path, **keyring: Any) -> Store:
    return Store.create(
        folder, LAPTOP_PASSPHRASE, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, **keyring
    )


def _order_wipe(college: College, device_id: str) -> None:
    admin = college.server.login("admin")
    response = admin.post(f"/admin/devices/{device_id}/wipe", {})
    assert response.status_code == 200 and response.json()["wipe"] is True


def _device_id(folder: Path) -> str:
    with Store.open(folder, LAPTOP_PASSPHRASE, backup_daily=False) as store:
        return store.info.device_id


def test_wipe_via_cli_leaves_nothing_that_restores(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    college.server.student(college.college_id, college.counselor_a, name="林小雨")
    monkeypatch.setenv("JIAFANG_PASSPHRASE", LAPTOP_PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    assert _cli(laptop, "login", "--server", college.server.url, "--user", "counselor_a") == 0
    assert _cli(laptop, "sync") == 0
    assert _cli(laptop, "backup") == 0
    backups = sorted((laptop / "backups").iterdir())
    assert backups, "the backup the attacker wants to restore"
    # The thief (or a careless colleague) copied the whole folder off the laptop before the wipe
    # reached it, except the key file would be the thing they need: copy a backup alone.
    stolen = tmp_path / "usb" / backups[-1].name
    stolen.parent.mkdir()
    shutil.copy2(backups[-1], stolen)
    _order_wipe(college, _device_id(laptop))
    capsys.readouterr()

    assert _cli(laptop, "sync") == 1
    out = capsys.readouterr().out
    assert "同步失败" in out and "密钥文件" in out and "jiafang init" in out
    assert [p for p in laptop.rglob("*") if p.is_file()] == [], "nothing of the store may remain"

    # `jiafang restore backups/…` on that laptop: the backup and the key are gone.
    assert _cli(laptop, "restore", str(backups[-1])) == 1
    assert _cli(laptop, "restore", str(stolen)) == 1
    assert "没有 JiaFang 数据" in capsys.readouterr().err
    with pytest.raises(KeyFileMissing):
        Store.open(laptop, LAPTOP_PASSPHRASE)
    # A new store on this or any laptop has a new data key: the old backup does not open with it.
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    capsys.readouterr()
    assert _cli(laptop, "restore", str(stolen)) == 1
    assert "无法用当前密钥打开" in capsys.readouterr().err
    # The recovery path for a laptop that is legitimately back in use: new store, log in, full sync.
    assert _cli(laptop, "login", "--server", college.server.url, "--user", "counselor_a") == 0
    assert _cli(laptop, "sync") == 0
    capsys.readouterr()
    assert _cli(laptop, "students", "--json") == 0
    assert "林小雨" in capsys.readouterr().out


def test_wipe_deletes_the_keyring_entry_and_reaches_the_login_endpoint_too(
    college: College, tmp_path: Path, memory_keyring: Any
) -> None:
    folder = tmp_path / "laptop"
    store = _new_store(folder, keyring_backend=memory_keyring)
    assert memory_keyring.secrets, "the data key is in the (memory) OS keyring"
    center_sync.connect(store, college.server.url, "counselor_a", PASSWORD)
    store.backup("manual")
    device_id = store.info.device_id
    center_sync.forget_token(store)  # signed out: the next contact is a login, not a sync
    _order_wipe(college, device_id)
    with pytest.raises(DeviceWiped):
        center_sync.connect(store, college.server.url, "counselor_a", PASSWORD)
    assert store.closed
    assert memory_keyring.secrets == {}
    assert not folder.exists() or [p for p in folder.rglob("*") if p.is_file()] == []


def test_shredding_overwrites_the_file_in_place(tmp_path: Path) -> None:
    """What another hard link (or an undeleted inode) still reads after the shred is noise."""
    secret = b"SQLite format 3\x00" + "林小雨 家庭住址".encode() * 1000
    target = tmp_path / "jiafang.db"
    target.write_bytes(secret)
    other_name = tmp_path / "other-link"
    os.link(target, other_name)
    shred_file(target)
    assert not target.exists()
    left = other_name.read_bytes()
    assert len(left) == len(secret) and left != secret and "林小雨".encode() not in left


def test_a_wipe_order_reaches_the_password_change_endpoint_too(
    college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", LAPTOP_PASSPHRASE)
    monkeypatch.setenv("JIAFANG_PASSWORD", PASSWORD)
    monkeypatch.setenv("JIAFANG_NEW_PASSWORD", "稻田 river-stone 8642")
    laptop = tmp_path / "laptop"
    assert _cli(laptop, "init", "--school", "示例大学", "--name", "甲", "--no-keyring") == 0
    assert _cli(laptop, "login", "--server", college.server.url, "--user", "counselor_a") == 0
    _order_wipe(college, _device_id(laptop))
    capsys.readouterr()
    assert _cli(laptop, "passwd", "--server") == 1
    assert "jiafang init" in capsys.readouterr().err
    assert [p for p in laptop.rglob("*") if p.is_file()] == []
    college.server.login("counselor_a", PASSWORD)  # the password was not changed


def test_the_key_goes_first_and_a_file_that_resists_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import data_shredder

    folder = tmp_path / "laptop"
    store = _new_store(folder, use_keyring=False)
    backup = store.backup("manual").path
    order: list[str] = []
    real_shred = data_shredder.shred_file

    def shred(path: Path) -> None:
        order.append(path.name)
        if path == backup:
            raise PermissionError("held open by a backup program")
        real_shred(path)

    monkeypatch.setattr(data_shredder, "shred_file", shred)
    with pytest.raises(DeviceWiped, match=backup.name), center_sync.obeying_center(store):
        raise DeviceWiped("管理员已要求清除此设备上的数据")
    assert order[0] == "key.json"
    assert [p.name for p in folder.rglob("*") if p.is_file()] == [backup.name]
