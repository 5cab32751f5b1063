"""Prometheus metrics: requests and their durations by route (the sync endpoints among them), ops by
result, login failures, database pool use; and, read from the database at each scrape, devices and open
conflicts.

Several server processes: every process counts in its own files under ``PROMETHEUS_MULTIPROC_DIR``
(prometheus_client's multiprocess mode; the systemd unit sets it to one folder shared by all instances
on the machine) and whichever process answers a scrape adds them all up, so a scrape through the load
balancer sees the whole machine, not one process.  Counters of processes that have ended stay in the
total (they are counts since the folder was made, at boot); the pool gauge counts live processes only.
Figures that belong to the database rather than to a process (devices, conflicts) are read from it at
scrape time, so they are right however many processes or machines there are.
"""

from __future__ import annotations

import os
import time
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import OpResult
from sync.server.database import Database
from sync.server.models import ConflictRow, Device

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter("jiafang_http_requests", "HTTP requests answered", ["method", "route", "status"])
DURATION = Histogram(
    "jiafang_http_request_duration_seconds",
    "Time to answer a request, by route (the /sync/… routes are the sync steps)",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
OPS = Counter("jiafang_sync_ops", "Pushed ops by result", ["result"])
LOGIN_FAILURES = Counter("jiafang_login_failures", "Refused logins", ["reason"])
POOL_IN_USE = Gauge(
    "jiafang_db_pool_connections_in_use", "Database connections checked out", multiprocess_mode="livesum"
)
POOL_CAPACITY = Gauge(
    "jiafang_db_pool_connections_max", "Connections the processes may open", multiprocess_mode="livesum"
)


def multiprocess_mode() -> bool:
    return bool(os.environ.get(MULTIPROC_ENV))


def count_ops(results: list[OpResult]) -> None:
    for result in results:
        OPS.labels(result.status.value).inc()


def login_failed(reason: str) -> None:
    LOGIN_FAILURES.labels(reason).inc()


def watch_pool(engine: Engine, capacity: int) -> None:
    """Count connections in use through the pool's own checkout and checkin events."""
    POOL_CAPACITY.set(capacity)

    @event.listens_for(engine, "checkout")
    def _checkout(*_args: Any) -> None:
        POOL_IN_USE.inc()

    @event.listens_for(engine, "checkin")
    def _checkin(*_args: Any) -> None:
        POOL_IN_USE.dec()


def process_ended() -> None:
    """Drop this process's live gauges from the shared folder (its counters stay in the totals)."""
    if multiprocess_mode():
        multiprocess.mark_process_dead(os.getpid())


class _DatabaseFigures(Collector):
    def __init__(self, database: Database) -> None:
        self.database = database

    def collect(self) -> Any:
        def read(session: Session) -> tuple[int, int, int]:
            devices = session.scalar(
                select(func.count()).select_from(Device).where(Device.revoked_at.is_(None))
            )
            revoked = session.scalar(
                select(func.count()).select_from(Device).where(Device.revoked_at.is_not(None))
            )
            conflicts = session.scalar(
                select(func.count()).select_from(ConflictRow).where(ConflictRow.status == "open")
            )
            return int(devices or 0), int(revoked or 0), int(conflicts or 0)

        devices, revoked, conflicts = self.database.run(read)
        family = GaugeMetricFamily("jiafang_devices", "Registered devices", labels=["state"])
        family.add_metric(["active"], devices)
        family.add_metric(["revoked"], revoked)
        yield family
        yield GaugeMetricFamily("jiafang_open_conflicts", "Conflicts awaiting review", value=conflicts)


def render(database: Database) -> tuple[bytes, str]:
    """The exposition text: every process's figures (multiprocess mode) or this one's, and the
    database's."""
    if multiprocess_mode():
        processes = CollectorRegistry()
        multiprocess.MultiProcessCollector(processes)
        text = generate_latest(processes)
    else:
        from prometheus_client import REGISTRY

        text = generate_latest(REGISTRY)
    figures = CollectorRegistry()
    figures.register(_DatabaseFigures(database))
    return text + generate_latest(figures), CONTENT_TYPE_LATEST


class RequestMetrics:
    """Pure ASGI middleware: counts each HTTP request by method, route template and status, and times it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            DURATION.labels(route).observe(time.perf_counter() - start)
