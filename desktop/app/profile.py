"""One student's profile: their whole history (the same StudentHistory the growth archive prints), the
student and the family table saved together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.app.changes import Kind, use_case
from desktop.store.repositories.history import StudentHistory, TimelineEntry, TimelineKind
from desktop.store.store import Store
from sync.records import (
    FamilyMember,
    Student,
)
from sync.records.visits import HouseholdMember

__all__ = [
    "StudentHistory",
    "TimelineEntry",
    "TimelineKind",
    "family_as_household",
    "household_values",
    "load_student",
    "save_student",
    "student_name",
]


def student_name(store: Store, student_id: str) -> str:
    with store.session() as s:
        return s.students.require(student_id).name


def family_as_household(store: Store, student_id: str) -> list[dict[str, Any]]:
    """The profile's family as a visit form's household starts (each member linked, none verified)."""
    with store.session() as s:
        members = s.family.for_student(student_id)
    return [household_values(m) for m in members]


def household_values(member: FamilyMember) -> dict[str, Any]:
    fields = set(HouseholdMember.model_fields) - {"family_member_id", "verified"}
    values = member.model_dump(mode="json", include=fields)
    return {**values, "family_member_id": member.id, "verified": False}


def load_student(store: Store, student_id: str) -> StudentHistory:
    """Everything the profile shows about one student (its timeline is ``history.timeline()``)."""
    # imported here: desktop.reports loads ReportLab, which start-up does not need
    from desktop.reports.store_source import student_history

    with store.session() as s:
        return student_history(s, student_id)


@use_case(Kind.STUDENT, Kind.FAMILY_MEMBER)
def save_student(
    store: Store, student: Student, members: Sequence[FamilyMember], removed: Sequence[str]
) -> None:
    """The student's fields and family table in one transaction."""
    with store.session() as s:
        s.students.update(student)
        for member in members:
            if s.family.get(member.id) is None:
                s.family.create(member)
            else:
                s.family.update(member)
        for member_id in removed:
            s.family.delete(member_id)
