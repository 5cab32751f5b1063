"""Faults: connections cut at hundreds of byte offsets in both directions; nothing lost, nothing
duplicated once the network is back."""

from __future__ import annotations

import random
from collections import deque
from urllib.parse import urlparse

import httpx

from sync.client import EngineSettings, ServerUnavailable
from sync.ids import new_id
from sync.protocol import SCHEMA_VERSION
from sync.records.schema import FIRST_SCHEMA
from tests.sync.client.conftest import College, Devices
from tests.sync.client.cutting_proxy import Cut, CuttingProxy
from tests.sync.server.records_data import visit

# A laptop of a later schema than the first asks the server's window first (GET /health, §2a): that
# connection goes through, so that the planned cuts meet the pushes and pulls.
NEGOTIATION = [None] if SCHEMA_VERSION > FIRST_SCHEMA else []


def test_cut_connections_resume_and_converge(college: College, devices: Devices) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    parsed = urlparse(college.server.url)
    proxy = CuttingProxy((parsed.hostname or "127.0.0.1", parsed.port or 80))
    proxy_url = proxy.start()
    rng = random.Random(5)
    settings = EngineSettings(attempts=4, backoff_base=0.001, backoff_cap=0.002, batch_ops=3, page_limit=4)
    # No keep-alive: every request opens a connection, so each one meets the next planned cut.
    fresh = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
    laptop = devices.device("counselor_a", settings=settings, url=proxy_url, transport=fresh)
    reader = devices.device("counselor_a")
    written: list[str] = []
    failures = 0
    try:
        laptop.sync()
        for round_number in range(120):
            for _ in range(2):
                visit_id = new_id()
                laptop.replica.edit(
                    "home_visit", visit_id, visit(student, notes=f"第{round_number}轮"), student_id=student
                )
                written.append(visit_id)
            laptop.replica.edit("student", student, {"talents": f"特长{round_number}"})
            direction = "up" if round_number % 2 == 0 else "down"
            proxy.plan = deque(
                [
                    *NEGOTIATION,
                    Cut(direction, rng.randrange(1, 1500)),
                    Cut(direction, rng.randrange(1, 1500)),
                    None,
                ]
            )
            try:
                laptop.sync()
            except ServerUnavailable:
                failures += 1
        assert proxy.cuts_made >= 180  # hundreds of distinct cut points, both directions
        # Back on a good network: the proxy stops cutting.
        proxy.plan = deque()
        laptop.sync()
    finally:
        proxy.close()
    reader.sync()
    assert laptop.replica.outbox == []
    visits = {rid: rec for rid, rec in reader.replica.records.items() if rec.record_type == "home_visit"}
    assert sorted(visits) == sorted(written)
    assert all(record.rev == 1 for record in visits.values())  # each applied exactly once
    assert reader.replica.live()[student]["talents"] == "特长119"
    assert reader.replica.conflicts == {}
    assert failures < 120
