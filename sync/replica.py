"""What the sync engine needs from the local store: the ``LocalReplica`` protocol.

``sync`` never imports ``desktop``: the desktop store implements this protocol in
``desktop/store/sync_replica.py``; ``tests/helpers/memory_replica.py`` is an in-memory one (tests, bench).
Every method that changes state does so in one local transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sync.attachments import AttachmentRef
from sync.protocol import BackfillPage, Op, OpKind, OpResult, PullPage, RecordState
from sync.typed_page import FreshPage


@dataclass(frozen=True)
class PendingOp:
    """An op of the outbox with its local position (outbox order)."""

    position: int
    op: Op
    size: int  # bytes of its JSON form, for batch caps


@dataclass(frozen=True)
class Backfill:
    """Students that entered scope, whose older records are still to be fetched."""

    student_ids: tuple[str, ...]
    upto: int
    after: int = 0


def split_backfills(backfills: list[Backfill], max_students: int) -> list[Backfill]:
    """The pending backfills in requests the server accepts: at most ``max_students`` students each.

    A piece keeps its backfill's ``after``: records up to it were already fetched for all its students
    (a backfill stored whole by an older client, too large for one request, resumes this way)."""
    pieces: list[Backfill] = []
    for backfill in backfills:
        ids = backfill.student_ids
        for start in range(0, len(ids), max(1, max_students)):
            pieces.append(Backfill(ids[start : start + max_students], backfill.upto, backfill.after))
    return pieces


def advance_backfills(stored: list[Backfill], piece: Backfill, after: int, more: bool) -> list[Backfill]:
    """The pending backfills once a page of ``piece`` (a piece of one of them) has been applied.

    Its students leave the backfill they were stored with; while ``more``, they stay pending as a
    backfill of their own at the new ``after``, where the stored one was (so a cut resumes there)."""
    chunk = set(piece.student_ids)
    result: list[Backfill] = []
    placed = not more
    for item in stored:
        if item.upto != piece.upto or chunk.isdisjoint(item.student_ids):
            result.append(item)
            continue
        if not placed:
            result.append(Backfill(piece.student_ids, piece.upto, after))
            placed = True
        rest = tuple(student for student in item.student_ids if student not in chunk)
        if rest:
            result.append(Backfill(rest, item.upto, item.after))
    if not placed:
        result.append(Backfill(piece.student_ids, piece.upto, after))
    return result


@dataclass
class ReplicaState:
    cursor: str | None
    backfills: list[Backfill] = field(default_factory=list)
    leaving: list[str] = field(default_factory=list)
    # The highest change number the server reported in answer to this device's pushes (protocol §8a).
    seen: int = 0


@dataclass(frozen=True)
class PurgeReport:
    students: int
    records: int
    quarantined: int


@dataclass(frozen=True)
class SyncLogEntry:
    at: datetime
    level: str  # "info" | "warning" | "error"
    message: str  # Chinese, never personal content


class LocalReplica(Protocol):
    @property
    def device_id(self) -> str: ...

    def state(self) -> ReplicaState: ...

    def outbox_batch(self, *, after: int, max_ops: int, max_bytes: int) -> list[PendingOp]: ...

    def pending_count(self) -> int: ...

    def record_results(self, answered: list[tuple[PendingOp, OpResult]]) -> None:
        """Remove acknowledged ops, quarantine refused ones, count retryable failures."""

    def apply_page(self, page: PullPage) -> None:
        """Records, conflicts, scope events (pending backfills and leaves) and the cursor, together."""

    def apply_fresh_page(self, page: FreshPage, committing: Callable[[], None]) -> bool:
        """A page read straight into records (``sync.typed_page``), in one local transaction, when every
        record in it is new here (a first sync); False, having written nothing, when one is not: the
        engine then applies the page as ``apply_page``. ``committing`` is called once the rows are
        written, as the commit begins (the engine reads the next page meanwhile)."""

    def apply_backfill(self, backfill: Backfill, page: BackfillPage) -> None:
        """Records and conflicts of a backfill page and its progress (``advance_backfills``): ``backfill``
        is a piece of a pending one (``split_backfills``), done when ``page.more`` is false."""

    def purge_students(self, student_ids: list[str]) -> PurgeReport:
        """Drop students that left scope: their records and conflicts; their unsent ops to quarantine."""

    def reset_cursor(self) -> None:
        """Start a replacement sync: forget the cursor, keep the outbox and quarantine."""

    def note_seen(self, horizon: int) -> None:
        """Remember ``horizon`` (a push answer's) when it is above ``state().seen``."""

    def prepare_recovery(self, *, since: int, epoch: str) -> list[Op]:
        """After a server restore (protocol §8a): one whole-record op (``recovered``; upsert, or delete
        for a deletion) per record the restored server lacks — its latest server version numbered above
        ``since``, or sent and acknowledged but never pulled back — with op id ``{epoch}-{record id}``.
        Forgets which attachments the server holds (the restore may have lost them)."""

    def finish_recovery(self, *, since: int) -> None:
        """The re-sent ops are answered: forget the cursor (a pull from the start follows), ``seen`` and the
        server numbers above ``since``, which belonged to the lost history."""

    def digest(self) -> tuple[int, int]:
        """(count, sum of ``record_hash``) over live records."""

    def bucket_digests(self, buckets: int) -> list[tuple[int, int]]: ...

    def apply_repair(self, records: list[RecordState], buckets: list[int]) -> int:
        """Upsert these records; delete live local records in these buckets not listed, unless they have
        unsent ops.  Returns how many local records changed."""

    def wipe(self) -> None:
        """The administrator ordered this device wiped: delete all local data (attachments too)."""

    def log(self, entry: SyncLogEntry) -> None: ...

    # -- attachments (content-addressed bytes that records refer to, protocol §9) ---------------------
    def unsent_attachments(self, sha256s: list[str]) -> set[str]:
        """Of these hashes, those not known to be on the server (absent here, or never uploaded)."""

    def attachment_data(self, sha256: str) -> bytes | None: ...

    def mark_attachments_uploaded(self, sha256s: list[str]) -> None: ...

    def hold_ops(self, held: list[tuple[PendingOp, str]]) -> None:
        """These ops wait in the outbox (their attachment could not be uploaded): note why (Chinese)."""

    def missing_attachments(self) -> list[AttachmentRef]:
        """Attachments that live records refer to and that are not kept here."""

    def store_attachment(self, ref: AttachmentRef, data: bytes) -> None:
        """Keep downloaded bytes (the engine checked their hash)."""


def recovery_op(
    *,
    epoch: str,
    record_type: str,
    record_id: str,
    student_id: str | None,
    fields: dict[str, Any],
    versions: dict[str, int],
    deleted: bool,
    author_id: str,
    device_id: str,
    hlc: str,
) -> Op:
    """The op that re-sends one record to a restored server (``LocalReplica.prepare_recovery``): the
    whole record with the versions last seen, or its deletion; the same op id for the same epoch."""
    common: dict[str, Any] = {
        "op_id": f"{epoch}-{record_id}"[:64],
        "record_type": record_type,
        "record_id": record_id,
        "student_id": student_id,
        "device_id": device_id,
        "author_id": author_id,
        "hlc": hlc,
        "recovered": True,
    }
    if deleted:
        return Op(kind=OpKind.DELETE, base_rev=max(versions.values(), default=0), **common)
    values = {name: value for name, value in fields.items() if name != "id"}
    return Op(
        kind=OpKind.UPSERT,
        fields=values,
        base={name: int(versions.get(name, 0)) for name in values},
        **common,
    )
