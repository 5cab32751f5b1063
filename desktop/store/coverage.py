"""The six full coverages (六个全覆盖) of DOMAIN.md for a scope and an academic year.

    report = compute_coverage(session, "2025-2026", CoverageScope.school(), include_key_support=True)
    report.totals[Measure.VISITS]          # Ratio(covered=812, total=950)
    missing_students(session, "2025-2026", CoverageScope.school(), Measure.VISITS)

Computed with a few aggregate SQL queries (one for the disadvantaged students, one for the key-support
students, one for the colleges, one for the monitoring flags), grouped by (college, counselor, class)
and summed up in Python into the three breakdowns. The definitions, for academic year Y
(1 September – 31 August) and its reference day R (the last day of Y, or today while Y is running):

- disadvantaged students: identified for Y at one of the three disadvantaged levels, or new students
  flagged 先家访后认定 whose level waits for the visit (the same rule as the roster). A student
  identified in the middle of Y counts for the whole of Y, and so do visits made before that day;
- #1 support center: colleges with a director and staff recorded / active colleges;
- #2 home visits: disadvantaged students with at least one submitted visit dated in Y (online modes
  count) / disadvantaged students;
- #3 growth rewards: disadvantaged students with at least one reward of Y / disadvantaged students;
- #4 growth archive: disadvantaged students whose archive has the identification level of Y, a visit,
  the student's traits (from a visit) and a reward, each up to the end of Y / disadvantaged students;
- key-support students: students whose key support is active on R (a student who exited by review
  before R no longer counts);
- #5 mentors: key-support students with a mentor assignment active on R (an active mentor) /
  key-support students;
- #6 rescue education: key-support students discussed in a rescue-education session or case
  conference dated in Y / key-support students.

Key-support figures are restricted: they are computed only when the caller says the role may see them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import text

from desktop.store.repositories.roster import DISADVANTAGED_LEVELS
from desktop.store.repositories.session import StoreSession
from sync.records import VisitStatus, academic_year_bounds
from sync.records.enums import CodedEnum, FlagStatus


class Measure(CodedEnum):
    CENTER = "center", "支持中心全覆盖"
    VISITS = "visits", "家访全覆盖"
    REWARDS = "rewards", "成长奖励全覆盖"
    ARCHIVE = "archive", "成长档案全覆盖"
    MENTORS = "mentors", "育人导师全覆盖"
    RESCUE = "rescue", "救助性教育全覆盖"


STUDENT_MEASURES: tuple[Measure, ...] = (Measure.VISITS, Measure.REWARDS, Measure.ARCHIVE)
KEY_SUPPORT_MEASURES: tuple[Measure, ...] = (Measure.MENTORS, Measure.RESCUE)


class ScopeKind(StrEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    COUNSELOR = "counselor"


@dataclass(frozen=True)
class CoverageScope:
    """Whose students: the whole store (school), one college, or one counselor's students."""

    kind: ScopeKind = ScopeKind.SCHOOL
    college_id: str | None = None
    counselor_id: str | None = None

    @classmethod
    def school(cls) -> CoverageScope:
        return cls()

    @classmethod
    def college(cls, college_id: str) -> CoverageScope:
        return cls(ScopeKind.COLLEGE, college_id=college_id)

    @classmethod
    def counselor(cls, counselor_id: str, college_id: str | None = None) -> CoverageScope:
        return cls(ScopeKind.COUNSELOR, college_id=college_id, counselor_id=counselor_id)


@dataclass(frozen=True)
class Ratio:
    covered: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.covered

    @property
    def percent(self) -> float | None:
        """Covered share in percent, ``None`` when there is nobody to cover."""
        return None if self.total == 0 else 100.0 * self.covered / self.total

    def text(self) -> str:
        """ "812/950 (85.5%)" or "—" for an empty denominator."""
        percent = self.percent
        return "—" if percent is None else f"{self.covered}/{self.total}（{percent:.1f}%）"

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.covered + other.covered, self.total + other.total)


EMPTY = Ratio(0, 0)


@dataclass
class BreakdownRow:
    """One college, counselor or class and its ratios."""

    key: str
    label: str
    ratios: dict[Measure, Ratio] = field(default_factory=dict)
    college: str = ""  # for class rows: the college the class belongs to


