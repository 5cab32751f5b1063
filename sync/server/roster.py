"""Reading rosters and assignment lists from CSV or XLSX files typed by people.

Headers may be the field name (``student_no``) or its Chinese title (``学号``); coded values may be the
code or the Chinese label (``男``).  The 学院 column takes a college name or code, 辅导员 a user name.
Every column a roster may have is in ``roster_columns()`` (and in the shipped template,
``installers/server/roster-template.xlsx``); a header that is none of them is refused, not ignored.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sync.records import Student
from sync.records.enums import CodedEnum
from sync.records.errors import validate_record

MAX_REPORTED = 20


class RosterError(ValueError):
    """A Chinese message naming the row and column, never the cell's personal content."""


class Table:
    """A sheet's header (as written) and its non-empty rows with their line numbers in the file."""

    def __init__(self, header: list[str], rows: list[tuple[int, dict[str, str]]]) -> None:
        self.header = header
        self.rows = rows


def read_table(path: Path) -> Table:
    """A CSV (UTF-8 with or without BOM, or GBK) or XLSX file (its first sheet)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    rows: list[tuple[int, dict[str, str]]] = []
    reader = csv.reader(io.StringIO(_decode(path.read_bytes(), path), newline=""))
    header = [cell.strip() for cell in next(reader, [])]
    for values in reader:
        cells = [cell.strip() for cell in values]
        if any(cells):
            if len(cells) > len(header):
                raise RosterError(f"第 {reader.line_num} 行的列数多于表头")
            rows.append((reader.line_num, dict(zip(header, cells, strict=False))))
    return Table(header, rows)


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), or GBK/GB18030 as Excel saves a CSV on a Chinese Windows."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(f"无法识别文件的编码：{path.name}（请存为 UTF-8 CSV，或使用 XLSX）")


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, ValueError, KeyError):
        raise RosterError(f"无法读取 Excel 文件：{path.name}（请另存为 .xlsx 或 UTF-8 CSV）") from None
    try:
        sheet = book.active
        if sheet is None:
            return Table([], [])
        values = sheet.iter_rows(values_only=True)
        header = [_text(cell) for cell in next(values, ())]
        rows = []
        for line, row in enumerate(values, start=2):
            cells = [_text(cell) for cell in row]
            if any(cells):
                rows.append((line, dict(zip(header, cells, strict=False))))
        while header and not header[-1]:
            header.pop()
        return Table(header, rows)
    finally:
        book.close()


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a number typed in Excel: 2024001.0 is the student number 2024001
    return str(cell).strip()


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, header -> text)`` of each non-empty row."""
    yield from read_table(path).rows


def roster_columns() -> list[tuple[str, str]]:
    """``(Chinese title, field name)`` of every column a roster may have, in the template's order."""
    return [(info.title or name, name) for name, info in Student.model_fields.items() if name != "id"]


_YES_NO = {"是": True, "否": False, "true": True, "false": False, "1": True, "0": False}
_YES_NO |= {"yes": True, "no": False, "Y": True, "N": False}


def _title(name: str) -> str:
    info = Student.model_fields.get(name)
    return (info.title if info is not None else None) or name


def _field_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for title, name in roster_columns():
        names[name] = name
        names[title] = name
    return names


def check_header(header: list[str]) -> dict[str, str]:
    """Header as written -> field name; refuses unknown, repeated and missing required columns."""
    names = _field_names()
    mapping: dict[str, str] = {}
    unknown = [column for column in header if column and column not in names]
    if unknown:
        listed = "、".join(f"“{column}”" for column in unknown[:5])
        raise RosterError(f"名单中有无法识别的列：{listed}（可用的列见名单模板或 docs/operations.md）")
    seen: dict[str, str] = {}
    for column in header:
        if not column:
            continue
        name = names[column]
        if name in seen:
            raise RosterError(f"“{seen[name]}”和“{column}”是同一列，请只保留一个")
        seen[name] = column
        mapping[column] = name
    missing = [
        title for title, name in roster_columns() if name in ("student_no", "name") and name not in seen
    ]
    if missing:
        raise RosterError(f"名单缺少必需的列：{'、'.join(missing)}")
    return mapping


