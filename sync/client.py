"""The sync engine: login, then push → pull (pages, backfills, scope changes) → push again, with
retries, cancellation, progress callbacks, a stall timeout, digest checks and repair.

It speaks to a ``LocalReplica`` (sync/replica.py) and never touches the UI: the desktop runs it on a
worker thread and listens to its progress callback.  Errors are typed (``SyncError`` subclasses) and
carry Chinese messages.
"""

from __future__ import annotations

import functools
import random
import ssl
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from sync import college_ca, keepalive, redirects
from sync.attachments import AttachmentRef, refs_in_fields, sha256_hex
from sync.certificate_pin import CertificateChanged
from sync.gc_pause import gc_paused
from sync.protocol import (
    DIGEST_BUCKETS,
    MAX_BACKFILL_STUDENTS,
    MAX_CHUNK_BYTES,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    AttachmentStatus,
    BackfillPage,
    Cursor,
    DigestResponse,
    EpochInfo,
    ErrorCode,
    HealthResponse,
    LoginResponse,
    Op,
    OpResult,
    OpStatus,
    PullPage,
    PushResponse,
    RecordState,
    RepairPage,
    ScopeEventKind,
)
from sync.records.schema import FIRST_SCHEMA, newer_fields
from sync.replica import Backfill, LocalReplica, PendingOp, SyncLogEntry, split_backfills
from sync.server_address import address_problem
from sync.typed_page import FreshPage, parse_fresh_page

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
VERSION_HEADERS = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}


class SyncError(Exception):
    """A sync failed; ``str(error)`` is a Chinese message for the user."""

    retryable = False


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("同步已取消")


class AuthenticationFailed(SyncError):
    """The server refused the user name, password or device token."""


class DeviceRevoked(SyncError):
    """This device's token was revoked by an administrator (e.g. a lost laptop)."""


class DeviceWiped(SyncError):
    """The center ordered this device to delete its local data."""


class UpgradeRequired(SyncError):
    """The server no longer serves this client's protocol or schema version."""


class ServerUnavailable(SyncError):
    retryable = True


class CertificateUntrusted(SyncError):
    """The server's TLS certificate did not verify (the message says how to trust a college's CA)."""


class ProtocolViolation(SyncError):
    """The server answered something this client cannot read."""


class InsecureServer(SyncError):
    """The address is http:// on a host other than this computer (clear text on the network)."""


class CertificateMismatch(SyncError):
    """The server's certificate is not the one pinned at login (sync.certificate_pin)."""


def _checked_address(server_url: str) -> str:
    problem = address_problem(server_url)
    if problem is not None:
        raise InsecureServer(problem)
    return server_url


class RequestRefused(ProtocolViolation):
    """The server refused a request for good: a 4xx answer that sending it again cannot change (this
    client asks for something this server does not accept).  Nothing local is dropped; a later sync,
    after an upgrade of the app or a fix on the server, carries on where this one stopped."""

    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def _refused(what: str, error: RequestRefused) -> RequestRefused:
    """The user's sentence for a refused request: what was refused, why, that nothing is lost, what next."""
    return RequestRefused(
        f"服务器不接受本机的{what}请求（{error}），重试也无法解决，同步已停在这一步。"
        "本机数据和尚未发送的修改都已保留；请将本软件升级到最新版本，或请管理员检查中心服务器，"
        "之后再次同步会从这里继续。",
        status=error.status,
        code=error.code,
    )


@dataclass
class Progress:
    # "upload" | "push" | "pull" | "backfill" | "download" | "repair" (done: records or bytes);
    # "students": students that entered scope whose history has been fetched, of ``total`` pending;
    # "leave": students that left scope purged so far.
    stage: str
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
    attachments_uploaded: int = 0
    attachments_downloaded: int = 0
    held: dict[str, str] = field(default_factory=dict)  # op id -> why it waits (its attachment)
    # op id -> why it waits for the server's upgrade (fields the server's older schema lacks, §2a)
    awaiting_upgrade: dict[str, str] = field(default_factory=dict)
    recovered: int = 0  # records re-sent after a server restore (protocol §8a)


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
    chunk_bytes: int = MAX_CHUNK_BYTES  # attachment upload chunk (the server's body limit must allow it)


