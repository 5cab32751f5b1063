"""Academic years: "2025-2026" starts on 1 September 2025."""

from __future__ import annotations

from datetime import date

ACADEMIC_YEAR_START_MONTH = 9


def academic_year_starting(first: int) -> str:
    """The academic year that starts in September of ``first``: 2025 -> "2025-2026"."""
    return f"{first}-{first + 1}"


def first_year_of(academic_year: str) -> int:
    """The calendar year an academic year "YYYY-YYYY" starts in: "2025-2026" -> 2025."""
    return int(academic_year[:4])


def academic_year_of(day: date) -> str:
    """The academic year a day belongs to: ``academic_year_of(date(2025, 9, 1)) == "2025-2026"``."""
    return academic_year_starting(day.year if day.month >= ACADEMIC_YEAR_START_MONTH else day.year - 1)


def current_academic_year() -> str:
    """The academic year of today (local date)."""
    return academic_year_of(date.today())


def academic_year_bounds(academic_year: str) -> tuple[date, date]:
    """First and last day of an academic year "YYYY-YYYY" (both inclusive)."""
    first = first_year_of(academic_year)
    return date(first, ACADEMIC_YEAR_START_MONTH, 1), date(first + 1, ACADEMIC_YEAR_START_MONTH - 1, 31)


NEW_STUDENT_WINDOW_MONTH = 6  # a new student's pre-enrolment visits count from 1 June before entry


def new_student_window_start(academic_year: str) -> date:
    """The first day a new student's visit counts for the entering year (1 June before 1 September)."""
    first, _ = academic_year_bounds(academic_year)
    return date(first.year, NEW_STUDENT_WINDOW_MONTH, 1)


# 先家访后认定 refused (the app and the server say the same).
VISIT_FIRST_MESSAGE = (
    "新生须先家访后认定：请先完成一次“认定前核实”家访并填写核实结论，再设定困难等级；"
    "确需例外时，由学生发展支持中心填写例外原因。"
)


def previous_academic_year(academic_year: str) -> str:
    """ "2025-2026" -> "2024-2025"."""
    return academic_year_starting(first_year_of(academic_year) - 1)
