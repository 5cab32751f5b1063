"""Attachments (photos, signed scans): content-addressed per student, uploaded in resumable chunks.

The key is the file's SHA-256 *and* its student: the same bytes uploaded for two students are two
attachments, so an upload never depends on, nor tells of, another student's file.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, ForeignKeyConstraint, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, UtcDateTime, utcnow


class Attachment(Base):
    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(ID, primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received: Mapped[int] = mapped_column(BigInteger, default=0)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)
    uploaded_by: Mapped[str] = mapped_column(ID)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AttachmentChunk(Base):
    __tablename__ = "attachment_chunks"
    __table_args__ = (
        ForeignKeyConstraint(
            ["sha256", "student_id"],
            ["attachments.sha256", "attachments.student_id"],
            name="fk_attachment_chunks_attachments",
            ondelete="CASCADE",
        ),
    )

    sha256: Mapped[str] = mapped_column(ID, primary_key=True)
    student_id: Mapped[str] = mapped_column(ID, primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
