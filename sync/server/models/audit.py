"""The audit log (logins, device orders, exports, prints, views of restricted sections)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, BigId, UtcDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    event_id: Mapped[str | None] = mapped_column(ID, nullable=True, unique=True)
    user_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    device_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    address: Mapped[str] = mapped_column(String(64), default="")
    # Who did it: ``os:LOGIN`` for an admin command, ``account:USERNAME`` for an admin endpoint call.
    operator: Mapped[str] = mapped_column(String(100), default="")
    # The college the action concerns (its center may read these entries), when there is one.
    college_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
