"""Schema v13: the table of the workload confirmations (工作量确认, issue 15), with the ``extra`` column of
v9 from the start."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 13
DESCRIPTION = "工作量确认"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE workload_confirmation (
    term TEXT NOT NULL,
    college_id TEXT NOT NULL,
    confirmed_on DATE NOT NULL,
    confirmed_by_id TEXT,
    confirmed_by_name TEXT NOT NULL,
    items JSON NOT NULL,
    note TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_workload_confirmation PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_workload_confirmation_term_college_id ON workload_confirmation (term, college_id)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
