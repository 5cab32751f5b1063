"""The six full coverages (六个全覆盖) of DOMAIN.md for a scope and an academic year.

    report = compute_coverage(session, "2025-2026", CoverageScope.school(), include_key_support=True)
    report.totals[Measure.VISITS]          # Ratio(covered=812, total=950)
    missing_students(session, "2025-2026", CoverageScope.school(), Measure.VISITS)

Computed with a few aggregate SQL queries (one for the disadvantaged students, one for the key-support
students, one for the centers, one for the monitoring flags), grouped by (college, counselor, class)
and summed up in Python into the three breakdowns. docs/coverage.md is the exact rule of each measure
(the policy's words, population, numerator, time window, worked example); ``MEASURE_RULES`` is its
one-line form shown next to each figure, and a drill-down row says which part a student lacks.

Key-support figures are restricted: they are computed only when the caller says the role may see them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import text

from desktop.store.repositories.roster import DISADVANTAGED_LEVELS
from desktop.store.repositories.session import StoreSession
from sync.records import VisitStatus, academic_year_bounds, center_missing
from sync.records.academic import new_student_window_start
from sync.records.enums import CodedEnum, FlagStatus, SessionKind, VisitMode


class Measure(CodedEnum):
    CENTER = "center", "支持中心全覆盖"
    VISITS = "visits", "家访全覆盖"
    REWARDS = "rewards", "成长奖励全覆盖"
    ARCHIVE = "archive", "成长档案全覆盖"
    MENTORS = "mentors", "育人导师全覆盖"
    RESCUE = "rescue", "救助性教育全覆盖"


# The rule of each figure in one line, shown next to it (dashboard, `jiafang coverage --explain`);
# docs/coverage.md is the full text with the policy's words and a worked example.
MEASURE_RULES: dict[Measure, str] = {
    Measure.CENTER: "已登记阵地(地点/房间)、主任和至少一名副主任的支持中心 / 学院数（全校范围另加学校中心）",
    Measure.VISITS: "本学年（9月1日—次年8月31日；新生自入学当年6月1日起）有至少一次已提交的家访"
    "（实地入户、电话、视频、微信·QQ；到校约谈另计）的困难学生 / 本学年认定为困难的学生",
    Measure.REWARDS: "本学年获得至少一项成长奖励的困难学生 / 本学年认定为困难的学生",
    Measure.ARCHIVE: "本学年档案四项齐全（资助历史：本学年资助记录或已记录资助决定的认定；本学年家访；"
    "学生特点：本学年家访或档案个人特长；本学年成长奖励）的困难学生 / 本学年认定为困难的学生",
    Measure.MENTORS: "有在岗育人导师、且导师专长与帮扶需求相符（或中心已记录原因）的重点帮扶学生 / "
    "重点帮扶学生（本学年认定为困难且帮扶进行中）",
    Measure.RESCUE: "本学年既参加救助性教育、又经集体教研研讨的重点帮扶学生 / 重点帮扶学生",
}

# What a student lacks, by the flag columns of the SQL below (the drill-down's reason).
_PARTS: dict[Measure, tuple[tuple[str, str], ...]] = {
    Measure.VISITS: (("visited", "本学年无家访"),),
    Measure.REWARDS: (("rewarded", "本学年无成长奖励"),),
    Measure.ARCHIVE: (
        ("aided", "缺资助历史"),
        ("visited", "缺本学年家访"),
        ("traits", "缺学生特点"),
        ("rewarded", "缺本学年成长奖励"),
    ),
    Measure.MENTORS: (("has_mentor", "无在岗育人导师"), ("mentored", "导师专长不符且无中心说明")),
    Measure.RESCUE: (("rescue", "本学年无救助性教育"), ("conference", "本学年未经集体教研")),
}

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
    at_school: int = 0  # disadvantaged students with a 到校约谈 of the year (counted apart from #2)


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
    at_school: int = 0  # disadvantaged students with a 到校约谈 of the year (not a home visit)
    centers: list[CollegeCenter] = field(default_factory=list)  # #1, each with what it lacks

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
                {
                    "key": row.key,
                    "label": row.label,
                    "college": row.college,
                    "measures": ratios(row.ratios),
                    "at_school": row.at_school,
                }
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
            "at_school": self.at_school,
            "centers": [
                {"name": center.name, "school": center.is_school, "missing": list(center.missing)}
                for center in self.centers
            ],
            "rules": {measure.value: MEASURE_RULES[measure] for measure in self.totals},
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
    missing_parts: tuple[str, ...] = ()  # what the student lacks for the measure (docs/coverage.md)


@dataclass(frozen=True)
class CollegeCenter:
    """A college's support center, or the school's (``is_school``), and what it lacks for #1."""

    id: str
    name: str
    has_center: bool
    missing: tuple[str, ...] = ()
    is_school: bool = False


