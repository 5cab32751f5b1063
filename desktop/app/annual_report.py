"""The annual report (年度发展型资助育人工作报告) of a year, for a college or the school, as PDF or XLSX.

In the app it runs in two steps off the GUI thread, like a batch export: ``read_annual_inputs`` reads the
records on the store thread, ``write_annual_report`` computes the figures and writes the file on a PDF
thread (progress, cancel); ``log_annual_report`` then leaves the audit entry. The command line runs
``generate_annual_report`` (all three). The file appears only when complete: a cancel leaves nothing.

An aggregate-only laptop (docs/sync-protocol.md §6b) holds no student record: its report uses the center's
figures instead (``center_figures.annual_figures``: kept from the last sync, else fetched now), and says so.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.app.pdf_documents import JobControl
from desktop.reports.store_source import ReportSettings, report_settings
from desktop.store import center_figures
from desktop.store.coverage import CoverageReport, CoverageScope, compute_coverage
from desktop.store.errors import StoreError
from desktop.store.figure_facts import read_needed_facts
from desktop.store.role_rules import may_bulk_export_key_support, may_see_key_support
from desktop.store.store import Store
from desktop.store.watch_facts import read_watch_facts
from sync.client import SyncError
from sync.figures.annual import (
    SECTION_NEEDS,
    TWO_YEAR_TYPES,
    AnnualFigures,
    annual_figures,
    report_years,
    section_years,
    workload_since,
)
from sync.figures.facts import SchoolFacts
from sync.figures.served_annual import ServedAnnual
from sync.gc_pause import gc_paused
from sync.records import AuditAction, College, WorkloadConfirmation

FORMATS = (".pdf", ".xlsx")
FIGURE_STEPS = 8  # annual_figures' steps
SECTION_STEPS = 10  # the PDF's sections
WRITE_STEPS = 1


class AnnualReportError(StoreError):
    message = "年度报告未能生成。"


class AnnualCancelled(Exception):
    """The user cancelled; no file was written."""


def report_format(path: Path) -> str:
    """ ".pdf" or ".xlsx", from the file name; anything else is refused in Chinese."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise AnnualReportError(
            f"年度报告只能保存为 PDF（.pdf）或 Excel（.xlsx）文件，而不是“{Path(path).name}”。"
        )
    return suffix


@dataclass(frozen=True)
class AnnualRequest:
    academic_year: str
    college_id: str | None  # None: the whole school
    path: Path
    today: date | None = None  # the reference day while the year runs (tests)


@dataclass
class AnnualInputs:
    request: AnnualRequest
    facts: SchoolFacts
    settings: ReportSettings
    include_key_support: bool  # coverages #5-#6, as the dashboard shows them to the role
    key_support_section: bool  # key support entered and left: the center roles only
    coverage: list[CoverageReport]  # the dashboard's, of the year and the two before
    watch_facts: SchoolFacts  # what the 一个不失学 watch list reads, on the reference day
    served: ServedAnnual | None = None  # an aggregate-only laptop: the center's figures, not the records


@dataclass(frozen=True)
class AnnualOutcome:
    path: Path
    figures: AnnualFigures
    from_center: bool = False  # the center's figures (an aggregate-only laptop)


def from_center(store: Store) -> bool:
    """Whether this laptop's reports use the center's figures (aggregate-only mode, no student records)."""
    return center_figures.aggregate_only(store)


def colleges(store: Store) -> list[College]:
    """The colleges a report may be for (active ones, by name)."""
    with store.session() as s:
        return sorted((c for c in s.colleges.list() if c.active), key=lambda c: c.name)


def _served_inputs(store: Store, request: AnnualRequest) -> AnnualInputs:
    """An aggregate-only laptop's inputs: the center's figures (kept, or fetched now)."""
    with store.session() as s:
        settings = report_settings(s)
        if request.college_id is not None and s.colleges.get(request.college_id) is None:
            raise AnnualReportError("找不到所选学院，请重新选择。")
    try:
        served = center_figures.annual_figures(store, request.academic_year, request.college_id)
    except center_figures.AnnualNotSynced as exc:
        raise AnnualReportError(str(exc)) from None
    except SyncError as exc:
        raise AnnualReportError(f"未能取得中心的年度统计：{exc}") from None
    return AnnualInputs(
        request,
        SchoolFacts(),
        settings,
        include_key_support=served.figures.include_key_support,
        key_support_section=served.figures.key_support is not None,
        coverage=[],
        watch_facts=SchoolFacts(),
        served=served,
    )


