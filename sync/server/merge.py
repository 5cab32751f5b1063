"""Push: apply a batch of ops with field-level merge, conflicts, tombstones and idempotency.

See docs/sync-protocol.md §4.  The caller runs :func:`apply_batch` in one transaction and retries the
whole batch on a serialisation failure; each op's result is stored, so a repeated op gets the same answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.ids import HLC, new_id
from sync.protocol import Op, OpKind, OpResult, OpStatus, RejectReason, record_hash
from sync.records import Record
from sync.server import (
    bulk_rows,
    number_rules,
    record_kinds,
    record_state,
    recovery,
    scope,
    sequence,
    visit_first,
    write_rules,
)
from sync.server.models import (
    AuditEntry,
    ConflictRow,
    MentorAccount,
    MentorLink,
    RecordRow,
    StudentScope,
)
from sync.server.scope import Principal

# meta entry of a field: [version, device, author, hlc, received_at]
Meta = list[Any]

_REJECT_MESSAGES = {
    RejectReason.NOT_FOUND: "记录不存在",
    RejectReason.FORBIDDEN: "当前账号无权修改此记录",
    RejectReason.UNKNOWN_TYPE: "未知的记录类型",
    RejectReason.STUDENT_MISMATCH: "记录所属学生不一致",
    RejectReason.VALIDATION_FAILED: "数据校验未通过",
}


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_NAMES: dict[str, str] = {}  # field name -> its JSON key with the colon (a few hundred names in all)


def _dumps(value: Any) -> str:
    return _ENCODE(value)


def _key(name: str) -> str:
    encoded = _NAMES.get(name)
    if encoded is None:
        encoded = _NAMES[name] = _ENCODE(name) + ":"
    return encoded


def _same_meta(names: dict[str, Any], stamp: Meta | int) -> str:
    """``_dumps({name: stamp for name in names})``, with the stamp encoded once."""
    encoded = _ENCODE(stamp)
    return "{" + ",".join(_key(name) + encoded for name in sorted(names)) + "}"


def _reject(op: Op, reason: RejectReason, message: str | None = None) -> OpResult:
    return OpResult(
        op_id=op.op_id, status=OpStatus.REJECTED, reason=reason, message=message or _REJECT_MESSAGES[reason]
    )


@dataclass(frozen=True)
class WriteLimits:
    """Settings the merge applies to devices' ops (``Settings`` gives them; defaults for direct callers)."""

    grace_days: int = scope.DEFAULT_GRACE_DAYS
    audit_entries_per_hour: int = 2000


_LATE_MESSAGE = "该学生已转给其他老师，此修改晚于转出时间，未被接受（已保留在本机待导出）"
_AUDIT_BUSY = "审计记录提交过于频繁，请稍后再同步"
_BASE_AHEAD = "基础版本高于服务器上的版本，请重新同步后再修改"


def students_of(record_type: str, record_id: str, fields: dict[str, Any]) -> tuple[str, ...]:
    """The students a stored record belongs to (mirrors ``Record.scope_student_ids``)."""
    if record_type == record_kinds.STUDENT:
        return (record_id,)
    many = fields.get("student_ids")
    if isinstance(many, list):
        return tuple(str(item) for item in many)
    one = fields.get("student_id")
    return (one,) if isinstance(one, str) else ()


@dataclass
class _Batch:
    session: Session
    principal: Principal
    now: str
    rows: dict[str, RecordRow]
    touched: dict[str, RecordRow] = field(default_factory=dict)
    conflicts: dict[str, ConflictRow] = field(default_factory=dict)
    scope_changed: bool = False
    trusted: bool = False
    cache: dict[tuple[type[Any], str], Any] = field(default_factory=dict)
    reach: dict[Any, bool] = field(default_factory=dict)
    limits: WriteLimits = field(default_factory=WriteLimits)
    # Students no longer readable that the device holds within the reassignment grace: when they left.
    leaving: dict[str, datetime] = field(default_factory=dict)
    audit_budget: int | None = None
    # 学号 given or freed by this batch (not flushed yet): number -> student id, or None when freed.
    numbers: dict[str, str | None] = field(default_factory=dict)
    # 学号 owners read for the whole batch before it began (``record_state``); ``numbers`` overrides them.
    number_owners: dict[str, str | None] = field(default_factory=dict)
    # New records kept out of the session, written in one statement at the end (``bulk_rows``).
    pending: bulk_rows.Pending = field(default_factory=bulk_rows.Pending)

    def get(self, model: type[Any], key: str) -> Any:
        """``session.get`` that also sees rows added earlier in this batch (not flushed yet)."""
        if (model, key) not in self.cache:
            self.cache[(model, key)] = self.session.get(model, key)
        return self.cache[(model, key)]

    def add(self, row: Any, key: str) -> None:
        self.session.add(row)
        self.cache[(type(row), key)] = row

    def stamp(self, op: Op, version: int) -> Meta:
        return [version, self.principal.device_id, self.principal.user_id, op.hlc, self.now]


