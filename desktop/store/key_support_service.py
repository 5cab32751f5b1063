"""Key support (重点帮扶): start, mentor matching and assignment, support log, rescue sessions, exit.

Every function takes an open ``StoreSession`` (one transaction) and raises ``KeySupportError`` with a
Chinese message when a step is not allowed. Key-support content is restricted: callers check the role
with ``require_key_support_role`` and every list view leaves an audit entry (``key_support_cases``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from pydantic import ValidationError

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role, may_list_key_support, may_see_key_support
from desktop.store.workflow_checks import invalid_record
from sync.records import (
    AuditAction,
    DifficultyType,
    KeySupport,
    Mentor,
    MentorAssignment,
    Participant,
    ParticipantRole,
    RescueSession,
    ReviewRecord,
    Role,
    SessionKind,
    Student,
    SupportForm,
    SupportLogEntry,
    academic_year_bounds,
    academic_year_of,
)


class KeySupportError(StoreError):
    message = "重点帮扶操作未完成。"


def require_key_support_role(role: Role) -> None:
    if not may_see_key_support(role):
        raise KeySupportError("当前角色不能查看或处理重点帮扶。")


def term_bounds(academic_year: str, term: int) -> tuple[date, date]:
    """Term 1: 1 September to the end of February; term 2: 1 March to 31 August."""
    first, last = academic_year_bounds(academic_year)
    if term == 1:
        return first, date(first.year + 1, 3, 1) - timedelta(days=1)
    if term == 2:
        return date(first.year + 1, 3, 1), last
    raise ValueError("学期应为 1 或 2")


# -- start and exit --------------------------------------------------------------------------------
def start_key_support(
    session: StoreSession,
    student_id: str,
    difficulty_types: Sequence[DifficultyType],
    *,
    started_on: date,
    review: ReviewRecord,
    note: str = "",
) -> KeySupport:
    """Start key support after a review; a student has at most one active period. Only a student
    identified at a disadvantaged level for the academic year of ``started_on`` may be a key-support
    student (重点帮扶对象 are disadvantaged students with one of the seven difficulties)."""
    session.students.require(student_id)
    year = academic_year_of(started_on)
    if not any(
        identification.academic_year == year and identification.is_disadvantaged()
        for identification in session.identifications.for_student(student_id)
    ):
        raise KeySupportError(
            f"只有 {year} 学年认定为家庭经济困难（特别困难、困难或一般困难）的学生才能纳入重点帮扶。"
        )
    if session.key_supports.active_for(student_id) is not None:
        raise KeySupportError("该学生已在重点帮扶中，请在原记录中调整困难类型。")
    try:
        support = KeySupport(
            student_id=student_id,
            difficulty_types=list(difficulty_types),
            started_on=started_on,
            start_review=review,
            note=note,
        )
    except ValidationError as exc:
        raise invalid_record(KeySupportError, exc) from None
    return session.key_supports.create(support)


def exit_key_support(
    session: StoreSession, key_support_id: str, *, exited_on: date, review: ReviewRecord
) -> KeySupport:
    """End key support by a collective review; the student's active mentor assignments end too."""
    support = session.key_supports.require(key_support_id)
    if support.exited_on is not None:
        raise KeySupportError("该重点帮扶已经退出。")
    try:
        ended = session.key_supports.patch(key_support_id, exited_on=exited_on, exit_review=review)
    except ValidationError as exc:
        raise invalid_record(KeySupportError, exc) from None
    for assignment in session.mentor_assignments.for_student(support.student_id):
        if assignment.to_date is None or assignment.to_date > exited_on:
            session.mentor_assignments.patch(assignment.id, to_date=max(exited_on, assignment.from_date))
    return ended


# -- mentors ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MentorMatch:
    mentor: Mentor
    matched: tuple[DifficultyType, ...]  # the student's difficulties this mentor can serve
    active_students: int  # current load


def _active_loads(session: StoreSession, day: date) -> dict[str, int]:
    loads: dict[str, int] = {}
    for assignment in session.mentor_assignments.active_on(day):
        loads[assignment.mentor_id] = loads.get(assignment.mentor_id, 0) + 1
    return loads


def match_mentors(
    session: StoreSession,
    difficulty_types: Sequence[DifficultyType],
    *,
    on: date,
    include_unmatched: bool = False,
) -> list[MentorMatch]:
    """Active mentors with at least one matching speciality: most matches first, then lightest load.

    ``include_unmatched`` (for the center roles, who may assign them with a reason) lists the other
    active mentors after them."""
    wanted = list(dict.fromkeys(difficulty_types))
    loads = _active_loads(session, on)
    matches: list[MentorMatch] = []
    for mentor in session.mentors.list(where={"active": True}):
        matched = tuple(kind for kind in wanted if kind in mentor.specialties)
        if matched or include_unmatched:
            matches.append(MentorMatch(mentor, matched, loads.get(mentor.id, 0)))
    return sorted(
        matches, key=lambda m: (-len(m.matched), m.active_students, m.mentor.name, m.mentor.staff_no)
    )


