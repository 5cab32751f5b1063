"""Schema v4: a narrow covering index for roster searches and counts at 20,000 students.

A roster search is ``search_key LIKE '%…%'``: no index can seek it, so every student is read. Read
from the table, that decrypts the wide student rows (addresses, talents, JSON versions: ~10 MB at
20,000 students); read from this index (~4 MB) it does not. The index holds every column the roster
filters or sorts on plus the id, so the ids of a page and the count come from the index alone.
"""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 4
DESCRIPTION = "名册搜索索引"

STATEMENTS: tuple[str, ...] = (
    "CREATE INDEX ix_student_roster ON student (deleted, search_key, student_no, name_pinyin, "
    "class_name, grade, college_id, counselor_id, is_new_student, id)",
)


def upgrade(conn: Connection) -> None:
    for statement in STATEMENTS:
        conn.exec_driver_sql(statement)
