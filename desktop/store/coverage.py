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
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import text

from desktop.store.coverage_facts import (
    GroupKey,
    YearFacts,
    read_year_facts,
    reference_day,
    year_params,
)
from desktop.store.repositories.session import StoreSession
from sync.records import center_missing
from sync.records.enums import CodedEnum, FlagStatus


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

# What a student lacks, by the sets of YearFacts (the drill-down's reason).
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


def _count_groups(
    facts: YearFacts, measures: tuple[Measure, ...]
) -> tuple[dict[GroupKey, list[int]], dict[GroupKey, list[int]]]:
    """Per (college, counselor, class): the population, the covered count of each measure, and (for the
    students' measures) the 到校约谈 and awaiting counts; groups with nobody to count are left out."""
    student_counts: dict[GroupKey, list[int]] = {}
    key_counts: dict[GroupKey, list[int]] = {}
    student_sets = [_covered(facts, measure) for measure in STUDENT_MEASURES]
    key_sets = [_covered(facts, measure) for measure in KEY_SUPPORT_MEASURES if measure in measures]
    for key, ids in facts.groups.items():
        population = facts.population.intersection(ids)
        if population:
            student_counts[key] = [
                len(population),
                *(len(population & covered) for covered in student_sets),
                len(population & facts.talked),
                len(population & facts.awaiting),
            ]
        if key_sets:
            key_population = facts.key_population.intersection(ids)
            if key_population:
                key_counts[key] = [len(key_population), *(len(key_population & s) for s in key_sets)]
    return student_counts, key_counts


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
    measures = (Measure.CENTER, *STUDENT_MEASURES, *(KEY_SUPPORT_MEASURES if include_key_support else ()))
    counted = measures[1:]
    student_counts, key_counts = _count_groups(facts, measures)

    # [covered, total] per measure (in ``counted`` order), summed over the groups of each row
    def blank() -> list[int]:
        return [0] * (2 * len(counted))

    totals = blank()
    by_college: dict[str | None, list[int]] = {}
    by_counselor: dict[str | None, list[int]] = {}
    by_class: dict[tuple[str | None, str], list[int]] = {}
    talks: dict[str, dict[Any, int]] = {"college": {}, "counselor": {}, "class": {}}
    awaiting = at_school = 0
    for offset, group_measures, counts in (
        (0, STUDENT_MEASURES, student_counts),
        (len(STUDENT_MEASURES), KEY_SUPPORT_MEASURES, key_counts),
    ):
        for (college_id, counselor_id, raw_class), values in counts.items():
            class_name = raw_class or ""
            targets = (
                totals,
                by_college.setdefault(college_id, blank()),
                by_counselor.setdefault(counselor_id, blank()),
                by_class.setdefault((college_id, class_name), blank()),
            )
            total = values[0]
            for index in range(len(group_measures)):
                slot = 2 * (offset + index)
                for target in targets:
                    target[slot] += values[1 + index]
                    target[slot + 1] += total
            if group_measures is STUDENT_MEASURES:
                talked, waiting = values[-2], values[-1]
                awaiting += waiting
                at_school += talked
                for kind, key in (
                    ("college", college_id),
                    ("counselor", counselor_id),
                    ("class", (college_id, class_name)),
                ):
                    talks[kind][key] = talks[kind].get(key, 0) + talked

    made: dict[tuple[int, int], Ratio] = {}  # (Ratio is immutable: rows with the same counts share one)

    def ratios(values: list[int]) -> dict[Measure, Ratio]:
        found: dict[Measure, Ratio] = {}
        for index, measure in enumerate(counted):
            pair = (values[2 * index], values[2 * index + 1])
            ratio = made.get(pair)
            if ratio is None:
                ratio = made[pair] = Ratio(*pair)
            found[measure] = ratio
        return found

    colleges = college_centers(session, scope)
    college_names = {college.id: college.name for college in _all_colleges(session)}
    counselor_names = _counselor_names(session)
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
                **ratios(values),
            },
            at_school=talks["college"].get(college_id, 0),
        )
        for college_id, values in by_college.items()
    ]
    college_rows.sort(key=lambda row: (row.label == "（未分配学院）", row.label))
    counselor_rows = sorted(
        (
            BreakdownRow(
                key=counselor_id or "",
                label=counselor_names.get(counselor_id or "", "") or "（未分配辅导员）",
                ratios=ratios(values),
                at_school=talks["counselor"].get(counselor_id, 0),
            )
            for counselor_id, values in by_counselor.items()
        ),
        key=lambda row: (row.key == "", row.label),
    )
    class_rows = sorted(
        (
            BreakdownRow(
                key=f"{college_id or ''}/{class_name}",
                label=class_name or "（未填写班级）",
                ratios=ratios(values),
                college=college_label(college_id),
                at_school=talks["class"].get((college_id, class_name), 0),
            )
            for (college_id, class_name), values in by_class.items()
        ),
        key=lambda row: (row.college, row.label),
    )
    return CoverageReport(
        academic_year=academic_year,
        scope=scope,
        reference_day=reference_day(academic_year, today),
        include_key_support=include_key_support,
        totals={Measure.CENTER: center_total, **ratios(totals)},
        by_college=college_rows,
        by_counselor=counselor_rows,
        by_class=class_rows,
        flags=flag_counts(session, academic_year, facts.students),
        awaiting_visit_first=awaiting,
        at_school=at_school,
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


# The set of the students who have each measure, by name in YearFacts.
_COVERED: dict[Measure, str] = {
    Measure.VISITS: "visited",
    Measure.REWARDS: "rewarded",
    Measure.ARCHIVE: "archived",
    Measure.MENTORS: "mentored",
    Measure.RESCUE: "rescued",
}


def _covered(facts: YearFacts, measure: Measure) -> set[str]:
    covered: set[str] = getattr(facts, _COVERED[measure])
    return covered


class KeySupportHidden(PermissionError):
    """The caller's role may not see key-support students."""

    def __init__(self) -> None:
        super().__init__("重点帮扶学生名单仅对学生发展支持中心开放；辅导员请在学生档案中逐一查看。")


# The columns a drill-down list shows, read from the wide student rows of the listed students only.
_LISTED = """
SELECT s.id, s.student_no, s.name, s.origin_place, s.class_name, s.is_new_student,
       c.name AS college, u.name AS counselor
FROM json_each(:ids) j CROSS JOIN student s ON s.id = j.value
LEFT JOIN college c ON c.id = s.college_id LEFT JOIN user u ON u.id = s.counselor_id"""


def _narrowed(
    groups: Mapping[GroupKey, list[str]],
    college_id: str | None,
    counselor_id: str | None,
    class_name: str | None,
) -> Iterable[str]:
    """The students of the groups matching a breakdown row ("" for a college or counselor: none)."""
    for (college, counselor, klass), ids in groups.items():
        if college_id is not None and college != (college_id or None):
            continue
        if counselor_id is not None and counselor != (counselor_id or None):
            continue
        if class_name is not None and klass != class_name:
            continue
        yield from ids


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
    population = facts.key_population if key_measure else facts.population
    missing = population - _covered(facts, measure)
    if college_id is not None or counselor_id is not None or class_name is not None:
        missing = missing.intersection(_narrowed(facts.groups, college_id, counselor_id, class_name))
    visit_first = set() if key_measure else facts.awaiting
    rows = sorted(
        session.db.execute(text(_LISTED), {"ids": json.dumps(sorted(missing))}),
        key=lambda row: (row.id not in visit_first, not row.is_new_student, row.student_no),
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
            missing_parts=_missing_parts(facts, measure, row.id),
        )
        for row in rows
    ]


def _missing_parts(facts: YearFacts, measure: Measure, student_id: str) -> tuple[str, ...]:
    parts = _PARTS[measure]
    if measure is Measure.MENTORS and student_id not in facts.has_mentor:
        parts = parts[:1]
    return tuple(reason for name, reason in parts if student_id not in getattr(facts, name))
