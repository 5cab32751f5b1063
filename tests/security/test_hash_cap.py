"""Item 5, password hashes: at most ``max_concurrent_hashes`` Argon2id hashes at once per worker, a
short queue, then 429 with Retry-After — parallel logins cannot grow the server's memory without bound."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from sync.ids import new_id
from sync.records.enums import Role
from sync.server import auth, directory
from sync.server.hash_gate import BUSY_MESSAGE, HashGate
from sync.server.models import LoginThrottle
from sync.server.settings import Settings
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, LiveServer, start_server, stop_server


@pytest.fixture
def capped(tmp_path: Path) -> Iterator[LiveServer]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'capped.sqlite3'}",
        data_dir=tmp_path,
        max_concurrent_hashes=2,
        hash_queue=3,
        hash_wait_seconds=120,
    )
    live = start_server(settings)
    yield live
    stop_server(live)


def _gate(live: LiveServer) -> HashGate:
    gate: HashGate = live.server.config.app.state.hash_gate  # type: ignore[attr-defined]
    return gate


def _login(url: str, username: str, password: str, number: int) -> httpx.Response:
    body = {"username": username, "password": password, "device_id": new_id(), "device_name": "x"}
    headers = {**VERSION_HEADERS, "X-Forwarded-For": f"10.9.{number // 250}.{number % 250}"}
    return httpx.post(f"{url}/auth/login", json=body, headers=headers, timeout=120)


class _HeldHasher:
    """Verifications wait until released, so the test decides when hashes finish."""

    def __init__(self, real: PasswordHasher) -> None:
        self.real = real
        self.release = threading.Event()

    def hash(self, password: str) -> str:
        return self.real.hash(password)

    def verify(self, stored: str, password: str) -> bool:
        assert self.release.wait(120), "never released"
        return self.real.verify(stored, password)


def test_parallel_logins_queue_then_get_429(capped: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    held = _HeldHasher(auth._hasher)
    monkeypatch.setattr(auth, "_hasher", held)
    gate = _gate(capped)
    # 30 different (unknown) users from 30 addresses: the login throttle lets every one through.
    with ThreadPoolExecutor(max_workers=30) as pool:
        futures = [pool.submit(_login, capped.url, f"nobody{n}", "wrong-guess-1", n) for n in range(30)]
        pending = set(futures)
        refused: list[httpx.Response] = []
        while len(refused) < 25:
            done, pending = wait(pending, timeout=120, return_when=FIRST_COMPLETED)
            assert done, "requests beyond the queue were not refused"
            refused += [future.result() for future in done]
        held.release.set()
        answered = [future.result() for future in futures]
    assert all(r.status_code == 429 for r in refused)
    assert all(
        int(r.headers["Retry-After"]) > 0 and r.json()["error"]["message"] == BUSY_MESSAGE for r in refused
    )
    assert sorted(r.status_code for r in answered) == [401] * 5 + [429] * 25
    assert gate.most_running == 2
    # Turned away unjudged, the 25 do not count as failed logins (a busy server locks no one out): only
    # the 5 judged wrong tries count, under their name-and-address, name and address.
    counted = capped.database.run(
        lambda s: s.scalar(select(func.count()).select_from(LoginThrottle).where(LoginThrottle.failures > 0))
    )
    assert counted == 5 * 3


def _peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def test_parallel_logins_memory_stays_bounded(capped: LiveServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """30 parallel logins with the real Argon2id cost (64 MiB each): with 2 hashes at once the peak grows
    by about 2 x 64 MiB, not 10 x (one per request thread)."""
    real = PasswordHasher()  # the production parameters
    monkeypatch.setattr(auth, "_hasher", real)
    for n in range(30):  # a user each: the login throttle counts one user's parallel attempts
        capped.database.run(
            lambda s, n=n: directory.create_user(
                s, username=f"real_cost{n}", password=PASSWORD, role=Role.ADMIN, display_name="r"
            )
        )
    gate = _gate(capped)
    gate.queue = 40
    _reset_peak()
    base = _peak_rss_mib()
    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses: list[Any] = list(
            pool.map(lambda n: _login(capped.url, f"real_cost{n}", PASSWORD, n).status_code, range(30))
        )
    grown = _peak_rss_mib() - base
    print(f"peak RSS growth for 30 parallel real-cost logins: {grown:.0f} MiB")
    assert statuses == [200] * 30
    assert gate.most_running == 2
    assert grown < 4 * real.memory_cost / 1024, grown