@dataclass(frozen=True)
class FlagCounts:
    open: int = 0
    in_progress: int = 0
    resolved_this_year: int = 0
    raised_this_year: int = 0


@dataclass
class CoverageReport:
    academic_year: str
    scope: CoverageScope
    reference_day: date
    include_key_support: bool
    totals: dict[Measure, Ratio]
    by_college: list[BreakdownRow]
    by_counselor: list[BreakdownRow]
    by_class: list[BreakdownRow]
    flags: FlagCounts
    awaiting_visit_first: int  # new students flagged 先家访后认定 with no visit yet

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(self.totals)

    def to_json(self) -> dict[str, Any]:
        """A plain structure for `--json` and the JSON export (no personal data)."""

        def ratios(values: Mapping[Measure, Ratio]) -> dict[str, Any]:
            return {
                measure.value: {
                    "label": measure.label,
                    "covered": ratio.covered,
                    "total": ratio.total,
                    "percent": None if ratio.percent is None else round(ratio.percent, 1),
                }
                for measure, ratio in values.items()
            }

        def rows(items: Iterable[BreakdownRow]) -> list[dict[str, Any]]:
            return [
                {"key": row.key, "label": row.label, "college": row.college, "measures": ratios(row.ratios)}
                for row in items
            ]

        return {
            "academic_year": self.academic_year,
            "scope": {
                "kind": self.scope.kind.value,
                "college_id": self.scope.college_id,
                "counselor_id": self.scope.counselor_id,
            },
            "reference_day": self.reference_day.isoformat(),
            "key_support_included": self.include_key_support,
            "totals": ratios(self.totals),
            "by_college": rows(self.by_college),
            "by_counselor": rows(self.by_counselor),
            "by_class": rows(self.by_class),
            "monitoring_flags": {
                "open": self.flags.open,
                "in_progress": self.flags.in_progress,
                "resolved_this_year": self.flags.resolved_this_year,
                "raised_this_year": self.flags.raised_this_year,
            },
            "awaiting_visit_first": self.awaiting_visit_first,
        }


@dataclass(frozen=True)
class MissingStudent:
    """A student still missing a measure (the drill-down list)."""

    id: str
    student_no: str
    name: str
    college: str
    class_name: str
    counselor: str
    is_new_student: bool
    visit_first: bool  # 先家访后认定 and not yet visited this year
    origin_place: str = ""  # 生源地 (for planning a trip; not shown in public lists)


@dataclass(frozen=True)
class CollegeCenter:
    id: str
    name: str
    has_center: bool


def reference_day(academic_year: str, today: date | None = None) -> date:
    """The last day of the academic year, or today while it is running."""
    first, last = academic_year_bounds(academic_year)
    today = today or date.today()
    return max(first, min(last, today))


# -- SQL ---------------------------------------------------------------------------------------------
_LEVELS = ", ".join(f"'{level}'" for level in DISADVANTAGED_LEVELS)
_DRAFT = VisitStatus.DRAFT.value

# The latest identification of each student for the year (as the roster reads it). SQLite takes the
# bare columns of a max() aggregate from the row holding the maximum (and a window function would be
# ten times slower here).
_IDENT = """
ident AS (
    SELECT student_id, level, visit_before_identification AS vbi, max(updated_at) AS latest
    FROM identification
    WHERE academic_year = :year AND deleted = 0
    GROUP BY student_id
)"""

_POPULATION = f"""
WITH {_IDENT},
pop AS (
    SELECT s.id, s.student_no, s.name, s.origin_place, s.college_id, s.counselor_id, s.class_name,
           s.is_new_student, i.level, i.vbi
    FROM student s JOIN ident i ON i.student_id = s.id
    WHERE s.deleted = 0 AND (i.level IN ({_LEVELS}) OR (i.level IS NULL AND i.vbi = 1)) {{scope}}
),
flags AS (
    SELECT p.*,
        EXISTS (SELECT 1 FROM home_visit v WHERE v.student_id = p.id AND v.deleted = 0
                AND v.status != '{_DRAFT}' AND v.visit_date >= :first AND v.visit_date <= :last)
            AS visited,
        EXISTS (SELECT 1 FROM growth_reward r WHERE r.student_id = p.id AND r.deleted = 0
                AND r.academic_year = :year) AS rewarded,
        (p.level IS NOT NULL
         AND EXISTS (SELECT 1 FROM home_visit v WHERE v.student_id = p.id AND v.deleted = 0
                     AND v.status != '{_DRAFT}' AND v.visit_date <= :last AND v.student_traits != '')
            -- a visit with the traits recorded: also the archive's visit (ix_home_visit_traits)
         AND EXISTS (SELECT 1 FROM growth_reward r WHERE r.student_id = p.id AND r.deleted = 0
                     AND r.granted_on <= :last)) AS archived
    FROM pop p
)"""

