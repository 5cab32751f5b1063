"""Device administration for the administrator role: list, revoke, order a wipe; and the audit log,
which the administrator reads whole and a college center reads for its own college.  Every call is
written to the audit log with the calling account."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from sqlalchemy.orm import Session

from sync.protocol import NO_NUL, DeviceInfo, ErrorCode
from sync.records.enums import Role
from sync.server import admin_audit, audit, devices
from sync.server.admin_audit import AuditInfo
from sync.server.deps import AdminPrincipalDep, DatabaseDep, PrincipalDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses

router = APIRouter(prefix="/admin", tags=["admin"], responses=error_responses(*SESSION_ERRORS, 404))


@router.get("/devices", response_model=list[DeviceInfo])
def list_devices(principal: AdminPrincipalDep, database: DatabaseDep) -> list[DeviceInfo]:
    def work(session: Session) -> list[DeviceInfo]:
        rows = devices.list_devices(session)
        operator = admin_audit.api_operator(session, principal)
        audit.record(session, "devices_listed", user_id=principal.user_id, operator=operator)
        return rows

    return database.run(work)


@router.post("/devices/{device_id}/revoke", response_model=DeviceInfo)
def revoke_device(
    device_id: str = Path(max_length=64, pattern=NO_NUL),
    *,
    principal: AdminPrincipalDep,
    database: DatabaseDep,
) -> DeviceInfo:
    def work(session: Session) -> DeviceInfo | None:
        operator = admin_audit.api_operator(session, principal)
        return devices.revoke(session, device_id, by=principal.user_id, operator=operator)

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
        operator = admin_audit.api_operator(session, principal)
        return devices.order_wipe(session, device_id, by=principal.user_id, operator=operator)

    info = database.run(work)
    if info is None:
        raise ApiError(ErrorCode.NOT_FOUND)
    return info


@router.get("/audit", response_model=list[AuditInfo])
def read_audit(
    principal: PrincipalDep,
    database: DatabaseDep,
    since: Annotated[datetime | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=admin_audit.MAX_ENTRIES)] = admin_audit.MAX_ENTRIES,
) -> list[AuditInfo]:
    """The administrator: every entry; a college center: the entries about its college."""
    if principal.role is Role.ADMIN:
        college_id = None
    elif principal.role is Role.COLLEGE_CENTER and principal.college_id:
        college_id = principal.college_id
    else:
        raise ApiError(ErrorCode.FORBIDDEN)
    if since is not None and since.tzinfo is None:
        raise ApiError(ErrorCode.BAD_REQUEST, "since 须带时区，如 2025-03-01T08:00:00Z")

    def work(session: Session) -> list[AuditInfo]:
        rows = admin_audit.entries(session, since=since, college_id=college_id, limit=limit)
        operator = admin_audit.api_operator(session, principal)
        audit.record(
            session, "audit_read", user_id=principal.user_id, operator=operator, college_id=college_id
        )
        return rows

    return database.run(work)
