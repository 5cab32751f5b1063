"""Resending an idempotent request once when the server closed the kept-alive connection it went out on.

A server closes an idle kept-alive connection after its keep-alive timeout (or when a worker restarts);
if the client sends its next request on that connection just as it closes, the request fails at once
(``RemoteProtocolError``: disconnected without a response, ``ReadError``/``WriteError``: reset) although
the server is fine.  For requests that may be sent twice — pull, digest, push (the server recognises a
push's ops by their op ids and answers a repeat with ``duplicate``) and any GET — the transports here
send the request again on a fresh connection, once and without a pause, so the user never sees it.
Requests that went out on a fresh connection, and other requests, fail as before (the engine's own
retries with backoff handle those).
"""

from __future__ import annotations

from typing import Any

import httpx

# POSTs whose repetition changes nothing (protocol §4–§7): the path ends with one of these.
IDEMPOTENT_POSTS = ("/sync/pull", "/sync/digest", "/sync/push")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CLOSED = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


def idempotent(request: httpx.Request) -> bool:
    """Whether ``request`` may be sent a second time."""
    if request.method in _SAFE_METHODS:
        return True
    return request.method == "POST" and request.url.path.endswith(IDEMPOTENT_POSTS)


def _has_idle_connection(transport: Any) -> bool:
    """Whether the pool holds an idle connection the next request will be sent on."""
    pool = getattr(transport, "_pool", None)
    connections = getattr(pool, "connections", ())
    return any(connection.is_idle() for connection in connections)


class KeepAliveRetry(httpx.BaseTransport):
    """Wraps an ``httpx.HTTPTransport``: resends an idempotent request cut on a reused connection."""

    def __init__(self, inner: httpx.HTTPTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        may_resend = idempotent(request) and _has_idle_connection(self._inner)
        try:
            return self._inner.handle_request(request)
        except _CLOSED:
            if not may_resend:
                raise
        request.read()
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


class AsyncKeepAliveRetry(httpx.AsyncBaseTransport):
    """The same for ``httpx.AsyncClient`` (wraps an ``httpx.AsyncHTTPTransport``)."""

    def __init__(self, inner: httpx.AsyncHTTPTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        may_resend = idempotent(request) and _has_idle_connection(self._inner)
        try:
            return await self._inner.handle_async_request(request)
        except _CLOSED:
            if not may_resend:
                raise
        await request.aread()
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()
