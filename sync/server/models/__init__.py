"""The server's tables (SQLAlchemy 2, one module per concern)."""

from sync.server.models.accounts import Account, Device, DeviceNumber, LoginThrottle
from sync.server.models.attachments import Attachment, AttachmentChunk
from sync.server.models.audit import AuditEntry
from sync.server.models.base import Base
from sync.server.models.records import ConflictRow, ProcessedOp, RecordRow, RecordStudent, SeqCounter
from sync.server.models.scope import DeviceHolding, MentorAccount, MentorLink, StudentScope

__all__ = [
    "Account",
    "Attachment",
    "AttachmentChunk",
    "AuditEntry",
    "Base",
    "ConflictRow",
    "Device",
    "DeviceHolding",
    "DeviceNumber",
    "LoginThrottle",
    "MentorAccount",
    "MentorLink",
    "ProcessedOp",
    "RecordRow",
    "RecordStudent",
    "SeqCounter",
    "StudentScope",
]
