"""Scope, enforced here and only here: which students a principal may read and which ops it may apply.

DOMAIN.md's table: a counselor sees the students assigned to them (``student.counselor_id``), a mentor the
students of their mentor assignments, a college center every student of its college, a school center
everyone, an administrator no student content.  School-level catalogue rows (no student) are readable by
every role but the administrator.  Anything outside scope is reported exactly like an unknown id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, not_, or_, select, true
from sqlalchemy.orm import Session

from sync.protocol import RejectReason
from sync.records import Record
from sync.records.enums import Role
from sync.server import record_kinds
from sync.server.models import (
    ConflictRow,
    Device,
    DeviceHolding,
    MentorAccount,
    MentorLink,
    RecordRow,
    RecordStudent,
    StudentScope,
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: an account through one of its devices."""

    user_id: str
    role: Role
    college_id: str | None
    device_id: str


def readable_students(principal: Principal) -> Select[Any] | None:
    """A query of the student ids the principal may read; ``None`` means every student."""
    role = principal.role
    if role is Role.SCHOOL_CENTER:
        return None
    if role is Role.COUNSELOR:
        return select(StudentScope.student_id).where(StudentScope.counselor_id == principal.user_id)
    if role is Role.COLLEGE_CENTER:
        if principal.college_id is None:
            return select(StudentScope.student_id).where(false())
        return select(StudentScope.student_id).where(StudentScope.college_id == principal.college_id)
    if role is Role.MENTOR:
        today = date.today().isoformat()
        return (
            select(MentorLink.student_id)
            .join(MentorAccount, MentorAccount.mentor_id == MentorLink.mentor_id)
            .where(
                MentorAccount.user_id == principal.user_id,
                or_(MentorLink.to_date.is_(None), MentorLink.to_date >= today),
            )
        )
    return select(StudentScope.student_id).where(false())


def record_visible(principal: Principal) -> ColumnElement[bool]:
    """SQL condition: the principal may read this ``records`` row."""
    if principal.role is Role.ADMIN:
        return false()
    students = readable_students(principal)
    if students is None:
        return true()
    others = exists().where(
        RecordStudent.record_id == RecordRow.id, RecordStudent.student_id.not_in(students.scalar_subquery())
    )
    return or_(
        RecordRow.student_id.is_(None),
        and_(RecordRow.student_id.in_(students.scalar_subquery()), or_(not_(RecordRow.multi), not_(others))),
    )


def conflict_visible(principal: Principal) -> ColumnElement[bool]:
    """SQL condition: the principal may read this conflict (it follows its record's visibility)."""
    visible_record = exists().where(RecordRow.id == ConflictRow.record_id, record_visible(principal))
    return visible_record


def student_set(session: Session, principal: Principal) -> set[str]:
    """The readable students, materialised (used to compare with what a device holds)."""
    if principal.role is Role.ADMIN:
        return set()
    query = readable_students(principal)
    if query is None:
        query = select(StudentScope.student_id)
    return set(session.scalars(query))


def can_read_students(session: Session, principal: Principal, student_ids: tuple[str, ...]) -> bool:
    if principal.role is Role.ADMIN:
        return False
    if not student_ids:
        return True
    query = readable_students(principal)
    if query is None:
        found = session.scalars(
            select(StudentScope.student_id).where(StudentScope.student_id.in_(student_ids))
        )
    else:
        found = session.scalars(query.where(_student_column(query).in_(student_ids)))
    return set(found) >= set(student_ids)


def _student_column(query: Select[Any]) -> Any:
    return query.selected_columns[0]


def held_by_device(session: Session, principal: Principal, student_ids: tuple[str, ...]) -> bool:
    """Whether the device still holds these students (so ops made before a reassignment are accepted)."""
    if not student_ids:
        return False
    confirmed = select(Device.confirmed_gen).where(Device.id == principal.device_id).scalar_subquery()
    held = session.scalars(
        select(DeviceHolding.student_id).where(
            DeviceHolding.device_id == principal.device_id,
            DeviceHolding.student_id.in_(student_ids),
            or_(DeviceHolding.state == "enter", DeviceHolding.gen > confirmed),
        )
    )
    return set(held) >= set(student_ids)


