"""What each student has for the coverages of one academic year, as sets of student ids.

    facts = read_year_facts(session, "2025-2026", scope, include_key_support=True, today=None)
    facts.population            # disadvantaged students of the year in scope (#2-#4)
    facts.covered(Measure.ARCHIVE) & facts.population

The rules are docs/coverage.md. Each input is read once for the whole year by a set-based query over a
narrow covering index (schema v8: the year's rewards and aid records, the visits of a date window, the
students by college, counselor and class), with the ids concatenated in SQL (``group_concat``) and split
in Python, so no query runs per student and no wide row is decrypted. The per-student rule is then set
algebra: e.g. archived = visited ∩ rewarded ∩ aided ∩ with traits. ``compute_coverage`` counts these
sets per (college, counselor, class) and ``missing_students`` lists the students outside them, so the
figures and the drill-downs come from the same sets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from desktop.store.repositories.roster import DISADVANTAGED_LEVELS
from desktop.store.repositories.session import StoreSession
from sync.figures.coverage import GroupKey, YearFacts
from sync.figures.coverage_report import reference_day
from sync.records import VisitStatus, academic_year_bounds
from sync.records.academic import new_student_window_start
from sync.records.enums import SessionKind, VisitMode

# Ids are joined with the ASCII unit separator, which no record id (a UUID) contains.
SEPARATOR = "\x1f"
_JOIN = "char(31)"

_LEVELS = ", ".join(f"'{level}'" for level in DISADVANTAGED_LEVELS)


def year_params(academic_year: str, today: date | None) -> dict[str, Any]:
    first, last = academic_year_bounds(academic_year)
    return {
        "year": academic_year,
        "first": first.isoformat(),
        "first_new": new_student_window_start(academic_year).isoformat(),
        "last": last.isoformat(),
        "ref": reference_day(academic_year, today).isoformat(),
    }


def scope_sql(college_id: str | None, counselor_id: str | None, alias: str) -> tuple[str, dict[str, Any]]:
    """The ``AND …`` narrowing students to a college and/or a counselor, with its parameters."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    if college_id is not None:
        parts.append(f"AND {alias}.college_id = :scope_college")
        params["scope_college"] = college_id
    if counselor_id is not None:
        parts.append(f"AND {alias}.counselor_id = :scope_counselor")
        params["scope_counselor"] = counselor_id
    return " ".join(parts), params


def _among(students: set[str], value: str | None) -> set[str]:
    """The ``students`` among the ids concatenated in ``value`` (``NULL``: none)."""
    return students.intersection(value.split(SEPARATOR)) if value else set()


def _concat(condition: str, column: str = "student_id") -> str:
    return f"group_concat(CASE WHEN {condition} THEN {column} END, {_JOIN})"


# The students in scope by (college, counselor, class), read in index order (ix_student_groups), so the
# grouping needs no sort; the new students (是否新生) apart for their visit window.
_STUDENTS = f"""
SELECT college_id, counselor_id, class_name, group_concat(id, {_JOIN}) AS ids,
       {_concat("is_new_student", "id")} AS new_ids
FROM student INDEXED BY ix_student_groups
WHERE deleted = 0 {{scope}}
GROUP BY college_id, counselor_id, class_name"""

# The latest identification of each student for the year (as the roster reads it). A student has one
# identification a year (the app refuses a second), so one flat pass over ix_identification_coverage
# reads them, and counts the students with more than one (streaming in student order, no sort)...
_HARDSHIP = f"level IN ({_LEVELS})"
_IDENT_COLUMNS = f"""
{_concat("hardship")} AS identified,
{_concat("awaiting")} AS awaiting_level,
{_concat("decided")} AS decided"""
_IDENT_EXPRESSIONS = f"""
{_HARDSHIP} AS hardship,
level IS NULL AND visit_before_identification = 1 AS awaiting,
{_HARDSHIP} AND aid_decision != '' AS decided"""
_IDENTIFICATIONS = f"""
SELECT {_IDENT_COLUMNS},
    (SELECT count(*) FROM (
        SELECT 1 FROM identification WHERE academic_year = :year AND deleted = 0
        GROUP BY student_id HAVING count(*) > 1)) AS repeated
FROM (SELECT student_id, {_IDENT_EXPRESSIONS}
      FROM identification WHERE academic_year = :year AND deleted = 0)"""
