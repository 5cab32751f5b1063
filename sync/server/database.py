"""The server's database: the engine (PostgreSQL or SQLite) with its sessions, Alembic migrations run at
start, and write transactions retried on contention."""

from __future__ import annotations

import logging
import os
import random
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sync.protocol import ErrorCode
from sync.server import epoch
from sync.server.errors import ApiError
from sync.server.settings import Settings

T = TypeVar("T")
log = logging.getLogger("jiafang.server")

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x4A1AFA46


class InsecureDatabaseFile(RuntimeError):
    """The SQLite file (or its -wal/-shm) can be read by other local users; the message is Chinese."""


def secure_sqlite_file(url: str) -> None:
    """Create the SQLite file 0600 (its -wal and -shm then get the same mode from SQLite), and refuse a
    file, or -wal/-shm, that other users may read or write: it holds student data in plaintext."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if not candidate.exists():
            continue
        mode = stat.S_IMODE(candidate.stat().st_mode)
        if mode & 0o077:
            raise InsecureDatabaseFile(
                f"数据库文件 {candidate} 的权限为 {mode:04o}，本机其他用户可以读取其中的学生数据。"
                f"请先执行 chmod 600 {candidate}（并确认文件属于运行服务器的账号）再启动。"
            )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine; on SQLite every transaction takes the write lock up front (writes are serialised)."""
    if url.startswith("sqlite"):
        secure_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # No pre-ping: it costs a round trip on every checkout (two per request).  A connection found dead
    # instead (PostgreSQL restarted) invalidates the whole pool and ``Database.run`` runs the
    # transaction again on a fresh one; connections are also renewed every half hour.
    # JIT off: sync queries are short, and PostgreSQL's JIT compiled the larger scope queries (a
    # backfill of 500 students) for over a second to run them in 70 ms.
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_recycle=1800,
        connect_args={"options": "-c jit=off"},
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, autoflush=False)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def run_migrations(engine: Engine) -> None:
    """Bring the database to the newest schema (serialised between workers on PostgreSQL)."""
    config = alembic_config()
    with engine.connect() as connection:
        if not is_sqlite(engine):
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
            connection.commit()
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
        finally:
            if not is_sqlite(engine):
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                connection.commit()


# PostgreSQL: serialization_failure, deadlock_detected, unique_violation (two devices racing on one id),
# lock_not_available.  SQLite: "database is locked".
_RETRY_SQLSTATES = frozenset({"40001", "40P01", "23505", "55P03"})


def _retryable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True  # the connection was dead (database restarted): the pool was renewed
    if isinstance(error, IntegrityError):
        return getattr(error.orig, "sqlstate", None) == "23505" or "UNIQUE" in str(error.orig)
    if isinstance(error, OperationalError):
        sqlstate = getattr(error.orig, "sqlstate", None)
        return sqlstate in _RETRY_SQLSTATES or "locked" in str(error.orig) or "busy" in str(error.orig)
    return False


class Database:
    def __init__(self, settings: Settings, *, migrate: bool = True) -> None:
        self.settings = settings
        self.engine: Engine = make_engine(settings.resolved_database_url(), pool_size=settings.pool_size)
        if migrate:
            run_migrations(self.engine)
            epoch.check_identity(self.engine)  # a restored PostgreSQL database gets a new epoch
        self.sessions: sessionmaker[Session] = make_session_factory(self.engine)

    def run(self, work: Callable[[Session], T], *, retries: int | None = None) -> T:
        """Run ``work`` in one transaction; on contention roll back and run it again (bounded)."""
        attempts = (self.settings.push_retries if retries is None else retries) + 1
        for attempt in range(attempts):
            try:
                with self.sessions() as session, session.begin():
                    return work(session)
            except DBAPIError as error:
                if not _retryable(error) or attempt == attempts - 1:
                    if _retryable(error):
                        raise ApiError(ErrorCode.UNAVAILABLE) from error
                    raise
                log.info("transaction retried after contention (attempt %d)", attempt + 1)
                time.sleep(random.uniform(0, 0.005 * 2**attempt))
        raise ApiError(ErrorCode.UNAVAILABLE)

    def dispose(self) -> None:
        self.engine.dispose()
