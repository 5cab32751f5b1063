"""Terms (学期) of an academic year: "2025-2026-1" is 1 Sep 2025 – end of Feb 2026, "-2" is March – August.

Enrolment status, academic results and the workload report are kept per term; a term's string sorts in
time order, and its label is what people read ("2025-2026学年第一学期").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sync.records.academic import (
    ACADEMIC_YEAR_START_MONTH,
    academic_year_bounds,
    academic_year_of,
    academic_year_starting,
    first_year_of,
    previous_academic_year,
)

_TERM_PATTERN = re.compile(r"^(\d{4})-(\d{4})-([12])$")
SPRING_START_MONTH = 3
_ORDINALS = {1: "第一学期", 2: "第二学期"}


def is_term(text: str) -> bool:
    """Whether ``text`` is a term "YYYY-YYYY-N" of two consecutive years and N = 1 or 2."""
    match = _TERM_PATTERN.match(text)
    return match is not None and int(match.group(2)) == int(match.group(1)) + 1


def parse_term(text: str) -> tuple[str, int]:
    """ "2025-2026-2" -> ("2025-2026", 2); ValueError (Chinese) when it is no term."""
    if not is_term(text):
        raise ValueError(f"学期格式应为“2025-2026-1”（学年-第几学期）：{text}")
    return text[:9], int(text[-1])


def term_of(day: date) -> str:
    """The term a day belongs to: 1 Sep – end of Feb is the first, 1 Mar – 31 Aug the second."""
    half = 1 if day.month >= ACADEMIC_YEAR_START_MONTH or day.month < SPRING_START_MONTH else 2
    return f"{academic_year_of(day)}-{half}"


def current_term() -> str:
    return term_of(date.today())


def term_bounds(term: str) -> tuple[date, date]:
    """First and last day of a term (both inclusive)."""
    year, half = parse_term(term)
    first, last = academic_year_bounds(year)
    spring = date(first_year_of(year) + 1, SPRING_START_MONTH, 1)
    return (first, spring - timedelta(days=1)) if half == 1 else (spring, last)


def next_term(term: str) -> str:
    year, half = parse_term(term)
    return f"{year}-2" if half == 1 else f"{academic_year_starting(first_year_of(year) + 1)}-1"


def previous_term(term: str) -> str:
    year, half = parse_term(term)
    return f"{year}-1" if half == 2 else f"{previous_academic_year(year)}-2"


def term_label(term: str) -> str:
    """ "2025-2026-1" -> "2025-2026学年第一学期"."""
    year, half = parse_term(term)
    return f"{year}学年{_ORDINALS[half]}"
