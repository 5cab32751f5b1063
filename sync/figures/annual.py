"""The figures of the annual report (年度发展型资助育人工作报告) for one academic year, for a college or the
whole school: plain, JSON-serialisable dataclasses computed from ``SchoolFacts`` alone, so the laptop (from
its store) and the center's server (from its records) produce the same report.

    figures = annual_figures(facts, "2025-2026", college_id=None, include_key_support=True)
    figures.coverage.years[-1].measures      # the six coverages, as the dashboard shows them
    AnnualFigures.from_json(figures.to_json()) == figures

Sections: the six coverages with their trend (the year and the two before) and the per-college breakdown
(the same engine as the dashboard: ``sync.figures.coverage``); aid by item (八位一体 and 临时困难补助) and by
funding source; growth rewards by kind; wish-list delivery per category and providing department; key
support entered and left during the year, with the reasons (center roles only); the academic gap of the
year's terms (``academic_gap``), the workload totals per college and term (``workload``, no teacher named)
and the year's activity counts (``activity_counts``). Counts only: no student is named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sync.figures.academic_gap import GAP_RECORDS, academic_gap
from sync.figures.activity_counts import ACTIVITY_FACTS, ActivityCounts, activity_counts
from sync.figures.coverage import COVERAGE_NEEDS, FACT_TYPES, coverage_of
from sync.figures.coverage_report import CoverageReport, CoverageScope, Measure, Ratio
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs, merged
from sync.figures.plain_json import plain_of, to_plain
from sync.figures.watch_list import WatchReason, watch_list
from sync.figures.workload import WORKLOAD_RECORDS, workloads
from sync.records import (
    FUNDING_SOURCES,
    AcademicResult,
    AidType,
    College,
    CollegeAcademicBenchmark,
    DifficultyType,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    IdentificationEvaluation,
    IntegrityActivity,
    KeySupport,
    Mentor,
    MentorAssignment,
    OneToOneTalk,
    Record,
    RescueSession,
    ResearchProject,
    RewardKind,
    StaffTraining,
    Student,
    SupportLogEntry,
    User,
    WishCatalogItem,
    WishSelection,
    WishStatus,
    WorkloadConfirmation,
    WorkloadKind,
    academic_year_bounds,
    previous_academic_year,
)
from sync.records.support import COLLECTIVE_REVIEW
from sync.records.terms import previous_term, term_bounds

# Every record type the annual figures read, and what of each (a reader may fetch only this).
ANNUAL_FACT_TYPES: tuple[type[Record], ...] = tuple(
    dict.fromkeys(
        (*FACT_TYPES, WishCatalogItem, WishSelection, *GAP_RECORDS, *WORKLOAD_RECORDS, *ACTIVITY_FACTS)
    )
)
# What the academic gap (学业差距) reads: the identifications of the report's year and the one before (a
# reader asks for both years), every academic result and benchmark (a term is no academic year field).
GAP_NEEDS: dict[type[Record], Needs] = {
    Student: Needs(("college_id", "grade")),
    Identification: Needs(
        ("student_id", "academic_year", "identified_on", "level", "visit_before_identification"),
        year_field="academic_year",
    ),
    AcademicResult: Needs(("student_id", "term", "gpa", "failed_courses")),
    CollegeAcademicBenchmark: Needs(
        ("college_id", "term", "grade", "median_gpa", "pass_rate", "student_count")
    ),
}
# What the workload totals (工作量) read. An activity dated before the year still counts in it when the terms
# after its own are confirmed (a late entry is carried into the next open term): a reader narrows the dated
# ones from ``workload_since`` (or earlier), not from the year's first day.
WORKLOAD_NEEDS: dict[type[Record], Needs] = {
    College: Needs(("name",)),
    User: Needs(("name", "staff_no", "role", "college_id")),
    Mentor: Needs(("user_id", "name", "staff_no")),
    Student: Needs(("college_id",)),
    MentorAssignment: Needs(("student_id", "mentor_id", "from_date", "to_date")),
    SupportLogEntry: Needs(
        ("mentor_id", "student_id", "log_date", "duration_minutes", "form"), date_field="log_date"
    ),
    RescueSession: Needs(
        ("college_id", "student_ids", "participants", "session_date", "kind"), date_field="session_date"
    ),
    HomeVisit: Needs(
        (
            "student_id",
            "status",
            "visit_date",
            "visitors",
            "recorded_by_id",
            "duration_minutes",
            "mode",
            "category",
        ),
        date_field="visit_date",
    ),
    WishCatalogItem: Needs(("service_item",)),
    WishSelection: Needs(("student_id", "status", "completed_on", "responsible_person", "item_ids")),
    WorkloadConfirmation: Needs(("college_id", "term", "confirmed_on", "items")),
}
# What the activity counts (资助育人活动) read.
ACTIVITY_NEEDS: dict[type[Record], Needs] = {
    College: Needs(("name",)),
    Student: Needs(("college_id",)),
    IdentificationEvaluation: Needs(("college_id", "academic_year"), year_field="academic_year"),
    OneToOneTalk: Needs(("student_id", "talked_on"), date_field="talked_on"),
    IntegrityActivity: Needs(("college_id", "held_on", "participants"), date_field="held_on"),
    StaffTraining: Needs(("college_id", "held_on", "hours"), date_field="held_on"),
    ResearchProject: Needs(("college_id", "started_on", "status", "concluded_on")),
}
# What the sections other than the coverages read, of the report's year and the one before (a reader
# asks for ``section_years(academic_year)``).
SECTION_NEEDS: dict[type[Record], Needs] = merged(
    {
        Student: Needs(("college_id",)),
        College: Needs(("name",)),
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
    GAP_NEEDS,
    WORKLOAD_NEEDS,
    ACTIVITY_NEEDS,
)
ANNUAL_NEEDS: dict[type[Record], Needs] = merged(COVERAGE_NEEDS, SECTION_NEEDS)


# The types read for the year before too (the academic gap's population a year earlier).
TWO_YEAR_TYPES: tuple[type[Record], ...] = (Identification,)


def workload_since(confirmations: Iterable[Any], academic_year: str) -> date:
    """The earliest day an activity counted in the year's terms can be dated: the first day of the year, or
    of an earlier term when every term from it to the year is confirmed (by any college): a late entry of a
    confirmed term is counted in the next open one. ``confirmations``: ``WorkloadConfirmation`` records
    (their ``term``)."""
    confirmed = {c.term for c in confirmations}
    term = f"{academic_year}-1"
    while previous_term(term) in confirmed:
        term = previous_term(term)
    return term_bounds(term)[0]


def section_years(academic_year: str) -> list[str]:
    """The years whose records the sections read: the one before (the academic gap's a year earlier) and
    the report's year."""
    return [previous_academic_year(academic_year), academic_year]


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


WATCH_LABELS: dict[WatchReason, str] = {
    WatchReason.SUSPENDED: "休学",
    WatchReason.WITHDRAWN: "退学",
    WatchReason.APPLIED_SUSPENSION: "休学申请中",
    WatchReason.APPLIED_WITHDRAWAL: "退学申请中",
    WatchReason.UNREVIEWED_WITHDRAWAL: "退学未经个案评议",
    WatchReason.FAILED_COURSES: "不及格课程达到预警线",
    WatchReason.PSYCH_FLAG: "心理/生活异常反馈久未解决",
}


@dataclass
class WatchSection:
    """一个不失学: the watch list on the reference day, as counts (nobody named)."""

    day: date
    total: int
    by_reason: list[ReasonCount]  # a student listed for two reasons counts under both
    by_college: list[ReasonCount]


@dataclass
class GapFigure:
    """One figure of a gap row: the disadvantaged students', the college's benchmark, the gap (college −
    disadvantaged) and its change since the same term a year earlier (None: not computable)."""

    disadvantaged: float | None
    college: float | None
    gap: float | None
    change: float | None


@dataclass
class GapRow:
    """学业差距 of one term, college and grade (``sync.figures.academic_gap``); nobody named."""

    term: str
    college_id: str
    college: str
    grade: int
    disadvantaged: int  # the population
    with_results: int
    gpa: GapFigure  # median GPA
    pass_rate: GapFigure  # in %, gaps in percentage points
    note: str  # why a figure is missing


@dataclass
class AcademicGapSection:
    terms: list[str]  # the year's two terms
    rows: list[GapRow]  # by term, college and grade


@dataclass
class WorkloadTotals:
    """工作量 totals of one college (or the school) in one term: no teacher named."""

    term: str
    key: str  # the college id, NO_COLLEGE_KEY, or "total"
    label: str
    teachers: int = 0  # teachers with any activity counted
    mentees: int = 0
    mentor_sessions: int = 0
    mentor_minutes: int = 0
    rescue_sessions: int = 0
    case_conferences: int = 0
    visits: int = 0
    visit_minutes: int = 0
    wish_services: int = 0

    @property
    def visit_hours(self) -> float:
        return round(self.visit_minutes / 60, 1)


@dataclass
class WorkloadSection:
    terms: list[str]
    rows: list[WorkloadTotals]  # per term: each college, then the total
    open_colleges: list[str]  # "<term> <college>" whose term is not confirmed yet (figures may change)


@dataclass
class ActivityRow:
    """资助育人活动 of one college (or the school's own, or the total) in the year."""

    key: str
    label: str
    evaluations: int = 0  # 民主测评
    talks: int = 0  # 个别交流
    talk_students: int = 0
    integrity_activities: int = 0  # 诚信教育
    integrity_participants: int = 0
    trainings: int = 0  # 培训
    training_hours: Decimal = Decimal("0")
    research_projects: int = 0  # 专项研究


@dataclass
class ActivitySection:
    rows: list[ActivityRow]  # each college, then the school's own activities
    total: ActivityRow


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
    watch: WatchSection | None = None  # when the watch list's records were given
    academic_gap: AcademicGapSection | None = None
    workload: WorkloadSection | None = None
    activities: ActivitySection | None = None

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
    coverage: Sequence[CoverageReport] | None = None,
    watch_facts: SchoolFacts | None = None,
) -> AnnualFigures:
    """The annual report's figures for a college (``college_id``) or the school (None).

    ``include_key_support``: coverages #5-#6 (as the dashboard shows them to the role);
    ``key_support_section``: key support entered and left (default: the same; the center roles only).
    ``progress(done, total)`` is called after each step (a caller may raise from it to stop).
    ``coverage``: the coverage reports of ``report_years(academic_year)`` when the caller has them already
    (the laptop's dashboard computes the same figures from its store with SQL; tests/desktop/store/
    test_coverage_reference.py holds the two equal); else they are computed from ``facts``, which must then
    hold what ``COVERAGE_NEEDS`` names (``SECTION_NEEDS`` is enough otherwise).
    ``watch_facts``: the records of ``watch_list.WATCH_RECORDS`` (the 一个不失学 section is left out without)."""
    with_section = include_key_support if key_support_section is None else key_support_section
    steps = 8

    def step(done: int) -> None:
        if progress is not None:
            progress(done, steps)

    colleges = {college.id: college.name for college in facts.of(College)}
    scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
    years = report_years(academic_year)
    reports: list[CoverageReport] = []
    for done, year in enumerate(years, start=1):
        if coverage is not None:
            given = coverage[done - 1]
            if (given.academic_year, given.scope, given.include_key_support) != (
                year,
                scope,
                include_key_support,
            ):
                raise ValueError(f"coverage of {given.academic_year} given for {year}")
            reports.append(given)
        else:
            reports.append(
                coverage_of(facts, year, scope, include_key_support=include_key_support, today=today)
            )
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
    gap = _academic_gap(facts, academic_year, college_id, colleges)
    work = _workload(facts, academic_year, college_id, colleges)
    activities = _activities(facts, academic_year, college_id, colleges)
    step(8)
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
        watch=None
        if watch_facts is None
        else _watch(watch_facts, report.reference_day, college_id, colleges),
        academic_gap=gap,
        workload=work,
        activities=activities,
    )


