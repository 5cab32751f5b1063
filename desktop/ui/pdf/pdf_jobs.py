"""PDF work for the UI, in three steps that never block the GUI thread.

1. ``fetch_inputs`` reads what a PDF needs from the store, on the store thread (``ctx.worker.run``);
2. ``build_pdf`` turns those inputs into PDF bytes on a :class:`PdfJobs` thread (ReportLab is pure
   CPU work; a batch export may take minutes);
3. ``log_audit`` leaves the audit entry of a save or a print, again on the store thread.

The PDF stays in memory as bytes: it reaches the disk only as a file the user chose to save (and as
whatever a printer spooler keeps).  When the app locks, every job is cancelled and results of jobs
started before the lock are dropped, like the store worker does for its requests.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop.reports.blank_form import build_blank_form
from desktop.reports.file_names import archive_file_name, blank_form_file_name, visit_file_name
from desktop.reports.growth_archive import ArchiveBundle, build_growth_archive
from desktop.reports.store_source import (
    ReportSettings,
    ReportSourceError,
    archive_bundle,
    college_name,
    log_export,
    report_settings,
)
from desktop.reports.visit_form import build_visit_form
from desktop.store.store import Store
from sync.records import FamilyMember, HomeVisit, Student

log = logging.getLogger(__name__)

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
    bundle: ArchiveBundle | None = None


@dataclass(frozen=True)
class BuiltPdf:
    """A finished PDF in memory, with the safe default file name and its audit note."""

    data: bytes
    file_name: str
    subject: str  # shown in the preview's title bar: kind and 学号, never an ID number
    audit: AuditNote
    font_warning: str | None = None


# -- store thread ----------------------------------------------------------------------------------
def fetch_inputs(store: Store, spec: PdfSpec) -> PdfInputs:
    """Read the records a PDF needs (runs on the store thread)."""
    with store.session() as s:
        settings = report_settings(s)
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
            return PdfInputs(spec, settings, student=student, bundle=archive_bundle(s, student))
        family = list(s.family.for_student(student.id)) if student else []
        return PdfInputs(
            spec,
            settings,
            student=student,
            family=family,
            college_name=college_name(s, student.college_id) if student else "",
        )


def log_audit(store: Store, note: AuditNote, *, printed: bool) -> None:
    """The audit entry of one save or print (runs on the store thread)."""
    with store.session() as s:
        log_export(
            s,
            detail=note.detail,
            student_id=note.student_id,
            record_type=note.record_type,
            record_id=note.record_id,
            printed=printed,
        )


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


# -- PDF thread ------------------------------------------------------------------------------------
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
        note = AuditNote("pdf:visit_form", student.id, "home_visit", inputs.visit.id)
        name = visit_file_name(student, [inputs.visit.visit_date])
        return BuiltPdf(data, name, f"{student.student_no} · {inputs.visit.visit_date}", note, warning)
    if spec.kind == PdfKind.ARCHIVE:
        assert inputs.bundle is not None and student is not None
        data = build_growth_archive(
            inputs.bundle,
            school_name=settings.school_name,
            title=settings.archive_title,
            include_key_support=spec.include_key_support,
            viewer_role=settings.role,
            fonts=fonts,
        )
        detail = "pdf:growth_archive+key_support" if spec.include_key_support else "pdf:growth_archive"
        note = AuditNote(detail, student.id, "student", student.id)
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
    note = AuditNote("pdf:blank_form", student.id, "student", student.id)
    return BuiltPdf(data, blank_form_file_name(student), student.student_no, note, warning)


# -- the job runner --------------------------------------------------------------------------------
def alive(widget: QObject) -> bool:
    """False once Qt deleted the object (e.g. the window was rebuilt for another language) while a
    request was on its way: its result then has nowhere to go."""
    return bool(shiboken6.isValid(widget))


@dataclass(eq=False)
class JobControl:
    """Handed to a job function: ``progress(done, total)`` and a ``cancel`` event to poll."""

    cancel: threading.Event
    progress: Progress

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; the pool thread emits, the GUI thread receives (queued)."""

    finished = Signal(object, object)  # result, error
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobControl], Any], control: JobControl, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._control = control
        self._relay = relay

    def run(self) -> None:
        result: Any = None
        error: Exception | None = None
        try:
            result = self._fn(self._control)
        except Exception as exc:  # reported to the caller on the GUI thread
            error = exc
        self._relay.finished.emit(result, error)


@dataclass(eq=False)
class PdfJob:
    """A running job: ``cancel()`` asks it to stop (a batch stops between students)."""

    control: JobControl
    generation: int
    relay: _Relay
    seq: int = 0
    done: bool = False

    def cancel(self) -> None:
        self.control.cancel.set()


class PdfJobs(QObject):
    """Background threads for PDF work (two: a preview can start while a batch export runs)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._active: dict[int, PdfJob] = {}
        self._seq = itertools.count(1)
        self.generation = 0

    @classmethod
    def of(cls, owner: QObject) -> PdfJobs:
        """The runner shared by every view of one app (a child of ``owner``, the store worker)."""
        found = owner.findChild(PdfJobs)
        if isinstance(found, PdfJobs):
            return found
        jobs = cls(owner)
        jobs.setObjectName("pdfJobs")
        lock = getattr(owner, "store_closed", None)
        if lock is not None:
            lock.connect(jobs.cancel_all)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(jobs.cancel_all)  # quitting does not wait for a whole batch
        return jobs

    @property
    def pending(self) -> int:
        return len(self._active)

    def run(
        self,
        fn: Callable[[JobControl], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> PdfJob:
        """Run ``fn(control)`` on a pool thread; callbacks run on the GUI thread."""
        relay = _Relay()
        job = PdfJob(JobControl(threading.Event(), relay.progressed.emit), self.generation, relay)
        job.seq = next(self._seq)
        if on_progress is not None:
            relay.progressed.connect(
                lambda done, total: on_progress(done, total) if job.generation == self.generation else None,
                Qt.ConnectionType.QueuedConnection,
            )
        relay.finished.connect(
            lambda result, error: self._finished(job, result, error, on_done, on_error),
            Qt.ConnectionType.QueuedConnection,
        )
        self._active[job.seq] = job
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Runnable(fn, job.control, relay))
        return job

    @Slot()
    def cancel_all(self) -> None:
        """Cancel every job and drop the results of those already running (the app is locking)."""
        self.generation += 1
        for job in self._active.values():
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has returned (used at shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    def _finished(
        self,
        job: PdfJob,
        result: Any,
        error: Exception | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        job.done = True
        self._active.pop(job.seq, None)
        try:
            if job.generation != self.generation:
                return
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("PDF job failed: %s", type(error).__name__)
                return
            if on_done is not None:
                on_done(result)
        finally:
            job.relay.deleteLater()
            if not self._active:
                self.busy_changed.emit(False)
