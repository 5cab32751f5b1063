"""Attachments (photos, signed scans): content-addressed, uploaded in resumable chunks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKey, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, UtcDateTime, utcnow


class Attachment(Base):
    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(ID, primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    uploaded_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("attachments.sha256", ondelete="CASCADE"), primary_key=True
    )
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
