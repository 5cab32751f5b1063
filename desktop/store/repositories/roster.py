"""The roster: light rows of students with filters, sorting, counts and paging, fast at 20,000.

A roster row is a plain tuple (no record validation), built by one SQL query; the student's level,
whether they were visited this academic year and whether they have active key support come from
indexed subqueries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, NamedTuple
from typing import cast as typing_cast

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    exists,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from desktop.store.search import matches, normalize_query
from desktop.store.tables import (
    CollegeRow,
    HomeVisitRow,
    IdentificationRow,
    KeySupportRow,
    StudentRow,
    UserRow,
)
from sync.figures import population
from sync.records import (
    DifficultyType,
    IdentificationLevel,
    VisitStatus,
    academic_year_bounds,
    current_academic_year,
)

# The stored values of the disadvantaged levels (sync/figures/population.py), for SQL.
DISADVANTAGED_LEVELS: tuple[str, ...] = tuple(level.value for level in population.DISADVANTAGED_LEVELS)


class RosterRow(NamedTuple):
    id: str
    student_no: str
    name: str
    gender: str | None
    college_id: str | None
    college_name: str | None
    grade: int | None
    major: str
    class_name: str
    counselor_id: str | None
    counselor_name: str | None
    is_new_student: bool
    level: str | None
    visit_before_identification: bool
    visited: bool
    key_support: bool


@dataclass(frozen=True)
class RosterFilter:
    """What the roster shows. ``None`` means "any"; the academic year defaults to the current one."""

    academic_year: str | None = None
    search: str = ""
    college_id: str | None = None
    grade: int | None = None
    class_name: str | None = None
    counselor_id: str | None = None
    level: IdentificationLevel | None = None
    disadvantaged: bool | None = None  # identified at one of the three levels, or waiting for a visit
    key_support: bool | None = None
    key_support_type: DifficultyType | None = None
    visited: bool | None = None
    new_student: bool | None = None


SORT_KEYS: tuple[str, ...] = ("student_no", "name", "class_name", "college", "grade", "level", "counselor")


def _as_select(query: Any) -> Select[Any]:
    """The typed select, seen as ``Select[Any]`` (its column tuple is long and irrelevant here)."""
    return typing_cast(Select[Any], query)


@functools.lru_cache(maxsize=8)
def _computed_columns(year: str) -> dict[str, Any]:
    """The level, visit and key-support subqueries of one academic year.

    Built once per year and reused (SQL constructs are immutable): building the aliased subqueries
    took longer than running a page query on a warm cache.
    """
    first, last = academic_year_bounds(year)
    student = StudentRow
    identification = aliased(IdentificationRow)
    identification_of_year = (
        select(identification.level)
        .where(
            identification.student_id == student.id,
            identification.academic_year == year,
            identification.deleted == false(),
        )
        .order_by(identification.updated_at.desc())
        .limit(1)
    )
    waiting = aliased(IdentificationRow)
    visit = aliased(HomeVisitRow)
    support = aliased(KeySupportRow)
    return {
        "level": identification_of_year.scalar_subquery(),
        "visit_before_identification": exists().where(
            waiting.student_id == student.id,
            waiting.academic_year == year,
            waiting.deleted == false(),
            waiting.visit_before_identification,
        ),
        "visited": exists().where(
            visit.student_id == student.id,
            visit.visit_date >= first,
            visit.visit_date <= last,
            visit.deleted == false(),
            visit.status != VisitStatus.DRAFT.value,
        ),
        "key_support": exists().where(
            support.student_id == student.id, support.deleted == false(), support.exited_on.is_(None)
        ),
    }


@functools.lru_cache(maxsize=8)
def _row_select(year: str) -> tuple[Select[Any], dict[str, Any]]:
    """The roster row query of one academic year (before filters), and its sortable expressions."""
    computed = dict(_computed_columns(year))
    counselor = aliased(UserRow)
    query: Select[Any] = _as_select(
        select(
            StudentRow.id,
            StudentRow.student_no,
            StudentRow.name,
            StudentRow.gender,
            StudentRow.college_id,
            CollegeRow.name.label("college_name"),
            StudentRow.grade,
            StudentRow.major,
            StudentRow.class_name,
            StudentRow.counselor_id,
            counselor.name.label("counselor_name"),
            StudentRow.is_new_student,
            computed["level"].label("level"),
            computed["visit_before_identification"].label("visit_before_identification"),
            computed["visited"].label("visited"),
            computed["key_support"].label("key_support"),
        )
        .select_from(StudentRow)
        .outerjoin(CollegeRow, and_(CollegeRow.id == StudentRow.college_id))
        .outerjoin(counselor, counselor.id == StudentRow.counselor_id)
        .where(StudentRow.deleted == false())
    )
    computed["college"] = CollegeRow.name
    computed["counselor"] = counselor.name
    return query, computed


class RosterQueries:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _columns(self, year: str) -> dict[str, Any]:
        return dict(_computed_columns(year))

    def _base(self, filters: RosterFilter, year: str) -> tuple[Select[Any], dict[str, Any]]:
        query, computed = _row_select(year)
        conditions = self._conditions(filters, computed)
        if conditions:
            query = query.where(and_(*conditions))
        return query, dict(computed)

    def _conditions(self, filters: RosterFilter, computed: dict[str, Any]) -> list[ColumnElement[bool]]:
        """The WHERE conditions of the filters (besides "not deleted")."""
        conditions: list[ColumnElement[bool]] = []
        search = matches(StudentRow.search_key, filters.search, self.session)
        if search is not None:
            conditions.append(search)
        if filters.college_id is not None:
            conditions.append(StudentRow.college_id == filters.college_id)
        if filters.grade is not None:
            conditions.append(StudentRow.grade == filters.grade)
        if filters.class_name is not None:
            conditions.append(StudentRow.class_name == filters.class_name)
        if filters.counselor_id is not None:
            conditions.append(StudentRow.counselor_id == filters.counselor_id)
        if filters.new_student is not None:
            conditions.append(StudentRow.is_new_student == filters.new_student)
        if filters.level is not None:
            conditions.append(computed["level"] == IdentificationLevel(filters.level).value)
        if filters.disadvantaged is not None:
            condition = or_(
                computed["level"].in_(DISADVANTAGED_LEVELS), computed["visit_before_identification"]
            )
            conditions.append(condition if filters.disadvantaged else ~condition)
        if filters.visited is not None:
            conditions.append(computed["visited"] if filters.visited else ~computed["visited"])
        if filters.key_support is not None:
            conditions.append(computed["key_support"] if filters.key_support else ~computed["key_support"])
        if filters.key_support_type is not None:
            support = aliased(KeySupportRow)
            conditions.append(
                exists().where(
                    support.student_id == StudentRow.id,
                    support.deleted == false(),
                    support.exited_on.is_(None),
                    cast(support.difficulty_types, String).like(
                        f'%"{DifficultyType(filters.key_support_type).value}"%'
                    ),
                )
            )
        return conditions

    def rows(
        self,
        filters: RosterFilter | None = None,
        *,
        sort: str = "student_no",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[RosterRow]:
        """One page of the roster (or every row, without a limit).

        A page is read in two steps: the ids of the page, from the narrow roster index (schema v4)
        and without the computed columns, then the page's rows with their computed columns. The
        level, visit and key-support subqueries thus run for the rows shown, not for every match.
        """
        filters = filters or RosterFilter()
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown roster sort key: {sort}")
        year = filters.academic_year or current_academic_year()
        if limit is None:
            query, computed = self._base(filters, year)
            ordered = self._ordered(query, self._sort_key(sort, computed), filters, descending, offset)
            return [RosterRow(*row) for row in self.session.execute(ordered)]
        ids = self._page_ids(filters, year, sort=sort, descending=descending, offset=offset, limit=limit)
        if not ids:
            return []
        query, _computed = _row_select(year)  # the ids were filtered already: no condition twice
        found = {row.id: RosterRow(*row) for row in self.session.execute(query.where(StudentRow.id.in_(ids)))}
        return [found[student_id] for student_id in ids if student_id in found]

    @staticmethod
    def _sort_key(sort: str, computed: dict[str, Any]) -> Any:
        if sort == "name":
            return StudentRow.name_pinyin
        if sort in computed:
            return computed[sort]
        return getattr(StudentRow, sort)

    @staticmethod
    def _ordered(
        query: Select[Any], key: Any, filters: RosterFilter, descending: bool, offset: int
    ) -> Select[Any]:
        tie: Any = StudentRow.student_no
        if normalize_query(filters.search):
            # A search reads every row (index entry) anyway: scanning and sorting the few matches beats
            # walking the sort index and looking up each row.
            key, tie = func.ifnull(key, key), func.ifnull(tie, tie)
        query = query.order_by(key.desc() if descending else key.asc(), tie)
        return query.offset(offset) if offset else query

    def _page_ids(
        self, filters: RosterFilter, year: str, *, sort: str, descending: bool, offset: int, limit: int
    ) -> list[str]:
        computed = self._columns(year)
        query: Select[Any] = _as_select(select(StudentRow.id).select_from(StudentRow))
        if sort == "college":
            query = query.outerjoin(CollegeRow, CollegeRow.id == StudentRow.college_id)
            computed["college"] = CollegeRow.name
        elif sort == "counselor":
            counselor = aliased(UserRow)
            query = query.outerjoin(counselor, counselor.id == StudentRow.counselor_id)
            computed["counselor"] = counselor.name
        query = query.where(StudentRow.deleted == false(), *self._conditions(filters, computed))
        ordered = self._ordered(query, self._sort_key(sort, computed), filters, descending, offset)
        return list(self.session.scalars(ordered.limit(limit)))

    def count(self, filters: RosterFilter | None = None) -> int:
        """How many students the filters select (for the "N students" label and paging)."""
        filters = filters or RosterFilter()
        computed = self._columns(filters.academic_year or current_academic_year())
        query = (
            select(func.count())
            .select_from(StudentRow)
            .where(StudentRow.deleted == false(), *self._conditions(filters, computed))
        )
        return int(self.session.execute(query).scalar_one())

    def unvisited(
        self,
        academic_year: str | None = None,
        *,
        college_id: str | None = None,
        counselor_id: str | None = None,
        limit: int | None = None,
    ) -> list[RosterRow]:
        """Disadvantaged students with no visit this academic year; 先家访后认定 new students first."""
        filters = RosterFilter(
            academic_year=academic_year,
            college_id=college_id,
            counselor_id=counselor_id,
            disadvantaged=True,
            visited=False,
        )
        year = academic_year or current_academic_year()
        query, computed = self._base(filters, year)
        query = query.order_by(
            computed["visit_before_identification"].desc(),
            StudentRow.is_new_student.desc(),
            StudentRow.student_no,
        )
        if limit is not None:
            query = query.limit(limit)
        return [RosterRow(*row) for row in self.session.execute(query)]

    def classes(self, college_id: str | None = None) -> list[str]:
        """The distinct class names (for a filter combo box)."""
        query = select(StudentRow.class_name).where(StudentRow.deleted == false()).distinct()
        if college_id is not None:
            query = query.where(StudentRow.college_id == college_id)
        return sorted(name for name in self.session.scalars(query) if name)

    def grades(self) -> list[int]:
        query = select(StudentRow.grade).where(StudentRow.deleted == false(), StudentRow.grade.is_not(None))
        return sorted({grade for grade in self.session.scalars(query.distinct()) if grade is not None})
