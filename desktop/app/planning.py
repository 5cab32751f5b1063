"""Visit planning: the students not yet visited by region, planned dates, blank forms for a trip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.reports.trip_forms import TripStudent, build_trip_forms
from desktop.store.store import Store
from desktop.store.visit_planning import (
    PlanStudent,
    RegionGroup,
    pending_by_region,
    set_planned_date,
    trip_plan,
)
from sync.records import AuditAction


@dataclass
class PlanningView:
    groups: list[RegionGroup]
    plan: list[PlanStudent]


def planning_view(store: Store, academic_year: str) -> PlanningView:
    with store.session() as s:
        return PlanningView(pending_by_region(s, academic_year), trip_plan(s, academic_year))


@use_case(Kind.VISIT_PLAN)
def plan_students(store: Store, academic_year: str, student_ids: list[str], day: date | None) -> None:
    with store.session() as s:
        set_planned_date(s, academic_year, student_ids, day)


@use_case(Kind.AUDIT_ENTRY)
def print_trip_forms(store: Store, student_ids: list[str], path: Path) -> Path:
    """Blank forms for the students, in the given order; the print is audited (no names in it)."""
    with store.session() as s:
        colleges = {c.id: c.name for c in s.colleges.list()}
        students = []
        for student_id in student_ids:
            student = s.students.require(student_id)
            students.append(
                TripStudent(
                    student, s.family.for_student(student_id), colleges.get(student.college_id or "", "")
                )
            )
        build_trip_forms(students, school_name=store.info.school_name, out=path)
        s.audit.log(
            AuditAction.PRINT, record_type=Kind.HOME_VISIT, detail=f"打印空白家访记录表 {len(students)} 份"
        )
    return path
