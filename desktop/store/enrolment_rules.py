"""Recording a student's enrolment status by hand (学籍状态, per term), with its one rule:

a 退学 of a disadvantaged student (current identification at a disadvantaged level, as the watch list
reads it) needs a recorded case review (个案评议: who, when, what was offered) — the review comes in
the same save, or one already recorded counts (for 退学, held from the term before on).  Only the
centers record enrolment status (the server refuses anyone else).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.figures.watch_list import current_identification, reviewed_withdrawal
from sync.records import AuditAction, CaseReview, EnrolmentState, EnrolmentStatus, Role
from sync.records.terms import previous_term, term_bounds

CENTER_ONLY = "只有学生发展支持中心（学院或学校）可以录入学籍状态和个案评议。"
REVIEW_NEEDED = "该生为家庭经济困难学生，退学须经个案评议：请填写评议日期、评议人员和提供的帮扶。"
REVIEW_TOO_OLD = "个案评议日期早于{since}，不能作为本次退学的评议，请填写本次评议。"


class EnrolmentRuleError(StoreError):
    message = "学籍状态不符合规定。"


@dataclass(frozen=True)
class SavedEnrolment:
    status: EnrolmentStatus
    review: CaseReview | None


def needs_review(session: StoreSession, status: EnrolmentStatus, today: date | None = None) -> bool:
    """Whether saving this status needs a case review first (a disadvantaged student's 退学 without one)."""
    if status.state != EnrolmentState.WITHDRAWN:
        return False
    ident = current_identification(
        session.identifications.for_student(status.student_id), today or date.today()
    )
    if ident is None or not ident.is_disadvantaged():
        return False
    return not reviewed_withdrawal(session.case_reviews.for_student(status.student_id), status)


def save_enrolment(
    session: StoreSession,
    role: Role,
    status: EnrolmentStatus,
    review: CaseReview | None = None,
    *,
    today: date | None = None,
) -> SavedEnrolment:
    """Save a student's status of a term (the term's record is updated when there is one), with the
    case review a 退学 needs; raises EnrolmentRuleError (Chinese) and writes nothing when refused."""
    if not is_center_role(role):
        raise EnrolmentRuleError(CENTER_ONLY)
    if review is not None:
        since = term_bounds(previous_term(status.term))[0]
        if review.student_id != status.student_id:
            raise EnrolmentRuleError("个案评议与学籍状态不是同一名学生。")
        if review.reviewed_on < since:
            raise EnrolmentRuleError(REVIEW_TOO_OLD.format(since=since.isoformat()))
    elif needs_review(session, status, today):
        raise EnrolmentRuleError(REVIEW_NEEDED)
    if review is not None:
        session.case_reviews.create(review)
    current = session.enrolment.of_term(status.student_id, status.term)
    if current is not None and current.id != status.id:
        saved = status.model_copy(update={"id": current.id})
        session.enrolment.update(saved)
    elif current is not None:
        saved = status
        session.enrolment.update(saved)
    else:
        saved = session.enrolment.create(status)
    detail = f"录入学籍状态（{saved.term}）"  # the state itself is the student's: not in the audit text
    session.audit.log(
        AuditAction.UPDATE if current is not None else AuditAction.CREATE,
        record_type=EnrolmentStatus.RECORD_TYPE,
        record_id=saved.id,
        student_id=saved.student_id,
        detail=detail + ("，附个案评议" if review is not None else ""),
    )
    return SavedEnrolment(saved, review)


def record_case_review(session: StoreSession, role: Role, review: CaseReview) -> CaseReview:
    """A case review recorded on its own (e.g. for an imported 退学 that had none)."""
    if not is_center_role(role):
        raise EnrolmentRuleError(CENTER_ONLY)
    created = session.case_reviews.create(review)
    session.audit.log(
        AuditAction.CREATE,
        record_type=CaseReview.RECORD_TYPE,
        record_id=created.id,
        student_id=created.student_id,
        detail="录入个案评议",
    )
    return created