SCHOOL_CENTER_NAME = "学校学生发展支持中心"


def reference_day(academic_year: str, today: date | None = None) -> date:
    """The last day of the academic year, or today while it is running."""
    first, last = academic_year_bounds(academic_year)
    today = today or date.today()
    return max(first, min(last, today))


# -- SQL ---------------------------------------------------------------------------------------------
# The rules are docs/coverage.md; each flag below names the rule it implements.
_LEVELS = ", ".join(f"'{level}'" for level in DISADVANTAGED_LEVELS)
_DRAFT = VisitStatus.DRAFT.value
_AT_SCHOOL = VisitMode.AT_SCHOOL.value
_RESCUE = SessionKind.RESCUE_EDUCATION.value
_CONFERENCE = SessionKind.CASE_CONFERENCE.value

# The latest identification of each student for the year (as the roster reads it). SQLite takes the
# bare columns of a max() aggregate from the row holding the maximum (and a window function would be
# ten times slower here).
_IDENT = """
ident AS (
    SELECT student_id, level, visit_before_identification AS vbi, aid_decision, max(updated_at) AS latest
    FROM identification
    WHERE academic_year = :year AND deleted = 0
    GROUP BY student_id
)"""

# A visit counts for the year when it is submitted and dated in the year's window: 1 September – 31
# August, from 1 June before entry for a new student (pre-enrolment visits). :first_new is that 1 June.
_IN_WINDOW = (
    f"v.student_id = p.id AND v.deleted = 0 AND v.status != '{_DRAFT}' AND v.visit_date <= :last "
    "AND v.visit_date >= (CASE WHEN p.is_new_student THEN :first_new ELSE :first END)"
)

_POPULATION = f"""
WITH {_IDENT},
pop AS (
    SELECT s.id, s.college_id, s.counselor_id, s.class_name, s.is_new_student, i.level, i.vbi,
           i.aid_decision {{extra}}
    FROM ident i CROSS JOIN student s ON s.id = i.student_id  -- (CROSS: the year's identifications drive)
    WHERE s.deleted = 0 AND (i.level IN ({_LEVELS}) OR (i.level IS NULL AND i.vbi = 1)) {{scope}}
),
parts AS MATERIALIZED (  -- the visit and reward flags once (the archive reuses them)
    SELECT p.*,
        -- #2: a home visit (on site, phone, video, WeChat/QQ), 2; a 到校约谈 (counted apart), 1
        coalesce((SELECT max(v.mode != '{_AT_SCHOOL}') * 2 + max(v.mode = '{_AT_SCHOOL}')
                  FROM home_visit v WHERE {_IN_WINDOW}), 0) AS visits,
        -- #3: a growth reward of the year
        EXISTS (SELECT 1 FROM growth_reward r WHERE r.student_id = p.id AND r.deleted = 0
                AND r.academic_year = :year) AS rewarded
    FROM pop p
),
named AS (
    SELECT q.*, q.visits >= 2 AS visited, q.visits % 2 AS talked,
        -- #4 aid history: an aid record of the year, or the year's identification with its aid decision
        (EXISTS (SELECT 1 FROM guarantee_aid a WHERE a.student_id = q.id AND a.deleted = 0
                 AND a.academic_year = :year)
         OR (q.level IS NOT NULL AND q.aid_decision != '')) AS aided,
        -- #4 traits: from a counted visit of the year (ix_home_visit_traits) or the profile's 个人特长
        -- (INDEXED BY: the planner would read the wide rows instead of these narrow partial indexes)
        (q.id IN (SELECT t.id FROM student t INDEXED BY ix_student_talents WHERE t.talents != '')
         OR EXISTS (SELECT 1 FROM home_visit v INDEXED BY ix_home_visit_traits
                    WHERE {_IN_WINDOW.replace("p.", "q.")} AND v.mode != '{_AT_SCHOOL}'
                    AND v.student_traits != '')) AS traits
    FROM parts q
),
flags AS (
    -- #4: all four parts (the aid and traits questions are asked only when a visit and a reward exist)
    SELECT n.*, (n.visited AND n.rewarded AND n.aided AND n.traits) AS archived FROM named n
)"""

