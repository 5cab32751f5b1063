"""The coverage figures as the center's server serves them (``GET /figures/coverage``) and an aggregate-only
laptop keeps them: the totals whole, the breakdowns by college and by grade with small counts hidden
(``suppression``), never a student's name or id.

    figures = serve_coverage(facts, "2025-2026", college_id=None, seq=812, now=datetime.now(UTC))
    figures.totals["visits"].covered            # as compute_coverage's totals
    figures.by_college[0].measures["visits"]    # Shown cell: "<5", "*" or the count
    figures.report()                            # a CoverageReport of the totals (the dashboard's cards)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from sync.figures.coverage import YearFacts, assemble, coverage_of, year_facts
from sync.figures.coverage_report import (
    KEY_SUPPORT_MEASURES,
    MEASURE_RULES,
    STUDENT_MEASURES,
    BreakdownRow,
    CollegeCenter,
    CoverageReport,
    CoverageScope,
    FlagCounts,
    Measure,
    Ratio,
)
from sync.figures.facts import SchoolFacts
from sync.figures.suppression import HIDDEN, SMALL, THRESHOLD, Count, Shown, suppress_breakdown
from sync.records import College, MonitoringFlag, Record, SchoolCenter, Student, User

NO_GRADE = "（未填写年级）"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ShownCell(_Model):
    """One measure of one breakdown row: a count is null where hidden; the texts say "<5" or "*"."""

    covered: int | None
    total: int | None
    covered_text: str
    total_text: str
    percent: float | None


class TotalCell(_Model):
    label: str
    covered: int
    total: int
    percent: float | None


class ServedRow(_Model):
    key: str
    label: str
    measures: dict[str, ShownCell]


class CenterState(_Model):
    id: str
    name: str
    school: bool
    missing: list[str]


class FlagFigures(_Model):
    open: int
    in_progress: int
    resolved_this_year: int
    raised_this_year: int


class SuppressionRule(_Model):
    threshold: int = THRESHOLD
    small: str = SMALL
    hidden: str = HIDDEN


class CoverageFigures(_Model):
    """``GET /figures/coverage``: the six coverages of a year for the school or one college."""

    kind: Literal["coverage"] = "coverage"
    academic_year: str
    college_id: str | None
    college: str
    computed_at: datetime
    seq: int  # the change sequence the figures were computed at
    reference_day: date
    key_support_included: bool
    totals: dict[str, TotalCell]
    by_college: list[ServedRow]
    by_grade: list[ServedRow]
    monitoring_flags: FlagFigures
    awaiting_visit_first: int
    at_school: int
    centers: list[CenterState]
    rules: dict[str, str]
    suppression: SuppressionRule = SuppressionRule()

    def report(self) -> CoverageReport:
        """The totals as the dashboard's report (no breakdown by counselor or class: those stay on the
        server; the breakdown by college is ``by_college``, its cells as served)."""
        scope = CoverageScope.college(self.college_id) if self.college_id else CoverageScope.school()
        return CoverageReport(
            academic_year=self.academic_year,
            scope=scope,
            reference_day=self.reference_day,
            include_key_support=self.key_support_included,
            totals={Measure(name): Ratio(cell.covered, cell.total) for name, cell in self.totals.items()},
            by_college=[],
            by_counselor=[],
            by_class=[],
            flags=FlagCounts(**self.monitoring_flags.model_dump()),
            awaiting_visit_first=self.awaiting_visit_first,
            at_school=self.at_school,
            centers=[
                CollegeCenter(c.id, c.name, not c.missing, tuple(c.missing), is_school=c.school)
                for c in self.centers
            ],
        )


def _cell(shown: Shown) -> ShownCell:
    return ShownCell(**shown.to_json())


def _whole(ratio: Ratio) -> ShownCell:
    """A cell that counts no students (a college's support center, #1): shown as it is."""
    return ShownCell(
        covered=ratio.covered,
        total=ratio.total,
        covered_text=str(ratio.covered),
        total_text=str(ratio.total),
        percent=None if ratio.percent is None else round(ratio.percent, 1),
    )


def _suppressed_rows(rows: list[tuple[str, str, dict[Measure, Ratio]]]) -> list[ServedRow]:
    """Rows (key, label, ratios) with each student measure's column suppressed across the rows."""
    measures = {measure for _, _, ratios in rows for measure in ratios}
    shown: dict[Measure, dict[str, Shown]] = {
        measure: suppress_breakdown(
            {key: Count(r.covered, r.total) for key, _, ratios in rows if (r := ratios.get(measure))}
        )
        for measure in measures
        if measure is not Measure.CENTER
    }
    served = []
    for key, label, ratios in rows:
        cells = {
            measure.value: _whole(ratio) if measure is Measure.CENTER else _cell(shown[measure][key])
            for measure, ratio in ratios.items()
        }
        served.append(ServedRow(key=key, label=label, measures=cells))
    return served


def _grade_rows(
    grades: Mapping[int | None, frozenset[str]], year: YearFacts
) -> list[tuple[str, str, dict[Measure, Ratio]]]:
    """Each grade's ratios of the student and key-support measures (grades with no one counted left out)."""
    rows = []
    for grade in sorted(grades, key=lambda g: (g is None, g or 0)):
        ids = grades[grade]
        ratios: dict[Measure, Ratio] = {}
        for measure in (*STUDENT_MEASURES, *KEY_SUPPORT_MEASURES):
            population = year.key_population if measure in KEY_SUPPORT_MEASURES else year.population
            counted = population & ids
            ratios[measure] = Ratio(len(counted & year.covered(measure)), len(counted))
        if any(ratio.total for ratio in ratios.values()):
            key, label = ("", NO_GRADE) if grade is None else (str(grade), f"{grade}级")
            rows.append((key, label, ratios))
    return rows


# What the support centers (#1), the monitoring flags and the grades read.
FRAME_TYPES: tuple[type[Record], ...] = (College, SchoolCenter, User, MonitoringFlag, Student)


@dataclass(frozen=True)
class Frame:
    """What the figures of a year and scope take from the records of ``FRAME_TYPES`` only: the support
    centers and the monitoring flags (as the engine computes them) and the students in scope by grade.
    A server keeps it until one of those types changes."""

    centers: list[CollegeCenter]
    flags: FlagCounts
    grades: dict[int | None, frozenset[str]]


def frame_of(facts: SchoolFacts, academic_year: str, scope: CoverageScope, today: date | None) -> Frame:
    light = SchoolFacts({cls.RECORD_TYPE: facts.of(cls) for cls in FRAME_TYPES})
    report = coverage_of(light, academic_year, scope, include_key_support=False, today=today)
    grades: dict[int | None, set[str]] = {}
    for student in facts.of(Student):
        if scope.college_id is None or student.college_id == scope.college_id:
            grades.setdefault(student.grade, set()).add(student.id)
    return Frame(report.centers, report.flags, {grade: frozenset(ids) for grade, ids in grades.items()})


def coverage_with_year(
    facts: SchoolFacts, academic_year: str, scope: CoverageScope, today: date | None, frame: Frame
) -> tuple[CoverageReport, YearFacts]:
    """``coverage_of`` (key support included) and the year's sets it was counted from, computing the
    sets once (the centers and flags come from the frame)."""
    year = year_facts(facts, academic_year, scope, include_key_support=True, today=today)
    report = assemble(
        year,
        academic_year,
        scope,
        include_key_support=True,
        today=today,
        centers=frame.centers,
        college_names={college.id: college.name for college in facts.of(College)},
        counselor_names={user.id: user.name for user in facts.of(User)},
        flags=frame.flags,
    )
    return report, year


def _total(measure: Measure, ratio: Ratio) -> TotalCell:
    percent = None if ratio.percent is None else round(ratio.percent, 1)
    return TotalCell(label=measure.label, covered=ratio.covered, total=ratio.total, percent=percent)


def _college_row(row: BreakdownRow) -> tuple[str, str, dict[Measure, Ratio]]:
    return row.key, row.label, row.ratios


def serve_coverage(
    facts: SchoolFacts,
    academic_year: str,
    *,
    college_id: str | None,
    seq: int,
    now: datetime,
    today: date | None = None,
    frame: Frame | None = None,
) -> CoverageFigures:
    """The served figures of the school (``college_id`` None) or one college; key-support figures are
    included (only the center roles are served). ``frame``: ``frame_of`` the same records, if kept."""
    scope = CoverageScope.college(college_id) if college_id else CoverageScope.school()
    frame = frame or frame_of(facts, academic_year, scope, today)
    report, year = coverage_with_year(facts, academic_year, scope, today, frame)
    by_college = [] if college_id else [_college_row(row) for row in report.by_college]
    college_name = facts.by_id(College).get(college_id or "") if college_id else None
    return CoverageFigures(
        academic_year=academic_year,
        college_id=college_id,
        college=college_name.name if college_name is not None else "",
        computed_at=now,
        seq=seq,
        reference_day=report.reference_day,
        key_support_included=True,
        totals={measure.value: _total(measure, ratio) for measure, ratio in report.totals.items()},
        by_college=_suppressed_rows(by_college),
        by_grade=_suppressed_rows(_grade_rows(frame.grades, year)),
        monitoring_flags=FlagFigures(
            open=report.flags.open,
            in_progress=report.flags.in_progress,
            resolved_this_year=report.flags.resolved_this_year,
            raised_this_year=report.flags.raised_this_year,
        ),
        awaiting_visit_first=report.awaiting_visit_first,
        at_school=report.at_school,
        centers=[
            CenterState(id=c.id, name=c.name, school=c.is_school, missing=list(c.missing))
            for c in report.centers
        ],
        rules={measure.value: MEASURE_RULES[measure] for measure in report.totals},
    )


def serve_annual(annual: dict[str, Any]) -> dict[str, Any]:
    """The annual report's figures (``AnnualFigures.to_json()``) as the center serves them: the breakdown
    of the coverages by college with small counts hidden (as ``by_college`` above); the rest are totals
    of the school or the college, shown whole. Each breakdown cell gains ``covered_text``,
    ``total_text`` and ``percent``; a hidden count is null."""
    served = dict(annual)
    coverage = dict(served["coverage"])
    rows = coverage["by_college"]
    ratios = [
        (
            row["college_id"],
            row["college"],
            {Measure(m["measure"]): Ratio(m["covered"], m["total"]) for m in row["measures"]},
        )
        for row in rows
    ]
    shown = {row.key: row for row in _suppressed_rows(ratios)}
    coverage["by_college"] = [
        {
            **row,
            "measures": [
                {
                    "measure": m["measure"],
                    "label": m["label"],
                    **shown[row["college_id"]].measures[m["measure"]].model_dump(),
                }
                for m in row["measures"]
            ],
        }
        for row in rows
    ]
    served["coverage"] = coverage
    served["suppression"] = SuppressionRule().model_dump()
    return served
