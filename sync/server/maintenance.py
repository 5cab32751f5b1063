"""Expiring old tombstones.

Tombstones are kept ``tombstone_days`` (longer than any offline period).  Removing older ones raises
the sequence ``floor`` to the newest removed change: a device whose cursor is below the floor could
have missed a deletion, so its next pull gets ``410 cursor_expired`` and it does a replacement sync.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from sync.server.models import Attachment, AttachmentChunk, RecordRow, SeqCounter
from sync.server.models.base import utcnow


def expire_tombstones(session: Session, *, days: int) -> int:
    """Remove tombstones older than ``days``; returns how many were removed."""
    cutoff = utcnow() - timedelta(days=days)
    old = (RecordRow.deleted.is_(True), RecordRow.updated_at < cutoff)
    newest = session.scalar(select(func.max(RecordRow.seq)).where(*old))
    if newest is None:
        return 0
    # Take the counter row first: no push can number a change while the floor moves.
    session.execute(select(SeqCounter.value).where(SeqCounter.id == 1).with_for_update())
    removed = session.execute(delete(RecordRow).where(*old, RecordRow.seq <= newest))
    session.execute(
        update(SeqCounter).where(SeqCounter.id == 1, SeqCounter.floor < newest).values(floor=newest)
    )
    return int(getattr(removed, "rowcount", 0) or 0)


def expire_uploads(session: Session, *, days: int) -> int:
    """Remove attachment uploads started more than ``days`` ago and never finished (their chunks with
    them); a laptop that still has the file starts its upload again at its next sync."""
    cutoff = utcnow() - timedelta(days=days)
    stale = list(
        session.scalars(
            select(Attachment.sha256).where(Attachment.complete.is_(False), Attachment.created_at < cutoff)
        )
    )
    if not stale:
        return 0
    session.execute(delete(AttachmentChunk).where(AttachmentChunk.sha256.in_(stale)))
    session.execute(delete(Attachment).where(Attachment.sha256.in_(stale)))
    return len(stale)
