"""Schema v6: the printed record number of a home visit (``JF-2026-017-0042``), looked up by the roster
search when a counselor types or scans it from a paper form (see sync.records.record_numbers)."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 6
DESCRIPTION = "家访记录编号"

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE home_visit ADD COLUMN record_no TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX ix_home_visit_record_no ON home_visit (record_no) WHERE record_no != ''",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
