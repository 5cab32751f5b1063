"""Schema v5: attachment bytes (visit photos) inside the encrypted store, keyed by SHA-256."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 5
DESCRIPTION = "附件加密存储"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE attachment_blob (
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    uploaded BOOLEAN NOT NULL,
    data BLOB NOT NULL,
    CONSTRAINT pk_attachment_blob PRIMARY KEY (sha256)
)""",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
