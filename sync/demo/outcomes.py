"""Demo outcomes: the disadvantaged students' enrolment status this term (a few on leave, withdrawn or
applying), their results of the last term, the case reviews of most withdrawals, and each college's
academic benchmark per grade.  Drawn from random streams of their own, so adding them changes no other
demo record."""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from sync.demo.record_ids import demo_id
from sync.records.base import Record
from sync.records.enums import EnrolmentState
from sync.records.outcomes import (
    SOURCE_IMPORTED,
    SOURCE_MANUAL,
    AcademicResult,
    CaseReview,
    CollegeAcademicBenchmark,
    EnrolmentStatus,
)
from sync.records.terms import previous_term, term_bounds, term_of

if TYPE_CHECKING:
    from sync.demo.school import DemoSchool

# (state, pending application, weight): most study on; a few interrupt or leave their studies.
_SITUATIONS: tuple[tuple[EnrolmentState, EnrolmentState | None, int], ...] = (
    (EnrolmentState.STUDYING, None, 820),
    (EnrolmentState.STUDYING, EnrolmentState.SUSPENDED, 25),
    (EnrolmentState.STUDYING, EnrolmentState.WITHDRAWN, 20),
    (EnrolmentState.SUSPENDED, None, 35),
    (EnrolmentState.SUSPENDED, EnrolmentState.WITHDRAWN, 10),
    (EnrolmentState.RESERVED, None, 20),
    (EnrolmentState.WITHDRAWN, None, 25),
    (EnrolmentState.TRANSFERRED, None, 15),
    (EnrolmentState.GRADUATED, None, 15),
    (EnrolmentState.COMPLETED, None, 15),
)
_FAILED_WEIGHTS = (70, 14, 8, 4, 2, 2)  # 0 … 5 failed courses
_OFFERED = (
    "临时困难补助与勤工助学岗位，学业导师每周辅导",
    "以休学代替退学、保留学籍一年，复学后安排朋辈帮扶",
    "心理中心转介与家庭沟通，减免住宿费",
    "国家助学贷款续贷与学费缓交，指定育人导师",
)
_CONCLUSIONS = (
    "学生与家长知情并确认，尊重本人意愿",
    "暂缓办理，一个月后再评议",
    "同意办理，保持联系并跟踪去向",
)


def student_outcomes(
    seed: int, index: int, student_id: str, *, is_new: bool, reviewers: list[str], today: date
) -> list[Record]:
    """The outcome records of one disadvantaged student (a pure function of seed, index and today)."""
    rng = random.Random(f"jiafang-demo:{seed}:outcomes:{index}")
    term = term_of(today)
    first_day = term_bounds(term)[0]
    records: list[Record] = []
    last_term = previous_term(term)
    if not is_new:
        made = min(today, term_bounds(last_term)[1])
        records.append(
            AcademicResult(
                id=demo_id(rng, made),
                student_id=student_id,
                term=last_term,
                gpa=round(min(4.8, max(0.6, rng.gauss(2.9, 0.65))), 2),
                failed_courses=rng.choices(range(len(_FAILED_WEIGHTS)), _FAILED_WEIGHTS)[0],
                source=SOURCE_IMPORTED,
            )
        )
    state, applied, _ = rng.choices(_SITUATIONS, [weight for *_, weight in _SITUATIONS])[0]
    if is_new and state in (EnrolmentState.GRADUATED, EnrolmentState.COMPLETED):
        state = EnrolmentState.STUDYING
    changed = state != EnrolmentState.STUDYING
    effective = first_day + (today - first_day) * rng.randint(1, 9) // 10 if changed else None
    records.append(
        EnrolmentStatus(
            id=demo_id(rng, effective or first_day),
            student_id=student_id,
            term=term,
            state=state,
            applied_state=applied,
            effective_on=effective,
            source=SOURCE_IMPORTED if rng.random() < 0.8 else SOURCE_MANUAL,
        )
    )
    reviewed = state == EnrolmentState.WITHDRAWN or applied == EnrolmentState.WITHDRAWN
    if reviewed and rng.random() < 0.7:
        on = effective or first_day + (today - first_day) // 2
        records.append(
            CaseReview(
                id=demo_id(rng, on),
                student_id=student_id,
                reviewed_on=on,
                reviewers=reviewers,
                offered=rng.choice(_OFFERED),
                conclusion=rng.choice(_CONCLUSIONS),
                for_state=EnrolmentState.WITHDRAWN,
            )
        )
    return records


def college_benchmarks(school: DemoSchool) -> list[Record]:
    """Each college's median GPA and pass rate per grade for the last term (aggregates only)."""
    rng = random.Random(f"jiafang-demo:{school.seed}:benchmarks")
    last_term = previous_term(term_of(school.today))
    made = min(school.today, term_bounds(last_term)[1])
    first = int(last_term[:4])
    records: list[Record] = []
    for staff in school.colleges:
        for grade in range(first - 3, first + 1):
            records.append(
                CollegeAcademicBenchmark(
                    id=demo_id(rng, made),
                    college_id=staff.college.id,
                    term=last_term,
                    grade=grade,
                    median_gpa=round(rng.uniform(2.8, 3.4), 2),
                    pass_rate=round(rng.uniform(86.0, 97.0), 1),
                    student_count=rng.randint(180, 520),
                )
            )
    return records
