"""One generated demo school shared by the tests of this package (generated once per session)."""

from __future__ import annotations

from datetime import date

import pytest

from sync.demo import DemoGenerator
from sync.records import Record

# A fixed day in the past: the records' "not in the future" validators use the real date.
TODAY = date(2025, 11, 20)
STUDENTS = 900
SEED = 11


@pytest.fixture(scope="session")
def demo_records() -> list[Record]:
    generator = DemoGenerator(students=STUDENTS, today=TODAY, seed=SEED)
    return [record for chunk in generator.chunks(500) for record in chunk]


@pytest.fixture(scope="session")
def by_type(demo_records: list[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in demo_records:
        grouped.setdefault(record.RECORD_TYPE, []).append(record)
    return grouped
