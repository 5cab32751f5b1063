"""Schema v3: covering indexes for the coverage dashboard (六个全覆盖) at 20,000 students.

The dashboard asks, for every disadvantaged student, whether a visit, a reward and an identification
exist. Answered from the tables, each question decrypts the wide rows (visit notes, JSON columns);
answered from these narrow indexes it does not. The visit and reward indexes replace the v2/v1
indexes they extend (same leading columns). The partial index holds the visits with the student's
traits recorded (the archive's "traits" part), so that question is answered from the index as well.
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 3
DESCRIPTION = "覆盖统计索引"

STATEMENTS: tuple[str, ...] = (
    "CREATE INDEX ix_identification_coverage ON identification "
    "(academic_year, student_id, deleted, level, visit_before_identification, updated_at)",
    "DROP INDEX ix_home_visit_student_id_visit_date",
    "CREATE INDEX ix_home_visit_coverage ON home_visit (student_id, visit_date, deleted, status)",
    "CREATE INDEX ix_home_visit_traits ON home_visit (student_id, visit_date, deleted, status) "
    "WHERE student_traits != ''",
    "DROP INDEX ix_growth_reward_student_id_academic_year",
    "CREATE INDEX ix_growth_reward_coverage ON growth_reward (student_id, academic_year, deleted, granted_on)",
    "CREATE INDEX ix_student_coverage ON student "
    "(id, deleted, college_id, counselor_id, class_name, is_new_student)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
