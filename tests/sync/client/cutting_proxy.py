"""A TCP proxy that cuts connections at chosen byte offsets, in either direction."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Cut:
    direction: str  # "up" (client to server) or "down" (server to client)
    offset: int


@dataclass
class CuttingProxy:
    upstream: tuple[str, int]
    plan: deque[Cut | None] = field(default_factory=deque)
    cuts_made: int = 0
    _server: socket.socket = field(init=False)
    _threads: list[threading.Thread] = field(default_factory=list)
    _closed: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> str:
        self._server = socket.create_server(("127.0.0.1", 0))
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return f"http://127.0.0.1:{self._server.getsockname()[1]}"

    def close(self) -> None:
        self._closed.set()
        self._server.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                cut = self.plan.popleft() if self.plan else None
            upstream = socket.create_connection(self.upstream)
            state = {"open": True}
            for source, target, direction in ((client, upstream, "up"), (upstream, client, "down")):
                limit = cut.offset if cut is not None and cut.direction == direction else None
                pump = threading.Thread(
                    target=self._pump, args=(source, target, limit, client, upstream, state), daemon=True
                )
                pump.start()

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        limit: int | None,
        client: socket.socket,
        upstream: socket.socket,
        state: dict[str, bool],
    ) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    target.sendall(data[: limit - sent])
                    with self._lock:
                        self.cuts_made += 1
                    break
                target.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            if state["open"]:
                state["open"] = False
                for sock in (client, upstream):
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                    sock.close()
