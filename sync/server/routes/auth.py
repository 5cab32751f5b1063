"""Login (registers the device and issues its one token), logout, token refresh, password change, who-am-I.

Password hashes go through the worker's hash gate (a cap on concurrent Argon2id hashes); attempts are
counted by the login throttle in the database before the password is checked.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request, Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    ErrorCode,
    LoginRequest,
    LoginResponse,
    PasswordChangeRequest,
    TokenResponse,
    UserInfo,
)
from sync.records.enums import Role
from sync.server import audit, auth, metrics, passwords, throttle
from sync.server.database import Database
from sync.server.deps import DatabaseDep, PrincipalDep, SchemaDep, SettingsDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses
from sync.server.hash_gate import HashGate
from sync.server.models import Account, Device, DeviceNumber
from sync.server.models.base import utcnow
from sync.server.settings import Settings

router = APIRouter(prefix="/auth", tags=["auth"], responses=error_responses(*SESSION_ERRORS, 429))

WRONG_CURRENT_PASSWORD = "当前密码不正确"
AGGREGATE_ONLY_REFUSED = "仅统计模式只供学校学生发展支持中心账号使用"


def user_info(account: Account) -> UserInfo:
    return UserInfo(
        id=account.id,
        username=account.username,
        display_name=account.display_name,
        role=account.role,
        college_id=account.college_id,
    )


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _gate(request: Request) -> HashGate:
    gate: HashGate = request.app.state.hash_gate
    return gate


async def _attempt(database: Database, settings: Settings, username: str, address: str) -> None:
    """Count an attempt with the throttle (atomically, in the database); 429 while a delay runs."""

    def reserve(session: Session) -> int | None:
        return throttle.reserve(session, settings, username, address)

    wait = await run_in_threadpool(database.run, reserve)
    if wait is not None:

        def note(session: Session) -> None:
            audit.record(session, "login_limited", target=username[:64], address=address)

        await run_in_threadpool(database.run, note)
        metrics.login_failed("limited")
        raise ApiError(ErrorCode.RATE_LIMITED, f"尝试次数过多，请 {wait} 秒后再试", retry_after=wait)


async def _judged(
    request: Request,
    database: Database,
    settings: Settings,
    username: str,
    address: str,
    verify: Callable[[], bool],
) -> bool:
    """Check a password through the hash gate; an attempt the gate turns away (busy) is not counted."""
    try:
        return await _gate(request).run(verify)
    except ApiError:

        def release(session: Session) -> None:
            throttle.released(session, settings, username, address)

        await run_in_threadpool(database.run, release)
        raise


@router.post("/login", response_model=LoginResponse)
async def login(
    body: LoginRequest, request: Request, database: DatabaseDep, settings: SettingsDep, _schema: SchemaDep
) -> LoginResponse:
    address = _address(request)
    await _attempt(database, settings, body.username, address)

    def find(session: Session) -> Account | None:
        return session.scalars(select(Account).where(Account.username == body.username)).first()

    account = await run_in_threadpool(database.run, find)
    stored = account.password_hash if account else None
    password_ok = await _judged(
        request,
        database,
        settings,
        body.username,
        address,
        lambda: auth.verify_password(stored, body.password),
    )
    if account is None or not password_ok or not account.active:

        def fail(session: Session) -> None:
            audit.record(session, "login_failed", target=body.username[:64], address=address)

        await run_in_threadpool(database.run, fail)
        metrics.login_failed("password")
        raise ApiError(ErrorCode.UNAUTHORIZED, "用户名或密码错误")
    if body.aggregate_only and account.role != Role.SCHOOL_CENTER.value:
        raise ApiError(ErrorCode.FORBIDDEN, AGGREGATE_ONLY_REFUSED)
    token = auth.new_token()
    found = account

    def register(session: Session) -> int:
        device = session.get(Device, body.device_id, with_for_update=True)
        if device is not None and device.wipe_at is not None:
            raise ApiError(ErrorCode.DEVICE_WIPED)  # the laptop destroys its store on this answer
        if device is not None and (device.user_id != found.id or device.revoked_at):
            raise ApiError(ErrorCode.TOKEN_REVOKED, "此设备已被撤销或需要清除，请重新安装后登录")
        if device is None:
            device = Device(id=body.device_id, user_id=found.id, name=body.device_name)
            session.add(device)
        device.token_hash = auth.token_hash(token)
        # The laptop's user-visible name: as the user gave it, else the one it had, else "王丽的电脑".
        device.name = body.device_name or device.name or f"{found.display_name}的电脑"[:128]
        device.last_seen_at = utcnow()
        if bool(device.aggregate_only) != body.aggregate_only:
            # The mode changed: the next pull compares the holdings again (all students leave the
            # device, or all of its scope enters it).
            device.aggregate_only = body.aggregate_only
            device.scope_checked_seq = -1
        throttle.succeeded(session, settings, body.username, address)
        audit.record(session, "login", user_id=found.id, device_id=body.device_id, address=address)
        return device_number(session, body.device_id)

    device_no = await run_in_threadpool(database.run, register)
    return LoginResponse(
        token=token,
        user=user_info(account),
        device_id=body.device_id,
        device_no=device_no,
        aggregate_only=body.aggregate_only,
    )


def device_number(session: Session, device_id: str) -> int:
    """The device's printed-record number, given on its first login (an autoincrement key: unique
    without a lock, on PostgreSQL and SQLite)."""
    number = session.scalar(select(DeviceNumber.number).where(DeviceNumber.device_id == device_id))
    if number is None:
        session.flush()  # the device row exists before its number refers to it
        row = DeviceNumber(device_id=device_id)
        session.add(row)
        session.flush()
        number = row.number
    return number


@router.post("/logout", status_code=204)
def logout(principal: PrincipalDep, database: DatabaseDep) -> None:
    def revoke(session: Session) -> None:
        device = session.get(Device, principal.device_id)
        if device is not None:
            device.token_hash = None
        audit.record(session, "logout", user_id=principal.user_id, device_id=principal.device_id)

    database.run(revoke)


@router.post("/refresh", response_model=TokenResponse)
def refresh(principal: PrincipalDep, database: DatabaseDep) -> TokenResponse:
    """Rotate the calling device's token: a new one is returned and the one used here stops working."""
    token = auth.new_token()

    def rotate(session: Session) -> None:
        device = session.get(Device, principal.device_id, with_for_update=True)
        if device is None:
            raise ApiError(ErrorCode.UNAUTHORIZED)
        device.token_hash = auth.token_hash(token)
        device.last_seen_at = utcnow()
        audit.record(session, "token_refreshed", user_id=principal.user_id, device_id=principal.device_id)

    database.run(rotate)
    return TokenResponse(token=token)