def read_annual_inputs(
    store: Store, request: AnnualRequest, cancel: threading.Event | None = None
) -> AnnualInputs:
    """What the report counts (runs on the store thread; stops between steps if cancelled): the dashboard's
    coverage of the year and the two before (the same SQL as the dashboard, so the same numbers), and the
    fields of the records the other sections read (of the year and the one before: the academic gap's
    a year earlier)."""
    report_format(request.path)
    if center_figures.aggregate_only(store):
        return _served_inputs(store, request)

    def check() -> None:
        if cancel is not None and cancel.is_set():
            raise AnnualCancelled

    facts = SchoolFacts()
    with gc_paused(), store.session() as s:
        settings = report_settings(s)
        role = settings.role
        include_key_support = role is not None and may_see_key_support(role)
        if request.college_id is not None and s.colleges.get(request.college_id) is None:
            raise AnnualReportError("找不到所选学院，请重新选择。")
        scope = CoverageScope.college(request.college_id) if request.college_id else CoverageScope.school()
        coverage = []
        for year in report_years(request.academic_year):
            check()
            coverage.append(
                compute_coverage(s, year, scope, include_key_support=include_key_support, today=request.today)
            )
        year = request.academic_year
        confirmations = read_needed_facts(
            s, {WorkloadConfirmation: SECTION_NEEDS[WorkloadConfirmation]}, [year]
        )
        since = workload_since(confirmations.of(WorkloadConfirmation), year)
        for record_class, need in SECTION_NEEDS.items():
            check()
            years = section_years(year) if record_class in TWO_YEAR_TYPES else [year]
            facts.records.update(read_needed_facts(s, {record_class: need}, years, since).records)
        check()
        watch_facts = read_watch_facts(s, coverage[-1].reference_day)
    return AnnualInputs(
        request,
        facts,
        settings,
        include_key_support=include_key_support,
        key_support_section=role is not None and may_bulk_export_key_support(role),
        coverage=coverage,
        watch_facts=watch_facts,
    )


def total_steps(request: AnnualRequest) -> int:
    sections = SECTION_STEPS if report_format(request.path) == ".pdf" else 0
    return FIGURE_STEPS + sections + WRITE_STEPS


def write_annual_report(inputs: AnnualInputs, control: JobControl) -> AnnualOutcome:
    """Compute the figures and write the file (runs on a PDF thread): progress after each step; a cancel
    stops before the file is written (raises AnnualCancelled)."""
    request = inputs.request
    total = total_steps(request)
    done = 0

    def step(*_ignored: int) -> None:
        nonlocal done
        if control.cancelled:
            raise AnnualCancelled
        done += 1
        control.progress(min(done, total), total)

    control.progress(0, total)
    if inputs.served is not None:  # the center's figures: nothing to compute
        figures = inputs.served.figures
        source: str | None = inputs.served.source_note()
        for _ in range(FIGURE_STEPS):
            step()
    else:
        with gc_paused():
            figures = annual_figures(
                inputs.facts,
                request.academic_year,
                request.college_id,
                include_key_support=inputs.include_key_support,
                key_support_section=inputs.key_support_section,
                today=request.today,
                coverage=inputs.coverage,
                watch_facts=inputs.watch_facts,
                progress=step,
            )
        source = None
    school_name = inputs.settings.school_name
    if report_format(request.path) == ".pdf":
        from desktop.reports.annual_report import build_annual_pdf

        data = build_annual_pdf(
            figures, school_name=school_name, fonts=inputs.settings.fonts(), step=step, source=source
        )
        if control.cancelled:
            raise AnnualCancelled
        from desktop.reports.output_file import write_pdf

        write_pdf(data, request.path)
    else:
        from desktop.reports.annual_workbook import build_annual_xlsx

        if control.cancelled:
            raise AnnualCancelled
        build_annual_xlsx(figures, request.path, school_name=school_name, source=source)
    step()
    return AnnualOutcome(request.path, figures, from_center=inputs.served is not None)


@use_case(Kind.AUDIT_ENTRY)
def log_annual_report(store: Store, outcome: AnnualOutcome) -> None:
    figures = outcome.figures
    with store.session() as s:
        s.audit.log(
            AuditAction.EXPORT,
            record_type="annual_report",
            detail=(
                f"生成年度报告（{figures.academic_year}，{figures.scope_label}，{outcome.path.suffix[1:]}"
                f"{'，中心统计' if outcome.from_center else ''}）"
            ),
        )


@use_case(Kind.AUDIT_ENTRY)
def generate_annual_report(store: Store, request: AnnualRequest) -> AnnualOutcome:
    """All at once (the command line): read, compute, write, audit."""
    inputs = read_annual_inputs(store, request)
    outcome = write_annual_report(inputs, JobControl(threading.Event(), lambda _done, _total: None))
    log_annual_report(store, outcome)
    return outcome
