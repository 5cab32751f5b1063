"""Monitoring flags (监测反馈): the list, raising one, flags from visits, status moves."""

from __future__ import annotations

from datetime import date

from desktop.app.changes import Kind, use_case
from desktop.app.students import student_by_no
from desktop.store.monitoring_workflow import (
    FlagRow,
    flag_from_visit,
    flag_rows,
    move_flag,
    raise_flag,
    visits_suggesting_subsidy,
)
from desktop.store.store import Store
from sync.records import (
    FlagAction,
    FlagKind,
    FlagStatus,
)


def flag_view(store: Store, status: FlagStatus | None) -> list[FlagRow]:
    with store.session() as s:
        return flag_rows(s, statuses=[status] if status else None)


@use_case(Kind.MONITORING_FLAG)
def new_flag(store: Store, student_no: str, kind: FlagKind, description: str, day: date) -> None:
    with store.session() as s:
        raise_flag(s, student_by_no(s, student_no).id, kind, description, raised_on=day)


def subsidy_suggestions(store: Store, academic_year: str) -> int:
    with store.session() as s:
        return len(visits_suggesting_subsidy(s, academic_year))


@use_case(Kind.MONITORING_FLAG)
def raise_from_visits(store: Store, academic_year: str) -> int:
    """A 家庭突发变故 flag for every visit of the year that suggests a temporary subsidy."""
    with store.session() as s:
        return sum(1 for visit in visits_suggesting_subsidy(s, academic_year) if flag_from_visit(s, visit))


@use_case(Kind.MONITORING_FLAG)
def change_flag(
    store: Store, flag_id: str, status: FlagStatus, actions: list[FlagAction], notes: str, day: date | None
) -> None:
    with store.session() as s:
        move_flag(s, flag_id, status, actions=actions or None, action_notes=notes or None, resolved_on=day)
