"""The center's figures without every record (docs/sync-protocol.md §6b): aggregates and per-college
breakdowns computed on the server, small counts hidden; only for the center roles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from sync.figures.served import CoverageFigures
from sync.protocol import NO_NUL, ErrorCode
from sync.records import academic_year_bounds
from sync.server import figures
from sync.server.deps import DatabaseDep, PrincipalDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses

router = APIRouter(prefix="/figures", tags=["figures"], responses=error_responses(*SESSION_ERRORS, 404))

YEAR_PATTERN = r"^[0-9]{4}-[0-9]{4}$"
YearQuery = Annotated[str, Query(pattern=YEAR_PATTERN, description="学年，如 2025-2026")]
CollegeQuery = Annotated[
    str | None,
    Query(max_length=64, pattern=NO_NUL, description="学院编号（不填：全校；学院中心只能填本学院）"),
]


def _checked_year(year: str) -> str:
    try:
        first, last = academic_year_bounds(year)
        if int(year[5:]) != first.year + 1 or last.year != first.year + 1:
            raise ValueError(year)
    except ValueError:
        raise ApiError(ErrorCode.BAD_REQUEST, "学年格式应为“2025-2026”（前后两年相连）") from None
    return year


def served_figures(request: Request) -> figures.ServedFigures:
    served: figures.ServedFigures = request.app.state.figures
    return served


@router.get("/coverage", response_model=CoverageFigures)
def coverage(
    request: Request,
    principal: PrincipalDep,
    database: DatabaseDep,
    year: YearQuery,
    college: CollegeQuery = None,
) -> CoverageFigures:
    """The six coverages of a year: totals, and breakdowns by college (whole school) and by grade."""
    return served_figures(request).coverage(database, principal, _checked_year(year), college or None)


@router.get("/annual", response_model=dict[str, Any])
def annual(
    request: Request,
    principal: PrincipalDep,
    database: DatabaseDep,
    year: YearQuery,
    college: CollegeQuery = None,
) -> dict[str, Any]:
    """The annual report's figures of a year (sync.figures.annual), the coverages' breakdown by college
    with small counts hidden."""
    return served_figures(request).annual(database, principal, _checked_year(year), college or None)
