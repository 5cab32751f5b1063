"""Merging what a device re-sends after a server restore (an op with ``recovered``, protocol §8a).

Such an op carries the whole record as the device holds it, with the field versions it last saw from
the server's lost history.  For each field whose value differs from the server's:

- the server's value dates from before the restore was found (``epoch_at``): it is part of the restored
  state, so the device's value is a write the restore lost when the device saw a version at least as
  new (apply), else a conflict;
- the server's value was written after it: a change made since the restore, so the device's value
  applies only when this device wrote that change itself (a device's own writes are ordered), else a
  conflict holding both values — never a silent loss.

A record of an author-owned type that the server lacks is re-created only by its author's devices (the
server decides who wrote what): another user's device gets ``rejected/forbidden`` and keeps the copy in
its quarantine.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import Op
from sync.records.base import Record
from sync.records.enums import Ownership
from sync.server.models import SeqCounter
from sync.server.scope import Principal

_EPOCH_AT = (SeqCounter, "@epoch_at")


def restored_at(session: Session, cache: dict[Any, Any]) -> datetime | None:
    """When the server last found itself restored (None: never)."""
    if _EPOCH_AT not in cache:
        cache[_EPOCH_AT] = session.execute(select(SeqCounter.epoch_at).where(SeqCounter.id == 1)).scalar_one()
    value: datetime | None = cache[_EPOCH_AT]
    return value


def _written_before(entry: list[Any], at: datetime | None) -> bool:
    if at is None:
        return True
    try:
        written = datetime.fromisoformat(str(entry[4]))
    except (IndexError, ValueError):
        return True
    if written.tzinfo is None or at.tzinfo is None:
        written, at = written.replace(tzinfo=None), at.replace(tzinfo=None)
    return written < at


def field_applies(entry: list[Any] | None, base_version: int, device_id: str, at: datetime | None) -> bool:
    """Whether a re-sent field value replaces the server's differing one (else it is a conflict)."""
    if entry is None:
        return True
    if _written_before(entry, at):
        return base_version >= int(entry[0])
    return bool(entry[1] == device_id)


def edited_since_restore(entry: list[Any], device_id: str, at: datetime | None) -> bool:
    """For a re-sent deletion: a field another device wrote after the restore (then it is a conflict;
    the restored state itself is older than the deletion the device saw)."""
    return entry[1] != device_id and not _written_before(entry, at)


def tombstone_since_restore(entry: list[Any] | None, at: datetime | None) -> bool:
    """A deletion made after the restore: a re-sent copy of the record is a conflict, not a restore."""
    return at is not None and entry is not None and not _written_before(entry, at)


def may_recreate(cls: type[Record], op: Op, principal: Principal) -> bool:
    return cls.OWNERSHIP is not Ownership.AUTHOR or op.author_id == principal.user_id
