"""Roster rows: filters, sorting, counts, paging, and the students still to visit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.store.engine import open_engine
from desktop.store.key_vault import KeyVault
from desktop.store.migrations import LATEST_VERSION, STEPS, migrate
from desktop.store.repositories import SORT_KEYS, RosterFilter
from desktop.store.store import DB_FILE_NAME, Store
from sync.records import College, HomeVisit, Identification, KeySupport, Student, User
from tests.desktop.store.conftest import PASSPHRASE

YEAR = "2025-2026"


def visit(student_id: str, day: date, **fields: Any) -> HomeVisit:
    return HomeVisit.model_validate(
        {
            "student_id": student_id,
            "category": "annual_coverage",
            "mode": "video",
            "visit_date": day,
            "duration_minutes": 30,
            "visitors": [{"name": "王老师"}],
            "school_feedback": "好",
            "family_opinions": "无",
            **fields,
        }
    )


@pytest.fixture
def school(store: Store) -> dict[str, Any]:
    arts, science = College(name="文学院"), College(name="理学院")
    counselor = User(staff_no="T1", name="王老师", role="counselor")
    students = {
        "zhang": Student(
            student_no="A001",
            name="张三",
            college_id=arts.id,
            grade=2025,
            class_name="中文2501",
            counselor_id=counselor.id,
            is_new_student=True,
        ),
        "li": Student(
            student_no="A002",
            name="李四",
            college_id=arts.id,
            grade=2024,
            class_name="中文2401",
            counselor_id=counselor.id,
        ),
        "wang": Student(
            student_no="B001",
            name="王五",
            college_id=science.id,
            grade=2025,
            class_name="物理2501",
            is_new_student=True,
        ),
        "zhao": Student(
            student_no="B002", name="赵六", college_id=science.id, grade=2023, class_name="物理2301"
        ),
    }
    ids = {key: student.id for key, student in students.items()}
    with store.session() as s:
        s.colleges.create_many([arts, science])
        s.users.create(counselor)
        s.students.create_many(students.values())
        s.identifications.create_many(
            [
                Identification(student_id=ids["zhang"], academic_year=YEAR, visit_before_identification=True),
                Identification(student_id=ids["li"], academic_year=YEAR, level="difficult"),
                Identification(student_id=ids["li"], academic_year="2024-2025", level="especially_difficult"),
                Identification(student_id=ids["wang"], academic_year=YEAR, level="especially_difficult"),
                Identification(student_id=ids["zhao"], academic_year=YEAR, level="not_difficult"),
            ]
        )
        s.visits.create_many(
            [
                visit(ids["li"], date(2024, 10, 1)),  # last year: does not count
                visit(ids["wang"], date(2025, 9, 15)),
                visit(
                    ids["zhao"], date(2025, 10, 1), status="draft", school_feedback=""
                ),  # drafts do not count
            ]
        )
        s.key_supports.create(
            KeySupport(student_id=ids["li"], difficulty_types=["academic"], started_on=date(2025, 10, 1))
        )
    return {"ids": ids, "arts": arts.id, "science": science.id, "counselor": counselor.id}


def names(store: Store, filters: RosterFilter, **kw: Any) -> list[str]:
    with store.session() as s:
        return [row.name for row in s.roster.rows(filters, **kw)]


def test_rows_carry_everything_the_roster_shows(store: Store, school: dict[str, Any]) -> None:
    with store.session() as s:
        rows = {row.name: row for row in s.roster.rows(RosterFilter(academic_year=YEAR))}
    assert list(rows) == ["张三", "李四", "王五", "赵六"]
    li = rows["李四"]
    assert (li.student_no, li.college_name, li.grade, li.class_name, li.counselor_name) == (
        "A002",
        "文学院",
        2024,
        "中文2401",
        "王老师",
    )
    assert (li.level, li.visited, li.key_support, li.is_new_student) == ("difficult", False, True, False)
    assert rows["王五"].visited and rows["王五"].level == "especially_difficult"
    assert rows["张三"].visit_before_identification and rows["张三"].level is None
    assert not rows["赵六"].visited


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (RosterFilter(academic_year=YEAR, college_id="arts"), ["张三", "李四"]),
        (RosterFilter(academic_year=YEAR, grade=2025), ["张三", "王五"]),
        (RosterFilter(academic_year=YEAR, class_name="物理2301"), ["赵六"]),
        (RosterFilter(academic_year=YEAR, counselor_id="counselor"), ["张三", "李四"]),
        (RosterFilter(academic_year=YEAR, level="difficult"), ["李四"]),
        (RosterFilter(academic_year="2024-2025", level="especially_difficult"), ["李四"]),
        (RosterFilter(academic_year=YEAR, disadvantaged=True), ["张三", "李四", "王五"]),
        (RosterFilter(academic_year=YEAR, disadvantaged=False), ["赵六"]),
        (RosterFilter(academic_year=YEAR, key_support=True), ["李四"]),
        (RosterFilter(academic_year=YEAR, key_support_type="academic"), ["李四"]),
        (RosterFilter(academic_year=YEAR, key_support_type="psychological"), []),
        (RosterFilter(academic_year=YEAR, visited=True), ["王五"]),
        (RosterFilter(academic_year="2024-2025", visited=True), ["李四"]),
        (RosterFilter(academic_year=YEAR, new_student=True), ["张三", "王五"]),
        (RosterFilter(academic_year=YEAR, search="zs"), ["张三"]),
        (RosterFilter(academic_year=YEAR, search="B00", grade=2023), ["赵六"]),
    ],
)
def test_filters(store: Store, school: dict[str, Any], filters: RosterFilter, expected: list[str]) -> None:
    values = {
        name: school[value] if name in ("college_id", "counselor_id") and value else value
        for name, value in vars(filters).items()
    }
    filters = RosterFilter(**values)
    assert names(store, filters) == expected
    with store.session() as s:
        assert s.roster.count(filters) == len(expected)


def test_sorting_and_paging(store: Store, school: dict[str, Any]) -> None:
    all_year = RosterFilter(academic_year=YEAR)
    assert names(store, all_year, sort="name") == ["李四", "王五", "张三", "赵六"]
    assert names(store, all_year, sort="name", descending=True) == ["赵六", "张三", "王五", "李四"]
    assert names(store, all_year, sort="grade") == ["赵六", "李四", "张三", "王五"]
    assert names(store, all_year, sort="college", limit=2) == ["张三", "李四"]
    assert names(store, all_year, offset=1, limit=2) == ["李四", "王五"]
    for key in SORT_KEYS:
        assert len(names(store, all_year, sort=key)) == 4
    with pytest.raises(ValueError, match="unknown roster sort key"):
        names(store, all_year, sort="id_number")


def test_unvisited_lists_visit_first_students_first(store: Store, school: dict[str, Any]) -> None:
    with store.session() as s:
        rows = s.roster.unvisited(YEAR)
        assert [row.name for row in rows] == ["张三", "李四"]
        assert [row.name for row in s.roster.unvisited(YEAR, college_id=school["science"])] == []
        assert s.roster.classes(school["arts"]) == ["中文2401", "中文2501"]
        assert s.roster.grades() == [2023, 2024, 2025]


def test_deleted_students_leave_the_roster(store: Store, school: dict[str, Any]) -> None:
    with store.session() as s:
        s.students.delete(school["ids"]["zhang"])
        assert s.roster.count(RosterFilter(academic_year=YEAR)) == 3


def _statements_of(store: Store, run: Any) -> list[tuple[str, Any]]:
    """The SQL statements (with their parameters) that ``run()`` sends to the database."""
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return seen


def _plan(store: Store, statement: str, parameters: Any) -> str:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return " / ".join(str(row[-1]) for row in rows)


def test_a_search_reads_the_roster_index_and_computes_columns_for_the_page_only(
    store: Store, school: dict[str, Any]
) -> None:
    filters = RosterFilter(academic_year=YEAR, search="中文")
    with store.session() as s:
        statements = _statements_of(store, lambda: s.roster.rows(filters, limit=1))
        ids_sql, ids_params = statements[0]
        assert "COVERING INDEX ix_student_roster" in _plan(store, ids_sql, ids_params)
        assert "identification" not in ids_sql and "home_visit" not in ids_sql  # no computed columns
        assert [row.name for row in s.roster.rows(filters, limit=1)] == ["张三"]
        assert [row.name for row in s.roster.rows(filters, offset=1, limit=5)] == ["李四"]
        count_sql, count_params = _statements_of(store, lambda: s.roster.count(filters))[0]
        assert "COVERING INDEX ix_student_roster" in _plan(store, count_sql, count_params)


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_pages_follow_the_order_of_the_whole_list(store: Store, school: dict[str, Any], sort: str) -> None:
    for descending in (False, True):
        everything = names(store, RosterFilter(academic_year=YEAR), sort=sort, descending=descending)
        pages = [
            name
            for offset in range(0, 4, 3)
            for name in names(
                store,
                RosterFilter(academic_year=YEAR),
                sort=sort,
                descending=descending,
                offset=offset,
                limit=3,
            )
        ]
        assert pages == everything


def test_a_v3_store_gets_the_roster_index(data_dir: Path) -> None:
    key = KeyVault(data_dir).create(PASSPHRASE, use_keyring=False)
    engine = open_engine(data_dir / DB_FILE_NAME, key)
    assert migrate(engine, steps=STEPS[:3]) == [1, 2, 3]
    engine.dispose()
    store = Store.open(data_dir, PASSPHRASE, backup_daily=False)
    try:
        assert store.info.schema_version == LATEST_VERSION
        with store.engine.connect() as conn:  # (SQLAlchemy's reflection skips expression indexes)
            indexes = {row[1] for row in conn.exec_driver_sql("PRAGMA index_list('student')")}
        assert "ix_student_roster" in indexes
        with store.session() as s:
            s.meta.set_many({"device_id": "dev-1", "user_id": "u1"})
            s.students.create(Student(student_no="C001", name="孙七", class_name="化学2501"))
            assert [row.name for row in s.roster.rows(RosterFilter(search="sq"), limit=50)] == ["孙七"]
            assert s.roster.count(RosterFilter(search="化学")) == 1
    finally:
        store.close()
