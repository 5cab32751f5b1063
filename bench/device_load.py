"""Many devices syncing at once, for bench/sync_bench.py: the devices are spread over several worker
processes, each running its share as asyncio tasks with one ``httpx.AsyncClient`` (one connection) per
device, so the load generator's own overhead (one GIL for 200 threads) does not inflate the latencies.

A device's sync sends what ``sync.client.SyncEngine.sync`` sends for a device with an empty outbox and
the digest check off: pull pages from its cursor until ``more`` is false, over the same transport
(``sync.keepalive``: a request cut on a kept-alive connection the server closed is resent once).  The same run against
``GET /health`` (one trivial query) gives the baseline.  Only 127.0.0.1; bounded rounds.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.keepalive import AsyncKeepAliveRetry

HEADERS = {"X-JiaFang-Protocol": "1", "X-JiaFang-Schema": "1"}


@dataclass(frozen=True)
class DeviceSpec:
    device_id: str
    token: str


@dataclass
class WorkerResult:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    first_start: float = 0.0
    last_end: float = 0.0


async def _pull_all(client: httpx.AsyncClient, device_id: str, cursor: str | None) -> str | None:
    for _ in range(1000):
        response = await client.post("/sync/pull", json={"device_id": device_id, "cursor": cursor})
        response.raise_for_status()
        page = response.json()
        cursor = page["cursor"]
        if not page["more"]:
            return cursor
    raise RuntimeError("pull did not end")


async def _health(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    response.raise_for_status()


@dataclass
class _Start:
    """Counts devices that made their first sync; ``go`` lets the timed rounds begin."""

    devices: int
    ready: int = 0
    all_ready: asyncio.Event = field(default_factory=asyncio.Event)
    go: asyncio.Event = field(default_factory=asyncio.Event)

    def arrived(self) -> None:
        self.ready += 1
        if self.ready == self.devices:
            self.all_ready.set()


async def _device(
    server: str, spec: DeviceSpec, rounds: int, kind: str, start: _Start, result: WorkerResult
) -> None:
    headers = {**HEADERS, "Authorization": f"Bearer {spec.token}"}
    # Like the desktop client (sync.client.SyncEngine): a pull cut on a kept-alive connection the server
    # closed is resent once on a new connection.
    transport = AsyncKeepAliveRetry(httpx.AsyncHTTPTransport())
    async with httpx.AsyncClient(
        base_url=server, headers=headers, timeout=120, transport=transport
    ) as client:
        try:
            cursor = await _pull_all(client, spec.device_id, None)  # the device's first sync, not timed
        except (httpx.HTTPError, RuntimeError, ValueError) as error:
            result.errors.append(f"first sync: {type(error).__name__}: {str(error)[:120]}")
            start.arrived()
            return
        start.arrived()
        await start.go.wait()
        for _ in range(rounds):
            begin = time.monotonic()
            try:
                if kind == "sync":
                    cursor = await _pull_all(client, spec.device_id, cursor)
                else:
                    await _health(client)
            except (httpx.HTTPError, RuntimeError, ValueError) as error:
                result.errors.append(f"{type(error).__name__}: {str(error)[:120]}")
                continue
            end = time.monotonic()
            result.latencies.append(end - begin)
            result.last_end = max(result.last_end, end)


async def _run(server: str, specs: list[DeviceSpec], rounds: int, kind: str, gate: Any) -> WorkerResult:
    result = WorkerResult()
    start = _Start(len(specs))
    tasks = [asyncio.create_task(_device(server, spec, rounds, kind, start, result)) for spec in specs]
    await start.all_ready.wait()
    # Every device of every worker has made its first sync before any timed one starts.
    await asyncio.get_running_loop().run_in_executor(None, gate.wait)
    result.first_start = time.monotonic()
    start.go.set()
    await asyncio.gather(*tasks)
    return result


def worker(server: str, specs: list[DeviceSpec], rounds: int, kind: str, gate: Any) -> WorkerResult:
    """One worker process: its devices, ``rounds`` syncs (or health calls) each, as fast as answered."""
    return asyncio.run(_run(server, specs, rounds, kind, gate))
