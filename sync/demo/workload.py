"""Demo 工作量确认: the largest college with a full student-affairs center confirmed its workload figures
of the last term soon after that term ended.

The confirmation freezes exactly what ``sync.figures.workload`` counts for that college and term from the
generated records (as the desktop's 确认 does), so the frozen figures agree with the activities and
nothing is carried into the current term.  It is made after all the students, from the records of that
college only, with a random stream of its own: adding it changes no other demo record.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from sync.demo.record_ids import demo_id
from sync.figures.facts import SchoolFacts
from sync.figures.workload import confirmation_items, workload
from sync.records.base import Record
from sync.records.students import Student
from sync.records.support import MentorAssignment, RescueSession, SupportLogEntry
from sync.records.terms import previous_term, term_bounds, term_of
from sync.records.visits import HomeVisit
from sync.records.wishes import WishSelection
from sync.records.workload import WorkloadConfirmation

if TYPE_CHECKING:
    from sync.demo.school import CollegeStaff, DemoSchool

_OF_A_STUDENT = (MentorAssignment, SupportLogEntry, HomeVisit, WishSelection)


def confirming_college(school: DemoSchool) -> CollegeStaff | None:
    """The college that confirmed its figures (None when no college has a full center)."""
    full = [staff for staff in school.colleges if staff.spec.center == "full" and staff.director is not None]
    return max(full, key=lambda staff: staff.spec.weight, default=None)


def college_records(records: Iterable[Record], college_id: str) -> list[Record]:
    """The records of a block the workload of one college is computed from (students before theirs)."""
    students: set[str] = set()
    kept: list[Record] = []
    for record in records:
        if isinstance(record, Student) and record.college_id == college_id:
            students.add(record.id)
        if _belongs(record, college_id, students):
            kept.append(record)
    return kept


def _belongs(record: Record, college_id: str, students: set[str]) -> bool:
    if isinstance(record, Student):
        return record.id in students
    if isinstance(record, _OF_A_STUDENT):
        return record.student_id in students
    if isinstance(record, RescueSession):
        if record.college_id is not None:
            return record.college_id == college_id
        return any(student in students for student in record.student_ids)
    return False


def workload_confirmation(school: DemoSchool, staff: CollegeStaff, records: list[Record]) -> list[Record]:
    """The college's confirmation of the last term (none when that term counted nothing)."""
    rng = random.Random(f"jiafang-demo:{school.seed}:workload")
    term = previous_term(term_of(school.today))
    college_id = staff.college.id
    facts = SchoolFacts.of_records([*school.records(), *records])
    items = confirmation_items(workload(facts, term, college_id), college_id)
    if not items:
        return []
    assert staff.director is not None
    on = min(school.today, term_bounds(term)[1] + timedelta(days=rng.randint(5, 20)))
    return [
        WorkloadConfirmation(
            id=demo_id(rng, on),
            term=term,
            college_id=college_id,
            confirmed_on=on,
            confirmed_by_id=staff.director.id,
            confirmed_by_name=staff.director.name,
            items=items,
            note="经学院学生事务中心核对，与各位老师确认无误。",
        )
    ]
