"""The store keeps one warm connection, whichever thread (or fresh thread state) asks for it."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.pool import QueuePool

from desktop.store.repositories import RosterFilter
from desktop.store.store import Store


def test_requests_from_new_threads_reuse_the_pooled_connection(store: Store) -> None:
    """A Qt worker gets a new Python thread state per slot call; that must not mean a new connection
    (each one starts with a cold page cache and keeps its own cache memory)."""
    opened: list[Any] = []
    event.listen(store.engine, "connect", lambda conn, record: opened.append(conn))

    def request() -> None:
        with store.session() as s:
            s.roster.count(RosterFilter())

    for _ in range(5):
        thread = threading.Thread(target=request)
        thread.start()
        thread.join()
    assert opened == []


def test_concurrent_sessions_get_their_own_connections(store: Store) -> None:
    inside = threading.Barrier(2)
    counts: list[int] = []

    def request() -> None:
        with store.session() as s:
            counts.append(s.roster.count(RosterFilter()))
            inside.wait()  # both sessions are open at the same time

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts == [0, 0]
    pool = store.engine.pool
    assert isinstance(pool, QueuePool) and pool.checkedout() == 0