def login(
    server_url: str,
    *,
    username: str,
    password: str,
    device_id: str,
    device_name: str = "",
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
    schema: int = SCHEMA_VERSION,
    aggregate_only: bool = False,
) -> LoginResponse:
    """Log in and register this device; returns its token (keep it in the OS keyring or the store).

    ``aggregate_only``: the device holds no student record and reads the center's figures instead
    (a school-center laptop; the server refuses it for other roles, protocol §6b).

    ``tls`` is the context for https (certificates verified; e.g. one with a certificate pin, or one that
    also trusts a college's own CA: ``sync.college_ca.ssl_context``).
    """
    verify: ssl.SSLContext | bool = tls if tls is not None else True
    with httpx.Client(
        base_url=_checked_address(server_url),
        headers=VERSION_HEADERS,
        transport=transport,
        timeout=30,
        verify=verify,
        **redirects.client_options(),
    ) as http:
        try:
            http.headers[SCHEMA_HEADER] = str(_spoken_schema(http, schema))
            response = http.post(
                "/auth/login",
                json={
                    "username": username,
                    "password": password,
                    "device_id": device_id,
                    "device_name": device_name,
                    # sent only when asked for: a server from before the mode refuses unknown fields
                    **({"aggregate_only": True} if aggregate_only else {}),
                },
            )
        except redirects.RedirectRefused as error:
            raise ProtocolViolation(str(error)) from None
        except httpx.TransportError as error:
            _raise_if_untrusted(error)
            raise ServerUnavailable(f"无法连接服务器：{type(error).__name__}") from None
        except CertificateChanged as error:
            raise CertificateMismatch(str(error)) from None
        raise_for_error(response)
        return LoginResponse.model_validate_json(response.content)


def _spoken_schema(http: httpx.Client, own: int) -> int:
    """The schema to speak with this server (§2a): a client of the first schema asks nothing; a newer
    one asks the server's window and speaks the highest version both know."""
    if own <= FIRST_SCHEMA:
        return own
    response = http.get("/health")
    raise_for_error(response)
    health = HealthResponse.model_validate_json(response.content)
    if own < health.schema_min:
        raise UpgradeRequired("中心服务器已不再支持本软件的数据版本，请将本软件升级到最新版本")
    return min(own, health.schema_max)


def error_of(response: httpx.Response) -> tuple[str, str]:
    try:
        detail = response.json()["error"]
        return str(detail["code"]), str(detail["message"])
    except (ValueError, KeyError, TypeError):
        return "", f"服务器返回错误（HTTP {response.status_code}）"


def _raise_if_untrusted(error: Exception) -> None:
    problem = college_ca.certificate_problem(error)
    if problem is not None:
        raise CertificateUntrusted(college_ca.untrusted_message(problem)) from None


def raise_for_error(response: httpx.Response) -> None:
    if 300 <= response.status_code < 400:
        raise ProtocolViolation(
            f"服务器返回了无法处理的跳转（HTTP {response.status_code}），请检查中心服务器地址是否正确"
        )
    if response.status_code < 400:
        return
    code, message = error_of(response)
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
    raise RequestRefused(message, status=response.status_code, code=code)


def upgrade_reason(fields: list[str]) -> str:
    """Why an op waits in the outbox: fields the server's older schema does not have (§2a)."""
    return f"含有中心服务器尚不支持的字段（{'、'.join(fields)}），待中心服务器升级后发送"


def upgrade_notice(count: int) -> str:
    """The user's sentence for ops that wait for the server's upgrade (Chinese)."""
    return (
        f"{count} 项修改含有中心服务器尚不支持的新字段，已保留在本机待发送（不会丢失）；"
        "请联系管理员将中心服务器升级到最新版本，升级后再次同步即可发送"
    )


@dataclass(frozen=True)
class _Fetched:
    """A prefetched pull page: its bytes, and the page read as a typed one (None: not read so, or not
    readable so; it is then read the usual way)."""

    data: bytes
    fresh: FreshPage | None


class _CursorExpired(Exception):
    """The server expired this cursor's tombstones: a replacement sync is due."""


