"""Cell values typed by people, turned into field values (each parser raises ValueError in Chinese)."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from sync.records.enums import CodedEnum

E = TypeVar("E", bound=CodedEnum)

_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "有"}
_FALSE = {"否", "n", "no", "false", "0", "×", "无", "不是"}
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_LIST_SPLIT = re.compile(r"[、,，;；/|\s]+")
MASK_CHARS = ("*", "＊")


def is_masked(text: str) -> bool:
    """A value exported masked (320102********1234, 138****5678): not a real value to import."""
    return any(char in text for char in MASK_CHARS)


def parse_bool(text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError("应填写“是”或“否”")


def parse_date(text: str) -> date:
    value = text.strip()
    match = _DATE.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        raise ValueError("日期格式不正确，应为 2005-03-01")
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValueError("日期不存在，请核对") from None


def parse_grade(text: str) -> int:
    value = text.strip().removesuffix("级").removesuffix("届")
    if not value.isdigit() or len(value) != 4:
        raise ValueError("年级应为四位年份，例如 2025")
    return int(value)


def parse_choice(enum: type[E], text: str, synonyms: dict[str, str] | None = None) -> E:
    """A coded option by its Chinese label, its code, or a usual synonym."""
    value = text.strip()
    if synonyms and value in synonyms:
        value = synonyms[value]
    for member in enum:
        if value in (member.label, member.value):
            return member
    options = "、".join(member.label for member in enum)
    raise ValueError(f"“{value}”不是有效的选项（可选：{options}）")


def parse_choices(enum: type[E], text: str) -> list[E]:
    items = [item for item in _LIST_SPLIT.split(text.strip()) if item]
    found: list[E] = []
    for item in items:
        member = parse_choice(enum, item)
        if member not in found:
            found.append(member)
    return found
