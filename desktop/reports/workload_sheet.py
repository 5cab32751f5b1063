"""The workload of every teacher as one XLSX sheet (one row per teacher, Chinese headers)."""

from __future__ import annotations

from pathlib import Path

from desktop.reports.output_file import write_file_atomically
from sync.figures.workload import TeacherWorkload, WorkloadReport
from sync.records import VisitMode
from sync.records.terms import term_label

SHEET_TITLE = "工作量"
HEADERS = (
    "姓名",
    "工号",
    "身份",
    "带教学生(人)",
    "导师帮扶(次)",
    "导师帮扶(分钟)",
    "救助性教育(次)",
    "集体教研(次)",
    "家访(次)",
    *(f"家访-{mode.label}(次)" for mode in VisitMode),
    "家访(小时)",
    "心愿单服务(项)",
    "补录条目",
)


def sheet_row(row: TeacherWorkload) -> list[object]:
    return [
        row.teacher.name,
        row.teacher.staff_no,
        row.teacher.role,
        row.mentees,
        row.mentor_sessions,
        row.mentor_minutes,
        row.rescue_sessions,
        row.case_conferences,
        row.visits,
        *(row.visits_by_mode[mode] for mode in VisitMode),
        row.visit_hours,
        row.wish_services,
        sum(1 for c in row.activities if c.note),
    ]


def build_workload_xlsx(report: WorkloadReport, scope_label: str, path: Path) -> None:
    """All teachers of the report on one sheet, a title line above (学期, 范围, 确认状态)."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    state = "已确认（数据已冻结）" if report.confirmed else "未确认"
    sheet.append([f"{term_label(report.term)} 教师资助育人工作量（{scope_label}，{state}）"])
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in report.teachers:
        sheet.append(sheet_row(row))
    sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_file_atomically(path, buffer.getvalue())
