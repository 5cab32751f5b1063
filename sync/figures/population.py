"""Who is a disadvantaged student of academic year Y: the one definition the figures share.

    latest = latest_identifications(facts, "2025-2026", order=Latest.RECORDED)
    gap = disadvantaged_students(facts, "2025-2026", order=Latest.IDENTIFIED_THEN_ID)
    watch = disadvantaged_students(
        facts, "2025-2026", order=Latest.IDENTIFIED, awaiting_level=False, fall_back_to_previous=True
    )

docs/coverage.md ("Common definitions"): the disadvantaged students of Y are those whose latest
identification of Y has a disadvantaged level (特别困难 / 困难 / 一般困难), plus new students flagged
先家访后认定 whose level still waits for the visit. What the measures do differently on purpose is a
parameter here, not a copy:

- ``awaiting_level``: the coverages (#2-#4) and the academic gap count the 先家访后认定 students awaiting
  their level; the watch list (一个不失学) does not (its population is "at a disadvantaged level").
- ``fall_back_to_previous``: the watch list reads the year before Y for a student Y has no
  identification for yet (September, before the year's identification).
- ``order``: which identification is "latest" when a store holds more than one of a student for one year
  (the app refuses a second, a sync can still bring two); see ``Latest``.

Pure Python over ``SchoolFacts``; the laptop's dashboard reads the same rule with SQL
(``desktop/store/coverage_facts.py``, ``desktop/store/repositories/roster.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from typing import Any

from sync.figures.facts import SchoolFacts
from sync.records import Identification, IdentificationLevel
from sync.records.academic import previous_academic_year

# The disadvantaged levels (家庭经济困难): every level but 不困难.
DISADVANTAGED_LEVELS: tuple[IdentificationLevel, ...] = (
    IdentificationLevel.ESPECIALLY_DIFFICULT,
    IdentificationLevel.DIFFICULT,
    IdentificationLevel.GENERALLY_DIFFICULT,
)


class Latest(Enum):
    """How "latest" is read among a student's identifications of one year; ties go to the last recorded
    (the last added to the facts)."""

    # The last recorded: the coverages (the laptop adds them in the order of their last change, as its
    # SQL reads max(updated_at); the server loads no 认定日期 for them).
    RECORDED = "recorded"
    # The latest 认定日期 (none: earliest), then the last recorded: the watch list and its enrolment rules.
    IDENTIFIED = "identified"
    # The latest 认定日期 (none: earliest), then the latest made (record ids are UUIDv7, in creation
    # order): the academic gap.
    IDENTIFIED_THEN_ID = "identified_then_id"


def _order_key(order: Latest) -> Callable[[Identification], Any]:
    if order is Latest.RECORDED:
        return lambda ident: ()
    if order is Latest.IDENTIFIED:
        return lambda ident: ident.identified_on or date.min
    return lambda ident: (ident.identified_on or date.min, ident.id)


def is_disadvantaged(identification: Identification) -> bool:
    """Identified at a disadvantaged level."""
    return identification.level in DISADVANTAGED_LEVELS


def awaits_level(identification: Identification) -> bool:
    """A 先家访后认定 new student whose level still waits for the visit."""
    return identification.level is None and identification.visit_before_identification


def latest_identification(
    identifications: Iterable[Identification],
    academic_year: str,
    *,
    order: Latest,
    fall_back_to_previous: bool = False,
) -> Identification | None:
    """One student's latest identification of ``academic_year`` (with ``fall_back_to_previous``, the
    previous year's latest while the year has none)."""
    key = _order_key(order)
    listed = list(identifications)
    years = (
        (academic_year, previous_academic_year(academic_year)) if fall_back_to_previous else (academic_year,)
    )
    for wanted in years:
        held: Identification | None = None
        for ident in listed:
            if ident.academic_year == wanted and (held is None or key(ident) >= key(held)):
                held = ident
        if held is not None:
            return held
    return None


def latest_identifications(
    facts: SchoolFacts, academic_year: str, *, order: Latest, fall_back_to_previous: bool = False
) -> dict[str, Identification]:
    """Each student's latest identification of ``academic_year`` (as ``latest_identification``)."""
    found: dict[str, Identification] = {}
    for student_id, identifications in facts.by_student(Identification).items():
        ident = latest_identification(
            identifications, academic_year, order=order, fall_back_to_previous=fall_back_to_previous
        )
        if ident is not None:
            found[student_id] = ident
    return found


def disadvantaged_students(
    facts: SchoolFacts,
    academic_year: str,
    *,
    order: Latest,
    awaiting_level: bool = True,
    fall_back_to_previous: bool = False,
) -> dict[str, Identification]:
    """The disadvantaged students of ``academic_year`` with the identification that makes them so: the
    latest identification at a disadvantaged level, or (``awaiting_level``) no level yet on a new student
    flagged 先家访后认定."""
    return {
        student_id: ident
        for student_id, ident in latest_identifications(
            facts, academic_year, order=order, fall_back_to_previous=fall_back_to_previous
        ).items()
        if is_disadvantaged(ident) or (awaiting_level and awaits_level(ident))
    }
