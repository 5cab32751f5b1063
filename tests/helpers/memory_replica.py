"""An in-memory ``LocalReplica`` with a small editing API: the engine's tests, the convergence
property tests and the sync benchmark use it.  The desktop store has its own (encrypted) replica."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sync.attachments import AttachmentRef, refs_in_fields, sha256_hex
from sync.ids import HybridClock, new_id
from sync.protocol import (
    BackfillPage,
    ConflictState,
    Cursor,
    Op,
    OpKind,
    OpResult,
    OpStatus,
    PullPage,
    RecordState,
    ScopeEventKind,
    record_hash,
)
from sync.replica import (
    Backfill,
    PendingOp,
    PurgeReport,
    ReplicaState,
    SyncLogEntry,
    advance_backfills,
    recovery_op,
)
from sync.typed_page import FreshPage


@dataclass
class LocalRecord:
    record_type: str
    id: str
    student_id: str | None
    fields: dict[str, Any]
    versions: dict[str, int] = field(default_factory=dict)
    rev: int = 0
    seq: int = 0
    deleted: bool = False
    author_id: str = ""


@dataclass
class Quarantined:
    op: Op
    reason: str


class MemoryReplica:
    def __init__(self, device_id: str, author_id: str) -> None:
        self._device_id = device_id
        self.author_id = author_id
        self.clock = HybridClock(device_id)
        self.records: dict[str, LocalRecord] = {}
        self.conflicts: dict[str, ConflictState] = {}
        self.outbox: list[PendingOp] = []
        self.quarantine: list[Quarantined] = []
        self.sync_log: list[SyncLogEntry] = []
        self.wiped = False
        self.attachments: dict[str, bytes] = {}  # sha256 -> bytes
        self.attachments_on_server: set[str] = set()
        self.held: dict[str, str] = {}  # op id -> why it waits in the outbox
        self._state = ReplicaState(cursor=None)
        self._position = 0
        self._lock = threading.Lock()

    @property
    def device_id(self) -> str:
        return self._device_id

    # -- local editing ----------------------------------------------------------------------------
    def edit(
        self, record_type: str, record_id: str, fields: dict[str, Any], *, student_id: str | None = None
    ) -> Op:
        """Change fields locally and queue the op (base = the versions last seen)."""
        with self._lock:
            record = self.records.get(record_id)
            if record is None:
                record = LocalRecord(record_type, record_id, student_id, {}, author_id=self.author_id)
                self.records[record_id] = record
            record.fields.update(fields)
            record.deleted = False
            op = Op(
                op_id=new_id(),
                record_type=record_type,
                record_id=record_id,
                kind=OpKind.UPSERT,
                student_id=student_id if student_id is not None else record.student_id,
                fields=dict(fields),
                base={name: record.versions.get(name, 0) for name in fields},
                device_id=self._device_id,
                author_id=self.author_id,
                hlc=self.clock.now().encode(),
            )
            self._queue(op)
            return op

    def delete(self, record_id: str) -> Op:
        with self._lock:
            record = self.records[record_id]
            record.deleted = True
            op = Op(
                op_id=new_id(),
                record_type=record.record_type,
                record_id=record_id,
                kind=OpKind.DELETE,
                student_id=record.student_id,
                base_rev=max(record.versions.values(), default=0),
                device_id=self._device_id,
                author_id=self.author_id,
                hlc=self.clock.now().encode(),
            )
            self._queue(op)
            return op

    def add_attachment(
        self, data: bytes, media_type: str = "image/jpeg", file_name: str = "照片.jpg"
    ) -> dict[str, Any]:
        """Keep bytes locally; returns the reference to put in a record's ``attachments``."""
        sha = sha256_hex(data)
        with self._lock:
            self.attachments[sha] = data
        return {"sha256": sha, "file_name": file_name, "media_type": media_type, "size": len(data)}

    def _queue(self, op: Op) -> None:
        self._position += 1
        self.outbox.append(PendingOp(self._position, op, len(op.model_dump_json())))

    def live(self) -> dict[str, dict[str, Any]]:
        """Live synced records: id -> fields (what convergence tests compare)."""
        return {rid: dict(r.fields) for rid, r in self.records.items() if not r.deleted}

    # -- LocalReplica -------------------------------------------------------------------------------
    def state(self) -> ReplicaState:
        with self._lock:
            return ReplicaState(
                self._state.cursor, list(self._state.backfills), list(self._state.leaving), self._state.seen
            )

    def note_seen(self, horizon: int) -> None:
        with self._lock:
            self._state.seen = max(self._state.seen, horizon)

    def outbox_batch(self, *, after: int, max_ops: int, max_bytes: int) -> list[PendingOp]:
        with self._lock:
            batch: list[PendingOp] = []
            size = 0
            for pending in self.outbox:
                if pending.position <= after:
                    continue
                if batch and (len(batch) >= max_ops or size + pending.size > max_bytes):
                    break
                batch.append(pending)
                size += pending.size
            return batch

    def pending_count(self) -> int:
        return len(self.outbox)

    def record_results(self, answered: list[tuple[PendingOp, OpResult]]) -> None:
        with self._lock:
            done: set[str] = set()
            for pending, result in answered:
                if result.status is OpStatus.REJECTED:
                    if not result.retryable:
                        self.quarantine.append(Quarantined(pending.op, str(result.reason)))
                        done.add(pending.op.op_id)
                    continue
                done.add(pending.op.op_id)
                record = self.records.get(pending.op.record_id)
                if record is not None:
                    for name, version in result.versions.items():
                        record.versions[name] = max(record.versions.get(name, 0), version)
            self.outbox = [p for p in self.outbox if p.op.op_id not in done]
            for op_id in done:
                self.held.pop(op_id, None)

    def _pending_fields(self, record_id: str) -> set[str]:
        names: set[str] = set()
        for pending in self.outbox:
            if pending.op.record_id == record_id:
                names |= set(pending.op.fields) or {"*"}
        return names

    def _apply_record(self, state: RecordState) -> None:
        record = self.records.get(state.id)
        if record is not None and record.seq >= state.seq:
            return
        pending = self._pending_fields(state.id)
        if record is None:
            record = LocalRecord(state.record_type, state.id, state.student_id, {})
            self.records[state.id] = record
        keep = {name: record.fields[name] for name in pending if name in record.fields}
        record.fields = dict(state.fields) if not state.deleted else {}
        record.fields.update(keep)
        record.versions = dict(state.versions)
        record.rev, record.seq, record.deleted = state.rev, state.seq, state.deleted and not keep
        record.student_id, record.author_id = state.student_id, state.author_id

    def _apply_conflict(self, conflict: ConflictState) -> None:
        self.conflicts[conflict.id] = conflict

    def apply_fresh_page(self, page: FreshPage, committing: Callable[[], None]) -> bool:
        return False  # every page goes through apply_page (record by record)

    def apply_page(self, page: PullPage) -> None:
        with self._lock:
            for state in page.records:
                self._apply_record(state)
            for conflict in page.conflicts:
                self._apply_conflict(conflict)
            cursor = Cursor.decode(page.cursor)
            assert cursor is not None
            enters = tuple(e.student_id for e in page.scope if e.kind is ScopeEventKind.ENTER)
            if enters:
                self._state.backfills.append(Backfill(enters, cursor.seq))
            for event in page.scope:
                if event.kind is ScopeEventKind.LEAVE and event.student_id not in self._state.leaving:
                    self._state.leaving.append(event.student_id)
            self._state.cursor = page.cursor

    def apply_backfill(self, backfill: Backfill, page: BackfillPage) -> None:
        with self._lock:
            for state in page.records:
                self._apply_record(state)
            for conflict in page.conflicts:
                self._apply_conflict(conflict)
            self._state.backfills = advance_backfills(self._state.backfills, backfill, page.after, page.more)

    def purge_students(self, student_ids: list[str]) -> PurgeReport:
        with self._lock:
            gone = set(student_ids)
            doomed = [rid for rid, r in self.records.items() if r.student_id in gone]
            photos = {ref.sha256 for rid in doomed for ref in refs_in_fields(self.records[rid].fields, None)}
            for rid in doomed:
                del self.records[rid]
            kept = {ref.sha256 for r in self.records.values() for ref in refs_in_fields(r.fields, None)}
            for sha in photos - kept:
                self.attachments.pop(sha, None)
            self.conflicts = {cid: c for cid, c in self.conflicts.items() if c.student_id not in gone}
            moved = [p for p in self.outbox if p.op.student_id in gone]
            self.quarantine += [Quarantined(p.op, "scope_left") for p in moved]
            self.outbox = [p for p in self.outbox if p.op.student_id not in gone]
            self._state.leaving = [s for s in self._state.leaving if s not in gone]
            return PurgeReport(len(gone), len(doomed), len(moved))

    def reset_cursor(self) -> None:
        with self._lock:
            self._state = ReplicaState(cursor=None, seen=self._state.seen)

    def prepare_recovery(self, *, since: int, epoch: str) -> list[Op]:
        with self._lock:
            self.attachments_on_server.clear()
            pending = {p.op.record_id for p in self.outbox}
            return [
                recovery_op(
                    epoch=epoch,
                    record_type=record.record_type,
                    record_id=record.id,
                    student_id=record.student_id,
                    fields=record.fields,
                    versions=record.versions,
                    deleted=record.deleted,
                    author_id=record.author_id or self.author_id,
                    device_id=self._device_id,
                    hlc=self.clock.now().encode(),
                )
                for record in self.records.values()
                if record.seq > since or (record.seq == 0 and record.versions and record.id not in pending)
            ]

    def finish_recovery(self, *, since: int) -> None:
        with self._lock:
            for record in self.records.values():
                if record.seq > since:
                    record.seq = 0
            self._state = ReplicaState(cursor=None)

    def _synced_live(self) -> list[LocalRecord]:
        return [r for r in self.records.values() if r.seq > 0 and not r.deleted]

    def digest(self) -> tuple[int, int]:
        with self._lock:
            hashes = [record_hash(r.record_type, r.id, r.rev) for r in self._synced_live()]
            return len(hashes), sum(hashes)

    def bucket_digests(self, buckets: int) -> list[tuple[int, int]]:
        with self._lock:
            table = [(0, 0)] * buckets
            for record in self._synced_live():
                value = record_hash(record.record_type, record.id, record.rev)
                count, total = table[value % buckets]
                table[value % buckets] = (count + 1, total + value)
            return table

    def apply_repair(self, records: list[RecordState], buckets: list[int]) -> int:
        with self._lock:
            listed = {state.id for state in records}
            chosen = set(buckets)
            changed = 0
            for state in records:
                before = self.records.get(state.id)
                if before is None or before.rev != state.rev or before.deleted:
                    changed += 1
                    if before is not None:
                        before.seq = 0
                self._apply_record(state)
            with_ops = {p.op.record_id for p in self.outbox}
            for record in self._synced_live():
                bucket = record_hash(record.record_type, record.id, record.rev) % 256
                if bucket in chosen and record.id not in listed and record.id not in with_ops:
                    del self.records[record.id]
                    changed += 1
            return changed

    def wipe(self) -> None:
        with self._lock:
            self.attachments.clear()
            self.attachments_on_server.clear()
            self.records.clear()
            self.conflicts.clear()
            self.outbox.clear()
            self.quarantine.clear()
            self._state = ReplicaState(cursor=None)
            self.wiped = True

    def log(self, entry: SyncLogEntry) -> None:
        self.sync_log.append(entry)

    # -- attachments ------------------------------------------------------------------------------
    def unsent_attachments(self, sha256s: list[str]) -> set[str]:
        with self._lock:
            return {sha for sha in sha256s if sha not in self.attachments_on_server}

    def attachment_data(self, sha256: str) -> bytes | None:
        with self._lock:
            return self.attachments.get(sha256)

    def mark_attachments_uploaded(self, sha256s: list[str]) -> None:
        with self._lock:
            self.attachments_on_server |= {sha for sha in sha256s if sha in self.attachments}

    def hold_ops(self, held: list[tuple[PendingOp, str]]) -> None:
        with self._lock:
            for pending, reason in held:
                self.held[pending.op.op_id] = reason

    def missing_attachments(self) -> list[AttachmentRef]:
        with self._lock:
            found: dict[str, AttachmentRef] = {}
            for record in self.records.values():
                if record.deleted:
                    continue
                for ref in refs_in_fields(record.fields, record.student_id):
                    if ref.sha256 not in self.attachments:
                        found.setdefault(ref.sha256, ref)
            return list(found.values())

    def store_attachment(self, ref: AttachmentRef, data: bytes) -> None:
        if sha256_hex(data) != ref.sha256:
            raise ValueError("附件内容与摘要不符")
        with self._lock:
            self.attachments[ref.sha256] = data
            self.attachments_on_server.add(ref.sha256)


def log_entry(level: str, message: str) -> SyncLogEntry:
    return SyncLogEntry(datetime.now(UTC), level, message)
