"""Encrypted backups of the local store: on demand, daily, before each migration; and restore.

A backup is a complete SQLCipher database encrypted with the same data key (SQLite's online backup
API into a keyed target), so it opens with the same passphrase and never holds plaintext. Files are
named ``jiafang-YYYYMMDD-HHMMSS-ffffff-<reason>.db`` (no personal or sensitive words), mode 0600.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import sqlcipher3

from desktop.store.engine import connect_encrypted
from desktop.store.errors import StoreCorrupt, StoreError, WrongKey
from desktop.store.folder_permissions import make_private_folder

BACKUP_DIR_NAME = "backups"
DEFAULT_KEEP_DAILY = 7
_NAME_RE = re.compile(r"^jiafang-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.db$")


def _key_statement(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


class BackupUnreadable(StoreError):
    message = "备份文件无法用当前密钥打开或已损坏，未作任何改动。"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


def _info(path: Path) -> BackupInfo | None:
    match = _NAME_RE.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
    return BackupInfo(path, created, match.group(2), path.stat().st_size)


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_encrypted(db_path: Path, key: bytes, target: Path) -> None:
    """Write a consistent encrypted copy of the database at ``db_path`` to ``target`` (atomically).

    Works while the store is open (the copy is a snapshot that includes the WAL).
    """
    make_private_folder(target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = connect_encrypted(db_path, key)
    try:
        destination = sqlcipher3.connect(str(tmp), isolation_level=None)
        try:
            destination.execute(_key_statement(key))
            destination.execute("PRAGMA cipher_compatibility = 4")
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        source.close()


def create_backup(db_path: Path, key: bytes, backup_dir: Path, reason: str = "manual") -> BackupInfo:
    """Take a backup now; ``reason`` is a short ASCII tag (manual, daily, pre-migration-v2 …)."""
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError("backup reason must be lower-case ASCII letters, digits and dashes")
    now = datetime.now(UTC)
    target = Path(backup_dir) / f"jiafang-{now:%Y%m%d-%H%M%S-%f}-{reason}.db"
    copy_encrypted(Path(db_path), key, target)
    info = _info(target)
    assert info is not None
    return info


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in ``backup_dir``, newest first."""
    directory = Path(backup_dir)
    if not directory.is_dir():
        return []
    found = [info for path in directory.iterdir() if (info := _info(path)) is not None]
    return sorted(found, key=lambda info: info.created_at, reverse=True)


def prune_backups(backup_dir: Path, reason: str, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest backups with this reason; returns the deleted paths."""
    old = [info.path for info in list_backups(backup_dir) if info.reason == reason][keep:]
    for path in old:
        path.unlink()
    return old


def daily_backup(
    db_path: Path, key: bytes, backup_dir: Path, *, keep: int = DEFAULT_KEEP_DAILY, today: date | None = None
) -> BackupInfo | None:
    """Take today's daily backup unless there is one already (UTC day); keep the last ``keep``."""
    day = today or datetime.now(UTC).date()
    if any(info.reason == "daily" and info.created_at.date() == day for info in list_backups(backup_dir)):
        return None
    info = create_backup(db_path, key, backup_dir, "daily")
    prune_backups(backup_dir, "daily", keep)
    return info


def verify_backup(path: Path, key: bytes) -> None:
    """Raise BackupUnreadable unless ``path`` opens with ``key`` and passes SQLite's quick check."""
    try:
        conn = connect_encrypted(Path(path), key)
    except (WrongKey, StoreCorrupt) as exc:
        raise BackupUnreadable() from exc
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise BackupUnreadable() from exc
    finally:
        conn.close()
    if result is None or result[0] != "ok" or has_meta is None:
        raise BackupUnreadable()


def _checkpoint(db_path: Path, key: bytes) -> None:
    conn = connect_encrypted(db_path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def restore_backup(db_path: Path, key: bytes, backup_path: Path, backup_dir: Path) -> BackupInfo | None:
    """Replace the database with a backup. The store must be closed (the caller holds its lock).

    The backup is verified first (nothing changes when it does not open with the key); the current
    database is kept as a "pre-restore" backup, which is returned (None when there was no database).
    """
    db_path = Path(db_path)
    verify_backup(Path(backup_path), key)
    previous: BackupInfo | None = None
    if db_path.exists():
        previous = create_backup(db_path, key, backup_dir, "pre-restore")
        _checkpoint(db_path, key)
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    copy_encrypted(Path(backup_path), key, tmp)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    os.replace(tmp, db_path)
    _fsync_dir(db_path.parent)
    return previous
