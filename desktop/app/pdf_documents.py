"""One PDF document (a visit form, a growth archive, a blank form): what to make, the records
it needs (read in one session), rendering it into memory, and the audit entry of a save or print.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.reports.blank_form import build_blank_form
from desktop.reports.file_names import archive_file_name, blank_form_file_name, visit_file_name
from desktop.reports.growth_archive import KeySupportNotAllowed, build_growth_archive, may_see_key_support
from desktop.reports.output_file import write_pdf
from desktop.reports.store_source import (
    ReportSettings,
    ReportSourceError,
    archive_history,
    college_name,
    log_export,
    report_settings,
    student_by_no,
    visit_for_form,
)
from desktop.reports.visit_form import build_visit_form
from desktop.store.repositories.history import StudentHistory
from desktop.store.store import Store
from sync.records import FamilyMember, HomeVisit, Student

Progress = Callable[[int, int], None]


class PdfKind(StrEnum):
    VISIT = "visit"
    ARCHIVE = "archive"
    BLANK = "blank"


@dataclass(frozen=True)
class PdfSpec:
    """Which document to make: one visit's form, a student's archive, or a blank form."""

    kind: PdfKind
    student_id: str | None = None
    visit_id: str | None = None
    include_key_support: bool = False

    @classmethod
    def visit(cls, visit_id: str) -> PdfSpec:
        return cls(PdfKind.VISIT, visit_id=visit_id)

    @classmethod
    def archive(cls, student_id: str, *, include_key_support: bool = False) -> PdfSpec:
        return cls(PdfKind.ARCHIVE, student_id=student_id, include_key_support=include_key_support)

    @classmethod
    def blank(cls, student_id: str | None = None) -> PdfSpec:
        return cls(PdfKind.BLANK, student_id=student_id)


@dataclass(frozen=True)
class AuditNote:
    """What the audit entry of an export or a print records: ids and a short code, no content."""

    detail: str
    student_id: str | None = None
    record_type: str = ""
    record_id: str | None = None


@dataclass
class PdfInputs:
    """Everything ``build_pdf`` needs, read on the store thread."""

    spec: PdfSpec
    settings: ReportSettings
    student: Student | None = None
    visit: HomeVisit | None = None
    family: list[FamilyMember] = field(default_factory=list)
    college_name: str = ""
    history: StudentHistory | None = None


@dataclass(frozen=True)
class BuiltPdf:
    """A finished PDF in memory, with the safe default file name and its audit note."""

    data: bytes
    file_name: str
    subject: str  # shown in the preview's title bar: kind and 学号, never an ID number
    audit: AuditNote
    font_warning: str | None = None


def spec_by_student_no(
    store: Store,
    kind: PdfKind,
    student_no: str | None,
    *,
    visit_ref: str | None = None,
    include_key_support: bool = False,
) -> PdfSpec:
    """The document of a student named by 学号 (and a visit by its printed number or id, else the
    latest); raises ReportSourceError, or KeySupportNotAllowed for a role that may not see it."""
    with store.session() as s:
        if include_key_support and not may_see_key_support(s.meta.info().role):
            raise KeySupportNotAllowed("当前角色无权查看重点帮扶内容")
        student = student_by_no(s, student_no) if student_no else None
        if kind == PdfKind.BLANK:
            return PdfSpec.blank(student.id if student else None)
        if student is None:
            raise ReportSourceError("请先选择学生。")
        if kind == PdfKind.VISIT:
            return PdfSpec.visit(visit_for_form(s, student, visit_ref).id)
        return PdfSpec.archive(student.id, include_key_support=include_key_support)


def fetch_inputs(store: Store, spec: PdfSpec, *, font_path: Path | None = None) -> PdfInputs:
    """Read the records a PDF needs (runs on the store thread); ``font_path`` overrides the setting."""
    with store.session() as s:
        settings = report_settings(s, font_path=font_path)
        if spec.kind == PdfKind.VISIT:
            visit = s.visits.get(spec.visit_id or "")
            if visit is None:
                raise ReportSourceError("找不到这条家访记录。")
            owner = s.students.require(visit.student_id)
            return PdfInputs(
                spec,
                settings,
                student=owner,
                visit=visit,
                family=list(s.family.for_student(owner.id)),
                college_name=college_name(s, owner.college_id),
            )
        student = s.students.require(spec.student_id) if spec.student_id else None
        if spec.kind == PdfKind.ARCHIVE:
            if student is None:
                raise ReportSourceError("请先选择学生。")
            return PdfInputs(spec, settings, student=student, history=archive_history(s, student))
        family = list(s.family.for_student(student.id)) if student else []
        return PdfInputs(
            spec,
            settings,
            student=student,
            family=family,
            college_name=college_name(s, student.college_id) if student else "",
        )


@use_case(Kind.AUDIT_ENTRY)
def log_audit(store: Store, note: AuditNote, *, printed: bool) -> None:
    """The audit entry of one save or print (runs on the store thread)."""
    log_audits(store, [note], printed=printed)


@use_case(Kind.AUDIT_ENTRY)
def log_audits(store: Store, notes: list[AuditNote], *, printed: bool = False) -> None:
    """Audit entries for a batch, in one transaction."""
    with store.session() as s:
        for note in notes:
            log_export(
                s,
                detail=note.detail,
                student_id=note.student_id,
                record_type=note.record_type,
                record_id=note.record_id,
                printed=printed,
            )


def build_pdf(inputs: PdfInputs) -> BuiltPdf:
    """Render the PDF into memory (runs on a :class:`PdfJobs` thread)."""
    settings, spec = inputs.settings, inputs.spec
    fonts = settings.fonts()
    warning = fonts.warning.message if fonts.warning is not None else None
    student = inputs.student
    if spec.kind == PdfKind.VISIT:
        assert inputs.visit is not None and student is not None
        data = build_visit_form(
            inputs.visit,
            student,
            inputs.family,
            school_name=settings.school_name,
            title=settings.visit_title,
            college_name=inputs.college_name,
            fonts=fonts,
        )
        note = AuditNote("pdf:visit_form", student.id, Kind.HOME_VISIT, inputs.visit.id)
        name = visit_file_name(student, [inputs.visit.visit_date])
        return BuiltPdf(data, name, f"{student.student_no} · {inputs.visit.visit_date}", note, warning)
    if spec.kind == PdfKind.ARCHIVE:
        assert inputs.history is not None and student is not None
        data = build_growth_archive(
            inputs.history,
            school_name=settings.school_name,
            title=settings.archive_title,
            include_key_support=spec.include_key_support,
            viewer_role=settings.role,
            fonts=fonts,
        )
        detail = "pdf:growth_archive+key_support" if spec.include_key_support else "pdf:growth_archive"
        note = AuditNote(detail, student.id, Kind.STUDENT, student.id)
        return BuiltPdf(data, archive_file_name(student), student.student_no, note, warning)
    data = build_blank_form(
        student,
        inputs.family,
        school_name=settings.school_name,
        title=settings.visit_title,
        college_name=inputs.college_name,
        fonts=fonts,
    )
    if student is None:
        return BuiltPdf(data, blank_form_file_name(), "", AuditNote("pdf:blank_form"), warning)
    note = AuditNote("pdf:blank_form", student.id, Kind.STUDENT, student.id)
    return BuiltPdf(data, blank_form_file_name(student), student.student_no, note, warning)


@use_case(Kind.AUDIT_ENTRY)
def save_pdf(
    store: Store, spec: PdfSpec, target: Callable[[str], Path], *, font_path: Path | None = None
) -> tuple[BuiltPdf, Path]:
    """Read, render and write one PDF to ``target(safe file name)``, and leave its audit entry."""
    built = build_pdf(fetch_inputs(store, spec, font_path=font_path))
    path = target(built.file_name)
    write_pdf(built.data, path)
    log_audit(store, built.audit, printed=False)
    return built, path


@dataclass(eq=False)
class JobControl:
    """Handed to a job function: ``progress(done, total)`` and a ``cancel`` event to poll."""

    cancel: threading.Event
    progress: Progress

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()
