"""The outbox of local edits waiting to be pushed to the center.

Repositories write one op per edit in the same transaction as the edit (never callers), so an edit
and its op are saved together or not at all. The sync engine reads ``pending_ops`` in order and
removes ops with ``acknowledge`` once the server has answered for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from desktop.store.tables import OutboxRow
from desktop.store.tables.base import utc_now
from sync.ids import HLC, HybridClock, new_id


class OpKind(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


@dataclass
class EditContext:
    """Who and where edits come from: stamped on every row and op written in a session."""

    device_id: str
    author_id: str | None
    last_hlc: str | None = None
    clock: HybridClock = field(init=False)

    def __post_init__(self) -> None:
        last = HLC.decode(self.last_hlc) if self.last_hlc else None
        self.clock = HybridClock(self.device_id, last)

    def next_hlc(self) -> str:
        """A new clock value for an op; remembered so the store can persist it."""
        self.last_hlc = self.clock.now().encode()
        return self.last_hlc


@dataclass(frozen=True)
class OutboxOp:
    seq: int
    op_id: str
    record_type: str
    record_id: str
    kind: OpKind
    fields: dict[str, Any]
    base_versions: dict[str, int]
    student_ids: list[str]
    device_id: str
    author_id: str | None
    hlc: str
    created_at: datetime
    attempts: int
    last_error: str | None


def op_values(
    ctx: EditContext,
    *,
    record_type: str,
    record_id: str,
    kind: OpKind,
    fields: Mapping[str, Any],
    base_versions: Mapping[str, int],
    student_ids: Sequence[str],
) -> dict[str, Any]:
    """The column values of one new op (for a single insert or a bulk insert)."""
    return {
        "op_id": new_id(),
        "record_type": record_type,
        "record_id": record_id,
        "kind": kind.value,
        "fields": dict(fields),
        "base_versions": dict(base_versions),
        "student_ids": list(student_ids),
        "device_id": ctx.device_id,
        "author_id": ctx.author_id,
        "hlc": ctx.next_hlc(),
        "created_at": utc_now(),
        "attempts": 0,
        "last_error": None,
    }


def record_ops(session: Session, ops: Sequence[dict[str, Any]]) -> None:
    """Insert ops made by ``op_values`` (inside the caller's transaction)."""
    if ops:
        session.execute(insert(OutboxRow), list(ops))


def _op(row: OutboxRow) -> OutboxOp:
    return OutboxOp(
        seq=row.seq,
        op_id=row.op_id,
        record_type=row.record_type,
        record_id=row.record_id,
        kind=OpKind(row.kind),
        fields=row.fields,
        base_versions=row.base_versions,
        student_ids=row.student_ids,
        device_id=row.device_id,
        author_id=row.author_id,
        hlc=row.hlc,
        created_at=row.created_at,
        attempts=row.attempts,
        last_error=row.last_error,
    )


def pending_ops(session: Session, *, limit: int | None = None, after_seq: int = 0) -> list[OutboxOp]:
    """Ops not yet acknowledged, oldest first."""
    query = select(OutboxRow).where(OutboxRow.seq > after_seq).order_by(OutboxRow.seq)
    if limit is not None:
        query = query.limit(limit)
    return [_op(row) for row in session.scalars(query)]


def pending_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def pending_for_student(session: Session, student_id: str) -> int:
    """How many unsent ops concern a student (a student is purged only when this is 0)."""
    return int(
        session.execute(
            text(
                "SELECT count(*) FROM outbox WHERE EXISTS "
                "(SELECT 1 FROM json_each(outbox.student_ids) WHERE json_each.value = :sid)"
            ),
            {"sid": student_id},
        ).scalar_one()
    )


def acknowledge(session: Session, op_ids: Iterable[str]) -> int:
    """Remove ops the server has answered for; returns how many were removed."""
    ids = list(op_ids)
    if not ids:
        return 0
    removed = 0
    for start in range(0, len(ids), 500):
        result = session.execute(delete(OutboxRow).where(OutboxRow.op_id.in_(ids[start : start + 500])))
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed


def mark_failed(session: Session, op_ids: Iterable[str], error: str) -> None:
    """Count a failed attempt for ops that stay in the outbox (``error`` must not hold personal data)."""
    ids = list(op_ids)
    if ids:
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.op_id.in_(ids))
            .values(attempts=OutboxRow.attempts + 1, last_error=error[:500])
        )
