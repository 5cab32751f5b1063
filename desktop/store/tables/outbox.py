"""The outbox: local edits waiting to be pushed, written in the same transaction as the edit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import Base, utc_now


class OutboxRow(Base):
    """One op. ``seq`` orders the ops of this device; ``op_id`` (UUIDv7) is the idempotency key.

    ``fields`` holds the changed fields with their new values (JSON form of the record fields);
    ``base_versions`` the server version each field had when the edit was made (0: never synced).
    """

    __tablename__ = "outbox"
    __table_args__ = (Index(None, "record_type", "record_id"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(unique=True)
    record_type: Mapped[str]
    record_id: Mapped[str]
    kind: Mapped[str]
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_versions: Mapped[dict[str, int]] = mapped_column(JSON)
    student_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    device_id: Mapped[str]
    author_id: Mapped[str | None]
    hlc: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None]
