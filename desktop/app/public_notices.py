"""公示 of identification results: make a notice, follow its period, export it, record objections.

Only the center roles publish notices (a college center for its own college); every PDF or XLSX made
of a notice leaves an audit entry naming the notice and how many students it lists, never who.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.app.students import student_by_no
from desktop.store.public_notices import (
    NoticeError,
    create_notice,
    move_notice,
    notice_lines,
    record_objection,
    resolve_objection,
    set_end,
)
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from desktop.store.store import Store
from sync.records import (
    AuditAction,
    NoticeObjection,
    NoticeStatus,
    ObjectionResult,
    PublicNotice,
    Role,
    working_days_left,
)

PDF = ".pdf"
XLSX = ".xlsx"
FORMATS = (PDF, XLSX)


@dataclass(frozen=True)
class NoticeView:
    notice: PublicNotice
    college: str  # 全校 for a school notice
    objections: int
    unresolved: int
    days_left: int  # working days, today included; 0 once the period is over


@dataclass(frozen=True)
class ObjectionView:
    objection: NoticeObjection
    student: str  # 学号 姓名 of the student it is about, "" when it names none


def _require_center(store: Store) -> None:
    if not is_center_role(store.info.role):
        raise NoticeError("公示仅由学生发展支持中心发布和管理。")


def _own_college(s: StoreSession, store: Store) -> str | None:
    """The college of a college center's account (None for the school center or when not known)."""
    if store.info.role is not Role.COLLEGE_CENTER:
        return None
    user = s.users.get(store.info.user_id)
    return user.college_id if user is not None else None


def _check_college(s: StoreSession, store: Store, college_id: str | None) -> None:
    own = _own_college(s, store)
    if store.info.role is Role.COLLEGE_CENTER and (college_id is None or (own and college_id != own)):
        raise NoticeError("学院学生发展支持中心只能发布本学院的公示。")


def colleges(store: Store) -> list[tuple[str, str]]:
    """(name, id) of the colleges a notice may be made for."""
    with store.session() as s:
        own = _own_college(s, store)
        return sorted((c.name, c.id) for c in s.colleges.list() if c.active and (own is None or c.id == own))


def notice_views(store: Store, academic_year: str, today: date | None = None) -> list[NoticeView]:
    today = today or date.today()
    with store.session() as s:
        names = {college.id: college.name for college in s.colleges.list()}
        views = []
        for notice in s.notices.list(where={"academic_year": academic_year}):
            objections = s.objections.for_notice(notice.id)
            open_ = notice.status is NoticeStatus.OPEN
            views.append(
                NoticeView(
                    notice,
                    names.get(notice.college_id or "", "全校"),
                    len(objections),
                    sum(1 for o in objections if not o.resolved),
                    working_days_left(today, notice.ends_on) if open_ else 0,
                )
            )
    return views


def objection_views(store: Store, notice_id: str) -> list[ObjectionView]:
    with store.session() as s:
        rows = []
        for objection in s.objections.for_notice(notice_id):
            student = s.students.get(objection.student_id) if objection.student_id else None
            rows.append(ObjectionView(objection, f"{student.student_no} {student.name}" if student else ""))
    return rows


@use_case(Kind.PUBLIC_NOTICE)
def new_notice(
    store: Store,
    academic_year: str,
    college_id: str | None,
    published_on: date,
    title: str = "",
    contact: str = "",
    issuer: str = "",
) -> PublicNotice:
    _require_center(store)
    with store.session() as s:
        _check_college(s, store, college_id)
        return create_notice(
            s,
            academic_year=academic_year,
            college_id=college_id,
            published_on=published_on,
            title=title,
            contact=contact,
            issuer=issuer,
        )


@use_case(Kind.PUBLIC_NOTICE)
def change_end(store: Store, notice_id: str, ends_on: date) -> PublicNotice:
    _require_center(store)
    with store.session() as s:
        return set_end(s, notice_id, ends_on)


@use_case(Kind.PUBLIC_NOTICE)
def change_status(store: Store, notice_id: str, status: NoticeStatus) -> PublicNotice:
    _require_center(store)
    with store.session() as s:
        return move_notice(s, notice_id, status)


@use_case(Kind.NOTICE_OBJECTION)
def add_objection(
    store: Store, notice_id: str, received_on: date, summary: str, student_no: str = ""
) -> NoticeObjection:
    _require_center(store)
    with store.session() as s:
        student_id = student_by_no(s, student_no.strip()).id if student_no.strip() else None
        return record_objection(s, notice_id, received_on=received_on, summary=summary, student_id=student_id)


@use_case(Kind.NOTICE_OBJECTION)
def resolve(
    store: Store, objection_id: str, result: ObjectionResult, resolution: str, resolved_on: date
) -> NoticeObjection:
    _require_center(store)
    with store.session() as s:
        return resolve_objection(
            s, objection_id, result=result, resolution=resolution, resolved_on=resolved_on
        )


def file_name(view: NoticeView, suffix: str) -> str:
    """公示名单_2025-2026_文学院.pdf: the year and scope, never a student or a sensitive word."""
    from desktop.reports.file_names import clean_part

    parts = ("公示名单", view.notice.academic_year, view.college)
    return "_".join(part for part in (clean_part(p) for p in parts) if part) + suffix


def notice_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise NoticeError("公示名单只能导出为 .pdf 或 .xlsx 文件。")
    return suffix


@use_case(Kind.AUDIT_ENTRY)
def export_notice(store: Store, notice_id: str, path: Path) -> int:
    """Write the notice as PDF or XLSX (by the file's suffix); returns how many students it lists."""
    # ReportLab and openpyxl load on the first export, not when the window starts.
    from desktop.reports.public_notice import NoticeDocument, build_notice_pdf, build_notice_xlsx

    _require_center(store)
    suffix = notice_format(path)
    with store.session() as s:
        notice = s.notices.require(notice_id)
        lines = notice_lines(s, notice)
        document = NoticeDocument(
            school_name=store.info.school_name,
            title=notice.title,
            academic_year=notice.academic_year,
            published_on=notice.published_on,
            ends_on=notice.ends_on,
            contact=notice.contact,
            issuer=notice.issuer,
            lines=lines,
        )
        if suffix == PDF:
            build_notice_pdf(document, out=path)
        else:
            build_notice_xlsx(document, path)
        s.audit.log(
            AuditAction.EXPORT,
            record_type=Kind.PUBLIC_NOTICE,
            record_id=notice.id,
            detail=f"生成公示名单 {suffix.lstrip('.').upper()}（{notice.academic_year} 学年，{len(lines)} 人）",
        )
    return len(lines)


@use_case(Kind.PUBLIC_NOTICE, Kind.AUDIT_ENTRY)
def report_notice(
    store: Store,
    academic_year: str,
    college_id: str | None,
    path: Path,
    *,
    published_on: date | None = None,
    title: str = "",
    contact: str = "",
    issuer: str = "",
) -> tuple[PublicNotice, int]:
    """The command line's `report notice`: the open notice of the year and college (a new one when
    there is none), written to ``path``; returns the notice and how many students it lists."""
    notice_format(path)
    _require_center(store)
    with store.session() as s:
        _check_college(s, store, college_id)
        found = [
            n
            for n in s.notices.list(where={"academic_year": academic_year, "status": NoticeStatus.OPEN})
            if n.college_id == college_id
        ]
    notice = (
        found[-1]
        if found
        else new_notice(
            store, academic_year, college_id, published_on or date.today(), title, contact, issuer
        )
    )
    return notice, export_notice(store, notice.id, path)
