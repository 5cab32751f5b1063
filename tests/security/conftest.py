"""The security suite runs against the same real servers as tests/sync/server (uvicorn on 127.0.0.1,
SQLite and PostgreSQL), with the same fixtures."""

from __future__ import annotations

from tests.sync.server.conftest import _cheap_passwords, college, live_server, server

__all__ = ["_cheap_passwords", "college", "live_server", "server"]
