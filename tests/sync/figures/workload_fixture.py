"""A hand-built school for the workload figures: two colleges, four teachers, one term of activities.

Expected figures for 2025-2026-1 in 文学院 (c1) are in tests/sync/figures/test_workload.py.
"""

from __future__ import annotations

from datetime import date

from sync.records import (
    College,
    HomeVisit,
    Mentor,
    MentorAssignment,
    Participant,
    Record,
    RescueSession,
    Student,
    SupportLogEntry,
    User,
    Visitor,
    WishCatalogItem,
    WishSelection,
)

T1 = "2025-2026-1"
T2 = "2025-2026-2"


def school() -> list[Record]:
    c1 = College(id="c1", name="文学院")
    c2 = College(id="c2", name="理学院")
    wang = User(id="u-wang", staff_no="T001", name="王老师", role="counselor", college_id="c1")
    zhao_user = User(id="u-zhao", staff_no="T002", name="赵导师", role="mentor", college_id="c1")
    center = User(id="u-center", staff_no="T009", name="李主任", role="college_center", college_id="c1")
    zhao = Mentor(id="m-zhao", staff_no="T002", name="赵导师", user_id="u-zhao")
    qian = Mentor(id="m-qian", staff_no="T003", name="钱导师")  # no account
    s1 = Student(id="s1", student_no="2024001", name="甲同学", college_id="c1")
    s2 = Student(id="s2", student_no="2024002", name="乙同学", college_id="c2")
    items = [
        WishCatalogItem(id="i1", category="academic", service_item="学业辅导"),
        WishCatalogItem(id="i2", category="psychological", service_item="心理咨询"),
    ]
    return [
        c1,
        c2,
        wang,
        zhao_user,
        center,
        zhao,
        qian,
        s1,
        s2,
        *items,
        MentorAssignment(id="a1", student_id="s1", mentor_id="m-zhao", from_date=date(2025, 9, 15)),
        log("l1", "m-zhao", date(2025, 10, 9), 60),
        log("l2", "m-zhao", date(2025, 11, 12), 45),
        log("l3", "m-qian", date(2025, 12, 1), 30),
        log("l4", "m-zhao", date(2026, 3, 5), 50),  # the second term
        RescueSession(
            id="r1",
            kind="rescue_education",
            session_date=date(2025, 10, 20),
            college_id="c1",
            participants=[
                Participant(name="王老师", role="counselor", user_id="u-wang"),
                Participant(name="赵导师", role="mentor"),  # by name
                Participant(name="孙老师", role="psychology"),  # nobody's name: unmatched
            ],
            student_ids=["s1"],
        ),
        RescueSession(
            id="r2",
            kind="case_conference",
            session_date=date(2025, 11, 3),
            participants=[Participant(name="王老师", role="counselor", user_id="u-wang")],
            student_ids=["s1"],  # no college_id: its first student's
        ),
        visit(
            "v1",
            "s1",
            "on_site",
            date(2025, 10, 2),
            120,
            [Visitor(name="王老师", user_id="u-wang"), Visitor(name="赵导师", role="mentor")],
        ),
        visit(  # its visitor is no teacher on record: the recorder's
            "v2",
            "s1",
            "phone",
            date(2025, 10, 15),
            30,
            [Visitor(name="刘班主任", role="head_teacher")],
            recorded_by="u-wang",
        ),
        visit("v3", "s1", "phone", date(2025, 10, 16), 30, [Visitor(name="王老师")], status="draft"),
        visit("v4", "s2", "video", date(2025, 11, 1), 40, [Visitor(name="王老师", user_id="u-wang")]),
        WishSelection(
            id="w1",
            student_id="s1",
            academic_year="2025-2026",
            item_ids=["i1", "i2"],
            status="completed",
            responsible_person="王老师",
            completed_on=date(2025, 12, 10),
        ),
        WishSelection(
            id="w2",
            student_id="s1",
            academic_year="2025-2026",
            item_ids=["i1"],
            status="in_progress",
            responsible_person="王老师",
        ),
    ]


def log(record_id: str, mentor_id: str, day: date, minutes: int) -> SupportLogEntry:
    return SupportLogEntry(
        id=record_id,
        student_id="s1",
        mentor_id=mentor_id,
        log_date=day,
        form="heart_to_heart",
        duration_minutes=minutes,
        summary="谈心",
    )


def visit(
    record_id: str,
    student_id: str,
    mode: str,
    day: date,
    minutes: int,
    visitors: list[Visitor],
    *,
    recorded_by: str | None = None,
    status: str = "submitted",
) -> HomeVisit:
    return HomeVisit(
        id=record_id,
        student_id=student_id,
        category="annual_coverage",
        mode=mode,
        visit_date=day,
        duration_minutes=minutes,
        visitors=visitors,
        recorded_by_id=recorded_by,
        status=status,
        school_feedback="在校表现良好",
        family_opinions="感谢学校",
    )
