"""Attachment bytes in the encrypted store: dedupe by hash, size limit, never plaintext on disk."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store.repositories.attachments import (
    MAX_PHOTO_BYTES,
    AttachmentHashMismatch,
    AttachmentTooLarge,
    NotAnImage,
)
from desktop.store.store import Store

PATTERN = b"JIAFANG-PLAINTEXT-PHOTO-MARKER-0123456789"


def png(marker: bytes = PATTERN, repeat: int = 2000) -> bytes:
    """A PNG signature followed by a recognisable byte pattern (the store only sniffs the signature)."""
    return b"\x89PNG\r\n\x1a\n" + marker * repeat


def test_add_hashes_and_dedupes(store: Store) -> None:
    data = png()
    with store.session() as s:
        first = s.attachments.add_photo(data)
        again = s.attachments.add_photo(data)
    assert first == again
    assert first.sha256 == hashlib.sha256(data).hexdigest()
    assert first.size == len(data) and first.media_type == "image/png"
    with store.session() as s:
        assert s.attachments.get(first.sha256) == data
        assert s.attachments.present([first.sha256, "0" * 64]) == {first.sha256}
        assert s.db.execute(text("SELECT count(*) FROM attachment_blob")).scalar_one() == 1


def test_size_limit_and_image_types_are_enforced(store: Store) -> None:
    with store.session() as s:
        with pytest.raises(AttachmentTooLarge, match="不能超过 10 MB"):
            s.attachments.add_photo(b"\xff\xd8\xff" + b"\0" * MAX_PHOTO_BYTES)
        with pytest.raises(NotAnImage, match="不是可识别的图片"):
            s.attachments.add_photo(b"%PDF-1.7 not a photo")
        exactly = s.attachments.add_photo(b"\xff\xd8\xff" + b"\1" * (MAX_PHOTO_BYTES - 3))
        assert exactly.size == MAX_PHOTO_BYTES and exactly.media_type == "image/jpeg"


def test_upload_bookkeeping(store: Store) -> None:
    with store.session() as s:
        a = s.attachments.add_photo(png(b"a"))
        b = s.attachments.add_photo(png(b"b"))
        assert s.attachments.missing_on_server() == {a.sha256, b.sha256}
        s.attachments.mark_uploaded([a.sha256])
        assert s.attachments.missing_on_server() == {b.sha256}
        assert s.attachments.missing_on_server([a.sha256, b.sha256, "f" * 64]) == {b.sha256}


def test_downloaded_bytes_must_match_their_hash(store: Store) -> None:
    data = png(b"downloaded")
    sha = hashlib.sha256(data).hexdigest()
    with store.session() as s:
        with pytest.raises(AttachmentHashMismatch):
            s.attachments.put_downloaded(sha, data + b"!", "image/png")
        stored = s.attachments.put_downloaded(sha, data, "image/png")
        assert stored.sha256 == sha
        assert s.attachments.missing_on_server() == set()
        assert s.attachments.get(sha) == data


def test_no_plaintext_photo_bytes_in_the_database_files(store: Store, data_dir: Path) -> None:
    data = png()
    with store.session() as s:
        sha = s.attachments.add_photo(data).sha256
    files = [path for path in data_dir.rglob("*") if path.is_file()]
    assert any(path.name.endswith("-wal") for path in files)  # the write sits in the WAL now
    for path in files:
        raw = path.read_bytes()
        assert PATTERN not in raw, path.name
        assert bytes.fromhex(sha) not in raw and sha.encode() not in raw, path.name
    store.close()
    for path in (p for p in data_dir.rglob("*") if p.is_file()):
        assert PATTERN not in path.read_bytes(), path.name
