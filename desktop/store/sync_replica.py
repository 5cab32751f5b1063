"""The encrypted store as a ``sync.replica.LocalReplica`` for the sync engine.

Synced rows go through the repositories' ``apply_remote``/``purge`` (never the outbox); new rows of a
pull page are inserted in bulk.  Conflicts, the conflicts a queued op resolves and the quarantine have
local tables of their own (``s.conflicts``, ``s.resolutions``, ``s.quarantine``); the rest of the sync
bookkeeping lives in the store's ``meta`` table under ``sync.`` keys (encrypted like everything else):
the cursor, pending backfills and leaves, and the sync log.  Every method is one store transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import bindparam, delete, or_, select, update

from desktop.store import outbox
from desktop.store.repositories.base import Repository
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from desktop.store.tables import AttachmentBlobRow, MetaRow, OutboxRow
from desktop.store.tables.base import utc_now
from sync.attachments import AttachmentRef, refs_in_fields
from sync.gc_pause import gc_paused
from sync.protocol import (
    DIGEST_BUCKETS,
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
from sync.records.registry import RECORD_TYPE_LABELS
from sync.replica import (
    Backfill,
    PendingOp,
    PurgeReport,
    ReplicaState,
    SyncLogEntry,
    advance_backfills,
    recovery_op,
)
from sync.typed_page import FreshPage, FreshRecord

CURSOR = "sync.cursor"
BACKFILLS = "sync.backfills"
LEAVING = "sync.leaving"
SEEN = "sync.seen"  # the highest change number a push answer reported (protocol §8a)
LOG = "sync.log"
LOG_KEEP = 500
# Set when pulled records refer to attachments: the next download pass looks for missing ones.
ATTACHMENTS_CHECK = "sync.attachments_check"


def _columns(repo: Repository[Any]) -> Any:
    return repo.table.c


class StoreReplica:
    """Adapts :class:`desktop.store.store.Store` to the sync engine."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._device_id = store.info.device_id
        self._user_id = store.info.user_id
        self._cursor_seen: str | None = None
        self._log_buffer: list[dict[str, str]] = []
        self.unreadable = 0  # pulled records quarantined because this client cannot read them

    @property
    def device_id(self) -> str:
        return self._device_id

    # -- state ------------------------------------------------------------------------------------
    def state(self) -> ReplicaState:
        with self.store.session() as s:
            backfills = [
                Backfill(tuple(b["student_ids"]), b["upto"], b["after"]) for b in _json(s, BACKFILLS, [])
            ]
            self._cursor_seen = s.meta.get(CURSOR)
            seen = int(s.meta.get(SEEN) or 0)
            return ReplicaState(self._cursor_seen, backfills, list(_json(s, LEAVING, [])), seen)

    def note_seen(self, horizon: int) -> None:
        with self.store.session() as s:
            if horizon > int(s.meta.get(SEEN) or 0):
                s.meta.set(SEEN, str(horizon))

    def pending_count(self) -> int:
        with self.store.session() as s:
            return outbox.pending_count(s.db)

    def conflicts(self) -> list[ConflictState]:
        """Open conflicts waiting for review."""
        with self.store.session() as s:
            return s.conflicts.open()

    def quarantined(self) -> list[dict[str, Any]]:
        """Ops the server refused for good (for export by the user)."""
        with self.store.session() as s:
            return s.quarantine.list()

    def sync_log(self) -> list[dict[str, str]]:
        with self.store.session() as s:
            self._flush_log(s)
            entries: list[dict[str, str]] = _json(s, LOG, [])
            return entries

    # -- push -------------------------------------------------------------------------------------
    def outbox_batch(self, *, after: int, max_ops: int, max_bytes: int) -> list[PendingOp]:
        with self.store.session() as s:
            pending = outbox.pending_ops(s.db, limit=max_ops, after_seq=after)
            resolving = s.resolutions.for_ops(item.op_id for item in pending)
            batch: list[PendingOp] = []
            size = 0
            for item in pending:
                op = self._to_op(s, item, resolving.get(item.op_id, ()))
                op_size = len(op.model_dump_json())
                if batch and size + op_size > max_bytes:
                    break
                batch.append(PendingOp(item.seq, op, op_size))
                size += op_size
            return batch

    def _to_op(self, s: StoreSession, item: outbox.OutboxOp, resolves: Iterable[str] = ()) -> Op:
        base_rev = 0
        if item.kind is outbox.OpKind.DELETE:
            state = s.repository(item.record_type).sync_state(item.record_id)
            base_rev = max((state.field_versions.values() if state else ()), default=0)
        return Op(
            op_id=item.op_id,
            record_type=item.record_type,
            record_id=item.record_id,
            kind=OpKind(item.kind.value),
            student_id=item.student_ids[0] if item.student_ids else None,
            fields=item.fields,
            base=item.base_versions,
            base_rev=base_rev,
            resolves=list(resolves),
            device_id=item.device_id,
            author_id=item.author_id or self._user_id or "unknown",
            hlc=item.hlc,
        )

    def record_results(self, answered: list[tuple[PendingOp, OpResult]]) -> None:
        with self.store.session() as s:
            self._flush_log(s)
            done: list[str] = []
            failed: list[str] = []
            raised: dict[str, list[tuple[str, dict[str, int]]]] = {}  # record type -> (id, versions)
            for pending, result in answered:
                op = pending.op
                if result.status is OpStatus.REJECTED:
                    if result.retryable:
                        failed.append(op.op_id)
                        continue
                    _quarantine(s, op.op_id, {"op": op.model_dump(mode="json"), "reason": str(result.reason)})
                elif result.versions:
                    raised.setdefault(op.record_type, []).append((op.record_id, result.versions))
                done.append(op.op_id)
            for record_type, answers in raised.items():
                self._raise_versions(s, record_type, answers)
            outbox.acknowledge(s.db, done)
            s.resolutions.remove(
                pending.op.op_id
                for pending, _ in answered
                if pending.op.resolves and pending.op.op_id in done
            )
            outbox.mark_failed(s.db, failed, "服务器暂时无法处理")

    def _raise_versions(
        self, s: StoreSession, record_type: str, answers: list[tuple[str, dict[str, int]]]
    ) -> None:
        """Raise the stored field versions of one type's records to those the server answered: one
        read and one (many-row) write for the whole push batch."""
        repo = s.repository(record_type)
        columns = _columns(repo)
        ids = sorted({record_id for record_id, _ in answers})
        stored = {
            row.id: dict(row.field_versions or {})
            for row in s.db.execute(select(columns.id, columns.field_versions).where(columns.id.in_(ids)))
        }
        for record_id, versions in answers:
            merged = stored.get(record_id)
            if merged is None:
                continue
            for name, version in versions.items():
                merged[name] = max(int(merged.get(name, 0)), version)
        if stored:
            statement = (
                update(repo.table)
                .where(columns.id == bindparam("raised_id"))
                .values(field_versions=bindparam("raised_versions", type_=columns.field_versions.type))
            )
            s.db.execute(
                statement, [{"raised_id": key, "raised_versions": value} for key, value in stored.items()]
            )

    # -- pull -------------------------------------------------------------------------------------
    def apply_page(self, page: PullPage) -> None:
        if not (page.records or page.conflicts or page.scope) and page.cursor == self._cursor_seen:
            return  # a no-op pull: nothing to write (keeps the no-op sync cheap)
        with gc_paused(), self.store.session() as s:  # thousands of new rows: sync/gc_pause.py
            self._flush_log(s)
            self._apply_records(s, page.records)
            for conflict in page.conflicts:
                s.conflicts.put(conflict)
            cursor = Cursor.decode(page.cursor)
            assert cursor is not None
            enters = [e.student_id for e in page.scope if e.kind is ScopeEventKind.ENTER]
            if enters:
                backfills = _json(s, BACKFILLS, [])
                backfills.append({"student_ids": enters, "upto": cursor.seq, "after": 0})
                _put(s, BACKFILLS, backfills)
            leaves = [e.student_id for e in page.scope if e.kind is ScopeEventKind.LEAVE]
            if leaves:
                leaving = _json(s, LEAVING, [])
                _put(s, LEAVING, leaving + [student for student in leaves if student not in leaving])
            s.meta.set(CURSOR, page.cursor)
        self._cursor_seen = page.cursor

    def apply_fresh_page(self, page: FreshPage, committing: Callable[[], None]) -> bool:
        if not page.records:
            return False  # the usual path skips a no-op page without writing
        with gc_paused(), self.store.session() as s:
            by_type: dict[str, list[FreshRecord]] = {}
            for fresh in page.records:
                by_type.setdefault(fresh.record_type, []).append(fresh)
            repos: dict[str, Repository[Any]] = {}
            for record_type, group in by_type.items():
                try:
                    repos[record_type] = s.repository(record_type)
                except KeyError:
                    return False
                if _stored_seqs(s, repos[record_type], [fresh.id for fresh in group]):
                    return False  # nothing written yet: the page goes the usual way
            self._flush_log(s)
            if any(
                fresh.record.attachments  # type: ignore[attr-defined]
                for record_type, group in by_type.items()
                if "attachments" in repos[record_type].RECORD.model_fields
                for fresh in group
            ):
                s.meta.set(ATTACHMENTS_CHECK, "1")
            now = utc_now()
            for record_type, group in by_type.items():
                repo = repos[record_type]
                rows = [
                    _new_row(repo, fresh.record, fresh.id, fresh.versions, fresh.seq, fresh.author_id)
                    for fresh in group
                    if not fresh.deleted  # a deletion of a record never held here: nothing to write
                ]
                shared = {"deleted": False, "created_at": now, "updated_at": now, "device_id": None}
                repo.insert_json_rows(rows, {**shared, "extra": {}})  # typed: no field it does not know
            s.meta.set(CURSOR, page.cursor)
            s.db.flush()
            committing()
        self._cursor_seen = page.cursor
        return True

    def apply_backfill(self, backfill: Backfill, page: BackfillPage) -> None:
        with gc_paused(), self.store.session() as s:
            self._apply_records(s, page.records)
            for conflict in page.conflicts:
                s.conflicts.put(conflict)
            stored = [
                Backfill(tuple(b["student_ids"]), b["upto"], b["after"]) for b in _json(s, BACKFILLS, [])
            ]
            kept = advance_backfills(stored, backfill, page.after, page.more)
            _put(
                s,
                BACKFILLS,
                [{"student_ids": list(b.student_ids), "upto": b.upto, "after": b.after} for b in kept],
            )

    def _pending_fields(
        self, s: StoreSession, record_type: str, record_ids: Iterable[str]
    ) -> dict[str, set[str]]:
        ids = list(record_ids)
        pending: dict[str, set[str]] = {}
        for start in range(0, len(ids), 500):
            rows = s.db.execute(
                select(OutboxRow.record_id, OutboxRow.fields, OutboxRow.kind).where(
                    OutboxRow.record_type == record_type, OutboxRow.record_id.in_(ids[start : start + 500])
                )
            )
            for record_id, fields, kind in rows:
                names = pending.setdefault(record_id, set())
                names |= set(fields) if kind == OpKind.UPSERT.value else {"*"}
        return pending

    def _apply_records(self, s: StoreSession, states: list[RecordState]) -> None:
        by_type: dict[str, list[RecordState]] = {}
        for state in states:
            by_type.setdefault(state.record_type, []).append(state)
        if any(state.fields.get("attachments") for state in states):
            s.meta.set(ATTACHMENTS_CHECK, "1")
        for record_type, group in by_type.items():
            try:
                repo = s.repository(record_type)
            except KeyError:
                self._note(s, "warning", f"收到本机不认识的记录类型：{record_type}")
                continue
            columns = _columns(repo)
            ids = [state.id for state in group]
            existing = _stored_seqs(s, repo, ids)
            pending = self._pending_fields(s, record_type, ids) if existing else {}
            fresh: list[dict[str, Any]] = []
            changed: list[dict[str, Any]] = []
            now = utc_now()
            for state in group:
                if state.id in existing and existing[state.id] >= state.seq:
                    continue
                local_pending = pending.get(state.id, set())
                if state.deleted:
                    if state.id in existing and "*" not in local_pending:
                        s.db.execute(
                            update(repo.table)
                            .where(columns.id == state.id)
                            .values(
                                deleted=True,
                                server_seq=state.seq,
                                field_versions=state.versions,
                                updated_at=now,
                            )
                        )
                    continue
                # Fields of a newer schema than this client's are kept as they came (``extra``).
                known = repo.RECORD.model_fields
                fields, extra = state.fields, {}
                if not known.keys() >= fields.keys():
                    fields = {name: value for name, value in state.fields.items() if name in known}
                    extra = {name: value for name, value in state.fields.items() if name not in known}
                if local_pending and state.id in existing:
                    fields = dict(fields)
                    current = repo.get(state.id, include_deleted=True)
                    if current is not None:
                        mine = current.model_dump(mode="json")
                        fields.update({name: mine[name] for name in local_pending if name in mine})
                try:
                    record = repo.RECORD.model_validate({**fields, "id": state.id})
                except ValidationError as error:
                    self._quarantine_record(s, state, error)
                    continue
                if state.id in existing and local_pending:
                    repo.apply_remote(
                        record,
                        field_versions=state.versions,
                        server_seq=state.seq,
                        author_id=state.author_id,
                        device_id=None,
                        deleted="*" in local_pending,
                        extra=extra,
                    )
                elif state.id in existing:
                    changed.append(
                        {
                            **repo.row_values(record),
                            "_rid": state.id,
                            "deleted": False,
                            "updated_at": now,
                            "field_versions": state.versions,
                            "server_seq": state.seq,
                            "author_id": state.author_id,
                            "device_id": None,
                            "extra": extra,
                        }
                    )
                else:
                    # JSON form, encoded by the store's bulk inserter (as ``create_many`` does).
                    row = _new_row(repo, record, state.id, state.versions, state.seq, state.author_id)
                    fresh.append({**row, "extra": extra})
            if fresh:
                repo.insert_json_rows(
                    fresh, {"deleted": False, "created_at": now, "updated_at": now, "device_id": None}
                )
            if changed:
                # One statement for every replaced row (the SET columns come from the parameters).
                s.db.execute(update(repo.table).where(columns.id == bindparam("_rid")), changed)

    def _quarantine_record(self, s: StoreSession, state: RecordState, error: ValidationError) -> None:
        """A pulled record this client cannot read (a field it knows holds a value it does not accept,
        e.g. a choice added by a newer release): kept whole in the quarantine, exportable, with a notice;
        the next version of the record that this client can read replaces it as usual."""
        names = sorted({str(item["loc"][0]) for item in error.errors() if item["loc"]} or {"*"})
        label = RECORD_TYPE_LABELS.get(state.record_type, state.record_type)
        message = (
            f"收到一条本机无法读取的{label}（字段：{'、'.join(names)}），已移入隔离区，未丢弃；"
            "请将本软件升级到最新版本后再同步"
        )
        key = f"{state.record_type}.{state.id}.{state.seq}"
        if _quarantined(s, key):
            return  # this version came again (a backfill, a repair): kept and told already
        entry = {"record": state.model_dump(mode="json"), "reason": "unreadable", "message": message}
        _quarantine(s, key, entry)
        self._note(s, "warning", message)
        self.unreadable += 1

    # -- scope ------------------------------------------------------------------------------------
    def purge_students(self, student_ids: list[str]) -> PurgeReport:
        gone = set(student_ids)
        with self.store.session() as s:
            removed = 0
            photos_before = _referenced_attachments(s)
            for repo in _repositories(s):
                columns = _columns(repo)
                if repo.RECORD.RECORD_TYPE == "student":
                    doomed = list(s.db.scalars(select(columns.id).where(columns.id.in_(gone))))
                elif "student_id" in columns:
                    doomed = list(s.db.scalars(select(columns.id).where(columns.student_id.in_(gone))))
                elif "student_ids" in columns:
                    doomed = [
                        record_id
                        for record_id, many in s.db.execute(select(columns.id, columns.student_ids))
                        if gone & set(many or ())
                    ]
                else:
                    continue
                for record_id in doomed:
                    repo.purge(record_id)
                removed += len(doomed)
            quarantined = 0
            for item in outbox.pending_ops(s.db):
                if gone & set(item.student_ids):
                    op = self._to_op(s, item)
                    _quarantine(s, op.op_id, {"op": op.model_dump(mode="json"), "reason": "scope_left"})
                    outbox.acknowledge(s.db, [item.op_id])
                    quarantined += 1
            s.conflicts.remove_for_students(gone)
            _put(s, LEAVING, [student for student in _json(s, LEAVING, []) if student not in gone])
            # Photos of the students that left go with their records (kept when still referred to).
            s.attachments.remove(set(photos_before) - set(_referenced_attachments(s)))
            return PurgeReport(len(gone), removed, quarantined)

    def reset_cursor(self) -> None:
        with self.store.session() as s:
            s.db.execute(delete(MetaRow).where(MetaRow.key.in_([CURSOR, BACKFILLS, LEAVING])))

    # -- after a server restore (protocol §8a) --------------------------------------------------------
    def prepare_recovery(self, *, since: int, epoch: str) -> list[Op]:
        with self.store.session() as s:
            s.db.execute(update(AttachmentBlobRow).values(uploaded=False))
            pending = set(s.db.scalars(select(OutboxRow.record_id)))
            ops: list[Op] = []
            for repo in _repositories(s):
                columns = _columns(repo)
                rows = s.db.execute(
                    select(columns.id, columns.server_seq, columns.field_versions, columns.author_id).where(
                        or_(columns.server_seq > since, columns.server_seq == 0)
                    )
                )
                for record_id, server_seq, versions, author_id in list(rows):
                    if not server_seq and (not versions or record_id in pending):
                        continue  # never sent (its outbox op creates it) or never meant to be (demo data)
                    record = repo.get(record_id, include_deleted=True)
                    if record is None:
                        continue
                    students = record.scope_student_ids()
                    ops.append(
                        recovery_op(
                            epoch=epoch,
                            record_type=repo.RECORD.RECORD_TYPE,
                            record_id=record_id,
                            student_id=students[0] if students else None,
                            # with the center's fields this client does not know (§2a)
                            fields={**repo.extra_fields(record_id), **record.model_dump(mode="json")},
                            versions=dict(versions or {}),
                            deleted=repo.is_deleted(record_id),
                            author_id=author_id or self._user_id or "unknown",
                            device_id=self.device_id,
                            hlc=s.ctx.next_hlc(),
                        )
                    )
            return ops

    def finish_recovery(self, *, since: int) -> None:
        with self.store.session() as s:
            for repo in _repositories(s):
                columns = _columns(repo)
                s.db.execute(update(repo.table).where(columns.server_seq > since).values(server_seq=0))
            s.db.execute(delete(MetaRow).where(MetaRow.key.in_([CURSOR, BACKFILLS, LEAVING, SEEN])))
        self._cursor_seen = None

    # -- digest and repair ------------------------------------------------------------------------
    def _hashes(self, s: StoreSession) -> Iterable[tuple[Repository[Any], str, int]]:
        for repo in _repositories(s):
            columns = _columns(repo)
            rows = s.db.execute(
                select(columns.id, columns.field_versions).where(
                    columns.deleted.is_(False), columns.server_seq > 0
                )
            )
            for record_id, versions in rows:
                rev = max((versions or {}).values(), default=0)
                yield repo, record_id, record_hash(repo.RECORD.RECORD_TYPE, record_id, rev)

    def digest(self) -> tuple[int, int]:
        with self.store.session() as s:
            hashes = [value for _, _, value in self._hashes(s)]
        return len(hashes), sum(hashes)

    def bucket_digests(self, buckets: int) -> list[tuple[int, int]]:
        table = [(0, 0)] * buckets
        with self.store.session() as s:
            for _, _, value in self._hashes(s):
                count, total = table[value % buckets]
                table[value % buckets] = (count + 1, total + value)
        return table

    def apply_repair(self, records: list[RecordState], buckets: list[int]) -> int:
        listed = {state.id for state in records}
        chosen = set(buckets)
        with self.store.session() as s:
            for state in records:
                try:
                    repo = s.repository(state.record_type)
                except KeyError:
                    continue
                s.db.execute(update(repo.table).where(_columns(repo).id == state.id).values(server_seq=0))
            self._apply_records(s, records)
            with_ops = set(s.db.scalars(select(OutboxRow.record_id)))
            stray = [
                (repo, record_id)
                for repo, record_id, value in list(self._hashes(s))
                if value % DIGEST_BUCKETS in chosen and record_id not in listed and record_id not in with_ops
            ]
            for repo, record_id in stray:
                repo.purge(record_id)
            return len(records) + len(stray)

    # -- wipe and log -----------------------------------------------------------------------------
    def wipe(self) -> None:
        with self.store.session() as s:
            for repo in _repositories(s):
                s.db.execute(delete(repo.table))
            s.db.execute(delete(OutboxRow))
            s.db.execute(delete(MetaRow).where(MetaRow.key.startswith("sync.")))
            s.conflicts.clear()
            s.resolutions.clear()
            s.quarantine.clear()
            s.attachments.remove_all()

    def log(self, entry: SyncLogEntry) -> None:
        """Warnings and errors are written at once; routine lines wait for the next write (or ``sync_log``)."""
        self._log_buffer.append({"at": entry.at.isoformat(), "level": entry.level, "message": entry.message})
        if entry.level != "info":
            with self.store.session() as s:
                self._flush_log(s)

    def _note(self, s: StoreSession, level: str, message: str, at: datetime | None = None) -> None:
        self._log_buffer.append({"at": (at or utc_now()).isoformat(), "level": level, "message": message})
        self._flush_log(s)

    def _flush_log(self, s: StoreSession) -> None:
        if self._log_buffer:
            entries = _json(s, LOG, []) + self._log_buffer
            self._log_buffer = []
            _put(s, LOG, entries[-LOG_KEEP:])

    # -- attachments ------------------------------------------------------------------------------
    def unsent_attachments(self, sha256s: list[str]) -> set[str]:
        with self.store.session() as s:
            on_server = s.attachments.present(sha256s) - s.attachments.missing_on_server(sha256s)
        return set(sha256s) - on_server

    def attachment_data(self, sha256: str) -> bytes | None:
        with self.store.session() as s:
            return s.attachments.get(sha256)

    def mark_attachments_uploaded(self, sha256s: list[str]) -> None:
        with self.store.session() as s:
            s.attachments.mark_uploaded(sha256s)

    def hold_ops(self, held: list[tuple[PendingOp, str]]) -> None:
        with self.store.session() as s:
            for pending, reason in held:
                outbox.mark_failed(s.db, [pending.op.op_id], reason)

    def missing_attachments(self) -> list[AttachmentRef]:
        """Looked for only after records with attachments arrived, or while some are still missing
        (so a sync that brought no photos does not read every visit)."""
        with self.store.session() as s:
            if s.meta.get(ATTACHMENTS_CHECK) is None:
                return []
            referenced = _referenced_attachments(s)
            kept = s.attachments.present(referenced)
            missing = [ref for sha, ref in referenced.items() if sha not in kept]
            if not missing:
                s.db.execute(delete(MetaRow).where(MetaRow.key == ATTACHMENTS_CHECK))
        return missing

    def store_attachment(self, ref: AttachmentRef, data: bytes) -> None:
        with self.store.session() as s:
            s.attachments.put_downloaded(ref.sha256, data, ref.media_type)


