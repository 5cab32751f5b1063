"""Who may see the center's figures, and the figures computed from this process's live records.

Only the center roles: a college center its own college, the school center every college and the school
total (an aggregate-only device too). Counselors, mentors and the administrator are refused with a
Chinese reason (403). The figures are computed by the shared engine (``sync.figures``) from
``LiveRecords``, which reads only what changed since the previous request.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from sync.figures.coverage import FACT_TYPES
from sync.figures.served import CoverageFigures, serve_coverage
from sync.protocol import ErrorCode
from sync.records import College
from sync.records.enums import Role
from sync.server.database import Database
from sync.server.errors import ApiError
from sync.server.live_records import LiveRecords, Snapshot
from sync.server.scope import Principal

CENTER_ONLY = "统计数据仅对学生发展支持中心开放（学院中心查看本学院，学校中心查看全校）"
OWN_COLLEGE_ONLY = "学院学生发展支持中心只能查看本学院的统计"
NO_COLLEGE = "此学院中心账号未指定学院，请联系管理员"
UNKNOWN_COLLEGE = "找不到该学院"

# The record types the served figures read (the projection holds these only).
FIGURE_TYPES = FACT_TYPES


def new_projection() -> LiveRecords:
    return LiveRecords(FIGURE_TYPES)


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


def snapshot(database: Database, records: LiveRecords) -> Snapshot:
    def read(session: Session) -> Snapshot:
        return records.snapshot(session)

    return database.run(read)


def coverage(
    database: Database, records: LiveRecords, principal: Principal, academic_year: str, college_id: str | None
) -> CoverageFigures:
    college = college_in_view(principal, college_id)
    found = snapshot(database, records)
    if college is not None and college not in found.facts.by_id(College):
        raise ApiError(ErrorCode.NOT_FOUND, UNKNOWN_COLLEGE)
    return serve_coverage(
        found.facts, academic_year, college_id=college, seq=found.seq, now=datetime.now(UTC)
    )
