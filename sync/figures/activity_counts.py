"""How many of the policy activities each college held in an academic year (the dashboard's counts).

Per college (and a row for the school's own activities, recorded without a college):

- 民主测评: evaluations recorded for the academic year (their ``academic_year``);
- 个别交流: talks held in the year, counted for the college of the student talked with, and how many
  different students they reached (a talk with a student this computer or server does not hold is left
  out: its college is unknown);
- 诚信教育: activities held in the year and their participants;
- 培训: staff trainings held in the year and their hours (学时, summed);
- 专项研究: projects that ran during the year (started by its last day, not concluded before its first).

"In the year" is from 1 September to 31 August (``academic_year_bounds``), both days included.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sync.figures.facts import SchoolFacts
from sync.records import (
    College,
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    Record,
    ResearchProject,
    StaffTraining,
    Student,
    academic_year_bounds,
)

# The record types the counts read (what a caller loads into the facts).
ACTIVITY_FACTS: tuple[type[Record], ...] = (
    College,
    Student,
    IdentificationEvaluation,
    OneToOneTalk,
    IntegrityActivity,
    StaffTraining,
    ResearchProject,
)


@dataclass
class ActivityCounts:
    """One college's counts (``college_id`` None: the school's own activities, or the total)."""

    college_id: str | None
    evaluations: int = 0
    talks: int = 0
    talk_students: int = 0
    integrity_activities: int = 0
    integrity_participants: int = 0
    trainings: int = 0
    training_hours: Decimal = Decimal(0)
    research_projects: int = 0
    talked_ids: set[str] = field(default_factory=set, repr=False, compare=False)  # the students talked with

    def add(self, other: ActivityCounts) -> None:
        self.evaluations += other.evaluations
        self.talks += other.talks
        self.talked_ids |= other.talked_ids
        self.talk_students = len(self.talked_ids)
        self.integrity_activities += other.integrity_activities
        self.integrity_participants += other.integrity_participants
        self.trainings += other.trainings
        self.training_hours += other.training_hours
        self.research_projects += other.research_projects

    @property
    def empty(self) -> bool:
        return not (
            self.evaluations
            or self.talks
            or self.integrity_activities
            or self.trainings
            or self.research_projects
        )


@dataclass(frozen=True)
class ActivityTable:
    """The year's counts: one row per college (every college known, in the facts' order), the school's
    own row, and the total of all."""

    academic_year: str
    colleges: list[ActivityCounts]
    school: ActivityCounts
    total: ActivityCounts


def activity_counts(facts: SchoolFacts, academic_year: str, college_id: str | None = None) -> ActivityTable:
    """The counts of ``academic_year`` per college; with ``college_id``, of that college only (the
    school's row then stays empty)."""
    first, last = academic_year_bounds(academic_year)

    def in_year(day: date) -> bool:
        return first <= day <= last

    rows: dict[str | None, ActivityCounts] = {None: ActivityCounts(None)}
    for college in facts.of(College):
        rows[college.id] = ActivityCounts(college.id)

    def row(owner: str | None) -> ActivityCounts:
        return rows.setdefault(owner, ActivityCounts(owner))

    student_college = {student.id: student.college_id for student in facts.of(Student)}
    for evaluation in facts.of(IdentificationEvaluation):
        if evaluation.academic_year == academic_year:
            row(evaluation.college_id).evaluations += 1
    for talk in facts.of(OneToOneTalk):
        if in_year(talk.talked_on) and talk.student_id in student_college:
            counts = row(student_college[talk.student_id])
            counts.talks += 1
            counts.talked_ids.add(talk.student_id)
    for activity in facts.of(IntegrityActivity):
        if in_year(activity.held_on):
            counts = row(activity.college_id)
            counts.integrity_activities += 1
            counts.integrity_participants += activity.participants
    for training in facts.of(StaffTraining):
        if in_year(training.held_on):
            counts = row(training.college_id)
            counts.trainings += 1
            counts.training_hours += training.hours
    for project in facts.of(ResearchProject):
        if project.active_between(first, last):
            row(project.college_id).research_projects += 1

    for counts in rows.values():
        counts.talk_students = len(counts.talked_ids)
    school = rows.pop(None)
    colleges = list(rows.values())
    if college_id is not None:
        colleges = [counts for counts in colleges if counts.college_id == college_id] or [
            ActivityCounts(college_id)
        ]
        school = ActivityCounts(None)
    return ActivityTable(academic_year, colleges, school, _total([*colleges, school]))


def _total(parts: Iterable[ActivityCounts]) -> ActivityCounts:
    total = ActivityCounts(None)
    for part in parts:
        total.add(part)
    return total
