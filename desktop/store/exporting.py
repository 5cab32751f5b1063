"""Exporting the roster, visits, aid, rewards and coverage to XLSX or JSON.

    summary = export_data(session, [ExportWhat.ROSTER], ExportFormat.XLSX, path, role=Role.COUNSELOR)

Sensitive columns (ID number, phones, home address, amounts, visit notes) are masked or left out unless
the user asks for them (``unmasked=True``) and the role allows it; key-support figures appear only for
roles that may see them. Every export adds an audit entry (what, how many rows, masked or not; never
personal data). The file is written under a temporary name and renamed when complete. The roster's
column titles are the import's, so an exported roster imports back.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.store.coverage import CoverageReport, CoverageScope, compute_coverage
from desktop.store.errors import StoreError
from desktop.store.importing.columns import ROSTER_COLUMNS
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import may_export_unmasked, may_see_key_support
from sync.records import AuditAction, HomeVisit, Role, academic_year_bounds, mask_id_number, mask_phone
from sync.records.enums import CodedEnum

MASKED_TEXT = "（已隐去）"


class ExportWhat(CodedEnum):
    ROSTER = "roster", "学生名单"
    VISITS = "visits", "家访记录"
    AID = "aid", "保障型资助"
    REWARDS = "rewards", "成长奖励"
    COVERAGE = "coverage", "六个全覆盖"


class ExportFormat(CodedEnum):
    XLSX = "xlsx", "Excel 工作簿"
    JSON = "json", "JSON"


class ExportNotAllowed(StoreError):
    message = "当前角色不能导出未脱敏的敏感信息。"


@dataclass
class ExportTable:
    name: str  # sheet name
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]
    masked: bool


def _label(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "label", value))


def _labels(values: Any) -> str:
    if not values:
        return ""
    return "、".join(_label(value) for value in values)


def _bool(value: Any) -> str:
    return "是" if value else "否"


def _names(session: StoreSession, table: str) -> dict[str, str]:
    return {row.id: row.name for row in session.db.execute(text(f"SELECT id, name FROM {table}"))}


# -- tables ------------------------------------------------------------------------------------------
def roster_table(session: StoreSession, *, unmasked: bool) -> ExportTable:
    titles = {column.field: column.title for column in ROSTER_COLUMNS}
    headers = [column.title for column in ROSTER_COLUMNS]
    colleges = {college.id: college.name for college in session.colleges.list()}
    users = {user.id: user for user in session.users.list()}
    table = ExportTable(ExportWhat.ROSTER.label, headers)
    for student in session.students.list(order_by=["student_no"]):
        counselor = users.get(student.counselor_id or "")
        values: dict[str, Any] = {
            "student_no": student.student_no,
            "name": student.name,
            "gender": _label(student.gender),
            "ethnicity": student.ethnicity,
            "birth_date": student.birth_date.isoformat() if student.birth_date else "",
            "id_number": (student.id_number or "") if unmasked else mask_id_number(student.id_number),
            "college": colleges.get(student.college_id or "", ""),
            "major": student.major,
            "grade": student.grade if student.grade is not None else "",
            "class_name": student.class_name,
            "political_status": _label(student.political_status),
            "hukou_type": _label(student.hukou_type),
            "origin_place": student.origin_place,
            "home_address": student.home_address if unmasked else "",
            "phone": (student.phone or "") if unmasked else mask_phone(student.phone),
            "parent_phone": (student.parent_phone or "") if unmasked else mask_phone(student.parent_phone),
            "high_school": student.high_school,
            "talents": student.talents,
            "counselor_no": counselor.staff_no if counselor else "",
            "counselor_name": counselor.name if counselor else "",
            "is_new_student": _bool(student.is_new_student),
        }
        table.rows.append([values[name] for name in titles])
    return table


def _student_columns(session: StoreSession) -> dict[str, tuple[str, str, str]]:
    colleges = _names(session, "college")
    return {
        row.id: (row.student_no, row.name, colleges.get(row.college_id or "", ""))
        for row in session.db.execute(
            text("SELECT id, student_no, name, college_id FROM student WHERE deleted = 0")
        )
    }


def _in_year(day: date, academic_year: str | None) -> bool:
    if academic_year is None:
        return True
    first, last = academic_year_bounds(academic_year)
    return first <= day <= last


# The visit columns of the export, by field; their headers are the fields' own titles (``Record.field_title``).
VISIT_COLUMNS: tuple[str, ...] = (
    "visit_date",
    "category",
    "mode",
    "duration_minutes",
    "place",
    "visitors",
    "status",
)
# The columns only an unmasked export holds (personal information).
VISIT_SENSITIVE_COLUMNS: tuple[str, ...] = (
    "income_amount",
    "income_sources",
    "causes",
    "student_traits",
    "school_feedback",
    "family_opinions",
    "verification_result",
    "recent_shocks",
    "follow_up",
)


def _cell(value: Any) -> Any:
    """A field's value as an export cell: choices by their Chinese label, amounts as numbers, people by name."""
    if isinstance(value, Decimal) or value is None:
        return _money(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "、".join(_label(item) if isinstance(item, CodedEnum) else str(item.name) for item in value)
    return _label(value) if isinstance(value, CodedEnum) else value


def visits_table(session: StoreSession, *, unmasked: bool, academic_year: str | None = None) -> ExportTable:
    students = _student_columns(session)
    columns = VISIT_COLUMNS + (VISIT_SENSITIVE_COLUMNS if unmasked else ())
    headers = ["学号", "姓名", "学院", *(HomeVisit.field_title(name) for name in columns)]
    table = ExportTable(ExportWhat.VISITS.label, headers)
    for visit in session.visits.list(order_by=["visit_date"]):
        if visit.status.value == "draft" or not _in_year(visit.visit_date, academic_year):
            continue
        student_no, name, college = students.get(visit.student_id, ("", "", ""))
        row: list[Any] = [student_no, name, college, *(_cell(getattr(visit, field)) for field in columns)]
        table.rows.append(row)
    return table


def _money(value: Decimal | None) -> Any:
    return "" if value is None else float(value)


def aid_table(session: StoreSession, *, unmasked: bool, academic_year: str | None = None) -> ExportTable:
    students = _student_columns(session)
    headers = ["学号", "姓名", "学院", "学年", "资助类型", "项目名称", "金额(元)", "岗位", "日期", "资金来源"]
    table = ExportTable(ExportWhat.AID.label, headers)
    where = {"academic_year": academic_year} if academic_year else None
    for aid in session.aid.list(where=where, order_by=["granted_on"]):
        student_no, name, college = students.get(aid.student_id, ("", "", ""))
        table.rows.append(
            [
                student_no,
                name,
                college,
                aid.academic_year,
                aid.aid_type.label,
                aid.project_name,
                _money(aid.amount) if unmasked else (MASKED_TEXT if aid.amount is not None else ""),
                aid.position,
                aid.granted_on.isoformat(),
                aid.funding_source,
            ]
        )
    return table


def rewards_table(session: StoreSession, *, academic_year: str | None = None) -> ExportTable:
    students = _student_columns(session)
    headers = ["学号", "姓名", "学院", "学年", "奖励类别", "奖励形式", "内容", "价值(元)", "日期", "授予部门"]
    table = ExportTable(ExportWhat.REWARDS.label, headers)
    where = {"academic_year": academic_year} if academic_year else None
    for reward in session.rewards.list(where=where, order_by=["granted_on"]):
        student_no, name, college = students.get(reward.student_id, ("", "", ""))
        table.rows.append(
            [
                student_no,
                name,
                college,
                reward.academic_year,
                reward.kind.label,
                reward.form.label,
                reward.description,
                _money(reward.value),
                reward.granted_on.isoformat(),
                reward.granting_department,
            ]
        )
    return table


def coverage_tables(report: CoverageReport) -> list[ExportTable]:
    """The dashboard as tables: totals, then one table per breakdown (counts only, no names)."""
    measures = list(report.totals)
    totals = ExportTable("覆盖总览", ["项目", "已覆盖", "应覆盖", "覆盖率(%)"])
    for measure, ratio in report.totals.items():
        percent = None if ratio.percent is None else round(ratio.percent, 1)
        totals.rows.append([measure.label, ratio.covered, ratio.total, "" if percent is None else percent])
    totals.rows.append(["待先家访后认定的新生", report.awaiting_visit_first, "", ""])
    totals.rows.append(["监测反馈待处理", report.flags.open, "", ""])
    totals.rows.append(["监测反馈处理中", report.flags.in_progress, "", ""])
    totals.rows.append(["本学年已处理监测反馈", report.flags.resolved_this_year, "", ""])
    tables = [totals]
    for name, rows, first in (
        ("按学院", report.by_college, ["学院"]),
        ("按辅导员", report.by_counselor, ["辅导员"]),
        ("按班级", report.by_class, ["学院", "班级"]),
    ):
        headers = [*first]
        for measure in measures:
            headers += [f"{measure.label}-已覆盖", f"{measure.label}-应覆盖"]
        table = ExportTable(name, headers)
        for row in rows:
            cells: list[Any] = [row.college, row.label] if len(first) == 2 else [row.label]
            for measure in measures:
                found = row.ratios.get(measure)
                cells += ["", ""] if found is None else [found.covered, found.total]
            table.rows.append(cells)
        tables.append(table)
    return tables


# -- files -------------------------------------------------------------------------------------------
def write_xlsx(tables: Sequence[ExportTable], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(table.name[:31])
        header = []
        for title in table.headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append(row)
    _write_atomically(path, lambda target: workbook.save(target))


def write_json(
    tables: Sequence[ExportTable], path: Path, *, masked: bool, extra: dict[str, Any] | None = None
) -> None:
    doc: dict[str, Any] = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "masked": masked,
        "tables": {
            table.name: [dict(zip(table.headers, row, strict=True)) for row in table.rows] for table in tables
        },
    }
    if extra:
        doc.update(extra)
    data = json.dumps(doc, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    _write_atomically(path, lambda target: Path(target).write_bytes(data))


def _write_atomically(path: Path, write: Any) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".jiafang-export-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        write(temp_name)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


# -- the export --------------------------------------------------------------------------------------
def export_data(
    session: StoreSession,
    what: Sequence[ExportWhat],
    fmt: ExportFormat,
    path: Path,
    *,
    role: Role,
    unmasked: bool = False,
    academic_year: str | None = None,
    coverage_year: str | None = None,
    scope: CoverageScope | None = None,
    coverage: CoverageReport | None = None,
) -> ExportSummary:
    """Write the chosen tables to one file and record the export in the audit log.

    ``academic_year`` limits visits, aid and rewards to one year (all years when None); the coverage
    is the given ``coverage`` report, or computed for ``coverage_year`` (default: ``academic_year``).
    """
    if unmasked and not may_export_unmasked(role):
        raise ExportNotAllowed()
    tables: list[ExportTable] = []
    counts: dict[str, int] = {}
    extra: dict[str, Any] = {}
    for item in what:
        if item is ExportWhat.ROSTER:
            made = [roster_table(session, unmasked=unmasked)]
        elif item is ExportWhat.VISITS:
            made = [visits_table(session, unmasked=unmasked, academic_year=academic_year)]
        elif item is ExportWhat.AID:
            made = [aid_table(session, unmasked=unmasked, academic_year=academic_year)]
        elif item is ExportWhat.REWARDS:
            made = [rewards_table(session, academic_year=academic_year)]
        else:
            if coverage is None:
                year = coverage_year or academic_year
                if year is None:
                    raise ValueError("导出覆盖统计须指定学年")
                coverage = compute_coverage(
                    session, year, scope, include_key_support=may_see_key_support(role)
                )
            made = coverage_tables(coverage)
            if fmt is ExportFormat.JSON:
                extra["coverage"] = coverage.to_json()
        tables.extend(made)
        counts[item.value] = sum(len(table.rows) for table in made)
    if fmt is ExportFormat.XLSX:
        write_xlsx(tables, path)
    else:
        write_json(tables, path, masked=not unmasked, extra=extra)
    detail = "，".join(f"{ExportWhat(key).label} {count} 行" for key, count in counts.items())
    session.audit.log(
        AuditAction.EXPORT,
        record_type="+".join(counts),
        detail=f"导出{fmt.label}：{detail}（{'未脱敏' if unmasked else '已脱敏'}）"[:200],
    )
    return ExportSummary(Path(path), counts, masked=not unmasked)
