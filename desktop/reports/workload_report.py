"""The workload form (教师资助育人工作量认定表): one form per teacher and term, signed by the teacher and
by the center that confirms it, for 工作量认定 and 职称评定.

It names no student (no name, 学号, ID, address or phone): key-support status is never published, and
the person who files the form needs the teacher's figures and the dates and kinds behind them only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from desktop.reports.file_names import combined_file_name, document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import Field, data_table, field_grid, note_line, signature_panel, title_block
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import FormHeader, FormStart, PageFrame, printed_on, render
from desktop.reports.styles import form_styles
from sync.figures.workload import TeacherWorkload, WorkloadReport
from sync.records import VisitMode, WorkloadKind
from sync.records.terms import term_label

WORKLOAD_TITLE = "教师资助育人工作量认定表"
WORKLOAD_PREFIX = "工作量"
NOTICE = "内部资料：仅供工作量认定与职称评定使用。"


@dataclass(frozen=True)
class WorkloadPaper:
    """What the form prints besides the figures: where it comes from and who confirmed it."""

    school_name: str
    scope_label: str  # the college's name, or 全校
    confirmed_by: str = ""  # 确认人, when the term is confirmed
    confirmed_on: str = ""


def workload_file_name(term: str, scope_label: str, suffix: str = ".pdf") -> str:
    """工作量_2025-2026-1_文学院.pdf (no teacher's name: the file holds every teacher's form)."""
    return str(
        Path(combined_file_name(WORKLOAD_PREFIX, f"{term}_{scope_label}", None, None)).with_suffix(suffix)
    )


def figure_rows(row: TeacherWorkload) -> list[list[str]]:
    """(项目, 数量, 说明) of one teacher: the same figures as the table of the page and the XLSX."""
    modes = "，".join(f"{mode.label} {n}" for mode, n in row.visits_by_mode.items() if n)
    return [
        ["带教学生（人）", str(row.mentees), "本学期内有效的导师分配"],
        ["导师帮扶（次）", str(row.mentor_sessions), f"合计 {row.mentor_minutes} 分钟"],
        ["救助性教育（次）", str(row.rescue_sessions), "参加的救助性教育"],
        ["集体教研（次）", str(row.case_conferences), "参加的集体教研（个案研讨）"],
        ["家访（次）", str(row.visits), modes or "—"],
        ["家访时长（小时）", f"{row.visit_hours:.1f}", f"合计 {row.visit_minutes} 分钟"],
        ["心愿单服务（项）", str(row.wish_services), "负责完成的心愿单服务项目"],
    ]


def activity_rows(row: TeacherWorkload) -> list[list[str]]:
    """(日期, 类别, 形式/说明, 时长, 备注) of each activity; mentees (a state) are not listed."""
    rows = []
    for c in row.activities:
        if c.kind is WorkloadKind.MENTEE:
            continue
        detail = c.detail
        if c.kind is WorkloadKind.HOME_VISIT and c.count == 0:
            detail = f"{VisitMode(c.mode).label}（时长更正）"
        count = f"（{c.count} 项）" if c.kind is WorkloadKind.WISH_SERVICE else ""
        rows.append(
            [
                c.day.isoformat(),
                c.kind.label,
                detail + count,
                str(c.minutes) if c.minutes else "",
                c.note,
            ]
        )
    return rows or [["（本学期无活动记录）"]]


def teacher_story(
    report: WorkloadReport, row: TeacherWorkload, paper: WorkloadPaper, fonts: PdfFonts
) -> list[Flowable]:
    styles = form_styles(fonts)
    teacher = row.teacher
    meta = [("学期", term_label(report.term)), ("范围", paper.scope_label), ("打印日期", printed_on())]
    story: list[Flowable] = [FormStart(FormHeader(f"{teacher.name}　{report.term}"))]
    story.extend(title_block(styles, paper.school_name, WORKLOAD_TITLE, meta))
    story.append(
        field_grid(
            styles,
            [[Field("姓名", teacher.name), Field("工号", teacher.staff_no), Field("身份", teacher.role)]],
            heading="一、教师",
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(
        data_table(
            styles,
            ["项目", "数量", "说明"],
            figure_rows(row),
            [40, 20, 80],
            heading="二、工作量",
            centered=(1,),
        )
    )
    story.append(Spacer(1, 3 * mm))
    story.append(
        data_table(
            styles,
            ["日期", "类别", "形式／说明", "时长（分钟）", "备注"],
            activity_rows(row),
            [22, 20, 52, 16, 50],
            heading="三、活动明细",
            centered=(0, 3),
        )
    )
    if report.confirmed:
        status = f"本学期工作量已由学生发展支持中心确认（{paper.confirmed_on}），数据已冻结；其后补录的活动计入下一学期。"
    else:
        status = "本学期工作量尚未确认：数字可能随补录变化，以确认后打印的认定表为准。"
    story.append(note_line(styles, status))
    story.append(
        note_line(
            styles,
            "说明：各项按记录中写明的教师计入（导师、参加人员、家访人员、心愿单负责人）；本表不列学生信息。",
        )
    )
    story.append(Spacer(1, 4 * mm))
    confirmer = f"{paper.confirmed_by}（已于 {paper.confirmed_on} 在系统中确认）" if report.confirmed else ""
    story.append(
        signature_panel(
            styles,
            [("教师本人签字", ""), ("确认人（学生发展支持中心）", confirmer)],
        )
    )
    return story


def build_workload_pdf(
    report: WorkloadReport,
    paper: WorkloadPaper,
    *,
    teachers: Sequence[TeacherWorkload] | None = None,
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """One form per teacher (every teacher of the report unless ``teachers`` is given), each with its
    own page numbering."""
    fonts = fonts or pdf_fonts()
    story: list[Flowable] = []
    for row in teachers if teachers is not None else report.teachers:
        if story:
            story.append(PageBreak())  # each teacher's form on its own pages, numbered on its own
        story.extend(teacher_story(report, row, paper, fonts))
    if not story:
        styles = form_styles(fonts)
        story = [FormStart(), *title_block(styles, paper.school_name, WORKLOAD_TITLE)]
        story.append(
            note_line(styles, f"{term_label(report.term)}：{paper.scope_label}没有计入工作量的活动。")
        )
    info = document_info(WORKLOAD_PREFIX, report.term, paper.scope_label)
    frame = PageFrame(
        fonts, paper.school_name, WORKLOAD_TITLE, notice=NOTICE, author=paper.school_name, info=info
    )
    data = render(story, frame)
    write_pdf(data, out)
    return data