# ... and only when a store holds more than one for a student, the latest of each: SQLite takes the bare columns of the (only) max() aggregate, and the expressions on them, from
# the row holding the maximum.
_LATEST_IDENTIFICATIONS = f"""
WITH ident AS (
    SELECT student_id, {_IDENT_EXPRESSIONS}, max(updated_at) AS latest
    FROM identification
    WHERE academic_year = :year AND deleted = 0
    GROUP BY student_id
)
SELECT {_IDENT_COLUMNS} FROM ident"""

# The submitted visits of the widest window (a new student's, from 1 June before the year) in date
# order, from ix_home_visit_window alone: its last column is the expression "traits recorded", which
# SQLite reads from the index only when it is a plain result column, hence the inner query (LIMIT -1
# keeps it from being merged into the outer one). "Summer" visits (before 1 September) count for new
# students only; traits count on a home visit (not a 到校约谈).
_AT_SCHOOL = VisitMode.AT_SCHOOL.value
_VISITS = f"""
SELECT {_concat("home AND in_year")} AS home_year,
       {_concat("home AND NOT in_year")} AS home_summer,
       {_concat("NOT home AND in_year")} AS talk_year,
       {_concat("NOT home AND NOT in_year")} AS talk_summer,
       {_concat("home AND traits AND in_year")} AS traits_year,
       {_concat("home AND traits AND NOT in_year")} AS traits_summer
FROM (
    SELECT student_id, mode != '{_AT_SCHOOL}' AS home, visit_date >= :first AS in_year,
           student_traits != '' AS traits
    FROM home_visit INDEXED BY ix_home_visit_window
    WHERE visit_date >= :first_new AND visit_date <= :last AND deleted = 0
      AND status != '{VisitStatus.DRAFT.value}'
    LIMIT -1
)"""

# The students with 个人特长 in the profile (the expression column of ix_student_groups, read as a plain
# result column as above), the year's growth rewards and aid records.
_ARCHIVE_INPUTS = f"""
SELECT
    (SELECT group_concat(id, {_JOIN}) FROM (
        SELECT id, talents != '' AS talented FROM student INDEXED BY ix_student_groups
        WHERE deleted = 0 LIMIT -1) WHERE talented) AS talents,
    (SELECT group_concat(student_id, {_JOIN}) FROM growth_reward INDEXED BY ix_growth_reward_year
     WHERE academic_year = :year AND deleted = 0) AS rewarded,
    (SELECT group_concat(student_id, {_JOIN}) FROM guarantee_aid INDEXED BY ix_guarantee_aid_year
     WHERE academic_year = :year AND deleted = 0) AS aid_records"""

