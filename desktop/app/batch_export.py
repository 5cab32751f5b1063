"""Batch export of PDFs (visit forms or growth archives of many students): the request, reading
the records (stopping when cancelled), writing the files, and the audit notes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.app import roster
from desktop.app.changes import Kind
from desktop.app.pdf_documents import AuditNote, JobControl
from desktop.app.roster import RosterQuery
from desktop.reports.batch_export import BatchResult, BatchSettings, ExportKind, export_batch
from desktop.reports.growth_archive import KeySupportNotAllowed, may_bulk_export_key_support
from desktop.reports.store_source import (
    ReportSettings,
    Scope,
    archive_history,
    report_settings,
    scope_students,
    visit_jobs,
)
from desktop.store.store import Store
from sync.records import Student


class ScopeKind:
    SELECTION = "selection"
    FILTER = "filter"
    COLLEGE = "college"
    CLASS = "class"
    COUNSELOR = "counselor"


class BatchCancelled(Exception):
    """The user cancelled while the records were being read."""


@dataclass(frozen=True)
class BatchRequest:
    """What the user asked for (plain values, handed to the store thread)."""

    kind: ExportKind
    scope: str
    target_dir: Path
    student_ids: tuple[str, ...] = ()
    query: RosterQuery | None = None
    college: str | None = None  # name
    class_name: str | None = None
    counselor: str | None = None  # 工号 or name
    date_from: date | None = None
    date_to: date | None = None
    combined: bool = False
    include_key_support: bool = False
    scope_label: str = ""
    font_path: Path | None = None  # overrides the font setting


@dataclass
class BatchInputs:
    request: BatchRequest
    settings: ReportSettings
    jobs: list[Any] = field(default_factory=list)  # StudentVisits or StudentHistory
    students: int = 0


@dataclass(frozen=True)
class BatchOutcome:
    result: BatchResult
    request: BatchRequest
    students: int  # in the scope (some may have nothing to export)


def _students(store: Store, request: BatchRequest, cancel: threading.Event) -> list[Student]:
    if request.scope == ScopeKind.FILTER and request.query is not None:
        count = roster.roster_count(store, request.query)
        ids = [row.id for row in roster.roster_page(store, request.query, 0, count).rows]
    elif request.scope == ScopeKind.SELECTION:
        ids = list(request.student_ids)
    else:
        with store.session() as s:
            scope = Scope(college=request.college, class_name=request.class_name, counselor=request.counselor)
            return scope_students(s, scope)
    students = []
    with store.session() as s:
        for student_id in ids:
            if cancel.is_set():
                raise BatchCancelled
            student = s.students.get(student_id)
            if student is not None:
                students.append(student)
    return students


def fetch_batch(store: Store, request: BatchRequest, cancel: threading.Event) -> BatchInputs:
    """Read every record the batch needs (runs on the store thread; stops early when cancelled)."""
    with store.session() as s:
        settings = report_settings(s, font_path=request.font_path)
    if request.include_key_support and not may_bulk_export_key_support(settings.role):
        raise KeySupportNotAllowed("批量导出重点帮扶内容须由学生发展支持中心操作")
    students = _students(store, request, cancel)
    with store.session() as s:
        if request.kind == ExportKind.VISITS:
            jobs: list[Any] = list(visit_jobs(s, students, request.date_from, request.date_to))
        else:
            jobs = []
            for student in students:
                if cancel.is_set():
                    raise BatchCancelled
                jobs.append(archive_history(s, student))
    return BatchInputs(request, settings, jobs, len(students))


def write_batch(
    inputs: BatchInputs,
    control: JobControl,
    cancel: threading.Event,
    holder: dict[str, BatchOutcome] | None = None,
) -> BatchOutcome:
    """Write the PDFs (runs on a PDF thread); the outcome is also left in ``holder``."""
    request, settings = inputs.request, inputs.settings
    batch = BatchSettings(
        school_name=settings.school_name,
        visit_title=settings.visit_title,
        archive_title=settings.archive_title,
        include_key_support=request.include_key_support,
        viewer_role=settings.role,
        scope_label=request.scope_label,
        date_from=request.date_from,
        date_to=request.date_to,
    )
    result = export_batch(
        inputs.jobs,
        request.target_dir,
        settings=batch,
        combined=request.combined,
        progress=control.progress,
        cancel=lambda: control.cancelled or cancel.is_set(),
        fonts=settings.fonts(),
    )
    outcome = BatchOutcome(result, request, inputs.students)
    if holder is not None:
        holder["outcome"] = outcome
    return outcome


def audit_notes(outcome: BatchOutcome) -> list[AuditNote]:
    kind = outcome.request.kind
    detail = f"pdf:batch_{kind.value}" + ("_combined" if outcome.request.combined else "")
    record_type = Kind.HOME_VISIT if kind == ExportKind.VISITS else Kind.STUDENT
    return [AuditNote(detail, student_id, record_type) for student_id in outcome.result.student_ids]
