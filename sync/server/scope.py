"""Scope, enforced here and only here: which students a principal may read and which ops it may apply.

DOMAIN.md's table: a counselor sees the students assigned to them (``student.counselor_id``), a mentor the
students of their mentor assignments, a college center every student of its college, a school center
everyone, an administrator no student content.  School-level catalogue rows (no student) are readable by
every role but the administrator.  Anything outside scope is reported exactly like an unknown id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, not_, or_, select, true
from sqlalchemy.orm import Session

from sync.protocol import RejectReason
from sync.records import Record
from sync.records.enums import Role
from sync.server import activity_rules, record_kinds, workload_rules
from sync.server.models import (
    Account,
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
    # The device runs in aggregate-only mode: no student is in its scope (it reads figures instead).
    aggregate_only: bool = False


def readable_students(principal: Principal) -> Select[Any] | None:
    """A query of the student ids the principal may read; ``None`` means every student."""
    role = principal.role
    if principal.aggregate_only:
        return select(StudentScope.student_id).where(false())
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
    if principal.role not in CENTER_ROLES:
        # 公示 records (an objection may name no student) are the centers' business only
        return and_(RecordRow.record_type.not_in(record_kinds.NOTICE_RECORDS), _visible(students))
    return _visible(students)


def _visible(students: Select[Any] | None) -> ColumnElement[bool]:
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


DEFAULT_GRACE_DAYS = 7


def _aware(moment: datetime, now: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now.tzinfo)


def leaving(
    session: Session, principal: Principal, student_ids: list[str], grace_days: int = DEFAULT_GRACE_DAYS
) -> dict[str, datetime]:
    """Of these students (none readable now), those the device still holds and that left the user's scope
    less than ``grace_days`` ago, with the moment they left.

    The moment is when the student's assignment last changed (``student_scope.scope_changed_at``), or,
    for a scope lost otherwise (a mentor link ended), when the server first told the device to drop it
    (``device_holdings.left_at``) — whichever is earlier.  A student with neither gets no grace.
    """
    if not student_ids:
        return {}
    confirmed = select(Device.confirmed_gen).where(Device.id == principal.device_id).scalar_subquery()
    rows = session.execute(
        select(DeviceHolding.student_id, DeviceHolding.left_at, StudentScope.scope_changed_at)
        .outerjoin(StudentScope, StudentScope.student_id == DeviceHolding.student_id)
        .where(
            DeviceHolding.device_id == principal.device_id,
            DeviceHolding.student_id.in_(student_ids),
            or_(DeviceHolding.state == "enter", DeviceHolding.gen > confirmed),
        )
    ).all()
    now = datetime.now(UTC)
    out: dict[str, datetime] = {}
    for student, held_left, changed in rows:
        moments = [_aware(moment, now) for moment in (held_left, changed) if moment is not None]
        if moments and now - min(moments) <= timedelta(days=grace_days):
            out[student] = min(moments)
    return out


def reachable(
    session: Session, principal: Principal, student_ids: set[str], grace_days: int = DEFAULT_GRACE_DAYS
) -> tuple[set[str], dict[str, datetime]]:
    """Of these students, those the principal may read now, and those its device still holds within the
    reassignment grace (with when they left)."""
    if principal.role is Role.ADMIN or not student_ids:
        return set(), {}
    ids = sorted(student_ids)
    query = readable_students(principal)
    if query is None:
        query = select(StudentScope.student_id)
    found = set(session.scalars(query.where(_student_column(query).in_(ids))))
    rest = [student for student in ids if student not in found]
    return found, leaving(session, principal, rest, grace_days)


def may_reach(
    session: Session,
    principal: Principal,
    student_ids: tuple[str, ...],
    cache: dict[Any, bool] | None = None,
    *,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> bool:
    """The principal may read the students now, or its device still holds them and they left its scope
    within the grace (``cache``: per batch, filled by the caller with what the grace allows)."""
    if cache is not None and student_ids in cache:
        return cache[student_ids]
    if can_read_students(session, principal, student_ids):
        reach = True
    else:
        readable, held = reachable(session, principal, set(student_ids), grace_days)
        reach = bool(student_ids) and all(s in readable or s in held for s in student_ids)
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
    deleting: bool = False,
) -> RejectReason | None:
    """Why the principal may not apply this change (``None``: it may)."""
    role = principal.role
    record_type = cls.RECORD_TYPE
    if role is Role.ADMIN:
        return RejectReason.FORBIDDEN
    if record_type in record_kinds.UNPUBLISHED:
        return None
    if record_type in activity_rules.COLLEGE_ACTIVITIES:
        return activity_rules.check(principal, record_type, existing, new_fields)
    if record_type == workload_rules.WORKLOAD_CONFIRMATION:
        return workload_rules.check(principal, existing, new_fields)
    if record_type in record_kinds.NOTICE_RECORDS:
        return _check_notice(session, principal, record_type, student_ids, existing, new_fields, cache)
    if not record_kinds.belongs_to_students(cls):
        if record_type == record_kinds.COLLEGE_ACADEMIC_BENCHMARK:
            return _check_benchmark(principal, existing, new_fields)
        if role is Role.SCHOOL_CENTER or _college_center_edit(
            session, principal, record_type, existing, new_fields
        ):
            return None
        return RejectReason.FORBIDDEN
    creating_student = record_type == record_kinds.STUDENT and (existing is None or existing.deleted)
    if creating_student and existing is None:
        return _check_new_student(principal, new_fields)
    if not student_ids or not may_reach(session, principal, student_ids, cache):
        return RejectReason.NOT_FOUND
    if record_type in record_kinds.OUTCOME_RECORDS:
        return None if role in (Role.SCHOOL_CENTER, Role.COLLEGE_CENTER) else RejectReason.FORBIDDEN
    if role is Role.SCHOOL_CENTER:
        return RejectReason.FORBIDDEN
    if role is Role.MENTOR and record_type != record_kinds.SUPPORT_LOG:
        return RejectReason.FORBIDDEN
    if role is Role.COUNSELOR and record_type in _CENTER_RECORDS:
        return RejectReason.FORBIDDEN
    if record_type == record_kinds.STUDENT and deleting and role is not Role.COLLEGE_CENTER:
        return RejectReason.FORBIDDEN  # a counselor marks a student as left; deleting is the center's
    if record_type == record_kinds.SUPPORT_LOG and "mentor_id" in new_fields:
        reason = _check_mentor_named(session, principal, new_fields["mentor_id"])
        if reason is not None:
            return reason
    if record_type == record_kinds.STUDENT and role is not Role.COLLEGE_CENTER and existing is not None:
        current = existing.fields_dict()
        if any(
            name in new_fields and new_fields[name] != current.get(name) for name in record_kinds.SCOPE_FIELDS
        ):
            return RejectReason.FORBIDDEN
    if (
        record_kinds.is_author_owned(cls)
        and existing is not None
        and existing.author_id != principal.user_id
        and not _center_review(principal, record_type, new_fields, deleting)
    ):
        return RejectReason.FORBIDDEN
    return None


CENTER_ROLES = frozenset({Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})


def _check_notice(
    session: Session,
    principal: Principal,
    record_type: str,
    student_ids: tuple[str, ...],
    existing: RecordRow | None,
    new_fields: dict[str, Any],
    cache: dict[Any, bool] | None,
) -> RejectReason | None:
    """公示: the school center publishes any notice; a college center its own college's, listing only
    students it may read, and records objections to its own college's notices."""
    if principal.role is Role.SCHOOL_CENTER:
        return None
    if principal.role is not Role.COLLEGE_CENTER:
        # another role cannot read them: an existing one looks like an unknown id
        return RejectReason.NOT_FOUND if existing is not None else RejectReason.FORBIDDEN
    if principal.college_id is None:
        return RejectReason.FORBIDDEN
    stored = existing.fields_dict() if existing is not None and not existing.deleted else {}
    fields = {**stored, **new_fields}
    if record_type == record_kinds.PUBLIC_NOTICE:
        colleges = {fields.get("college_id"), stored.get("college_id", principal.college_id)}
        if colleges != {principal.college_id}:
            return RejectReason.FORBIDDEN
    else:
        notice = _stored_record(session, fields.get("notice_id"))
        if notice is None or notice.deleted or notice.record_type != record_kinds.PUBLIC_NOTICE:
            return RejectReason.VALIDATION_FAILED
        if notice.fields_dict().get("college_id") != principal.college_id:
            return RejectReason.FORBIDDEN
    if student_ids and not may_reach(session, principal, student_ids, cache):
        return RejectReason.NOT_FOUND
    return None