# Key-support students: key support active on the reference day AND a disadvantaged level this year.
# (A student has one identification per year, so "the year's identification" needs no latest-of here.)
_KEY_POPULATION = f"""
WITH kpop AS (
    SELECT s.id, s.college_id, s.counselor_id, s.class_name, s.is_new_student, 0 AS vbi {{extra}}
    FROM student s
    WHERE s.deleted = 0 {{scope}}
      AND s.id IN (SELECT k.student_id FROM key_support k WHERE k.deleted = 0
                   AND k.started_on <= :ref AND (k.exited_on IS NULL OR k.exited_on >= :ref))
      AND EXISTS (SELECT 1 FROM identification i WHERE i.academic_year = :year AND i.student_id = s.id
                  AND i.deleted = 0 AND i.level IN ({_LEVELS}))
),
discussed AS (
    SELECT j.value AS student_id, max(r.kind = '{_RESCUE}') AS rescue, max(r.kind = '{_CONFERENCE}') AS conference
    FROM rescue_session r, json_each(r.student_ids) j
    WHERE r.deleted = 0 AND r.session_date >= :first AND r.session_date <= :last
    GROUP BY j.value
),
kparts AS MATERIALIZED (
    SELECT p.*,
        -- #5: an active assignment of an active mentor on the reference day ...
        EXISTS (SELECT 1 FROM mentor_assignment a JOIN mentor m ON m.id = a.mentor_id
                WHERE a.student_id = p.id AND a.deleted = 0 AND m.deleted = 0 AND m.active = 1
                AND a.from_date <= :ref AND (a.to_date IS NULL OR a.to_date >= :ref)) AS has_mentor,
        -- ... whose expertise matches a need of the active key support, or with the center's reason
        EXISTS (SELECT 1 FROM mentor_assignment a JOIN mentor m ON m.id = a.mentor_id
                WHERE a.student_id = p.id AND a.deleted = 0 AND m.deleted = 0 AND m.active = 1
                AND a.from_date <= :ref AND (a.to_date IS NULL OR a.to_date >= :ref)
                AND (a.mismatch_reason != '' OR EXISTS (
                    SELECT 1 FROM key_support k, json_each(k.difficulty_types) need,
                                  json_each(m.specialties) skill
                    WHERE k.student_id = p.id AND k.deleted = 0 AND k.started_on <= :ref
                    AND (k.exited_on IS NULL OR k.exited_on >= :ref) AND need.value = skill.value))
        ) AS mentored,
        -- #6: both a rescue-education session and a collective case conference in the year
        coalesce(d.rescue, 0) AS rescue, coalesce(d.conference, 0) AS conference
    FROM kpop p LEFT JOIN discussed d ON d.student_id = p.id
),
kflags AS (
    SELECT q.*, (q.rescue AND q.conference) AS rescued FROM kparts q
)"""

# The columns a drill-down list shows (read from the wide student rows: only for the listed students).
_LISTED = ", s.student_no, s.name, s.origin_place"

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
        "first_new": new_student_window_start(academic_year).isoformat(),
        "last": last.isoformat(),
        "ref": reference_day(academic_year, today).isoformat(),
    }


GroupKey = tuple[str | None, str | None, str]


