"""Encrypted backups: take, list, daily with pruning, verify, restore."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.store.backup import BackupUnreadable, daily_backup, list_backups, verify_backup
from desktop.store.errors import StoreLockedByOtherProcess
from desktop.store.store import Store
from sync.records import Role, Student
from tests.desktop.store.conftest import PASSPHRASE


def add_student(store: Store, number: str, name: str) -> None:
    with store.session() as s:
        s.students.create(Student(student_no=number, name=name))


def test_backup_is_encrypted_and_opens_with_the_key(store: Store) -> None:
    add_student(store, "1", "备份测试甲")
    info = store.backup()
    assert info.reason == "manual" and info.size > 0
    assert info.path.name.startswith("jiafang-") and info.path.suffix == ".db"
    assert info.path.stat().st_mode & 0o077 == 0
    raw = info.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "备份测试甲".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(info.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    verify_backup(info.path, store._key)
    with pytest.raises(BackupUnreadable):
        verify_backup(info.path, bytes(32))
    assert store.list_backups() == [info]


def test_daily_backups_once_a_day_and_pruned(store: Store) -> None:
    first = daily_backup(store.db_path, store._key, store.backup_dir, keep=2)
    assert first is not None
    assert daily_backup(store.db_path, store._key, store.backup_dir, keep=2) is None
    for day in (date(2001, 1, 1), date(2002, 1, 1), date(2003, 1, 1)):
        assert daily_backup(store.db_path, store._key, store.backup_dir, keep=2, today=day) is not None
    daily = [info for info in list_backups(store.backup_dir) if info.reason == "daily"]
    assert len(daily) == 2
    assert first.path not in [info.path for info in daily]


def test_open_takes_the_daily_backup(store: Store, data_dir: Path) -> None:
    store.close()
    with Store.open(data_dir, PASSPHRASE) as opened:
        assert [info.reason for info in opened.list_backups()] == ["daily"]
    with Store.open(data_dir, PASSPHRASE) as opened:
        assert len(opened.list_backups()) == 1


def test_restore_replaces_the_database_and_keeps_the_previous_one(store: Store, data_dir: Path) -> None:
    add_student(store, "1", "恢复前甲")
    backup = store.backup()
    add_student(store, "2", "恢复后乙")
    with pytest.raises(StoreLockedByOtherProcess):
        Store.restore(data_dir, backup.path, PASSPHRASE)
    store.close()
    previous = Store.restore(data_dir, backup.path, PASSPHRASE)
    assert previous is not None and previous.reason == "pre-restore"
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as opened, opened.session() as s:
        assert [x.name for x in s.students.list()] == ["恢复前甲"]
        assert len(s.students.search("huifu")) == 1
    # The pre-restore backup holds what was there before.
    Store.restore(data_dir, previous.path, PASSPHRASE)
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as opened, opened.session() as s:
        assert sorted(x.name for x in s.students.list()) == ["恢复前甲", "恢复后乙"]


def test_restore_refuses_a_backup_of_another_store(store: Store, data_dir: Path, tmp_path: Path) -> None:
    other = Store.create(
        tmp_path / "other",
        PASSPHRASE,
        school_name="别校",
        user_name="李",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    add_student(other, "9", "别校学生")
    foreign = other.backup()
    other.close()
    add_student(store, "1", "本校学生")
    store.close()
    before = (
        sorted(path.name for path in (data_dir / "backups").glob("*"))
        if (data_dir / "backups").exists()
        else []
    )
    with pytest.raises(BackupUnreadable, match="无法用当前密钥打开"):
        Store.restore(data_dir, foreign.path, PASSPHRASE)
    after = (
        sorted(path.name for path in (data_dir / "backups").glob("*"))
        if (data_dir / "backups").exists()
        else []
    )
    assert before == after
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as opened, opened.session() as s:
        assert [x.name for x in s.students.list()] == ["本校学生"]


def test_garbage_file_is_not_a_backup(store: Store, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(BackupUnreadable):
        verify_backup(junk, store._key)
