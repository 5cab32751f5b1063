"""Batch export of visit forms or growth archives: one file per student, or one combined file.

Plain functions for a worker thread (no Qt): progress is reported as ``progress(done, total)``
(students), cancellation is a :class:`threading.Event` or any callable returning True.  Files are
written under a temporary name in the target folder and renamed only when complete, so a cancel (or a
crash) never leaves a half-written PDF; files finished before a cancel stay and are reported.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from desktop.reports.file_names import (
    ARCHIVE_PREFIX,
    VISIT_PREFIX,
    archive_file_name,
    combined_file_name,
    document_info,
    visit_file_name,
)
from desktop.reports.fonts import FontWarning, PdfFonts, pdf_fonts
from desktop.reports.growth_archive import (
    DEFAULT_ARCHIVE_TITLE,
    ArchiveOptions,
    KeySupportNotAllowed,
    archive_story,
    may_bulk_export_key_support,
)
from desktop.reports.output_file import write_file_atomically
from desktop.reports.page_frame import PageFrame, render
from desktop.reports.styles import FormStyles, form_styles
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE, FormOptions, visit_form_story
from desktop.store.repositories.history import StudentHistory
from sync.records.enums import Role
from sync.records.students import FamilyMember, Student
from sync.records.visits import HomeVisit

Progress = Callable[[int, int], None]
Cancel = threading.Event | Callable[[], bool]


class ExportKind(StrEnum):
    VISITS = "visits"
    ARCHIVES = "archives"


class ExportCancelled(Exception):
    """Raised inside a build when the user cancelled; never escapes :func:`export_batch`."""


@dataclass(frozen=True)
class StudentVisits:
    """One student's visits to export (each visit is one form; a student's forms share one file)."""

    student: Student
    visits: Sequence[HomeVisit]
    family: Sequence[FamilyMember] = ()
    college_name: str = ""


@dataclass(frozen=True)
class BatchSettings:
    school_name: str
    visit_title: str = DEFAULT_VISIT_TITLE
    archive_title: str = DEFAULT_ARCHIVE_TITLE
    include_key_support: bool = False
    viewer_role: Role | None = None
    scope_label: str = ""  # class / college / counselor, for the combined file's name
    date_from: date | None = None
    date_to: date | None = None
    printed_at: datetime | None = None


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    student_ids: list[str] = field(default_factory=list)  # students whose forms were written (for the audit)
    total: int = 0
    cancelled: bool = False
    font_warning: FontWarning | None = None

    @property
    def done(self) -> int:
        return len(self.student_ids)


def _is_cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


Job = StudentVisits | StudentHistory


def export_batch(
    jobs: Sequence[Job],
    target_dir: Path,
    *,
    settings: BatchSettings,
    combined: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    fonts: PdfFonts | None = None,
) -> BatchResult:
    """Export every job (all :class:`StudentVisits` or all :class:`StudentHistory`) into ``target_dir``."""
    jobs = [
        job for job in jobs if isinstance(job, StudentHistory) or job.visits
    ]  # nothing to print otherwise
    kinds = {type(job) for job in jobs}
    if len(kinds) > 1:
        raise TypeError("一次批量导出只能是家访记录或成长档案中的一种")
    if settings.include_key_support and not may_bulk_export_key_support(settings.viewer_role):
        raise KeySupportNotAllowed("批量导出重点帮扶内容须由学生发展支持中心操作")
    fonts = fonts or pdf_fonts()
    styles = form_styles(fonts)
    target_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult(total=len(jobs), font_warning=fonts.warning)
    report = progress or (lambda done, total: None)
    report(0, result.total)
    if not jobs:
        return result
    if combined:
        _export_combined(jobs, target_dir, settings, styles, result, report, cancel)
    else:
        _export_each(jobs, target_dir, settings, styles, result, report, cancel)
    return result


def _story(job: Job, settings: BatchSettings, styles: FormStyles) -> list[Flowable]:
    if isinstance(job, StudentHistory):
        options = ArchiveOptions(
            settings.school_name, settings.archive_title, settings.include_key_support, settings.printed_at
        )
        return archive_story(job, styles=styles, options=options)
    story: list[Flowable] = []
    form_options = FormOptions(
        settings.school_name, settings.visit_title, job.college_name, settings.printed_at
    )
    for visit in sorted(job.visits, key=lambda v: v.visit_date):
        if story:
            story.append(PageBreak())
        story.extend(visit_form_story(visit, job.student, job.family, styles=styles, options=form_options))
    return story


def _title(job: Job, settings: BatchSettings) -> str:
    return settings.archive_title if isinstance(job, StudentHistory) else settings.visit_title


def _file_name(job: Job, settings: BatchSettings) -> str:
    if isinstance(job, StudentHistory):
        return archive_file_name(job.student, (settings.printed_at or datetime.now()).date())
    return visit_file_name(job.student, [v.visit_date for v in job.visits])


def _export_each(
    jobs: Sequence[Job],
    target_dir: Path,
    settings: BatchSettings,
    styles: FormStyles,
    result: BatchResult,
    report: Progress,
    cancel: Cancel | None,
) -> None:
    for job in jobs:
        if _is_cancelled(cancel):
            result.cancelled = True
            return
        path = target_dir / _file_name(job, settings)
        frame = PageFrame(
            styles.fonts,
            settings.school_name,
            _title(job, settings),
            author=settings.school_name,
            info=document_info(*path.stem.split("_")),
        )
        data = render(_story(job, settings, styles), frame)
        write_file_atomically(path, data)
        result.files.append(path)
        result.student_ids.append(job.student.id)
        report(result.done, result.total)


def _export_combined(
    jobs: Sequence[Job],
    target_dir: Path,
    settings: BatchSettings,
    styles: FormStyles,
    result: BatchResult,
    report: Progress,
    cancel: Cancel | None,
) -> None:
    story: list[Flowable] = []
    # Forms (not students) start in the document; map each form's index to its student's index.
    form_owner: list[int] = []
    for index, job in enumerate(jobs):
        if _is_cancelled(cancel):
            result.cancelled = True
            return
        if story:
            story.append(PageBreak())
        story.extend(_story(job, settings, styles))
        form_owner.extend([index] * (len(job.visits) if isinstance(job, StudentVisits) else 1))

    def on_form(forms_before: int) -> None:
        if _is_cancelled(cancel):
            raise ExportCancelled
        if forms_before:
            students_done = form_owner[forms_before - 1]  # the student of the last finished form
            if form_owner[forms_before] != students_done:
                report(students_done + 1, result.total)

    first = jobs[0]
    prefix = ARCHIVE_PREFIX if isinstance(first, StudentHistory) else VISIT_PREFIX
    name = combined_file_name(prefix, settings.scope_label, settings.date_from, settings.date_to)
    frame = PageFrame(
        styles.fonts,
        settings.school_name,
        _title(first, settings),
        author=settings.school_name,
        info=document_info(*Path(name).stem.split("_")),
    )
    try:
        data = render(story, frame, on_form=on_form)
    except ExportCancelled:
        result.cancelled = True
        return
    if _is_cancelled(cancel):
        result.cancelled = True
        return
    path = target_dir / name
    write_file_atomically(path, data)
    result.files.append(path)
    result.student_ids.extend(job.student.id for job in jobs)
    report(result.total, result.total)