def assign_mentor(
    session: StoreSession,
    key_support_id: str,
    mentor_id: str,
    *,
    from_date: date,
    goals: str = "",
    plan: str = "",
    mismatch_reason: str = "",
    role: Role | None = None,
) -> MentorAssignment:
    """Assign a mentor (一人一策: goals and plan); a current assignment of the student ends the day before.

    A mentor whose expertise matches none of the student's difficulty types needs ``mismatch_reason``,
    recorded by a center role (``role``)."""
    support = session.key_supports.require(key_support_id)
    if support.exited_on is not None:
        raise KeySupportError("该学生已退出重点帮扶，不能再分配导师。")
    mentor = session.mentors.require(mentor_id)
    if not mentor.active:
        raise KeySupportError("该导师已不在岗，请选择其他导师。")
    if from_date < support.started_on:
        raise KeySupportError("导师分配日期不能早于纳入重点帮扶的日期。")
    mismatch_reason = mismatch_reason.strip()
    if not set(mentor.specialties) & set(support.difficulty_types):
        if not mismatch_reason:
            raise KeySupportError(
                "该导师的专长与学生的帮扶需求都不相符：请选择专长相符的导师，或由学生发展支持中心填写原因。"
            )
        if not is_center_role(role):
            raise KeySupportError("导师专长不符时，只有学生发展支持中心可以填写原因并分配。")
    else:
        mismatch_reason = ""
    for current in session.mentor_assignments.for_student(support.student_id):
        if current.mentor_id == mentor_id and current.active_on(from_date):
            raise KeySupportError("该导师已在为这名学生提供帮扶。")
        if current.to_date is None or current.to_date >= from_date:
            end = max(current.from_date, from_date - timedelta(days=1))
            session.mentor_assignments.patch(current.id, to_date=end)
    try:
        assignment = MentorAssignment(
            student_id=support.student_id,
            mentor_id=mentor_id,
            key_support_id=key_support_id,
            from_date=from_date,
            goals=goals,
            plan=plan,
            mismatch_reason=mismatch_reason,
        )
    except ValidationError as exc:
        raise invalid_record(KeySupportError, exc) from None
    return session.mentor_assignments.create(assignment)


# -- support log and sessions ----------------------------------------------------------------------
def log_support(
    session: StoreSession,
    assignment_id: str,
    *,
    log_date: date,
    form: SupportForm,
    summary: str,
    duration_minutes: int = 60,
    assessment: str = "",
    next_steps: str = "",
) -> SupportLogEntry:
    """A support session of the assigned mentor (on a day the assignment was running)."""
    assignment = session.mentor_assignments.require(assignment_id)
    if not assignment.active_on(log_date):
        raise KeySupportError("记录日期不在该导师的帮扶期间内。")
    try:
        entry = SupportLogEntry(
            student_id=assignment.student_id,
            mentor_id=assignment.mentor_id,
            assignment_id=assignment.id,
            log_date=log_date,
            form=form,
            duration_minutes=duration_minutes,
            summary=summary,
            assessment=assessment,
            next_steps=next_steps,
        )
    except ValidationError as exc:
        raise invalid_record(KeySupportError, exc) from None
    return session.support_logs.create(entry)


def record_session(
    session: StoreSession,
    kind: SessionKind,
    *,
    session_date: date,
    participants: Sequence[Participant],
    student_ids: Sequence[str],
    topic: str = "",
    conclusions: str = "",
    measures: str = "",
    college_id: str | None = None,
) -> RescueSession:
    """A rescue-education session or case conference about key-support students."""
    for student_id in student_ids:
        session.students.require(student_id)
        support = session.key_supports.active_for(student_id)
        if support is None or support.started_on > session_date:
            raise KeySupportError("救助性教育和集体教研只针对当时在重点帮扶中的学生。")
    try:
        record = RescueSession(
            kind=kind,
            session_date=session_date,
            participants=list(participants),
            student_ids=list(dict.fromkeys(student_ids)),
            topic=topic,
            conclusions=conclusions,
            measures=measures,
            college_id=college_id,
        )
    except ValidationError as exc:
        raise invalid_record(KeySupportError, exc) from None
    return session.rescue_sessions.create(record)


