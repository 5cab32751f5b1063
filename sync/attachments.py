"""Attachments as records refer to them: content-addressed (SHA-256) photos and scans (protocol §9).

A record field named ``attachments`` holds a list of ``{sha256, file_name, media_type, size}``
(``sync.records.visits.Attachment``); the engine uploads those bytes before the op that references
them and downloads them for records pulled into scope.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

ATTACHMENTS_FIELD = "attachments"
_SHA = re.compile(r"^[0-9a-f]{64}$")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class AttachmentRef:
    """One attachment a record refers to, with the student it belongs to (the server's scope)."""

    sha256: str
    size: int
    media_type: str
    student_id: str | None


def refs_in_fields(fields: Mapping[str, Any], student_id: str | None) -> list[AttachmentRef]:
    """The well-formed attachment references in a record's (or an op's) fields, each hash once."""
    found: dict[str, AttachmentRef] = {}
    items = fields.get(ATTACHMENTS_FIELD)
    if not isinstance(items, list):
        return []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        sha, size = item.get("sha256"), item.get("size")
        if isinstance(sha, str) and _SHA.match(sha) and isinstance(size, int) and size > 0:
            media_type = str(item.get("media_type") or "application/octet-stream")
            found.setdefault(sha, AttachmentRef(sha, size, media_type, student_id))
    return list(found.values())


def unique_refs(refs: Iterable[AttachmentRef]) -> list[AttachmentRef]:
    seen: dict[str, AttachmentRef] = {}
    for ref in refs:
        seen.setdefault(ref.sha256, ref)
    return list(seen.values())