# Record types whose write check reads another record by id (an objection: its notice).  The merge hands
# the records created earlier in the same push to the session before checking one of these.
READS_OTHER_RECORDS = frozenset({record_kinds.NOTICE_OBJECTION})


def _stored_record(session: Session, record_id: Any) -> RecordRow | None:
    """A record by id, also one created earlier in the same push (added to the session, not flushed)."""
    if not isinstance(record_id, str):
        return None
    found = session.get(RecordRow, record_id)
    if found is None:
        found = next((row for row in session.new if isinstance(row, RecordRow) and row.id == record_id), None)
    return found


# Records only the college center writes: mentor assignments, key support (DOMAIN.md: key-support status
# starts and ends by a collective review), and mentors' support logs, which count as the mentor's workload
# (a mentor writes their own; the center may write one naming a mentor).
_CENTER_RECORDS = frozenset(
    {record_kinds.MENTOR_ASSIGNMENT, record_kinds.KEY_SUPPORT, record_kinds.SUPPORT_LOG}
)


def _center_review(
    principal: Principal, record_type: str, new_fields: dict[str, Any], deleting: bool
) -> bool:
    """The college center may review a counselor's visit (its review fields only)."""
    return (
        principal.role is Role.COLLEGE_CENTER
        and record_type == record_kinds.HOME_VISIT
        and not deleting
        and set(new_fields) <= record_kinds.VISIT_REVIEW_FIELDS
    )


