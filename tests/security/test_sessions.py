"""Item 5, sessions: the token is checked before a body is read, tokens expire when unused and can be
rotated, and a user changes their own password (the contract ``jiafang passwd --server`` uses)."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import update

from sync.ids import new_id
from sync.records.enums import Role
from sync.server import auth, directory
from sync.server.models import Account, Device
from sync.server.models.base import utcnow
from tests.security.attack import changed, snapshot
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, College

STRONG = "lanse-yueliang-chuanghu-17"


def _raw_request(url: str, headers: dict[str, str], declared: int, body: bytes) -> bytes:
    """Send a request head declaring ``declared`` body bytes but only ``body``; return the first answer."""
    parts = urlsplit(url)
    lines = ["POST /sync/push HTTP/1.1", f"Host: {parts.hostname}", f"Content-Length: {declared}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        return sock.recv(65536)


def test_an_unauthenticated_large_body_is_refused_before_it_is_read(college: College) -> None:
    server = college.server
    limit = server.live.settings.max_body_bytes
    headers = {**VERSION_HEADERS, "Content-Type": "application/json"}
    strangers = [{}, {"Authorization": "Bearer " + "x" * 43}, {"Authorization": "Basic abc"}]
    before = snapshot(server.database)
    # 60 connections at once each announce a body just under the limit and send one byte of it: every
    # one is answered 401 at once — the server cannot have buffered bodies it was never sent.
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(
            pool.map(
                lambda n: _raw_request(server.url, {**headers, **strangers[n % 3]}, limit - 1, b"{"),
                range(60),
            )
        )
    assert all(answer.startswith(b"HTTP/1.1 401") for answer in answers), answers[:3]
    assert all(b"connection: close" in answer.lower() for answer in answers)
    assert not changed(server.database, before)
    # The control: with a real token the server reads the whole body and judges it.
    api = server.login("counselor_a")
    body = b"{" + b" " * 998 + b"x"
    answer = _raw_request(server.url, {**headers, "Authorization": f"Bearer {api.token}"}, len(body), body)
    assert answer.startswith(b"HTTP/1.1 422")


def test_an_unused_token_expires(college: College) -> None:
    server = college.server
    api = server.login("counselor_a")
    assert api.http.get("/auth/me").status_code == 200
    ttl = server.live.settings.token_ttl_days
    server.database.run(
        lambda s: s.execute(
            update(Device)
            .where(Device.id == api.device_id)
            .values(last_seen_at=utcnow() - timedelta(days=ttl + 1))
        )
    )
    for response in (
        api.http.get("/auth/me"),
        api.post("/sync/pull", {"device_id": api.device_id, "cursor": None}),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    # Logging in again gives the device a fresh token.
    assert server.login("counselor_a", device_id=api.device_id).http.get("/auth/me").status_code == 200


def test_a_used_token_slides_and_a_refresh_rotates_it(college: College) -> None:
    server = college.server
    api = server.login("counselor_a")
    ttl = server.live.settings.token_ttl_days
    server.database.run(
        lambda s: s.execute(
            update(Device)
            .where(Device.id == api.device_id)
            .values(last_seen_at=utcnow() - timedelta(days=ttl - 1))
        )
    )
    assert api.http.get("/auth/me").status_code == 200  # used within the ttl: extended from now
    rotated = api.post("/auth/refresh", {})
    assert rotated.status_code == 200
    new_token = rotated.json()["token"]
    assert new_token != api.token
    assert api.http.get("/auth/me").status_code == 401
    fresh = httpx.get(
        f"{server.url}/auth/me", headers={**VERSION_HEADERS, "Authorization": f"Bearer {new_token}"}
    )
    assert fresh.status_code == 200


def _change(api_token: str, url: str, current: str, new: str) -> httpx.Response:
    return httpx.post(
        f"{url}/auth/password",
        json={"current_password": current, "new_password": new},
        headers={**VERSION_HEADERS, "Authorization": f"Bearer {api_token}"},
    )


def test_a_wrong_current_password_changes_nothing(college: College) -> None:
    api = college.server.login("counselor_a")
    before = snapshot(college.server.database, ignore_tables=frozenset({"audit_log", "login_throttle"}))
    response = _change(api.token, api.base_url, "not-my-password-1", STRONG)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "当前密码不正确"
    assert not changed(
        college.server.database, before, ignore_tables=frozenset({"audit_log", "login_throttle"})
    )


def test_a_weak_new_password_is_explained_in_chinese(college: College) -> None:
    api = college.server.login("counselor_a")
    before = snapshot(college.server.database, ignore_tables=frozenset({"login_throttle"}))
    for weak in ("12345678", "1234567890", "counselor_a2024"):
        response = _change(api.token, api.base_url, PASSWORD, weak)
        assert response.status_code == 422, weak
        message = response.json()["error"]["message"]
        assert message.startswith("新密码不符合要求：")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in message.removeprefix("新密码不符合要求："))
    assert not changed(college.server.database, before, ignore_tables=frozenset({"login_throttle"}))


def test_changing_the_password_signs_out_the_other_devices(college: College) -> None:
    server = college.server
    here = server.login("counselor_a")
    elsewhere = server.login("counselor_a")
    response = _change(here.token, here.base_url, PASSWORD, STRONG)
    assert response.status_code == 204 and response.content == b""
    assert here.http.get("/auth/me").status_code == 200
    assert elsewhere.http.get("/auth/me").status_code == 401
    old = httpx.post(
        f"{server.url}/auth/login",
        json={"username": "counselor_a", "password": PASSWORD, "device_id": new_id()},
        headers=VERSION_HEADERS,
    )
    assert old.status_code == 401
    assert server.login("counselor_a", STRONG).http.get("/auth/me").status_code == 200
    account = server.database.run(lambda s: s.get(Account, college.counselor_a))
    assert auth.verify_password(account.password_hash, STRONG)


def test_an_account_with_a_weak_password_cannot_be_created(college: College) -> None:
    database = college.server.database
    before = snapshot(database)
    for weak in ("x", "12345678", "password123", "admin2-2026"):
        with pytest.raises(directory.DirectoryError, match="密码不符合要求"):
            database.run(
                lambda s, w=weak: directory.create_user(
                    s, username="admin2", password=w, role=Role.ADMIN, display_name="admin2"
                )
            )
    assert not changed(database, before)
