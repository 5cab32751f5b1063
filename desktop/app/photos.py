"""Visit photos: keep a chosen photo in the encrypted store, read photos back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.store.errors import StoreError
from desktop.store.repositories.attachments import MAX_PHOTO_BYTES, AttachmentTooLarge
from desktop.store.store import Store


class PhotoUnreadable(StoreError):
    message = "无法读取所选照片文件，未添加。"


@dataclass(frozen=True)
class AddedPhoto:
    reference: dict[str, object]  # the visit's attachment entry (sha256, file_name, media_type, size)
    data: bytes  # for the thumbnail (kept in memory only)


def add_photo(store: Store, path: Path) -> AddedPhoto:
    """Read a photo file and keep its bytes in the encrypted store (the same photo twice is kept once)."""
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise AttachmentTooLarge(size)
        data = path.read_bytes()
    except OSError:
        raise PhotoUnreadable() from None
    with store.session() as s:
        stored = s.attachments.add_photo(data)
    reference: dict[str, object] = {
        "sha256": stored.sha256,
        "file_name": path.name[:200],
        "media_type": stored.media_type,
        "size": stored.size,
    }
    return AddedPhoto(reference, data)


def photo_bytes(store: Store, sha256s: list[str]) -> dict[str, bytes]:
    """The kept bytes of these photos (a photo not downloaded yet is absent)."""
    found: dict[str, bytes] = {}
    with store.session() as s:
        for sha in sha256s:
            data = s.attachments.get(sha)
            if data is not None:
                found[sha] = data
    return found
