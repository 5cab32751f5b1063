"""公示: five working days (Monday to Friday), the working days left, and an objection's resolution."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from sync.records import NoticeObjection, ObjectionResult, PublicNotice, add_working_days, working_days_left

MONDAY = date(2025, 10, 13)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (MONDAY, date(2025, 10, 17)),  # Monday → Friday
        (date(2025, 10, 15), date(2025, 10, 21)),  # Wednesday → next Tuesday, over the weekend
        (date(2025, 10, 17), date(2025, 10, 23)),  # Friday → next Thursday
        (date(2025, 10, 18), date(2025, 10, 24)),  # a Saturday start begins on Monday
        (date(2025, 12, 29), date(2026, 1, 2)),  # over the new year (public holidays are not known)
    ],
)
def test_five_working_days(start: date, end: date) -> None:
    assert add_working_days(start, 5) == end


def test_one_working_day_and_none() -> None:
    assert add_working_days(date(2025, 10, 19), 1) == date(2025, 10, 20)
    with pytest.raises(ValueError, match="至少"):
        add_working_days(MONDAY, 0)


def test_working_days_left() -> None:
    friday = date(2025, 10, 17)
    assert working_days_left(MONDAY, friday) == 5
    assert working_days_left(date(2025, 10, 16), friday) == 2  # Thursday and Friday
    assert working_days_left(friday, friday) == 1
    assert working_days_left(date(2025, 10, 18), friday) == 0
    assert working_days_left(date(2025, 10, 11), date(2025, 10, 14)) == 2  # a weekend counts nothing


def test_a_notice_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="不能早于开始日期"):
        PublicNotice(academic_year="2025-2026", title="公示", published_on=MONDAY, ends_on=date(2025, 10, 10))


def test_a_resolved_objection_has_a_result_a_date_and_a_resolution() -> None:
    base = {"notice_id": "n", "received_on": MONDAY, "summary": "有异议"}
    assert not NoticeObjection(**base).resolved
    with pytest.raises(ValidationError, match="处理日期"):
        NoticeObjection(**base, result=ObjectionResult.UPHELD, resolution="维持")
    with pytest.raises(ValidationError, match="处理意见"):
        NoticeObjection(**base, result=ObjectionResult.UPHELD, resolved_on=MONDAY)
    with pytest.raises(ValidationError, match="不能早于受理日期"):
        NoticeObjection(**base, result="revoked", resolution="撤销", resolved_on=date(2025, 10, 1))
    done = NoticeObjection(**base, result="corrected", resolution="更正专业", resolved_on=date(2025, 10, 14))
    assert done.resolved and done.result is ObjectionResult.CORRECTED
