"""ORM tables of the local store (SQLAlchemy 2 typed models).

One table per record type, named by ``RECORD_TYPE``, with a column for every record field (same name),
the sync columns of ``RecordRow``, and the local tables (outbox, meta, and the local-only tables of
``local``: drafts, visit plans, conflicts, resolutions, quarantine).
"""

from __future__ import annotations

from desktop.store.tables.aid import GiveBackActivityRow, GrowthRewardRow, GuaranteeAidRow
from desktop.store.tables.attachments import AttachmentBlobRow
from desktop.store.tables.audit import AuditEntryRow
from desktop.store.tables.base import SYNC_COLUMNS, Base, Cents, RecordRow, UtcDateTime
from desktop.store.tables.local import (
    SyncConflictRow,
    SyncQuarantineRow,
    SyncResolutionRow,
    VisitDraftRow,
    VisitPlanRow,
)
from desktop.store.tables.meta import MetaRow
from desktop.store.tables.monitoring import MonitoringFlagRow
from desktop.store.tables.outbox import OutboxRow
from desktop.store.tables.outcomes import (
    AcademicResultRow,
    CaseReviewRow,
    CollegeAcademicBenchmarkRow,
    EnrolmentStatusRow,
)
from desktop.store.tables.people import CollegeRow, MentorRow, SchoolCenterRow, UserRow
from desktop.store.tables.students import FamilyMemberRow, IdentificationRow, StudentRow
from desktop.store.tables.support import (
    KeySupportRow,
    MentorAssignmentRow,
    RescueSessionRow,
    SupportLogEntryRow,
)
from desktop.store.tables.visits import HomeVisitRow
from desktop.store.tables.wishes import WishCatalogItemRow, WishSelectionRow

RECORD_TABLES: tuple[type[RecordRow], ...] = (
    CollegeRow,
    SchoolCenterRow,
    UserRow,
    MentorRow,
    StudentRow,
    FamilyMemberRow,
    IdentificationRow,
    HomeVisitRow,
    GuaranteeAidRow,
    GrowthRewardRow,
    GiveBackActivityRow,
    KeySupportRow,
    MentorAssignmentRow,
    SupportLogEntryRow,
    RescueSessionRow,
    WishCatalogItemRow,
    WishSelectionRow,
    MonitoringFlagRow,
    AuditEntryRow,
    EnrolmentStatusRow,
    CaseReviewRow,
    AcademicResultRow,
    CollegeAcademicBenchmarkRow,
)

TABLE_OF: dict[str, type[RecordRow]] = {table.RECORD.RECORD_TYPE: table for table in RECORD_TABLES}

__all__ = [
    "RECORD_TABLES",
    "SYNC_COLUMNS",
    "TABLE_OF",
    "AcademicResultRow",
    "AttachmentBlobRow",
    "AuditEntryRow",
    "Base",
    "CaseReviewRow",
    "Cents",
    "CollegeAcademicBenchmarkRow",
    "CollegeRow",
    "EnrolmentStatusRow",
    "FamilyMemberRow",
    "GiveBackActivityRow",
    "GrowthRewardRow",
    "GuaranteeAidRow",
    "HomeVisitRow",
    "IdentificationRow",
    "KeySupportRow",
    "MentorAssignmentRow",
    "MentorRow",
    "MetaRow",
    "MonitoringFlagRow",
    "OutboxRow",
    "RecordRow",
    "RescueSessionRow",
    "SchoolCenterRow",
    "StudentRow",
    "SupportLogEntryRow",
    "SyncConflictRow",
    "SyncQuarantineRow",
    "SyncResolutionRow",
    "UserRow",
    "UtcDateTime",
    "VisitDraftRow",
    "VisitPlanRow",
    "WishCatalogItemRow",
    "WishSelectionRow",
]
