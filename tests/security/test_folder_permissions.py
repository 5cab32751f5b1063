"""Item 9 (laptop): the data folder is 0700 and every file in it 0600 — the database, its WAL and
shared-memory files, key.json, the backups, the lock file, the unlock record and temporary files —
and a folder left permissive by an older version is tightened when the store opens."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.exporting import write_json
from desktop.store.store import Store
from sync.records import Role

PASSPHRASE = "Qiu-feng 吹过 稻田 2024"
# File modes are POSIX; on Windows the data folder sits in the per-user profile, whose ACL protects it
# (docs/security.md), so there is nothing of ours to check there.
pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="POSIX file modes (Windows relies on the profile ACL)"
)


@pytest.fixture(autouse=True)
def _permissive_umask() -> Iterator[None]:
    old = os.umask(0o022)  # what most desktops use: new files 0644, folders 0755
    yield
    os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(os.stat(folder).st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(os.lstat(path).st_mode)
    return found


def _assert_private(folder: Path) -> None:
    for name, mode in _modes(folder).items():
        path = folder / name
        expected = 0o700 if path.is_dir() else 0o600
        assert mode == expected, f"{name}: {oct(mode)}"


def test_a_new_store_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    with Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, use_keyring=False
    ) as store:
        with store.session() as s:
            s.meta.set("probe", "x")  # the WAL and shared-memory files exist while open
        store.backup("manual")
        names = set(_modes(folder))
        assert {
            "jiafang.db",
            "jiafang.db-wal",
            "jiafang.db-shm",
            "key.json",
            "jiafang.lock",
            "backups",
        } <= names
        _assert_private(folder)


def test_an_existing_permissive_folder_is_tightened_at_open(tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, use_keyring=False
    ).close()
    with Store.open(folder, PASSPHRASE) as store:
        store.backup("manual")
    os.chmod(folder, 0o755)
    os.chmod(folder / "backups", 0o755)
    for path in folder.rglob("*"):
        if path.is_file():
            os.chmod(path, 0o644)
    (folder / ".jiafang-export-left-behind.csv").write_bytes(b"temp")  # a crash's leftover, 0644
    with Store.open(folder, PASSPHRASE):
        _assert_private(folder)


def test_a_temporary_export_file_inside_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "laptop"
    seen: list[int] = []
    original_replace = os.replace

    def watching_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        seen.append(stat.S_IMODE(os.stat(src).st_mode))
        original_replace(src, dst)

    with Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="甲", role=Role.COUNSELOR, use_keyring=False
    ):
        monkeypatch.setattr(os, "replace", watching_replace)
        write_json([], folder / "export.json", masked=True)
        monkeypatch.undo()
        assert seen and all(mode == 0o600 for mode in seen)
        _assert_private(folder)