# -- lists and totals ------------------------------------------------------------------------------
@dataclass(frozen=True)
class KeySupportCase:
    support: KeySupport
    student_no: str
    student_name: str
    college: str
    class_name: str
    mentor_name: str  # the current mentor ("" when none)
    assignment_id: str | None
    last_log: date | None
    sessions_this_year: int


def key_support_cases(
    session: StoreSession,
    role: Role,
    *,
    academic_year: str,
    include_exited: bool = False,
    today: date | None = None,
) -> list[KeySupportCase]:
    """Key-support students (active, or every period with ``include_exited``); audited as a view.

    A list of key-support students is for the centers and mentors only (``may_list_key_support``).
    """
    if not may_list_key_support(role):
        raise KeySupportError("重点帮扶名单仅对学生发展支持中心和育人导师开放，请在学生档案中逐一查看。")
    today = today or date.today()
    first, last = academic_year_bounds(academic_year)
    supports = session.key_supports.list() if include_exited else session.key_supports.active()
    colleges = {college.id: college.name for college in session.colleges.list()}
    mentors = {mentor.id: mentor.name for mentor in session.mentors.list()}
    student_ids = [support.student_id for support in supports]
    students: dict[str, Student] = {}
    for start in range(0, len(student_ids), 500):
        for known in session.students.list(where={"id": student_ids[start : start + 500]}):
            students[known.id] = known
    assignments: dict[str, list[MentorAssignment]] = {}
    for assignment in session.mentor_assignments.for_students(student_ids):
        assignments.setdefault(assignment.student_id, []).append(assignment)
    last_logs: dict[str, date] = {}
    for entry in session.support_logs.for_students(student_ids):
        if entry.student_id not in last_logs or entry.log_date > last_logs[entry.student_id]:
            last_logs[entry.student_id] = entry.log_date
    sessions: dict[str, int] = {}
    for meeting in session.rescue_sessions.list():
        if first <= meeting.session_date <= last:
            for student_id in meeting.student_ids:
                sessions[student_id] = sessions.get(student_id, 0) + 1
    cases: list[KeySupportCase] = []
    for support in supports:
        student = students.get(support.student_id)
        if student is None:
            continue
        current = next((a for a in assignments.get(student.id, []) if a.active_on(today)), None)
        cases.append(
            KeySupportCase(
                support=support,
                student_no=student.student_no,
                student_name=student.name,
                college=colleges.get(student.college_id or "", ""),
                class_name=student.class_name,
                mentor_name=mentors.get(current.mentor_id, "") if current else "",
                assignment_id=current.id if current else None,
                last_log=last_logs.get(student.id),
                sessions_this_year=sessions.get(student.id, 0),
            )
        )
    session.audit.log(AuditAction.VIEW_RESTRICTED, record_type="key_support", detail="查看重点帮扶名单")
    return sorted(cases, key=lambda c: (c.support.exited_on is not None, c.college, c.student_no))


@dataclass
class MentorWorkload:
    mentor: Mentor
    students: set[str] = field(default_factory=set)  # students assigned at some point of the term
    log_entries: int = 0
    minutes: int = 0
    sessions: int = 0  # rescue sessions / case conferences attended

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


def mentor_workload(session: StoreSession, first: date, last: date) -> list[MentorWorkload]:
    """Per mentor for a term: students served, support sessions logged (count, hours), conferences."""
    totals = {mentor.id: MentorWorkload(mentor) for mentor in session.mentors.list()}
    mentors = [row.mentor for row in totals.values()]
    by_user = {mentor.user_id: mentor.id for mentor in mentors if mentor.user_id}
    by_name = {mentor.name: mentor.id for mentor in mentors}
    for assignment in session.mentor_assignments.list():
        overlaps = assignment.from_date <= last and (
            assignment.to_date is None or assignment.to_date >= first
        )
        if overlaps and assignment.mentor_id in totals:
            totals[assignment.mentor_id].students.add(assignment.student_id)
    for entry in session.support_logs.list():
        if first <= entry.log_date <= last and entry.mentor_id in totals:
            totals[entry.mentor_id].log_entries += 1
            totals[entry.mentor_id].minutes += entry.duration_minutes
    for meeting in session.rescue_sessions.list():
        if not first <= meeting.session_date <= last:
            continue
        for participant in meeting.participants:
            mentor_id = by_user.get(participant.user_id or "") or (
                by_name.get(participant.name) if participant.role is ParticipantRole.MENTOR else None
            )
            if mentor_id is not None:
                totals[mentor_id].sessions += 1
    rows = [row for row in totals.values() if row.students or row.log_entries or row.sessions]
    return sorted(rows, key=lambda r: (-r.minutes, -r.log_entries, r.mentor.staff_no))
