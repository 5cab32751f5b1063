"""Attack-style regression tests of issue 12: real SQLCipher stores, a real server on 127.0.0.1.

The live server is the desktop suite's (SQLite, one per session); the college fixture gives two
counselors, the centers and an administrator with the password ``tests.sync.server.conftest.PASSWORD``.
"""

from __future__ import annotations

from tests.desktop.sync_fixtures import _cheap_passwords, college, live_server, server

__all__ = ["_cheap_passwords", "college", "live_server", "server"]