_KEY_POPULATION = """
WITH kpop AS (
    SELECT s.id, s.student_no, s.name, s.origin_place, s.college_id, s.counselor_id, s.class_name,
           s.is_new_student, 0 AS vbi
    FROM student s
    WHERE s.deleted = 0 {scope}
      AND s.id IN (SELECT k.student_id FROM key_support k WHERE k.deleted = 0
                   AND k.started_on <= :ref AND (k.exited_on IS NULL OR k.exited_on >= :ref))
),
discussed AS (
    SELECT DISTINCT j.value AS student_id
    FROM rescue_session r, json_each(r.student_ids) j
    WHERE r.deleted = 0 AND r.session_date >= :first AND r.session_date <= :last
),
kflags AS (
    SELECT p.*,
        EXISTS (SELECT 1 FROM mentor_assignment a JOIN mentor m ON m.id = a.mentor_id
                WHERE a.student_id = p.id AND a.deleted = 0 AND m.deleted = 0 AND m.active = 1
                AND a.from_date <= :ref AND (a.to_date IS NULL OR a.to_date >= :ref)) AS mentored,
        p.id IN (SELECT student_id FROM discussed) AS rescued
    FROM kpop p
)"""

_GROUP = """
SELECT college_id, counselor_id, class_name, COUNT(*) AS total, {sums}
FROM {source} GROUP BY college_id, counselor_id, class_name"""


def _scope_sql(scope: CoverageScope, alias: str) -> tuple[str, dict[str, Any]]:
    parts: list[str] = []
    params: dict[str, Any] = {}
    if scope.college_id is not None:
        parts.append(f"AND {alias}.college_id = :scope_college")
        params["scope_college"] = scope.college_id
    if scope.counselor_id is not None:
        parts.append(f"AND {alias}.counselor_id = :scope_counselor")
        params["scope_counselor"] = scope.counselor_id
    return " ".join(parts), params


def _year_params(academic_year: str, today: date | None) -> dict[str, Any]:
    first, last = academic_year_bounds(academic_year)
    return {
        "year": academic_year,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "ref": reference_day(academic_year, today).isoformat(),
    }


GroupKey = tuple[str | None, str | None, str]


