"""Key support (重点帮扶): cases, mentor matching and assignment, support log, sessions, exits."""

from __future__ import annotations

from datetime import date

from desktop.app.changes import Kind, use_case
from desktop.app.students import student_by_no
from desktop.store.key_support_service import (
    KeySupportCase,
    MentorMatch,
    MentorWorkload,
    assign_mentor,
    exit_key_support,
    key_support_cases,
    log_support,
    match_mentors,
    mentor_workload,
    record_session,
    start_key_support,
    term_bounds,
)
from desktop.store.role_rules import is_center_role
from desktop.store.store import Store
from sync.records import (
    DifficultyType,
    Participant,
    ReviewRecord,
    SessionKind,
    SupportForm,
)


def key_support_view(store: Store, academic_year: str, include_exited: bool) -> list[KeySupportCase]:
    with store.session() as s:
        return key_support_cases(
            s, store.info.role, academic_year=academic_year, include_exited=include_exited
        )


def mentor_options(store: Store, difficulty_types: list[DifficultyType], day: date) -> list[MentorMatch]:
    """Matching mentors; for a center role, the other active mentors too (assigned only with a reason)."""
    with store.session() as s:
        return match_mentors(s, difficulty_types, on=day, include_unmatched=is_center_role(store.info.role))


@use_case(Kind.KEY_SUPPORT)
def start_support(
    store: Store,
    student_no: str,
    types: list[DifficultyType],
    day: date,
    participants: list[str],
    conclusion: str,
) -> None:
    with store.session() as s:
        student = student_by_no(s, student_no)
        review = ReviewRecord(reviewed_on=day, participants=participants, conclusion=conclusion)
        start_key_support(s, student.id, types, started_on=day, review=review)


@use_case(Kind.MENTOR_ASSIGNMENT)
def assign(
    store: Store, key_support_id: str, mentor_id: str, day: date, goals: str, plan: str, reason: str = ""
) -> None:
    with store.session() as s:
        assign_mentor(
            s,
            key_support_id,
            mentor_id,
            from_date=day,
            goals=goals,
            plan=plan,
            mismatch_reason=reason,
            role=store.info.role,
        )


@use_case(Kind.SUPPORT_LOG_ENTRY)
def add_log(
    store: Store, assignment_id: str, day: date, form: SupportForm, minutes: int, summary: str
) -> None:
    with store.session() as s:
        log_support(s, assignment_id, log_date=day, form=form, summary=summary, duration_minutes=minutes)


@use_case(Kind.RESCUE_SESSION)
def new_session(
    store: Store,
    kind: SessionKind,
    day: date,
    topic: str,
    participants: list[Participant],
    student_numbers: list[str],
    conclusions: str,
    measures: str,
) -> None:
    with store.session() as s:
        ids = [student_by_no(s, number).id for number in student_numbers]
        record_session(
            s,
            kind,
            session_date=day,
            participants=participants,
            student_ids=ids,
            topic=topic,
            conclusions=conclusions,
            measures=measures,
        )


@use_case(Kind.KEY_SUPPORT, Kind.MENTOR_ASSIGNMENT)
def end_support(
    store: Store, key_support_id: str, day: date, participants: list[str], conclusion: str
) -> None:
    with store.session() as s:
        review = ReviewRecord(reviewed_on=day, participants=participants, conclusion=conclusion)
        exit_key_support(s, key_support_id, exited_on=day, review=review)


def workload_view(store: Store, academic_year: str, term: int) -> list[MentorWorkload]:
    first, last = term_bounds(academic_year, term)
    with store.session() as s:
        return mentor_workload(s, first, last)
