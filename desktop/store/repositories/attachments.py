"""Attachment bytes in the encrypted store: add (hash, dedupe, size limit), read, upload bookkeeping.

with store.session() as s:
    stored = s.attachments.add(photo_bytes)   # -> StoredAttachment(sha256, size, media_type)
    data = s.attachments.get(stored.sha256)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.store.errors import StoreError
from desktop.store.tables import AttachmentBlobRow
from desktop.store.tables.base import utc_now
from sync.attachments import sha256_hex

MAX_PHOTO_BYTES = 10 * 1024 * 1024

# Leading bytes of the image formats a visit photo may have.
_IMAGE_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)


class AttachmentTooLarge(StoreError):
    def __init__(self, size: int) -> None:
        limit = MAX_PHOTO_BYTES // (1024 * 1024)
        super().__init__(f"照片过大（{size / 1024 / 1024:.1f} MB），单张照片不能超过 {limit} MB。")


class NotAnImage(StoreError):
    message = "所选文件不是可识别的图片（支持 JPEG、PNG、GIF、BMP、WebP），未添加。"


class AttachmentHashMismatch(StoreError):
    message = "附件内容与其摘要不符，未保存。"


def image_media_type(data: bytes) -> str | None:
    """The image type of these bytes from their signature, or None when they are no known image."""
    for signature, media_type in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


@dataclass(frozen=True)
class StoredAttachment:
    sha256: str
    size: int
    media_type: str


class AttachmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_photo(self, data: bytes) -> StoredAttachment:
        """Keep a photo (size limit, image types only); the same bytes twice are kept once."""
        if len(data) > MAX_PHOTO_BYTES:
            raise AttachmentTooLarge(len(data))
        media_type = image_media_type(data)
        if media_type is None:
            raise NotAnImage()
        return self._put(sha256_hex(data), data, media_type, uploaded=False)

    def put_downloaded(self, sha256: str, data: bytes, media_type: str) -> StoredAttachment:
        """Keep bytes fetched from the server (checked against their hash; marked as on the server)."""
        if sha256_hex(data) != sha256:
            raise AttachmentHashMismatch()
        return self._put(sha256, data, media_type, uploaded=True)

    def _put(self, sha256: str, data: bytes, media_type: str, *, uploaded: bool) -> StoredAttachment:
        existing = self.session.get(AttachmentBlobRow, sha256)
        if existing is None:
            self.session.add(
                AttachmentBlobRow(
                    sha256=sha256,
                    size=len(data),
                    media_type=media_type,
                    created_at=utc_now(),
                    uploaded=uploaded,
                    data=data,
                )
            )
            self.session.flush()
            return StoredAttachment(sha256, len(data), media_type)
        if uploaded and not existing.uploaded:
            existing.uploaded = True
        return StoredAttachment(existing.sha256, existing.size, existing.media_type)

    def get(self, sha256: str) -> bytes | None:
        return self.session.scalar(select(AttachmentBlobRow.data).where(AttachmentBlobRow.sha256 == sha256))

    def info(self, sha256: str) -> StoredAttachment | None:
        row = self.session.execute(
            select(AttachmentBlobRow.sha256, AttachmentBlobRow.size, AttachmentBlobRow.media_type).where(
                AttachmentBlobRow.sha256 == sha256
            )
        ).first()
        return None if row is None else StoredAttachment(row[0], row[1], row[2])

    def present(self, sha256s: Iterable[str]) -> set[str]:
        """Which of these hashes are kept here."""
        return self._matching(sha256s, only_not_uploaded=False)

    def missing_on_server(self, sha256s: Iterable[str] | None = None) -> set[str]:
        """Kept here but not yet known to be on the server (of these hashes, or of all)."""
        if sha256s is None:
            query = select(AttachmentBlobRow.sha256).where(AttachmentBlobRow.uploaded.is_(False))
            return set(self.session.scalars(query))
        return self._matching(sha256s, only_not_uploaded=True)

    def _matching(self, sha256s: Iterable[str], *, only_not_uploaded: bool) -> set[str]:
        wanted = list(dict.fromkeys(sha256s))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            query = select(AttachmentBlobRow.sha256).where(
                AttachmentBlobRow.sha256.in_(wanted[start : start + 500])
            )
            if only_not_uploaded:
                query = query.where(AttachmentBlobRow.uploaded.is_(False))
            found |= set(self.session.scalars(query))
        return found

    def mark_uploaded(self, sha256s: Iterable[str]) -> None:
        wanted = list(sha256s)
        if wanted:
            self.session.execute(
                update(AttachmentBlobRow).where(AttachmentBlobRow.sha256.in_(wanted)).values(uploaded=True)
            )

    def remove(self, sha256s: Iterable[str]) -> int:
        wanted = list(sha256s)
        if not wanted:
            return 0
        result = self.session.execute(delete(AttachmentBlobRow).where(AttachmentBlobRow.sha256.in_(wanted)))
        return int(getattr(result, "rowcount", 0) or 0)

    def remove_all(self) -> None:
        self.session.execute(delete(AttachmentBlobRow))
