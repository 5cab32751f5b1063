"""The roster: a filtered, sorted count and pages of plain rows, filter choices, the 待家访 list."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from desktop.store.repositories.roster import SORT_KEYS, RosterFilter
from desktop.store.search import RecordHit, find_printed_record
from desktop.store.store import Store
from sync.records import DifficultyType
from sync.records.enums import IdentificationLevel


@dataclass(frozen=True)
class RosterQuery:
    text: str = ""
    college_id: str | None = None
    grade: int | None = None
    class_name: str | None = None
    level: str | None = None
    key_support: str | None = None  # "any" or a difficulty type code
    visited: bool | None = None
    new_student: bool | None = None
    sort: str = "student_no"
    descending: bool = False


class RosterRow(NamedTuple):
    id: str
    student_no: str
    name: str
    college: str
    class_name: str
    level: str
    key_support: bool
    visited: bool
    counselor: str
    is_new: bool


@dataclass
class RosterPage:
    total: int
    rows: list[RosterRow]


@dataclass
class FilterOptions:
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id)
    grades: list[int] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)


@dataclass
class PendingVisit:
    """A student not yet visited this academic year (the 待家访 list)."""

    student_id: str
    student_no: str
    name: str
    college: str
    class_name: str
    visit_first: bool  # 先家访后认定: a new student whose level waits for the visit


def _filter_of(query: RosterQuery) -> RosterFilter:
    key_support: bool | None = None
    key_support_type: DifficultyType | None = None
    if query.key_support == "any":
        key_support = True
    elif query.key_support:
        key_support_type = DifficultyType(query.key_support)
    return RosterFilter(
        search=query.text,
        college_id=query.college_id,
        grade=query.grade,
        class_name=query.class_name,
        level=IdentificationLevel(query.level) if query.level else None,
        key_support=key_support,
        key_support_type=key_support_type,
        visited=query.visited,
        new_student=query.new_student,
    )


def _level_label(code: str | None) -> str:
    if not code:
        return ""
    try:
        return IdentificationLevel(code).label
    except ValueError:
        return code


def roster_count(store: Store, query: RosterQuery) -> int:
    with store.session() as s:
        return s.roster.count(_filter_of(query))


def roster_page(store: Store, query: RosterQuery, offset: int, limit: int) -> RosterPage:
    filters = _filter_of(query)
    sort = query.sort if query.sort in SORT_KEYS else "student_no"
    with store.session() as s:
        rows = s.roster.rows(filters, sort=sort, descending=query.descending, offset=offset, limit=limit)
    return RosterPage(
        total=-1,
        rows=[
            RosterRow(
                id=r.id,
                student_no=r.student_no,
                name=r.name,
                college=r.college_name or "",
                class_name=r.class_name,
                level=_level_label(r.level),
                key_support=bool(r.key_support),
                visited=bool(r.visited),
                counselor=r.counselor_name or "",
                is_new=bool(r.is_new_student),
            )
            for r in rows
        ],
    )


def filter_options(store: Store) -> FilterOptions:
    with store.session() as s:
        colleges = sorted((c.name, c.id) for c in s.colleges.list())
        return FilterOptions(colleges=colleges, grades=s.roster.grades(), classes=s.roster.classes())


def pending_visits(store: Store, limit: int) -> tuple[int, list[PendingVisit]]:
    """Disadvantaged students not yet visited this academic year (先家访后认定 first) and their count."""
    with store.session() as s:
        rows = s.roster.unvisited(limit=limit)
        total = s.roster.count(RosterFilter(disadvantaged=True, visited=False))
    return total, [
        PendingVisit(
            student_id=r.id,
            student_no=r.student_no,
            name=r.name,
            college=r.college_name or "",
            class_name=r.class_name,
            visit_first=bool(r.visit_before_identification),
        )
        for r in rows
    ]


def printed_record(store: Store, text: str) -> RecordHit | None:
    """The record a typed or scanned printed number names (None for ordinary search text)."""
    with store.session() as s:
        return find_printed_record(s, text)
