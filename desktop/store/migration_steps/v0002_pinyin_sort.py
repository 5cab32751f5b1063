"""Schema v2: sort students by the pinyin of their name; find a student's visits by date.

Adds ``student.name_pinyin`` (filled from the names already stored) with its index, and replaces the
visit index on ``student_id`` with one on ``(student_id, visit_date)`` plus one on ``visit_date``: the
roster's "visited this academic year" and the coverage counts are range queries on the date.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from desktop.store.search import name_sort_key

VERSION = 2
DESCRIPTION = "按姓名拼音排序；按日期查询家访"


def upgrade(conn: Connection) -> None:
    conn.exec_driver_sql("ALTER TABLE student ADD COLUMN name_pinyin TEXT NOT NULL DEFAULT ''")
    rows = conn.execute(text("SELECT id, name FROM student")).all()
    if rows:
        conn.execute(
            text("UPDATE student SET name_pinyin = :key WHERE id = :id"),
            [{"id": row.id, "key": name_sort_key(row.name)} for row in rows],
        )
    conn.exec_driver_sql("CREATE INDEX ix_student_name_pinyin ON student (name_pinyin)")
    conn.exec_driver_sql("DROP INDEX ix_home_visit_student_id")
    conn.exec_driver_sql(
        "CREATE INDEX ix_home_visit_student_id_visit_date ON home_visit (student_id, visit_date)"
    )
    conn.exec_driver_sql("CREATE INDEX ix_home_visit_visit_date ON home_visit (visit_date)")