def _check_mentor_named(session: Session, principal: Principal, mentor_id: Any) -> RejectReason | None:
    """A support log names a mentor: a mentor may only name themself, the center any known mentor."""
    account = session.get(MentorAccount, mentor_id) if isinstance(mentor_id, str) else None
    if account is None:
        return RejectReason.VALIDATION_FAILED
    if principal.role is Role.MENTOR and account.user_id != principal.user_id:
        return RejectReason.FORBIDDEN
    return None


# What a college center may change outside student records: its own college's support center
# (coverage #1) and the expertise of a mentor of its college (coverage #5).
COLLEGE_CENTER_FIELDS = frozenset({"center_site", "center_director", "center_deputies", "center_staff"})
MENTOR_EXPERTISE_FIELDS = frozenset({"specialties"})


def _college_center_edit(
    session: Session,
    principal: Principal,
    record_type: str,
    existing: RecordRow | None,
    new_fields: dict[str, Any],
) -> bool:
    if principal.role is not Role.COLLEGE_CENTER or existing is None or existing.deleted:
        return False
    if record_type == record_kinds.COLLEGE:
        return existing.id == principal.college_id and set(new_fields) <= COLLEGE_CENTER_FIELDS
    if record_type == record_kinds.MENTOR:
        return set(new_fields) <= MENTOR_EXPERTISE_FIELDS and _mentor_of_college(
            session, existing, principal.college_id
        )
    return False


def _mentor_of_college(session: Session, mentor: RecordRow, college_id: str | None) -> bool:
    """The mentor belongs to no college or to this one, or serves one of its students: a mentor of
    another college is that college's (or the school center's) to describe."""
    if college_id is None:
        return False
    user_id = mentor.fields_dict().get("user_id")
    account = session.get(Account, user_id) if isinstance(user_id, str) else None
    if account is None or account.college_id in (None, college_id):
        return True
    served = (
        select(MentorLink.record_id)
        .join(StudentScope, StudentScope.student_id == MentorLink.student_id)
        .where(MentorLink.mentor_id == mentor.id, StudentScope.college_id == college_id)
        .limit(1)
    )
    return session.scalar(served) is not None


def _check_benchmark(
    principal: Principal, existing: RecordRow | None, new_fields: dict[str, Any]
) -> RejectReason | None:
    """A college's academic benchmark: the school center's for every college, a college center's for its
    own (it may neither write another college's nor move one to or from its college)."""
    if principal.role is Role.SCHOOL_CENTER:
        return None
    if principal.role is not Role.COLLEGE_CENTER or principal.college_id is None:
        return RejectReason.FORBIDDEN
    colleges = {new_fields.get("college_id")} if "college_id" in new_fields else set()
    if existing is not None:
        colleges.add(existing.fields_dict().get("college_id"))
    if not colleges or colleges != {principal.college_id}:
        return RejectReason.FORBIDDEN
    return None


def _check_new_student(principal: Principal, fields: dict[str, Any]) -> RejectReason | None:
    if principal.role not in (Role.COUNSELOR, Role.COLLEGE_CENTER) or principal.college_id is None:
        return RejectReason.FORBIDDEN
    if fields.get("college_id") != principal.college_id:
        return RejectReason.FORBIDDEN
    if principal.role is Role.COUNSELOR and fields.get("counselor_id") != principal.user_id:
        return RejectReason.FORBIDDEN
    return None
