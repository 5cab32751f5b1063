"""Scope events: compare what a device holds with what its user may now see (protocol §6).

A holding change is confirmed only when the device sends back a cursor carrying the scope generation
that announced it, so a lost response makes the server announce the same change again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from sync.protocol import MAX_SCOPE_EVENTS, Cursor, ScopeEvent, ScopeEventKind
from sync.records.enums import Role
from sync.server import scope
from sync.server.models import Device, DeviceHolding
from sync.server.models.base import utcnow
from sync.server.scope import Principal
from sync.server.sequence import Horizon

ENTER = "enter"
LEAVE = "leave"
_CHUNK = 500  # students named in one statement


class StaleCursor(ValueError):
    """The cursor names a scope generation the server never issued."""


def settled(principal: Principal, device: Device, cursor: Cursor | None, horizon: Horizon) -> bool:
    """True when this pull cannot change the device's holdings (the common, read-only case)."""
    return (
        cursor is not None
        and cursor.gen == device.scope_gen
        and cursor.gen <= device.confirmed_gen
        and device.scope_checked_seq >= horizon.scope_seq
        and principal.role is not Role.MENTOR
    )


@dataclass(frozen=True)
class Reconciled:
    """What a pull tells the device about its holdings."""

    events: list[ScopeEvent]
    gen: int  # the scope generation to put in the returned cursor
    more: bool  # further events wait for the next page (a scope change larger than one page)


def reconcile(
    session: Session,
    principal: Principal,
    device: Device,
    cursor: Cursor | None,
    horizon: Horizon,
    *,
    max_events: int = MAX_SCOPE_EVENTS,
) -> Reconciled:
    """Events to send with this pull (at most ``max_events``: leaves first, then enters, each in student
    order) and the scope generation to put in the returned cursor.  Changes beyond the first
    ``max_events`` are left as they are (a student still held stays held, one not yet announced stays
    unheld) and announced by the next pulls, which recompute the difference from the holdings."""
    if cursor is None:
        return Reconciled([], _start_over(session, principal, device, horizon), False)
    if cursor.gen > device.scope_gen:
        raise StaleCursor("gen")
    if cursor.gen > device.confirmed_gen:
        device.confirmed_gen = cursor.gen
    up_to_date = cursor.gen == device.scope_gen and device.scope_checked_seq >= horizon.scope_seq
    if up_to_date and principal.role is not Role.MENTOR:
        return Reconciled([], device.scope_gen, False)
    rows: dict[str, tuple[str, int]] = {
        student: (state, int(row_gen))
        for student, state, row_gen in session.execute(
            select(DeviceHolding.student_id, DeviceHolding.state, DeviceHolding.gen).where(
                DeviceHolding.device_id == device.id
            )
        )
    }
    held = {
        student
        for student, (state, row_gen) in rows.items()
        if (state == ENTER and row_gen <= cursor.gen) or (state == LEAVE and row_gen > cursor.gen)
    }
    wanted = scope.student_set(session, principal)
    room = max(1, max_events)
    leaves = sorted(held - wanted)[:room]
    enters = sorted(wanted - held)[: room - len(leaves)]
    deferred = len(leaves) + len(enters) < len(held ^ wanted)
    announced = set(leaves) | set(enters)
    gen = device.scope_gen + 1 if announced else device.scope_gen
    # Still held (in scope, or a leave announced by a later page): confirmed as held.
    _set_state(session, device.id, [s for s in held - announced if rows[s][0] != ENTER], ENTER, 0)
    # Neither held nor announced now (gone for good, or an enter announced by a later page): forgotten.
    gone = [student for student in rows if student not in held and student not in announced]
    for start in range(0, len(gone), _CHUNK):
        session.execute(
            delete(DeviceHolding).where(
                DeviceHolding.device_id == device.id,
                DeviceHolding.student_id.in_(gone[start : start + _CHUNK]),
            )
        )
    _set_state(session, device.id, [s for s in enters if s in rows], ENTER, gen)
    new = [s for s in enters if s not in rows]
    if new:
        session.execute(
            insert(DeviceHolding),
            [{"device_id": device.id, "student_id": s, "state": ENTER, "gen": gen} for s in new],
        )
    # A leave's first announcement is when the student left this device (the grace for edits made
    # before it runs from then); announcing it again after a lost response keeps that moment.
    for start in range(0, len(leaves), _CHUNK):
        session.execute(
            update(DeviceHolding)
            .where(
                DeviceHolding.device_id == device.id,
                DeviceHolding.student_id.in_(leaves[start : start + _CHUNK]),
                (DeviceHolding.state != LEAVE) | DeviceHolding.left_at.is_(None),
            )
            .values(left_at=utcnow())
        )
    _set_state(session, device.id, leaves, LEAVE, gen, keep_left_at=True)
    device.scope_gen = gen
    # While events wait, the next pull must compare again whatever the scope sequence says.
    device.scope_checked_seq = -1 if deferred else horizon.scope_seq
    events = [ScopeEvent(kind=ScopeEventKind.LEAVE, student_id=s) for s in leaves]
    events += [ScopeEvent(kind=ScopeEventKind.ENTER, student_id=s) for s in enters]
    return Reconciled(events, gen, deferred)


def _set_state(
    session: Session, device_id: str, students: list[str], state: str, gen: int, *, keep_left_at: bool = False
) -> None:
    """Set the holdings' state and generation; a student held again forgets when it left."""
    values: dict[str, object] = {"state": state, "gen": gen}
    if not keep_left_at:
        values["left_at"] = None
    for start in range(0, len(students), _CHUNK):
        session.execute(
            update(DeviceHolding)
            .where(
                DeviceHolding.device_id == device_id,
                DeviceHolding.student_id.in_(students[start : start + _CHUNK]),
            )
            .values(values)
        )


def _start_over(session: Session, principal: Principal, device: Device, horizon: Horizon) -> int:
    """A first (or replacement) sync: the device will receive its whole scope by paging from zero."""
    session.execute(delete(DeviceHolding).where(DeviceHolding.device_id == device.id))
    gen = device.scope_gen + 1
    session.add_all(
        DeviceHolding(device_id=device.id, student_id=student, state=ENTER, gen=gen)
        for student in scope.student_set(session, principal)
    )
    device.scope_gen = gen
    device.confirmed_gen = 0
    device.scope_checked_seq = horizon.scope_seq
    return gen
