"""The coverage dashboard (六个全覆盖) as an A4 PDF: totals, then the breakdowns by college, counselor
and class. Counts only: no student is named, so the report can go to a meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports.file_names import document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import data_table, title_block
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import FormHeader, FormStart, PageFrame, printed_on, render
from desktop.reports.styles import form_styles
from desktop.store.coverage import BreakdownRow, CoverageReport, Measure, Ratio

COVERAGE_TITLE = "六个全覆盖工作统计表"
COVERAGE_PREFIX = "覆盖统计"


def _percent(ratio: Ratio | None) -> str:
    if ratio is None:
        return ""
    return "—" if ratio.percent is None else f"{ratio.covered}/{ratio.total}\n{ratio.percent:.1f}%"


def _breakdown(
    report: CoverageReport, rows: Sequence[BreakdownRow], first: str, *, with_college: bool = False
) -> tuple[list[str], list[list[str]], list[float]]:
    measures = [m for m in report.measures if m is not Measure.CENTER or first == "学院"]
    headers = (
        (["学院"] if with_college else []) + [first] + [m.label.removesuffix("全覆盖") for m in measures]
    )
    body = [
        ([row.college] if with_college else [])
        + [row.label]
        + [_percent(row.ratios.get(m)) for m in measures]
        for row in rows
    ]
    widths = ([28.0] if with_college else []) + [30.0] + [20.0] * len(measures)
    return headers, body, widths


def coverage_story(
    report: CoverageReport, fonts: PdfFonts, *, school_name: str, scope_label: str
) -> list[Flowable]:
    styles = form_styles(fonts)
    meta = [
        ("学年", report.academic_year),
        ("范围", scope_label),
        ("统计至", report.reference_day.isoformat()),
        ("打印日期", printed_on()),
    ]
    story: list[Flowable] = [FormStart(FormHeader(f"{report.academic_year} 学年"))]
    story.extend(title_block(styles, school_name, COVERAGE_TITLE, meta))
    totals = [
        [
            measure.label,
            str(ratio.covered),
            str(ratio.total),
            "—" if ratio.percent is None else f"{ratio.percent:.1f}%",
        ]
        for measure, ratio in report.totals.items()
    ]
    totals.append(["待先家访后认定的新生（人）", str(report.awaiting_visit_first), "", ""])
    flags = report.flags
    totals.append(["监测反馈：待处理／处理中", f"{flags.open}／{flags.in_progress}", "", ""])
    totals.append(["本学年已处理监测反馈", str(flags.resolved_this_year), "", ""])
    story.append(
        data_table(
            styles,
            ["项目", "已覆盖", "应覆盖", "覆盖率"],
            totals,
            [60, 25, 25, 25],
            heading="一、总体情况",
            centered=(1, 2, 3),
        )
    )
    for number, (title, rows, first, with_college) in enumerate(
        (
            ("按学院", report.by_college, "学院", False),
            ("按辅导员", report.by_counselor, "辅导员", False),
            ("按班级", report.by_class, "班级", True),
        ),
        start=2,
    ):
        if not rows:
            continue
        headers, body, widths = _breakdown(report, rows, first, with_college=with_college)
        story.append(Spacer(1, 3 * mm))
        story.append(
            data_table(
                styles,
                headers,
                body,
                widths,
                heading=f"{'二三四'[number - 2]}、{title}",
                centered=tuple(range(len(headers) - len(report.measures), len(headers))),
            )
        )
    return story


def build_coverage_pdf(
    report: CoverageReport,
    *,
    school_name: str,
    scope_label: str = "",
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    fonts = fonts or pdf_fonts()
    story = coverage_story(report, fonts, school_name=school_name, scope_label=scope_label or "全部")
    notice = "内部资料：统计数据仅供学生资助育人工作使用。"
    info = document_info(COVERAGE_TITLE, scope_label or "全部")
    frame = PageFrame(fonts, school_name, COVERAGE_TITLE, notice=notice, author=school_name, info=info)
    data = render(story, frame)
    write_pdf(data, out)
    return data
