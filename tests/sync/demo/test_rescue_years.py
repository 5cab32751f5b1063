"""Rescue education (救助性教育) and case conferences (集体教研) exist in every demo academic year.

Measure #6 is computed per academic year; a year without sessions would show 0% for that year.
"""

from __future__ import annotations

from typing import Any

from sync.records import RescueSession, SessionKind
from sync.records.academic import academic_year_bounds, academic_year_of, previous_academic_year
from tests.sync.demo.conftest import TODAY


def _last_three_years() -> list[str]:
    current = academic_year_of(TODAY)
    earlier = previous_academic_year(current)
    return [previous_academic_year(earlier), earlier, current]


def test_every_one_of_the_last_three_years_has_rescue_sessions(by_type: dict[str, list[Any]]) -> None:
    sessions: list[RescueSession] = by_type["rescue_session"]
    for year in _last_three_years():
        kinds = {s.kind for s in sessions if academic_year_of(s.session_date) == year}
        assert kinds == {SessionKind.RESCUE_EDUCATION, SessionKind.CASE_CONFERENCE}, year


def test_previous_year_rescue_coverage_is_realistic(by_type: dict[str, list[Any]]) -> None:
    """Key-support students of last year (supported on its last day) mostly had a session in it."""
    year = previous_academic_year(academic_year_of(TODAY))
    first, last = academic_year_bounds(year)
    supported = {
        k.student_id
        for k in by_type["key_support"]
        if k.started_on <= last and (k.exited_on is None or k.exited_on >= last)
    }
    discussed = {
        sid for s in by_type["rescue_session"] if first <= s.session_date <= last for sid in s.student_ids
    }
    assert supported
    assert 0.6 < len(supported & discussed) / len(supported) < 1.0


def test_sessions_are_never_before_the_support_started(by_type: dict[str, list[Any]]) -> None:
    started = {k.student_id: k.started_on for k in by_type["key_support"]}
    for session in by_type["rescue_session"]:
        for sid in session.student_ids:
            assert session.session_date >= started[sid]
