"""The shared definition of the disadvantaged students of a year (sync/figures/population.py)."""

from __future__ import annotations

from datetime import date

from sync.figures.facts import SchoolFacts
from sync.figures.population import Latest, disadvantaged_students, latest_identification
from sync.records import Identification

YEAR = "2025-2026"


def _ident(level: str | None, year: str = YEAR, day: date | None = None, **fields: object) -> Identification:
    return Identification(student_id="s1", academic_year=year, level=level, identified_on=day, **fields)


def test_latest_by_order() -> None:
    made_first = _ident("difficult", day=date(2025, 10, 1), id="id-1")
    made_last = _ident("not_difficult", day=date(2025, 10, 1), id="id-2")
    later_day = _ident("generally_difficult", day=date(2025, 10, 9))
    # Equal dates, recorded in the other order than made.
    assert latest_identification([made_last, made_first], YEAR, order=Latest.RECORDED) is made_first
    assert latest_identification([made_last, made_first], YEAR, order=Latest.IDENTIFIED) is made_first
    assert latest_identification([made_last, made_first], YEAR, order=Latest.IDENTIFIED_THEN_ID) is made_last
    # A later 认定日期 recorded before an earlier one.
    assert latest_identification([later_day, made_first], YEAR, order=Latest.RECORDED) is made_first
    assert latest_identification([later_day, made_first], YEAR, order=Latest.IDENTIFIED) is later_day
    assert latest_identification([later_day, made_first], YEAR, order=Latest.IDENTIFIED_THEN_ID) is later_day


def test_fall_back_to_previous_year_only_without_one_of_the_year() -> None:
    previous = _ident("difficult", year="2024-2025")
    assert latest_identification([previous], YEAR, order=Latest.IDENTIFIED) is None
    found = latest_identification([previous], YEAR, order=Latest.IDENTIFIED, fall_back_to_previous=True)
    assert found is previous
    this_year = _ident("not_difficult")
    found = latest_identification(
        [previous, this_year], YEAR, order=Latest.IDENTIFIED, fall_back_to_previous=True
    )
    assert found is this_year


def test_awaiting_level() -> None:
    awaiting = Identification(
        student_id="s1", academic_year=YEAR, level=None, visit_before_identification=True
    )
    no_level = Identification(student_id="s2", academic_year=YEAR, level=None)
    identified = Identification(student_id="s3", academic_year=YEAR, level="especially_difficult")
    not_difficult = Identification(student_id="s4", academic_year=YEAR, level="not_difficult")
    facts = SchoolFacts.of_records([awaiting, no_level, identified, not_difficult])
    assert set(disadvantaged_students(facts, YEAR, order=Latest.RECORDED)) == {"s1", "s3"}
    found = disadvantaged_students(facts, YEAR, order=Latest.RECORDED, awaiting_level=False)
    assert found == {"s3": identified}
