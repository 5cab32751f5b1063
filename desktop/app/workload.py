"""The workload report (工作量认定 / 职称评定): each teacher's term figures, their export, the confirmation.

The figures are ``sync.figures.workload`` over what this laptop holds (a center's laptop: its college or
the school); a center role confirms a college's ended term, which freezes it (docs/workload.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.app.pdf_documents import AuditNote, BuiltPdf
from desktop.store.figure_facts import read_school_facts
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from desktop.store.store import Store
from sync.figures.workload import WORKLOAD_RECORDS, WorkloadReport, confirmation_items, workload
from sync.records import AuditAction, Role, WorkloadConfirmation
from sync.records.terms import current_term, is_term, previous_term, term_bounds, term_label

EXPORT_SUFFIXES = (".xlsx", ".pdf")
SCHOOL_LABEL = "全校"


class WorkloadError(ValueError):
    """A workload request that cannot be done; the message is Chinese and says why."""


@dataclass
class WorkloadView:
    report: WorkloadReport
    scope_label: str  # the college's name, or 全校
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id)
    may_confirm: bool = False  # the user may confirm this college's term now
    confirm_reason: str = ""  # why not, when a center role may not
    confirmed_by: str = ""
    confirmed_on: str = ""


def recent_terms(count: int = 6) -> list[str]:
    """The current term and the ones before it, newest first."""
    terms = [current_term()]
    while len(terms) < count:
        terms.append(previous_term(terms[-1]))
    return terms


def check_term_arg(term: str) -> str:
    term = term.strip()
    if not is_term(term):
        raise WorkloadError(f"学期格式应为“2025-2026-1”（学年-第几学期）：{term}")
    return term


def _own_college_id(s: StoreSession) -> str | None:
    user = s.users.get(s.meta.info().user_id)
    return user.college_id if user is not None else None


def _confirm_refusal(
    s: StoreSession, role: Role, term: str, college_id: str | None, report: WorkloadReport
) -> str:
    """Why this user may not confirm ``term`` of ``college_id`` ("" when it may)."""
    if not is_center_role(role):
        return "只有学生发展支持中心（学院或学校）可以确认工作量。"
    if college_id is None:
        return "请先选择一个学院：工作量按学院逐一确认。"
    if role is Role.COLLEGE_CENTER and _own_college_id(s) != college_id:
        return "学院学生发展支持中心只能确认本学院的工作量。"
    if term_bounds(term)[1] >= date.today():
        return f"{term_label(term)}尚未结束，结束后才能确认。"
    if report.confirmations:
        return f"{term_label(term)}的工作量已确认。"
    return ""


def _scope_label(s: StoreSession, college_id: str | None) -> str:
    if college_id is None:
        return SCHOOL_LABEL
    college = s.colleges.get(college_id)
    if college is None:
        raise WorkloadError("找不到所选学院。")
    return college.name


def _view(s: StoreSession, role: Role, term: str, college_id: str | None) -> WorkloadView:
    facts = read_school_facts(s, WORKLOAD_RECORDS)
    report = workload(facts, term, college_id)
    refusal = _confirm_refusal(s, role, term, college_id, report)
    view = WorkloadView(
        report,
        _scope_label(s, college_id),
        sorted((c.name, c.id) for c in s.colleges.list() if c.active),
        may_confirm=not refusal,
        confirm_reason=refusal,
    )
    if report.confirmations:
        first = report.confirmations[0]
        view.confirmed_by = first.confirmed_by_name
        view.confirmed_on = first.confirmed_on.isoformat()
    return view


def workload_view(store: Store, term: str, college_id: str | None) -> WorkloadView:
    term = check_term_arg(term)
    with store.session() as s:
        return _view(s, store.info.role, term, college_id)


@use_case(Kind.WORKLOAD_CONFIRMATION, Kind.AUDIT_ENTRY)
def confirm_workload(store: Store, term: str, college_id: str | None) -> WorkloadView:
    """Confirm (and freeze) one college's figures for an ended term; returns the view as confirmed."""
    term = check_term_arg(term)
    info = store.info
    with store.session() as s:
        view = _view(s, info.role, term, college_id)
        if view.confirm_reason:
            raise WorkloadError(view.confirm_reason)
        assert college_id is not None
        s.workload_confirmations.create(
            WorkloadConfirmation(
                term=term,
                college_id=college_id,
                confirmed_on=date.today(),
                confirmed_by_id=info.user_id,
                confirmed_by_name=info.user_name,
                items=confirmation_items(view.report, college_id),
            )
        )
        s.audit.log(
            AuditAction.REVIEW,
            record_type=Kind.WORKLOAD_CONFIRMATION,
            detail=f"确认工作量（{term}，{view.scope_label}）",
        )
    with store.session() as s:
        return _view(s, info.role, term, college_id)


def export_format(path: Path) -> str:
    """ ".xlsx" or ".pdf" by the file's name; a Chinese error for anything else."""
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise WorkloadError(f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：请用 .xlsx 或 .pdf。")
    return suffix


@use_case(Kind.AUDIT_ENTRY)
def export_workload(
    store: Store, term: str, college_id: str | None, path: Path, teacher_ids: list[str] | None = None
) -> WorkloadView:
    """The XLSX of every teacher, or the PDF forms (every teacher, or those of ``teacher_ids``)."""
    from desktop.reports.workload_report import WorkloadPaper, build_workload_pdf
    from desktop.reports.workload_sheet import build_workload_xlsx

    suffix = export_format(path)
    term = check_term_arg(term)
    with store.session() as s:
        view = _view(s, store.info.role, term, college_id)
        if suffix == ".xlsx":
            build_workload_xlsx(view.report, view.scope_label, path)
        else:
            paper = WorkloadPaper(
                store.info.school_name, view.scope_label, view.confirmed_by, view.confirmed_on
            )
            rows = view.report.teachers
            if teacher_ids is not None:
                rows = [row for row in rows if row.teacher.id in teacher_ids]
            build_workload_pdf(view.report, paper, teachers=rows, out=path)
        s.audit.log(
            AuditAction.EXPORT,
            record_type="workload",
            detail=f"导出工作量{suffix.upper().lstrip('.')}（{term}，{view.scope_label}）",
        )
    return view


@dataclass(frozen=True)
class WorkloadPdfInputs:
    """What the forms are made from, read on the store thread (the PDF is built on a PDF thread)."""

    view: WorkloadView
    teacher_ids: tuple[str, ...] | None
    school_name: str


def workload_pdf_inputs(
    store: Store, term: str, college_id: str | None, teacher_ids: list[str] | None
) -> WorkloadPdfInputs:
    return WorkloadPdfInputs(
        workload_view(store, term, college_id),
        tuple(teacher_ids) if teacher_ids is not None else None,
        store.info.school_name,
    )


def build_workload_preview(inputs: WorkloadPdfInputs) -> BuiltPdf:
    """The PDF forms in memory, for the app's preview (which saves or prints them and audits that)."""
    from desktop.reports.workload_report import WorkloadPaper, build_workload_pdf, workload_file_name

    view = inputs.view
    rows = view.report.teachers
    if inputs.teacher_ids is not None:
        rows = [row for row in rows if row.teacher.id in inputs.teacher_ids]
    paper = WorkloadPaper(inputs.school_name, view.scope_label, view.confirmed_by, view.confirmed_on)
    data = build_workload_pdf(view.report, paper, teachers=rows)
    term = view.report.term
    note = AuditNote(f"工作量认定表（{term}，{view.scope_label}，{len(rows)} 人）", record_type="workload")
    return BuiltPdf(data, workload_file_name(term, view.scope_label), f"工作量 {term}", note)
