"""Reading rosters and assignment lists from CSV or XLSX files typed by people.

Headers may be the field name (``student_no``) or its Chinese title (``学号``); coded values may be the
code or the Chinese label (``男``).  The 学院 column takes a college name or code, 辅导员 a user name.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sync.records import Student
from sync.records.enums import CodedEnum


class RosterError(ValueError):
    """A Chinese message naming the row and column, never the cell's personal content."""


def read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV (UTF-8, with or without BOM) or XLSX file as header -> text."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        sheet = book.active
        if sheet is None:
            return
        rows = sheet.iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
        for values in rows:
            cells = ["" if value is None else str(value).strip() for value in values]
            if any(cells):
                yield dict(zip(header, cells, strict=False))
        book.close()
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            cleaned = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
            if any(cleaned.values()):
                yield cleaned


def _field_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name, info in Student.model_fields.items():
        names[name] = name
        if info.title:
            names[info.title] = name
    return names


def _enum_of(annotation: Any) -> type[CodedEnum] | None:
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, CodedEnum):
            return candidate
    return None


def student_fields(row: dict[str, str], line: int) -> dict[str, Any]:
    """Map one roster row to Student fields (college and counselor left as given, resolved later)."""
    names = _field_names()
    fields: dict[str, Any] = {}
    for header, text in row.items():
        name = names.get(header)
        if name is None or name == "id" or text == "":
            continue
        enum = _enum_of(Student.model_fields[name].annotation)
        if enum is not None:
            try:
                fields[name] = enum(text).value if text in enum.labels() else enum.from_label(text).value
            except ValueError:
                raise RosterError(f"第 {line} 行“{header}”列的取值无效") from None
        elif name in ("grade",):
            if not text.isdigit():
                raise RosterError(f"第 {line} 行“{header}”列应为年份")
            fields[name] = int(text)
        elif name == "is_new_student":
            fields[name] = text in ("是", "true", "1", "yes", "Y")
        else:
            fields[name] = text
    if "student_no" not in fields or "name" not in fields:
        raise RosterError(f"第 {line} 行缺少学号或姓名")
    return fields


def check_unique_numbers(rows: list[tuple[int, dict[str, Any]]]) -> None:
    """学号 is unique per school: a roster naming one number on two lines is refused, naming both lines."""
    first: dict[str, int] = {}
    for line, fields in rows:
        number = fields.get("student_no")
        if not number:
            continue
        if number in first:
            raise RosterError(f"第 {line} 行的学号 {number} 与第 {first[number]} 行重复，学号须全校唯一")
        first[number] = line
