"""Repositories: typed operations on the records of the local store (see ``StoreSession``)."""

from __future__ import annotations

from desktop.store.repositories.aid import AidRepository, GiveBackRepository, RewardRepository
from desktop.store.repositories.audit import AuditRepository
from desktop.store.repositories.base import Repository, StudentOwnedRepository, SyncState
from desktop.store.repositories.errors import (
    DuplicateStudentNo,
    NotAuthor,
    RecordNotFound,
    RecordTypeMismatch,
)
from desktop.store.repositories.history import StudentHistory, TimelineEntry
from desktop.store.repositories.meta import LocalInfo, MetaRepository
from desktop.store.repositories.monitoring import FlagRepository
from desktop.store.repositories.people import (
    CollegeRepository,
    MentorRepository,
    SchoolCenterRepository,
    UserRepository,
)
from desktop.store.repositories.roster import (
    DISADVANTAGED_LEVELS,
    SORT_KEYS,
    RosterFilter,
    RosterQueries,
    RosterRow,
)
from desktop.store.repositories.session import REPOSITORY_CLASSES, StoreSession
from desktop.store.repositories.students import FamilyRepository, IdentificationRepository, StudentRepository
from desktop.store.repositories.support import (
    KeySupportRepository,
    MentorAssignmentRepository,
    RescueSessionRepository,
    SupportLogRepository,
)
from desktop.store.repositories.visits import VisitRepository
from desktop.store.repositories.wishes import WishCatalogRepository, WishSelectionRepository

__all__ = [
    "DISADVANTAGED_LEVELS",
    "REPOSITORY_CLASSES",
    "SORT_KEYS",
    "AidRepository",
    "AuditRepository",
    "CollegeRepository",
    "DuplicateStudentNo",
    "FamilyRepository",
    "FlagRepository",
    "GiveBackRepository",
    "IdentificationRepository",
    "KeySupportRepository",
    "LocalInfo",
    "MentorAssignmentRepository",
    "MentorRepository",
    "MetaRepository",
    "NotAuthor",
    "RecordNotFound",
    "RecordTypeMismatch",
    "Repository",
    "RescueSessionRepository",
    "RewardRepository",
    "RosterFilter",
    "RosterQueries",
    "RosterRow",
    "SchoolCenterRepository",
    "StoreSession",
    "StudentHistory",
    "StudentOwnedRepository",
    "StudentRepository",
    "SupportLogRepository",
    "SyncState",
    "TimelineEntry",
    "UserRepository",
    "VisitRepository",
    "WishCatalogRepository",
    "WishSelectionRepository",
]