def apply_batch(
    session: Session,
    principal: Principal,
    ops: list[Op],
    *,
    trusted: bool = False,
    limits: WriteLimits | None = None,
) -> list[OpResult]:
    """Apply ops in order; returns one result per op.  Takes change numbers last (see ``sequence``).

    ``trusted`` is for the admin command only (roster import, accounts): it skips the scope check.
    """
    state = record_state.read(session, ops)
    stored = state.stored
    batch = _Batch(
        session,
        principal,
        datetime.now(UTC).isoformat(),
        state.rows,
        trusted=trusted,
        limits=limits or WriteLimits(),
        number_owners=state.number_owners,
    )
    _prefetch_scope_index(batch, ops)
    if not trusted:
        _prefetch_reach(batch, ops)
    results: list[OpResult] = []
    for op in ops:
        if op.op_id in stored:
            original = OpResult.model_validate_json(stored[op.op_id])
            results.append(
                original.model_copy(update={"status": OpStatus.DUPLICATE, "original": original.status})
            )
            continue
        result = _apply(batch, op)
        if not (result.status is OpStatus.REJECTED and result.retryable):
            stored[op.op_id] = result.model_dump_json()
            batch.pending.processed_op(op.op_id, principal.device_id, stored[op.op_id])
        results.append(result)
    _number_changes(batch)
    return results


def _prefetch_scope_index(batch: _Batch, ops: list[Op]) -> None:
    """Load the scope-index rows this batch may touch in one query per table."""
    tables: tuple[tuple[str, type[Any], Any], ...] = (
        (record_kinds.STUDENT, StudentScope, StudentScope.student_id),
        (record_kinds.MENTOR, MentorAccount, MentorAccount.mentor_id),
        (record_kinds.MENTOR_ASSIGNMENT, MentorLink, MentorLink.record_id),
    )
    for record_type, model, key in tables:
        ids = sorted({op.record_id for op in ops if op.record_type == record_type})
        if not ids:
            continue
        found = {
            str(getattr(row, key.key)): row
            for row in batch.session.scalars(select(model).where(record_state.among(batch.session, key, ids)))
        }
        for record_id in ids:
            batch.cache[(model, record_id)] = found.get(record_id)


def _prefetch_reach(batch: _Batch, ops: list[Op]) -> None:
    """Decide, in one go, which of the batch's students the principal may reach."""
    candidates: set[str] = set()
    for op in ops:
        if op.student_id:
            candidates.add(op.student_id)
        if op.record_type == record_kinds.STUDENT:
            candidates.add(op.record_id)
        row = batch.rows.get(op.record_id)
        if row is not None and row.student_id:
            candidates.add(row.student_id)
    found, leaving = scope.reachable(batch.session, batch.principal, candidates, batch.limits.grace_days)
    batch.leaving = leaving
    for student in candidates:
        batch.reach[(student,)] = student in found or student in leaving


def _number_changes(batch: _Batch) -> None:
    session = batch.session
    count = len(batch.touched) + len(batch.conflicts)
    if count == 0:
        session.flush()
        batch.pending.write(session)
        return
    seq = sequence.allocate(session, count, scope_changed=batch.scope_changed)
    for row in batch.touched.values():
        row.seq = seq
        row.dhash = record_hash(row.record_type, row.id, row.rev)
        seq += 1
    for conflict in batch.conflicts.values():
        conflict.seq = seq
        seq += 1
    session.flush()
    batch.pending.write(session)


