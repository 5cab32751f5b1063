"""The set-based SQL coverage of the laptop (desktop/store/coverage.py) against the plain-Python engine the
server shares (sync/figures/coverage.py): the rules of docs/coverage.md applied to the records themselves,
read from the same store with desktop/store/figure_facts.read_school_facts.

Run on the hand-built school (with extra edge cases: a later identification that changes the level,
到校约谈 with traits, pre-enrolment visits, a deleted student, two identifications of a year for one
student) and on a small synthetic demo school, for several years, reference days and scopes: the whole
report (every total, every breakdown row with its label, the 到校约谈 and 先家访后认定 counts, the flags,
the centers) and every drill-down list (who, in which order, lacking which parts) must be equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.commands.demo_command import insert_records
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    STUDENT_MEASURES,
    CoverageScope,
    Measure,
    compute_coverage,
    missing_students,
)
from desktop.store.figure_facts import read_school_facts
from desktop.store.store import Store
from sync.demo import DemoGenerator
from sync.figures.coverage import FACT_TYPES, coverage_of, missing_of, year_facts
from sync.figures.facts import SchoolFacts
from sync.records import HomeVisit, Role, Student, VisitMode, academic_year_of
from tests.desktop.store.conftest import PASSPHRASE
from tests.desktop.store.coverage_fixture import YEAR, build_school, identification, reward, visit

MEASURES = (*STUDENT_MEASURES, *KEY_SUPPORT_MEASURES)


def scopes(facts: SchoolFacts) -> list[CoverageScope]:
    students = facts.of(Student)
    colleges = sorted({student.college_id for student in students if student.college_id})
    counselors = sorted({student.counselor_id for student in students if student.counselor_id})
    return [
        CoverageScope.school(),
        *(CoverageScope.college(college) for college in colleges[:3]),
        *(CoverageScope.counselor(counselor) for counselor in counselors[:3]),
    ]


def assert_engine_matches_sql(store: Store, academic_year: str, today: date) -> int:
    """Compare every figure and list; returns how many students were in some population."""
    with store.session() as session:
        facts = read_school_facts(session, FACT_TYPES)
        for scope in scopes(facts):
            for key_support in (True, False):
                sql = compute_coverage(
                    session, academic_year, scope, include_key_support=key_support, today=today
                )
                engine = coverage_of(
                    facts, academic_year, scope, include_key_support=key_support, today=today
                )
                assert engine == sql, (scope, key_support)
            for measure in MEASURES:
                listed = missing_students(
                    session, academic_year, scope, measure, include_key_support=True, today=today
                )
                assert missing_of(
                    facts, academic_year, scope, measure, include_key_support=True, today=today
                ) == (listed), (scope, measure)
            row = sql.by_class[0] if sql.by_class else None
            if row is not None:  # narrowed to a breakdown row
                college = next(c.key for c in sql.by_college if c.label == row.college)
                class_name = row.key.split("/", 1)[1]
                narrowed = {
                    "college_id": college,
                    "class_name": class_name,
                    "include_key_support": False,
                    "today": today,
                }
                assert missing_of(
                    facts, academic_year, scope, Measure.VISITS, **narrowed
                ) == missing_students(session, academic_year, scope, Measure.VISITS, **narrowed)
        year = year_facts(facts, academic_year, CoverageScope.school(), include_key_support=True, today=today)
        return len(year.population | year.key_population)


def add_edge_cases(store: Store) -> None:
    """Cases the hand-built school leaves out, for the reference to agree on."""
    with store.session() as db:
        students = {row.student_no: row for row in db.students.list()}
        ids = {number: student.id for number, student in students.items()}
        college, counselor = students["A001"].college_id, students["A001"].counselor_id
        extra = [
            Student(
                student_no=f"C00{index}",
                name=f"边界{index}",
                college_id=college,
                class_name=class_name,
                counselor_id=counselor,
                is_new_student=index in (0, 2),
                talents="书法" if index == 3 else "",
            )
            for index, class_name in enumerate(("中文2503", "", "中文2503", "中文2504", "中文2503"))
        ]
        db.students.create_many(extra)
        c0, c1, c2, c3, c4 = (student.id for student in extra)
        db.identifications.create_many(
            [
                identification(c0, YEAR, "difficult", aid_decision="助学金"),
                identification(c1, YEAR, "generally_difficult"),
                identification(c2, YEAR, None, visit_before_identification=True),
                identification(c3, YEAR, "especially_difficult"),
                identification(c4, YEAR, "difficult"),
            ]
        )
        # B002 (不困难) re-identified in July at a disadvantaged level: the edited identification counts
        b002 = db.identifications.for_year(ids["B002"], YEAR)
        assert b002 is not None
        db.identifications.patch(b002.id, level="difficult", identified_on=date(2026, 7, 1))
        db.visits.create_many(
            [
                # a new student's pre-enrolment visit (counts) and a talk at school with traits (only the talk)
                visit(c0, date(2025, 6, 1), student_traits="开朗"),
                visit(c1, date(2026, 1, 10), mode="at_school", student_traits="踏实"),
                visit(c2, date(2025, 6, 15), mode="wechat_qq"),
                visit(c2, date(2025, 5, 31)),  # before the new student's window
                visit(c3, date(2026, 8, 31), mode="phone"),
                visit(c4, date(2026, 9, 1)),  # next year
                visit(c4, date(2025, 6, 2), student_traits="内向"),  # not a new student: last year's
            ]
        )
        db.rewards.create_many([reward(c0, YEAR, date(2026, 1, 1)), reward(c3, YEAR, date(2026, 3, 1))])
        # two identifications of the year for one student (the app refuses it; a store may still hold
        # them): the latest decides #2-#4, any disadvantaged one keeps A001 (key support) in #5-#6
        a001 = db.identifications.for_year(ids["A001"], YEAR)
        assert a001 is not None
        for statement in (
            "CREATE TEMP TABLE twin AS SELECT * FROM identification WHERE id = :id",
            # stored later (same format, a later year)
            "UPDATE twin SET id = :twin, level = 'not_difficult', updated_at = '2999' || substr(updated_at, 5)",
            "INSERT INTO identification SELECT * FROM twin",
            "DROP TABLE twin",
        ):
            db.db.execute(text(statement), {"id": a001.id, "twin": f"0-{a001.id}"})  # sorts first by id
        gone = Student(student_no="C009", name="已删除", college_id=college, counselor_id=counselor)
        db.students.create(gone)
        db.identifications.create(identification(gone.id, YEAR, "difficult"))
        db.visits.create(visit(gone.id, date(2025, 10, 1)))
        db.students.delete(gone.id)


@pytest.fixture(scope="module")
def hand_built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.create(
        tmp_path_factory.mktemp("hand"),
        PASSPHRASE,
        school_name="测试大学",
        user_name="校中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    build_school(store)
    add_edge_cases(store)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("academic_year", "today"),
    [
        (YEAR, date(2026, 11, 26)),  # a complete year (reference day 31 August)
        (YEAR, date(2026, 1, 20)),  # the running year: key support as it stands today
        (YEAR, date(2026, 6, 30)),
        ("2024-2025", date(2026, 11, 26)),
        ("2026-2027", date(2026, 11, 26)),
    ],
)
def test_hand_built_school_engine_equals_sql(hand_built: Store, academic_year: str, today: date) -> None:
    counted = assert_engine_matches_sql(hand_built, academic_year, today)
    if academic_year == YEAR:
        assert counted >= 10  # the edge cases are in the population


def test_the_engine_sees_the_edge_cases(hand_built: Store) -> None:
    """The engine itself, on the cases added here (so agreeing with SQL is not agreeing on nothing)."""
    with hand_built.session() as session:
        facts = read_school_facts(session, FACT_TYPES)
    ids = {student.student_no: student.id for student in facts.of(Student)}
    year = year_facts(facts, YEAR, CoverageScope.school(), include_key_support=True, today=date(2026, 11, 26))
    assert ids["C000"] in year.visited and ids["C000"] in year.archived
    assert ids["C001"] in year.talked and ids["C001"] not in year.visited
    assert ids["C001"] not in year.traits
    assert ids["C002"] in year.visited and ids["C002"] not in year.awaiting
    assert ids["C003"] in year.traits and ids["C003"] not in year.aided
    assert ids["C004"] not in year.visited
    assert ids["B002"] in year.population  # the edited identification counts
    assert ids["A001"] not in year.population and ids["A001"] in year.key_population  # the twin
    assert "C009" not in ids


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, date]]:
    today = date(2026, 6, 15)
    generator = DemoGenerator(students=400, today=today, seed=5)
    store = Store.create(
        tmp_path_factory.mktemp("demo"),
        PASSPHRASE,
        school_name=generator.school.name,
        user_name="校中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    for chunk in generator.chunks(200):
        with store.session() as session:
            insert_records(session, chunk)
    yield store, today
    store.close()


@pytest.mark.parametrize("years_back", [0, 1])
def test_demo_school_engine_equals_sql(demo: tuple[Store, date], years_back: int) -> None:
    store, today = demo
    academic_year = academic_year_of(today - timedelta(days=365 * years_back))
    assert assert_engine_matches_sql(store, academic_year, today) > 100


def test_the_comparison_can_tell_a_wrong_figure(hand_built: Store) -> None:
    """Facts whose data drifted (a talk at school recorded as a phone visit) give another report."""
    today = date(2026, 11, 26)
    with hand_built.session() as session:
        facts = read_school_facts(session, FACT_TYPES)
        sql = compute_coverage(session, YEAR, include_key_support=True, today=today)
    assert coverage_of(facts, YEAR, include_key_support=True, today=today) == sql
    drifted = SchoolFacts({**facts.records})
    drifted.records[HomeVisit.RECORD_TYPE] = [
        visit.model_copy(update={"mode": VisitMode.PHONE}) if visit.mode is VisitMode.AT_SCHOOL else visit
        for visit in facts.of(HomeVisit)
    ]
    assert coverage_of(drifted, YEAR, include_key_support=True, today=today) != sql
