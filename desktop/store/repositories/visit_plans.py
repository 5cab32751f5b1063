"""Planned visit dates: one per student and academic year, the counselor's own note (never synced)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.store.tables import VisitPlanRow


class VisitPlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_year(self, academic_year: str) -> dict[str, date]:
        """Student id -> planned date, for one academic year."""
        rows = self.session.execute(
            select(VisitPlanRow.student_id, VisitPlanRow.planned_on).where(
                VisitPlanRow.academic_year == academic_year
            )
        )
        return {student_id: day for student_id, day in rows}

    def plan(self, academic_year: str, student_ids: Iterable[str], day: date) -> None:
        for student_id in student_ids:
            statement = insert(VisitPlanRow).values(
                academic_year=academic_year, student_id=student_id, planned_on=day
            )
            self.session.execute(
                statement.on_conflict_do_update(
                    index_elements=["academic_year", "student_id"], set_={"planned_on": day}
                )
            )

    def unplan(self, academic_year: str, student_ids: Iterable[str]) -> None:
        ids = list(student_ids)
        for start in range(0, len(ids), 500):
            self.session.execute(
                delete(VisitPlanRow).where(
                    VisitPlanRow.academic_year == academic_year,
                    VisitPlanRow.student_id.in_(ids[start : start + 500]),
                )
            )
