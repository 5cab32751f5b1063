"""Schema v14: 公示 of identification results — the notices and the objections raised against them."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 14
DESCRIPTION = "认定结果公示与公示异议"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE public_notice (
    college_id TEXT,
    academic_year TEXT NOT NULL,
    title TEXT NOT NULL,
    published_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    student_ids JSON NOT NULL,
    contact TEXT NOT NULL,
    issuer TEXT NOT NULL,
    status TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_public_notice PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_public_notice_academic_year ON public_notice (academic_year)",
    """CREATE TABLE notice_objection (
    notice_id TEXT NOT NULL,
    received_on DATE NOT NULL,
    student_id TEXT,
    summary TEXT NOT NULL,
    resolution TEXT NOT NULL,
    resolved_on DATE,
    result TEXT,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_notice_objection PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_notice_objection_notice_id ON notice_objection (notice_id)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
