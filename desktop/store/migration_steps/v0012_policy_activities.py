"""Schema v12: the tables of the policy activities of issue 15 — 民主测评 (identification_evaluation),
个别交流 (one_to_one_talk), 诚信教育活动 (integrity_activity), 资助工作者培训 (staff_training) and 专项研究
(research_project) — each with the ``extra`` column of v9 from the start."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 12
DESCRIPTION = "民主测评、个别交流、诚信教育、资助工作者培训与专项研究"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE identification_evaluation (
    college_id TEXT NOT NULL,
    class_name TEXT NOT NULL,
    academic_year TEXT NOT NULL,
    held_on DATE NOT NULL,
    participants INTEGER NOT NULL,
    students_evaluated INTEGER NOT NULL,
    conclusion TEXT NOT NULL,
    issues_found TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_identification_evaluation PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_identification_evaluation_academic_year_college_id ON identification_evaluation (academic_year, college_id)",
    """CREATE TABLE one_to_one_talk (
    student_id TEXT NOT NULL,
    talked_on DATE NOT NULL,
    talked_by_id TEXT,
    mode TEXT NOT NULL,
    topics TEXT NOT NULL,
    summary TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_one_to_one_talk PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_one_to_one_talk_student_id ON one_to_one_talk (student_id)",
    """CREATE TABLE integrity_activity (
    college_id TEXT,
    held_on DATE NOT NULL,
    title TEXT NOT NULL,
    form TEXT NOT NULL,
    participants INTEGER NOT NULL,
    description TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_integrity_activity PRIMARY KEY (id)
)""",
    """CREATE TABLE staff_training (
    college_id TEXT,
    held_on DATE NOT NULL,
    title TEXT NOT NULL,
    organiser TEXT NOT NULL,
    trainees JSON NOT NULL,
    hours INTEGER NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_staff_training PRIMARY KEY (id)
)""",
    """CREATE TABLE research_project (
    college_id TEXT NOT NULL,
    title TEXT NOT NULL,
    leader TEXT NOT NULL,
    started_on DATE NOT NULL,
    status TEXT NOT NULL,
    concluded_on DATE,
    outcome TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_research_project PRIMARY KEY (id)
)""",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
