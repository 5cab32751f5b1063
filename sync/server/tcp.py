"""HTTP/1.1 connections with TCP_NODELAY.

With ``--workers`` uvicorn listens on a socket it made itself (protocol number 0), and asyncio only
turns Nagle's algorithm off for sockets marked as TCP: every small response then waited ~40 ms for a
delayed ACK.  This protocol sets TCP_NODELAY on each connection explicitly.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
