"""The global change sequence.

Every accepted change takes the next number from one counter row.  The counter is updated as the last
step of the writing transaction and its row lock is held until commit, so numbers are taken in commit
order: when the committed counter reads *n*, every change numbered ``≤ n`` has committed and none can
still appear below it.  That committed value is the published *horizon*; pulls never go past it.
(On SQLite every transaction holds the database write lock, which gives the same guarantee.)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.server.models import SeqCounter


@dataclass(frozen=True)
class Horizon:
    value: int
    floor: int
    scope_seq: int
    epoch: str = ""


def allocate(session: Session, count: int, *, scope_changed: bool) -> int:
    """Take ``count`` consecutive numbers; returns the first.  Call last, just before commit."""
    values: dict[str, object] = {"value": SeqCounter.value + count}
    if scope_changed:
        values["scope_seq"] = SeqCounter.value + count
    last = session.execute(
        update(SeqCounter).where(SeqCounter.id == 1).values(values).returning(SeqCounter.value)
    ).scalar_one()
    return int(last) - count + 1


def read_horizon(session: Session) -> Horizon:
    row = session.execute(
        select(SeqCounter.value, SeqCounter.floor, SeqCounter.scope_seq, SeqCounter.epoch).where(
            SeqCounter.id == 1
        )
    ).one()
    return Horizon(int(row[0]), int(row[1]), int(row[2]), str(row[3]))


def bump_scope(session: Session) -> int:
    """Record a scope change made outside a push (an admin command): takes one number for it."""
    return allocate(session, 1, scope_changed=True)
