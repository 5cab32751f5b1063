"""Monitoring flags."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import StudentOwnedRepository
from desktop.store.tables import MonitoringFlagRow, RecordRow
from sync.records import FlagStatus, MonitoringFlag, Record


class FlagRepository(StudentOwnedRepository[MonitoringFlag]):
    RECORD: ClassVar[type[Record]] = MonitoringFlag
    TABLE: ClassVar[type[RecordRow]] = MonitoringFlagRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("raised_on",)
    DATE_COLUMN: ClassVar[str | None] = "raised_on"

    def open_flags(self) -> list[MonitoringFlag]:
        """Flags not yet handled (待处理 and 处理中), oldest first."""
        return self.list(where={"status": [FlagStatus.OPEN, FlagStatus.IN_PROGRESS]})
