"""Item 5, logins: progressive delays per account, per client address and per both, counted atomically
in the database, instead of a lock-out anyone could trigger (client addresses are set with
X-Forwarded-For, which uvicorn trusts from 127.0.0.1)."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import func, select, update

from sync.ids import new_id
from sync.server import throttle
from sync.server.models import AuditEntry, LoginThrottle
from sync.server.models.base import utcnow
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, College


def _login(
    college: College, username: str, password: str, address: str, client: Any = httpx
) -> httpx.Response:
    body = {"username": username, "password": password, "device_id": new_id(), "device_name": "x"}
    headers = {**VERSION_HEADERS, "X-Forwarded-For": address}
    response: httpx.Response = client.post(f"{college.server.url}/auth/login", json=body, headers=headers)
    return response


def test_delays_grow_then_stop_at_their_cap() -> None:
    assert [throttle.delay_after(n, 3, 60) for n in range(1, 12)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert throttle.delay_after(10_000, 3, 900) == 900


def test_a_guesser_is_slowed_but_the_user_still_logs_in(college: College) -> None:
    settings = college.server.live.settings
    for _ in range(settings.login_free_failures_per_pair + 1):
        assert _login(college, "counselor_a", "wrong-guess-1", "10.0.0.66").status_code == 401
    limited = _login(college, "counselor_a", PASSWORD, "10.0.0.66")
    assert limited.status_code == 429
    assert 0 < int(limited.headers["Retry-After"]) <= settings.login_max_delay_pair_seconds
    assert "秒后再试" in limited.json()["error"]["message"]
    # The real user, from their own address, is not locked out by the guesser.
    assert _login(college, "counselor_a", PASSWORD, "10.0.0.7").status_code == 200


def test_guessing_from_many_addresses_only_delays_the_account_briefly(college: College) -> None:
    settings = college.server.live.settings
    waits = []
    for number in range(settings.login_free_failures_per_user + 3):
        response = _login(college, "counselor_b", "wrong-guess-1", f"10.1.0.{number}")
        if response.status_code == 429:
            waits.append(int(response.headers["Retry-After"]))
        else:
            assert response.status_code == 401
    assert waits, "the account's failures were never slowed down"
    assert max(waits) <= settings.login_max_delay_user_seconds
    # Once the (short) account delay has run out, the user logs in from anywhere.
    college.server.database.run(lambda s: s.execute(update(LoginThrottle).values(next_at=utcnow())))
    assert _login(college, "counselor_b", PASSWORD, "10.2.0.1").status_code == 200
    assert college.server.database.run(lambda s: s.get(LoginThrottle, "user:counselor_b")) is None, (
        "a success forgets the account's failures"
    )


def test_parallel_wrong_logins_are_counted_atomically(college: College) -> None:
    settings = college.server.live.settings
    started = utcnow()
    with httpx.Client(timeout=60) as client, ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(
            pool.map(
                lambda _: _login(college, "counselor_a", "wrong-guess-1", "10.3.0.1", client).status_code,
                range(40),
            )
        )
    elapsed = (utcnow() - started).total_seconds()
    evaluated = statuses.count(401)
    assert set(statuses) <= {401, 429}
    # The free tries, one more that starts the delays, and at most one per doubling delay that ran out
    # while the 40 requests were being answered (1 s, 2 s, 4 s ...).
    allowed = settings.login_free_failures_per_pair + 1 + math.ceil(math.log2(elapsed + 1))
    assert evaluated <= allowed, (evaluated, allowed, elapsed)
    failed = college.server.database.run(
        lambda s: s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "login_failed")
        )
    )
    assert failed == evaluated
