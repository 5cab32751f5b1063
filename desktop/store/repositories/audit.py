"""Audit entries (append-only)."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import Repository
from desktop.store.tables import AuditEntryRow, RecordRow
from sync.records import AuditAction, AuditEntry, Record


class AuditRepository(Repository[AuditEntry]):
    RECORD: ClassVar[type[Record]] = AuditEntry
    TABLE: ClassVar[type[RecordRow]] = AuditEntryRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("at",)

    def log(
        self,
        action: AuditAction,
        *,
        record_type: str = "",
        record_id: str | None = None,
        student_id: str | None = None,
        detail: str = "",
    ) -> AuditEntry:
        """Record that the local user did something (``detail`` must not hold personal data)."""
        entry = AuditEntry(
            actor_id=self.ctx.author_id,
            action=action,
            record_type=record_type,
            record_id=record_id,
            student_id=student_id,
            detail=detail,
        )
        return self.create(entry)

    def for_student(self, student_id: str) -> list[AuditEntry]:
        return self.list(where={"student_id": student_id})
