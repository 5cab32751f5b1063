"""Schema v11: the outcome records (学籍状态, 个案评议, 学业成绩, 学院学业基准) get their tables."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 11
DESCRIPTION = "学籍状态、个案评议、学业成绩与学院学业基准"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE enrolment_status (
    student_id TEXT NOT NULL,
    term TEXT NOT NULL,
    state TEXT NOT NULL,
    applied_state TEXT,
    effective_on DATE,
    source TEXT NOT NULL,
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
    CONSTRAINT pk_enrolment_status PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_enrolment_status_student_id_term ON enrolment_status (student_id, term)",
    """CREATE TABLE case_review (
    student_id TEXT NOT NULL,
    reviewed_on DATE NOT NULL,
    reviewers JSON NOT NULL,
    offered TEXT NOT NULL,
    conclusion TEXT NOT NULL,
    for_state TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_case_review PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_case_review_student_id ON case_review (student_id)",
    """CREATE TABLE academic_result (
    student_id TEXT NOT NULL,
    term TEXT NOT NULL,
    gpa DOUBLE,
    failed_courses INTEGER NOT NULL,
    source TEXT NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_academic_result PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_academic_result_student_id_term ON academic_result (student_id, term)",
    """CREATE TABLE college_academic_benchmark (
    college_id TEXT NOT NULL,
    term TEXT NOT NULL,
    grade INTEGER NOT NULL,
    median_gpa DOUBLE NOT NULL,
    pass_rate DOUBLE NOT NULL,
    student_count INTEGER,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    extra JSON NOT NULL,
    CONSTRAINT pk_college_academic_benchmark PRIMARY KEY (id)
)""",
    "CREATE INDEX ix_college_academic_benchmark_college_id_term_grade ON college_academic_benchmark (college_id, term, grade)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
