"""What the PDF builders need, read from an open store session (used by the CLI and the UI workers).

Reports read the store; the store never imports reports.  Every export leaves an audit entry
(``log_export``) holding ids and a short code only, never personal content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.reports.batch_export import StudentVisits
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.growth_archive import DEFAULT_ARCHIVE_TITLE
from desktop.reports.print_settings import (
    ARCHIVE_TITLE_SETTING,
    FONT_SETTING,
    VISIT_TITLE_SETTING,
    setting_value,
)
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE
from desktop.store.repositories.history import StudentHistory
from desktop.store.repositories.roster import RosterFilter
from desktop.store.repositories.session import StoreSession
from sync.records import AuditAction, HomeVisit, MentorAssignment, Role, Student, VisitStatus, WishSelection


class ReportSourceError(Exception):
    """A record the export needs was not found (message in Chinese, for the user)."""


@dataclass(frozen=True)
class ReportSettings:
    """The printed school name and titles, the font setting and the local user's role."""

    school_name: str
    visit_title: str = DEFAULT_VISIT_TITLE
    archive_title: str = DEFAULT_ARCHIVE_TITLE
    font_path: Path | None = None
    role: Role | None = None

    def fonts(self) -> PdfFonts:
        return pdf_fonts(self.font_path)


def report_settings(s: StoreSession, *, font_path: Path | None = None) -> ReportSettings:
    info = s.meta.info()
    configured = font_path or s.meta.setting(FONT_SETTING)
    return ReportSettings(
        school_name=info.school_name,
        visit_title=setting_value(s.meta, VISIT_TITLE_SETTING),
        archive_title=setting_value(s.meta, ARCHIVE_TITLE_SETTING),
        font_path=Path(configured) if configured else None,
        role=info.role,
    )


def student_by_no(s: StoreSession, student_no: str) -> Student:
    student = s.students.by_student_no(student_no.strip())
    if student is None:
        raise ReportSourceError(f"找不到学号为 {student_no} 的学生。")
    return student


def college_name(s: StoreSession, college_id: str | None) -> str:
    if not college_id:
        return ""
    college = s.colleges.get(college_id)
    return college.name if college else ""


def mentor_names(s: StoreSession, assignments: Sequence[MentorAssignment]) -> dict[str, str]:
    """Mentor id -> name for the mentors of these assignments (mentors not found are left out)."""
    names: dict[str, str] = {}
    for assignment in assignments:
        mentor = s.mentors.get(assignment.mentor_id)
        if mentor is not None:
            names[mentor.id] = mentor.name
    return names


def wish_item_names(s: StoreSession, wishes: Sequence[WishSelection]) -> dict[str, str]:
    """Catalogue item id -> service item for the items these wishes chose (items not found are left out)."""
    names: dict[str, str] = {}
    for wish in wishes:
        for item_id in wish.item_ids:
            item = s.wish_catalog.get(item_id)
            if item is not None:
                names[item.id] = item.service_item
    return names


def visit_for_form(s: StoreSession, student: Student, visit_ref: str | None = None) -> HomeVisit:
    """The visit to print: by its printed record number (JF-2026-017-0042), by id (or the last
    characters of it, as printed on a form before it had a number), else the student's latest visit
    that is not a draft."""
    visits = s.visits.for_student(student.id)
    if visit_ref:
        ref = visit_ref.strip().lower()
        matches = [
            v
            for v in visits
            if v.id.lower() == ref
            or v.id.lower().endswith(ref)
            or (v.record_no and v.record_no.lower() == ref)
        ]
        if len(matches) != 1:
            raise ReportSourceError(
                f"该学生没有编号为 {visit_ref} 的家访记录。"
                if not matches
                else f"编号 {visit_ref} 不唯一，请输入完整编号。"
            )
        return matches[0]
    finished = [v for v in visits if v.status != VisitStatus.DRAFT]
    if not finished:
        raise ReportSourceError("该学生还没有已提交的家访记录。")
    return max(finished, key=lambda v: (v.visit_date, v.id))


