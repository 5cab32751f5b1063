"""Rules an identification must keep so the coverages stay true (docs/coverage.md):

- 先家访后认定: a disadvantaged level for a new student needs, first, a submitted visit of category
  认定前核实 with its 核实结论 (in the new student's visit window), or an exception reason recorded by a
  center role;
- a later identification of 不困难 ends the student's key support, with the reason recorded, once the
  user confirms (``KeySupportWouldEnd`` asks for it).
"""

from __future__ import annotations

from datetime import date

from desktop.store.errors import StoreError
from desktop.store.key_support_service import exit_key_support
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.records import (
    Identification,
    IdentificationChange,
    IdentificationLevel,
    KeySupport,
    ReviewRecord,
    Role,
    VisitCategory,
    VisitStatus,
    academic_year_bounds,
    academic_year_of,
)
from sync.records.academic import VISIT_FIRST_MESSAGE, new_student_window_start

EXCEPTION_ROLE_MESSAGE = "先家访后认定的例外原因只能由学生发展支持中心（学院或学校）填写。"
EXIT_METHOD = "认定为不困难"


class IdentificationRuleError(StoreError):
    message = "认定记录不符合规定。"


class KeySupportWouldEnd(StoreError):
    """Saving this identification ends the student's key support: ask the user, then save again."""

    message = "该学生本学年认定为不困难，保存后将结束其重点帮扶。确定继续吗？"


def has_verification_visit(session: StoreSession, student_id: str, academic_year: str) -> bool:
    """A submitted 认定前核实 visit with its conclusion, from 1 June before the year to its end."""
    _, last = academic_year_bounds(academic_year)
    first = new_student_window_start(academic_year)
    return any(
        visit.category is VisitCategory.PRE_IDENTIFICATION
        and visit.status is not VisitStatus.DRAFT
        and visit.verification_result.strip()
        and first <= visit.visit_date <= last
        for visit in session.visits.for_student(student_id)
    )


def check_visit_first(
    session: StoreSession,
    record: Identification,
    role: Role | None,
    *,
    previous: Identification | None,
    today: date | None = None,
) -> None:
    """Refuse a disadvantaged level for a new student that skips the 认定前核实 visit (see module doc)."""
    reason_changed = previous is None or previous.visit_exception_reason != record.visit_exception_reason
    if record.visit_exception_reason.strip() and reason_changed and not is_center_role(role):
        raise IdentificationRuleError(EXCEPTION_ROLE_MESSAGE)
    if not record.is_disadvantaged() or (previous is not None and previous.level == record.level):
        return
    student = session.students.require(record.student_id)
    if not student.is_new_student or record.visit_exception_reason.strip():
        return
    if record.academic_year < academic_year_of(today or date.today()):
        return  # "new student" is the student's state now: an earlier year's record is history
    if not has_verification_visit(session, student.id, record.academic_year):
        raise IdentificationRuleError(VISIT_FIRST_MESSAGE)


def support_ended_by(session: StoreSession, record: Identification) -> KeySupport | None:
    """The student's open key support that this identification (不困难) would end, if any."""
    if record.level is not IdentificationLevel.NOT_DIFFICULT:
        return None
    support = session.key_supports.active_for(record.student_id)
    if support is None:
        return None
    _, last = academic_year_bounds(record.academic_year)
    return support if support.started_on <= last else None


def save_checked_identification(
    session: StoreSession,
    role: Role | None,
    record: Identification,
    *,
    on: date,
    semester: str = "",
    note: str = "",
    end_key_support: bool = False,
    today: date | None = None,
) -> Identification:
    """Create or update an identification under the rules above; a new status or level is appended to
    its history (``note`` is also the reason when the key support ends)."""
    repo = session.identifications
    current = repo.get(record.id)
    ending = support_ended_by(session, record) if current is None or current.level != record.level else None
    # The checks below raise after the store's own (one identification per year) so that error shows
    # under its field first; raising rolls the whole session back.
    if current is None:
        first = IdentificationChange(
            changed_on=on,
            status=record.status,
            level=record.level,
            semester=semester,
            note=note,
            changed_by_id=session.ctx.author_id,
        )
        saved = repo.create(Identification.model_validate({**record.model_dump(), "history": [first]}))
    else:
        # Everything but the status and the history is saved as edited; the level too, so a level
        # cleared back to "pending" is kept when the change below reads it.
        saved = Identification.model_validate(
            {**record.model_dump(), "status": current.status, "history": current.history}
        )
        repo.update(saved)
        if record.status != current.status or record.level != current.level:
            saved = repo.change_status(
                record.id, record.status, on=on, level=record.level, semester=semester, note=note
            )
    check_visit_first(session, record, role, previous=current, today=today)
    if ending is not None:
        if not end_key_support:
            raise KeySupportWouldEnd()
        end_support_for_not_difficult(session, saved, ending, on=on, reason=note)
    return saved


def end_support_for_not_difficult(
    session: StoreSession, record: Identification, support: KeySupport, *, on: date, reason: str
) -> KeySupport:
    """End key support because the student is no longer identified as disadvantaged."""
    day = max(on, support.started_on)
    conclusion = f"{record.academic_year} 学年认定为不困难，重点帮扶结束。" + (
        f"原因：{reason}" if reason else ""
    )
    review = ReviewRecord(reviewed_on=day, method=EXIT_METHOD, conclusion=conclusion)
    return exit_key_support(session, support.id, exited_on=day, review=review)