# Key support (a few thousand rows): support active on the reference day (of a student identified at a
# disadvantaged level for the year); an active assignment of an
# active mentor, and those whose mentor's expertise matches a need of the active support (or with the
# center's reason); the students discussed in the year's rescue-education sessions and case conferences.
_ACTIVE_SUPPORT = "k.deleted = 0 AND k.started_on <= :ref AND (k.exited_on IS NULL OR k.exited_on >= :ref)"
_KEY_SUPPORT = f"""
SELECT
    -- the key-support population reads the year's identification (any at a disadvantaged level)
    (SELECT group_concat(k.student_id, {_JOIN}) FROM key_support k
     WHERE {_ACTIVE_SUPPORT} AND EXISTS (
         SELECT 1 FROM identification i WHERE i.academic_year = :year AND i.student_id = k.student_id
         AND i.deleted = 0 AND i.level IN ({_LEVELS}))) AS supported,
    (SELECT group_concat(a.student_id, {_JOIN})
     FROM mentor_assignment a JOIN mentor m ON m.id = a.mentor_id
     WHERE a.deleted = 0 AND m.deleted = 0 AND m.active = 1
       AND a.from_date <= :ref AND (a.to_date IS NULL OR a.to_date >= :ref)) AS has_mentor,
    (SELECT group_concat(a.student_id, {_JOIN})
     FROM mentor_assignment a JOIN mentor m ON m.id = a.mentor_id
     WHERE a.deleted = 0 AND m.deleted = 0 AND m.active = 1
       AND a.from_date <= :ref AND (a.to_date IS NULL OR a.to_date >= :ref)
       AND (a.mismatch_reason != '' OR EXISTS (
           SELECT 1 FROM key_support k, json_each(k.difficulty_types) need, json_each(m.specialties) skill
           WHERE k.student_id = a.student_id AND {_ACTIVE_SUPPORT} AND need.value = skill.value))
    ) AS mentored,
    (SELECT group_concat(CASE WHEN r.kind = '{SessionKind.RESCUE_EDUCATION.value}' THEN j.value END, {_JOIN})
     FROM rescue_session r, json_each(r.student_ids) j
     WHERE r.deleted = 0 AND r.session_date >= :first AND r.session_date <= :last) AS rescue,
    (SELECT group_concat(CASE WHEN r.kind = '{SessionKind.CASE_CONFERENCE.value}' THEN j.value END, {_JOIN})
     FROM rescue_session r, json_each(r.student_ids) j
     WHERE r.deleted = 0 AND r.session_date >= :first AND r.session_date <= :last) AS conference"""


def read_year_facts(
    session: StoreSession,
    academic_year: str,
    college_id: str | None,
    counselor_id: str | None,
    *,
    include_key_support: bool,
    today: date | None = None,
) -> YearFacts:
    """The year's facts for the students of a college and/or counselor (``None``: every student)."""
    params = year_params(academic_year, today)
    narrow, narrow_params = scope_sql(college_id, counselor_id, "student")
    params.update(narrow_params)
    db = session.db

    groups: dict[GroupKey, list[str]] = {}
    new_students: set[str] = set()
    for college, counselor, class_name, ids, new_ids in db.execute(
        text(_STUDENTS.format(scope=narrow)), params
    ):
        groups[(college, counselor, class_name)] = ids.split(SEPARATOR)
        if new_ids:
            new_students.update(new_ids.split(SEPARATOR))
    facts = YearFacts(groups, set().union(*groups.values()), new_students)

    def window(among: set[str], in_year: str | None, in_summer: str | None) -> set[str]:
        """Those with a visit of the year, or (new students) of the summer before it."""
        return _among(among, in_year) | (_among(among, in_summer) & new_students)

    ident = db.execute(text(_IDENTIFICATIONS), params).one()
    if ident.repeated:
        ident = db.execute(text(_LATEST_IDENTIFICATIONS), params).one()
    awaiting_level = _among(facts.students, ident.awaiting_level)
    population = facts.population = _among(facts.students, ident.identified) | awaiting_level
    if population:
        visits = db.execute(text(_VISITS), params).one()
        facts.visited = window(population, visits.home_year, visits.home_summer)
        facts.talked = window(population, visits.talk_year, visits.talk_summer)
        facts.awaiting = awaiting_level - facts.visited
        inputs = db.execute(text(_ARCHIVE_INPUTS), params).one()
        facts.rewarded = _among(population, inputs.rewarded)
        facts.aided = _among(population, inputs.aid_records) | _among(population, ident.decided)
        facts.traits = window(population, visits.traits_year, visits.traits_summer) | _among(
            population, inputs.talents
        )
        facts.archived = facts.visited & facts.rewarded & facts.aided & facts.traits

    if include_key_support:
        key = db.execute(text(_KEY_SUPPORT), params).one()
        key_population = facts.key_population = _among(facts.students, key.supported)
        facts.has_mentor = _among(key_population, key.has_mentor)
        facts.mentored = _among(key_population, key.mentored)
        facts.rescue = _among(key_population, key.rescue)
        facts.conference = _among(key_population, key.conference)
        facts.rescued = facts.rescue & facts.conference
    return facts