def _apply(batch: _Batch, op: Op) -> OpResult:
    cls = record_kinds.record_class(op.record_type)
    if cls is None:
        return _reject(op, RejectReason.UNKNOWN_TYPE)
    row = batch.rows.get(op.record_id)
    if row is not None and row.record_type != op.record_type:
        return _reject(op, RejectReason.NOT_FOUND)
    if op.record_type in record_kinds.UNPUBLISHED:
        return _apply_unpublished(batch, op, cls)
    if row is not None and not _reachable(batch, row):
        return _as_unknown(batch, op, cls)
    if row is not None and not op.recovered and max([op.base_rev, *op.base.values()]) > row.rev:
        # A base above the record's revision would skip conflict detection.  (A recovered op's base comes
        # from the history a restore lost; ``recovery`` decides field by field.)
        return _reject(op, RejectReason.VALIDATION_FAILED, _BASE_AHEAD)
    if op.kind is OpKind.DELETE:
        return _apply_delete(batch, op, cls, row)
    if op.recovered and (row is None or row.deleted) and not recovery.may_recreate(cls, op, batch.principal):
        return _reject(op, RejectReason.FORBIDDEN)
    unknown = record_kinds.unknown_fields_message(cls, set(op.fields))
    if unknown is not None:
        return _reject(op, RejectReason.VALIDATION_FAILED, unknown)
    if row is None or row.deleted:
        return _apply_create(batch, op, cls, row)
    return _apply_update(batch, op, cls, row)


def _as_unknown(batch: _Batch, op: Op, cls: type[Record]) -> OpResult:
    """Answer an op on a record out of reach exactly as an op on an unknown id would be answered."""
    if op.kind is OpKind.DELETE:
        return _reject(op, RejectReason.NOT_FOUND)
    unknown = record_kinds.unknown_fields_message(cls, set(op.fields))
    if unknown is not None:
        return _reject(op, RejectReason.VALIDATION_FAILED, unknown)
    checked = _validated(cls, op, op.fields)
    if isinstance(checked, OpResult):
        return checked
    fields, students = checked
    if not _student_matches(op, students):
        return _reject(op, RejectReason.STUDENT_MISMATCH)
    reason = _check_write(batch, cls, op, student_ids=students, existing=None, new_fields=fields)
    # Creating it would have worked for an unknown id; ids are unguessable (UUIDv7), so say not-found.
    return _reject(op, reason or RejectReason.NOT_FOUND)


def stored_students(row: RecordRow) -> tuple[str, ...]:
    """The students of a stored record or tombstone."""
    if row.deleted:
        return tuple(row.meta_dict().get("@students", ()))
    return students_of(row.record_type, row.id, row.fields_dict())


def _reachable(batch: _Batch, row: RecordRow) -> bool:
    if batch.trusted:
        return True
    students = stored_students(row)
    if not students:
        return batch.principal.role.value != "admin"
    return scope.may_reach(batch.session, batch.principal, students, batch.reach)


def _check_write(
    batch: _Batch,
    cls: type[Record],
    op: Op,
    *,
    student_ids: tuple[str, ...],
    existing: RecordRow | None,
    new_fields: dict[str, Any],
) -> RejectReason | None:
    if batch.trusted:
        return None
    if cls.RECORD_TYPE in scope.READS_OTHER_RECORDS:
        batch.pending.release(batch.session)  # e.g. the notice an objection names, sent in this push
    reason = scope.check_write(
        batch.session,
        batch.principal,
        cls,
        student_ids=student_ids,
        existing=existing,
        new_fields=new_fields,
        cache=batch.reach,
        deleting=op.kind is OpKind.DELETE,
    )
    if reason is None and cls.RECORD_TYPE == record_kinds.HOME_VISIT:
        reason = number_rules.refusal(batch.session, batch.principal, existing, new_fields)
    if reason is None and _late(batch, op, student_ids):
        return RejectReason.NOT_FOUND
    return reason


def _skips_the_visit(batch: _Batch, op: Op, existing: RecordRow | None, fields: dict[str, Any]) -> bool:
    """An identification that sets a new student's level without the 认定前核实 visit (``visit_first``)."""
    if batch.trusted or op.record_type != write_rules.IDENTIFICATION:
        return False
    batch.pending.release(batch.session)  # a student or visit created earlier in this batch counts
    return visit_first.refusal(batch.session, existing, fields) is not None


def _late(batch: _Batch, op: Op, student_ids: tuple[str, ...]) -> bool:
    """The op touches a student that left the device's scope, and is a delete or was made after the leave
    (reassignment grace: only edits made before the leave are still accepted)."""
    left = [batch.leaving[student] for student in student_ids if student in batch.leaving]
    if not left:
        return False
    if op.kind is OpKind.DELETE:
        return True
    try:
        made = HLC.decode(op.hlc).wall_ms
    except ValueError:
        return True
    return made >= min(moment.timestamp() * 1000 for moment in left)


