"""The generator works for any "today": the first day of an academic year, mid-year, its last day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sync.demo import generate
from sync.records import academic_year_of


@pytest.mark.parametrize(
    "today",
    [
        date(2025, 9, 1),
        date(2025, 9, 6),
        date(2025, 10, 15),
        date(2026, 1, 15),
        date(2025, 6, 30),
        date(2025, 8, 31),
    ],
)
def test_valid_records_and_nothing_after_today(today: date) -> None:
    records = [record for chunk in generate(students=150, today=today, seed=4) for record in chunk]
    assert sum(record.RECORD_TYPE == "student" for record in records) == 150
    years = set()
    for record in records:
        assert type(record).model_validate(record.model_dump()) == record
        for _, value in record:
            day = value.date() if isinstance(value, datetime) else value
            if isinstance(day, date):
                assert day <= today
        if record.RECORD_TYPE == "identification":
            years.add(record.academic_year)  # type: ignore[attr-defined]
    assert academic_year_of(today) in years
