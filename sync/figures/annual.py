"""The figures of the annual report (年度发展型资助育人工作报告) for one academic year, for a college or the
whole school: plain, JSON-serialisable dataclasses computed from ``SchoolFacts`` alone, so the laptop (from
its store) and the center's server (from its records) produce the same report.

    figures = annual_figures(facts, "2025-2026", college_id=None, include_key_support=True)
    figures.coverage.years[-1].measures      # the six coverages, as the dashboard shows them
    AnnualFigures.from_json(figures.to_json()) == figures

Sections: the six coverages with their trend (the year and the two before) and the per-college breakdown
(the same engine as the dashboard: ``sync.figures.coverage``); aid by item (八位一体 and 临时困难补助) and by
funding source; growth rewards by kind; wish-list delivery per category and providing department; key
support entered and left during the year, with the reasons (center roles only). Counts only: no student
is named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sync.figures.coverage import COVERAGE_NEEDS, FACT_TYPES, coverage_of
from sync.figures.coverage_report import CoverageReport, CoverageScope, Measure, Ratio
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs, merged
from sync.figures.plain_json import plain_of, to_plain
from sync.records import (
    FUNDING_SOURCES,
    AidType,
    College,
    DifficultyType,
    GrowthReward,
    GuaranteeAid,
    KeySupport,
    Record,
    RewardKind,
    WishCatalogItem,
    WishSelection,
    WishStatus,
    academic_year_bounds,
    previous_academic_year,
)
from sync.records.support import COLLECTIVE_REVIEW

# Every record type the annual figures read, and what of each (a reader may fetch only this).
ANNUAL_FACT_TYPES: tuple[type[Record], ...] = (*FACT_TYPES, WishCatalogItem, WishSelection)
ANNUAL_NEEDS: dict[type[Record], Needs] = merged(
    COVERAGE_NEEDS,
    {
        GuaranteeAid: Needs(
            ("student_id", "academic_year", "aid_type", "amount", "funding_source"),
            year_field="academic_year",
        ),
        GrowthReward: Needs(("student_id", "academic_year", "kind", "value"), year_field="academic_year"),
        KeySupport: Needs(("student_id", "started_on", "exited_on", "difficulty_types", "exit_review")),
        WishCatalogItem: Needs(("category", "provider_department")),
        WishSelection: Needs(
            ("student_id", "academic_year", "item_ids", "status"), year_field="academic_year"
        ),
    },
)


def report_years(academic_year: str) -> list[str]:
    """The years a report reads: the two before ``academic_year`` and itself, oldest first."""
    years = [academic_year]
    while len(years) < TREND_YEARS:
        years.insert(0, previous_academic_year(years[0]))
    return years


SCHOOL_LABEL = "全校"
TREND_YEARS = 3  # the report's year and the two before it
NO_SOURCE = "（未填写资金来源）"
NO_DEPARTMENT = "（未填写提供部门）"
NO_EXIT_REVIEW = "（未记录退出评议）"


@dataclass
class MeasureFigure:
    """One coverage: covered of total (``percent`` None when there is nobody to cover)."""

    measure: str  # Measure value
    label: str
    covered: int
    total: int

    @property
    def percent(self) -> float | None:
        return None if self.total == 0 else 100.0 * self.covered / self.total

    @classmethod
    def of(cls, measure: Measure, ratio: Ratio) -> MeasureFigure:
        return cls(measure.value, measure.label, ratio.covered, ratio.total)


@dataclass
class YearCoverage:
    academic_year: str
    reference_day: date
    measures: list[MeasureFigure]

    def figure(self, measure: Measure | str) -> MeasureFigure | None:
        code = measure.value if isinstance(measure, Measure) else measure
        return next((m for m in self.measures if m.measure == code), None)


@dataclass
class CollegeCoverage:
    """A college's row of the dashboard's breakdown."""

    college_id: str
    college: str
    measures: list[MeasureFigure]
    at_school: int


@dataclass
class CenterGap:
    """A support center not counted for #1, and what it lacks."""

    name: str
    missing: list[str]


@dataclass
class CoverageSection:
    years: list[YearCoverage]  # oldest first; the report's year is the last
    by_college: list[CollegeCoverage]  # the report's year
    awaiting_visit_first: int
    at_school: int
    flags_open: int
    flags_in_progress: int
    flags_resolved: int
    flags_raised: int
    incomplete_centers: list[CenterGap]

    @property
    def this_year(self) -> YearCoverage:
        return self.years[-1]


@dataclass
class CountAmount:
    """Records, distinct students and their amount (yuan) under one heading."""

    key: str
    label: str
    records: int = 0
    students: int = 0
    amount: Decimal = Decimal("0.00")


@dataclass
class AidSection:
    by_item: list[CountAmount]  # every aid type, in the order of AidType (八位一体, then 临时困难补助)
    by_source: list[CountAmount]
    total: CountAmount