def _validated(
    cls: type[Record], op: Op, fields: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]] | OpResult:
    try:
        return record_kinds.validate(cls, op.record_id, fields)
    except record_kinds.InvalidRecord as error:
        return _reject(op, RejectReason.VALIDATION_FAILED, str(error))


def _student_matches(op: Op, students: tuple[str, ...]) -> bool:
    return op.student_id is None or (bool(students) and op.student_id == students[0])


def _restores(batch: _Batch, op: Op, tombstone: RecordRow) -> bool:
    """Whether ``op`` names an open delete-versus-edit conflict of this record in ``resolves``: then it is
    a restore the user chose having seen the deletion, applied over the tombstone whatever its base."""
    for conflict_id in op.resolves:
        conflict = batch.session.get(ConflictRow, conflict_id)
        if (
            conflict is not None
            and conflict.record_id == tombstone.id
            and conflict.field == "*"
            and conflict.status == "open"
        ):
            return True
    return False


def _apply_create(batch: _Batch, op: Op, cls: type[Record], tombstone: RecordRow | None) -> OpResult:
    if (
        tombstone is not None
        and (
            any(op.base.get(name, 0) < tombstone.rev for name in op.fields)
            or (op.recovered and _deleted_since_restore(batch, tombstone))
        )
        and not _restores(batch, op, tombstone)
    ):
        return _edit_on_tombstone(batch, op, cls, tombstone)
    sent = _adjusted(batch, op, None)
    if isinstance(sent, OpResult):
        return sent
    checked = _validated(cls, op, sent)
    if isinstance(checked, OpResult):
        return checked
    fields, students = checked
    if not _student_matches(op, students):
        return _reject(op, RejectReason.STUDENT_MISMATCH)
    if tombstone is not None and tuple(tombstone.meta_dict().get("@students", students)) != students:
        return _reject(op, RejectReason.STUDENT_MISMATCH)
    reason = _check_write(batch, cls, op, student_ids=students, existing=tombstone, new_fields=fields)
    if reason is not None:
        return _reject(op, reason)
    if _skips_the_visit(batch, op, tombstone, fields):
        return _reject(op, RejectReason.VALIDATION_FAILED, visit_first.MESSAGE)
    taken = _number_taken(batch, op.record_type, op.record_id, fields)
    if taken is not None:
        return _reject(op, RejectReason.VALIDATION_FAILED, taken)
    rev = 1 if tombstone is None else tombstone.rev + 1
    versions = {name: rev for name in fields}
    values = {
        "student_id": students[0] if students else None,
        "multi": len(students) > 1,
        "deleted": False,
        "rev": rev,
        "fields": _dumps(fields),
        "meta": _same_meta(fields, batch.stamp(op, rev)),
        "versions": _same_meta(fields, rev),
        "seq": 0,
        "dhash": 0,
        "updated_at": datetime.now(UTC),
    }
    if tombstone is None:
        # Written in bulk at the end; the few checks that read records back by query release it first.
        row = bulk_rows.new_row(
            id=op.record_id, record_type=op.record_type, author_id=batch.principal.user_id, **values
        )
        batch.rows[row.id] = row
        batch.pending.add(row, set(students))
    else:
        row = tombstone
        for name, value in values.items():
            setattr(row, name, value)
    batch.touched[row.id] = row
    _update_scope_index(batch, row, fields)
    _resolve(batch, op)
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, rev=rev, versions=versions)


