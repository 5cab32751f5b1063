"""Device administration shared by the admin routes and the CLI."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import DeviceInfo
from sync.server import audit
from sync.server.models import Account, ConflictRow, Device, DeviceHolding
from sync.server.models.base import utcnow

ENTER = "enter"
_SYNC_EVERY = timedelta(seconds=60)


class DeviceError(ValueError):
    """A Chinese message for the admin command (no such device, an ambiguous id prefix)."""


def _info(device: Device, account: Account, open_conflicts: int = 0) -> DeviceInfo:
    return DeviceInfo(
        id=device.id,
        user_id=account.id,
        username=account.username,
        name=device.name,
        created_at=device.created_at.isoformat(),
        last_seen_at=device.last_seen_at.isoformat() if device.last_seen_at else None,
        revoked=device.revoked_at is not None,
        wipe=device.wipe_at is not None,
        last_sync_at=device.last_sync_at.isoformat() if device.last_sync_at else None,
        open_conflicts=open_conflicts,
    )


def mark_synced(device: Device) -> None:
    """A pull reached the end: remember when (to the minute, so a busy device is not written each time)."""
    now = utcnow()
    last = device.last_sync_at
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last > _SYNC_EVERY:
        device.last_sync_at = now


def open_conflicts(session: Session) -> dict[str, int]:
    """Per device: open conflicts on the students it holds (what its user has to review)."""
    rows = session.execute(
        select(DeviceHolding.device_id, func.count(ConflictRow.id))
        .join(ConflictRow, ConflictRow.student_id == DeviceHolding.student_id)
        .where(DeviceHolding.state == ENTER, ConflictRow.status == "open")
        .group_by(DeviceHolding.device_id)
    ).all()
    return {str(device_id): int(count) for device_id, count in rows}


def list_devices(session: Session) -> list[DeviceInfo]:
    rows = session.execute(
        select(Device, Account).join(Account, Account.id == Device.user_id).order_by(Device.created_at)
    ).all()
    conflicts = open_conflicts(session)
    return [_info(device, account, conflicts.get(device.id, 0)) for device, account in rows]


def resolve(session: Session, prefix: str) -> str:
    """The id of the one device whose id starts with ``prefix`` (ids as list-devices prints them)."""
    text = prefix.strip().lower()
    if len(text) < 4:
        raise DeviceError("设备编号至少给出前 4 位")
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = list(
        session.scalars(select(Device.id).where(Device.id.like(f"{escaped}%", escape="\\")).limit(6))
    )
    if not found:
        raise DeviceError(f"找不到设备：{prefix}")
    if len(found) > 1:
        shown = "、".join(found[:3]) + ("…" if len(found) > 3 else "")
        raise DeviceError(f"编号以 {prefix} 开头的设备不止一台（{shown}）：请多给几位")
    return found[0]


def _find(session: Session, device_id: str) -> tuple[Device, Account] | None:
    row = session.execute(
        select(Device, Account).join(Account, Account.id == Device.user_id).where(Device.id == device_id)
    ).first()
    return None if row is None else (row[0], row[1])


def _record(
    session: Session, action: str, device: Device, account: Account, *, by: str | None, operator: str
) -> None:
    audit.record(
        session,
        action,
        user_id=by,
        device_id=device.id,
        operator=operator,
        target=account.username,
        college_id=account.college_id,
    )


def revoke(session: Session, device_id: str, *, by: str | None, operator: str = "") -> DeviceInfo | None:
    found = _find(session, device_id)
    if found is None:
        return None
    device, account = found
    device.revoked_at = device.revoked_at or utcnow()
    _record(session, "device_revoked", device, account, by=by, operator=operator)
    return _info(device, account)


def order_wipe(session: Session, device_id: str, *, by: str | None, operator: str = "") -> DeviceInfo | None:
    found = _find(session, device_id)
    if found is None:
        return None
    device, account = found
    device.wipe_at = device.wipe_at or utcnow()
    _record(session, "device_wipe_ordered", device, account, by=by, operator=operator)
    return _info(device, account)


def rename(session: Session, device_id: str, name: str, *, operator: str) -> DeviceInfo:
    found = _find(session, device_id)
    if found is None:
        raise DeviceError(f"找不到设备：{device_id}")
    name = name.strip()
    if not name or len(name) > 128 or "\x00" in name:
        raise DeviceError("设备名称应为 1 到 128 个字符")
    device, account = found
    device.name = name
    _record(session, "device_renamed", device, account, by=None, operator=operator)
    return _info(device, account)
