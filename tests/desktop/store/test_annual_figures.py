"""The annual report's figures on the hand-built school (coverage_fixture.py + annual_fixture.py), exact, and
equal to the dashboard's (compute_coverage on the same store) for the year and the two before it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from desktop.store.coverage import CoverageScope, Measure, compute_coverage
from desktop.store.figure_facts import read_needed_facts, read_school_facts
from desktop.store.store import Store
from sync.figures.annual import (
    ANNUAL_FACT_TYPES,
    ANNUAL_NEEDS,
    NO_DEPARTMENT,
    NO_SOURCE,
    SECTION_NEEDS,
    ActivityRow,
    AnnualFigures,
    CountAmount,
    GapFigure,
    ReasonCount,
    WishDelivery,
    annual_figures,
    report_years,
    section_years,
    workload_since,
)
from sync.figures.coverage_report import CoverageReport
from sync.figures.facts import SchoolFacts
from sync.records import HomeVisit, Identification, IdentificationEvaluation
from tests.desktop.store.annual_fixture import add_annual_records
from tests.desktop.store.coverage_fixture import YEAR, School, build_school

TODAY = date(2026, 11, 26)


@pytest.fixture
def school(store: Store) -> School:
    built = build_school(store)
    add_annual_records(store, built)
    return built


def facts_of(store: Store) -> SchoolFacts:
    """What the app reads for the report: only the fields and years the figures need."""
    with store.session() as session:
        return read_needed_facts(session, ANNUAL_NEEDS, report_years(YEAR))


@pytest.mark.parametrize("year", [YEAR, "2027-2028"])
@pytest.mark.parametrize("college", [None, "文学院"])
def test_reading_only_what_is_needed_gives_the_same_figures(
    store: Store, school: School, college: str | None, year: str
) -> None:
    college_id = school.arts.id if college else None
    with store.session() as session:
        every = read_school_facts(session, ANNUAL_FACT_TYPES)
        narrow = read_needed_facts(session, ANNUAL_NEEDS, report_years(year))
    if year == "2027-2028":  # 2025-2026 to 2027-2028: last year's records are not read (every visit is:
        # the workload carries a late entry of a confirmed term into the next open one)
        assert len(narrow.of(Identification)) < len(every.of(Identification))
        assert len(narrow.of(IdentificationEvaluation)) < len(every.of(IdentificationEvaluation))
    assert annual_figures(narrow, year, college_id, include_key_support=True, today=TODAY) == annual_figures(
        every, year, college_id, include_key_support=True, today=TODAY
    )
    with pytest.raises(AttributeError):
        _ = narrow.of(HomeVisit)[0].family_opinions  # a bare record holds only the fields read


def amounts(rows: list[CountAmount]) -> dict[str, tuple[int, int, str]]:
    return {row.label: (row.records, row.students, str(row.amount)) for row in rows if row.records}


def assert_same_as_dashboard(figures: AnnualFigures, reports: list[CoverageReport]) -> None:
    for year, report in zip(figures.coverage.years, reports, strict=True):
        assert year.academic_year == report.academic_year
        assert year.reference_day == report.reference_day
        assert [(f.measure, f.covered, f.total) for f in year.measures] == [
            (m.value, r.covered, r.total) for m, r in report.totals.items()
        ]
    this_year = reports[-1]
    assert [(row.college_id, row.college, row.at_school) for row in figures.coverage.by_college] == [
        (row.key, row.label, row.at_school) for row in this_year.by_college
    ]
    for row, expected in zip(figures.coverage.by_college, this_year.by_college, strict=True):
        assert [(f.measure, f.covered, f.total) for f in row.measures] == [
            (m.value, r.covered, r.total) for m, r in expected.ratios.items()
        ]
    assert figures.coverage.awaiting_visit_first == this_year.awaiting_visit_first
    assert figures.coverage.at_school == this_year.at_school


@pytest.mark.parametrize("key_support", [True, False])
@pytest.mark.parametrize("college", [None, "文学院", "理学院"])
def test_coverage_equals_the_dashboard(
    store: Store, school: School, key_support: bool, college: str | None
) -> None:
    college_id = {None: None, "文学院": school.arts.id, "理学院": school.science.id}[college]
    scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
    figures = annual_figures(facts_of(store), YEAR, college_id, include_key_support=key_support, today=TODAY)
    with store.session() as session:
        reports = [
            compute_coverage(session, year, scope, include_key_support=key_support, today=TODAY)
            for year in ("2023-2024", "2024-2025", YEAR)
        ]
    assert_same_as_dashboard(figures, reports)
    assert figures.scope_label == (college or "全校")


def test_coverage_and_trend_exact(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    years = figures.coverage.years
    assert [y.academic_year for y in years] == ["2023-2024", "2024-2025", YEAR]

    def ratios(index: int) -> dict[str, tuple[int, int]]:
        return {f.measure: (f.covered, f.total) for f in years[index].measures}

    assert ratios(2) == {
        "center": (3, 4),
        "visits": (4, 6),
        "rewards": (3, 6),  # s1, s4 and now s2 (scholarship)
        "archive": (2, 6),
        "mentors": (1, 2),
        "rescue": (1, 2),
    }
    assert ratios(1) == {
        "center": (3, 4),
        "visits": (1, 2),  # s7 visited in October 2024; s6 not
        "rewards": (1, 2),
        "archive": (0, 2),
        "mentors": (0, 1),  # s6: the mentor is no longer active
        "rescue": (0, 1),
    }
    assert ratios(0) == {"center": (3, 4), **dict.fromkeys(("visits", "rewards", "archive"), (0, 0))} | {
        "mentors": (0, 0),
        "rescue": (0, 0),
    }
    assert years[2].reference_day == date(2026, 8, 31)
    gaps = {gap.name: gap.missing for gap in figures.coverage.incomplete_centers}
    assert gaps == {"理学院": ["阵地(地点/房间)", "副主任"]}
    assert (figures.coverage.flags_raised, figures.coverage.flags_resolved, figures.coverage.flags_open) == (
        2,
        1,
        1,
    )


def test_aid_by_item_and_source(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    aid = figures.aid
    assert [row.label for row in aid.by_item][:8] == [
        "绿色通道",
        "生源地信用助学贷款",
        "校园地助学贷款",
        "困难补助",
        "减免学费",
        "勤工助学",
        "奖学金",
        "助学金",
    ]
    assert len(aid.by_item) == 10  # every item listed, even with nothing recorded
    assert amounts(aid.by_item) == {
        "绿色通道": (1, 1, "0.00"),
        "勤工助学": (1, 1, "1200.00"),
        "奖学金": (1, 1, "5000.00"),
        "助学金": (2, 2, "7700.00"),
        "临时困难补助": (1, 1, "800.00"),
    }
    assert [(row.label, row.records, row.students, row.amount) for row in aid.by_source] == [
        ("中央财政", 2, 2, Decimal("4400.00")),
        ("省级财政", 1, 1, Decimal("5000.00")),
        ("学校事业收入", 1, 1, Decimal("1200.00")),
        ("社会捐赠", 1, 1, Decimal("800.00")),
        (NO_SOURCE, 1, 1, Decimal("3300.00")),
    ]
    assert (aid.total.records, aid.total.students, aid.total.amount) == (6, 5, Decimal("14700.00"))


def test_rewards_by_kind(store: Store, school: School) -> None:
    rewards = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY).rewards
    assert amounts(rewards.by_kind) == {
        "奖学金": (1, 1, "2000.00"),
        "公开表彰": (2, 2, "0.00"),
        "研学机会": (1, 1, "500.00"),
    }
    assert (rewards.total.records, rewards.total.students, rewards.total.amount) == (4, 3, Decimal("2500.00"))
    assert (rewards.disadvantaged_rewarded, rewards.disadvantaged) == (3, 6)


def test_wish_delivery(store: Store, school: School) -> None:
    wishes = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY).wishes
    assert wishes.students == 4
    requested = {row.label: row for row in wishes.by_category if row.requested}
    assert requested == {
        "心理困难": WishDelivery("psychological", "心理困难", requested=2, delivered=1, unfulfillable=1),
        "学业困难": WishDelivery("academic", "学业困难", requested=2, delivered=1, in_progress=1),
        "就业困难": WishDelivery("employment", "就业困难", requested=1, pending=1),
    }
    assert [(row.label, row.requested, row.delivered) for row in wishes.by_department] == [
        ("心理健康教育中心", 2, 1),
        ("教务处", 2, 1),
        (NO_DEPARTMENT, 1, 0),
    ]
    assert wishes.total == WishDelivery(
        "total", "合计", requested=5, delivered=2, in_progress=1, pending=1, unfulfillable=1
    )
    assert wishes.total.delivered_percent == 40.0


def test_key_support_entries_and_exits(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    section = figures.key_support
    assert section is not None
    assert (section.active_at_start, section.entered, section.exited, section.active_at_end) == (1, 3, 1, 2)
    mentors = figures.coverage.this_year.figure(Measure.MENTORS)
    assert mentors is not None and section.active_at_end == mentors.total  # #5's population
    entries = {row.reason: row.count for row in section.entries_by_difficulty if row.count}
    assert entries == {"心理困难": 1, "学业困难": 2}
    assert section.exits_by_reason == [ReasonCount("已达成目标", 1)]
    hidden = annual_figures(facts_of(store), YEAR, include_key_support=False, today=TODAY)
    assert hidden.key_support is None
    assert {f.measure for f in hidden.coverage.this_year.measures} == {
        "center",
        "visits",
        "rewards",
        "archive",
    }


def test_a_college(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, school.arts.id, include_key_support=True, today=TODAY)
    assert figures.scope_label == "文学院"
    assert (figures.aid.total.records, figures.aid.total.students, figures.aid.total.amount) == (
        3,
        2,
        Decimal("5600.00"),
    )
    assert figures.wishes.students == 2 and figures.wishes.total.requested == 3
    assert figures.key_support is not None and figures.key_support.exited == 1
    assert [row.college for row in figures.coverage.by_college] == ["文学院"]


def test_json_round_trip(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    text = json.dumps(figures.to_json(), ensure_ascii=False)
    back = AnnualFigures.from_json(json.loads(text))
    assert back == figures
    assert isinstance(back.aid.total.amount, Decimal) and back.reference_day == date(2026, 8, 31)
    assert "张三" not in text and "A001" not in text  # counts only: nobody is named


@pytest.mark.parametrize("key_support", [True, False])
def test_the_laptops_way_gives_the_same_figures(store: Store, school: School, key_support: bool) -> None:
    """The app passes the dashboard's coverage (SQL) and reads only the year's records of the other
    sections: the same figures as the engine computing everything from the records."""
    scope = CoverageScope.college(school.science.id)
    with store.session() as session:
        coverage = [
            compute_coverage(session, year, scope, include_key_support=key_support, today=TODAY)
            for year in report_years(YEAR)
        ]
        sections = read_needed_facts(session, SECTION_NEEDS, section_years(YEAR))
    given = annual_figures(
        sections, YEAR, school.science.id, include_key_support=key_support, today=TODAY, coverage=coverage
    )
    assert given == annual_figures(
        facts_of(store), YEAR, school.science.id, include_key_support=key_support, today=TODAY
    )
    with pytest.raises(ValueError, match="coverage of 2025-2026 given for 2023-2024"):
        annual_figures(
            sections, YEAR, school.science.id, include_key_support=key_support, coverage=coverage[::-1]
        )


def test_academic_gap(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    gap = figures.academic_gap
    assert gap is not None and gap.terms == ["2025-2026-1", "2025-2026-2"]
    rows = {(row.term, row.college, row.grade): row for row in gap.rows}
    assert list(rows) == [
        ("2025-2026-1", "文学院", 2024),
        ("2025-2026-1", "理学院", 2024),
        ("2025-2026-2", "文学院", 2024),
        ("2025-2026-2", "理学院", 2024),
    ]
    science = rows[("2025-2026-1", "理学院", 2024)]
    assert (science.disadvantaged, science.with_results, science.note) == (2, 2, "")
    assert science.gpa == GapFigure(2.8, 3.2, 0.4, -0.2)
    assert science.pass_rate == GapFigure(50.0, 90.0, 40.0, 52.0)
    arts = rows[("2025-2026-1", "文学院", 2024)]
    assert (arts.disadvantaged, arts.with_results) == (3, 3)  # s8 has no grade
    assert arts.gpa == GapFigure(2.9, None, None, None)
    assert arts.pass_rate == GapFigure(66.6667, None, None, None)
    assert arts.note == "学院未录入该学期该年级的基准"
    later = rows[("2025-2026-2", "理学院", 2024)]
    assert later.with_results == 0 and later.note == "困难学生均无该学期成绩；学院未录入该学期该年级的基准"
    one = annual_figures(facts_of(store), YEAR, school.arts.id, include_key_support=True, today=TODAY)
    assert one.academic_gap is not None and {row.college for row in one.academic_gap.rows} == {"文学院"}


def test_workload_totals(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    work = figures.workload
    assert work is not None

    def row(term: str, label: str) -> tuple[int, ...]:
        found = next(r for r in work.rows if r.term == term and r.label == label)
        return (
            found.teachers,
            found.mentees,
            found.mentor_sessions,
            found.mentor_minutes,
            found.rescue_sessions,
            found.case_conferences,
            found.visits,
            found.visit_minutes,
            found.wish_services,
        )

    # 文学院, term 1: 王老师's visits of s1 and s8 and rescue education of s1; 钱导师 mentors s1 (one log)
    assert row("2025-2026-1", "文学院") == (2, 1, 1, 45, 1, 0, 2, 120, 0)
    # 理学院: visits of s4 and s5, the case conference of s6 and s5; 钱导师 mentors s4, 冯导师 s6
    assert row("2025-2026-1", "理学院") == (3, 2, 0, 0, 0, 1, 2, 120, 0)
    assert row("2025-2026-1", "合计") == (3, 3, 1, 45, 1, 1, 4, 240, 0)
    assert row("2025-2026-2", "文学院") == (2, 1, 0, 0, 0, 1, 1, 60, 0)
    assert row("2025-2026-2", "合计") == (3, 3, 0, 0, 0, 1, 1, 60, 0)
    assert next(r for r in work.rows if r.label == "合计").visit_hours == 4.0
    assert [r.label for r in work.rows] == ["文学院", "理学院", "合计"] * 2
    assert "2025-2026-1 文学院" in work.open_colleges  # nothing confirmed yet
    text = json.dumps(figures.to_json(), ensure_ascii=False)
    assert "钱导师" not in text and "王老师" not in text  # totals only: no teacher named


def test_activity_counts(store: Store, school: School) -> None:
    figures = annual_figures(facts_of(store), YEAR, include_key_support=True, today=TODAY)
    activities = figures.activities
    assert activities is not None
    rows = {row.label: row for row in activities.rows}
    assert rows["文学院"] == ActivityRow(rows["文学院"].key, "文学院", 1, 2, 1, 1, 30, 0, Decimal("0"), 0)
    assert rows["理学院"] == ActivityRow(rows["理学院"].key, "理学院", 0, 1, 1, 0, 0, 0, Decimal("0"), 1)
    assert rows["学校（未分学院）"].trainings == 1
    assert activities.total == ActivityRow("total", "合计", 1, 3, 2, 1, 30, 1, Decimal("4.5"), 1)
    one = annual_figures(facts_of(store), YEAR, school.science.id, include_key_support=True, today=TODAY)
    assert one.activities is not None and [row.label for row in one.activities.rows] == ["理学院"]
    assert one.activities.total.research_projects == 1 and one.activities.total.trainings == 0


def test_workload_since_reaches_back_over_confirmed_terms() -> None:
    class Confirmed:
        def __init__(self, term: str) -> None:
            self.term = term

    assert workload_since([], YEAR) == date(2025, 9, 1)
    assert workload_since([Confirmed("2024-2025-1")], YEAR) == date(2025, 9, 1)  # -2 is open
    confirmed = [Confirmed("2024-2025-2"), Confirmed("2024-2025-1")]
    assert workload_since(confirmed, YEAR) == date(2024, 9, 1)