def _grouped(
    session: StoreSession,
    sql: str,
    params: dict[str, Any],
    measures: tuple[tuple[Measure, str], ...],
    extra: tuple[str, dict[GroupKey, int]] | None = None,
) -> dict[GroupKey, dict[Measure, Ratio]]:
    groups: dict[GroupKey, dict[Measure, Ratio]] = {}
    for row in session.db.execute(text(sql), params):
        key: GroupKey = (row.college_id, row.counselor_id, row.class_name or "")
        total = int(row.total)
        groups[key] = {measure: Ratio(int(getattr(row, column) or 0), total) for measure, column in measures}
        if extra is not None:
            extra[1][key] = int(getattr(row, extra[0]) or 0)
    return groups


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
    params = _year_params(academic_year, today)
    scope_sql, scope_params = _scope_sql(scope, "s")
    params.update(scope_params)

    student_sql = (_POPULATION.format(scope=scope_sql)) + _GROUP.format(
        sums="SUM(visited) AS visited, SUM(rewarded) AS rewarded, SUM(archived) AS archived, "
        "SUM(vbi = 1 AND level IS NULL AND visited = 0) AS awaiting",
        source="flags",
    )
    awaiting_counts: dict[GroupKey, int] = {}
    student_groups = _grouped(
        session,
        student_sql,
        params,
        ((Measure.VISITS, "visited"), (Measure.REWARDS, "rewarded"), (Measure.ARCHIVE, "archived")),
        extra=("awaiting", awaiting_counts),
    )
    awaiting = sum(awaiting_counts.values())
    key_groups: dict[GroupKey, dict[Measure, Ratio]] = {}
    if include_key_support:
        key_sql = _KEY_POPULATION.format(scope=scope_sql) + _GROUP.format(
            sums="SUM(mentored) AS mentored, SUM(rescued) AS rescued", source="kflags"
        )
        key_groups = _grouped(
            session, key_sql, params, ((Measure.MENTORS, "mentored"), (Measure.RESCUE, "rescued"))
        )

    colleges = college_centers(session, scope)
    college_names = {college.id: college.name for college in _all_colleges(session)}
    counselor_names = _counselor_names(session)
    measures = (Measure.CENTER, *STUDENT_MEASURES, *(KEY_SUPPORT_MEASURES if include_key_support else ()))

    def blank() -> dict[Measure, Ratio]:
        return {measure: EMPTY for measure in measures if measure is not Measure.CENTER}

    totals = blank()
    by_college: dict[str | None, dict[Measure, Ratio]] = {}
    by_counselor: dict[str | None, dict[Measure, Ratio]] = {}
    by_class: dict[tuple[str | None, str], dict[Measure, Ratio]] = {}
    for groups in (student_groups, key_groups):
        for (college_id, counselor_id, class_name), ratios in groups.items():
            for target in (
                totals,
                by_college.setdefault(college_id, blank()),
                by_counselor.setdefault(counselor_id, blank()),
                by_class.setdefault((college_id, class_name), blank()),
            ):
                for measure, ratio in ratios.items():
                    target[measure] = target[measure] + ratio

    center_total = Ratio(sum(1 for c in colleges if c.has_center), len(colleges))
    centers = {college.id: college.has_center for college in colleges}
    for college in colleges:
        by_college.setdefault(college.id, blank())

    def college_label(college_id: str | None) -> str:
        return college_names.get(college_id or "", "") or "（未分配学院）"

    college_rows = [
        BreakdownRow(
            key=college_id or "",
            label=college_label(college_id),
            ratios={
                Measure.CENTER: Ratio(int(centers.get(college_id or "", False)), 1)
                if college_id in centers
                else EMPTY,
                **ratios,
            },
        )
        for college_id, ratios in by_college.items()
    ]
    college_rows.sort(key=lambda row: (row.label == "（未分配学院）", row.label))
    counselor_rows = sorted(
        (
            BreakdownRow(
                key=counselor_id or "",
                label=counselor_names.get(counselor_id or "", "") or "（未分配辅导员）",
                ratios=ratios,
            )
            for counselor_id, ratios in by_counselor.items()
        ),
        key=lambda row: (row.key == "", row.label),
    )
    class_rows = sorted(
        (
            BreakdownRow(
                key=f"{college_id or ''}/{class_name}",
                label=class_name or "（未填写班级）",
                ratios=ratios,
                college=college_label(college_id),
            )
            for (college_id, class_name), ratios in by_class.items()
        ),
        key=lambda row: (row.college, row.label),
    )
    return CoverageReport(
        academic_year=academic_year,
        scope=scope,
        reference_day=reference_day(academic_year, today),
        include_key_support=include_key_support,
        totals={Measure.CENTER: center_total, **totals},
        by_college=college_rows,
        by_counselor=counselor_rows,
        by_class=class_rows,
        flags=flag_counts(session, academic_year, scope),
        awaiting_visit_first=awaiting,
    )


@dataclass(frozen=True)
class _College:
    id: str
    name: str
    center: bool
    active: bool


def _all_colleges(session: StoreSession) -> list[_College]:
    rows = session.db.execute(
        text(
            "SELECT id, name, active, center_director, center_staff FROM college WHERE deleted = 0 "
            "ORDER BY name"
        )
    )
    found: list[_College] = []
    for row in rows:
        staff = row.center_staff
        has_staff = bool(staff) and staff not in ("[]", "null")
        found.append(_College(row.id, row.name, bool(row.center_director) and has_staff, bool(row.active)))
    return found