@router.post("/password", status_code=204, response_class=Response)
async def change_password(
    body: PasswordChangeRequest,
    request: Request,
    principal: PrincipalDep,
    database: DatabaseDep,
    settings: SettingsDep,
) -> Response:
    """Change the caller's own password; the calling device stays signed in, the user's others are not."""
    account = await run_in_threadpool(database.run, lambda s: s.get(Account, principal.user_id))
    if account is None:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    address = _address(request)
    await _attempt(database, settings, account.username, address)
    gate = _gate(request)
    verified = await _judged(
        request,
        database,
        settings,
        account.username,
        address,
        lambda: auth.verify_password(account.password_hash, body.current_password),
    )
    if not verified:

        def fail(session: Session) -> None:
            audit.record(session, "password_change_failed", user_id=account.id, address=address)

        await run_in_threadpool(database.run, fail)
        raise ApiError(ErrorCode.FORBIDDEN, WRONG_CURRENT_PASSWORD)
    try:
        passwords.check(body.new_password, username=account.username, display_name=account.display_name)
    except passwords.WeakPassword as error:
        raise ApiError(ErrorCode.VALIDATION_FAILED, f"新密码不符合要求：{error}") from None
    new_hash = await gate.run(lambda: auth.hash_password(body.new_password))

    def store(session: Session) -> None:
        current = session.get(Account, principal.user_id, with_for_update=True)
        if current is None:
            raise ApiError(ErrorCode.UNAUTHORIZED)
        passwords.set_password(
            session, current, new_hash, by=principal.user_id, keep_device=principal.device_id
        )
        throttle.succeeded(session, settings, account.username, address)

    await run_in_threadpool(database.run, store)
    return Response(status_code=204)


@router.get("/me", response_model=UserInfo)
def me(principal: PrincipalDep, database: DatabaseDep) -> UserInfo:
    account = database.run(lambda s: s.get(Account, principal.user_id))
    if account is None:
        raise ApiError(ErrorCode.UNAUTHORIZED)
    return user_info(account)
