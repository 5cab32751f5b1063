"""The coverage dashboard: the six coverages of a year, who is missing a measure, its export."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app.changes import Kind, use_case
from desktop.store import center_figures
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    CoverageReport,
    CoverageScope,
    Measure,
    MissingStudent,
    compute_coverage,
    missing_students,
)
from desktop.store.role_rules import may_bulk_export_key_support, may_see_key_support
from desktop.store.store import Store
from sync.figures.served import CoverageFigures
from sync.records import AuditAction, College

if TYPE_CHECKING:
    from desktop.store.exporting import ExportSummary


@dataclass
class CoverageView:
    report: CoverageReport
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id)
    # Aggregate-only mode: the center's figures the report's totals come from (with when they were
    # computed, and the breakdown by college with small counts hidden); None: computed on this laptop.
    served: CoverageFigures | None = None


class DrillDownUnavailable(PermissionError):
    """Aggregate-only mode: no student is on this laptop, so no list of students can be shown."""

    def __init__(self) -> None:
        super().__init__(
            "本机为仅统计模式（不保存学生记录），只显示中心服务器计算的统计，不能查看学生名单。"
            "查看某个学生需要该学生在您的范围内：请在 设置 → 中心服务器 取消“仅统计模式”后重新登录并同步。"
        )


def colleges(store: Store) -> list[College]:
    """Every college a coverage may be scoped to (the command line finds one by name or code)."""
    with store.session() as s:
        return list(s.colleges.list())


def coverage_view(store: Store, academic_year: str, college_id: str | None) -> CoverageView:
    if center_figures.aggregate_only(store):
        served = center_figures.kept_coverage(store, academic_year)
        return CoverageView(served.report(), [], served)
    role = store.info.role
    with store.session() as s:
        scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
        report = compute_coverage(s, academic_year, scope, include_key_support=may_see_key_support(role))
        colleges = sorted((c.name, c.id) for c in s.colleges.list() if c.active)
    return CoverageView(report, colleges)


def missing_list(
    store: Store,
    academic_year: str,
    college_scope: str | None,
    measure: Measure,
    narrow: tuple[str, str] | None,
    limit: int | None,
) -> tuple[int, list[MissingStudent]]:
    """Students missing a measure (narrowed to a college / counselor / class row), and how many;
    raises KeySupportHidden for a key-support measure the role may not list, DrillDownUnavailable in
    aggregate-only mode."""
    if center_figures.aggregate_only(store):
        raise DrillDownUnavailable()
    role = store.info.role
    college_id: str | None = None
    counselor_id: str | None = None
    class_name: str | None = None
    if narrow is not None:
        kind, key = narrow
        if kind == "college":
            college_id = key
        elif kind == "counselor":
            counselor_id = key
        else:
            college_id, _, class_name = key.partition("/")
    with store.session() as s:
        scope = CoverageScope.college(college_scope) if college_scope else CoverageScope.school()
        rows = missing_students(
            s,
            academic_year,
            scope,
            measure,
            include_key_support=may_bulk_export_key_support(role),
            college_id=college_id,
            counselor_id=counselor_id,
            class_name=class_name,
        )
        if measure in KEY_SUPPORT_MEASURES:
            s.audit.log(
                AuditAction.VIEW_RESTRICTED,
                record_type=Kind.KEY_SUPPORT,
                detail=f"查看{measure.label}未覆盖名单",
            )
    return len(rows), rows[:limit]


@use_case(Kind.AUDIT_ENTRY)
def export_dashboard(store: Store, path: Path, report: CoverageReport, pdf: bool, scope_label: str) -> Path:
    # ReportLab and the spreadsheet writers load on the first export, not when the window starts.
    from desktop.reports.coverage_report import build_coverage_pdf
    from desktop.store.exporting import ExportFormat, ExportWhat, export_data

    with store.session() as s:
        if not pdf:
            summary: ExportSummary = export_data(
                s, [ExportWhat.COVERAGE], ExportFormat.XLSX, path, role=store.info.role, coverage=report
            )
            return summary.path
        build_coverage_pdf(report, school_name=store.info.school_name, scope_label=scope_label, out=path)
        s.audit.log(
            AuditAction.EXPORT, record_type="coverage", detail=f"导出覆盖统计 PDF（{report.academic_year}）"
        )
    return path
