"""Safe names for exported PDFs.

A file name is seen by anyone who looks at the screen, a shared folder or an e-mail attachment, so
(DOMAIN.md, privacy and dignity):

- it names the student by 学号 only, never by name: a name next to "家访" could single the student out
  to a bystander, while the 学号 is enough for the counselor to find the file;
- it never carries an ID number, a phone number or a word such as 贫困 / 困难 / 低保 (those are removed
  even from text the user typed, e.g. a class name used for a combined file);
- it is valid on Windows, macOS and Linux (no reserved characters or device names, bounded length).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from desktop.reports.page_frame import DocumentInfo
from sync.records.students import Student

SENSITIVE_WORDS = (
    "家庭经济困难",
    "经济困难",
    "贫困",
    "困难",
    "特困",
    "低保",
    "孤儿",
    "残疾",
    "建档立卡",
    "重点帮扶",
    "帮扶对象",
    "受助",
)
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_WINDOWS_DEVICES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
MAX_STEM = 80

VISIT_PREFIX = "家访记录"
ARCHIVE_PREFIX = "成长档案"
BLANK_PREFIX = "家访记录表"


def clean_part(text: str) -> str:
    """User text made safe for a file name: no sensitive words, numbers or reserved characters."""
    text = unicodedata.normalize("NFC", text)
    text = _ID_NUMBER.sub("", text)
    text = _MOBILE.sub("", text)
    for word in SENSITIVE_WORDS:
        text = text.replace(word, "")
    text = _RESERVED.sub("_", text)
    text = re.sub(r"\s+", "_", text.strip())
    text = re.sub(r"_+", "_", text)
    return text.strip("._ ")


def _join(*parts: str, suffix: str = ".pdf") -> str:
    stem = "_".join(part for part in (clean_part(p) for p in parts) if part)
    stem = stem[:MAX_STEM].rstrip("._ ") or "导出"
    if stem.split(".")[0].upper() in _WINDOWS_DEVICES:
        stem = f"_{stem}"
    return stem + suffix


def student_label(student: Student) -> str:
    """The 学号, unless the school uses ID numbers as 学号: then a short record id instead."""
    number = student.student_no
    if _ID_NUMBER.search(number) or _MOBILE.search(number):
        return f"S{student.id.replace('-', '')[-10:]}"
    return number


def _day(value: date) -> str:
    return f"{value:%Y%m%d}"


def visit_file_name(student: Student, visit_dates: Sequence[date]) -> str:
    """家访记录_2024071234_20250310.pdf (one visit) or …_20240910-20250310.pdf (several)."""
    if not visit_dates:
        return _join(VISIT_PREFIX, student_label(student))
    first, last = min(visit_dates), max(visit_dates)
    span = _day(first) if first == last else f"{_day(first)}-{_day(last)}"
    return _join(VISIT_PREFIX, student_label(student), span)


def archive_file_name(student: Student, on: date | None = None) -> str:
    """成长档案_2024071234_20250321.pdf"""
    return _join(ARCHIVE_PREFIX, student_label(student), _day(on or date.today()))


def blank_form_file_name(student: Student | None = None) -> str:
    """家访记录表_空白.pdf or 家访记录表_2024071234_空白.pdf"""
    return _join(BLANK_PREFIX, student_label(student) if student else "", "空白")


def combined_file_name(kind_prefix: str, scope: str, start: date | None, end: date | None) -> str:
    """家访记录_机电2401班_20240901-20250831.pdf (scope is a class / college / counselor label)."""
    span = ""
    if start or end:
        span = f"{_day(start) if start else ''}-{_day(end) if end else ''}"
    return _join(kind_prefix, scope, span)


def is_safe_file_name(name: str) -> bool:
    """True when a name has no sensitive word, ID number, phone number or reserved character."""
    if any(word in name for word in SENSITIVE_WORDS):
        return False
    if _ID_NUMBER.search(name) or _MOBILE.search(name) or _RESERVED.search(name):
        return False
    return bool(name) and name not in (".", "..")


def document_info(prefix: str, *parts: str, keywords: Sequence[str] = ()) -> DocumentInfo:
    """Neutral PDF metadata: ``家访记录 2301000017 2026-12-04`` (sensitive words and numbers removed,
    as in file names), never the printed title."""
    words = [w for w in (clean_part(p) for p in (prefix, *parts)) if w]
    tags = [w for w in (clean_part(k) for k in keywords) if w]
    return DocumentInfo(" ".join(words), subject=clean_part(prefix), keywords=" ".join(tags))


def student_document_info(prefix: str, student: Student | None, day: date | None = None) -> DocumentInfo:
    return document_info(prefix, student_label(student) if student else "", f"{day:%Y-%m-%d}" if day else "")
