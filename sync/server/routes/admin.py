"""Device administration for the administrator role: list, revoke, order a wipe; read the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Path
from sqlalchemy.orm import Session

from sync.protocol import NO_NUL, DeviceInfo, ErrorCode
from sync.server import devices
from sync.server.deps import AdminPrincipalDep, DatabaseDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses

router = APIRouter(prefix="/admin", tags=["admin"], responses=error_responses(*SESSION_ERRORS, 404))


@router.get("/devices", response_model=list[DeviceInfo])
def list_devices(principal: AdminPrincipalDep, database: DatabaseDep) -> list[DeviceInfo]:
    return database.run(devices.list_devices)


@router.post("/devices/{device_id}/revoke", response_model=DeviceInfo)
def revoke_device(
    device_id: str = Path(max_length=64, pattern=NO_NUL),
    *,
    principal: AdminPrincipalDep,
    database: DatabaseDep,
) -> DeviceInfo:
    def work(session: Session) -> DeviceInfo | None:
        return devices.revoke(session, device_id, by=principal.user_id)

    info = database.run(work)
    if info is None:
        raise ApiError(ErrorCode.NOT_FOUND)
    return info


@router.post("/devices/{device_id}/wipe", response_model=DeviceInfo)
def wipe_device(
    device_id: str = Path(max_length=64, pattern=NO_NUL),
    *,
    principal: AdminPrincipalDep,
    database: DatabaseDep,
) -> DeviceInfo:
    def work(session: Session) -> DeviceInfo | None:
        return devices.order_wipe(session, device_id, by=principal.user_id)

    info = database.run(work)
    if info is None:
        raise ApiError(ErrorCode.NOT_FOUND)
    return info
