"""``StoreSession``: one transaction on the store, with a repository for every record type.

    with store.session() as s:
        visit = s.visits.create(HomeVisit(...))
        rows = s.roster.rows(RosterFilter(search="zs"), limit=50)

The session commits when the block ends and rolls back (writing nothing, not even outbox ops) when
it raises.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop.store.outbox import EditContext
from desktop.store.repositories.aid import AidRepository, GiveBackRepository, RewardRepository
from desktop.store.repositories.attachments import AttachmentRepository
from desktop.store.repositories.audit import AuditRepository
from desktop.store.repositories.base import Repository
from desktop.store.repositories.drafts import DraftRepository
from desktop.store.repositories.errors import RecordNotFound
from desktop.store.repositories.history import StudentHistory
from desktop.store.repositories.meta import MetaRepository
from desktop.store.repositories.monitoring import FlagRepository
from desktop.store.repositories.outcomes import (
    AcademicResultRepository,
    CaseReviewRepository,
    CollegeAcademicBenchmarkRepository,
    EnrolmentStatusRepository,
)
from desktop.store.repositories.people import (
    CollegeRepository,
    MentorRepository,
    SchoolCenterRepository,
    UserRepository,
)
from desktop.store.repositories.roster import RosterQueries
from desktop.store.repositories.students import FamilyRepository, IdentificationRepository, StudentRepository
from desktop.store.repositories.support import (
    KeySupportRepository,
    MentorAssignmentRepository,
    RescueSessionRepository,
    SupportLogRepository,
)
from desktop.store.repositories.sync_bookkeeping import (
    ConflictRepository,
    QuarantineRepository,
    ResolutionRepository,
)
from desktop.store.repositories.visit_plans import VisitPlanRepository
from desktop.store.repositories.visits import VisitRepository
from desktop.store.repositories.wishes import WishCatalogRepository, WishSelectionRepository

REPOSITORY_CLASSES: tuple[type[Repository[Any]], ...] = (
    CollegeRepository,
    SchoolCenterRepository,
    UserRepository,
    MentorRepository,
    StudentRepository,
    FamilyRepository,
    IdentificationRepository,
    VisitRepository,
    AidRepository,
    RewardRepository,
    GiveBackRepository,
    KeySupportRepository,
    MentorAssignmentRepository,
    SupportLogRepository,
    RescueSessionRepository,
    WishCatalogRepository,
    WishSelectionRepository,
    FlagRepository,
    AuditRepository,
    EnrolmentStatusRepository,
    CaseReviewRepository,
    AcademicResultRepository,
    CollegeAcademicBenchmarkRepository,
)


class StoreSession:
    def __init__(self, db: Session, ctx: EditContext) -> None:
        self.db = db
        self.ctx = ctx
        self.colleges = CollegeRepository(db, ctx)
        self.school_centers = SchoolCenterRepository(db, ctx)
        self.users = UserRepository(db, ctx)
        self.mentors = MentorRepository(db, ctx)
        self.students = StudentRepository(db, ctx)
        self.family = FamilyRepository(db, ctx)
        self.identifications = IdentificationRepository(db, ctx)
        self.visits = VisitRepository(db, ctx)
        self.aid = AidRepository(db, ctx)
        self.rewards = RewardRepository(db, ctx)
        self.give_backs = GiveBackRepository(db, ctx)
        self.key_supports = KeySupportRepository(db, ctx)
        self.mentor_assignments = MentorAssignmentRepository(db, ctx)
        self.support_logs = SupportLogRepository(db, ctx)
        self.rescue_sessions = RescueSessionRepository(db, ctx)
        self.wish_catalog = WishCatalogRepository(db, ctx)
        self.wishes = WishSelectionRepository(db, ctx)
        self.flags = FlagRepository(db, ctx)
        self.audit = AuditRepository(db, ctx)
        self.enrolment = EnrolmentStatusRepository(db, ctx)
        self.case_reviews = CaseReviewRepository(db, ctx)
        self.academic_results = AcademicResultRepository(db, ctx)
        self.academic_benchmarks = CollegeAcademicBenchmarkRepository(db, ctx)
        self.meta = MetaRepository(db)
        self.attachments = AttachmentRepository(db)
        self.roster = RosterQueries(db)
        # local only, never synced
        self.drafts = DraftRepository(db)
        self.visit_plans = VisitPlanRepository(db)
        self.conflicts = ConflictRepository(db)
        self.resolutions = ResolutionRepository(db)
        self.quarantine = QuarantineRepository(db)
        self._by_type: dict[str, Repository[Any]] = {
            repo.RECORD.RECORD_TYPE: repo for repo in vars(self).values() if isinstance(repo, Repository)
        }

    def repository(self, record_type: str) -> Repository[Any]:
        """The repository of a record type by its stable name (for the sync engine)."""
        try:
            return self._by_type[record_type]
        except KeyError:
            raise KeyError(f"未知的记录类型：{record_type}") from None

    def history(self, student_id: str) -> StudentHistory:
        """Everything about one student, each list oldest first."""
        student = self.students.get(student_id)
        if student is None:
            raise RecordNotFound()
        return StudentHistory(
            student=student,
            family=self.family.for_student(student_id),
            identifications=self.identifications.for_student(student_id),
            visits=self.visits.for_student(student_id),
            aid=self.aid.for_student(student_id),
            rewards=self.rewards.for_student(student_id),
            give_backs=self.give_backs.for_student(student_id),
            wishes=self.wishes.for_student(student_id),
            flags=self.flags.for_student(student_id),
            key_supports=self.key_supports.for_student(student_id),
            mentor_assignments=self.mentor_assignments.for_student(student_id),
            support_logs=self.support_logs.for_student(student_id),
            rescue_sessions=self.rescue_sessions.for_student(student_id),
            audit=self.audit.for_student(student_id),
        )