def _enum_of(annotation: Any) -> type[CodedEnum] | None:
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, CodedEnum):
            return candidate
    return None


def student_fields(row: dict[str, str], line: int, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    """Map one roster row to Student fields (college and counselor left as given, resolved later);
    raises ``RosterError`` listing every problem of the row."""
    fields, problems = parse_row(row, line, mapping or check_header(list(row)))
    if problems:
        raise RosterError("；".join(problems))
    return fields


def parse_row(row: dict[str, str], line: int, mapping: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Student fields of one row, and a Chinese message per bad cell (row and column, not its content)."""
    fields: dict[str, Any] = {}
    bad: dict[str, str] = {}  # field name -> message
    columns = {name: header for header, name in mapping.items()}
    for header, text in row.items():
        name = mapping.get(header)
        if name is None or text == "":
            continue
        enum = _enum_of(Student.model_fields[name].annotation)
        if enum is not None:
            try:
                fields[name] = enum(text).value if text in enum.labels() else enum.from_label(text).value
            except ValueError:
                bad[name] = f"请填 {'、'.join(enum.labels().values())} 之一"
        elif name == "grade":
            if text.isdigit():
                fields[name] = int(text)
            else:
                bad[name] = "应为入学年份，如 2024"
        elif name == "is_new_student":
            if text in _YES_NO:
                fields[name] = _YES_NO[text]
            else:
                bad[name] = "应为“是”或“否”"
        else:
            fields[name] = text
    # The record's own rules (required fields, ID number checksum, phone format, lengths…), with a
    # stand-in id and college/counselor references (resolved by name later).
    probe = {**fields, "id": "00000000-0000-7000-8000-000000000000", "college_id": None, "counselor_id": None}
    for error in validate_record(Student, probe):
        bad.setdefault(error.field.split(".")[0], error.message)
    order = list(Student.model_fields)
    problems = [
        f"第 {line} 行“{columns.get(name, _title(name))}”列：{message}"
        for name, message in sorted(
            bad.items(), key=lambda item: order.index(item[0]) if item[0] in order else 0
        )
    ]
    return fields, problems


def write_template(path: Path) -> None:
    """An XLSX roster template: the header row on the first sheet (to be filled in), and a second sheet
    saying what each column takes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "学生名单"
    columns = roster_columns()
    sheet.append([title for title, _ in columns])
    for number, cell in enumerate(sheet[1], start=1):
        cell.font = Font(bold=True)
        column = sheet.column_dimensions[get_column_letter(number)]
        column.width = 14
        column.number_format = "@"  # typed numbers stay text: 学号 and 身份证件号 keep leading zeros
    notes = book.create_sheet("填写说明")
    notes.append(["列", "必填", "填写内容"])
    for title, name in columns:
        notes.append([title, "是" if name in ("student_no", "name") else "", column_help(name)])
    book.save(path)


def column_help(name: str) -> str:
    """What a roster column takes, in Chinese (for the template and the documentation)."""
    if name == "student_no":
        return "学号，全校唯一；已有的学号会更新该生，不会重复建立"
    if name == "id_number":
        return "18 位身份证号（校验位须正确）"
    if name in ("phone", "parent_phone"):
        return "11 位手机号"
    if name == "college_id":
        return "学院名称或代码（须先用 create-college 建立）"
    if name == "counselor_id":
        return "辅导员的用户名（须先用 create-user 建立）"
    if name == "grade":
        return "入学年份，如 2024"
    if name == "is_new_student":
        return "是 / 否"
    if name == "birth_date":
        return "日期，如 2006-03-01"
    enum = _enum_of(Student.model_fields[name].annotation)
    if enum is not None:
        return " / ".join(enum.labels().values())
    return "文字"
