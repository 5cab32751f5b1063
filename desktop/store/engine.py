"""SQLAlchemy engines on SQLCipher 4 (and plain SQLite for benchmark baselines).

The database is opened with the raw 256-bit data key (`PRAGMA key = "x'…'"`), so no key derivation
runs per connection; the passphrase only unwraps that key (see key_vault.py).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from desktop.store.errors import StoreCorrupt, WrongKey
from desktop.store.search import register_search_functions

KEY_BYTES = 32

# Pragmas applied on every connection, encrypted or not, so that benchmark baselines compare like with like.
_COMMON_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",  # a laptop's battery can die in a village: fsync each commit
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",  # no temp files with plaintext pages
    "PRAGMA busy_timeout = 5000",
    # 16 MB of decrypted pages per connection (the pool keeps one): enough for the hot set (the roster
    # index is ~4 MB at 20,000 students, the coverage indexes a few MB each) within the client's 300 MB
    # RSS budget; 64 MB grew with every screen visited (measured: +25 MB RSS in one ui_bench session)
    # with no measurable gain in bench/store_bench.py's SQLCipher/plain ratio.
    "PRAGMA cache_size = -16384",
    "PRAGMA journal_size_limit = 33554432",  # the WAL shrinks back to 32 MB after a big import
)


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("the data key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_encrypted(db_path: Path, key: bytes) -> Any:
    """Open one DB-API connection to an encrypted database and check the key.

    Raises WrongKey when the key does not open the file (or the file is not a SQLCipher database).
    """
    conn = sqlcipher3.connect(str(db_path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # wrong keys are reported by us, not on stderr
        conn.execute(_key_pragma(key))
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WrongKey() from exc
    try:
        for pragma in _COMMON_PRAGMAS:
            conn.execute(pragma)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise StoreCorrupt() from exc
    register_search_functions(conn)
    return conn


# The pool keeps ONE idle connection (its warm page cache is what makes the next query fast) and opens
# short-lived extra ones only while several threads use the store at once. SQLAlchemy's default for
# a creator-made SQLite engine, SingletonThreadPool, keys connections by Python thread state, which a
# Qt worker thread gets anew for every slot call: each store request then opened a new connection
# with a cold cache (decrypting the same pages again) and up to five of them stayed open, 64 MB of
# cache each (measured in the app: 88 connections for 70 roster queries, 2-5x slower queries).
_POOL = {"poolclass": QueuePool, "pool_size": 1, "max_overflow": 8, "pool_timeout": 60}


def _configure(engine: Engine) -> Engine:
    # Let SQLAlchemy, not the driver, manage transactions (pysqlite's legacy implicit BEGIN is off
    # through isolation_level=None above): emit BEGIN ourselves so that reads and writes of one
    # session are one transaction.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def open_engine(db_path: Path, key: bytes) -> Engine:
    """An engine on the SQLCipher database at `db_path`, opened with the raw data key.

    The first connection is made here, so a wrong key fails now with WrongKey, not on first use.
    """
    db_path = Path(db_path)
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3.dbapi2,
        creator=lambda: connect_encrypted(db_path, key),
        pool_pre_ping=False,
        **_POOL,
    )
    _configure(engine)
    engine.connect().close()  # connect now: a wrong key fails here, not on first use
    return engine


def connect_plain(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), check_same_thread=False, isolation_level=None)
    for pragma in _COMMON_PRAGMAS:
        conn.execute(pragma)
    register_search_functions(conn)
    return conn


def plain_engine(db_path: Path) -> Engine:
    """The same engine on plain SQLite: only for benchmark baselines, never for student data."""
    db_path = Path(db_path)
    engine = create_engine("sqlite+pysqlite://", creator=lambda: connect_plain(db_path), **_POOL)
    return _configure(engine)


def rekey_connection_check(db_path: Path, key: bytes) -> bool:
    """True when `key` opens the database at `db_path` (used before restoring a backup)."""
    try:
        connect_encrypted(db_path, key).close()
    except (WrongKey, StoreCorrupt):
        return False
    return True
