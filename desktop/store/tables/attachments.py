"""Attachment bytes (visit photos, signed scans), content-addressed by SHA-256.

The bytes live in the encrypted store itself (SQLCipher encrypts every page, blobs included), so a
photo is never a plaintext file on disk.  ``uploaded`` is true once the server is known to hold it
(uploaded from here, or downloaded from there).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import Base, utc_now


class AttachmentBlobRow(Base):
    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(primary_key=True)
    size: Mapped[int]
    media_type: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    uploaded: Mapped[bool] = mapped_column(default=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)
