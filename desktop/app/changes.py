"""What a use case changes: the kinds of data every open view refreshes on.

A kind is a record type's own stable name (``HomeVisit.RECORD_TYPE``), never a literal typed again in
a view: a misspelt ``Kind.HOME_VSIT`` fails at import (and in mypy), where a misspelt string silently
stopped a view refreshing.  Two kinds are local to this computer and never synced: a planned visit
date (``VISIT_PLAN``) and a visit form's draft (``VISIT_DRAFT``).

A use case that changes data says so with ``@use_case(Kind.…)``; the store worker tells every view
the kinds of the use case it ran (``changes_of``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Final, Generic, ParamSpec, TypeVar

from sync.records import (
    AcademicResult,
    AuditEntry,
    CaseReview,
    College,
    CollegeAcademicBenchmark,
    EnrolmentStatus,
    FamilyMember,
    GiveBackActivity,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    IdentificationEvaluation,
    IntegrityActivity,
    KeySupport,
    Mentor,
    MentorAssignment,
    MonitoringFlag,
    NoticeObjection,
    OneToOneTalk,
    PublicNotice,
    RescueSession,
    ResearchProject,
    SchoolCenter,
    StaffTraining,
    Student,
    SupportLogEntry,
    User,
    WishCatalogItem,
    WishSelection,
    WorkloadConfirmation,
)


class Kind:
    """Every kind of data a view may refresh on (one per record type, plus the local ones)."""

    COLLEGE: Final = College.RECORD_TYPE
    SCHOOL_CENTER: Final = SchoolCenter.RECORD_TYPE
    USER: Final = User.RECORD_TYPE
    MENTOR: Final = Mentor.RECORD_TYPE
    STUDENT: Final = Student.RECORD_TYPE
    FAMILY_MEMBER: Final = FamilyMember.RECORD_TYPE
    IDENTIFICATION: Final = Identification.RECORD_TYPE
    HOME_VISIT: Final = HomeVisit.RECORD_TYPE
    GUARANTEE_AID: Final = GuaranteeAid.RECORD_TYPE
    GROWTH_REWARD: Final = GrowthReward.RECORD_TYPE
    GIVE_BACK_ACTIVITY: Final = GiveBackActivity.RECORD_TYPE
    KEY_SUPPORT: Final = KeySupport.RECORD_TYPE
    MENTOR_ASSIGNMENT: Final = MentorAssignment.RECORD_TYPE
    SUPPORT_LOG_ENTRY: Final = SupportLogEntry.RECORD_TYPE
    RESCUE_SESSION: Final = RescueSession.RECORD_TYPE
    WISH_CATALOG_ITEM: Final = WishCatalogItem.RECORD_TYPE
    WISH_SELECTION: Final = WishSelection.RECORD_TYPE
    MONITORING_FLAG: Final = MonitoringFlag.RECORD_TYPE
    AUDIT_ENTRY: Final = AuditEntry.RECORD_TYPE
    ENROLMENT_STATUS: Final = EnrolmentStatus.RECORD_TYPE
    CASE_REVIEW: Final = CaseReview.RECORD_TYPE
    ACADEMIC_RESULT: Final = AcademicResult.RECORD_TYPE
    COLLEGE_ACADEMIC_BENCHMARK: Final = CollegeAcademicBenchmark.RECORD_TYPE
    IDENTIFICATION_EVALUATION: Final = IdentificationEvaluation.RECORD_TYPE
    ONE_TO_ONE_TALK: Final = OneToOneTalk.RECORD_TYPE
    INTEGRITY_ACTIVITY: Final = IntegrityActivity.RECORD_TYPE
    STAFF_TRAINING: Final = StaffTraining.RECORD_TYPE
    RESEARCH_PROJECT: Final = ResearchProject.RECORD_TYPE
    WORKLOAD_CONFIRMATION: Final = WorkloadConfirmation.RECORD_TYPE
    PUBLIC_NOTICE: Final = PublicNotice.RECORD_TYPE
    NOTICE_OBJECTION: Final = NoticeObjection.RECORD_TYPE
    # Local to this computer, never synced.
    VISIT_PLAN: Final = "visit_plan"
    VISIT_DRAFT: Final = "visit_draft"
    CENTER_FIGURES: Final = "center_figures"  # the center's figures kept by an aggregate-only laptop


LOCAL_KINDS: Final = frozenset({Kind.VISIT_PLAN, Kind.VISIT_DRAFT, Kind.CENTER_FIGURES})
ALL_KINDS: Final = frozenset(
    value for name, value in vars(Kind).items() if name.isupper() and isinstance(value, str)
)

P = ParamSpec("P")
R = TypeVar("R")


class UseCase(Generic[P, R]):
    """A use case function that names the kinds it changes (``changes``)."""

    def __init__(self, fn: Callable[P, R], changes: frozenset[str]) -> None:
        unknown = changes - ALL_KINDS
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        self.fn = fn
        self.changes = changes
        update_wrapper(self, fn)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.fn(*args, **kwargs)


def use_case(*kinds: str) -> Callable[[Callable[P, R]], UseCase[P, R]]:
    """Mark a function as a use case that changes data of these kinds."""

    def wrap(fn: Callable[P, R]) -> UseCase[P, R]:
        return UseCase(fn, frozenset(kinds))

    return wrap


def changes_of(fn: object) -> frozenset[str]:
    """The kinds a use case changes (none for a query or a plain function)."""
    return fn.changes if isinstance(fn, UseCase) else frozenset()