def _user_names(s: StoreSession) -> dict[str, str]:
    names = {user.id: user.name for user in s.users.list()}
    info = s.meta.info()
    if info.user_id:
        names.setdefault(info.user_id, info.user_name)
    return names


def student_history(
    s: StoreSession, student_id: str, *, user_names: dict[str, str] | None = None
) -> StudentHistory:
    """One student's full history with the names a person reads instead of ids (college, counselor,
    mentors, wish-list items, users): what the profile shows and the growth archive prints."""
    history = s.history(student_id)
    users = user_names if user_names is not None else _user_names(s)
    history.college_name = college_name(s, history.student.college_id)
    history.counselor_name = users.get(history.student.counselor_id or "", "")
    history.mentor_names = mentor_names(s, history.mentor_assignments)
    history.wish_item_names = wish_item_names(s, history.wishes)
    history.user_names = users
    return history


def archive_history(
    s: StoreSession, student: Student, *, user_names: dict[str, str] | None = None
) -> StudentHistory:
    """A student's history as the growth archive prints it (visits in draft left out)."""
    return student_history(s, student.id, user_names=user_names).without_drafts()


@dataclass(frozen=True)
class Scope:
    """Which students a batch covers: a college (by name), a class, or a counselor (工号 or name)."""

    college: str | None = None
    class_name: str | None = None
    counselor: str | None = None

    @property
    def label(self) -> str:
        return self.class_name or self.college or self.counselor or "全部"


def scope_students(s: StoreSession, scope: Scope) -> list[Student]:
    college_id: str | None = None
    counselor_id: str | None = None
    if scope.college:
        matches = [c for c in s.colleges.list() if c.name == scope.college.strip()]
        if not matches:
            raise ReportSourceError(f"找不到学院“{scope.college}”。")
        college_id = matches[0].id
    if scope.counselor:
        key = scope.counselor.strip()
        user = s.users.by_staff_no(key) or next((u for u in s.users.list() if u.name == key), None)
        if user is None:
            info = s.meta.info()
            if key != info.user_name:
                raise ReportSourceError(f"找不到辅导员“{scope.counselor}”。")
            counselor_id = info.user_id
        else:
            counselor_id = user.id
    filters = RosterFilter(
        college_id=college_id,
        class_name=scope.class_name.strip() if scope.class_name else None,
        counselor_id=counselor_id,
    )
    ids = [row.id for row in s.roster.rows(filters, sort="student_no")]
    students = []
    for student_id in ids:
        student = s.students.get(student_id)
        if student is not None:
            students.append(student)
    return students


def visit_jobs(
    s: StoreSession, students: Sequence[Student], date_from: date | None, date_to: date | None
) -> list[StudentVisits]:
    """Each student's submitted visits in the date range (students without one are left out)."""
    first = date_from or date(1900, 1, 1)
    last = date_to or date.today()
    by_student: dict[str, list[HomeVisit]] = {}
    for visit in s.visits.in_period(first, last):
        by_student.setdefault(visit.student_id, []).append(visit)
    colleges: dict[str | None, str] = {}
    jobs = []
    for student in students:
        visits = by_student.get(student.id)
        if not visits:
            continue
        if student.college_id not in colleges:
            colleges[student.college_id] = college_name(s, student.college_id)
        family = s.family.for_student(student.id)
        jobs.append(StudentVisits(student, visits, family, colleges[student.college_id]))
    return jobs


def archive_jobs(s: StoreSession, students: Sequence[Student]) -> list[StudentHistory]:
    users = _user_names(s)
    return [archive_history(s, student, user_names=users) for student in students]


def log_export(
    s: StoreSession,
    *,
    detail: str,
    student_id: str | None = None,
    record_type: str = "",
    record_id: str | None = None,
    printed: bool = False,
) -> None:
    """Leave an audit entry for an export (or a print); ``detail`` is a short code, never content."""
    s.audit.log(
        AuditAction.PRINT if printed else AuditAction.EXPORT,
        record_type=record_type,
        record_id=record_id,
        student_id=student_id,
        detail=detail,
    )
