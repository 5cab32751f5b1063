"""Table of the workload confirmations (工作量确认): store schema v13."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import Record, WorkloadConfirmation


class WorkloadConfirmationRow(RecordRow):
    """Table of :class:`sync.records.WorkloadConfirmation`."""

    __tablename__ = "workload_confirmation"
    RECORD: ClassVar[type[Record]] = WorkloadConfirmation
    __table_args__ = (Index(None, "term", "college_id"),)

    term: Mapped[str]
    college_id: Mapped[str]
    confirmed_on: Mapped[date]
    confirmed_by_id: Mapped[str | None]
    confirmed_by_name: Mapped[str]
    items: Mapped[list[Any]] = mapped_column(JSON)
    note: Mapped[str]