def _apply_update(batch: _Batch, op: Op, cls: type[Record], row: RecordRow) -> OpResult:
    current = row.fields_dict()
    sent = _adjusted(batch, op, current)
    if isinstance(sent, OpResult):
        return sent
    checked = _validated(cls, op, {**current, **sent})
    if isinstance(checked, OpResult):
        return checked
    candidate, students = checked
    if students != students_of(row.record_type, row.id, current):
        return _reject(op, RejectReason.STUDENT_MISMATCH)
    if not _student_matches(op, students):
        return _reject(op, RejectReason.STUDENT_MISMATCH)
    incoming = {name: candidate.get(name) for name in sent}
    reason = _check_write(batch, cls, op, student_ids=students, existing=row, new_fields=incoming)
    if reason is not None:
        return _reject(op, reason)
    if _skips_the_visit(batch, op, row, candidate):
        return _reject(op, RejectReason.VALIDATION_FAILED, visit_first.MESSAGE)
    if "student_no" in incoming:
        taken = _number_taken(batch, op.record_type, row.id, candidate)
        if taken is not None:
            return _reject(op, RejectReason.VALIDATION_FAILED, taken)
    meta = row.meta_dict()
    apply: dict[str, Any] = {}
    clash: list[str] = []
    for name, value in incoming.items():
        version, device = (meta[name][0], meta[name][1]) if name in meta else (0, None)
        if value == current.get(name):
            continue
        if op.recovered:
            applies = _recovered_applies(batch, op, name, meta.get(name))
        else:
            applies = op.base.get(name, 0) == version or device == batch.principal.device_id
        if applies:
            apply[name] = value
        else:
            clash.append(name)
    if apply and not clash:
        merged = candidate  # every sent field applies: the record validated above is the result
    elif apply:
        try:
            merged, _ = record_kinds.validate(cls, row.id, {**current, **apply})
        except record_kinds.InvalidRecord:
            clash.extend(apply)
            apply = {}
    conflict_ids = [
        _conflict(batch, op, row, name, current.get(name), incoming[name], meta.get(name)) for name in clash
    ]
    if apply:
        rev = row.rev + 1
        for name in apply:
            meta[name] = batch.stamp(op, rev)
        row.rev = rev
        row.fields = _dumps(merged)
        row.meta = _dumps(meta)
        row.versions = _dumps({name: entry[0] for name, entry in meta.items() if not name.startswith("@")})
        row.updated_at = datetime.now(UTC)
        batch.touched[row.id] = row
        _update_scope_index(batch, row, merged)
    _resolve(batch, op)
    versions = {name: meta[name][0] for name in incoming if name not in clash and name in meta}
    status = OpStatus.CONFLICT if conflict_ids else OpStatus.APPLIED
    return OpResult(op_id=op.op_id, status=status, rev=row.rev, versions=versions, conflicts=conflict_ids)


def _recovered_applies(batch: _Batch, op: Op, name: str, entry: Meta | None) -> bool:
    at = recovery.restored_at(batch.session, batch.cache)
    return recovery.field_applies(entry, op.base.get(name, 0), batch.principal.device_id, at)


def _deleted_since_restore(batch: _Batch, tombstone: RecordRow) -> bool:
    at = recovery.restored_at(batch.session, batch.cache)
    return recovery.tombstone_since_restore(tombstone.meta_dict().get("*"), at)


def _adjusted(batch: _Batch, op: Op, current: dict[str, Any] | None) -> dict[str, Any] | OpResult:
    """The op's fields with who-did-what set from the caller, or its refusal (``write_rules``)."""
    if batch.trusted:
        return op.fields
    sent = write_rules.adjust(batch.principal, op.record_type, current, op.fields)
    return _reject(op, sent) if isinstance(sent, RejectReason) else sent


def _number_taken(batch: _Batch, record_type: str, student_id: str, fields: dict[str, Any]) -> str | None:
    """A Chinese refusal when the student's 学号 belongs to another student of the school."""
    number = fields.get("student_no") if record_type == record_kinds.STUDENT else None
    if not isinstance(number, str) or not number:
        return None
    if number in batch.numbers:
        owner = batch.numbers[number]
    elif number in batch.number_owners:
        owner = batch.number_owners[number]
    else:
        owner = batch.session.scalar(select(StudentScope.student_id).where(StudentScope.student_no == number))
    if owner is None or owner == student_id:
        return None
    return f"学号 {number} 已被本校其他学生使用，学号须全校唯一"


