"""The workload confirmations (工作量确认) of the colleges' terms."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import Repository
from desktop.store.tables import RecordRow, WorkloadConfirmationRow
from sync.records import Record, WorkloadConfirmation


class WorkloadConfirmationRepository(Repository[WorkloadConfirmation]):
    RECORD: ClassVar[type[Record]] = WorkloadConfirmation
    TABLE: ClassVar[type[RecordRow]] = WorkloadConfirmationRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("term", "confirmed_on")
