"""An idempotent request cut because the server closed its kept-alive connection is resent transparently.

The server here is a plain socket server on 127.0.0.1: it answers the first request of a connection
with a kept-alive response, then reads the next request on that connection and closes it without an
answer (as a server whose keep-alive timeout ran out just as the request arrived), either cleanly
(FIN) or with a reset (RST).  A new connection is answered again.
"""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from sync import keepalive
from sync.client import SyncEngine
from tests.helpers.memory_replica import MemoryReplica

BODY = b'{"ok":true}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    + str(len(BODY)).encode()
    + b"\r\nConnection: keep-alive\r\n\r\n"
    + BODY
)


def _read_request(conn: socket.socket) -> bytes | None:
    """One request (headers and a Content-Length body), or None when the client closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head.split(b"\r\n", 1)[0]


@dataclass
class ClosingServer:
    """Answers one request per connection, then closes the connection when the next request arrives."""

    reset: bool
    listener: socket.socket = field(default_factory=socket.socket)
    connections: int = 0
    answered: list[bytes] = field(default_factory=list)
    dropped: list[bytes] = field(default_factory=list)
    threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> str:
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        accepting = threading.Thread(target=self._accept, daemon=True)
        accepting.start()
        self.threads.append(accepting)
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def close(self) -> None:
        self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.listener.close()
        for thread in self.threads:
            thread.join(timeout=10)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            serving = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            serving.start()
            self.threads.append(serving)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            line = _read_request(conn)
            if line is None:
                return
            self.answered.append(line)
            conn.sendall(RESPONSE)
            line = _read_request(conn)
            if line is None:
                return
            self.dropped.append(line)
            if self.reset:
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


@pytest.fixture(params=[False, True], ids=["closed", "reset"])
def server(request: pytest.FixtureRequest) -> Iterator[ClosingServer]:
    closing = ClosingServer(reset=request.param)
    yield closing
    closing.close()


def _client(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, transport=keepalive.KeepAliveRetry(httpx.HTTPTransport()), timeout=10)


@pytest.mark.parametrize("path", ["/sync/pull", "/sync/digest", "/sync/push"])
def test_an_idempotent_post_on_a_closed_kept_alive_connection_is_resent(
    server: ClosingServer, path: str
) -> None:
    url = server.start()
    with _client(url) as client:
        assert client.post(path, json={"n": 1}).json() == {"ok": True}
        second = client.post(path, json={"n": 2})
    assert second.json() == {"ok": True}
    assert server.connections == 2
    assert server.dropped == [f"POST {path} HTTP/1.1".encode()]
    assert server.answered == [f"POST {path} HTTP/1.1".encode()] * 2


def test_a_get_is_resent_as_well(server: ClosingServer) -> None:
    url = server.start()
    with _client(url) as client:
        client.get("/health")
        assert client.get("/health").status_code == 200
    assert server.connections == 2


def test_a_request_that_is_not_idempotent_is_not_resent(server: ClosingServer) -> None:
    url = server.start()
    with _client(url) as client:
        client.post("/sync/pull", json={})
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            client.post("/auth/login", json={"username": "a"})
    assert server.connections == 1
    assert server.answered == [b"POST /sync/pull HTTP/1.1"]


def test_a_request_on_a_fresh_connection_is_not_resent(server: ClosingServer) -> None:
    url = server.start()
    # Without keep-alive every request opens its own connection: a cut there is the engine's to retry.
    inner = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    transport = keepalive.KeepAliveRetry(inner)
    with httpx.Client(base_url=url, transport=transport, timeout=10) as client:
        assert client.post("/sync/pull", json={}).status_code == 200
        assert client.post("/sync/pull", json={}).status_code == 200
    assert server.connections == 2
    assert server.dropped == []


def test_the_async_transport_resends_as_well(server: ClosingServer) -> None:
    url = server.start()

    async def two_pulls() -> object:
        transport = keepalive.AsyncKeepAliveRetry(httpx.AsyncHTTPTransport())
        async with httpx.AsyncClient(base_url=url, transport=transport, timeout=10) as client:
            await client.post("/sync/pull", json={})
            return (await client.post("/sync/pull", json={})).json()

    assert asyncio.run(two_pulls()) == {"ok": True}
    assert server.connections == 2


def test_the_sync_engine_sends_through_the_retrying_transport(server: ClosingServer) -> None:
    url = server.start()
    replica = MemoryReplica("device-1", "user-1")
    engine = SyncEngine(replica, url, "token")
    try:
        engine._http.post("/sync/digest", json={})
        assert engine._http.post("/sync/digest", json={}).json() == {"ok": True}
    finally:
        engine.close()
    assert server.connections == 2
