"""Tables of audit records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import Index
from sqlalchemy.orm import Mapped

from desktop.store.tables.base import RecordRow
from sync.records import AuditEntry, Record


class AuditEntryRow(RecordRow):
    """Table of :class:`sync.records.AuditEntry`."""

    __tablename__ = "audit_entry"
    RECORD: ClassVar[type[Record]] = AuditEntry
    __table_args__ = (
        Index(None, "at"),
        Index(None, "student_id"),
    )

    at: Mapped[datetime]
    actor_id: Mapped[str | None]
    action: Mapped[str]
    record_type: Mapped[str]
    record_id: Mapped[str | None]
    student_id: Mapped[str | None]
    detail: Mapped[str]