NO_COLLEGE = "（未分配学院）"
NO_COLLEGE_KEY = "none"
SCHOOL_OWN = "学校（未分学院）"


def year_terms(academic_year: str) -> list[str]:
    return [f"{academic_year}-1", f"{academic_year}-2"]


def _academic_gap(
    facts: SchoolFacts, academic_year: str, college_id: str | None, colleges: dict[str, str]
) -> AcademicGapSection:
    terms = year_terms(academic_year)
    rows = [
        GapRow(
            cell.term,
            cell.college_id,
            colleges.get(cell.college_id, ""),
            cell.grade,
            cell.disadvantaged,
            cell.with_results,
            GapFigure(cell.gpa.disadvantaged, cell.gpa.college, cell.gpa.gap, cell.gpa.change),
            GapFigure(
                cell.pass_rate.disadvantaged,
                cell.pass_rate.college,
                cell.pass_rate.gap,
                cell.pass_rate.change,
            ),
            cell.note,
        )
        for term in terms
        for cell in academic_gap(facts, term, college_id)
    ]
    return AcademicGapSection(terms, rows)


def _workload(
    facts: SchoolFacts, academic_year: str, college_id: str | None, colleges: dict[str, str]
) -> WorkloadSection:
    """Per term: the school's workload (one computation) summed per college of each activity."""
    terms = year_terms(academic_year)
    rows: list[WorkloadTotals] = []
    open_colleges: list[str] = []
    for term, report in zip(terms, workloads(facts, terms, college_id), strict=True):
        by_college: dict[str, WorkloadTotals] = {}
        teachers: dict[str, set[str]] = {}
        total = WorkloadTotals(term, "total", "合计")
        for row in report.teachers:
            for c in row.activities:
                key = c.college_id or NO_COLLEGE_KEY
                label = colleges.get(c.college_id, "") if c.college_id else NO_COLLEGE
                here = by_college.setdefault(key, WorkloadTotals(term, key, label))
                teachers.setdefault(key, set()).add(row.teacher.id)
                for totals in (here, total):
                    _add_work(totals, c.kind, c.count, c.minutes)
        for key, totals in by_college.items():
            totals.teachers = len(teachers[key])
        total.teachers = len(report.teachers)
        rows.extend(sorted(by_college.values(), key=lambda r: (r.key == NO_COLLEGE_KEY, r.label, r.key)))
        rows.append(total)
        open_colleges.extend(f"{term} {colleges.get(c, c)}" for c in report.open_colleges)
    return WorkloadSection(terms, rows, open_colleges)


