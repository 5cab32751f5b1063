from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store.engine import open_engine, plain_engine, rekey_connection_check
from desktop.store.errors import WrongKey


def _fill(engine_path: Path, key: bytes) -> None:
    engine = open_engine(engine_path, key)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE note (body TEXT)"))
        conn.execute(text("INSERT INTO note VALUES ('张小梅家住青石镇，父亲务农')"))
    engine.dispose()


def test_encrypted_file_has_no_plaintext_and_plain_sqlite_cannot_read_it(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    key = os.urandom(32)
    _fill(db, key)
    for path in tmp_path.iterdir():
        data = path.read_bytes()
        assert b"SQLite format 3" not in data
        assert "青石镇".encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()


def test_reopen_with_key_reads_back_and_uses_wal(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    key = os.urandom(32)
    _fill(db, key)
    engine = open_engine(db, key)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT body FROM note")).scalar_one().startswith("张小梅")
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert conn.execute(text("PRAGMA cipher_version")).scalar_one().startswith("4.")
    engine.dispose()


def test_wrong_key_is_refused_with_a_clear_message(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "store.db"
    _fill(db, os.urandom(32))
    before = db.read_bytes()
    with pytest.raises(WrongKey, match="密钥不正确"):
        open_engine(db, os.urandom(32))
    assert db.read_bytes() == before
    assert capfd.readouterr().err == ""  # SQLCipher's own error log stays quiet
    assert not rekey_connection_check(db, os.urandom(32))


def test_plain_engine_is_a_real_plain_sqlite_file(tmp_path: Path) -> None:
    engine = plain_engine(tmp_path / "plain.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
    engine.dispose()
    assert (tmp_path / "plain.db").read_bytes().startswith(b"SQLite format 3")
