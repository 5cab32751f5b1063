"""Device administration shared by the admin routes and the CLI."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import DeviceInfo
from sync.server import audit
from sync.server.models import Account, Device
from sync.server.models.base import utcnow


def _info(device: Device, account: Account) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        user_id=account.id,
        username=account.username,
        name=device.name,
        created_at=device.created_at.isoformat(),
        last_seen_at=device.last_seen_at.isoformat() if device.last_seen_at else None,
        revoked=device.revoked_at is not None,
        wipe=device.wipe_at is not None,
    )


def list_devices(session: Session) -> list[DeviceInfo]:
    rows = session.execute(
        select(Device, Account).join(Account, Account.id == Device.user_id).order_by(Device.created_at)
    ).all()
    return [_info(device, account) for device, account in rows]


def _find(session: Session, device_id: str) -> tuple[Device, Account] | None:
    row = session.execute(
        select(Device, Account).join(Account, Account.id == Device.user_id).where(Device.id == device_id)
    ).first()
    return None if row is None else (row[0], row[1])


def revoke(session: Session, device_id: str, *, by: str | None) -> DeviceInfo | None:
    found = _find(session, device_id)
    if found is None:
        return None
    device, account = found
    device.revoked_at = device.revoked_at or utcnow()
    audit.record(session, "device_revoked", user_id=by, device_id=device_id)
    return _info(device, account)


def order_wipe(session: Session, device_id: str, *, by: str | None) -> DeviceInfo | None:
    found = _find(session, device_id)
    if found is None:
        return None
    device, account = found
    device.wipe_at = device.wipe_at or utcnow()
    audit.record(session, "device_wipe_ordered", user_id=by, device_id=device_id)
    return _info(device, account)
