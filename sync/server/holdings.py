"""Scope events: compare what a device holds with what its user may now see (protocol §6).

A holding change is confirmed only when the device sends back a cursor carrying the scope generation
that announced it, so a lost response makes the server announce the same change again.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.protocol import Cursor, ScopeEvent, ScopeEventKind
from sync.records.enums import Role
from sync.server import scope
from sync.server.models import Device, DeviceHolding
from sync.server.models.base import utcnow
from sync.server.scope import Principal
from sync.server.sequence import Horizon

ENTER = "enter"
LEAVE = "leave"


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


def reconcile(
    session: Session, principal: Principal, device: Device, cursor: Cursor | None, horizon: Horizon
) -> tuple[list[ScopeEvent], int]:
    """Events to send with this pull and the scope generation to put in the returned cursor."""
    if cursor is None:
        return [], _start_over(session, principal, device, horizon)
    if cursor.gen > device.scope_gen:
        raise StaleCursor("gen")
    if cursor.gen > device.confirmed_gen:
        device.confirmed_gen = cursor.gen
    up_to_date = cursor.gen == device.scope_gen and device.scope_checked_seq >= horizon.scope_seq
    if up_to_date and principal.role is not Role.MENTOR:
        return [], device.scope_gen
    rows = {
        row.student_id: row
        for row in session.scalars(select(DeviceHolding).where(DeviceHolding.device_id == device.id))
    }
    held = {
        student
        for student, row in rows.items()
        if (row.state == ENTER and row.gen <= cursor.gen) or (row.state == LEAVE and row.gen > cursor.gen)
    }
    wanted = scope.student_set(session, principal)
    enters = wanted - held
    leaves = held - wanted
    gen = device.scope_gen + 1 if enters or leaves else device.scope_gen
    for student, row in rows.items():
        if student in wanted and student not in enters:
            if row.state != ENTER or row.gen > cursor.gen:
                row.state, row.gen, row.left_at = ENTER, 0, None
        elif student not in leaves and student not in enters:
            session.delete(row)
    for student in enters:
        existing = rows.get(student)
        if existing is None:
            session.add(DeviceHolding(device_id=device.id, student_id=student, state=ENTER, gen=gen))
        else:
            existing.state, existing.gen, existing.left_at = ENTER, gen, None
    for student in leaves:
        row = rows[student]
        if row.state != LEAVE or row.left_at is None:
            row.left_at = utcnow()  # announced again after a lost response: the first moment stands
        row.state, row.gen = LEAVE, gen
    device.scope_gen = gen
    device.scope_checked_seq = horizon.scope_seq
    events = [ScopeEvent(kind=ScopeEventKind.ENTER, student_id=s) for s in sorted(enters)]
    events += [ScopeEvent(kind=ScopeEventKind.LEAVE, student_id=s) for s in sorted(leaves)]
    return events, gen


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
