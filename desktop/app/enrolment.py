"""A student's enrolment status per term and case reviews (the profile's 学籍 tab): the centers record
them; a 退学 of a disadvantaged student needs a case review in the same save (desktop/store/enrolment_rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.app.changes import Kind, use_case
from desktop.store.enrolment_rules import SavedEnrolment, needs_review, record_case_review, save_enrolment
from desktop.store.role_rules import is_center_role
from desktop.store.store import Store
from sync.records import AuditAction, CaseReview, EnrolmentStatus
from sync.records.outcomes import SOURCE_MANUAL

__all__ = [
    "EnrolmentHistory",
    "enrolment_history",
    "record_review",
    "review_needed",
    "save_status",
]


@dataclass
class EnrolmentHistory:
    statuses: list[EnrolmentStatus] = field(default_factory=list)  # latest term first
    reviews: list[CaseReview] = field(default_factory=list)  # latest first
    editable: bool = False  # the user's role records them (the centers)


def enrolment_history(store: Store, student_id: str) -> EnrolmentHistory:
    """The student's status of every term and their case reviews (a view of restricted records is audited)."""
    with store.session() as s:
        statuses = sorted(s.enrolment.for_student(student_id), key=lambda status: status.term, reverse=True)
        reviews = sorted(s.case_reviews.for_student(student_id), key=lambda r: r.reviewed_on, reverse=True)
        if reviews:
            s.audit.log(
                AuditAction.VIEW_RESTRICTED,
                record_type=CaseReview.RECORD_TYPE,
                student_id=student_id,
                detail="查看个案评议",
            )
    return EnrolmentHistory(statuses, reviews, is_center_role(store.info.role))


def review_needed(store: Store, status: EnrolmentStatus, today: date | None = None) -> bool:
    """Whether saving ``status`` asks for a case review (a disadvantaged student's 退学 without one)."""
    with store.session() as s:
        return needs_review(s, status, today)


@use_case(Kind.ENROLMENT_STATUS, Kind.CASE_REVIEW, Kind.AUDIT_ENTRY)
def save_status(
    store: Store, status: EnrolmentStatus, review: CaseReview | None = None, *, today: date | None = None
) -> SavedEnrolment:
    """Save a status entered by hand (source 手工录入) with its case review; raises EnrolmentRuleError."""
    with store.session() as s:
        return save_enrolment(
            s, store.info.role, status.model_copy(update={"source": SOURCE_MANUAL}), review, today=today
        )


@use_case(Kind.CASE_REVIEW, Kind.AUDIT_ENTRY)
def record_review(store: Store, review: CaseReview) -> CaseReview:
    with store.session() as s:
        return record_case_review(s, store.info.role, review)
