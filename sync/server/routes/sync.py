"""Push, pull, backfill, digest and repair (docs/sync-protocol.md §4–§7)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy.orm import Session

from sync.protocol import (
    MAX_SCOPE_EVENTS,
    BackfillPage,
    BackfillRequest,
    Cursor,
    DigestRequest,
    DigestResponse,
    EpochInfo,
    EpochRequest,
    ErrorCode,
    PullPage,
    PullRequest,
    PushRequest,
    PushResponse,
    RepairPage,
    RepairRequest,
)
from sync.server import devices, epoch, holdings, merge, metrics, pull, sequence
from sync.server.database import Database
from sync.server.deps import Credentials, CredentialsDep, DatabaseDep, SettingsDep, sync_caller
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses
from sync.server.models import Device
from sync.server.scope import Principal

T = TypeVar("T")
router = APIRouter(prefix="/sync", tags=["sync"], responses=error_responses(*SESSION_ERRORS, 409, 410))


def _caller(session: Session, caller: Credentials, device_id: str) -> Principal:
    """Who calls (looked up in this request's transaction), and that the body names the caller's device."""
    principal = sync_caller(session, caller)
    if device_id != principal.device_id:
        raise ApiError(ErrorCode.BAD_REQUEST, "设备编号与登录凭据不符")
    return principal


def _json(text: str) -> Response:
    return Response(content=text.encode(), media_type="application/json")


def _run_checking_epoch(database: Database, work: Callable[[Session], T]) -> T:
    """Run ``work``; a cursor from another history (a restored server) is ``409 server_restored``, and
    when the server had not noticed the restore yet it renews its epoch first (protocol §8a)."""
    try:
        return database.run(work)
    except epoch.Restored as found:
        seen = found.seen
        if found.renew:
            database.run(lambda session: epoch.renew(session, expected=seen))
        raise ApiError(ErrorCode.SERVER_RESTORED) from None


def _decoded(text: str | None) -> Cursor | None:
    try:
        return Cursor.decode(text)
    except ValueError:
        raise ApiError(ErrorCode.BAD_REQUEST, "同步游标无效") from None


@router.post("/push", response_model=PushResponse)
def push(body: PushRequest, caller: CredentialsDep, database: DatabaseDep, settings: SettingsDep) -> Response:
    limits = merge.WriteLimits(
        grace_days=settings.reassignment_grace_days, audit_entries_per_hour=settings.audit_entries_per_hour
    )
    cursor = _decoded(body.cursor)

    def work(session: Session) -> PushResponse:
        principal = _caller(session, caller, body.device_id)
        if cursor is not None or body.seen:
            horizon = sequence.read_horizon(session)
            epoch.check_cursor(session, principal.device_id, cursor, horizon, body.seen)
        results = merge.apply_batch(session, principal, body.ops, limits=limits)
        metrics.count_ops(results)
        return PushResponse(results=results, horizon=sequence.read_horizon(session).value)

    # Encoded once here (the response model is only the documented shape: no second validation pass).
    return _json(_run_checking_epoch(database, work).model_dump_json())


@router.post("/pull", response_model=PullPage)
def pull_changes(body: PullRequest, caller: CredentialsDep, database: DatabaseDep) -> Response:
    cursor = _decoded(body.cursor)

    def work(session: Session) -> str:
        principal = _caller(session, caller, body.device_id)
        horizon = sequence.read_horizon(session)
        epoch.check_cursor(session, principal.device_id, cursor, horizon, body.seen)
        if cursor is not None and 0 < cursor.seq < horizon.floor:
            raise ApiError(ErrorCode.CURSOR_EXPIRED)
        device = session.get(Device, principal.device_id)
        assert device is not None
        if not holdings.settled(principal, device, cursor, horizon):
            # Holdings will change: lock the device row (two pulls of one device must not interleave).
            device = session.get(Device, principal.device_id, with_for_update=True, populate_existing=True)
            assert device is not None
        try:
            scope = holdings.reconcile(
                session, principal, device, cursor, horizon, max_events=min(body.limit, MAX_SCOPE_EVENTS)
            )
        except holdings.StaleCursor:
            raise epoch.Restored(renew=True, seen=horizon.epoch) from None
        after = cursor.seq if cursor is not None else 0
        records, conflicts, seq, more = pull.page(
            session, principal, after=after, horizon=horizon.value, limit=body.limit
        )
        if not (more or scope.more):
            devices.mark_synced(device)
        cursor_text = Cursor(seq=seq, gen=scope.gen, epoch=horizon.epoch if body.epochs else "").encode()
        extra = {"cursor": cursor_text, "more": more or scope.more, "horizon": horizon.value}
        return pull.render_page(records, conflicts, scope.events, extra)

    return _json(_run_checking_epoch(database, work))


@router.post("/epoch", response_model=EpochInfo)
def current_epoch(body: EpochRequest, caller: CredentialsDep, database: DatabaseDep) -> EpochInfo:
    """The server's epoch and where it starts: asked by a device told ``server_restored`` (§8a)."""

    def work(session: Session) -> EpochInfo:
        _caller(session, caller, body.device_id)
        found = epoch.read(session)
        horizon = sequence.read_horizon(session).value
        return EpochInfo(epoch=found.token, since=found.start, horizon=horizon)

    return database.run(work)


@router.post("/backfill", response_model=BackfillPage)
def backfill(body: BackfillRequest, caller: CredentialsDep, database: DatabaseDep) -> Response:
    def work(session: Session) -> str:
        principal = _caller(session, caller, body.device_id)
        horizon = sequence.read_horizon(session).value
        if body.upto > horizon or body.after > body.upto:
            raise ApiError(ErrorCode.BAD_REQUEST, "补发范围无效")
        records, conflicts, after, more = pull.backfill(
            session,
            principal,
            student_ids=body.student_ids,
            upto=body.upto,
            after=body.after,
            limit=body.limit,
        )
        return pull.render_page(records, conflicts, None, {"after": after, "more": more})

    return _json(database.run(work))


@router.post("/digest", response_model=DigestResponse)
def digest(body: DigestRequest, caller: CredentialsDep, database: DatabaseDep) -> DigestResponse:
    def work(session: Session) -> DigestResponse:
        principal = _caller(session, caller, body.device_id)
        horizon = sequence.read_horizon(session).value
        return pull.digest(session, principal, horizon=horizon, buckets=body.buckets)

    return database.run(work)


@router.post("/repair", response_model=RepairPage)
def repair(body: RepairRequest, caller: CredentialsDep, database: DatabaseDep) -> Response:
    if any(not 0 <= bucket < 256 for bucket in body.buckets):
        raise ApiError(ErrorCode.BAD_REQUEST, "校验分组编号无效")

    def work(session: Session) -> str:
        principal = _caller(session, caller, body.device_id)
        horizon = sequence.read_horizon(session).value
        rows, after, more = pull.repair(
            session, principal, buckets=body.buckets, horizon=horizon, after=body.after, limit=body.limit
        )
        records = ",".join(pull.record_json(row) for row in rows)
        return f'{{"records":[{records}],"after":{json.dumps(after)},"more":{"true" if more else "false"},"horizon":{horizon}}}'

    return _json(database.run(work))
