"""Every record type by its stable name."""

from __future__ import annotations

from sync.records.aid import GiveBackActivity, GrowthReward, GuaranteeAid
from sync.records.audit import AuditEntry
from sync.records.base import Record
from sync.records.monitoring import MonitoringFlag
from sync.records.people import College, Mentor, SchoolCenter, User
from sync.records.students import FamilyMember, Identification, Student
from sync.records.support import KeySupport, MentorAssignment, RescueSession, SupportLogEntry
from sync.records.visits import HomeVisit
from sync.records.wishes import WishCatalogItem, WishSelection

ALL_RECORDS: tuple[type[Record], ...] = (
    College,
    SchoolCenter,
    User,
    Mentor,
    Student,
    FamilyMember,
    Identification,
    HomeVisit,
    GuaranteeAid,
    GrowthReward,
    GiveBackActivity,
    KeySupport,
    MentorAssignment,
    SupportLogEntry,
    RescueSession,
    WishCatalogItem,
    WishSelection,
    MonitoringFlag,
    AuditEntry,
)

RECORD_TYPES: dict[str, type[Record]] = {record.RECORD_TYPE: record for record in ALL_RECORDS}


def record_type(name: str) -> type[Record]:
    """The record class for a stable type name; raises KeyError with a Chinese message."""
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise KeyError(f"未知的记录类型：{name}") from None
