"""Checking a whole file before anything is written: the import plan and its row-level report.

    info = inspect_file(session, path)                # header row, kind, guessed or saved mapping
    plan = build_plan(session, info, info.mapping)    # every row checked; nothing written
    if plan.ok:
        apply_plan(session, plan)                     # all rows or none (one transaction)

Rules: 学号 and 姓名 (and 学院 for a roster) are required; a 学号 appears once per file; 学院 and
辅导员 must exist in the store; ID numbers, phones and dates are checked as in the forms; merged cells
are refused. Blank rows are skipped (and listed). An existing student (same 学号) is updated: only the
columns present and filled in the file change, so a blank cell never erases what is stored; masked
values from an earlier export (320102********1234) are kept as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desktop.store.errors import StoreError
from desktop.store.identification_rules import IdentificationRuleError, check_visit_first
from desktop.store.importing.cells import (
    is_masked,
    parse_bool,
    parse_choice,
    parse_choices,
    parse_date,
    parse_grade,
)
from desktop.store.importing.columns import ImportKind, column_of
from desktop.store.importing.mapping import (
    ColumnMapping,
    Header,
    SavedMappings,
    auto_mapping,
    find_header,
    guess_kind,
)
from desktop.store.importing.reading import Sheet, read_sheet
from desktop.store.repositories.base import Repository
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.records import (
    AuditAction,
    Gender,
    HardshipCause,
    HukouType,
    Identification,
    IdentificationBasis,
    IdentificationLevel,
    IdentificationStatus,
    PoliticalStatus,
    Record,
    Student,
    errors_of,
    mask_id_number,
    mask_phone,
)
from sync.records.validators import check_academic_year

PREVIEW_ROWS = 20
REPORT_LIMIT = 200
LEVEL_SYNONYMS = {"特殊困难": "特别困难", "比较困难": "困难", "一般": "一般困难"}
SENSITIVE_FIELDS = ("id_number", "phone", "parent_phone")
# Shown as "（已隐去）" in the preview (the address and financial or personal notes are never displayed).
HIDDEN_IN_PREVIEW = ("home_address", "per_capita_income", "causes", "note")
HIDDEN_TEXT = "（已隐去）"


class ImportRejected(StoreError):
    message = "文件中有错误，未导入任何数据。"


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def text(self) -> str:
        where = f"第 {self.row} 行" if self.row else "文件"
        return f"{where}{f'“{self.column}”' if self.column else ''}：{self.message}"


@dataclass
class FileInfo:
    path: Path
    sheet: Sheet
    header: Header
    kind: ImportKind
    mapping: ColumnMapping
    saved_names: list[str] = field(default_factory=list)


@dataclass
class PreviewRow:
    row: int
    action: str  # 新增 / 更新
    values: dict[str, str]


@dataclass
class ImportPlan:
    kind: ImportKind
    file_name: str
    header: Header
    mapping: ColumnMapping
    data_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    creates: list[Record] = field(default_factory=list)
    updates: list[Record] = field(default_factory=list)
    preview: list[PreviewRow] = field(default_factory=list)
    unchanged: int = 0  # rows already stored (aid and rewards: not imported twice)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if not self.ok:
            return f"{self.kind.label}：{self.data_rows} 行数据，发现 {len(self.problems)} 个问题，未导入任何数据。"
        again = f"，{self.unchanged} 条已存在（不重复导入）" if self.unchanged else ""
        return f"{self.kind.label}：{self.data_rows} 行数据，将新增 {len(self.creates)} 条、更新 {len(self.updates)} 条{again}。"

    def report_lines(self, limit: int = REPORT_LIMIT) -> list[str]:
        lines = [problem.text() for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"……另有 {len(self.problems) - limit} 个问题未列出。")
        return lines


@dataclass(frozen=True)
class ImportResult:
    kind: ImportKind
    created: int
    updated: int


# -- inspecting a file -------------------------------------------------------------------------------
def inspect_file(
    session: StoreSession, path: Path, *, kind: ImportKind | None = None, mapping_name: str | None = None
) -> FileInfo:
    """Read a file, find its header row and choose a mapping: the named one, a saved one for this header
    set, or one guessed from the usual column titles."""
    sheet = read_sheet(Path(path))
    header = find_header(sheet)
    saved = SavedMappings(session.meta)
    if mapping_name:
        mapping = saved.load(mapping_name)
    else:
        mapping = saved.for_header(header) or auto_mapping(kind or guess_kind(header), header)
    if kind is not None and mapping.kind != kind:
        mapping = auto_mapping(kind, header)
    return FileInfo(Path(path), sheet, header, mapping.kind, mapping, saved.names())


def plan_file(
    session: StoreSession, path: Path, *, kind: ImportKind | None = None, mapping_name: str | None = None
) -> ImportPlan:
    info = inspect_file(session, path, kind=kind, mapping_name=mapping_name)
    return build_plan(session, info, info.mapping)


# -- checking every row ------------------------------------------------------------------------------
def build_plan(session: StoreSession, info: FileInfo, mapping: ColumnMapping) -> ImportPlan:
    mapping.check()
    plan = ImportPlan(mapping.kind, info.path.name, info.header, mapping)
    index = mapping.column_index(info.header)
    covered = _merged_cells(info, plan)
    rows: list[tuple[int, dict[str, str]]] = []
    blank: list[int] = []
    for number, cells in info.sheet.rows:
        if number <= info.header.row:
            continue
        if not any(cells):
            blank.append(number)
            continue
        values = {name: (cells[col] if col < len(cells) else "") for name, col in index.items()}
        for name, col in index.items():
            if (number, col) in covered:
                values[name] = values[name] or "\x00merged"
        rows.append((number, values))
    plan.data_rows = len(rows)
    if blank and rows and blank[0] < rows[-1][0]:
        shown = "、".join(str(n) for n in blank[:20]) + ("……" if len(blank) > 20 else "")
        plan.warnings.append(f"第 {shown} 行是空行，已跳过。")
    if not rows:
        plan.problems.append(RowProblem(0, "", "表头下面没有数据行。"))
        return plan
    from desktop.store.importing.academic_rows import AcademicRows  # (they build on Rows below)
    from desktop.store.importing.enrolment_rows import EnrolmentRows
    from desktop.store.importing.history_rows import HistoryRows

    checker: Rows
    if mapping.kind is ImportKind.ACADEMIC:
        checker = AcademicRows(session, plan)
    elif mapping.kind is ImportKind.ENROLMENT:
        checker = EnrolmentRows(session, plan)
    elif mapping.kind is ImportKind.ROSTER:
        checker = _RosterRows(session, plan)
    elif mapping.kind is ImportKind.IDENTIFICATION:
        checker = _IdentificationRows(session, plan)
    else:
        checker = HistoryRows(session, plan)
    checker.check(rows)
    return plan


def _merged_cells(info: FileInfo, plan: ImportPlan) -> set[tuple[int, int]]:
    covered: set[tuple[int, int]] = set()
    for merged in info.sheet.merged:
        if merged.last_row < info.header.row:
            continue  # a title above the header (e.g. "2025 级学生名单") may be merged
        column = (
            info.header.titles[merged.first_column] if merged.first_column < len(info.header.titles) else ""
        )
        rows = (
            f"{merged.first_row}–{merged.last_row}"
            if merged.last_row > merged.first_row
            else f"{merged.first_row}"
        )
        plan.problems.append(
            RowProblem(
                merged.first_row,
                column,
                f"第 {rows} 行为合并单元格，请取消合并，并在每一行填写完整后再导入",
            )
        )
        for row in range(merged.first_row, merged.last_row + 1):
            for col in range(merged.first_column, merged.last_column + 1):
                covered.add((row, col))
    return covered


class Rows:
    """Checks the rows of one kind of file into the plan (problems, records to create or update)."""

    KIND: ImportKind

    def __init__(self, session: StoreSession, plan: ImportPlan) -> None:
        self.session = session
        self.plan = plan
        self.masked_columns: set[str] = set()

    def title(self, name: str) -> str:
        for header_title, target in self.plan.mapping.fields.items():
            if target == name:
                return header_title
        try:
            return column_of(self.KIND, name).title
        except KeyError:
            return ""

    def problem(self, row: int, name: str, message: str) -> None:
        self.plan.problems.append(RowProblem(row, self.title(name) if name else "", message))

    def required(self, row: int, values: dict[str, str], names: tuple[str, ...]) -> bool:
        ok = True
        for name in names:
            value = values.get(name, "")
            if value == "\x00merged":
                ok = False  # already reported as a merged cell
            elif not value:
                self.problem(row, name, "必填项为空")
                ok = False
        return ok

    def convert(
        self, row: int, values: dict[str, str], data: dict[str, Any], name: str, parse: Callable[[str], Any]
    ) -> None:
        text = values.get(name, "")
        if not text or text == "\x00merged":
            return
        try:
            data[name] = parse(text)
        except ValueError as exc:
            self.problem(row, name, str(exc))

    def record_errors(self, row: int, exc: ValidationError, fields: set[str]) -> None:
        for error in errors_of(exc):
            name = error.field.split(".")[0]
            self.problem(row, name if name in fields else "", error.message)

    def stage(
        self,
        row: int,
        values: dict[str, str],
        record_type: type[Record],
        current: Record | None,
        data: dict[str, Any],
        mapped: set[str],
        *,
        new_fields: dict[str, Any] | None = None,
    ) -> None:
        """Check the row's record (a new one, or the stored one with the row's values) and plan its
        creation or update; an unchanged record is only previewed."""
        try:
            if current is None:
                record = record_type.model_validate({**(new_fields or {}), **data})
            else:
                record = record_type.model_validate({**current.model_dump(), **data})
        except ValidationError as exc:
            self.record_errors(row, exc, mapped | set(data))
            return
        if current is None:
            self.plan.creates.append(record)
            self.preview(row, "新增", values)
        else:
            if record != current:
                self.plan.updates.append(record)
            self.preview(row, "更新", values)

    def preview(self, row: int, action: str, values: dict[str, str]) -> None:
        """The row as read (sensitive numbers masked), for the preview step."""
        if len(self.plan.preview) >= PREVIEW_ROWS:
            return
        shown: dict[str, str] = {}
        for title, target in self.plan.mapping.fields.items():
            if not target:
                continue
            value = values.get(target, "")
            if target == "id_number":
                value = mask_id_number(value)
            elif target in SENSITIVE_FIELDS:
                value = mask_phone(value)
            elif target in HIDDEN_IN_PREVIEW and value:
                value = HIDDEN_TEXT
            shown[title] = value
        self.plan.preview.append(PreviewRow(row, action, shown))

    def masked(self, values: dict[str, str], name: str) -> bool:
        if values.get(name) and is_masked(values[name]):
            if name not in self.masked_columns:
                self.masked_columns.add(name)
                self.plan.warnings.append(
                    f"“{self.title(name)}”列含有已隐去的号码（带 *），这些单元格保持系统中原有的值。"
                )
            values[name] = ""
            return True
        return False


class _RosterRows(Rows):
    KIND = ImportKind.ROSTER
    PLAIN = (
        "name",
        "ethnicity",
        "major",
        "class_name",
        "origin_place",
        "home_address",
        "high_school",
        "talents",
    )

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        session = self.session
        colleges: dict[str, str] = {}
        for college in session.colleges.list():
            colleges[college.name] = college.id
            if college.code:
                colleges.setdefault(college.code, college.id)
        by_staff_no: dict[str, str] = {}
        by_name: dict[str, list[str]] = {}
        for user in session.users.list():
            by_staff_no[user.staff_no] = user.id
            by_name.setdefault(user.name, []).append(user.id)
        numbers = [values.get("student_no", "") for _, values in rows]
        existing: dict[str, Student] = {}
        wanted = sorted({n for n in numbers if n and n != "\x00merged"})
        for start in range(0, len(wanted), 500):
            for student in session.students.list(where={"student_no": wanted[start : start + 500]}):
                existing[student.student_no] = student
        first_row: dict[str, int] = {}
        mapped = set(self.plan.mapping.fields.values())
        for number, values in rows:
            before = len(self.plan.problems)
            for name in SENSITIVE_FIELDS:
                self.masked(values, name)
            student_no = values.get("student_no", "")
            if student_no and student_no != "\x00merged":
                if student_no in first_row:
                    self.problem(
                        number, "student_no", f"学号 {student_no} 与第 {first_row[student_no]} 行重复"
                    )
                else:
                    first_row[student_no] = number
            current = existing.get(student_no)
            self.required(
                number, values, ("student_no", "name") if current else ("student_no", "name", "college")
            )
            data: dict[str, Any] = {}
            for name in (*self.PLAIN, "student_no", "id_number", "phone", "parent_phone"):
                text = values.get(name, "")
                if text and text != "\x00merged":
                    data[name] = text
            self.convert(number, values, data, "gender", lambda t: parse_choice(Gender, t))
            self.convert(number, values, data, "birth_date", parse_date)
            self.convert(number, values, data, "grade", parse_grade)
            self.convert(number, values, data, "political_status", lambda t: parse_choice(PoliticalStatus, t))
            self.convert(number, values, data, "hukou_type", lambda t: parse_choice(HukouType, t))
            self.convert(number, values, data, "is_new_student", parse_bool)
            college_name = values.get("college", "")
            if college_name and college_name != "\x00merged":
                if college_name in colleges:
                    data["college_id"] = colleges[college_name]
                else:
                    known = "、".join(sorted(n for n in colleges if n))[:200] or "（系统中还没有学院）"
                    self.problem(number, "college", f"学院“{college_name}”在系统中不存在（已有：{known}）")
            self._counselor(number, values, data, by_staff_no, by_name)
            if len(self.plan.problems) > before:
                continue
            self.stage(number, values, Student, current, data, mapped)

    def _counselor(
        self,
        number: int,
        values: dict[str, str],
        data: dict[str, Any],
        by_staff_no: dict[str, str],
        by_name: dict[str, list[str]],
    ) -> None:
        staff_no = values.get("counselor_no", "")
        name = values.get("counselor_name", "")
        if staff_no and staff_no != "\x00merged":
            if staff_no in by_staff_no:
                data["counselor_id"] = by_staff_no[staff_no]
            else:
                self.problem(number, "counselor_no", f"工号 {staff_no} 在系统中不存在")
        elif name and name != "\x00merged":
            found = by_name.get(name, [])
            if len(found) == 1:
                data["counselor_id"] = found[0]
            elif not found:
                self.problem(number, "counselor_name", f"辅导员“{name}”在系统中不存在")
            else:
                self.problem(
                    number, "counselor_name", f"有 {len(found)} 位名为“{name}”的老师，请改用辅导员工号"
                )


class _IdentificationRows(Rows):
    KIND = ImportKind.IDENTIFICATION

    def check(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        session = self.session
        numbers = sorted({values.get("student_no", "") for _, values in rows} - {"", "\x00merged"})
        students: dict[str, Student] = {}
        for start in range(0, len(numbers), 500):
            for known in session.students.list(where={"student_no": numbers[start : start + 500]}):
                students[known.student_no] = known
        existing: dict[tuple[str, str], Identification] = {}
        for identification in session.identifications.for_students([s.id for s in students.values()]):
            existing[(identification.student_id, identification.academic_year)] = identification
        seen: dict[tuple[str, str], int] = {}
        mapped = set(self.plan.mapping.fields.values())
        for number, values in rows:
            before = len(self.plan.problems)
            self.required(number, values, ("student_no", "academic_year"))
            student = students.get(values.get("student_no", ""))
            if values.get("student_no") and values["student_no"] != "\x00merged" and student is None:
                self.problem(
                    number, "student_no", f"学号 {values['student_no']} 不在系统中，请先导入学生名单"
                )
            if (
                student is not None
                and values.get("name")
                and values["name"] not in ("\x00merged", student.name)
            ):
                self.problem(number, "name", "姓名与系统中该学号的学生不一致，请核对")
            data: dict[str, Any] = {}
            self.convert(number, values, data, "academic_year", check_academic_year)
            self.convert(
                number, values, data, "level", lambda t: parse_choice(IdentificationLevel, t, LEVEL_SYNONYMS)
            )
            self.convert(number, values, data, "status", lambda t: parse_choice(IdentificationStatus, t))
            self.convert(number, values, data, "identified_on", parse_date)
            self.convert(
                number, values, data, "per_capita_income", lambda t: t.replace(",", "").replace("元", "")
            )
            self.convert(number, values, data, "causes", lambda t: parse_choices(HardshipCause, t))
            self.convert(number, values, data, "basis", lambda t: parse_choices(IdentificationBasis, t))
            self.convert(number, values, data, "without_application", parse_bool)
            self.convert(number, values, data, "visit_before_identification", parse_bool)
            for name in ("note", "aid_decision", "visit_exception_reason"):
                if values.get(name) and values[name] != "\x00merged":
                    data[name] = values[name]
            if student is not None and "academic_year" in data:
                key = (student.id, data["academic_year"])
                if key in seen:
                    self.problem(
                        number,
                        "academic_year",
                        f"该学生 {data['academic_year']} 学年的认定与第 {seen[key]} 行重复",
                    )
                seen.setdefault(key, number)
            if len(self.plan.problems) > before or student is None:
                continue
            current = existing.get((student.id, data["academic_year"]))
            if not self.visit_first_ok(number, student, current, data):
                continue
            self.stage(
                number, values, Identification, current, data, mapped, new_fields={"student_id": student.id}
            )

    def visit_first_ok(
        self, number: int, student: Student, current: Identification | None, data: dict[str, Any]
    ) -> bool:
        """先家访后认定, as in the identification form (desktop/store/identification_rules.py)."""
        try:
            record = Identification.model_validate(
                {**(current.model_dump() if current else {"student_id": student.id}), **data}
            )
            check_visit_first(self.session, record, self.session.meta.info().role, previous=current)
        except IdentificationRuleError as exc:
            field_name = "visit_exception_reason" if data.get("visit_exception_reason") else "level"
            self.problem(number, field_name, str(exc))
            return False
        except ValidationError:
            return True  # reported by stage() with the field it names
        return True


# -- writing -----------------------------------------------------------------------------------------
def apply_plan(session: StoreSession, plan: ImportPlan) -> ImportResult:
    """Write every row of a checked plan in the session's transaction (all or nothing)."""
    if not plan.ok:
        raise ImportRejected(f"文件中有 {len(plan.problems)} 个问题，未导入任何数据。")
    if plan.kind is ImportKind.ACADEMIC and not is_center_role(session.meta.info().role):
        raise ImportRejected("只有学生发展支持中心（学院或学校）可以导入学业成绩。")
    repositories: dict[ImportKind, Repository[Any]] = {
        ImportKind.ROSTER: session.students,
        ImportKind.IDENTIFICATION: session.identifications,
        ImportKind.AID: session.aid,
        ImportKind.REWARD: session.rewards,
        ImportKind.ACADEMIC: session.academic_results,
        ImportKind.ENROLMENT: session.enrolment,
    }
    repository = repositories[plan.kind]
    repository.create_many(plan.creates)
    for record in plan.updates:
        repository.update(record)
    session.audit.log(
        AuditAction.CREATE,
        record_type=repository.RECORD.RECORD_TYPE,
        detail=f"导入{plan.kind.label}：新增 {len(plan.creates)} 条，更新 {len(plan.updates)} 条",
    )
    return ImportResult(plan.kind, len(plan.creates), len(plan.updates))