def _grouped(
    session: StoreSession,
    sql: str,
    params: dict[str, Any],
    measures: tuple[tuple[Measure, str], ...],
    extras: dict[str, dict[GroupKey, int]] | None = None,
) -> dict[GroupKey, dict[Measure, Ratio]]:
    """Ratios per (college, counselor, class); ``extras`` collects plain counts by column name."""
    groups: dict[GroupKey, dict[Measure, Ratio]] = {}
    for row in session.db.execute(text(sql), params):
        key: GroupKey = (row.college_id, row.counselor_id, row.class_name or "")
        total = int(row.total)
        groups[key] = {measure: Ratio(int(getattr(row, column) or 0), total) for measure, column in measures}
        for column, counts in (extras or {}).items():
            counts[key] = int(getattr(row, column) or 0)
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

    student_sql = (_POPULATION.format(scope=scope_sql, extra="")) + _GROUP.format(
        sums="SUM(visited) AS visited, SUM(rewarded) AS rewarded, SUM(archived) AS archived, "
        "SUM(vbi = 1 AND level IS NULL AND visited = 0) AS awaiting, SUM(talked) AS talked",
        source="flags",
    )
    extras: dict[str, dict[GroupKey, int]] = {"awaiting": {}, "talked": {}}
    student_groups = _grouped(
        session,
        student_sql,
        params,
        ((Measure.VISITS, "visited"), (Measure.REWARDS, "rewarded"), (Measure.ARCHIVE, "archived")),
        extras=extras,
    )
    awaiting = sum(extras["awaiting"].values())
    talks: dict[str, dict[Any, int]] = {"college": {}, "counselor": {}, "class": {}}
    for (college_id, counselor_id, class_name), count in extras["talked"].items():
        for kind, key in (
            ("college", college_id),
            ("counselor", counselor_id),
            ("class", (college_id, class_name)),
        ):
            talks[kind][key] = talks[kind].get(key, 0) + count
    key_groups: dict[GroupKey, dict[Measure, Ratio]] = {}
    if include_key_support:
        key_sql = _KEY_POPULATION.format(scope=scope_sql, extra="") + _GROUP.format(
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
    centers = {college.id: college.has_center for college in colleges if not college.is_school}
    for college_id in centers:
        by_college.setdefault(college_id, blank())

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
            at_school=talks["college"].get(college_id, 0),
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
                at_school=talks["counselor"].get(counselor_id, 0),
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
                at_school=talks["class"].get((college_id, class_name), 0),
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
        at_school=sum(extras["talked"].values()),
        centers=colleges,
    )


@dataclass(frozen=True)
class _College:
    id: str
    name: str
    missing: tuple[str, ...]
    active: bool


def _names(value: str | None) -> list[str]:
    names = json.loads(value) if value else []
    return [str(name) for name in names] if isinstance(names, list) else []


def _all_colleges(session: StoreSession) -> list[_College]:
    rows = session.db.execute(
        text(
            "SELECT id, name, active, center_site, center_director, center_deputies FROM college "
            "WHERE deleted = 0 ORDER BY name"
        )
    )
    return [
        _College(
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
    colleges = [college for college in _all_colleges(session) if college.active]
    if scope.kind is ScopeKind.SCHOOL and scope.college_id is None and scope.counselor_id is None:
        centers = [CollegeCenter(c.id, c.name, not c.missing, c.missing) for c in colleges]
        return [*centers, school_center(session)]
    if scope.college_id is not None:
        colleges = [college for college in colleges if college.id == scope.college_id]
    elif scope.counselor_id is not None:
        college_id = session.db.execute(
            text("SELECT college_id FROM user WHERE id = :id"), {"id": scope.counselor_id}
        ).scalar()
        colleges = [college for college in colleges if college.id == college_id]
    return [CollegeCenter(c.id, c.name, not c.missing, c.missing) for c in colleges]


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
        super().__init__("重点帮扶学生名单仅对学生发展支持中心开放；辅导员请在学生档案中逐一查看。")


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
        head, source, first_key = _KEY_POPULATION.format(scope=scope_sql, extra=_LISTED), "kflags", "0"
    else:
        head, source = _POPULATION.format(scope=scope_sql, extra=_LISTED), "flags"
        first_key = "(p.vbi = 1 AND p.level IS NULL AND p.visited = 0)"
    sql = (
        head
        + f"""
SELECT p.*, c.name AS college, u.name AS counselor, {first_key} AS visit_first
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
            missing_parts=_missing_parts(measure, row),
        )
        for row in session.db.execute(text(sql), params)
    ]


def _missing_parts(measure: Measure, row: Any) -> tuple[str, ...]:
    parts = _PARTS[measure]
    if measure is Measure.MENTORS and not row.has_mentor:
        parts = parts[:1]
    return tuple(reason for column, reason in parts if not getattr(row, column))
