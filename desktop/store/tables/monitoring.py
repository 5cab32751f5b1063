"""Tables of monitoring records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import MonitoringFlag, Record


class MonitoringFlagRow(RecordRow):
    """Table of :class:`sync.records.MonitoringFlag`."""

    __tablename__ = "monitoring_flag"
    RECORD: ClassVar[type[Record]] = MonitoringFlag
    __table_args__ = (
        Index(None, "student_id"),
        Index(None, "status"),
        # the coverage dashboard's flag counts, without the wide rows (schema v8)
        Index("ix_monitoring_flag_counts", "deleted", "student_id", "status", "raised_on", "resolved_on"),
    )

    student_id: Mapped[str]
    kind: Mapped[str]
    raised_on: Mapped[date]
    raised_by_id: Mapped[str | None]
    description: Mapped[str]
    status: Mapped[str]
    actions: Mapped[list[Any]] = mapped_column(JSON)
    action_notes: Mapped[str]
    handled_by_id: Mapped[str | None]
    resolved_on: Mapped[date | None]
