"""Who may see the center's figures, and the figures computed from this process's live records.

Only the center roles: a college center its own college, the school center every college and the school
total (an aggregate-only device too). Counselors, mentors and the administrator are refused with a
Chinese reason (403). The figures are computed by the shared engine (``sync.figures``) from
``LiveRecords``, which reads only what changed since the previous request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sync.figures.annual import ANNUAL_FACT_TYPES, ANNUAL_NEEDS, annual_figures
from sync.figures.coverage_report import CoverageScope
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs, merged
from sync.figures.served import FRAME_TYPES, CoverageFigures, Frame, frame_of, serve_annual, serve_coverage
from sync.protocol import ErrorCode
from sync.records import (
    College,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    Record,
    RescueSession,
    Student,
    academic_year_bounds,
)
from sync.records.academic import new_student_window_start
from sync.records.enums import Role
from sync.server.database import Database
from sync.server.errors import ApiError
from sync.server.live_records import LiveRecords, Snapshot
from sync.server.scope import Principal

CENTER_ONLY = "统计数据仅对学生发展支持中心开放（学院中心查看本学院，学校中心查看全校）"
OWN_COLLEGE_ONLY = "学院学生发展支持中心只能查看本学院的统计"
NO_COLLEGE = "此学院中心账号未指定学院，请联系管理员"
UNKNOWN_COLLEGE = "找不到该学院"

# The record types the served figures read (the coverages and the annual report), and the fields of each:
# the worker holds bare records of these fields only (``sync.figures.needs``), plus the grade (入学年级)
# the breakdown by grade reads.
FIGURE_TYPES = ANNUAL_FACT_TYPES
FIGURE_FIELDS: dict[type[Record], tuple[str, ...]] = {
    record_class: need.fields
    for record_class, need in merged(ANNUAL_NEEDS, {Student: Needs(("grade",))}).items()
}


def college_in_view(principal: Principal, college_id: str | None) -> str | None:
    """The college whose figures the principal asks for (None: the whole school), or 403."""
    if principal.role is Role.SCHOOL_CENTER:
        return college_id
    if principal.role is Role.COLLEGE_CENTER:
        if principal.college_id is None:
            raise ApiError(ErrorCode.FORBIDDEN, NO_COLLEGE)
        if college_id not in (None, principal.college_id):
            raise ApiError(ErrorCode.FORBIDDEN, OWN_COLLEGE_ONLY)
        return principal.college_id
    raise ApiError(ErrorCode.FORBIDDEN, CENTER_ONLY)


def _within(first: date, last: date, attribute: str) -> Callable[[Any], bool]:
    return lambda record: first <= getattr(record, attribute) <= last


def _year_filters(academic_year: str) -> dict[str, Callable[[Any], bool]]:
    """Per record type, which records a year's coverage can read (the engine reads no other): the
    year's identifications, rewards and aid, the visits of the widest window (a new student's, from
    1 June), the year's rescue sessions. Other types are read whole."""
    first, last = academic_year_bounds(academic_year)
    of_year: Callable[[Any], bool] = lambda record: record.academic_year == academic_year  # noqa: E731
    return {
        Identification.RECORD_TYPE: of_year,
        GrowthReward.RECORD_TYPE: of_year,
        GuaranteeAid.RECORD_TYPE: of_year,
        HomeVisit.RECORD_TYPE: _within(new_student_window_start(academic_year), last, "visit_date"),
        RescueSession.RECORD_TYPE: _within(first, last, "session_date"),
    }


class ServedFigures:
    """The figures this process serves: the live records (``LiveRecords``), each type's records of a
    year (kept until that type changes), and the last figures of each year and college (kept until any
    record changes, so asking again costs nothing)."""

    def __init__(self) -> None:
        self.records = LiveRecords(FIGURE_TYPES, FIGURE_FIELDS)
        self._lock = threading.Lock()
        self._of_year: dict[tuple[str, str], tuple[int, list[Any]]] = {}
        # (year, college, today) -> (epoch, figures): the figures hold the seq they were computed at
        self._served: dict[tuple[str, str | None, date], tuple[str, CoverageFigures]] = {}
        self._annual: dict[tuple[str, str | None, date], tuple[str, int, dict[str, Any]]] = {}
        # (year, college, today) -> (versions of FRAME_TYPES, frame)
        self._frames: dict[tuple[str, str | None, date], tuple[tuple[int, ...], Frame]] = {}

    def year_facts(self, found: Snapshot, academic_year: str) -> SchoolFacts:
        """The snapshot's records a year's figures can read."""
        filters = _year_filters(academic_year)
        lists: dict[str, list[Any]] = {}
        with self._lock:
            for name, records in found.facts.records.items():
                keep = filters.get(name)
                if keep is None:
                    lists[name] = records
                    continue
                version = found.versions[name]
                cached = self._of_year.get((name, academic_year))
                if cached is None or cached[0] != version:
                    cached = (version, [record for record in records if keep(record)])
                    self._of_year[(name, academic_year)] = cached
                lists[name] = cached[1]
        return SchoolFacts(lists)

    def coverage(
        self, database: Database, principal: Principal, academic_year: str, college_id: str | None
    ) -> CoverageFigures:
        college = college_in_view(principal, college_id)
        found = database.run(self.records.snapshot)
        if college is not None and college not in found.facts.by_id(College):
            raise ApiError(ErrorCode.NOT_FOUND, UNKNOWN_COLLEGE)
        key = (academic_year, college, date.today())
        with self._lock:
            kept = self._served.get(key)
        if kept is not None and kept[0] == found.epoch and kept[1].seq == found.seq:
            return kept[1]
        versions = tuple(found.versions[cls.RECORD_TYPE] for cls in FRAME_TYPES)
        with self._lock:
            framed = self._frames.get(key)
        if framed is None or framed[0] != versions:
            scope = CoverageScope.college(college) if college else CoverageScope.school()
            framed = (versions, frame_of(found.facts, academic_year, scope, None))
        served = serve_coverage(
            self.year_facts(found, academic_year),
            academic_year,
            college_id=college,
            seq=found.seq,
            now=datetime.now(UTC),
            frame=framed[1],
        )
        with self._lock:
            if len(self._served) >= _SERVED_KEPT:
                self._served.clear()
                self._frames.clear()
            self._served[key] = (found.epoch, served)
            self._frames[key] = framed
        return served

    def annual(
        self, database: Database, principal: Principal, academic_year: str, college_id: str | None
    ) -> dict[str, Any]:
        """The annual report's figures (key support included: only the center roles are served)."""
        college = college_in_view(principal, college_id)
        found = database.run(self.records.snapshot)
        if college is not None and college not in found.facts.by_id(College):
            raise ApiError(ErrorCode.NOT_FOUND, UNKNOWN_COLLEGE)
        key = (academic_year, college, date.today())
        with self._lock:
            kept = self._annual.get(key)
        if kept is not None and kept[:2] == (found.epoch, found.seq):
            return kept[2]
        figures = annual_figures(found.facts, academic_year, college, include_key_support=True)
        served = serve_annual(figures.to_json())
        served["seq"] = found.seq
        served["computed_at"] = datetime.now(UTC).isoformat()
        with self._lock:
            if len(self._annual) >= _SERVED_KEPT:
                self._annual.clear()
            self._annual[key] = (found.epoch, found.seq, served)
        return served


_SERVED_KEPT = 64  # figures of this many (year, college) pairs kept at most