@dataclass
class RewardSection:
    by_kind: list[CountAmount]  # every reward kind (amount: the recorded value)
    total: CountAmount
    disadvantaged_rewarded: int  # #3's numerator, for the sentence next to the table
    disadvantaged: int


@dataclass
class WishDelivery:
    """Wishes asked (one per item chosen on a wish list of the year) and how far they got."""

    key: str
    label: str
    requested: int = 0
    delivered: int = 0  # 已完成
    in_progress: int = 0  # 已对接 / 进行中
    pending: int = 0  # 待受理
    unfulfillable: int = 0  # 无法满足

    @property
    def delivered_percent(self) -> float | None:
        return None if self.requested == 0 else 100.0 * self.delivered / self.requested


@dataclass
class WishSection:
    students: int  # students with a wish list of the year
    by_category: list[WishDelivery]
    by_department: list[WishDelivery]
    total: WishDelivery


@dataclass
class ReasonCount:
    reason: str
    count: int


@dataclass
class KeySupportSection:
    """Key support during the year (restricted: center roles only)."""

    active_at_start: int
    entered: int
    exited: int
    active_at_end: int  # the key-support students of the year on the reference day (#5's population)
    entries_by_difficulty: list[ReasonCount]  # a student with two difficulties counts under both
    exits_by_reason: list[ReasonCount]


@dataclass
class AnnualFigures:
    academic_year: str
    college_id: str | None
    scope_label: str  # the college's name, or 全校
    reference_day: date
    include_key_support: bool
    coverage: CoverageSection
    aid: AidSection
    rewards: RewardSection
    wishes: WishSection
    key_support: KeySupportSection | None = None  # center roles only

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = to_plain(self)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AnnualFigures:
        return plain_of(cls, data)