def _stored_seqs(s: StoreSession, repo: Repository[Any], ids: list[str]) -> dict[str, int]:
    """The server seq of each of these records this laptop holds (deleted ones too)."""
    columns = _columns(repo)
    stored: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for record_id, seq in s.db.execute(
            select(columns.id, columns.server_seq).where(columns.id.in_(chunk))
        ):
            stored[record_id] = int(seq)
    return stored


def _new_row(
    repo: Repository[Any], record: Any, record_id: str, versions: dict[str, int], seq: int, author_id: str
) -> dict[str, Any]:
    """A pulled record's new row in JSON form, as the store's bulk inserter takes it (no ``extra``)."""
    return {
        **record.model_dump(mode="json"),
        "id": record_id,
        **repo.derived(record),
        "field_versions": versions,
        "server_seq": seq,
        "author_id": author_id,
    }


def _referenced_attachments(s: StoreSession) -> dict[str, AttachmentRef]:
    """Attachments that live records refer to (by hash), from every table with an attachments column."""
    found: dict[str, AttachmentRef] = {}
    for repo in _repositories(s):
        columns = _columns(repo)
        if "attachments" not in columns or "student_id" not in columns:
            continue
        rows = s.db.execute(select(columns.student_id, columns.attachments).where(columns.deleted.is_(False)))
        for student_id, items in rows:
            for ref in refs_in_fields({"attachments": items or []}, student_id):
                found.setdefault(ref.sha256, ref)
    return found


def _repositories(s: StoreSession) -> list[Repository[Any]]:
    return [repo for repo in vars(s).values() if isinstance(repo, Repository)]


def _quarantine(s: StoreSession, key: str, entry: dict[str, Any]) -> None:
    """Keep something the sync could not deliver or read, for the user to export: an op the center
    refused for good (``{"op", "reason"}``, keyed by op id) or a pulled record this client cannot read
    (``{"record", "reason": "unreadable", "message"}``, keyed by type, id and change number)."""
    s.quarantine.put(key, entry)


def _quarantined(s: StoreSession, key: str) -> bool:
    return s.quarantine.has(key)


def _json(s: StoreSession, key: str, default: Any) -> Any:
    value = s.meta.get(key)
    return default if value is None else json.loads(value)


def _put(s: StoreSession, key: str, value: Any) -> None:
    s.meta.set(key, json.dumps(value, ensure_ascii=False))


__all__ = ["StoreReplica"]
