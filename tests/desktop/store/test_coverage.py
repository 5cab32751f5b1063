"""The six coverages against a hand-computed school (tests/desktop/store/coverage_fixture.py)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.store.coverage import (
    CoverageScope,
    KeySupportHidden,
    Measure,
    Ratio,
    college_centers,
    compute_coverage,
    missing_students,
    reference_day,
)
from desktop.store.store import Store
from tests.desktop.store.coverage_fixture import YEAR, School, build_school

TODAY = date(2026, 11, 26)


@pytest.fixture
def school(store: Store) -> School:
    return build_school(store)


def test_school_totals(store: Store, school: School) -> None:
    with store.session() as s:
        report = compute_coverage(s, YEAR, include_key_support=True, today=TODAY)
    assert report.reference_day == date(2026, 8, 31)
    assert report.totals == {
        # 文学院, 艺术学院 and the school (理学院 has no site or deputy; 旧学院 is inactive)
        Measure.CENTER: Ratio(3, 4),
        Measure.VISITS: Ratio(4, 6),  # s1 (online), s2, s4 (before mid-year identification), s8
        Measure.REWARDS: Ratio(2, 6),  # s1, s4
        # s1 (aid decision), s4 (aid record); s7's visit and reward were last year's
        Measure.ARCHIVE: Ratio(2, 6),
        # key support: s1, s4 (s2 exited; s6 is not disadvantaged this year); s4's assignment ended
        Measure.MENTORS: Ratio(1, 2),
        Measure.RESCUE: Ratio(1, 2),  # s1 (both kinds); s4's conference was last year
    }
    assert report.awaiting_visit_first == 1  # s3
    assert report.flags.open == 1
    assert report.flags.resolved_this_year == 1
    assert report.flags.raised_this_year == 2


def test_breakdowns(store: Store, school: School) -> None:
    with store.session() as s:
        report = compute_coverage(s, YEAR, include_key_support=True, today=TODAY)
    colleges = {row.label: row.ratios for row in report.by_college}
    assert set(colleges) == {"文学院", "理学院", "艺术学院"}
    assert colleges["文学院"][Measure.CENTER] == Ratio(1, 1)
    assert colleges["文学院"][Measure.VISITS] == Ratio(3, 4)
    assert colleges["文学院"][Measure.MENTORS] == Ratio(1, 1)
    assert colleges["理学院"][Measure.CENTER] == Ratio(0, 1)
    assert colleges["理学院"][Measure.ARCHIVE] == Ratio(1, 2)
    assert colleges["理学院"][Measure.MENTORS] == Ratio(0, 1)
    assert colleges["理学院"][Measure.RESCUE] == Ratio(0, 1)
    assert colleges["艺术学院"][Measure.VISITS] == Ratio(0, 0)
    counselors = {row.label: row.ratios for row in report.by_counselor}
    assert counselors["王老师"][Measure.REWARDS] == Ratio(1, 4)
    assert counselors["李老师"][Measure.VISITS] == Ratio(1, 2)
    classes = {(row.college, row.label): row.ratios for row in report.by_class}
    assert classes[("文学院", "中文2502")][Measure.VISITS] == Ratio(1, 2)
    assert classes[("理学院", "物理2501")][Measure.RESCUE] == Ratio(0, 1)  # s4
    assert ("理学院", "物理2502") not in classes  # s6: key support open but not disadvantaged this year


def test_key_support_hidden_when_role_may_not_see_it(store: Store, school: School) -> None:
    with store.session() as s:
        report = compute_coverage(s, YEAR, include_key_support=False, today=TODAY)
        assert Measure.MENTORS not in report.totals
        assert all(Measure.RESCUE not in row.ratios for row in report.by_class)
        with pytest.raises(KeySupportHidden):
            missing_students(s, YEAR, None, Measure.MENTORS, include_key_support=False)
    assert "mentors" not in report.to_json()["totals"]


def test_scopes_and_empty_scope(store: Store, school: School) -> None:
    with store.session() as s:
        counselor = compute_coverage(
            s, YEAR, CoverageScope.counselor(school.wang.id), include_key_support=True, today=TODAY
        )
        empty = compute_coverage(s, YEAR, CoverageScope.college(school.empty.id), include_key_support=True)
        college = compute_coverage(
            s, YEAR, CoverageScope.college(school.science.id), include_key_support=True
        )
    assert counselor.totals[Measure.VISITS] == Ratio(3, 4)
    assert counselor.totals[Measure.CENTER] == Ratio(1, 1)  # the counselor's college
    assert empty.totals[Measure.VISITS] == Ratio(0, 0)
    assert empty.totals[Measure.VISITS].percent is None
    assert empty.totals[Measure.VISITS].text() == "—"
    assert empty.totals[Measure.CENTER] == Ratio(1, 1)
    assert empty.by_counselor == [] and empty.by_class == []
    assert college.totals[Measure.ARCHIVE] == Ratio(1, 2)
    assert college.totals[Measure.CENTER] == Ratio(0, 1)


def test_other_year_and_empty_store(store: Store) -> None:
    with store.session() as s:
        report = compute_coverage(s, "2025-2026", include_key_support=True)
    # the school's own center is always in the denominator at school scope (not recorded yet: 0/1)
    assert report.totals.pop(Measure.CENTER) == Ratio(0, 1)
    assert all(ratio == Ratio(0, 0) for ratio in report.totals.values())
    assert report.to_json()["totals"]["visits"]["percent"] is None


def test_key_support_exit_counts_until_exit(store: Store, school: School) -> None:
    """While s2's key support was running (April 2026), s2 counted; after the exit it does not."""
    with store.session() as s:
        april = compute_coverage(s, YEAR, include_key_support=True, today=date(2026, 4, 10))
    assert april.reference_day == date(2026, 4, 10)
    # s1 (mentor), s2 (no mentor), s4 (a psychology mentor for an academic need, no reason recorded)
    assert april.totals[Measure.MENTORS] == Ratio(1, 3)


