"""Dependencies shared by the routes (``Annotated`` aliases, as in FastAPI's full-stack template)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER, ErrorCode
from sync.records.enums import Role
from sync.server import record_kinds
from sync.server.auth import bearer_token, token_expired, token_hash
from sync.server.database import Database
from sync.server.errors import ApiError
from sync.server.models import Account, Device
from sync.server.models.base import utcnow
from sync.server.scope import Principal
from sync.server.settings import Settings

_SEEN_EVERY = timedelta(seconds=60)


# Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in the thread
# pool, a hand-off per dependency per request that only costs time under load.
async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


async def check_versions(
    protocol: Annotated[str | None, Header(alias=PROTOCOL_HEADER)] = None,
    schema: Annotated[str | None, Header(alias=SCHEMA_HEADER)] = None,
) -> int:
    """Every sync request names its protocol and schema; outside the served window: 426."""
    if protocol is None or schema is None or not protocol.isdigit() or not schema.isdigit():
        raise ApiError(ErrorCode.BAD_REQUEST, "缺少协议或数据版本信息")
    lowest, highest = record_kinds.schema_window()
    if int(protocol) != PROTOCOL_VERSION or not lowest <= int(schema) <= highest:
        raise ApiError(ErrorCode.UPGRADE_REQUIRED)
    return int(schema)


SchemaDep = Annotated[int, Depends(check_versions)]


def _bearer(authorization: str | None) -> str:
    token = bearer_token(authorization)
    if token is None:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    return token


EXPIRED_MESSAGE = "登录已过期（长时间未使用），请重新登录"


def _load_principal(session: Session, hashed: str, ttl_days: int) -> Principal:
    row = session.execute(
        select(Device, Account).join(Account, Account.id == Device.user_id).where(Device.token_hash == hashed)
    ).first()
    if row is None:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    device, account = row
    if device.wipe_at is not None:
        raise ApiError(ErrorCode.DEVICE_WIPED)
    if device.revoked_at is not None:
        raise ApiError(ErrorCode.TOKEN_REVOKED)
    if not account.active:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    now = utcnow()
    if token_expired(device.last_seen_at, now, ttl_days):
        raise ApiError(ErrorCode.UNAUTHORIZED, EXPIRED_MESSAGE)
    last_seen = device.last_seen_at
    if last_seen is not None and last_seen.tzinfo is None:
        last_seen = last_seen.replace(tzinfo=now.tzinfo)
    if last_seen is None or now - last_seen > _SEEN_EVERY:
        device.last_seen_at = now
    return Principal(
        user_id=account.id,
        role=Role(account.role),
        college_id=account.college_id,
        device_id=device.id,
        aggregate_only=bool(device.aggregate_only),
    )


@dataclass(frozen=True)
class Credentials:
    """A request's versions checked and its bearer token read (hashed); not yet looked up."""

    token_hash: str
    ttl_days: int


async def credentials(
    _schema: SchemaDep, settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> Credentials:
    return Credentials(token_hash(_bearer(authorization)), settings.token_ttl_days)


CredentialsDep = Annotated[Credentials, Depends(credentials)]


def current_principal(database: DatabaseDep, caller: CredentialsDep) -> Principal:
    return database.run(lambda session: _load_principal(session, caller.token_hash, caller.ttl_days))


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def sync_caller(session: Session, caller: Credentials) -> Principal:
    """The calling device's principal looked up in the request's own transaction (the sync endpoints:
    one transaction per request instead of two); the same checks as ``SyncPrincipalDep``."""
    principal = _load_principal(session, caller.token_hash, caller.ttl_days)
    if principal.role is Role.ADMIN:
        raise ApiError(ErrorCode.FORBIDDEN)
    return principal


async def sync_principal(principal: PrincipalDep) -> Principal:
    """Roles that hold student data (everyone but the administrator)."""
    if principal.role is Role.ADMIN:
        raise ApiError(ErrorCode.FORBIDDEN)
    return principal


async def admin_principal(principal: PrincipalDep) -> Principal:
    if principal.role is not Role.ADMIN:
        raise ApiError(ErrorCode.FORBIDDEN)
    return principal


SyncPrincipalDep = Annotated[Principal, Depends(sync_principal)]
AdminPrincipalDep = Annotated[Principal, Depends(admin_principal)]
