"""The Store facade: create, open (passphrase, key, keyring), one process at a time, no plaintext."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.store.errors import StoreExists, StoreLockedByOtherProcess, WrongPassphrase
from desktop.store.key_vault import KeyVault
from desktop.store.store import DB_FILE_NAME, DatabaseMissing, PassphraseRequired, Store, StoreClosed
from sync.records import FamilyMember, HomeVisit, Role, Student
from tests.desktop.store.conftest import PASSPHRASE

SECRET_NAME = "欧阳明月"
SECRET_NOTE = "父亲去年在工地摔伤腰椎"
SECRET_PHONE = "13912345678"


def test_create_records_the_local_identity(store: Store) -> None:
    info = store.info
    assert (info.school_name, info.user_name, info.role) == ("示例大学", "王老师", Role.COUNSELOR)
    assert info.device_id and info.user_id and info.device_id != info.user_id
    assert (store.data_dir / DB_FILE_NAME).exists()


def test_create_refuses_an_existing_store(store: Store, data_dir: Path) -> None:
    store.close()
    with pytest.raises(StoreExists):
        Store.create(data_dir, PASSPHRASE, school_name="x", user_name="y", role=Role.ADMIN)


def test_open_with_passphrase_key_or_keyring(store: Store, data_dir: Path, memory_keyring: Any) -> None:
    key = store._key
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(data_dir, "not the passphrase")
    with pytest.raises(PassphraseRequired):
        Store.open(data_dir)
    with Store.open(data_dir, key=key, backup_daily=False) as opened:
        assert opened.info.school_name == "示例大学"
    KeyVault(data_dir, keyring_backend=memory_keyring).set_keyring(True, key)
    with Store.open(data_dir, keyring_backend=memory_keyring, backup_daily=False) as opened:
        assert opened.info.user_name == "王老师"


def test_missing_database_is_reported(store: Store, data_dir: Path) -> None:
    store.close()
    (data_dir / DB_FILE_NAME).unlink()
    with pytest.raises(DatabaseMissing):
        Store.open(data_dir, PASSPHRASE)


def test_closed_store_refuses_work(store: Store) -> None:
    store.close()
    store.close()
    assert store.closed
    with pytest.raises(StoreClosed), store.session():
        pass


def test_set_local_user(store: Store) -> None:
    store.set_local_user(user_id="u-42", user_name="李老师", role=Role.MENTOR)
    assert (store.info.user_id, store.info.role) == ("u-42", Role.MENTOR)
    with store.session() as s:
        created = s.students.create(Student(student_no="1", name="甲"))
        assert s.students.sync_state(created.id).author_id == "u-42"  # type: ignore[union-attr]


def test_second_open_in_the_same_process_is_refused(store: Store, data_dir: Path) -> None:
    with pytest.raises(StoreLockedByOtherProcess, match="另一个正在运行的 JiaFang"):
        Store.open(data_dir, PASSPHRASE)
    store.close()
    Store.open(data_dir, PASSPHRASE, backup_daily=False).close()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.store import key_vault
    from desktop.store.store import Store
    key_vault.DEFAULT_KDF = key_vault.KdfParams(1, 8 * 1024, 1)
    store = Store.open(Path(sys.argv[1]), sys.argv[2], backup_daily=False)
    print("ready", flush=True)
    sys.stdin.readline()
    store.close()
    """
)


def start_child(data_dir: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def test_another_process_holding_the_store_is_refused(store: Store, data_dir: Path) -> None:
    store.close()
    with start_child(data_dir) as child:
        try:
            with pytest.raises(StoreLockedByOtherProcess) as info:
                Store.open(data_dir, PASSPHRASE)
            assert "请先关闭另一个窗口或进程" in str(info.value)
        finally:
            assert child.stdin is not None
            child.stdin.write("\n")
            child.stdin.flush()
            assert child.wait() == 0
    Store.open(data_dir, PASSPHRASE, backup_daily=False).close()


def test_a_killed_process_does_not_leave_a_stale_lock(store: Store, data_dir: Path) -> None:
    store.close()
    with start_child(data_dir) as child:
        child.kill()
        child.wait()
    with Store.open(data_dir, PASSPHRASE, backup_daily=False) as opened:
        assert opened.info.school_name == "示例大学"


def test_no_plaintext_on_disk(store: Store) -> None:
    """The database, its WAL and backups hold none of the names, notes or phones typed in."""
    student = Student(student_no="2025999", name=SECRET_NAME, phone=SECRET_PHONE, home_address="云雾山村")
    with store.session() as s:
        s.students.create(student)
        s.family.create(FamilyMember(student_id=student.id, name="欧阳大山", relationship="父亲"))
        s.visits.create(
            HomeVisit(
                student_id=student.id,
                category="annual_coverage",
                mode="on_site",
                visit_date=date(2025, 10, 1),
                duration_minutes=60,
                visitors=[{"name": "王老师"}],
                school_feedback="成绩优秀",
                family_opinions="希望多关心",
                follow_up=SECRET_NOTE,
            )
        )
    backup = store.backup()
    files = [store.db_path, store.db_path.with_name(DB_FILE_NAME + "-wal"), backup.path]
    assert files[1].exists() and files[1].stat().st_size > 0  # the WAL is checked while it holds the edits
    needles = [
        text.encode()
        for text in (SECRET_NAME, SECRET_NOTE, SECRET_PHONE, "云雾山村", "欧阳大山", "ouyangmingyue")
    ]
    for path in files:
        raw = path.read_bytes()
        assert b"SQLite format 3" not in raw, path.name
        for needle in needles:
            assert needle not in raw, (path.name, needle.decode())
    for path in (files[0], files[2]):
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    with store.session() as s:
        assert (
            s.students.search("oymy")[0].follow_up
            if False
            else s.students.search("oymy")[0].name == SECRET_NAME
        )
