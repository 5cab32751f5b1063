"""先家访后认定 on the server (docs/coverage.md): a disadvantaged level for a new student, for the current or
a later academic year, needs first a submitted 认定前核实 visit with its 核实结论 (from 1 June before the
year to its end), or the college center's exception reason.  The app refuses such a save; this refuses
the same op sent around the app."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import RejectReason
from sync.records.academic import (
    VISIT_FIRST_MESSAGE,
    academic_year_bounds,
    academic_year_of,
    new_student_window_start,
)
from sync.records.enums import IdentificationLevel, VisitCategory, VisitStatus
from sync.server import record_kinds
from sync.server.models import RecordRow

MESSAGE = VISIT_FIRST_MESSAGE
_NOT_DISADVANTAGED = {None, IdentificationLevel.NOT_DIFFICULT.value}


def refusal(
    session: Session, existing: RecordRow | None, merged: dict[str, Any], today: date | None = None
) -> RejectReason | None:
    """Why this identification (its fields after the op) breaks 先家访后认定 (``None``: it does not)."""
    level = merged.get("level")
    before = existing.fields_dict().get("level") if existing is not None and not existing.deleted else None
    if (
        level in _NOT_DISADVANTAGED
        or level == before
        or str(merged.get("visit_exception_reason", "")).strip()
    ):
        return None
    year = str(merged.get("academic_year", ""))
    student_id = merged.get("student_id")
    if not isinstance(student_id, str) or year < academic_year_of(today or date.today()):
        return None  # "new student" is the student's state now: an earlier year's record is history
    session.flush()  # a student or visit sent earlier in the same push counts (no autoflush)
    student = session.get(RecordRow, student_id)
    if student is None or student.deleted or not student.fields_dict().get("is_new_student"):
        return None
    return None if _visited(session, student_id, year) else RejectReason.VALIDATION_FAILED


def _visited(session: Session, student_id: str, academic_year: str) -> bool:
    _, last = academic_year_bounds(academic_year)
    window = (new_student_window_start(academic_year).isoformat(), last.isoformat())
    visits = session.scalars(
        select(RecordRow.fields).where(
            RecordRow.record_type == record_kinds.HOME_VISIT,
            RecordRow.student_id == student_id,
            RecordRow.deleted.is_(False),
        )
    )
    for text in visits:
        visit = json.loads(text)
        if (
            visit.get("category") == VisitCategory.PRE_IDENTIFICATION.value
            and visit.get("status") != VisitStatus.DRAFT.value
            and str(visit.get("verification_result", "")).strip()
            and window[0] <= str(visit.get("visit_date", "")) <= window[1]
        ):
            return True
    return False
