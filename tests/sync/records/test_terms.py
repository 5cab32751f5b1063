from datetime import date

import pytest

from sync.records.terms import (
    is_term,
    next_term,
    parse_term,
    previous_term,
    term_bounds,
    term_label,
    term_of,
)


@pytest.mark.parametrize(
    ("day", "term"),
    [
        (date(2025, 9, 1), "2025-2026-1"),
        (date(2026, 1, 15), "2025-2026-1"),
        (date(2028, 2, 29), "2027-2028-1"),
        (date(2026, 3, 1), "2025-2026-2"),
        (date(2026, 8, 31), "2025-2026-2"),
    ],
)
def test_term_of_a_day(day: date, term: str) -> None:
    assert term_of(day) == term
    first, last = term_bounds(term)
    assert first <= day <= last


def test_bounds_cover_the_year_without_gap() -> None:
    autumn, spring = "2027-2028-1", "2027-2028-2"
    assert term_bounds(autumn) == (date(2027, 9, 1), date(2028, 2, 29))
    assert term_bounds(spring) == (date(2028, 3, 1), date(2028, 8, 31))


def test_neighbours_and_label() -> None:
    assert next_term("2025-2026-1") == "2025-2026-2"
    assert next_term("2025-2026-2") == "2026-2027-1"
    assert previous_term("2026-2027-1") == "2025-2026-2"
    assert previous_term("2025-2026-2") == "2025-2026-1"
    assert term_label("2025-2026-2") == "2025-2026学年第二学期"


@pytest.mark.parametrize("text", ["2025-2027-1", "2025-2026-3", "2025-2026", "2025/2026-1", ""])
def test_what_is_no_term(text: str) -> None:
    assert not is_term(text)
    with pytest.raises(ValueError, match="学期格式"):
        parse_term(text)
