"""Schema v7: the six coverages' exact rules (docs/coverage.md).

The support centers get a site and deputies, and the school-level center is a record of its own
(coverage #1); an identification records its aid decision (the archive's aid history, #4) and the
center's reason for a level set before the 先家访后认定 visit; a mentor assignment records the center's
reason for a mentor whose expertise matches none of the student's needs (#5).
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 7
DESCRIPTION = "支持中心阵地与副主任、学校支持中心、资助决定、先家访后认定例外、导师专长不匹配原因"

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE college ADD COLUMN center_site TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE college ADD COLUMN center_deputies JSON NOT NULL DEFAULT '[]'",
    "ALTER TABLE identification ADD COLUMN visit_exception_reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE identification ADD COLUMN aid_decision TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE mentor_assignment ADD COLUMN mismatch_reason TEXT NOT NULL DEFAULT ''",
    # covering indexes for the stricter counts (the v3 indexes extended; see the ORM tables)
    "DROP INDEX ix_home_visit_coverage",
    "CREATE INDEX ix_home_visit_coverage ON home_visit (student_id, visit_date, deleted, status, mode)",
    "DROP INDEX ix_home_visit_traits",
    "CREATE INDEX ix_home_visit_traits ON home_visit (student_id, visit_date, deleted, status, mode) "
    "WHERE student_traits != ''",
    "CREATE INDEX ix_student_talents ON student (id) WHERE talents != ''",
    "DROP INDEX ix_identification_coverage",
    "CREATE INDEX ix_identification_coverage ON identification "
    "(academic_year, student_id, deleted, level, visit_before_identification, updated_at, aid_decision)",
    "DROP INDEX ix_guarantee_aid_student_id_academic_year",
    "CREATE INDEX ix_guarantee_aid_coverage ON guarantee_aid (student_id, academic_year, deleted)",
    """CREATE TABLE school_center (
    name TEXT NOT NULL,
    site TEXT NOT NULL,
    director TEXT NOT NULL,
    deputies JSON NOT NULL,
    members JSON NOT NULL,
    id TEXT NOT NULL,
    deleted BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    field_versions JSON NOT NULL,
    server_seq INTEGER NOT NULL,
    author_id TEXT,
    device_id TEXT,
    CONSTRAINT pk_school_center PRIMARY KEY (id)
)""",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