def annual_figures(
    facts: SchoolFacts,
    academic_year: str,
    college_id: str | None = None,
    *,
    include_key_support: bool,
    key_support_section: bool | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AnnualFigures:
    """The annual report's figures for a college (``college_id``) or the school (None).

    ``include_key_support``: coverages #5-#6 (as the dashboard shows them to the role);
    ``key_support_section``: key support entered and left (default: the same; the center roles only).
    ``progress(done, total)`` is called after each step (a caller may raise from it to stop)."""
    with_section = include_key_support if key_support_section is None else key_support_section
    steps = 7

    def step(done: int) -> None:
        if progress is not None:
            progress(done, steps)

    colleges = {college.id: college.name for college in facts.of(College)}
    scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
    years = report_years(academic_year)
    reports: list[CoverageReport] = []
    for done, year in enumerate(years, start=1):
        reports.append(coverage_of(facts, year, scope, include_key_support=include_key_support, today=today))
        step(done)
    students = {s.id for s in facts.students_of_college(college_id)}
    report = reports[-1]
    aid = _aid(facts, academic_year, students)
    step(4)
    rewards = _rewards(facts, academic_year, students, report)
    step(5)
    wishes = _wishes(facts, academic_year, students)
    step(6)
    key_support = _key_support(facts, academic_year, students, report) if with_section else None
    step(7)
    return AnnualFigures(
        academic_year=academic_year,
        college_id=college_id,
        scope_label=colleges.get(college_id, "") if college_id else SCHOOL_LABEL,
        reference_day=report.reference_day,
        include_key_support=include_key_support,
        coverage=_coverage(reports),
        aid=aid,
        rewards=rewards,
        wishes=wishes,
        key_support=key_support,
    )


def _coverage(reports: Sequence[CoverageReport]) -> CoverageSection:
    report = reports[-1]
    years = [
        YearCoverage(
            r.academic_year, r.reference_day, [MeasureFigure.of(m, ratio) for m, ratio in r.totals.items()]
        )
        for r in reports
    ]
    by_college = [
        CollegeCoverage(
            row.key,
            row.label,
            [MeasureFigure.of(m, ratio) for m, ratio in row.ratios.items()],
            row.at_school,
        )
        for row in report.by_college
    ]
    return CoverageSection(
        years=years,
        by_college=by_college,
        awaiting_visit_first=report.awaiting_visit_first,
        at_school=report.at_school,
        flags_open=report.flags.open,
        flags_in_progress=report.flags.in_progress,
        flags_resolved=report.flags.resolved_this_year,
        flags_raised=report.flags.raised_this_year,
        incomplete_centers=[CenterGap(c.name, list(c.missing)) for c in report.centers if not c.has_center],
    )


Row = tuple[str, str, Decimal | None]  # (heading key, student id, amount)


def _count(rows: Iterable[Row], headings: dict[str, str]) -> dict[str, CountAmount]:
    """Rows summed per heading; every heading listed, even empty, then the others as they come."""
    found = {key: CountAmount(key, label) for key, label in headings.items()}
    students: dict[str, set[str]] = {}
    for key, student_id, amount in rows:
        if key not in found:
            found[key] = CountAmount(key, key)
        entry = found[key]
        entry.records += 1
        entry.amount += amount or Decimal("0")
        students.setdefault(key, set()).add(student_id)
    for key, entry in found.items():
        entry.students = len(students.get(key, ()))
    return found


def _total(rows: Sequence[Row]) -> CountAmount:
    return CountAmount(
        "total",
        "合计",
        len(rows),
        len({student for _key, student, _amount in rows}),
        sum((amount or Decimal("0") for _k, _s, amount in rows), Decimal("0.00")),
    )


def _aid(facts: SchoolFacts, academic_year: str, students: set[str]) -> AidSection:
    records = [
        a for a in facts.of(GuaranteeAid) if a.academic_year == academic_year and a.student_id in students
    ]
    items = [(a.aid_type.value, a.student_id, a.amount) for a in records]
    by_item = _count(items, {t.value: t.label for t in AidType})
    sources = [(a.funding_source.strip() or NO_SOURCE, a.student_id, a.amount) for a in records]
    order = {name: index for index, name in enumerate(FUNDING_SOURCES)}
    by_source = sorted(
        _count(sources, {}).values(), key=lambda e: (e.key == NO_SOURCE, order.get(e.key, len(order)), e.key)
    )
    return AidSection(list(by_item.values()), by_source, _total(items))


def _rewards(
    facts: SchoolFacts, academic_year: str, students: set[str], report: CoverageReport
) -> RewardSection:
    records = [
        r for r in facts.of(GrowthReward) if r.academic_year == academic_year and r.student_id in students
    ]
    rows = [(r.kind.value, r.student_id, r.value) for r in records]
    by_kind = _count(rows, {kind.value: kind.label for kind in RewardKind})
    rewarded = report.totals.get(Measure.REWARDS, Ratio(0, 0))
    return RewardSection(list(by_kind.values()), _total(rows), rewarded.covered, rewarded.total)


def _wishes(facts: SchoolFacts, academic_year: str, students: set[str]) -> WishSection:
    items = facts.by_id(WishCatalogItem)
    by_category = {kind: WishDelivery(kind.value, kind.label) for kind in DifficultyType}
    by_department: dict[str, WishDelivery] = {}
    total = WishDelivery("total", "合计")
    asked: set[str] = set()
    for selection in facts.of(WishSelection):
        if selection.academic_year != academic_year or selection.student_id not in students:
            continue
        asked.add(selection.student_id)
        for item_id in selection.item_ids:
            item = items.get(item_id)
            department = (item.provider_department.strip() if item else "") or NO_DEPARTMENT
            rows = [total, by_department.setdefault(department, WishDelivery(department, department))]
            if item is not None:
                rows.append(by_category[item.category])
            for row in rows:
                _tally(row, selection.status)
    departments = sorted(
        by_department.values(), key=lambda row: (row.key == NO_DEPARTMENT, -row.requested, row.key)
    )
    return WishSection(len(asked), list(by_category.values()), departments, total)


def _tally(row: WishDelivery, status: WishStatus) -> None:
    row.requested += 1
    if status is WishStatus.COMPLETED:
        row.delivered += 1
    elif status in (WishStatus.MATCHED, WishStatus.IN_PROGRESS):
        row.in_progress += 1
    elif status is WishStatus.PENDING:
        row.pending += 1
    else:
        row.unfulfillable += 1


def _exit_reason(support: KeySupport) -> str:
    review = support.exit_review
    if review is None:
        return NO_EXIT_REVIEW
    if review.method and review.method != COLLECTIVE_REVIEW:
        return review.method  # e.g. 认定为不困难 (ended by the app with the identification)
    return review.conclusion or review.method


def _key_support(
    facts: SchoolFacts, academic_year: str, students: set[str], report: CoverageReport
) -> KeySupportSection:
    first, last = academic_year_bounds(academic_year)
    ref = report.reference_day
    supports = [k for k in facts.of(KeySupport) if k.student_id in students]

    def active(support: KeySupport, day: date) -> bool:
        return support.started_on <= day and (support.exited_on is None or support.exited_on >= day)

    entered = [k for k in supports if first <= k.started_on <= ref]
    exited = [k for k in supports if k.exited_on is not None and first <= k.exited_on <= min(last, ref)]
    difficulties = Counter(kind for k in entered for kind in k.difficulty_types)
    reasons = Counter(_exit_reason(k) for k in exited)
    return KeySupportSection(
        active_at_start=sum(active(k, first) for k in supports),
        entered=len(entered),
        exited=len(exited),
        active_at_end=report.totals.get(Measure.MENTORS, Ratio(0, 0)).total,
        entries_by_difficulty=[ReasonCount(kind.label, difficulties[kind]) for kind in DifficultyType],
        exits_by_reason=[
            ReasonCount(r, n) for r, n in sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
        ],
    )
