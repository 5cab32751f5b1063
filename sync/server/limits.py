"""Admission of a request before any route runs: its token, then its size.

A request to an authenticated endpoint whose bearer token is missing or unknown is refused with 401
*before a byte of its body is read* (a stranger cannot make the server buffer and parse megabytes); a
known token is remembered for a short while so the check costs no query on a busy device's next request.
Revoked, wiped and expired tokens are let through to the route, which answers them precisely (a wiped
device must learn of its wipe).  Public endpoints (health, login, the API documents) take small bodies
only; bodies larger than the setting are refused with 413.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import ErrorCode
from sync.server.auth import bearer_token, token_expired, token_hash
from sync.server.database import Database
from sync.server.errors import error_response
from sync.server.models import Device
from sync.server.models.base import utcnow

PUBLIC_PATHS = frozenset(
    {"/health", "/auth/login", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/metrics"}
)
# A login is a user name, a password and a device: a few hundred bytes.
PUBLIC_MAX_BYTES = 16 * 1024
_REMEMBER_SECONDS = 30.0
_REMEMBER_MOST = 10_000

TokenCheck = Callable[[str], Awaitable[bool]]


class KnownTokens:
    """Whether a token hash belongs to a device (any state) and has not expired; positive answers cached."""

    def __init__(self, database: Database, ttl_days: int) -> None:
        self.database = database
        self.ttl_days = ttl_days
        self._known: dict[str, float] = {}

    async def __call__(self, hashed: str) -> bool:
        now = time.monotonic()
        until = self._known.get(hashed)
        if until is not None and until > now:
            return True
        known = await run_in_threadpool(self._lookup, hashed)
        if known:
            if len(self._known) >= _REMEMBER_MOST:
                self._known.clear()
            self._known[hashed] = now + _REMEMBER_SECONDS
        return known

    def _lookup(self, hashed: str) -> bool:
        def work(session: Any) -> bool:
            row = session.execute(select(Device.last_seen_at).where(Device.token_hash == hashed)).first()
            return row is not None and not token_expired(row[0], utcnow(), self.ttl_days)

        return self.database.run(work)


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, token_check: TokenCheck | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.token_check = token_check

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        public = scope.get("path", "") in PUBLIC_PATHS
        limit = min(self.max_bytes, PUBLIC_MAX_BYTES) if public else self.max_bytes
        if not public and self.token_check is not None:
            token = bearer_token(headers.get(b"authorization", b"").decode("latin-1"))
            if token is None or not await self.token_check(token_hash(token)):
                await self._refuse(scope, receive, send, ErrorCode.UNAUTHORIZED)
                return
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._refuse(scope, receive, send, ErrorCode.PAYLOAD_TOO_LARGE)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await self._refuse(scope, receive, send, ErrorCode.PAYLOAD_TOO_LARGE)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replay: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replayed() -> Message:
            if replay:
                return replay.pop()
            return await receive()

        await self.app(scope, replayed, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, code: ErrorCode) -> None:
        response: Any = error_response(code)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