def _apply_delete(batch: _Batch, op: Op, cls: type[Record], row: RecordRow | None) -> OpResult:
    if row is None:
        return _reject(op, RejectReason.NOT_FOUND)
    if row.deleted:
        # Already deleted: the delete applies as it is; naming conflicts in ``resolves`` accepts the
        # deletion (closes them), which takes the right to delete the record.
        if op.resolves:
            students = stored_students(row)
            reason = _check_write(batch, cls, op, student_ids=students, existing=row, new_fields={})
            if reason is not None:
                return _reject(op, reason)
            _resolve(batch, op)
        return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, rev=row.rev)
    current = row.fields_dict()
    students = students_of(row.record_type, row.id, current)
    reason = _check_write(batch, cls, op, student_ids=students, existing=row, new_fields={})
    if reason is not None:
        return _reject(op, reason)
    _resolve(batch, op)
    meta = row.meta_dict()
    foreign = [
        entry
        for name, entry in meta.items()
        if not name.startswith("@") and entry[0] > op.base_rev and entry[1] != batch.principal.device_id
    ]
    if op.recovered:
        at = recovery.restored_at(batch.session, batch.cache)
        device = batch.principal.device_id
        foreign = [
            entry
            for name, entry in meta.items()
            if not name.startswith("@") and recovery.edited_since_restore(entry, device, at)
        ]
    if foreign:
        latest = max(foreign, key=lambda entry: entry[0])
        conflict_id = _conflict(batch, op, row, "*", current, None, latest)
        return OpResult(op_id=op.op_id, status=OpStatus.CONFLICT, rev=row.rev, conflicts=[conflict_id])
    rev = row.rev + 1
    row.rev = rev
    row.deleted = True
    row.fields = "{}"
    row.meta = _dumps({"*": batch.stamp(op, rev), "@students": list(students)})
    row.versions = "{}"
    row.updated_at = datetime.now(UTC)
    batch.touched[row.id] = row
    _update_scope_index(batch, row, current)
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, rev=rev)


def _edit_on_tombstone(batch: _Batch, op: Op, cls: type[Record], tombstone: RecordRow) -> OpResult:
    meta = tombstone.meta_dict()
    students = tuple(meta.get("@students", ()))
    batch.pending.release(batch.session)  # the scope check below may read records
    if students and not scope.may_reach(batch.session, batch.principal, students, batch.reach):
        return _reject(op, RejectReason.NOT_FOUND)
    if students and _late(batch, op, students):
        return _reject(op, RejectReason.NOT_FOUND)
    sent = _adjusted(batch, op, None)
    if isinstance(sent, OpResult):
        return sent
    try:
        # The edit is kept in the conflict and sent to everyone in scope: validated like any write.
        values = record_kinds.validate_partial(cls, {name: sent[name] for name in op.fields})
    except record_kinds.InvalidRecord as error:
        return _reject(op, RejectReason.VALIDATION_FAILED, str(error))
    conflict_id = _conflict(batch, op, tombstone, "*", None, values, meta.get("*"), kept_is_delete=True)
    return OpResult(op_id=op.op_id, status=OpStatus.CONFLICT, rev=tombstone.rev, conflicts=[conflict_id])


def _conflict(
    batch: _Batch,
    op: Op,
    row: RecordRow,
    name: str,
    kept_value: Any,
    other_value: Any,
    kept_meta: Meta | None,
    *,
    kept_is_delete: bool = False,
) -> str:
    kept_meta = kept_meta or [0, "", row.author_id, "", ""]
    conflict = ConflictRow(
        id=new_id(),
        record_type=row.record_type,
        record_id=row.id,
        student_id=row.student_id,
        field=name,
        kept=_dumps(
            {
                "value": kept_value,
                "author_id": kept_meta[2],
                "device_id": kept_meta[1],
                "hlc": kept_meta[3],
                "received_at": kept_meta[4],
            }
        ),
        other=_dumps(
            {
                "value": other_value,
                "author_id": batch.principal.user_id,
                "device_id": batch.principal.device_id,
                "hlc": op.hlc,
                "received_at": batch.now,
            }
        ),
        status="open",
        seq=0,
    )
    batch.session.add(conflict)
    batch.conflicts[conflict.id] = conflict
    return conflict.id


def _resolve(batch: _Batch, op: Op) -> None:
    for conflict_id in op.resolves:
        conflict = batch.session.get(ConflictRow, conflict_id)
        if conflict is None or conflict.record_id != op.record_id or conflict.status != "open":
            continue
        conflict.status = "resolved"
        conflict.resolved_by = batch.principal.user_id
        batch.conflicts[conflict.id] = conflict


