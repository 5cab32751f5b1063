"""Item 6 (laptop): weak passphrases are refused everywhere with the Chinese explanation; wrong
passphrases slow further attempts, persisted next to key.json so a restart does not reset the wait."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import unlock_throttle
from desktop.store.errors import WeakPassphrase, WrongPassphrase
from desktop.store.key_vault import KeyVault
from desktop.store.store import Store
from desktop.store.unlock_throttle import FREE_FAILURES, THROTTLE_FILE_NAME, UnlockThrottled
from sync.records import Role

GOOD = "Qiu-feng 吹过 稻田 2024"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(unlock_throttle, "wall_clock", fake)
    return fake


@pytest.mark.parametrize("weak", ["12345678", "1234567890", "password123", "aaaaaaaaaaaa", "qwertyuiop"])
def test_weak_passphrases_are_refused_by_init_and_the_store(
    weak: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", weak)
    folder = tmp_path / "laptop"
    assert (
        main(["--data-dir", str(folder), "init", "--school", "示例大学", "--name", "甲", "--no-keyring"]) == 1
    )
    assert "密码不符合要求" in capsys.readouterr().err
    assert not (folder / "key.json").exists() and not (folder / "jiafang.db").exists()


def test_a_passphrase_leaning_on_the_names_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WeakPassphrase, match="姓名"):
        Store.create(
            tmp_path / "laptop",
            "zhangsan2026",
            school_name="示例大学",
            user_name="zhangsan",
            role=Role.COUNSELOR,
        )


def test_passwd_refuses_a_weak_new_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "laptop"
    data = ["--data-dir", str(folder)]
    monkeypatch.setenv("JIAFANG_PASSPHRASE", GOOD)
    assert main([*data, "init", "--school", "示例大学", "--name", "甲", "--no-keyring"]) == 0
    before = (folder / "key.json").read_bytes()
    monkeypatch.setenv("JIAFANG_NEW_PASSPHRASE", "12345678")
    assert main([*data, "passwd"]) == 1
    assert "密码太短" in capsys.readouterr().err
    assert (folder / "key.json").read_bytes() == before


def test_wrong_passphrases_slow_unlocking_and_a_restart_does_not_reset_it(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "laptop"
    Store.create(
        folder, GOOD, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, use_keyring=False
    ).close()
    vault = KeyVault(folder)
    for _ in range(FREE_FAILURES - 1):
        with pytest.raises(WrongPassphrase):
            vault.unlock("wrong guess 1")
    with pytest.raises(WrongPassphrase, match="请等待 2 秒"):
        vault.unlock("wrong guess 2")
    record = folder / THROTTLE_FILE_NAME
    assert stat.S_IMODE(os.stat(record).st_mode) == 0o600
    # Even the right passphrase waits; a new KeyVault (a restarted app, the CLI) sees the same record.
    with pytest.raises(UnlockThrottled) as waited:
        KeyVault(folder).unlock(GOOD)
    assert waited.value.seconds == 2 and "请等待 2 秒" in str(waited.value)
    monkeypatch.setenv("JIAFANG_PASSPHRASE", GOOD)
    assert main(["--data-dir", str(folder), "info"]) == 1
    assert "密码错误次数过多" in capsys.readouterr().err
    clock.now += 2
    with pytest.raises(WrongPassphrase, match="请等待 4 秒"):
        vault.unlock("wrong guess 3")  # each further failure doubles the wait
    clock.now += 4
    assert len(KeyVault(folder).unlock(GOOD)) == 32
    assert not record.exists(), "a correct passphrase clears the record"


def test_a_damaged_record_does_not_lift_the_wait(tmp_path: Path, clock: Clock) -> None:
    folder = tmp_path / "laptop"
    Store.create(
        folder, GOOD, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, use_keyring=False
    ).close()
    (folder / THROTTLE_FILE_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(UnlockThrottled):
        KeyVault(folder).unlock(GOOD)
