"""公示 of identification results: who is listed, the notice's period and status, its objections.

Who is listed: the students whose identification for the year is at a disadvantaged level (特别困难 /
困难 / 一般困难, the population of docs/coverage.md) and has passed the college's review — status 公示,
认定 or 建档 (``LISTED_STATUSES``): a result still at 申请 or 学院评议 is not a result yet. Of each student
the notice keeps only the id; what is shown of them is ``NoticeLine`` (姓名、学院、年级、专业、班级)
and nothing else: never the level, the causes, the ID number, the phone or the address. Lines are
sorted by college, grade, class and name.

Status: 公示中 → 已结束 (only when every objection is resolved) or 已撤回; an ended or withdrawn notice
is not reopened (a new notice is made instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.search import name_sort_key
from desktop.store.workflow_checks import invalid_record, require_step
from sync.records import (
    NOTICE_WORKING_DAYS,
    IdentificationStatus,
    NoticeObjection,
    NoticeStatus,
    ObjectionResult,
    PublicNotice,
    Student,
    add_working_days,
)
from sync.records.notices import unresolved

LISTED_STATUSES = frozenset(
    {IdentificationStatus.PUBLICIZED, IdentificationStatus.IDENTIFIED, IdentificationStatus.ARCHIVED}
)
TRANSITIONS: dict[NoticeStatus, frozenset[NoticeStatus]] = {
    NoticeStatus.OPEN: frozenset({NoticeStatus.ENDED, NoticeStatus.WITHDRAWN}),
    NoticeStatus.ENDED: frozenset(),
    NoticeStatus.WITHDRAWN: frozenset(),
}


class NoticeError(StoreError):
    message = "公示操作未完成。"


@dataclass(frozen=True)
class NoticeLine:
    """One student as a notice shows them: the five fields a public list may carry, nothing else."""

    name: str
    college: str
    grade: str
    major: str
    class_name: str


def default_title(academic_year: str, college_name: str = "") -> str:
    """``2025-2026学年文学院资助认定结果公示`` (no word a bystander could single a student out by)."""
    return f"{academic_year}学年{college_name}资助认定结果公示"


def listed_students(session: StoreSession, academic_year: str, college_id: str | None) -> list[Student]:
    """The students whose identification result of the year is listed, sorted as the notice shows them."""
    ids = [
        identification.student_id
        for identification in session.identifications.list(where={"academic_year": academic_year})
        if identification.is_disadvantaged() and identification.status in LISTED_STATUSES
    ]
    students = _students(session, ids)
    if college_id is not None:
        students = [student for student in students if student.college_id == college_id]
    colleges = _college_names(session)
    return sorted(students, key=lambda student: _order(student, colleges))


def _students(session: StoreSession, ids: Sequence[str]) -> list[Student]:
    found: list[Student] = []
    for start in range(0, len(ids), 500):
        found.extend(session.students.list(where={"id": list(ids[start : start + 500])}))
    return found


def _college_names(session: StoreSession) -> dict[str, str]:
    return {college.id: college.name for college in session.colleges.list()}


def _order(student: Student, colleges: dict[str, str]) -> tuple[object, ...]:
    college = colleges.get(student.college_id or "", "")
    return (
        name_sort_key(college),
        student.grade or 0,
        name_sort_key(student.class_name),
        name_sort_key(student.name),
        student.student_no,
    )


def notice_lines(session: StoreSession, notice: PublicNotice) -> list[NoticeLine]:
    """The notice's students as it shows them (students no longer held on this computer are left out)."""
    colleges = _college_names(session)
    students = sorted(_students(session, notice.student_ids), key=lambda s: _order(s, colleges))
    return [
        NoticeLine(
            name=student.name,
            college=colleges.get(student.college_id or "", ""),
            grade=str(student.grade) if student.grade else "",
            major=student.major,
            class_name=student.class_name,
        )
        for student in students
    ]


def create_notice(
    session: StoreSession,
    *,
    academic_year: str,
    college_id: str | None,
    published_on: date,
    title: str = "",
    contact: str = "",
    issuer: str = "",
) -> PublicNotice:
    """A notice of the year's results for a college (or the school), ending 5 working days later."""
    if college_id is not None:
        session.colleges.require(college_id)
    students = listed_students(session, academic_year, college_id)
    if not students:
        raise NoticeError(f"{academic_year} 学年没有可公示的认定结果（须为已通过学院评议的困难认定）。")
    college_name = session.colleges.require(college_id).name if college_id else ""
    try:
        notice = PublicNotice(
            college_id=college_id,
            academic_year=academic_year,
            title=title.strip() or default_title(academic_year, college_name),
            published_on=published_on,
            ends_on=add_working_days(published_on, NOTICE_WORKING_DAYS),
            student_ids=[student.id for student in students],
            contact=contact,
            issuer=issuer,
        )
    except ValidationError as exc:
        raise invalid_record(NoticeError, exc) from None
    return session.notices.create(notice)


def set_end(session: StoreSession, notice_id: str, ends_on: date) -> PublicNotice:
    """Move the last day of an open notice (over a public holiday, which the working days do not know)."""
    notice = session.notices.require(notice_id)
    if notice.status is not NoticeStatus.OPEN:
        raise NoticeError("只能调整公示中的公示期。")
    try:
        return session.notices.patch(notice_id, ends_on=ends_on)
    except ValidationError as exc:
        raise invalid_record(NoticeError, exc) from None


def move_notice(session: StoreSession, notice_id: str, status: NoticeStatus) -> PublicNotice:
    """End or withdraw a notice; it cannot end while an objection is unresolved."""
    notice = session.notices.require(notice_id)
    require_step(TRANSITIONS, notice.status, status, what="公示状态", error=NoticeError)
    if status is NoticeStatus.ENDED:
        waiting = unresolved(session.objections.for_notice(notice_id))
        if waiting:
            raise NoticeError(f"还有 {len(waiting)} 条异议未处理，公示不能结束。")
    return session.notices.patch(notice_id, status=status)


def record_objection(
    session: StoreSession,
    notice_id: str,
    *,
    received_on: date,
    summary: str,
    student_id: str | None = None,
) -> NoticeObjection:
    notice = session.notices.require(notice_id)
    if notice.status is not NoticeStatus.OPEN:
        raise NoticeError("公示已结束或已撤回，不能再登记异议。")
    if student_id is not None and student_id not in notice.student_ids:
        raise NoticeError("该学生不在本次公示名单中。")
    try:
        objection = NoticeObjection(
            notice_id=notice_id, received_on=received_on, summary=summary, student_id=student_id
        )
    except ValidationError as exc:
        raise invalid_record(NoticeError, exc) from None
    return session.objections.create(objection)


def resolve_objection(
    session: StoreSession, objection_id: str, *, result: ObjectionResult, resolution: str, resolved_on: date
) -> NoticeObjection:
    session.objections.require(objection_id)
    try:
        return session.objections.patch(
            objection_id, result=result, resolution=resolution, resolved_on=resolved_on
        )
    except ValidationError as exc:
        raise invalid_record(NoticeError, exc) from None
