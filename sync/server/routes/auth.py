"""Login (registers the device and issues its one token), logout, and who-am-I."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import ErrorCode, LoginRequest, LoginResponse, UserInfo
from sync.server import audit, auth, metrics
from sync.server.deps import DatabaseDep, PrincipalDep, SchemaDep, SettingsDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses
from sync.server.models import Account, Device
from sync.server.models.base import utcnow

router = APIRouter(prefix="/auth", tags=["auth"], responses=error_responses(*SESSION_ERRORS, 429))


def user_info(account: Account) -> UserInfo:
    return UserInfo(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        role=account.role,
        college_id=account.college_id,
    )


@router.post("/login", response_model=LoginResponse)
def login(
    body: LoginRequest, request: Request, database: DatabaseDep, settings: SettingsDep, _schema: SchemaDep
) -> LoginResponse:
    address = request.client.host if request.client else ""
    keys = auth.failure_keys(body.username, address)
    window = settings.login_window_seconds

    def limited(session: Session) -> bool:
        return (
            auth.recent_failures(session, keys[0], window) >= settings.login_max_failures_per_user
            or auth.recent_failures(session, keys[1], window) >= settings.login_max_failures_per_address
        )

    if database.run(limited):
        database.run(lambda s: audit.record(s, "login_limited", target=body.username[:64], address=address))
        metrics.login_failed("limited")
        raise ApiError(ErrorCode.RATE_LIMITED, retry_after=window)
    account = database.run(
        lambda s: s.scalars(select(Account).where(Account.username == body.username)).first()
    )
    password_ok = auth.verify_password(account.password_hash if account else None, body.password)
    if account is None or not password_ok or not account.active:

        def fail(session: Session) -> None:
            auth.record_failure(session, keys, window)
            audit.record(session, "login_failed", target=body.username[:64], address=address)

        database.run(fail)
        metrics.login_failed("password")
        raise ApiError(ErrorCode.UNAUTHORIZED, "用户名或密码错误")
    token = auth.new_token()

    def register(session: Session) -> None:
        device = session.get(Device, body.device_id, with_for_update=True)
        if device is not None and (device.user_id != account.id or device.revoked_at or device.wipe_at):
            raise ApiError(ErrorCode.TOKEN_REVOKED, "此设备已被撤销或需要清除，请重新安装后登录")
        if device is None:
            device = Device(id=body.device_id, user_id=account.id, name=body.device_name)
            session.add(device)
        device.token_hash = auth.token_hash(token)
        # The laptop's user-visible name: as the user gave it, else the one it had, else "王丽的电脑".
        device.name = body.device_name or device.name or f"{account.display_name}的电脑"[:128]
        device.last_seen_at = utcnow()
        auth.clear_failures(session, keys[0])
        audit.record(session, "login", user_id=account.id, device_id=body.device_id, address=address)

    database.run(register)
    return LoginResponse(token=token, user=user_info(account), device_id=body.device_id)


@router.post("/logout", status_code=204)
def logout(principal: PrincipalDep, database: DatabaseDep) -> None:
    def revoke(session: Session) -> None:
        device = session.get(Device, principal.device_id)
        if device is not None:
            device.token_hash = None
        audit.record(session, "logout", user_id=principal.user_id, device_id=principal.device_id)

    database.run(revoke)


@router.get("/me", response_model=UserInfo)
def me(principal: PrincipalDep, database: DatabaseDep) -> UserInfo:
    account = database.run(lambda s: s.get(Account, principal.user_id))
    if account is None:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    return user_info(account)
