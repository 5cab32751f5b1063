"""One student's profile: the student and the family table, loaded and saved together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.app.changes import Kind, use_case
from desktop.reports.store_source import college_name, mentor_names, wish_item_names
from desktop.store.store import Store
from sync.records import (
    FamilyMember,
    GiveBackActivity,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    KeySupport,
    MentorAssignment,
    MonitoringFlag,
    RescueSession,
    Student,
    SupportLogEntry,
    WishSelection,
)
from sync.records.visits import HouseholdMember


@dataclass
class StudentFile:
    """Everything the profile shows about one student."""

    student: Student
    college_name: str = ""
    counselor_name: str = ""
    family: list[FamilyMember] = field(default_factory=list)
    identifications: list[Identification] = field(default_factory=list)
    aid: list[GuaranteeAid] = field(default_factory=list)
    rewards: list[GrowthReward] = field(default_factory=list)
    give_back: list[GiveBackActivity] = field(default_factory=list)
    visits: list[HomeVisit] = field(default_factory=list)
    key_support: list[KeySupport] = field(default_factory=list)
    mentor_assignments: list[MentorAssignment] = field(default_factory=list)
    mentor_names: dict[str, str] = field(default_factory=dict)
    support_log: list[SupportLogEntry] = field(default_factory=list)
    rescue_sessions: list[RescueSession] = field(default_factory=list)
    wishes: list[WishSelection] = field(default_factory=list)
    wish_item_names: dict[str, str] = field(default_factory=dict)
    flags: list[MonitoringFlag] = field(default_factory=list)


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


def load_student(store: Store, student_id: str) -> StudentFile:
    with store.session() as s:
        history = s.history(student_id)
        student = history.student
        college = college_name(s, student.college_id)
        counselor = s.users.get(student.counselor_id) if student.counselor_id else None
        mentors = mentor_names(s, history.mentor_assignments)
        item_names = wish_item_names(s, history.wishes)
    return StudentFile(
        student=student,
        college_name=college,
        counselor_name=counselor.name if counselor else "",
        family=history.family,
        identifications=history.identifications,
        aid=history.aid,
        rewards=history.rewards,
        give_back=history.give_backs,
        visits=history.visits,
        key_support=history.key_supports,
        mentor_assignments=history.mentor_assignments,
        mentor_names=mentors,
        support_log=history.support_logs,
        rescue_sessions=history.rescue_sessions,
        wishes=history.wishes,
        wish_item_names=item_names,
        flags=history.flags,
    )


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