def reachable(session: Session, principal: Principal, student_ids: set[str]) -> set[str]:
    """Of these students, those the principal may read now or its device still holds (two queries)."""
    if principal.role is Role.ADMIN or not student_ids:
        return set()
    ids = sorted(student_ids)
    query = readable_students(principal)
    if query is None:
        query = select(StudentScope.student_id)
    found = set(session.scalars(query.where(_student_column(query).in_(ids))))
    rest = [student for student in ids if student not in found]
    if rest:
        confirmed = select(Device.confirmed_gen).where(Device.id == principal.device_id).scalar_subquery()
        found |= set(
            session.scalars(
                select(DeviceHolding.student_id).where(
                    DeviceHolding.device_id == principal.device_id,
                    DeviceHolding.student_id.in_(rest),
                    or_(DeviceHolding.state == "enter", DeviceHolding.gen > confirmed),
                )
            )
        )
    return found


def may_reach(
    session: Session, principal: Principal, student_ids: tuple[str, ...], cache: dict[Any, bool] | None = None
) -> bool:
    """The principal may read the students now, or its device still holds them (``cache``: per batch)."""
    if cache is not None and student_ids in cache:
        return cache[student_ids]
    reach = can_read_students(session, principal, student_ids) or held_by_device(
        session, principal, student_ids
    )
    if cache is not None:
        cache[student_ids] = reach
    return reach


def check_write(
    session: Session,
    principal: Principal,
    cls: type[Record],
    *,
    student_ids: tuple[str, ...],
    existing: RecordRow | None,
    new_fields: dict[str, Any],
    cache: dict[Any, bool] | None = None,
) -> RejectReason | None:
    """Why the principal may not apply this change (``None``: it may)."""
    role = principal.role
    record_type = cls.RECORD_TYPE
    if role is Role.ADMIN:
        return RejectReason.FORBIDDEN
    if record_type in record_kinds.UNPUBLISHED:
        return None
    if not record_kinds.belongs_to_students(cls):
        if role is Role.SCHOOL_CENTER or _college_center_edit(principal, record_type, existing, new_fields):
            return None
        return RejectReason.FORBIDDEN
    creating_student = record_type == record_kinds.STUDENT and (existing is None or existing.deleted)
    if creating_student and existing is None:
        return _check_new_student(principal, new_fields)
    if not student_ids or not may_reach(session, principal, student_ids, cache):
        return RejectReason.NOT_FOUND
    if role is Role.SCHOOL_CENTER:
        return RejectReason.FORBIDDEN
    if role is Role.MENTOR and record_type != record_kinds.SUPPORT_LOG:
        return RejectReason.FORBIDDEN
    if role is Role.COUNSELOR and record_type == record_kinds.MENTOR_ASSIGNMENT:
        return RejectReason.FORBIDDEN
    if record_type == record_kinds.STUDENT and role is not Role.COLLEGE_CENTER and existing is not None:
        current = existing.fields_dict()
        if any(
            name in new_fields and new_fields[name] != current.get(name) for name in record_kinds.SCOPE_FIELDS
        ):
            return RejectReason.FORBIDDEN
    if record_kinds.is_author_owned(cls) and existing is not None and existing.author_id != principal.user_id:
        return RejectReason.FORBIDDEN
    return None


# What a college center may change outside student records: its own college's support center
# (coverage #1) and a mentor's expertise (coverage #5).
COLLEGE_CENTER_FIELDS = frozenset({"center_site", "center_director", "center_deputies", "center_staff"})
MENTOR_EXPERTISE_FIELDS = frozenset({"specialties"})


def _college_center_edit(
    principal: Principal, record_type: str, existing: RecordRow | None, new_fields: dict[str, Any]
) -> bool:
    if principal.role is not Role.COLLEGE_CENTER or existing is None or existing.deleted:
        return False
    if record_type == record_kinds.COLLEGE:
        return existing.id == principal.college_id and set(new_fields) <= COLLEGE_CENTER_FIELDS
    if record_type == record_kinds.MENTOR:
        return set(new_fields) <= MENTOR_EXPERTISE_FIELDS
    return False


def _check_new_student(principal: Principal, fields: dict[str, Any]) -> RejectReason | None:
    if principal.role not in (Role.COUNSELOR, Role.COLLEGE_CENTER) or principal.college_id is None:
        return RejectReason.FORBIDDEN
    if fields.get("college_id") != principal.college_id:
        return RejectReason.FORBIDDEN
    if principal.role is Role.COUNSELOR and fields.get("counselor_id") != principal.user_id:
        return RejectReason.FORBIDDEN
    return None