def _apply_unpublished(batch: _Batch, op: Op, cls: type[Record]) -> OpResult:
    if op.kind is OpKind.DELETE:
        return _reject(op, RejectReason.FORBIDDEN)
    checked = _validated(cls, op, op.fields)
    if isinstance(checked, OpResult):
        return checked
    fields, _students = checked
    exists = batch.session.scalar(select(AuditEntry.id).where(AuditEntry.event_id == op.record_id))
    if exists is None and not batch.trusted:
        refusal = _audit_refusal(batch, op, fields)
        if refusal is not None:
            return refusal
    if exists is None:
        detail = {key: fields.get(key) for key in ("at", "record_type", "record_id", "student_id", "detail")}
        batch.session.add(
            AuditEntry(
                event_id=op.record_id,
                user_id=batch.principal.user_id,
                device_id=batch.principal.device_id,
                action=str(fields.get("action", "")),
                target=str(fields.get("record_id") or ""),
                detail=_dumps(detail),
            )
        )
    return OpResult(op_id=op.op_id, status=OpStatus.APPLIED, rev=1)


def _audit_refusal(batch: _Batch, op: Op, fields: dict[str, Any]) -> OpResult | None:
    """An audit entry must be about a record and student in the caller's scope, and within the rate."""
    students = {fields["student_id"]} if isinstance(fields.get("student_id"), str) else set()
    record_id = fields.get("record_id")
    if isinstance(record_id, str):
        row = batch.rows.get(record_id) or batch.session.get(RecordRow, record_id)
        if row is not None:
            students |= set(stored_students(row))
    batch.pending.release(batch.session)  # the scope check below may read records
    if students and not scope.may_reach(
        batch.session,
        batch.principal,
        tuple(sorted(students)),
        batch.reach,
        grace_days=batch.limits.grace_days,
    ):
        return _reject(op, RejectReason.NOT_FOUND)
    if batch.audit_budget is None:
        since = datetime.now(UTC) - timedelta(hours=1)
        sent = batch.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(
                AuditEntry.user_id == batch.principal.user_id,
                AuditEntry.event_id.is_not(None),
                AuditEntry.at >= since,
            )
        )
        batch.audit_budget = batch.limits.audit_entries_per_hour - int(sent or 0)
    if batch.audit_budget <= 0:
        return OpResult(
            op_id=op.op_id,
            status=OpStatus.REJECTED,
            reason=RejectReason.BUSY,
            message=_AUDIT_BUSY,
            retryable=True,
        )
    batch.audit_budget -= 1
    return None


def _update_scope_index(batch: _Batch, row: RecordRow, fields: dict[str, Any]) -> None:
    session = batch.session
    if row.record_type == record_kinds.STUDENT:
        entry = batch.get(StudentScope, row.id)
        college, counselor = fields.get("college_id"), fields.get("counselor_id")
        number = None if row.deleted else (fields.get("student_no") or None)
        if entry is not None and entry.student_no != number:
            if entry.student_no:
                batch.numbers[entry.student_no] = None  # a deleted student's 学号 is free again
            entry.student_no = number
        if number:
            batch.numbers[number] = row.id
        if row.deleted and entry is not None:
            return
        if entry is None:
            batch.add(
                StudentScope(
                    student_id=row.id, college_id=college, counselor_id=counselor, student_no=number
                ),
                row.id,
            )
        elif (entry.college_id, entry.counselor_id) == (college, counselor):
            return
        else:
            entry.college_id, entry.counselor_id = college, counselor
            entry.scope_changed_at = datetime.now(UTC)  # the reassignment grace starts here
    elif row.record_type == record_kinds.MENTOR:
        account = batch.get(MentorAccount, row.id)
        user_id = None if row.deleted else fields.get("user_id")
        if account is None:
            batch.add(MentorAccount(mentor_id=row.id, user_id=user_id), row.id)
        elif account.user_id == user_id:
            return
        else:
            account.user_id = user_id
    elif row.record_type == record_kinds.MENTOR_ASSIGNMENT:
        link = batch.get(MentorLink, row.id)
        if row.deleted:
            if link is not None:
                session.delete(link)
                batch.cache[(MentorLink, row.id)] = None
        elif link is None:
            link = MentorLink(
                record_id=row.id,
                student_id=fields["student_id"],
                mentor_id=fields["mentor_id"],
                to_date=fields.get("to_date"),
            )
            batch.add(link, row.id)
        else:
            link.student_id, link.mentor_id = fields["student_id"], fields["mentor_id"]
            link.to_date = fields.get("to_date")
    else:
        return
    batch.scope_changed = True
    batch.reach.clear()
    if not batch.trusted:
        session.flush()  # later ops of this batch are checked against the new scope
