"""Accounts and devices: login, rate limit, revoked and wiped devices, version headers, admin routes."""

from __future__ import annotations

import httpx

from sync.ids import new_id
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, College, Server


def _login(server: Server, username: str, password: str, device_id: str | None = None) -> httpx.Response:
    body = {
        "username": username,
        "password": password,
        "device_id": device_id or new_id(),
        "device_name": "x",
    }
    return httpx.post(f"{server.url}/auth/login", json=body, headers=VERSION_HEADERS)


def test_login_gives_a_device_token_and_me_answers(college: College) -> None:
    api = college.server.login("counselor_a")
    me = api.http.get("/auth/me")
    assert me.status_code == 200
    assert me.json()["role"] == "counselor"
    assert me.json()["college_id"] == college.college_id


def test_wrong_password_and_unknown_user_look_the_same(college: College) -> None:
    wrong = _login(college.server, "counselor_a", "nope")
    unknown = _login(college.server, "nobody", "nope")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "unauthorized"


def test_login_rate_limit_holds_even_for_the_right_password(college: College) -> None:
    # The free tries, then one more failure starts a delay (progressive, see tests/security).
    for _ in range(college.server.live.settings.login_free_failures_per_pair + 1):
        assert _login(college.server, "counselor_b", "wrong").status_code == 401
    limited = _login(college.server, "counselor_b", PASSWORD)
    assert limited.status_code == 429
    assert limited.json()["error"]["retryable"] is True
    assert int(limited.headers["Retry-After"]) > 0
    # Other users are not locked out by someone guessing at counselor_b.
    assert _login(college.server, "counselor_a", PASSWORD).status_code == 200


def test_revoked_device_gets_401_and_cannot_log_in_again(college: College) -> None:
    server = college.server
    api = server.login("counselor_a")
    admin = server.login("admin")
    assert admin.post(f"/admin/devices/{api.device_id}/revoke", {}).status_code == 200
    response = api.http.get("/auth/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_revoked"
    again = _login(server, "counselor_a", PASSWORD, api.device_id)
    assert again.status_code == 401
    # A fresh installation (new device id) may log in.
    assert _login(server, "counselor_a", PASSWORD).status_code == 200


def test_wipe_order_reaches_the_device_on_next_contact(college: College) -> None:
    server = college.server
    api = server.login("counselor_a")
    admin = server.login("admin")
    listed = admin.http.get("/admin/devices").json()
    assert api.device_id in {device["id"] for device in listed}
    assert admin.post(f"/admin/devices/{api.device_id}/wipe", {}).json()["wipe"] is True
    response = api.post("/sync/pull", {"device_id": api.device_id, "cursor": None})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "device_wiped"


def test_logout_revokes_the_token(college: College) -> None:
    api = college.server.login("counselor_a")
    assert api.post("/auth/logout", {}).status_code == 204
    assert api.http.get("/auth/me").status_code == 401


def test_relogin_replaces_the_device_token(college: College) -> None:
    server = college.server
    first = server.login("counselor_a")
    second = server.login("counselor_a", device_id=first.device_id)
    assert first.http.get("/auth/me").status_code == 401
    assert second.http.get("/auth/me").status_code == 200


def test_bad_tokens_are_401(server: Server) -> None:
    for header in ("", "Bearer", "Bearer nonsense", "Basic abc"):
        response = httpx.get(f"{server.url}/auth/me", headers={**VERSION_HEADERS, "Authorization": header})
        assert response.status_code == 401


def test_version_headers_are_required_and_checked(college: College) -> None:
    api = college.server.login("counselor_a")
    missing = httpx.get(f"{api.base_url}/auth/me", headers={"Authorization": f"Bearer {api.token}"})
    assert missing.status_code == 400
    future = api.http.get("/auth/me", headers={"X-JiaFang-Protocol": "99"})
    assert future.status_code == 426
    assert future.json()["error"]["code"] == "upgrade_required"
    old_schema = api.http.get("/auth/me", headers={"X-JiaFang-Schema": "0"})
    assert old_schema.status_code == 426


def test_admin_routes_are_for_administrators_only_and_admin_has_no_student_content(college: College) -> None:
    counselor = college.server.login("counselor_a")
    assert counselor.http.get("/admin/devices").status_code == 403
    admin = college.server.login("admin")
    assert admin.post("/sync/pull", {"device_id": admin.device_id, "cursor": None}).status_code == 403
    assert admin.post("/admin/devices/nope/revoke", {}).status_code == 404


def test_logins_are_audited(college: College) -> None:
    from sqlalchemy import select

    from sync.server.models import AuditEntry

    college.server.login("counselor_a")
    _login(college.server, "counselor_a", "wrong")
    actions = college.server.database.run(lambda s: list(s.scalars(select(AuditEntry.action))))
    assert "login" in actions
    assert "login_failed" in actions


def test_each_device_gets_its_own_number_once(college: College) -> None:
    """The number in printed record numbers: given at a device's first login, kept on every later one."""
    server = college.server
    first_device, second_device = new_id(), new_id()
    first = _login(server, "counselor_a", PASSWORD, first_device).json()["device_no"]
    second = _login(server, "counselor_b", PASSWORD, second_device).json()["device_no"]
    assert isinstance(first, int) and isinstance(second, int) and first >= 1 and second >= 1
    assert first != second
    assert _login(server, "counselor_a", PASSWORD, first_device).json()["device_no"] == first
