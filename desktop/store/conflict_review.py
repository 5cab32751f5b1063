"""Conflicts waiting for review, and their resolution as an ordinary edit.

The center keeps the value that arrived first and records a conflict holding both values, authors and
times (docs/sync-protocol.md §4); conflicts reach this store by pull (the local ``sync_conflict`` table,
``s.conflicts``).  Resolving one field writes an ordinary edit of that field through the repository (so
it goes to the outbox like any edit) and notes, next to it, which conflicts the op resolves
(``s.resolutions``, keyed by the op id, read by ``StoreReplica.outbox_batch``).  Choosing the value the store already holds still writes an op
(same value, current base version): the center applies it as "equal values" and closes the conflict.
A conflict with a resolution waiting in the outbox no longer counts as waiting; once the center has
closed it, the next pull brings it back as resolved.

A delete-versus-edit conflict (field ``*``) is resolved either way, whichever side the center kept:
``restore`` brings the record back with the edit's values (a whole-record edit naming the conflict), and
``accept_deletion`` deletes it (a delete naming the conflict); ``resolve`` keeps a record that is here as
it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from desktop.store import outbox
from desktop.store.errors import StoreError
from desktop.store.repositories.errors import NotAuthor
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.protocol import ConflictSide, ConflictState, ConflictStatus
from sync.records import RECORD_TYPES, Ownership, Record
from sync.records.masking import mask_id_number, mask_phone

WHOLE_RECORD = "*"
SYSTEM_AUTHOR = "system"


class ConflictGone(StoreError):
    message = "该冲突已不存在（可能已在其他设备上处理）。"


class ConflictNotEditable(StoreError):
    message = "这条记录已不在本机，无法在此处理该冲突。"


class InvalidValue(StoreError):
    message = "输入的值不符合要求，未保存。"


class NotRestorable(StoreError):
    message = "本机没有这条记录的完整内容，无法在此恢复；可以接受删除，或在保存过它的电脑上恢复。"


class NotWholeRecord(StoreError):
    message = "这不是删除与修改之间的冲突。"


@dataclass(frozen=True)
class ConflictSideView:
    value: Any  # the JSON form (a dict of fields or None for a whole-record conflict)
    text: str  # for display ("" when empty); sensitive fields masked
    author_id: str
    author_name: str  # "" when the author is unknown here
    at: datetime | None  # when the center received it
    is_delete: bool


@dataclass(frozen=True)
class ConflictView:
    id: str
    record_type: str
    record_id: str
    student_id: str | None
    student_name: str
    student_no: str
    field: str  # "*" for delete-versus-edit
    field_label: str
    kept: ConflictSideView  # the value the center kept (arrived first)
    other: ConflictSideView
    current: Any  # the value this store holds now (JSON form), None when the record is not here
    record_here: bool  # the record is live in this store, so the field can be resolved here
    free_text: bool  # the field takes free text (may be edited by hand)
    # Delete versus edit (field "*"): the center kept the deletion (else it kept the record), and
    # whether this store can restore the record (it has its last values, or the edit holds a whole one).
    deletion_kept: bool = False
    restorable: bool = False


# -- reading ------------------------------------------------------------------------------------------
def _waiting(s: StoreSession) -> list[ConflictState]:
    resolving = s.resolutions.conflict_ids()
    return [conflict for conflict in s.conflicts.open() if conflict.id not in resolving]


def waiting_conflict_count(store: Store) -> int:
    """Open conflicts without a resolution on its way (what the status bar counts)."""
    with store.session() as s:
        return len(_waiting(s))


def open_conflicts(store: Store) -> list[ConflictView]:
    """Conflicts waiting for review, oldest first."""
    with store.session() as s:
        waiting = sorted(_waiting(s), key=lambda conflict: conflict.seq)
        names: dict[str, str] = {}
        return [_view(s, conflict, names) for conflict in waiting]


@lru_cache(maxsize=512)
def _adapter(record_type: str, name: str) -> TypeAdapter[Any] | None:
    cls = RECORD_TYPES.get(record_type)
    annotation = cls.model_fields[name].annotation if cls is not None and name in cls.model_fields else None
    return None if annotation is None else TypeAdapter(annotation)


def _plain_text(value: Any) -> str:
    if value is None:
        return ""
    label = getattr(value, "label", None)
    if isinstance(value, Enum) and isinstance(label, str) and label:
        return label
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "、".join(_plain_text(item) for item in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def value_text(record_type: str, name: str, value: Any) -> str:
    """A field value as a person reads it (coded values by their label; ID number and phone masked)."""
    if value is None or value == "" or value == []:
        return ""
    cls = RECORD_TYPES.get(record_type)
    adapter = _adapter(record_type, name)
    typed = value
    if adapter is not None:
        try:
            typed = adapter.validate_python(value)
        except ValidationError:
            typed = value
    text = _plain_text(typed)
    if cls is not None and name in cls.SENSITIVE_FIELDS:
        return mask_id_number(text) if "id_number" in name else mask_phone(text)
    return text


def _field_label(cls: type[Record] | None, name: str) -> str:
    if name == WHOLE_RECORD:
        return "整条记录"
    if cls is not None and name in cls.model_fields:
        return cls.field_title(name)
    return name


def _whole_text(record_type: str, value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    cls = RECORD_TYPES.get(record_type)
    parts = [
        f"{_field_label(cls, name)}：{value_text(record_type, name, item)}"
        for name, item in value.items()
        if name != "id" and item not in (None, "", [])
    ]
    return "；".join(parts)


def _author_name(s: StoreSession, author_id: str, cache: dict[str, str]) -> str:
    if author_id not in cache:
        user = (
            s.users.get(author_id, include_deleted=True) if author_id and author_id != SYSTEM_AUTHOR else None
        )
        cache[author_id] = "中心管理员" if author_id == SYSTEM_AUTHOR else (user.name if user else "")
    return cache[author_id]


def _side(
    s: StoreSession, conflict: ConflictState, side: ConflictSide, cache: dict[str, str], is_delete: bool
) -> ConflictSideView:
    if conflict.field == WHOLE_RECORD:
        text = "" if is_delete else _whole_text(conflict.record_type, side.value)
    else:
        text = value_text(conflict.record_type, conflict.field, side.value)
    try:
        at: datetime | None = datetime.fromisoformat(side.received_at) if side.received_at else None
    except ValueError:
        at = None
    return ConflictSideView(
        side.value, text, side.author_id, _author_name(s, side.author_id, cache), at, is_delete
    )


def _view(s: StoreSession, conflict: ConflictState, cache: dict[str, str]) -> ConflictView:
    cls = RECORD_TYPES.get(conflict.record_type)
    student = s.students.get(conflict.student_id, include_deleted=True) if conflict.student_id else None
    record = _record(s, conflict)
    whole = conflict.field == WHOLE_RECORD
    current: Any = None
    if record is not None:
        dumped = record.model_dump(mode="json")
        current = dumped if whole else dumped.get(conflict.field)
    adapter = _adapter(conflict.record_type, conflict.field)
    free_text = False
    if adapter is not None and not whole:
        try:
            adapter.validate_python("x")
            free_text = True
        except ValidationError:
            free_text = False
    deletion_kept = whole and conflict.kept.value is None
    restorable = deletion_kept and _restored(s, conflict) is not None
    return ConflictView(
        id=conflict.id,
        record_type=conflict.record_type,
        record_id=conflict.record_id,
        student_id=conflict.student_id,
        student_name=student.name if student else "",
        student_no=student.student_no if student else "",
        field=conflict.field,
        field_label=_field_label(cls, conflict.field),
        kept=_side(s, conflict, conflict.kept, cache, whole and conflict.kept.value is None),
        other=_side(s, conflict, conflict.other, cache, whole and conflict.other.value is None),
        current=current,
        record_here=record is not None,
        free_text=free_text,
        deletion_kept=deletion_kept,
        restorable=restorable,
    )


def _record(s: StoreSession, conflict: ConflictState) -> Record | None:
    try:
        repo = s.repository(conflict.record_type)
    except KeyError:
        return None
    return repo.get(conflict.record_id)


# -- resolving ----------------------------------------------------------------------------------------
def _conflict(s: StoreSession, conflict_id: str) -> ConflictState:
    conflict = s.conflicts.get(conflict_id)
    if conflict is None:
        raise ConflictGone()
    if conflict.status is not ConflictStatus.OPEN or conflict_id in s.resolutions.conflict_ids():
        raise ConflictGone()
    return conflict


def resolve(store: Store, conflict_id: str, value: Any) -> None:
    """Resolve a field conflict with ``value`` (JSON form: one side's value, or one typed by hand).

    For a delete-versus-edit conflict (field ``*``) on a record this store holds, ``value`` is ignored:
    the record is kept as it is now.
    """
    with store.session() as s:
        conflict = _conflict(s, conflict_id)
        repo = s.repository(conflict.record_type)
        record = repo.get(conflict.record_id)
        if record is None:
            raise ConflictNotEditable()
        op_id: str | None = None
        if conflict.field != WHOLE_RECORD:
            data = record.model_dump(mode="json")
            data[conflict.field] = value
            try:
                edited = repo.RECORD.model_validate(data)
            except ValidationError as error:
                raise InvalidValue() from error
            op_id = repo.update(edited)
        if op_id is None:
            # The store already holds the chosen value: an op of the same value still closes the conflict.
            name = conflict.field
            state = repo.sync_state(conflict.record_id)
            versions = state.field_versions if state else {}
            dumped = record.model_dump(mode="json")
            fields = {} if name == WHOLE_RECORD else {name: dumped[name]}
            values = outbox.op_values(
                repo.ctx,
                record_type=conflict.record_type,
                record_id=conflict.record_id,
                kind=outbox.OpKind.UPSERT,
                fields=fields,
                base_versions={field: int(versions.get(field, 0)) for field in fields},
                student_ids=record.scope_student_ids(),
            )
            outbox.record_ops(s.db, [values])
            op_id = str(values["op_id"])
        _mark_resolving(s, op_id, conflict)


def _whole_conflict(s: StoreSession, conflict_id: str) -> ConflictState:
    conflict = _conflict(s, conflict_id)
    if conflict.field != WHOLE_RECORD:
        raise NotWholeRecord()
    return conflict


def _restored(s: StoreSession, conflict: ConflictState) -> Record | None:
    """The record a restore brings back: its last values held here (live or deleted) with the edit of
    the conflict laid over them; ``None`` when that does not make a valid record."""
    try:
        repo = s.repository(conflict.record_type)
    except KeyError:
        return None
    held = repo.get(conflict.record_id, include_deleted=True)
    data: dict[str, Any] = held.model_dump(mode="json") if held is not None else {}
    for side in (conflict.kept, conflict.other):
        if isinstance(side.value, dict):
            data.update(side.value)
    data["id"] = conflict.record_id
    try:
        return repo.RECORD.model_validate(data)
    except ValidationError:
        return None


def _mark_resolving(s: StoreSession, op_id: str, conflict: ConflictState) -> None:
    s.resolutions.put(op_id, [conflict.id])


def restore(store: Store, conflict_id: str) -> None:
    """Resolve a delete-versus-edit conflict by keeping the record with the edited values.

    The record comes back here at once (with the values it had here and the conflict's edit over them)
    and a whole-record edit naming the conflict goes to the outbox; the center undeletes it with those
    values (docs/sync-protocol.md §4).
    """
    with store.session() as s:
        conflict = _whole_conflict(s, conflict_id)
        repo = s.repository(conflict.record_type)
        record = _restored(s, conflict)
        if record is None:
            raise NotRestorable()
        state = repo.sync_state(conflict.record_id)
        author = state.author_id if state is not None and state.author_id else repo.ctx.author_id
        if (
            record.OWNERSHIP is Ownership.AUTHOR
            and author is not None
            and repo.ctx.author_id is not None
            and author != repo.ctx.author_id
        ):
            raise NotAuthor()
        versions = state.field_versions if state is not None else {}
        repo.apply_remote(
            record,
            field_versions=versions,
            server_seq=state.server_seq if state is not None else 0,
            author_id=author,
            device_id=repo.ctx.device_id,
        )
        fields = {name: value for name, value in record.model_dump(mode="json").items() if name != "id"}
        fields = {**repo.extra_fields(conflict.record_id), **fields}  # the center's newer fields (§2a)
        values = outbox.op_values(
            repo.ctx,
            record_type=conflict.record_type,
            record_id=conflict.record_id,
            kind=outbox.OpKind.UPSERT,
            fields=fields,
            base_versions={name: int(versions.get(name, 0)) for name in fields},
            student_ids=record.scope_student_ids(),
        )
        outbox.record_ops(s.db, [values])
        _mark_resolving(s, str(values["op_id"]), conflict)


def accept_deletion(store: Store, conflict_id: str) -> None:
    """Resolve a delete-versus-edit conflict by letting the record go.

    A record still here is deleted like any record (a delete op); one the center already deleted gets a
    delete op too, which the center answers by closing the conflict.  Either op names the conflict.
    """
    with store.session() as s:
        conflict = _whole_conflict(s, conflict_id)
        repo = s.repository(conflict.record_type)
        if repo.get(conflict.record_id) is not None:
            op_id = repo.delete(conflict.record_id)
        else:
            held = repo.get(conflict.record_id, include_deleted=True)
            students = held.scope_student_ids() if held is not None else ()
            if not students and conflict.student_id:
                students = (conflict.student_id,)
            values = outbox.op_values(
                repo.ctx,
                record_type=conflict.record_type,
                record_id=conflict.record_id,
                kind=outbox.OpKind.DELETE,
                fields={},
                base_versions={},
                student_ids=students,
            )
            outbox.record_ops(s.db, [values])
            op_id = str(values["op_id"])
        _mark_resolving(s, op_id, conflict)


__all__ = [
    "ConflictGone",
    "ConflictNotEditable",
    "ConflictSideView",
    "ConflictView",
    "InvalidValue",
    "NotRestorable",
    "NotWholeRecord",
    "accept_deletion",
    "open_conflicts",
    "resolve",
    "restore",
    "value_text",
    "waiting_conflict_count",
]
