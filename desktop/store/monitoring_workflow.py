"""Monitoring feedback (监测反馈): raise (from the profile or a visit), handle, resolve; the list view.

Status: 待处理 → 处理中 → 已处理 (待处理 may be resolved at once; 已处理 may be reopened to 处理中).
A visit that records a recent shock or suggests a 临时困难补助 proposes a 家庭突发变故 flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.workflow_checks import invalid_record, require_step
from sync.records import (
    FlagAction,
    FlagKind,
    FlagStatus,
    HomeVisit,
    MonitoringFlag,
    Student,
    academic_year_bounds,
)

TRANSITIONS: dict[FlagStatus, frozenset[FlagStatus]] = {
    FlagStatus.OPEN: frozenset({FlagStatus.IN_PROGRESS, FlagStatus.RESOLVED}),
    FlagStatus.IN_PROGRESS: frozenset({FlagStatus.RESOLVED, FlagStatus.OPEN}),
    FlagStatus.RESOLVED: frozenset({FlagStatus.IN_PROGRESS}),
}
SHOCK_FLAG_TEXT = "家访中了解到家庭近期发生突发情况，建议评估临时困难补助。"
SUGGESTED_ACTION_PREFIX = "建议措施："


class FlagError(StoreError):
    message = "监测反馈操作未完成。"


def raise_flag(
    session: StoreSession,
    student_id: str,
    kind: FlagKind,
    description: str,
    *,
    raised_on: date,
) -> MonitoringFlag:
    session.students.require(student_id)
    try:
        flag = MonitoringFlag(
            student_id=student_id,
            kind=kind,
            raised_on=raised_on,
            raised_by_id=session.ctx.author_id,
            description=description,
        )
    except ValidationError as exc:
        raise invalid_record(FlagError, exc) from None
    return session.flags.create(flag)


def suggests_temporary_subsidy(visit: HomeVisit) -> bool:
    """A visit that records a recent shock, or explicitly suggests the subsidy."""
    return visit.suggest_temporary_subsidy or bool(visit.recent_shocks.strip())


def visit_flag(session: StoreSession, visit: HomeVisit) -> MonitoringFlag | None:
    """The 家庭突发变故 flag raised for a visit: same student, raised on the visit's day."""
    for flag in session.flags.for_student(visit.student_id):
        if flag.kind is FlagKind.FAMILY_EMERGENCY and flag.raised_on == visit.visit_date:
            return flag
    return None


def flag_from_visit(
    session: StoreSession,
    visit: HomeVisit,
    *,
    description: str | None = None,
    suggested_action: str = "",
) -> MonitoringFlag | None:
    """Raise a 家庭突发变故 flag for a visit that suggests a temporary subsidy (once per visit day).

    ``description`` replaces the text taken from the visit (the counselor may have edited it);
    ``suggested_action`` (e.g. 临时困难补助) is added to it as 建议措施 for whoever handles the flag.
    """
    if not suggests_temporary_subsidy(visit):
        return None
    if visit_flag(session, visit) is not None:
        return None
    if description is None or not description.strip():
        description = visit.recent_shocks.strip() or SHOCK_FLAG_TEXT
    if suggested_action.strip():
        description = f"{description.strip()}\n{SUGGESTED_ACTION_PREFIX}{suggested_action.strip()}"
    return raise_flag(
        session, visit.student_id, FlagKind.FAMILY_EMERGENCY, description, raised_on=visit.visit_date
    )


def visits_suggesting_subsidy(session: StoreSession, academic_year: str) -> list[HomeVisit]:
    """Submitted visits of the year that suggest a temporary subsidy and have no flag yet, oldest first."""
    first, last = academic_year_bounds(academic_year)
    visits = [
        visit
        for visit in session.visits.in_period(first, last, suggesting_subsidy=True)
        if suggests_temporary_subsidy(visit)
    ]
    if not visits:
        return []
    flagged = {
        (flag.student_id, flag.raised_on)
        for flag in session.flags.for_students(list({visit.student_id for visit in visits}))
        if flag.kind is FlagKind.FAMILY_EMERGENCY
    }
    return [visit for visit in visits if (visit.student_id, visit.visit_date) not in flagged]


def move_flag(
    session: StoreSession,
    flag_id: str,
    status: FlagStatus,
    *,
    actions: Sequence[FlagAction] | None = None,
    action_notes: str | None = None,
    resolved_on: date | None = None,
) -> MonitoringFlag:
    """Move a flag along the workflow; 已处理 needs the actions taken and the date."""
    current = session.flags.require(flag_id)
    require_step(TRANSITIONS, current.status, status, what="反馈状态", error=FlagError)
    changes: dict[str, object] = {"status": status, "handled_by_id": session.ctx.author_id}
    if actions is not None:
        changes["actions"] = list(actions)
    if action_notes is not None:
        changes["action_notes"] = action_notes
    if status is FlagStatus.RESOLVED:
        changes["resolved_on"] = resolved_on
    else:
        changes["resolved_on"] = None
    try:
        return session.flags.patch(flag_id, **changes)
    except ValidationError as exc:
        raise invalid_record(FlagError, exc) from None


@dataclass(frozen=True)
class FlagRow:
    flag: MonitoringFlag
    student_no: str
    student_name: str
    college: str
    class_name: str


def flag_rows(session: StoreSession, *, statuses: Sequence[FlagStatus] | None = None) -> list[FlagRow]:
    """Flags with their student, open ones first, oldest first."""
    where = {"status": list(statuses)} if statuses else None
    flags = session.flags.list(where=where)
    ids = list({flag.student_id for flag in flags})
    students: dict[str, Student] = {}
    for start in range(0, len(ids), 500):
        for known in session.students.list(where={"id": ids[start : start + 500]}):
            students[known.id] = known
    colleges = {college.id: college.name for college in session.colleges.list()}
    order = list(FlagStatus)
    rows = [
        FlagRow(
            flag,
            students[flag.student_id].student_no,
            students[flag.student_id].name,
            colleges.get(students[flag.student_id].college_id or "", ""),
            students[flag.student_id].class_name,
        )
        for flag in flags
        if flag.student_id in students
    ]
    return sorted(rows, key=lambda r: (order.index(r.flag.status), r.flag.raised_on, r.student_no))
