"""The six full coverages (六个全覆盖) computed from the records themselves (``SchoolFacts``), for the laptop
and the center's server alike; the laptop's dashboard computes the same figures from its store with
set-based SQL (``desktop/store/coverage.py``), and both build ``YearFacts`` (who has which part) and pass it
to ``assemble`` here, so they differ only in how the sets are read.

    facts = SchoolFacts.of_records(records)          # at least the types of FACT_TYPES
    report = coverage_of(facts, "2025-2026", CoverageScope.school(), include_key_support=True)
    missing_of(facts, "2025-2026", CoverageScope.school(), Measure.VISITS)

docs/coverage.md is the rule of each measure. Where a store holds two identifications of a student for one
year (the app refuses it), the one added last to the facts counts (the laptop adds them in the order of their
last change, as its SQL reads "latest").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sync.figures.coverage_report import (
    COVERED_SET,
    EMPTY,
    KEY_SUPPORT_MEASURES,
    MISSING_PARTS,
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
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs
from sync.figures.population import Latest, awaits_level, is_disadvantaged, latest_identifications
from sync.records import (
    College,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    KeySupport,
    Mentor,
    MentorAssignment,
    MonitoringFlag,
    Record,
    RescueSession,
    SchoolCenter,
    Student,
    User,
    academic_year_bounds,
    center_missing,
)
from sync.records.academic import new_student_window_start
from sync.records.enums import FlagStatus, SessionKind, VisitMode, VisitStatus

# The record types the coverages read (a SchoolFacts holding fewer reads the rest as empty).
FACT_TYPES: tuple[type[Record], ...] = (
    Student,
    Identification,
    HomeVisit,
    GrowthReward,
    GuaranteeAid,
    KeySupport,
    MentorAssignment,
    Mentor,
    RescueSession,
    MonitoringFlag,
    College,
    SchoolCenter,
    User,
)

# What the coverages read of each type (a reader may fetch only this; see needs.py).
COVERAGE_NEEDS: dict[type[Record], Needs] = {
    Student: Needs(
        (
            "college_id",
            "counselor_id",
            "class_name",
            "is_new_student",
            "talents",
            "student_no",
            "name",
            "origin_place",
        )
    ),
    Identification: Needs(
        ("student_id", "academic_year", "level", "visit_before_identification", "aid_decision"),
        year_field="academic_year",
    ),
    HomeVisit: Needs(
        ("student_id", "status", "visit_date", "mode", "student_traits"), date_field="visit_date"
    ),
    GrowthReward: Needs(("student_id", "academic_year"), year_field="academic_year"),
    GuaranteeAid: Needs(("student_id", "academic_year"), year_field="academic_year"),
    KeySupport: Needs(("student_id", "started_on", "exited_on", "difficulty_types")),
    MentorAssignment: Needs(("student_id", "mentor_id", "from_date", "to_date", "mismatch_reason")),
    Mentor: Needs(("active", "specialties")),
    RescueSession: Needs(("session_date", "kind", "student_ids"), date_field="session_date"),
    MonitoringFlag: Needs(("student_id", "status", "resolved_on", "raised_on")),
    College: Needs(("name", "active", "center_site", "center_director", "center_deputies")),
    SchoolCenter: Needs(("name", "site", "director", "deputies")),
    User: Needs(("name", "college_id")),
}

GroupKey = tuple[str | None, str | None, str | None]  # (college_id, counselor_id, class_name) as stored


@dataclass
class YearFacts:
    """The students in scope (by group) and, among them, who has which part of which coverage."""

    groups: dict[GroupKey, list[str]]  # every student in scope, by (college, counselor, class)
    students: set[str]  # every student in scope
    new_students: set[str]
    # #2-#4: the disadvantaged students of the year (and 先家访后认定 new students awaiting their level)
    population: set[str] = field(default_factory=set)
    awaiting: set[str] = field(default_factory=set)  # awaiting their level, not yet visited
    visited: set[str] = field(default_factory=set)  # a home visit in the student's window (#2)
    talked: set[str] = field(default_factory=set)  # a 到校约谈 in the window (counted apart)
    rewarded: set[str] = field(default_factory=set)  # a growth reward of the year (#3)
    aided: set[str] = field(default_factory=set)  # aid history: a record of the year or the aid decision
    traits: set[str] = field(default_factory=set)  # traits on a counted visit, or 个人特长 in the profile
    archived: set[str] = field(default_factory=set)  # all four parts (#4)
    # #5-#6 (empty unless key support was asked for)
    key_population: set[str] = field(default_factory=set)
    has_mentor: set[str] = field(default_factory=set)
    mentored: set[str] = field(default_factory=set)
    rescue: set[str] = field(default_factory=set)
    conference: set[str] = field(default_factory=set)
    rescued: set[str] = field(default_factory=set)

    def covered(self, measure: Measure) -> set[str]:
        covered: set[str] = getattr(self, COVERED_SET[measure])
        return covered

    def missing_parts(self, measure: Measure, student_id: str) -> tuple[str, ...]:
        """What a student lacks for a measure (the drill-down's reason)."""
        parts = MISSING_PARTS[measure]
        if measure is Measure.MENTORS and student_id not in self.has_mentor:
            parts = parts[:1]
        return tuple(reason for name, reason in parts if student_id not in getattr(self, name))

    def missing(
        self,
        measure: Measure,
        college_id: str | None = None,
        counselor_id: str | None = None,
        class_name: str | None = None,
    ) -> tuple[set[str], set[str]]:
        """Who lacks a measure (narrowed to a breakdown row; "" for a college or counselor: none), and
        which of them wait for their visit first (shown first)."""
        key_measure = measure in KEY_SUPPORT_MEASURES
        population = self.key_population if key_measure else self.population
        missing = population - self.covered(measure)
        if college_id is not None or counselor_id is not None or class_name is not None:
            missing = missing.intersection(_narrowed(self.groups, college_id, counselor_id, class_name))
        return missing, set() if key_measure else self.awaiting


def _narrowed(
    groups: Mapping[GroupKey, list[str]],
    college_id: str | None,
    counselor_id: str | None,
    class_name: str | None,
) -> Iterable[str]:
    for (college, counselor, klass), ids in groups.items():
        if college_id is not None and college != (college_id or None):
            continue
        if counselor_id is not None and counselor != (counselor_id or None):
            continue
        if class_name is not None and klass != class_name:
            continue
        yield from ids


def missing_order(visit_first: set[str]) -> Callable[[str, bool, str], tuple[bool, bool, str]]:
    """The drill-down's order: 先家访后认定 students first, then new students, then by 学号."""

    def key(student_id: str, is_new_student: bool, student_no: str) -> tuple[bool, bool, str]:
        return (student_id not in visit_first, not is_new_student, student_no)

    return key


def _active(start: date, end: date | None, day: date) -> bool:
    return start <= day and (end is None or end >= day)


def year_facts(
    facts: SchoolFacts,
    academic_year: str,
    scope: CoverageScope,
    *,
    include_key_support: bool,
    today: date | None = None,
) -> YearFacts:
    """docs/coverage.md over the records: who in scope has which part for the year."""
    first, last = academic_year_bounds(academic_year)
    first_new = new_student_window_start(academic_year)
    ref = reference_day(academic_year, today)
    groups: dict[GroupKey, list[str]] = {}
    new_students: set[str] = set()
    talented: set[str] = set()
    for student in facts.of(Student):
        if scope.college_id is not None and student.college_id != scope.college_id:
            continue
        if scope.counselor_id is not None and student.counselor_id != scope.counselor_id:
            continue
        groups.setdefault((student.college_id, student.counselor_id, student.class_name), []).append(
            student.id
        )
        if student.is_new_student:
            new_students.add(student.id)
        if student.talents != "":
            talented.add(student.id)
    students: set[str] = set().union(*groups.values())
    year = YearFacts(groups, students, new_students)

    # The latest identification: the last recorded (see the module's docstring).
    latest = {
        sid: ident
        for sid, ident in latest_identifications(facts, academic_year, order=Latest.RECORDED).items()
        if sid in students
    }
    identified_any = {  # any identification of the year at a disadvantaged level (#5-#6), not only the latest
        ident.student_id
        for ident in facts.of(Identification)
        if ident.academic_year == academic_year and ident.student_id in students and is_disadvantaged(ident)
    }
    awaiting_level = {sid for sid, ident in latest.items() if awaits_level(ident)}
    identified = {sid for sid, ident in latest.items() if is_disadvantaged(ident)}
    population = year.population = identified | awaiting_level
    if population:
        for visit in facts.of(HomeVisit):
            sid = visit.student_id
            if sid not in population or visit.status is VisitStatus.DRAFT or visit.visit_date > last:
                continue
            if visit.visit_date < (first_new if sid in new_students else first):
                continue
            if visit.mode is VisitMode.AT_SCHOOL:
                year.talked.add(sid)
            else:
                year.visited.add(sid)
                if visit.student_traits != "":
                    year.traits.add(sid)
        year.awaiting = awaiting_level - year.visited
        year.rewarded = {r.student_id for r in facts.of(GrowthReward) if r.academic_year == academic_year}
        year.rewarded &= population
        year.aided = {a.student_id for a in facts.of(GuaranteeAid) if a.academic_year == academic_year}
        year.aided = (year.aided & population) | {sid for sid in identified if latest[sid].aid_decision != ""}
        year.traits |= talented & population
        year.archived = year.visited & year.rewarded & year.aided & year.traits

    if include_key_support:
        _key_support(facts, year, identified_any, first, last, ref)
    return year


def _key_support(
    facts: SchoolFacts, year: YearFacts, identified_any: set[str], first: date, last: date, ref: date
) -> None:
    needs: dict[str, set[str]] = {}
    for support in facts.of(KeySupport):
        if support.student_id in identified_any and _active(support.started_on, support.exited_on, ref):
            needs.setdefault(support.student_id, set()).update(support.difficulty_types)
    key_population = year.key_population = set(needs)
    mentors = {mentor.id: mentor for mentor in facts.of(Mentor) if mentor.active}
    for assignment in facts.of(MentorAssignment):
        sid = assignment.student_id
        mentor = mentors.get(assignment.mentor_id)
        if sid not in key_population or mentor is None:
            continue
        if not _active(assignment.from_date, assignment.to_date, ref):
            continue
        year.has_mentor.add(sid)
        if assignment.mismatch_reason != "" or needs[sid].intersection(mentor.specialties):
            year.mentored.add(sid)
    for session in facts.of(RescueSession):
        if first <= session.session_date <= last:
            found = key_population.intersection(session.student_ids)
            (year.rescue if session.kind is SessionKind.RESCUE_EDUCATION else year.conference).update(found)
    year.rescued = year.rescue & year.conference


def _count_groups(
    facts: YearFacts, measures: tuple[Measure, ...]
) -> tuple[dict[GroupKey, list[int]], dict[GroupKey, list[int]]]:
    """Per (college, counselor, class): the population, the covered count of each measure, and (for the
    students' measures) the 到校约谈 and awaiting counts; groups with nobody to count are left out."""
    student_counts: dict[GroupKey, list[int]] = {}
    key_counts: dict[GroupKey, list[int]] = {}
    student_sets = [facts.covered(measure) for measure in STUDENT_MEASURES]
    key_sets = [facts.covered(measure) for measure in KEY_SUPPORT_MEASURES if measure in measures]
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


@dataclass(frozen=True)
class CenterInput:
    """A live college as #1 reads it: its name, whether it is active and what its center lacks."""

    id: str
    name: str
    missing: tuple[str, ...]
    active: bool


def scope_centers(
    colleges: Sequence[CenterInput],
    school: CollegeCenter,
    scope: CoverageScope,
    counselor_college: str | None,
) -> list[CollegeCenter]:
    """Coverage #1 in scope: the active colleges' centers (by name), and the school's at school scope;
    a counselor's scope is the counselor's college (``counselor_college``)."""
    active = sorted((college for college in colleges if college.active), key=lambda college: college.name)
    whole_school = scope.kind is ScopeKind.SCHOOL and scope.college_id is None and scope.counselor_id is None
    if scope.college_id is not None:
        active = [college for college in active if college.id == scope.college_id]
    elif scope.counselor_id is not None:
        active = [college for college in active if college.id == counselor_college]
    centers = [CollegeCenter(c.id, c.name, not c.missing, c.missing) for c in active]
    return [*centers, school] if whole_school else centers


def assemble(
    facts: YearFacts,
    academic_year: str,
    scope: CoverageScope,
    *,
    include_key_support: bool,
    today: date | None,
    centers: list[CollegeCenter],
    college_names: Mapping[str, str],
    counselor_names: Mapping[str, str],
    flags: FlagCounts,
) -> CoverageReport:
    """The six coverages with their breakdowns by college, counselor and class, from the year's sets."""
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

    center_total = Ratio(sum(1 for c in centers if c.has_center), len(centers))
    has_center = {center.id: center.has_center for center in centers if not center.is_school}
    for college_id in has_center:
        by_college.setdefault(college_id, blank())

    def college_label(college_id: str | None) -> str:
        return college_names.get(college_id or "", "") or "（未分配学院）"

    college_rows = [
        BreakdownRow(
            key=college_id or "",
            label=college_label(college_id),
            ratios={
                Measure.CENTER: Ratio(int(has_center.get(college_id or "", False)), 1)
                if college_id in has_center
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
        flags=flags,
        awaiting_visit_first=awaiting,
        at_school=at_school,
        centers=centers,
    )


def _centers(facts: SchoolFacts, scope: CoverageScope) -> list[CollegeCenter]:
    colleges = [
        CenterInput(college.id, college.name, tuple(college.center_missing), college.active)
        for college in facts.of(College)
    ]
    schools = facts.of(SchoolCenter)  # one (the first recorded counts)
    if schools:
        center = schools[0]
        missing = tuple(center.center_missing)
        school = CollegeCenter(
            center.id, center.name or SCHOOL_CENTER_NAME, not missing, missing, is_school=True
        )
    else:
        missing = tuple(center_missing("", "", []))
        school = CollegeCenter("", SCHOOL_CENTER_NAME, False, missing, is_school=True)
    counselor_college = None
    if scope.counselor_id is not None:
        user = facts.by_id(User).get(scope.counselor_id)
        counselor_college = user.college_id if user is not None else None
    return scope_centers(colleges, school, scope, counselor_college)


def _flags(facts: SchoolFacts, academic_year: str, students: set[str]) -> FlagCounts:
    first, last = academic_year_bounds(academic_year)
    flags = [flag for flag in facts.of(MonitoringFlag) if flag.student_id in students]
    return FlagCounts(
        open=sum(flag.status is FlagStatus.OPEN for flag in flags),
        in_progress=sum(flag.status is FlagStatus.IN_PROGRESS for flag in flags),
        resolved_this_year=sum(
            flag.status is FlagStatus.RESOLVED
            and flag.resolved_on is not None
            and first <= flag.resolved_on <= last
            for flag in flags
        ),
        raised_this_year=sum(first <= flag.raised_on <= last for flag in flags),
    )


def coverage_of(
    facts: SchoolFacts,
    academic_year: str,
    scope: CoverageScope | None = None,
    *,
    include_key_support: bool,
    today: date | None = None,
) -> CoverageReport:
    """The six coverages with their breakdowns by college, counselor and class (as the dashboard's)."""
    scope = scope or CoverageScope.school()
    year = year_facts(facts, academic_year, scope, include_key_support=include_key_support, today=today)
    return assemble(
        year,
        academic_year,
        scope,
        include_key_support=include_key_support,
        today=today,
        centers=_centers(facts, scope),
        college_names={college.id: college.name for college in facts.of(College)},
        counselor_names={user.id: user.name for user in facts.of(User)},
        flags=_flags(facts, academic_year, year.students),
    )


def missing_of(
    facts: SchoolFacts,
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
    """The students still missing a measure, in the drill-down's order (as the dashboard's)."""
    if measure is Measure.CENTER:
        raise ValueError("支持中心覆盖按学院统计，请使用 coverage_of(...).centers")
    if measure in KEY_SUPPORT_MEASURES and not include_key_support:
        raise KeySupportHidden()
    scope = scope or CoverageScope.school()
    key_measure = measure in KEY_SUPPORT_MEASURES
    year = year_facts(facts, academic_year, scope, include_key_support=key_measure, today=today)
    missing, visit_first = year.missing(measure, college_id, counselor_id, class_name)
    order = missing_order(visit_first)
    students = sorted(
        (student for student in facts.of(Student) if student.id in missing),
        key=lambda student: order(student.id, student.is_new_student, student.student_no),
    )
    if limit is not None:
        students = students[: max(limit, 0)]
    colleges = {college.id: college.name for college in facts.of(College)}
    counselors = {user.id: user.name for user in facts.of(User)}
    return [
        MissingStudent(
            id=student.id,
            student_no=student.student_no,
            name=student.name,
            college=colleges.get(student.college_id or "", ""),
            class_name=student.class_name,
            counselor=counselors.get(student.counselor_id or "", ""),
            is_new_student=student.is_new_student,
            visit_first=student.id in visit_first,
            origin_place=student.origin_place,
            missing_parts=year.missing_parts(measure, student.id),
        )
        for student in students
    ]