def college_centers(session: StoreSession, scope: CoverageScope | None = None) -> list[CollegeCenter]:
    """Active colleges in scope and whether their support center is set up (coverage #1)."""
    scope = scope or CoverageScope.school()
    colleges = [college for college in _all_colleges(session) if college.active]
    if scope.college_id is not None:
        colleges = [college for college in colleges if college.id == scope.college_id]
    elif scope.counselor_id is not None:
        college_id = session.db.execute(
            text("SELECT college_id FROM user WHERE id = :id"), {"id": scope.counselor_id}
        ).scalar()
        colleges = [college for college in colleges if college.id == college_id]
    return [CollegeCenter(college.id, college.name, college.center) for college in colleges]


def _counselor_names(session: StoreSession) -> dict[str, str]:
    return {row.id: row.name for row in session.db.execute(text("SELECT id, name FROM user"))}


def flag_counts(session: StoreSession, academic_year: str, scope: CoverageScope | None = None) -> FlagCounts:
    """Monitoring flags of the students in scope: open now, and raised / resolved during the year."""
    scope = scope or CoverageScope.school()
    params = _year_params(academic_year, None)
    scope_sql, scope_params = _scope_sql(scope, "s")
    params.update(scope_params)
    params.update(
        open=FlagStatus.OPEN.value, doing=FlagStatus.IN_PROGRESS.value, done=FlagStatus.RESOLVED.value
    )
    row = session.db.execute(
        text(
            "SELECT SUM(f.status = :open) AS open, SUM(f.status = :doing) AS doing, "
            "SUM(f.status = :done AND f.resolved_on >= :first AND f.resolved_on <= :last) AS done, "
            "SUM(f.raised_on >= :first AND f.raised_on <= :last) AS raised "
            f"FROM monitoring_flag f JOIN student s ON s.id = f.student_id "
            f"WHERE f.deleted = 0 AND s.deleted = 0 {scope_sql}"
        ),
        params,
    ).one()
    return FlagCounts(
        open=int(row.open or 0),
        in_progress=int(row.doing or 0),
        resolved_this_year=int(row.done or 0),
        raised_this_year=int(row.raised or 0),
    )


_MISSING_COLUMN: dict[Measure, str] = {
    Measure.VISITS: "visited",
    Measure.REWARDS: "rewarded",
    Measure.ARCHIVE: "archived",
    Measure.MENTORS: "mentored",
    Measure.RESCUE: "rescued",
}


class KeySupportHidden(PermissionError):
    """The caller's role may not see key-support students."""

    def __init__(self) -> None:
        super().__init__("当前角色不能查看重点帮扶学生名单。")


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
    params = _year_params(academic_year, today)
    scope_sql, scope_params = _scope_sql(scope, "s")
    params.update(scope_params)
    narrow: list[str] = []
    if college_id is not None:  # "" narrows to the students with no college
        narrow.append("AND p.college_id = :narrow_college" if college_id else "AND p.college_id IS NULL")
        params["narrow_college"] = college_id
    if counselor_id is not None:
        narrow.append(
            "AND p.counselor_id = :narrow_counselor" if counselor_id else "AND p.counselor_id IS NULL"
        )
        params["narrow_counselor"] = counselor_id
    if class_name is not None:
        narrow.append("AND p.class_name = :narrow_class")
        params["narrow_class"] = class_name
    if measure in KEY_SUPPORT_MEASURES:
        head, source, first_key = _KEY_POPULATION.format(scope=scope_sql), "kflags", "0"
    else:
        head, source = _POPULATION.format(scope=scope_sql), "flags"
        first_key = "(p.vbi = 1 AND p.level IS NULL AND p.visited = 0)"
    sql = (
        head
        + f"""
SELECT p.id, p.student_no, p.name, p.is_new_student, c.name AS college, p.class_name, p.origin_place,
       u.name AS counselor, {first_key} AS visit_first
FROM {source} p LEFT JOIN college c ON c.id = p.college_id LEFT JOIN user u ON u.id = p.counselor_id
WHERE p.{_MISSING_COLUMN[measure]} = 0 {" ".join(narrow)}
ORDER BY visit_first DESC, p.is_new_student DESC, p.student_no"""
    )
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = limit
    return [
        MissingStudent(
            id=row.id,
            student_no=row.student_no,
            name=row.name,
            college=row.college or "",
            class_name=row.class_name or "",
            counselor=row.counselor or "",
            is_new_student=bool(row.is_new_student),
            visit_first=bool(row.visit_first),
            origin_place=row.origin_place or "",
        )
        for row in session.db.execute(text(sql), params)
    ]
