"""One test per rule of docs/coverage.md, each on its own small hand-built store.

Every test asserts the exact numerator and denominator and, for the students left out, the reason
the drill-down gives.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.store.coverage import (
    CoverageScope,
    Measure,
    Ratio,
    college_centers,
    compute_coverage,
    missing_students,
)
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.records import (
    College,
    GuaranteeAid,
    KeySupport,
    Mentor,
    MentorAssignment,
    RescueSession,
    SchoolCenter,
    Student,
)
from tests.desktop.store.coverage_fixture import identification, reward, visit

YEAR = "2025-2026"
TODAY = date(2026, 11, 1)  # after the year: the reference day is 31 August 2026


def add_student(s: StoreSession, no: str, level: str | None = "difficult", **fields: Any) -> str:
    student = Student(student_no=no, name=f"学生{no}", **fields)
    s.students.create(student)
    s.identifications.create(identification(student.id, YEAR, level))
    return student.id


def totals(store: Store, **kwargs: Any) -> dict[Measure, Ratio]:
    with store.session() as s:
        return compute_coverage(s, YEAR, include_key_support=True, today=TODAY, **kwargs).totals


def missing(store: Store, measure: Measure) -> dict[str, tuple[str, ...]]:
    with store.session() as s:
        rows = missing_students(s, YEAR, None, measure, include_key_support=True, today=TODAY)
    return {row.student_no: row.missing_parts for row in rows}


def test_rule_1_center_needs_site_director_and_a_deputy(store: Store) -> None:
    with store.session() as s:
        full = College(name="甲学院", center_site="甲楼 101", center_director="赵", center_deputies=["钱"])
        staff_only = College(name="乙学院", center_director="孙", center_staff=["李", "周"])
        s.colleges.create_many([full, staff_only])
        s.school_centers.create(SchoolCenter(site="学生事务中心", director="吴"))  # no deputy
    assert totals(store)[Measure.CENTER] == Ratio(1, 3)
    with store.session() as s:
        lacking = {c.name: c.missing for c in college_centers(s) if not c.has_center}
        assert lacking == {"乙学院": ("阵地(地点/房间)", "副主任"), "学校学生发展支持中心": ("副主任",)}
        # a college's own scope: that college only, not the school
        assert compute_coverage(s, YEAR, CoverageScope.college(full.id), include_key_support=False).totals[
            Measure.CENTER
        ] == Ratio(1, 1)
        school = s.school_centers.list()[0]
        s.school_centers.update(school.model_copy(update={"deputies": ["郑"]}))
    assert totals(store)[Measure.CENTER] == Ratio(2, 3)


def test_rule_2_home_visits_window_and_at_school_talks_apart(store: Store) -> None:
    with store.session() as s:
        on_site = add_student(s, "A1")
        talk_only = add_student(s, "A2")
        new_june = add_student(s, "A3", is_new_student=True)
        old_june = add_student(s, "A4")
        new_may = add_student(s, "A5", is_new_student=True)
        s.visits.create_many(
            [
                visit(on_site, date(2026, 8, 31), mode="phone"),
                visit(talk_only, date(2025, 10, 1), mode="at_school"),
                visit(new_june, date(2025, 6, 1)),  # pre-enrolment: counts for the entering year
                visit(old_june, date(2025, 6, 1)),  # not a new student: last year's visit
                visit(new_may, date(2025, 5, 31)),  # before 1 June: too early even for a new student
            ]
        )
        report = compute_coverage(s, YEAR, include_key_support=False, today=TODAY)
    assert report.totals[Measure.VISITS] == Ratio(2, 5)
    assert report.at_school == 1
    assert sum(row.at_school for row in report.by_college) == 1
    assert missing(store, Measure.VISITS) == {
        "A2": ("本学年无家访",),
        "A4": ("本学年无家访",),
        "A5": ("本学年无家访",),
    }


def test_rule_3_rewards_of_the_year(store: Store) -> None:
    with store.session() as s:
        this_year = add_student(s, "B1")
        last_year = add_student(s, "B2")
        add_student(s, "B3", level="not_difficult")  # not in the population
        s.rewards.create_many(
            [reward(this_year, YEAR, date(2026, 3, 1)), reward(last_year, "2024-2025", date(2025, 3, 1))]
        )
    assert totals(store)[Measure.REWARDS] == Ratio(1, 2)
    assert missing(store, Measure.REWARDS) == {"B2": ("本学年无成长奖励",)}


def test_rule_4_archive_needs_all_four_parts(store: Store) -> None:
    with store.session() as s:
        complete = add_student(s, "C1", talents="书法")  # traits from the profile
        no_aid = add_student(s, "C2")
        old_parts = add_student(s, "C3")
        decision = add_student(s, "C4")
        year_identification = s.identifications.for_student(decision)[0]
        s.identifications.update(year_identification.model_copy(update={"aid_decision": "国家助学金二等"}))
        s.aid.create(
            GuaranteeAid(
                student_id=complete,
                academic_year=YEAR,
                aid_type="grant",
                project_name="国家助学金",
                amount="2500",
                granted_on=date(2025, 11, 1),
            )
        )
        s.visits.create_many(
            [
                visit(complete, date(2025, 10, 1)),  # no traits on the visit: the profile has them
                visit(no_aid, date(2025, 10, 1), student_traits="踏实"),
                visit(old_parts, date(2024, 10, 1), student_traits="内向"),  # last year's
                visit(decision, date(2026, 1, 1), student_traits="开朗"),
            ]
        )
        s.rewards.create_many(
            [
                reward(complete, YEAR, date(2026, 1, 1)),
                reward(no_aid, YEAR, date(2026, 1, 1)),
                reward(old_parts, "2024-2025", date(2025, 5, 1)),
                reward(decision, YEAR, date(2026, 1, 1)),
            ]
        )
    result = totals(store)
    assert result[Measure.ARCHIVE] == Ratio(2, 4)  # C1, C4
    assert result[Measure.ARCHIVE].covered <= min(
        result[Measure.VISITS].covered, result[Measure.REWARDS].covered
    )
    assert missing(store, Measure.ARCHIVE) == {
        "C2": ("缺资助历史",),
        "C3": ("缺资助历史", "缺本学年家访", "缺学生特点", "缺本学年成长奖励"),
    }


def _key_support(s: StoreSession, student_id: str, needs: list[str]) -> None:
    s.key_supports.create(
        KeySupport(student_id=student_id, difficulty_types=needs, started_on=date(2025, 9, 10))
    )


def test_rule_5_mentor_must_match_or_be_justified(store: Store) -> None:
    with store.session() as s:
        matched, justified, mismatched, no_mentor = (add_student(s, f"D{i}") for i in range(1, 5))
        psych = Mentor(staff_no="M1", name="心理导师", specialties=["psychological"])
        s.mentors.create(psych)
        for student_id in (matched, justified, mismatched, no_mentor):
            _key_support(s, student_id, ["psychological"] if student_id == matched else ["employment"])
        s.mentor_assignments.create_many(
            [
                MentorAssignment(student_id=matched, mentor_id=psych.id, from_date=date(2025, 9, 15)),
                MentorAssignment(
                    student_id=justified,
                    mentor_id=psych.id,
                    from_date=date(2025, 9, 15),
                    mismatch_reason="就业导师暂缺，由心理导师兼顾，中心 9 月例会决定",
                ),
                MentorAssignment(student_id=mismatched, mentor_id=psych.id, from_date=date(2025, 9, 15)),
            ]
        )
    assert totals(store)[Measure.MENTORS] == Ratio(2, 4)
    assert missing(store, Measure.MENTORS) == {
        "D3": ("导师专长不符且无中心说明",),
        "D4": ("无在岗育人导师",),
    }


def test_rule_6_rescue_needs_both_kinds(store: Store) -> None:
    with store.session() as s:
        both, rescue_only, conference_only = (add_student(s, f"E{i}") for i in range(1, 4))
        for student_id in (both, rescue_only, conference_only):
            _key_support(s, student_id, ["academic"])

        def session(kind: str, students: list[str]) -> RescueSession:
            return RescueSession.model_validate(
                {
                    "kind": kind,
                    "session_date": date(2025, 12, 1),
                    "participants": [{"name": "王老师", "role": "counselor"}],
                    "student_ids": students,
                }
            )

        s.rescue_sessions.create_many(
            [
                session("rescue_education", [both, rescue_only]),
                session("case_conference", [both, conference_only]),
            ]
        )
    assert totals(store)[Measure.RESCUE] == Ratio(1, 3)
    assert missing(store, Measure.RESCUE) == {
        "E2": ("本学年未经集体教研",),
        "E3": ("本学年无救助性教育",),
    }


def test_key_support_population_is_this_years_disadvantaged(store: Store) -> None:
    with store.session() as s:
        kept = add_student(s, "F1")
        not_difficult = add_student(s, "F2", level="not_difficult")
        unidentified = Student(student_no="F3", name="学生F3")
        s.students.create(unidentified)
        for student_id in (kept, not_difficult, unidentified.id):
            _key_support(s, student_id, ["academic"])
    result = totals(store)
    assert result[Measure.MENTORS] == Ratio(0, 1)
    assert result[Measure.RESCUE] == Ratio(0, 1)
    assert set(missing(store, Measure.MENTORS)) == {"F1"}
