"""The server's epoch: the identity of its change history (docs/sync-protocol.md §8a).

A restore from a backup takes the database back to an older horizon; change numbers above it are then
handed out again for other changes.  A device that synced after the backup holds a cursor (and records)
from the lost history, so the server renews its epoch when it finds itself restored and answers such a
device ``409 server_restored``; the device re-sends what it holds beyond ``epoch_start`` and pulls
afresh.  An epoch renewed costs the devices that did not see the lost history nothing: a cursor of an earlier
epoch of this history, up to where that epoch ended, is still good (``past_epochs``).  A restore is
found three ways:

- at start (``check_identity``): on PostgreSQL the database's identity (the oids of the database and of
  the counter table, which ``pg_restore`` always creates anew) differs from the one recorded;
- by the administrator (``jiafang-server mark-restored``), needed after copying back an SQLite file;
- by a device: a cursor above the horizon or naming a scope generation never issued.  The first device
  that synced after the backup to come back tells the server, before any new change is numbered.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from sync.protocol import Cursor
from sync.server.models import Device, SeqCounter
from sync.server.sequence import Horizon

MAX_PAST_EPOCHS = 50


@dataclass(frozen=True)
class Epoch:
    token: str
    start: int
    at: datetime | None


def read(session: Session) -> Epoch:
    token, start, at = session.execute(
        select(SeqCounter.epoch, SeqCounter.epoch_start, SeqCounter.epoch_at).where(SeqCounter.id == 1)
    ).one()
    return Epoch(str(token), int(start), at)


def renew(session: Session, *, identity: str | None = None, expected: str | None = None) -> Epoch:
    """Start a new epoch at the current horizon (the counter row is locked until commit).  With
    ``expected`` (a device revealed the restore): only when the epoch is still that one (two devices finding
    the same restore renew once) and changes were numbered since it began."""
    horizon, current, past, start = session.execute(
        select(SeqCounter.value, SeqCounter.epoch, SeqCounter.past_epochs, SeqCounter.epoch_start)
        .where(SeqCounter.id == 1)
        .with_for_update()
    ).one()
    if expected is not None and (current != expected or int(start) == int(horizon)):
        # Renewed meanwhile, or nothing numbered since the epoch began (it already marks this point):
        # a device cannot make the server renew more often than changes are made.
        return read(session)
    kept = [item for item in str(past).split(";") if item][-(MAX_PAST_EPOCHS - 1) :]
    values: dict[str, object] = {
        "epoch": secrets.token_hex(8),
        "epoch_start": int(horizon),
        "epoch_at": datetime.now(UTC),
        # The epoch that ends here stays valid for cursors up to this horizon (the history is shared).
        "past_epochs": ";".join([*kept, f"{current}:{int(horizon)}"]),
    }
    if identity is not None:
        values["identity"] = identity
    session.execute(update(SeqCounter).where(SeqCounter.id == 1).values(values))
    return read(session)


def database_identity(session: Session) -> str:
    """What a restore changes: on PostgreSQL the oids of the database and of the counter table
    (``pg_restore`` creates both anew; ``pg_upgrade`` keeps them).  SQLite has none ("")."""
    if session.get_bind().dialect.name != "postgresql":
        return ""
    row = session.execute(
        text(
            "SELECT (SELECT oid FROM pg_database WHERE datname = current_database()), "
            "'seq_counter'::regclass::oid"
        )
    ).one()
    return f"pg:{int(row[0])}:{int(row[1])}"


def check_identity(engine: Engine) -> bool:
    """At start: record the database's identity, or renew the epoch when it changed (a restored database).
    Returns True when the epoch was renewed.  Safe with several workers starting at once."""
    with Session(engine) as session, session.begin():
        current = database_identity(session)
        if not current:
            return False
        stored = session.execute(select(SeqCounter.identity).where(SeqCounter.id == 1)).scalar_one()
        if stored == current:
            return False  # the common start: no lock taken
        stored = session.execute(
            select(SeqCounter.identity).where(SeqCounter.id == 1).with_for_update()
        ).scalar_one()
        if stored == current:
            return False  # another worker starting at the same time recorded it
        if not stored:
            session.execute(update(SeqCounter).where(SeqCounter.id == 1).values(identity=current))
            return False
        renew(session, identity=current)
        return True


def _shared(session: Session, epoch: str, reached: int) -> bool:
    """Whether ``epoch`` is an earlier epoch of this history and the device reached no further than where
    it ended (then the device simply carries on; its next cursor names the current epoch)."""
    past = session.execute(select(SeqCounter.past_epochs).where(SeqCounter.id == 1)).scalar_one()
    for item in str(past).split(";"):
        token, _, end = item.partition(":")
        if token == epoch and end.isdigit():
            return reached <= int(end)
    return False


class Restored(Exception):
    """The device's cursor belongs to another history than the server's (``server_restored``)."""

    def __init__(self, *, renew: bool, seen: str) -> None:
        super().__init__("server_restored")
        self.renew = renew  # the server has not noticed yet: renew the epoch first
        self.seen = seen  # the epoch the check saw


def check_cursor(
    session: Session, device_id: str, cursor: Cursor | None, horizon: Horizon, seen: int = 0
) -> None:
    """Raise ``Restored`` when ``cursor`` (or ``seen``, the highest change number push answers reported
    to the device) cannot come from this server's history."""
    if cursor is not None and cursor.epoch and cursor.epoch != horizon.epoch:
        # An earlier epoch of this history is fine up to where it ended; ``seen`` is then a number of the
        # current epoch (a push answered since), so it is held against the horizon.  Otherwise the epoch
        # has already been renewed for this restore: no new renewal.
        if not _shared(session, cursor.epoch, cursor.seq) or seen > horizon.value:
            raise Restored(renew=False, seen=horizon.epoch)
    elif max(seen, cursor.seq if cursor is not None else 0) > horizon.value:
        raise Restored(renew=True, seen=horizon.epoch)
    if cursor is None:
        return
    device = session.get(Device, device_id)
    if device is not None and cursor.gen > device.scope_gen:
        raise Restored(renew=True, seen=horizon.epoch)
