"""The ``Store`` facade: create or open the encrypted local store of one data folder.

    store = Store.create(data_dir, passphrase, school_name="某某大学", user_name="王老师", role=Role.COUNSELOR)
    with store.session() as s:           # one transaction; commits at the end, rolls back on error
        s.students.create(Student(...))
    store.close()

    store = Store.open(data_dir, passphrase)      # or key=..., or nothing: the OS keyring
    store = Store.open(data_dir, key=data_key)

A data folder holds ``key.json`` (the wrapped data key), ``jiafang.db`` (SQLCipher 4, WAL) and
``backups/``. One process at a time: a second ``open``/``create`` of the same folder, in this or
another process, raises ``StoreLockedByOtherProcess`` until the first one closes (or exits).
Opening migrates the schema (after an automatic encrypted backup) and takes the daily backup.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop.store.backup import (
    BACKUP_DIR_NAME,
    DEFAULT_KEEP_DAILY,
    BackupInfo,
    create_backup,
    daily_backup,
    list_backups,
    restore_backup,
)
from desktop.store.data_shredder import ShredReport, destroy_folder
from desktop.store.dir_lock import DirLock
from desktop.store.engine import open_engine
from desktop.store.errors import StoreError, StoreExists
from desktop.store.folder_permissions import create_private_file, tighten_folder
from desktop.store.key_vault import KeyVault
from desktop.store.migrations import migrate
from desktop.store.outbox import EditContext
from desktop.store.repositories.meta import (
    CREATED_AT,
    DEVICE_ID,
    LAST_HLC,
    SCHOOL_NAME,
    USER_ID,
    USER_NAME,
    USER_ROLE,
    LocalInfo,
    MetaRepository,
)
from desktop.store.repositories.session import StoreSession
from sync.ids import new_id
from sync.records import Role

DB_FILE_NAME = "jiafang.db"


class PassphraseRequired(StoreError):
    message = "需要密码才能打开数据（系统钥匙串中没有保存密钥）。"


class DatabaseMissing(StoreError):
    message = "在该数据目录中找不到数据文件，请检查数据目录，或从备份恢复。"


class StoreClosed(StoreError):
    message = "数据已锁定或关闭，请重新解锁。"


class Store:
    """An open local store. Use ``create`` or ``open``; call ``close`` (or use ``with``)."""

    def __init__(
        self, data_dir: Path, engine: Engine, key: bytes, lock: DirLock, *, keyring_backend: Any | None = None
    ) -> None:
        self.data_dir = data_dir
        self._keyring_backend = keyring_backend
        self._engine: Engine | None = engine
        self._key = key
        self._lock = lock
        with Session(engine) as db:
            meta = MetaRepository(db)
            self._info = meta.info()
            last_hlc = meta.get(LAST_HLC)
        self._ctx = EditContext(self._info.device_id, self._info.user_id or None, last_hlc)

    # -- paths ----------------------------------------------------------------------------------
    @staticmethod
    def db_path_of(data_dir: Path) -> Path:
        return Path(data_dir) / DB_FILE_NAME

    @property
    def db_path(self) -> Path:
        return self.db_path_of(self.data_dir)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME

    @property
    def info(self) -> LocalInfo:
        """School, local user, role, device id and schema version of this store."""
        return self._info

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreClosed()
        return self._engine

    # -- creating and opening -------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        data_dir: Path,
        passphrase: str,
        *,
        school_name: str,
        user_name: str,
        role: Role,
        user_id: str | None = None,
        use_keyring: bool = True,
        keyring_backend: Any | None = None,
    ) -> Store:
        """Make a new store in ``data_dir`` (a new data key, wrapped with ``passphrase``)."""
        data_dir = Path(data_dir)
        lock = DirLock(data_dir)
        lock.acquire()
        db_path = cls.db_path_of(data_dir)
        vault = KeyVault(data_dir, keyring_backend=keyring_backend)
        try:
            if db_path.exists() or vault.exists():
                raise StoreExists()
            key = vault.create(passphrase, use_keyring=use_keyring, user_inputs=(school_name, user_name))
            try:
                create_private_file(db_path)  # SQLite gives -wal and -shm the database file's mode
                engine = open_engine(db_path, key)
                migrate(engine)
                with Session(engine) as db, db.begin():
                    MetaRepository(db).set_many(
                        {
                            DEVICE_ID: new_id(),
                            SCHOOL_NAME: school_name,
                            USER_ID: user_id or new_id(),
                            USER_NAME: user_name,
                            USER_ROLE: Role(role).value,
                            CREATED_AT: datetime.now(UTC).isoformat(),
                        }
                    )
            except BaseException:
                # Leave no half-made store behind: the folder can be initialised again.
                for path in (
                    db_path,
                    *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm")),
                    vault.path,
                ):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                raise
            return cls(data_dir, engine, key, lock, keyring_backend=keyring_backend)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(
        cls,
        data_dir: Path,
        passphrase: str | None = None,
        *,
        key: bytes | None = None,
        keyring_backend: Any | None = None,
        backup_daily: bool = True,
        keep_daily: int = DEFAULT_KEEP_DAILY,
    ) -> Store:
        """Open the store of ``data_dir`` with a passphrase, a data key, or the OS keyring."""
        data_dir = Path(data_dir)
        lock = DirLock(data_dir)
        lock.acquire()
        try:
            tighten_folder(data_dir)  # a folder made by an older version, or copied in, was 0755/0644
            key = cls._unlock(data_dir, passphrase, key, keyring_backend)
            db_path = cls.db_path_of(data_dir)
            if not db_path.exists():
                raise DatabaseMissing()
            engine = open_engine(db_path, key)
            backup_dir = data_dir / BACKUP_DIR_NAME
            try:
                migrate(
                    engine,
                    before=lambda current, target: create_backup(
                        db_path, key, backup_dir, f"pre-migration-v{current}-to-v{target}"
                    ),
                )
                if backup_daily:
                    daily_backup(db_path, key, backup_dir, keep=keep_daily)
                return cls(data_dir, engine, key, lock, keyring_backend=keyring_backend)
            except BaseException:
                engine.dispose()
                raise
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def _unlock(
        data_dir: Path, passphrase: str | None, key: bytes | None, keyring_backend: Any | None
    ) -> bytes:
        if key is not None:
            return key
        vault = KeyVault(data_dir, keyring_backend=keyring_backend)
        if passphrase is not None:
            return vault.unlock(passphrase)
        from_keyring = vault.unlock_from_keyring()
        if from_keyring is None:
            raise PassphraseRequired()
        return from_keyring

    # -- using ----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def session(self) -> Iterator[StoreSession]:
        """One transaction: commits when the block ends, rolls back everything if it raises."""
        with Session(self.engine, expire_on_commit=False) as db, db.begin():
            before = self._ctx.last_hlc
            store_session = StoreSession(db, self._ctx)
            try:
                yield store_session
                if self._ctx.last_hlc != before and self._ctx.last_hlc is not None:
                    store_session.meta.set(LAST_HLC, self._ctx.last_hlc)
            except BaseException:
                self._ctx.last_hlc = before
                raise

    def set_local_user(self, *, user_id: str, user_name: str, role: Role) -> None:
        """Change who this store belongs to (e.g. after the first login to the center)."""
        with self.session() as s:
            s.meta.set_many({USER_ID: user_id, USER_NAME: user_name, USER_ROLE: Role(role).value})
            self._info = s.meta.info()
        self._ctx.author_id = user_id

    # -- backups --------------------------------------------------------------------------------
    def backup(self, reason: str = "manual") -> BackupInfo:
        """Take an encrypted backup now."""
        self.engine  # noqa: B018 - raises StoreClosed when closed
        return create_backup(self.db_path, self._key, self.backup_dir, reason)

    def list_backups(self) -> list[BackupInfo]:
        return list_backups(self.backup_dir)

    @classmethod
    def restore(
        cls,
        data_dir: Path,
        backup_path: Path,
        passphrase: str | None = None,
        *,
        key: bytes | None = None,
        keyring_backend: Any | None = None,
    ) -> BackupInfo | None:
        """Replace the store's database with a backup (the store must not be open anywhere).

        The backup must open with this folder's key (checked first; nothing changes otherwise). The
        current database is kept as a "pre-restore" backup, which is returned.
        """
        data_dir = Path(data_dir)
        lock = DirLock(data_dir)
        lock.acquire()
        try:
            key = cls._unlock(data_dir, passphrase, key, keyring_backend)
            return restore_backup(
                cls.db_path_of(data_dir), key, Path(backup_path), data_dir / BACKUP_DIR_NAME
            )
        finally:
            lock.release()

    # -- closing --------------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._engine is None

    def close(self) -> None:
        """Close the database and release the folder lock (idempotent)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._key = b""
        self._lock.release()

    def destroy(self) -> ShredReport:
        """Delete this store for good (a wipe order from the center): the data key first (keyring entry
        and key.json), then the database, its WAL, the backups and every other file of the folder,
        each overwritten before it is unlinked.  The store is closed afterwards."""
        vault = KeyVault(self.data_dir, keyring_backend=self._keyring_backend)
        try:
            store_id: str | None = vault.store_id
        except StoreError:
            store_id = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._key = b""
        try:
            return destroy_folder(self.data_dir, store_id=store_id, keyring=vault.keyring)
        finally:
            self._lock.release()
            with contextlib.suppress(OSError):
                self._lock.path.unlink()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
