"""Schema v10: indexes for the coverage working set, read year by year instead of student by student.

The six coverages at 20,000 students (budget 200 ms) read each input once for the whole year
(desktop/store/coverage_facts.py): the year's growth rewards and aid records, the visits of the
widest visit window (with whether the student's traits are recorded), the students grouped by college,
counselor and class (with whether the profile records 个人特长), the monitoring flags, and the
key-support inputs (supports, mentor assignments, mentors' expertise, sessions). Each question is a scan of one of these narrow indexes, in the order the query
needs (no sort), and never decrypts a wide row: together they fit the connection's 16 MB page cache
at 20,000 students, so a warm dashboard decrypts nothing again. They replace the v3/v7 indexes that answered the
same questions one student at a time (student id first), which nothing else reads.
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 10
DESCRIPTION = "覆盖统计按学年读取的索引"

STATEMENTS: tuple[str, ...] = (
    "DROP INDEX ix_student_coverage",
    "DROP INDEX ix_student_talents",
    # the last columns are expressions: a partial index would still read the wide row to test them
    "CREATE INDEX ix_student_groups ON student "
    "(deleted, college_id, counselor_id, class_name, is_new_student, id, talents != '')",
    "CREATE INDEX ix_home_visit_window ON home_visit "
    "(visit_date, deleted, status, mode, student_id, student_traits != '')",
    "DROP INDEX ix_home_visit_traits",
    "CREATE INDEX ix_growth_reward_year ON growth_reward (academic_year, deleted, student_id)",
    "CREATE INDEX ix_guarantee_aid_year ON guarantee_aid (academic_year, deleted, student_id)",
    "CREATE INDEX ix_monitoring_flag_counts ON monitoring_flag "
    "(deleted, student_id, status, raised_on, resolved_on)",
    # key support (#5, #6): the active supports with their needs, the assignments, the mentors'
    # expertise, the year's sessions with their students
    "CREATE INDEX ix_key_support_coverage ON key_support "
    "(student_id, deleted, started_on, exited_on, difficulty_types)",
    "CREATE INDEX ix_mentor_assignment_coverage ON mentor_assignment "
    "(student_id, deleted, from_date, to_date, mentor_id, mismatch_reason)",
    "CREATE INDEX ix_mentor_coverage ON mentor (id, deleted, active, specialties)",
    "CREATE INDEX ix_rescue_session_coverage ON rescue_session (session_date, deleted, kind, student_ids)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