def test_drill_down_order(store: Store, school: School) -> None:
    with store.session() as s:
        visits = missing_students(s, YEAR, None, Measure.VISITS, include_key_support=False)
        rewards = missing_students(s, YEAR, None, Measure.REWARDS, include_key_support=False)
        arts_only = missing_students(
            s, YEAR, None, Measure.VISITS, include_key_support=False, college_id=school.arts.id
        )
        mentors = missing_students(s, YEAR, None, Measure.MENTORS, include_key_support=True, today=TODAY)
        by_class = missing_students(
            s, YEAR, None, Measure.REWARDS, include_key_support=False, class_name="物理2501"
        )
        limited = missing_students(s, YEAR, None, Measure.REWARDS, include_key_support=False, limit=2)
    assert [m.student_no for m in visits] == ["A003", "B004"]
    assert visits[0].visit_first and not visits[1].visit_first
    assert visits[0].college == "文学院" and visits[0].counselor == "王老师"
    # 先家访后认定 without a visit first, then new students, then by 学号
    assert [m.student_no for m in rewards] == ["A003", "A004", "A002", "B004"]
    assert [m.student_no for m in arts_only] == ["A003"]
    assert [m.student_no for m in mentors] == ["B001"]
    assert mentors[0].missing_parts == ("无在岗育人导师",)
    assert [m.student_no for m in by_class] == ["B004"]
    assert [m.student_no for m in limited] == ["A003", "A004"]


def test_college_centers(store: Store, school: School) -> None:
    with store.session() as s:
        centers = {c.name: (c.has_center, c.missing) for c in college_centers(s)}
    assert centers == {
        "文学院": (True, ()),
        "理学院": (False, ("阵地(地点/房间)", "副主任")),
        "艺术学院": (True, ()),
        "学校学生发展支持中心": (True, ()),
    }


def test_reference_day() -> None:
    assert reference_day("2025-2026", date(2026, 11, 26)) == date(2026, 8, 31)
    assert reference_day("2026-2027", date(2026, 11, 26)) == date(2026, 11, 26)
    assert reference_day("2027-2028", date(2026, 11, 26)) == date(2027, 9, 1)


def test_json_has_no_personal_data(store: Store, school: School) -> None:
    with store.session() as s:
        data = compute_coverage(s, YEAR, include_key_support=True, today=TODAY).to_json()
    text = str(data)
    assert "张三" not in text and "A001" not in text
    assert data["totals"]["visits"] == {"label": "家访全覆盖", "covered": 4, "total": 6, "percent": 66.7}
