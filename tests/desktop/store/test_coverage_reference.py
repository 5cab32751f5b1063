"""The set-based coverage (desktop/store/coverage_facts.py) against a straightforward reference: the
rules of docs/coverage.md applied student by student in plain Python to every row of every table.

Run on the hand-built school (with extra edge cases: a later identification that changes the level,
到校约谈 with traits, pre-enrolment visits, a deleted student, a mentor with a recorded mismatch reason)
and on a small synthetic demo school, for several years, reference days and scopes: every total,
every breakdown row, the 到校约谈 and 先家访后认定 counts, the flags, and every drill-down list (who,
in which order, lacking which parts) must be the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from desktop.commands.demo_command import insert_records
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    STUDENT_MEASURES,
    CoverageReport,
    CoverageScope,
    Measure,
    compute_coverage,
    missing_students,
    reference_day,
)
from desktop.store.repositories.roster import DISADVANTAGED_LEVELS
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.demo import DemoGenerator
from sync.records import Role, Student, academic_year_bounds, academic_year_of
from sync.records.academic import new_student_window_start
from tests.desktop.store.conftest import PASSPHRASE
from tests.desktop.store.coverage_fixture import YEAR, build_school, identification, reward, visit

Row = dict[str, Any]
MEASURES = (*STUDENT_MEASURES, *KEY_SUPPORT_MEASURES)
PART_REASONS: dict[Measure, tuple[tuple[str, str], ...]] = {
    Measure.VISITS: (("visited", "本学年无家访"),),
    Measure.REWARDS: (("rewarded", "本学年无成长奖励"),),
    Measure.ARCHIVE: (
        ("aided", "缺资助历史"),
        ("visited", "缺本学年家访"),
        ("traits", "缺学生特点"),
        ("rewarded", "缺本学年成长奖励"),
    ),
    Measure.MENTORS: (("has_mentor", "无在岗育人导师"), ("mentored", "导师专长不符且无中心说明")),
    Measure.RESCUE: (("rescue", "本学年无救助性教育"), ("conference", "本学年未经集体教研")),
}
COVERED = {
    Measure.VISITS: "visited",
    Measure.REWARDS: "rewarded",
    Measure.ARCHIVE: "archived",
    Measure.MENTORS: "mentored",
    Measure.RESCUE: "rescued",
}


def _rows(session: StoreSession, table: str) -> list[Row]:
    return [dict(row) for row in session.db.execute(text(f"SELECT * FROM {table}")).mappings()]


@dataclass
class Tables:
    """Every row of the tables the coverages read (the reference reads nothing else)."""

    student: list[Row]
    identification: list[Row]
    home_visit: list[Row]
    growth_reward: list[Row]
    guarantee_aid: list[Row]
    key_support: list[Row]
    mentor_assignment: list[Row]
    mentor: list[Row]
    rescue_session: list[Row]
    monitoring_flag: list[Row]

    @classmethod
    def read(cls, session: StoreSession) -> Tables:
        return cls(**{name: _rows(session, name) for name in cls.__dataclass_fields__})


@dataclass
class StudentFacts:
    student: Row
    disadvantaged: bool = False
    awaiting: bool = False
    talked: bool = False
    key_support: bool = False
    parts: dict[str, bool] = field(default_factory=dict)


def _day(value: Any) -> str:
    return str(value)[:10]


def _active(start: Any, end: Any, day: str) -> bool:
    return _day(start) <= day and (end is None or _day(end) >= day)


def reference_facts(tables: Tables, academic_year: str, ref: date) -> dict[str, StudentFacts]:
    """docs/coverage.md, one student at a time."""
    first, last = (day.isoformat() for day in academic_year_bounds(academic_year))
    first_new = new_student_window_start(academic_year).isoformat()
    day = ref.isoformat()
    mentors = {row["id"]: row for row in tables.mentor}
    facts: dict[str, StudentFacts] = {}
    for student in tables.student:
        if student["deleted"]:
            continue
        sid = student["id"]
        fact = facts[sid] = StudentFacts(student)
        idents = [
            row
            for row in tables.identification
            if row["student_id"] == sid and row["academic_year"] == academic_year and not row["deleted"]
        ]
        latest = max(idents, key=lambda row: row["updated_at"]) if idents else None
        start = first_new if student["is_new_student"] else first
        visits = [
            row
            for row in tables.home_visit
            if row["student_id"] == sid
            and not row["deleted"]
            and row["status"] != "draft"
            and start <= _day(row["visit_date"]) <= last
        ]
        home = [row for row in visits if row["mode"] != "at_school"]
        if latest is not None and (
            latest["level"] in DISADVANTAGED_LEVELS
            or (latest["level"] is None and latest["visit_before_identification"])
        ):
            fact.disadvantaged = True
            visited = bool(home)
            rewarded = any(
                row["student_id"] == sid and row["academic_year"] == academic_year and not row["deleted"]
                for row in tables.growth_reward
            )
            aided = any(
                row["student_id"] == sid and row["academic_year"] == academic_year and not row["deleted"]
                for row in tables.guarantee_aid
            ) or (latest["level"] is not None and latest["aid_decision"] != "")
            traits = any(row["student_traits"] != "" for row in home) or student["talents"] != ""
            fact.parts.update(
                visited=visited,
                rewarded=rewarded,
                aided=aided,
                traits=traits,
                archived=visited and rewarded and aided and traits,
            )
            fact.talked = any(row["mode"] == "at_school" for row in visits)
            fact.awaiting = latest["level"] is None and not visited
        supports = [
            row
            for row in tables.key_support
            if row["student_id"] == sid
            and not row["deleted"]
            and _active(row["started_on"], row["exited_on"], day)
        ]
        if supports and any(row["level"] in DISADVANTAGED_LEVELS for row in idents):
            fact.key_support = True
            needs = {need for row in supports for need in json.loads(row["difficulty_types"])}
            assignments = [
                row
                for row in tables.mentor_assignment
                if row["student_id"] == sid
                and not row["deleted"]
                and _active(row["from_date"], row["to_date"], day)
                and row["mentor_id"] in mentors
                and not mentors[row["mentor_id"]]["deleted"]
                and mentors[row["mentor_id"]]["active"]
            ]
            sessions = [
                row["kind"]
                for row in tables.rescue_session
                if not row["deleted"]
                and first <= _day(row["session_date"]) <= last
                and sid in json.loads(row["student_ids"])
            ]
            fact.parts.update(
                has_mentor=bool(assignments),
                mentored=any(
                    row["mismatch_reason"] != ""
                    or needs & set(json.loads(mentors[row["mentor_id"]]["specialties"]))
                    for row in assignments
                ),
                rescue="rescue_education" in sessions,
                conference="case_conference" in sessions,
            )
            fact.parts["rescued"] = fact.parts["rescue"] and fact.parts["conference"]
    return facts


def _in_scope(student: Row, scope: CoverageScope) -> bool:
    return (scope.college_id is None or student["college_id"] == scope.college_id) and (
        scope.counselor_id is None or student["counselor_id"] == scope.counselor_id
    )


def _population(fact: StudentFacts, measure: Measure) -> bool:
    return fact.key_support if measure in KEY_SUPPORT_MEASURES else fact.disadvantaged


def reference_breakdowns(
    facts: dict[str, StudentFacts], scope: CoverageScope
) -> dict[str, dict[str, tuple[int, int]]]:
    """(covered, total) of each measure, for the school, each college, counselor and class."""
    rows: dict[str, dict[str, list[int]]] = {}
    for fact in facts.values():
        student = fact.student
        if not _in_scope(student, scope):
            continue
        keys = (
            "total",
            f"college:{student['college_id'] or ''}",
            f"counselor:{student['counselor_id'] or ''}",
            f"class:{student['college_id'] or ''}/{student['class_name'] or ''}",
        )
        for measure in MEASURES:
            if not _population(fact, measure):
                continue
            for key in keys:
                counts = rows.setdefault(key, {}).setdefault(measure.value, [0, 0])
                counts[0] += fact.parts[COVERED[measure]]
                counts[1] += 1
        if fact.talked:
            for key in keys:
                rows.setdefault(key, {}).setdefault("at_school", [0, 0])[0] += 1
    return {key: {name: (pair[0], pair[1]) for name, pair in values.items()} for key, values in rows.items()}


def report_breakdowns(report: CoverageReport) -> dict[str, dict[str, tuple[int, int]]]:
    def ratios(values: dict[Measure, Any], at_school: int) -> dict[str, tuple[int, int]]:
        found = {m.value: (r.covered, r.total) for m, r in values.items() if m in MEASURES and r.total}
        if at_school:
            found["at_school"] = (at_school, 0)
        return found

    rows = {"total": ratios(report.totals, report.at_school)}
    rows.update({f"college:{row.key}": ratios(row.ratios, row.at_school) for row in report.by_college})
    rows.update({f"counselor:{row.key}": ratios(row.ratios, row.at_school) for row in report.by_counselor})
    rows.update({f"class:{row.key}": ratios(row.ratios, row.at_school) for row in report.by_class})
    return {key: values for key, values in rows.items() if values}


def reference_flags(tables: Tables, academic_year: str, scope: CoverageScope) -> tuple[int, int, int, int]:
    first, last = (day.isoformat() for day in academic_year_bounds(academic_year))
    students = {row["id"]: row for row in tables.student if not row["deleted"] and _in_scope(row, scope)}
    flags = [row for row in tables.monitoring_flag if not row["deleted"] and row["student_id"] in students]
    return (
        sum(row["status"] == "open" for row in flags),
        sum(row["status"] == "in_progress" for row in flags),
        sum(row["status"] == "resolved" and first <= _day(row["resolved_on"] or "") <= last for row in flags),
        sum(first <= _day(row["raised_on"]) <= last for row in flags),
    )


def reference_missing(
    facts: dict[str, StudentFacts], scope: CoverageScope, measure: Measure
) -> list[tuple[str, tuple[str, ...]]]:
    """The drill-down: who lacks the measure, 先家访后认定 first, then new students, then by 学号."""
    missing = [
        fact
        for fact in facts.values()
        if _in_scope(fact.student, scope) and _population(fact, measure) and not fact.parts[COVERED[measure]]
    ]
    missing.sort(
        key=lambda fact: (
            not (fact.awaiting and measure in STUDENT_MEASURES),
            not fact.student["is_new_student"],
            fact.student["student_no"],
        )
    )
    result = []
    for fact in missing:
        parts = PART_REASONS[measure]
        if measure is Measure.MENTORS and not fact.parts["has_mentor"]:
            parts = parts[:1]
        result.append((fact.student["id"], tuple(reason for name, reason in parts if not fact.parts[name])))
    return result


def scopes(tables: Tables) -> list[CoverageScope]:
    colleges = sorted({row["college_id"] for row in tables.student if row["college_id"]})
    counselors = sorted({row["counselor_id"] for row in tables.student if row["counselor_id"]})
    return [
        CoverageScope.school(),
        *(CoverageScope.college(college) for college in colleges[:3]),
        *(CoverageScope.counselor(counselor) for counselor in counselors[:3]),
    ]


def assert_matches_reference(store: Store, academic_year: str, today: date) -> int:
    """Compare every figure and list; returns how many students were in some population."""
    with store.session() as session:
        tables = Tables.read(session)
        facts = reference_facts(tables, academic_year, reference_day(academic_year, today))
        for scope in scopes(tables):
            report = compute_coverage(session, academic_year, scope, include_key_support=True, today=today)
            assert report_breakdowns(report) == reference_breakdowns(facts, scope), scope
            assert report.awaiting_visit_first == sum(
                fact.awaiting for fact in facts.values() if _in_scope(fact.student, scope)
            )
            flags = report.flags
            assert (
                flags.open,
                flags.in_progress,
                flags.resolved_this_year,
                flags.raised_this_year,
            ) == reference_flags(tables, academic_year, scope)
            for measure in MEASURES:
                listed = missing_students(
                    session, academic_year, scope, measure, include_key_support=True, today=today
                )
                assert [(row.id, row.missing_parts) for row in listed] == reference_missing(
                    facts, scope, measure
                ), (scope, measure)
                assert [row.visit_first for row in listed] == [
                    facts[row.id].awaiting and measure in STUDENT_MEASURES for row in listed
                ]
        return sum(fact.disadvantaged or fact.key_support for fact in facts.values())


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
            db.db.execute(text(statement), {"id": a001.id, "twin": f"{a001.id}-twin"})
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
def test_hand_built_school_matches_the_reference(hand_built: Store, academic_year: str, today: date) -> None:
    counted = assert_matches_reference(hand_built, academic_year, today)
    if academic_year == YEAR:
        assert counted >= 10  # the edge cases are in the population


def test_the_reference_sees_the_edge_cases(hand_built: Store) -> None:
    """The reference itself, on the cases added here (so agreeing with it is not agreeing on nothing)."""
    with hand_built.session() as session:
        tables = Tables.read(session)
        numbers = {row["id"]: row["student_no"] for row in tables.student}
    facts = reference_facts(tables, YEAR, date(2026, 8, 31))
    by_number = {numbers[sid]: fact for sid, fact in facts.items()}
    assert by_number["C000"].parts["visited"] and by_number["C000"].parts["archived"]
    assert by_number["C001"].talked and not by_number["C001"].parts["visited"]
    assert not by_number["C001"].parts["traits"]
    assert by_number["C002"].parts["visited"] and not by_number["C002"].awaiting
    assert by_number["C003"].parts["traits"] and not by_number["C003"].parts["aided"]
    assert not by_number["C004"].parts["visited"]
    assert by_number["B002"].disadvantaged  # the edited identification counts
    assert not by_number["A001"].disadvantaged and by_number["A001"].key_support  # the twin
    assert "C009" not in by_number


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
def test_demo_school_matches_the_reference(demo: tuple[Store, date], years_back: int) -> None:
    store, today = demo
    academic_year = academic_year_of(today - timedelta(days=365 * years_back))
    assert assert_matches_reference(store, academic_year, today) > 100


def test_the_reference_can_tell_a_wrong_figure(hand_built: Store) -> None:
    """A report whose rule drifted (a talk at school counted as a visit) does not match the reference."""
    with hand_built.session() as session:
        tables = Tables.read(session)
        report = compute_coverage(session, YEAR, include_key_support=True, today=date(2026, 11, 26))
    facts = reference_facts(tables, YEAR, date(2026, 8, 31))
    for fact in facts.values():
        if fact.talked:
            fact.parts["visited"] = True
    assert report_breakdowns(report) != reference_breakdowns(facts, CoverageScope.school())
