"""The six full coverages (六个全覆盖) of DOMAIN.md for a scope and an academic year.

    report = compute_coverage(session, "2025-2026", CoverageScope.school(), include_key_support=True)
    report.totals[Measure.VISITS]          # Ratio(covered=812, total=950)
    missing_students(session, "2025-2026", CoverageScope.school(), Measure.VISITS)

Computed from the year's facts (coverage_facts.py: who has which part, as sets of student ids read
with a few set-based queries), counted per (college, counselor, class) and summed up into the three
breakdowns; the drill-down lists the students of the same sets, so figures and lists always agree. docs/coverage.md is the exact rule of each measure
(the policy's words, population, numerator, time window, worked example); ``MEASURE_RULES`` is its
one-line form shown next to each figure, and a drill-down row says which part a student lacks.

Key-support figures are restricted: they are computed only when the caller says the role may see them.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date

from sqlalchemy import text

from desktop.store.coverage_facts import (
    read_year_facts,
    year_params,
)
from desktop.store.repositories.session import StoreSession
from sync.figures.coverage import CenterInput, assemble, missing_order, scope_centers
from sync.figures.coverage_report import (
    EMPTY,
    KEY_SUPPORT_MEASURES,
    MEASURE_RULES,
    SCHOOL_CENTER_NAME,
    STUDENT_MEASURES,
    BreakdownRow,
    CollegeCenter,
    CoverageReport,
    CoverageScope,
    FlagCounts,
    KeySupportHidden,
    Measure,
    MissingStudent,
    Ratio,
    ScopeKind,
    reference_day,
)
from sync.records import center_missing
from sync.records.enums import FlagStatus

# The shapes and rules live in sync.figures (the server computes the same figures); imported from here too.
__all__ = [
    "EMPTY",
    "KEY_SUPPORT_MEASURES",
    "MEASURE_RULES",
    "SCHOOL_CENTER_NAME",
    "STUDENT_MEASURES",
    "BreakdownRow",
    "CollegeCenter",
    "CoverageReport",
    "CoverageScope",
    "FlagCounts",
    "KeySupportHidden",
    "Measure",
    "MissingStudent",
    "Ratio",
    "ScopeKind",
    "college_centers",
    "compute_coverage",
    "flag_counts",
    "missing_students",
    "reference_day",
    "school_center",
]


def compute_coverage(
    session: StoreSession,
    academic_year: str,
    scope: CoverageScope | None = None,
    *,
    include_key_support: bool,
    today: date | None = None,
) -> CoverageReport:
    """The six coverages with their breakdowns by college, counselor and class."""
    scope = scope or CoverageScope.school()
    facts = read_year_facts(
        session,
        academic_year,
        scope.college_id,
        scope.counselor_id,
        include_key_support=include_key_support,
        today=today,
    )
    return assemble(
        facts,
        academic_year,
        scope,
        include_key_support=include_key_support,
        today=today,
        centers=college_centers(session, scope),
        college_names={college.id: college.name for college in _all_colleges(session)},
        counselor_names=_counselor_names(session),
        flags=flag_counts(session, academic_year, facts.students),
    )


def _names(value: str | None) -> list[str]:
    names = json.loads(value) if value else []
    return [str(name) for name in names] if isinstance(names, list) else []


def _all_colleges(session: StoreSession) -> list[CenterInput]:
    rows = session.db.execute(
        text(
            "SELECT id, name, active, center_site, center_director, center_deputies FROM college "
            "WHERE deleted = 0 ORDER BY name"
        )
    )
    return [
        CenterInput(
            row.id,
            row.name,
            tuple(center_missing(row.center_site, row.center_director, _names(row.center_deputies))),
            bool(row.active),
        )
        for row in rows
    ]


def school_center(session: StoreSession) -> CollegeCenter:
    """The school-level center (#1 counts it with the colleges at school scope)."""
    row = session.db.execute(
        text(
            "SELECT id, name, site, director, deputies FROM school_center WHERE deleted = 0 "
            "ORDER BY created_at LIMIT 1"
        )
    ).first()
    if row is None:
        missing = tuple(center_missing("", "", []))
        return CollegeCenter("", SCHOOL_CENTER_NAME, False, missing, is_school=True)
    missing = tuple(center_missing(row.site, row.director, _names(row.deputies)))
    return CollegeCenter(row.id, row.name or SCHOOL_CENTER_NAME, not missing, missing, is_school=True)


def college_centers(session: StoreSession, scope: CoverageScope | None = None) -> list[CollegeCenter]:
    """Coverage #1 in scope: the active colleges' centers (and the school's, at school scope), each with
    whether it counts (site, director and at least one deputy recorded) and what it lacks."""
    scope = scope or CoverageScope.school()
    counselor_college = None
    if scope.college_id is None and scope.counselor_id is not None:
        counselor_college = session.db.execute(
            text("SELECT college_id FROM user WHERE id = :id"), {"id": scope.counselor_id}
        ).scalar()
    return scope_centers(_all_colleges(session), school_center(session), scope, counselor_college)


def _counselor_names(session: StoreSession) -> dict[str, str]:
    return {row.id: row.name for row in session.db.execute(text("SELECT id, name FROM user"))}


def flag_counts(session: StoreSession, academic_year: str, students: Collection[str]) -> FlagCounts:
    """Monitoring flags of the students in scope (``students``, their ids): open now, and raised /
    resolved during the year. Read from ix_monitoring_flag_counts (a few rows per student at most)."""
    params = year_params(academic_year, None)
    params.update(done=FlagStatus.RESOLVED.value)
    rows = session.db.execute(
        text(
            "SELECT student_id, status, "
            "status = :done AND resolved_on >= :first AND resolved_on <= :last AS resolved, "
            "raised_on >= :first AND raised_on <= :last AS raised "
            "FROM monitoring_flag INDEXED BY ix_monitoring_flag_counts WHERE deleted = 0"
        ),
        params,
    )
    # (status, resolved this year, raised this year) of each flag in scope, as plain tuples
    flags = [tuple(row[1:]) for row in rows if row[0] in students]
    return FlagCounts(
        open=sum(status == FlagStatus.OPEN.value for status, _, _ in flags),
        in_progress=sum(status == FlagStatus.IN_PROGRESS.value for status, _, _ in flags),
        resolved_this_year=sum(bool(resolved) for _, resolved, _ in flags),
        raised_this_year=sum(bool(raised) for _, _, raised in flags),
    )


# The columns a drill-down list shows, read from the wide student rows of the listed students only.
_LISTED = """
SELECT s.id, s.student_no, s.name, s.origin_place, s.class_name, s.is_new_student,
       c.name AS college, u.name AS counselor
FROM json_each(:ids) j CROSS JOIN student s ON s.id = j.value
LEFT JOIN college c ON c.id = s.college_id LEFT JOIN user u ON u.id = s.counselor_id"""


def missing_students(
    session: StoreSession,
    academic_year: str,
    scope: CoverageScope | None,
    measure: Measure,
    *,
    include_key_support: bool,
    college_id: str | None = None,
    counselor_id: str | None = None,
    class_name: str | None = None,
    limit: int | None = None,
    today: date | None = None,
) -> list[MissingStudent]:
    """The students still missing a measure: 先家访后认定 new students with no visit first, then new
    students, then by 学号. ``college_id`` / ``counselor_id`` / ``class_name`` narrow to a breakdown row.
    """
    if measure is Measure.CENTER:
        raise ValueError("支持中心覆盖按学院统计，请使用 college_centers()")
    if measure in KEY_SUPPORT_MEASURES and not include_key_support:
        raise KeySupportHidden()
    scope = scope or CoverageScope.school()
    key_measure = measure in KEY_SUPPORT_MEASURES
    facts = read_year_facts(
        session,
        academic_year,
        scope.college_id,
        scope.counselor_id,
        include_key_support=key_measure,
        today=today,
    )
    missing, visit_first = facts.missing(measure, college_id, counselor_id, class_name)
    order = missing_order(visit_first)
    rows = sorted(
        session.db.execute(text(_LISTED), {"ids": json.dumps(sorted(missing))}),
        key=lambda row: order(row.id, bool(row.is_new_student), row.student_no),
    )
    if limit is not None:
        rows = rows[: max(limit, 0)]
    return [
        MissingStudent(
            id=row.id,
            student_no=row.student_no,
            name=row.name,
            college=row.college or "",
            class_name=row.class_name or "",
            counselor=row.counselor or "",
            is_new_student=bool(row.is_new_student),
            visit_first=row.id in visit_first,
            origin_place=row.origin_place or "",
            missing_parts=facts.missing_parts(measure, row.id),
        )
        for row in rows
    ]
