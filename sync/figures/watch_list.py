"""The 一个不失学 watch list and the 免申即享 aid to-do list: pure functions over ``SchoolFacts``.

The rules (docs/coverage.md, "一个不失学 watch list"):

- **Disadvantaged**: the student's latest identification of the academic year of the reference day is
  at a disadvantaged level (特别困难 / 困难 / 一般困难); before the year's identification exists, the
  previous year's counts.
- **Enrolment**: the student's status of the latest term up to the reference day's term.  休学 or 退学
  puts the student on the list, and so does a pending application (休学申请中 / 退学申请中); a later
  在读 without an application clears it.  A student who graduated, completed or transferred has left
  the school's care and is not listed.  A 退学 without a case review for 退学 held from the previous
  term on adds the reason "退学未经个案评议".
- **Warning signs**: in the latest term with a result, failed courses at or above the threshold
  (default 2); a 心理/生活异常 monitoring flag not resolved 30 days or more after it was raised.

The laptop (desktop.app.watch) and the server compute the same list from the same records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from sync.figures import population
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs
from sync.records import (
    AcademicResult,
    CaseReview,
    EnrolmentState,
    EnrolmentStatus,
    FlagKind,
    FlagStatus,
    GuaranteeAid,
    Identification,
    MonitoringFlag,
    Record,
    Student,
)
from sync.records.academic import academic_year_of
from sync.records.terms import previous_term, term_bounds, term_label, term_of

DEFAULT_FAILED_COURSES = 2
FLAG_DAYS = 30
AID_DAYS = 30
UNREVIEWED_WITHDRAWAL = "退学未经个案评议"
# States after which the student has left the school's care (not at risk of dropping out).
LEFT_STATES = frozenset({EnrolmentState.GRADUATED, EnrolmentState.COMPLETED, EnrolmentState.TRANSFERRED})
WATCHED_STATES = frozenset({EnrolmentState.SUSPENDED, EnrolmentState.WITHDRAWN})
# "Latest" identification: the latest 认定日期, the last recorded among equal dates.
_LATEST = population.Latest.IDENTIFIED

# The records the watch list and the aid to-do list read.
WATCH_RECORDS: tuple[type[Record], ...] = (
    Student,
    Identification,
    EnrolmentStatus,
    CaseReview,
    AcademicResult,
    MonitoringFlag,
)
# What the 免申即享 aid-due list (aid within 30 days of identification) reads.
AID_DUE_RECORDS: tuple[type[Record], ...] = (Student, Identification, GuaranteeAid)
# The fields the two lists read of each (a reader may fetch only these: sync/figures/needs.py).
WATCH_NEEDS: dict[type[Record], Needs] = {
    Student: Needs(("student_no", "name", "college_id", "counselor_id", "class_name", "grade")),
    Identification: Needs(
        ("student_id", "academic_year", "level", "identified_on", "without_application"),
        year_field="academic_year",
    ),
    EnrolmentStatus: Needs(("student_id", "term", "state", "applied_state")),
    CaseReview: Needs(("student_id", "for_state", "reviewed_on")),
    AcademicResult: Needs(("student_id", "term", "failed_courses")),
    MonitoringFlag: Needs(("student_id", "kind", "status", "raised_on")),
    GuaranteeAid: Needs(("student_id", "granted_on")),
}


class WatchReason(StrEnum):
    """Why a student is on the watch list (the entry's ``reasons`` say it in words)."""

    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    APPLIED_SUSPENSION = "applied_suspension"
    APPLIED_WITHDRAWAL = "applied_withdrawal"
    UNREVIEWED_WITHDRAWAL = "unreviewed_withdrawal"
    FAILED_COURSES = "failed_courses"
    PSYCH_FLAG = "psych_flag"


@dataclass(frozen=True)
class WatchRules:
    failed_courses: int = DEFAULT_FAILED_COURSES  # listed at this many failed courses or more
    flag_days: int = FLAG_DAYS  # a 心理/生活异常 flag unresolved this many days or more


@dataclass(frozen=True)
class WatchEntry:
    student_id: str
    name: str
    student_no: str
    college_id: str | None
    counselor_id: str | None
    class_name: str
    grade: int | None
    kinds: tuple[WatchReason, ...]
    reasons: tuple[str, ...]  # Chinese, one per kind

    def to_json(self) -> dict[str, object]:
        return {
            "student_id": self.student_id,
            "name": self.name,
            "student_no": self.student_no,
            "college_id": self.college_id,
            "counselor_id": self.counselor_id,
            "class_name": self.class_name,
            "grade": self.grade,
            "kinds": [kind.value for kind in self.kinds],
            "reasons": list(self.reasons),
        }


def current_identification(identifications: Iterable[Identification], day: date) -> Identification | None:
    """The student's latest identification of the academic year of ``day`` (the previous year's while
    the year has none): the latest by 认定日期, the last recorded among equal dates."""
    return population.latest_identification(
        identifications, academic_year_of(day), order=_LATEST, fall_back_to_previous=True
    )


def disadvantaged_students(facts: SchoolFacts, day: date) -> dict[str, Identification]:
    """Students whose current identification (as above) is at a disadvantaged level (先家访后认定
    students awaiting their level are not listed)."""
    return population.disadvantaged_students(
        facts, academic_year_of(day), order=_LATEST, awaiting_level=False, fall_back_to_previous=True
    )


T = TypeVar("T", EnrolmentStatus, AcademicResult)


def _latest_by_term(records: Iterable[T], term: str) -> T | None:
    """The record of the latest term up to ``term`` (the last recorded among the same term)."""
    latest: T | None = None
    for record in records:
        if record.term <= term and (latest is None or record.term >= latest.term):
            latest = record
    return latest


def reviewed_withdrawal(reviews: Iterable[CaseReview], status: EnrolmentStatus) -> bool:
    """A case review for 退学 held from the term before the status's term on."""
    since = term_bounds(previous_term(status.term))[0]
    return any(
        review.for_state == EnrolmentState.WITHDRAWN and review.reviewed_on >= since for review in reviews
    )


def watch_list(facts: SchoolFacts, day: date, rules: WatchRules | None = None) -> list[WatchEntry]:
    """Disadvantaged students at risk of dropping out on ``day``, by college and student number."""
    rules = rules or WatchRules()
    term = term_of(day)
    statuses = facts.by_student(EnrolmentStatus)
    reviews = facts.by_student(CaseReview)
    results = facts.by_student(AcademicResult)
    flags = facts.by_student(MonitoringFlag)
    disadvantaged = disadvantaged_students(facts, day)
    entries: list[WatchEntry] = []
    for student in facts.of(Student):
        if student.id not in disadvantaged:
            continue
        found: list[tuple[WatchReason, str]] = []
        status = _latest_by_term(statuses.get(student.id, []), term)
        if status is not None:
            if status.state in LEFT_STATES:
                continue
            found.extend(_enrolment_reasons(status, reviews.get(student.id, [])))
        result = _latest_by_term(results.get(student.id, []), term)
        if result is not None and result.failed_courses >= rules.failed_courses:
            found.append(
                (
                    WatchReason.FAILED_COURSES,
                    f"{term_label(result.term)}不及格 {result.failed_courses} 门",
                )
            )
        overdue = [
            (day - flag.raised_on).days
            for flag in flags.get(student.id, [])
            if flag.kind == FlagKind.PSYCH_OR_LIFE_ANOMALY
            and flag.status != FlagStatus.RESOLVED
            and (day - flag.raised_on).days >= rules.flag_days
        ]
        if overdue:
            found.append((WatchReason.PSYCH_FLAG, f"心理/生活异常反馈 {max(overdue)} 天未解决"))
        if found:
            entries.append(
                WatchEntry(
                    student_id=student.id,
                    name=student.name,
                    student_no=student.student_no,
                    college_id=student.college_id,
                    counselor_id=student.counselor_id,
                    class_name=student.class_name,
                    grade=student.grade,
                    kinds=tuple(kind for kind, _ in found),
                    reasons=tuple(text for _, text in found),
                )
            )
    entries.sort(key=lambda entry: (entry.college_id or "", entry.student_no))
    return entries


def _enrolment_reasons(status: EnrolmentStatus, reviews: list[CaseReview]) -> list[tuple[WatchReason, str]]:
    label = term_label(status.term)
    found: list[tuple[WatchReason, str]] = []
    if status.state == EnrolmentState.SUSPENDED:
        found.append((WatchReason.SUSPENDED, f"休学（{label}）"))
    elif status.state == EnrolmentState.WITHDRAWN:
        found.append((WatchReason.WITHDRAWN, f"退学（{label}）"))
        if not reviewed_withdrawal(reviews, status):
            found.append((WatchReason.UNREVIEWED_WITHDRAWAL, UNREVIEWED_WITHDRAWAL))
    if status.applied_state == EnrolmentState.SUSPENDED:
        found.append((WatchReason.APPLIED_SUSPENSION, "休学申请中"))
    elif status.applied_state == EnrolmentState.WITHDRAWN:
        found.append((WatchReason.APPLIED_WITHDRAWAL, "退学申请中"))
    return found


def count_by_college(entries: Iterable[WatchEntry]) -> dict[str | None, int]:
    """How many students of each college are on the list."""
    counts: dict[str | None, int] = {}
    for entry in entries:
        counts[entry.college_id] = counts.get(entry.college_id, 0) + 1
    return counts


# -- 免申即享: aid within 30 days of the identification ------------------------------------------------


@dataclass(frozen=True)
class AidTodo:
    """A 免申即享 student whose aid is not recorded 30 days after the identification."""

    student_id: str
    name: str
    student_no: str
    college_id: str | None
    counselor_id: str | None
    class_name: str
    identified_on: date
    due_on: date  # the last day within the 30 days
    days_overdue: int  # days after due_on

    def to_json(self) -> dict[str, object]:
        return {
            "student_id": self.student_id,
            "name": self.name,
            "student_no": self.student_no,
            "college_id": self.college_id,
            "counselor_id": self.counselor_id,
            "class_name": self.class_name,
            "identified_on": self.identified_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "days_overdue": self.days_overdue,
        }


def aid_todo(facts: SchoolFacts, day: date, days: int = AID_DAYS) -> list[AidTodo]:
    """免申即享 students (identified without an application, at a disadvantaged level) with no aid
    recorded on or after their identification day when the ``days`` days after it are over (identified
    on 1 October: listed from 1 November on); a later aid record clears the entry.  Oldest first."""
    aid = facts.by_student(GuaranteeAid)
    identifications = facts.by_student(Identification)
    found: list[AidTodo] = []
    for student in facts.of(Student):
        ident = current_identification(identifications.get(student.id, []), day)
        if ident is None or not ident.without_application or not population.is_disadvantaged(ident):
            continue
        if ident.identified_on is None:
            continue
        due = ident.identified_on + timedelta(days=days)  # the last day the aid is on time
        if day <= due:
            continue
        if any(record.granted_on >= ident.identified_on for record in aid.get(student.id, [])):
            continue
        found.append(
            AidTodo(
                student_id=student.id,
                name=student.name,
                student_no=student.student_no,
                college_id=student.college_id,
                counselor_id=student.counselor_id,
                class_name=student.class_name,
                identified_on=ident.identified_on,
                due_on=due,
                days_overdue=(day - due).days,
            )
        )
    found.sort(key=lambda todo: (todo.identified_on, todo.student_no))
    return found