class _ServerRestored(Exception):
    """The server was restored from a backup: re-send what it lacks, then pull afresh (§8a)."""


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
        tls: ssl.SSLContext | None = None,
        schema: int = SCHEMA_VERSION,
    ) -> None:
        _checked_address(server_url)
        self.replica = replica
        self._own_schema = schema  # the newest schema this client knows
        self._schema = schema  # the one spoken with this server (``_negotiate``)
        self._upgrade_records: set[str] = set()  # records whose ops wait for the server's upgrade
        self.settings = settings or EngineSettings()
        self._progress = progress
        self._cancel = cancel or threading.Event()
        self._rng = rng or random.Random()
        timeout = httpx.Timeout(self.settings.stall_timeout, connect=self.settings.connect_timeout)
        headers = {**VERSION_HEADERS, SCHEMA_HEADER: str(schema), "Authorization": f"Bearer {token}"}
        verify: ssl.SSLContext | bool = tls if tls is not None else True
        if transport is None:
            transport = httpx.HTTPTransport(verify=verify)
        if isinstance(transport, httpx.HTTPTransport):
            transport = keepalive.KeepAliveRetry(transport)
        self._http = httpx.Client(
            base_url=server_url,
            headers=headers,
            timeout=timeout,
            transport=transport,
            verify=verify,
            **redirects.client_options(),
        )
        self._attachments_ready: set[str] = set()
        self._attachments_failed: dict[str, str] = {}
        self._downloads_failed: set[str] = set()
        self._seen = 0  # ``ReplicaState.seen``, read at the start of each sync
        self._set_aside: set[Backfill] = set()  # backfill pieces the server refused in this sync
        self._refusal: RequestRefused | None = None  # why, told when the sync ends

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
        return self._call("POST", path, model, json=body)

    def _call(self, method: str, path: str, model: type[M], **request: Any) -> M:
        return self._retrying(lambda: model.model_validate_json(self._send(method, path, **request).content))

    def _send(self, method: str, path: str, **request: Any) -> httpx.Response:
        """One request; raises the typed error of an error answer."""
        response = self._http.request(method, path, **request)
        if response.status_code == 410:
            raise _CursorExpired()
        if response.status_code == 409 and error_of(response)[0] == ErrorCode.SERVER_RESTORED:
            raise _ServerRestored()
        raise_for_error(response)
        return response

    def _retrying(self, attempt_once: Callable[[], T]) -> T:
        delay = self.settings.backoff_base
        for attempt in range(self.settings.attempts):
            self._check_cancel()
            try:
                return attempt_once()
            except (httpx.TransportError, ServerUnavailable, ValidationError) as error:
                _raise_if_untrusted(error)  # retrying cannot help: the user must trust the CA
                if attempt == self.settings.attempts - 1:
                    if isinstance(error, ServerUnavailable):
                        raise
                    raise ServerUnavailable(f"与服务器的连接中断（{type(error).__name__}）") from None
                delay = self._pause(delay)
        raise ServerUnavailable("服务器暂时无法访问")

    def _pause(self, delay: float) -> float:
        """Wait a random time up to ``delay`` (full jitter); returns the next, doubled delay."""
        pause = self._rng.uniform(0, min(self.settings.backoff_cap, delay))
        self._log("warning", f"请求中断，{pause:.1f} 秒后重试")
        if self._cancel.wait(pause):
            raise SyncCancelled() from None
        return delay * 2

    # -- the sync ---------------------------------------------------------------------------------
    def sync(self) -> SyncReport:
        report = SyncReport()
        self._attachments_ready = set()  # on the server (checked or uploaded in this sync)
        self._attachments_failed = {}  # hash -> why it could not be uploaded (not retried this sync)
        self._downloads_failed = set()
        self._set_aside = set()
        self._refusal = None
        self._seen = self.replica.state().seen
        self._upgrade_records = set()
        try:
            self._negotiate()
            try:
                self._exchange(report)
            except _ServerRestored:
                self._recover_after_restore(report)
                self._exchange(report)
        except redirects.RedirectRefused as error:
            self._log("error", str(error))
            raise ProtocolViolation(str(error)) from None
        except DeviceWiped:
            self.replica.wipe()
            self._log("error", "管理员已要求清除本机数据，本地数据已删除")
            raise
        except CertificateChanged as error:
            self._log("error", str(error))
            raise CertificateMismatch(str(error)) from None
        except SyncError as error:
            self._log("error", str(error))
            raise
        report.finished_at = datetime.now(UTC)
        self._log(
            "info",
            f"同步完成：推送 {sum(report.pushed.values())} 项，拉取 {report.pulled_records} 条，"
            f"冲突 {report.conflicts_received} 个",
        )
        if report.held:
            self._log("warning", f"{len(report.held)} 项修改因附件未能上传而暂缓发送，下次同步时重试")
        if report.awaiting_upgrade:
            self._log("warning", upgrade_notice(len(report.awaiting_upgrade)))
        return report

    def _negotiate(self) -> None:
        """Agree on the schema with the server (§2a): a client that knows fields newer than the first
        schema asks the server's window and speaks the highest version both know.  (A client of the first
        schema has nothing to agree on and asks nothing.)"""
        self._schema = self._retrying(lambda: _spoken_schema(self._http, self._own_schema))
        self._http.headers[SCHEMA_HEADER] = str(self._schema)

    def _exchange(self, report: SyncReport) -> None:
        self._push_all(report)
        with gc_paused():
            self._pull_all(report)
        self._download_attachments(report)
        self._push_all(report)  # the outbox may have grown while pulling
        if self._refusal is not None:
            raise self._refusal  # the rest is done; the refused backfill stays pending
        if self.settings.check_digest:
            try:
                self._check_digest(report)
            except RequestRefused as error:
                raise _refused("数据校验", error) from None

    def _push_all(self, report: SyncReport) -> None:
        after = 0
        total: int | None = None
        done = 0
        held_records: set[str] = set()  # a record whose op waits for its attachment: its later ops wait too
        while True:
            self._check_cancel()
            whole = self.replica.outbox_batch(
                after=after, max_ops=self.settings.batch_ops, max_bytes=self.settings.batch_bytes
            )
            if not whole:
                return
            if total is None:
                total = self.replica.pending_count()
            batch = self._ready_ops(whole, held_records, report)
            if not batch:
                after = whole[-1].position
                done += len(whole)
                continue
            body = {
                "device_id": self.replica.device_id,
                "ops": [self._wire(pending.op) for pending in batch],
                **self._position(),  # lets the server see a restore before any op is numbered (§8a)
            }
            try:
                response = self._post("/sync/push", body, PushResponse)
            except RequestRefused as error:
                raise _refused("推送修改", error) from None
            if response.horizon > self._seen:
                self._seen = response.horizon
                self.replica.note_seen(response.horizon)
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
            after = whole[-1].position
            done += len(whole)
            self._report("push", done, total)

    # -- after a server restore (protocol §8a) -------------------------------------------------------
    def _recover_after_restore(self, report: SyncReport) -> None:
        """Re-send every record this device holds that the restored server lacks (whole records, one
        op each, idempotent by op id), then forget the cursor so the sync pulls afresh."""
        self._log("warning", "中心服务器已从备份恢复，正在补发服务器缺少的数据")
        info = self._post("/sync/epoch", {"device_id": self.replica.device_id}, EpochInfo)
        ops = self.replica.prepare_recovery(since=info.since, epoch=info.epoch)
        for start in range(0, len(ops), self.settings.batch_ops):
            self._check_cancel()
            batch = [PendingOp(0, op, 0) for op in ops[start : start + self.settings.batch_ops]]
            for pending in batch:
                for ref in refs_in_fields(pending.op.fields, pending.op.student_id):
                    self._ensure_uploaded(ref, report)  # sent even without it: the record matters more
            results = self._push_recovered([pending.op for pending in batch])
            if any(result.status is OpStatus.REJECTED and result.retryable for result in results):
                raise ServerUnavailable("服务器暂时无法接收补发的数据，请稍后再同步")
            self.replica.record_results(list(zip(batch, results, strict=True)))
            for result in results:
                if result.status is OpStatus.REJECTED:
                    report.quarantined += 1
            self._report("push", start + len(batch), len(ops))
        self.replica.finish_recovery(since=info.since)
        self._seen = 0
        report.recovered += len(ops)
        self._log("info", f"已补发 {len(ops)} 条服务器缺少的记录，正在重新下载全部数据")

    def _position(self) -> dict[str, Any]:
        return {"cursor": self.replica.state().cursor, "seen": self._seen}

    def _wire(self, op: Op) -> dict[str, Any]:
        """An op as sent: in the schema agreed with this server."""
        return op.model_copy(update={"schema_version": self._schema}).model_dump(mode="json", by_alias=True)

    def _push_recovered(self, ops: list[Op]) -> list[OpResult]:
        body = {
            "device_id": self.replica.device_id,
            "ops": [self._wire(op) for op in ops],
        }
        response = self._post("/sync/push", body, PushResponse)
        if len(response.results) != len(ops):
            raise ProtocolViolation("服务器返回的结果数与推送数不符")
        return response.results

    # -- attachments ------------------------------------------------------------------------------
    def _ready_ops(
        self, batch: list[PendingOp], held_records: set[str], report: SyncReport
    ) -> list[PendingOp]:
        """The ops of a batch that may be sent: every attachment they reference is on the server
        (uploaded now when needed).  The others stay in the outbox with the reason they wait."""
        ready: list[PendingOp] = []
        held: list[tuple[PendingOp, str]] = []
        for pending in batch:
            op = pending.op
            newer = newer_fields(op.record_type, op.fields, self._schema)
            if newer or op.record_id in self._upgrade_records:
                # The server's schema lacks these fields: the op waits for its upgrade (§2a), and so do
                # later ops of the same record (they build on it).
                waiting = upgrade_reason(newer) if newer else "同一记录的前一项修改正在等待中心服务器升级"
                held.append((pending, waiting))
                held_records.add(op.record_id)
                self._upgrade_records.add(op.record_id)
                report.awaiting_upgrade[op.op_id] = waiting
                continue
            reason = "同一记录的前一项修改正在等待发送" if op.record_id in held_records else None
            if reason is None:
                for ref in refs_in_fields(op.fields, op.student_id):
                    reason = self._ensure_uploaded(ref, report)
                    if reason is not None:
                        reason = f"等待附件上传：{reason}"
                        break
            if reason is None:
                ready.append(pending)
            else:
                held.append((pending, reason))
                held_records.add(op.record_id)
                report.held[op.op_id] = reason
        if held:
            self.replica.hold_ops(held)
        return ready

    def _ensure_uploaded(self, ref: AttachmentRef, report: SyncReport) -> str | None:
        """None once the server holds the attachment; else why it cannot be uploaded (Chinese)."""
        if ref.sha256 in self._attachments_ready:
            return None
        if ref.sha256 in self._attachments_failed:
            return self._attachments_failed[ref.sha256]
        reason: str | None
        if not self.replica.unsent_attachments([ref.sha256]):
            reason = None  # this device uploaded or downloaded it before
        else:
            reason = self._upload(ref)
            if reason is None:
                report.attachments_uploaded += 1
        if reason is None:
            self._attachments_ready.add(ref.sha256)
        else:
            self._attachments_failed[ref.sha256] = reason
            self._log("warning", f"附件未能上传：{reason}")
        return reason

    def _upload(self, ref: AttachmentRef) -> str | None:
        data = self.replica.attachment_data(ref.sha256)
        if data is None:
            # Not kept here (a photo added on another device): enough when the server has it.
            status = self._attachment_status(ref.sha256)
            if status is not None and status.complete:
                return None
            return "本机没有该附件的内容，服务器上也没有"
        if sha256_hex(data) != ref.sha256 or len(data) != ref.size:
            return "本机保存的附件内容与记录中的摘要不符"
        if ref.student_id is None:
            return "附件未关联学生"
        init = {"sha256": ref.sha256, "size": len(data), "student_id": ref.student_id}
        chunk = max(1, min(self.settings.chunk_bytes, MAX_CHUNK_BYTES))
        mismatches = 0
        delay = self.settings.backoff_base
        failures = 0
        while True:
            self._check_cancel()
            try:
                # Where the server stands: a cut upload resumes where the server stopped receiving.
                status = self._send_model("POST", "/attachments", AttachmentStatus, json=init)
                while not status.complete:
                    self._check_cancel()
                    offset = status.received
                    response = self._http.put(
                        f"/attachments/{ref.sha256}",
                        params={"offset": offset},
                        content=data[offset : offset + chunk],
                        headers={"Content-Type": "application/octet-stream"},
                    )
                    code, _message = error_of(response) if response.status_code >= 400 else ("", "")
                    if code == ErrorCode.HASH_MISMATCH:
                        # The server checked the whole upload, found it damaged and discarded it.
                        mismatches += 1
                        self._log("warning", "附件在传输中损坏，服务器已拒收，正在重新发送")
                        if mismatches >= 3:
                            return "附件多次传输损坏，服务器拒收"
                        break
                    if code == ErrorCode.BAD_REQUEST:
                        # Out of step with the server (a cut after it stored a chunk): ask again.
                        failures += 1
                        if failures >= self.settings.attempts:
                            return "附件上传与服务器不同步"
                        break
                    raise_for_error(response)
                    status = AttachmentStatus.model_validate_json(response.content)
                    self._report("upload", status.received, status.size)
                else:
                    self.replica.mark_attachments_uploaded([ref.sha256])
                    return None
            except ProtocolViolation as error:
                return str(error)  # refused for good (not found / out of scope, forbidden, mismatch)
            except (httpx.TransportError, ServerUnavailable, ValidationError) as error:
                failures += 1
                if failures >= self.settings.attempts:
                    if isinstance(error, ServerUnavailable):
                        raise
                    raise ServerUnavailable(f"与服务器的连接中断（{type(error).__name__}）") from None
                delay = self._pause(delay)

    def _send_model(self, method: str, path: str, model: type[M], **request: Any) -> M:
        content = self._send(method, path, **request).content
        with gc_paused():  # a pull page: thousands of records (sync/gc_pause.py)
            return model.model_validate_json(content)

    def _attachment_status(self, sha256: str) -> AttachmentStatus | None:
        try:
            return self._call("GET", f"/attachments/{sha256}/status", AttachmentStatus)
        except ProtocolViolation:
            return None

    def _download_attachments(self, report: SyncReport) -> None:
        """Fetch the attachments of records in scope that are not kept here (checked by hash)."""
        missing = [
            ref for ref in self.replica.missing_attachments() if ref.sha256 not in self._downloads_failed
        ]
        for number, ref in enumerate(missing, start=1):
            self._check_cancel()
            data = self._download(ref)
            if data is None:
                self._downloads_failed.add(ref.sha256)
                continue
            self.replica.store_attachment(ref, data)
            report.attachments_downloaded += 1
            self._report("download", number, len(missing))

    def _fetch_part(self, sha256: str, offset: int) -> httpx.Response:
        return self._send("GET", f"/attachments/{sha256}", params={"offset": offset})

    def _download(self, ref: AttachmentRef) -> bytes | None:
        for _ in range(2):  # a damaged download is fetched once more
            received = bytearray()
            total = ref.size
            while len(received) < total:
                offset = len(received)
                try:
                    response = self._retrying(functools.partial(self._fetch_part, ref.sha256, offset))
                except ProtocolViolation:
                    self._log("info", "有附件尚未上传到服务器，下次同步时再取")
                    return None
                total = int(response.headers.get("X-Total-Size", ref.size))
                if not response.content or total != ref.size:
                    break
                received += response.content
            if len(received) == ref.size and sha256_hex(bytes(received)) == ref.sha256:
                return bytes(received)
            self._log("warning", "下载的附件与摘要不符，已丢弃")
        return None

    def _pull_all(self, report: SyncReport) -> None:
        state = self.replica.state()
        if state.leaving or state.backfills:
            self._finish_scope_changes(report, state.leaving)
            self._run_backfills(report)
            state = self.replica.state()
        cursor = state.cursor
        # While a page is being applied locally, the next one is already on its way (one ahead).  The
        # prefetch only fetches over HTTP and parses: it never writes to the replica (no log line, no
        # retry pause), so every write of the sync happens on this thread, in this order.  A prefetch
        # that failed in any way is fetched again here, with the retries and their log lines.
        #
        # Bulk pages (a first sync) are read straight into records (sync/typed_page.py) while the
        # previous page commits: the prefetch waits for ``committing`` before it parses, because
        # parsing beside this thread's SQLCipher writes would make every written row wait for the GIL
        # (they give it up row by row); a commit gives it up once, for its whole length.
        committing = threading.Event()
        typed = True  # read pages as typed ones while that works (it stops at the first that does not)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="jiafang-pull") as ahead:
            upcoming: Future[_Fetched] | None = None
            while True:
                self._check_cancel()
                fetched = upcoming.result() if upcoming is not None and upcoming.exception() is None else None
                upcoming = None
                fresh = fetched.fresh if fetched is not None else None
                if fresh is not None:
                    page: PullPage | FreshPage = fresh
                else:
                    try:
                        page = self._parsed_page(fetched, cursor)
                    except _CursorExpired:
                        self._log("warning", "本机同步进度过旧，进行完整重新同步")
                        self.replica.reset_cursor()
                        cursor = None
                        continue
                    typed = typed and fetched is None  # a prefetched page the typed read refused
                committing.clear()
                if page.more and not page.scope:
                    upcoming = ahead.submit(self._fetch_page, page.cursor, committing if typed else None)
                try:
                    if fresh is None or not self.replica.apply_fresh_page(fresh, committing.set):
                        if fresh is not None:
                            typed = False  # records this replica holds already: the usual way from here
                            page = self._parsed_page(fetched, cursor)
                        assert isinstance(page, PullPage)
                        self.replica.apply_page(page)
                finally:
                    committing.set()
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

    def _parsed_page(self, fetched: _Fetched | None, cursor: str | None) -> PullPage:
        """The prefetched page read the usual way when its fetch succeeded, else the page fetched now
        (with retries)."""
        if fetched is not None:
            try:
                with gc_paused():
                    return PullPage.model_validate_json(fetched.data)
            except ValidationError:
                pass  # fetched again below, where a bad answer is reported
        return self._pull_page(cursor)

    def _pull_body(self, cursor: str | None) -> dict[str, Any]:
        body = {"device_id": self.replica.device_id, "cursor": cursor, "limit": self.settings.page_limit}
        return {**body, "seen": self._seen, "epochs": True}  # restore detection and epoch cursors (§8a)

    def _fetch_page(self, cursor: str | None, committing: threading.Event | None) -> _Fetched:
        """One attempt, nothing else: what the prefetch thread runs (it must not touch the replica).
        With ``committing``, the page is also read as a typed one once that event is set."""
        data = self._send("POST", "/sync/pull", json=self._pull_body(cursor)).content
        if committing is None:
            return _Fetched(data, None)
        committing.wait()
        with gc_paused():
            return _Fetched(data, parse_fresh_page(data))

    def _pull_page(self, cursor: str | None) -> PullPage:
        try:
            return self._post("/sync/pull", self._pull_body(cursor), PullPage)
        except RequestRefused as error:
            raise _refused("拉取更新", error) from None

    def _run_backfills(self, report: SyncReport) -> None:
        """Fetch the older records of students that entered scope, in requests the server accepts (at
        most ``MAX_BACKFILL_STUDENTS`` students each).  Each page is stored with its progress, so a cut
        sync resumes at the page where it stopped.  A piece the server refuses for good stays pending
        and is set aside for the rest of this sync, which goes on and then says so."""
        pieces = split_backfills(self.replica.state().backfills, MAX_BACKFILL_STUDENTS)
        pieces = [piece for piece in pieces if piece not in self._set_aside]
        total = sum(len(piece.student_ids) for piece in pieces)
        done = 0
        for piece in pieces:
            current = piece
            while True:
                self._check_cancel()
                body = {
                    "device_id": self.replica.device_id,
                    "student_ids": list(current.student_ids),
                    "upto": current.upto,
                    "after": current.after,
                    "limit": self.settings.page_limit,
                }
                try:
                    page = self._post("/sync/backfill", body, BackfillPage)
                except RequestRefused as error:
                    self._set_aside.add(current)
                    self._refusal = _refused("补发学生历史记录", error)
                    break
                self.replica.apply_backfill(current, page)
                report.pulled_records += len(page.records)
                report.conflicts_received += len(page.conflicts)
                self._report("backfill", report.pulled_records, None)
                if not page.more:
                    break
                current = Backfill(current.student_ids, current.upto, page.after)
            done += len(piece.student_ids)
            self._report("students", done, total)

    def _finish_scope_changes(self, report: SyncReport, leaving: list[str]) -> None:
        """Students reassigned away: push what is left for them, then purge them locally."""
        if not leaving:
            return
        self._push_all(report)
        purge = self.replica.purge_students(list(leaving))
        report.left += list(leaving)
        self._report("leave", len(report.left), None)
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
