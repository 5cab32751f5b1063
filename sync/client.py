"""The sync engine: login, then push → pull (pages, backfills, scope changes) → push again, with
retries, cancellation, progress callbacks, a stall timeout, digest checks and repair.

It speaks to a ``LocalReplica`` (sync/replica.py) and never touches the UI: the desktop runs it on a
worker thread and listens to its progress callback.  Errors are typed (``SyncError`` subclasses) and
carry Chinese messages.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    DIGEST_BUCKETS,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    BackfillPage,
    Cursor,
    DigestResponse,
    ErrorCode,
    LoginResponse,
    OpStatus,
    PullPage,
    PushResponse,
    RecordState,
    RepairPage,
    ScopeEventKind,
)
from sync.replica import Backfill, LocalReplica, SyncLogEntry

M = TypeVar("M", bound=BaseModel)
VERSION_HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}


class SyncError(Exception):
    """A sync failed; ``str(error)`` is a Chinese message for the user."""

    retryable = False


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("同步已取消")


class AuthenticationFailed(SyncError):
    pass


class DeviceRevoked(SyncError):
    pass


class DeviceWiped(SyncError):
    pass


class UpgradeRequired(SyncError):
    pass


class ServerUnavailable(SyncError):
    retryable = True


class ProtocolViolation(SyncError):
    pass


@dataclass
class Progress:
    stage: str  # "push" | "pull" | "backfill" | "repair"
    done: int
    total: int | None


@dataclass
class SyncReport:
    pushed: Counter[str] = field(default_factory=Counter)
    pulled_records: int = 0
    conflicts_received: int = 0
    entered: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    quarantined: int = 0
    repaired: int = 0
    digest_ok: bool | None = None
    finished_at: datetime | None = None


@dataclass
class EngineSettings:
    batch_ops: int = 200
    batch_bytes: int = 1024 * 1024
    page_limit: int = 2000
    stall_timeout: float = 30.0
    connect_timeout: float = 10.0
    attempts: int = 6
    backoff_base: float = 0.2
    backoff_cap: float = 10.0
    check_digest: bool = True


def login(
    server_url: str,
    *,
    username: str,
    password: str,
    device_id: str,
    device_name: str = "",
    transport: httpx.BaseTransport | None = None,
) -> LoginResponse:
    """Log in and register this device; returns its token (keep it in the OS keyring or the store)."""
    with httpx.Client(base_url=server_url, headers=VERSION_HEADERS, transport=transport, timeout=30) as http:
        try:
            response = http.post(
                "/auth/login",
                json={
                    "username": username,
                    "password": password,
                    "device_id": device_id,
                    "device_name": device_name,
                },
            )
        except httpx.TransportError as error:
            raise ServerUnavailable(f"无法连接服务器：{type(error).__name__}") from None
        _raise_for_error(response)
        return LoginResponse.model_validate_json(response.content)


def _error_of(response: httpx.Response) -> tuple[str, str]:
    try:
        detail = response.json()["error"]
        return str(detail["code"]), str(detail["message"])
    except (ValueError, KeyError, TypeError):
        return "", f"服务器返回错误（HTTP {response.status_code}）"


def _raise_for_error(response: httpx.Response) -> None:
    if response.status_code < 400:
        return
    code, message = _error_of(response)
    if code == ErrorCode.DEVICE_WIPED:
        raise DeviceWiped(message)
    if code == ErrorCode.TOKEN_REVOKED:
        raise DeviceRevoked(message)
    if response.status_code == 401:
        raise AuthenticationFailed(message)
    if response.status_code == 426:
        raise UpgradeRequired(message)
    if response.status_code in (429, 502, 503, 504) or response.status_code >= 500:
        raise ServerUnavailable(message)
    raise ProtocolViolation(message)


class _CursorExpired(Exception):
    pass


class SyncEngine:
    def __init__(
        self,
        replica: LocalReplica,
        server_url: str,
        token: str,
        *,
        settings: EngineSettings | None = None,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.replica = replica
        self.settings = settings or EngineSettings()
        self._progress = progress
        self._cancel = cancel or threading.Event()
        self._rng = rng or random.Random()
        timeout = httpx.Timeout(self.settings.stall_timeout, connect=self.settings.connect_timeout)
        headers = {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}
        self._http = httpx.Client(base_url=server_url, headers=headers, timeout=timeout, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncEngine:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------------
    def _log(self, level: str, message: str) -> None:
        self.replica.log(SyncLogEntry(datetime.now(UTC), level, message))

    def _check_cancel(self) -> None:
        if self._cancel.is_set():
            raise SyncCancelled()

    def _report(self, stage: str, done: int, total: int | None = None) -> None:
        if self._progress is not None:
            self._progress(Progress(stage, done, total))

    def _post(self, path: str, body: dict[str, Any], model: type[M]) -> M:
        """POST with retries (backoff with full jitter) on cuts, stalls, 429 and 5xx."""
        delay = self.settings.backoff_base
        for attempt in range(self.settings.attempts):
            self._check_cancel()
            try:
                response = self._http.post(path, json=body)
                if response.status_code == 410:
                    raise _CursorExpired()
                _raise_for_error(response)
                return model.model_validate_json(response.content)
            except (httpx.TransportError, ServerUnavailable, ValidationError) as error:
                if attempt == self.settings.attempts - 1:
                    if isinstance(error, ServerUnavailable):
                        raise
                    raise ServerUnavailable(f"与服务器的连接中断（{type(error).__name__}）") from None
                pause = self._rng.uniform(0, min(self.settings.backoff_cap, delay))
                delay *= 2
                self._log("warning", f"请求中断，{pause:.1f} 秒后重试")
                if self._cancel.wait(pause):
                    raise SyncCancelled() from None
        raise ServerUnavailable("服务器暂时无法访问")

    # -- the sync ---------------------------------------------------------------------------------
    def sync(self) -> SyncReport:
        report = SyncReport()
        try:
            self._push_all(report)
            self._pull_all(report)
            self._push_all(report)  # the outbox may have grown while pulling
            if self.settings.check_digest:
                self._check_digest(report)
        except DeviceWiped:
            self.replica.wipe()
            self._log("error", "管理员已要求清除本机数据，本地数据已删除")
            raise
        except SyncError as error:
            self._log("error", str(error))
            raise
        report.finished_at = datetime.now(UTC)
        self._log(
            "info",
            f"同步完成：推送 {sum(report.pushed.values())} 项，拉取 {report.pulled_records} 条，"
            f"冲突 {report.conflicts_received} 个",
        )
        return report

    def _push_all(self, report: SyncReport) -> None:
        after = 0
        total: int | None = None
        done = 0
        while True:
            self._check_cancel()
            batch = self.replica.outbox_batch(
                after=after, max_ops=self.settings.batch_ops, max_bytes=self.settings.batch_bytes
            )
            if not batch:
                return
            if total is None:
                total = self.replica.pending_count()
            body = {
                "device_id": self.replica.device_id,
                "ops": [pending.op.model_dump(mode="json", by_alias=True) for pending in batch],
            }
            response = self._post("/sync/push", body, PushResponse)
            if len(response.results) != len(batch):
                raise ProtocolViolation("服务器返回的结果数与推送数不符")
            answered = list(zip(batch, response.results, strict=True))
            self.replica.record_results(answered)
            for _pending, result in answered:
                status = (
                    result.original
                    if result.status is OpStatus.DUPLICATE and result.original
                    else result.status
                )
                report.pushed[status.value] += 1
                if result.status is OpStatus.REJECTED and not result.retryable:
                    report.quarantined += 1
                    self._log("warning", f"一项修改被服务器拒绝（{result.reason}），已移入隔离区")
            after = batch[-1].position
            done += len(batch)
            self._report("push", done, total)

    def _pull_all(self, report: SyncReport) -> None:
        state = self.replica.state()
        if state.leaving or state.backfills:
            self._finish_scope_changes(report, state.leaving)
            self._run_backfills(report)
            state = self.replica.state()
        cursor = state.cursor
        # While a page is being applied locally, the next one is already on its way (one ahead).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="jiafang-pull") as ahead:
            upcoming: Future[PullPage] | None = None
            while True:
                self._check_cancel()
                try:
                    page = upcoming.result() if upcoming is not None else self._pull_page(cursor)
                except _CursorExpired:
                    self._log("warning", "本机同步进度过旧，进行完整重新同步")
                    self.replica.reset_cursor()
                    cursor, upcoming = None, None
                    continue
                upcoming = None
                if page.more and not page.scope:
                    upcoming = ahead.submit(self._pull_page, page.cursor)
                self.replica.apply_page(page)
                cursor = page.cursor
                report.pulled_records += len(page.records)
                report.conflicts_received += len(page.conflicts)
                self._report("pull", report.pulled_records, None)
                enters = [e.student_id for e in page.scope if e.kind is ScopeEventKind.ENTER]
                leaves = [e.student_id for e in page.scope if e.kind is ScopeEventKind.LEAVE]
                report.entered += enters
                if enters:
                    self._run_backfills(report)
                if leaves:
                    self._finish_scope_changes(report, leaves)
                    continue  # pull once more: the new cursor confirms the purge to the server
                if not page.more:
                    return

    def _pull_page(self, cursor: str | None) -> PullPage:
        body = {"device_id": self.replica.device_id, "cursor": cursor, "limit": self.settings.page_limit}
        return self._post("/sync/pull", body, PullPage)

    def _run_backfills(self, report: SyncReport) -> None:
        for backfill in self.replica.state().backfills:
            current = backfill
            while True:
                self._check_cancel()
                body = {
                    "device_id": self.replica.device_id,
                    "student_ids": list(current.student_ids),
                    "upto": current.upto,
                    "after": current.after,
                    "limit": self.settings.page_limit,
                }
                page = self._post("/sync/backfill", body, BackfillPage)
                self.replica.apply_backfill(current, page)
                report.pulled_records += len(page.records)
                report.conflicts_received += len(page.conflicts)
                self._report("backfill", report.pulled_records, None)
                if not page.more:
                    break
                current = Backfill(current.student_ids, current.upto, page.after)

    def _finish_scope_changes(self, report: SyncReport, leaving: list[str]) -> None:
        """Students reassigned away: push what is left for them, then purge them locally."""
        if not leaving:
            return
        self._push_all(report)
        purge = self.replica.purge_students(list(leaving))
        report.left += list(leaving)
        report.quarantined += purge.quarantined
        self._log("warning", f"{purge.students} 名学生已调整给其他老师，本机已移除其资料")

    def _check_digest(self, report: SyncReport) -> None:
        body = {"device_id": self.replica.device_id, "buckets": False}
        server = self._post("/sync/digest", body, DigestResponse)
        cursor = Cursor.decode(self.replica.state().cursor)
        if cursor is None or cursor.seq != server.horizon:
            return  # changes arrived meanwhile; the next sync checks again
        report.digest_ok = (server.count, server.sum) == self.replica.digest()
        if report.digest_ok:
            return
        self._log("warning", "本机数据校验不一致，正在修复")
        server = self._post("/sync/digest", {**body, "buckets": True}, DigestResponse)
        assert server.buckets is not None
        local = self.replica.bucket_digests(DIGEST_BUCKETS)
        differing = [n for n, bucket in enumerate(server.buckets) if (bucket.count, bucket.sum) != local[n]]
        if not differing:
            return
        records: list[RecordState] = []
        after = ""
        while True:
            self._check_cancel()
            repair_body = {"device_id": self.replica.device_id, "buckets": differing, "after": after}
            page = self._post("/sync/repair", {**repair_body, "limit": self.settings.page_limit}, RepairPage)
            records += page.records
            self._report("repair", len(records), None)
            if not page.more:
                break
            after = page.after
        report.repaired = self.replica.apply_repair(records, differing)
        self._log("info", f"已修复 {report.repaired} 条记录")


def backoff_delays(base: float, cap: float, attempts: int, rng: random.Random) -> list[float]:
    """The waits the engine uses between attempts (exponential, full jitter): for tests and docs."""
    delays = []
    delay = base
    for _ in range(attempts):
        delays.append(rng.uniform(0, min(cap, delay)))
        delay *= 2
    return delays