def _add_work(totals: WorkloadTotals, kind: WorkloadKind, count: int, minutes: int) -> None:
    if kind is WorkloadKind.MENTEE:
        totals.mentees += count
    elif kind is WorkloadKind.MENTOR_SESSION:
        totals.mentor_sessions += count
        totals.mentor_minutes += minutes
    elif kind is WorkloadKind.RESCUE_EDUCATION:
        totals.rescue_sessions += count
    elif kind is WorkloadKind.CASE_CONFERENCE:
        totals.case_conferences += count
    elif kind is WorkloadKind.HOME_VISIT:
        totals.visits += count
        totals.visit_minutes += minutes
    else:
        totals.wish_services += count


def _activities(
    facts: SchoolFacts, academic_year: str, college_id: str | None, colleges: dict[str, str]
) -> ActivitySection:
    table = activity_counts(facts, academic_year, college_id)

    def row(counts: ActivityCounts, key: str, label: str) -> ActivityRow:
        return ActivityRow(
            key,
            label,
            counts.evaluations,
            counts.talks,
            counts.talk_students,
            counts.integrity_activities,
            counts.integrity_participants,
            counts.trainings,
            counts.training_hours,
            counts.research_projects,
        )

    rows = [
        row(
            counts,
            counts.college_id or NO_COLLEGE_KEY,
            colleges.get(counts.college_id or "", "") or NO_COLLEGE,
        )
        for counts in table.colleges
    ]
    if college_id is None:
        rows.append(row(table.school, "school", SCHOOL_OWN))
    return ActivitySection(rows, row(table.total, "total", "合计"))


def _watch(facts: SchoolFacts, day: date, college_id: str | None, colleges: dict[str, str]) -> WatchSection:
    entries = [e for e in watch_list(facts, day) if college_id is None or e.college_id == college_id]
    reasons = Counter(kind for entry in entries for kind in entry.kinds)
    by_college = Counter(colleges.get(entry.college_id or "", "") or "（未分配学院）" for entry in entries)
    return WatchSection(
        day,
        len(entries),
        [ReasonCount(label, reasons[kind]) for kind, label in WATCH_LABELS.items()],
        [
            ReasonCount(name, n)
            for name, n in sorted(by_college.items(), key=lambda item: (-item[1], item[0]))
        ],
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
