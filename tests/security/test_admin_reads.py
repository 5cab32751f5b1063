"""What the admin work (issue 17) added, tried by those it is not for: another college's center reading
our audit log, a counselor, mentor or school center reading it at all, a device token scraping
/metrics, and a login renaming (or taking) another user's laptop."""

from __future__ import annotations

import httpx
import pytest

from sync.records.enums import Role
from tests.security.attack import changed, snapshot
from tests.sync.server.conftest import PASSWORD, VERSION_HEADERS, College


def _audit(college: College, token: str) -> httpx.Response:
    headers = {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}
    return httpx.get(f"{college.server.url}/admin/audit", headers=headers)


def test_a_college_center_reads_no_other_colleges_audit(college: College) -> None:
    server = college.server
    other = server.college("外国语学院")
    server.user("wy_center", Role.COLLEGE_CENTER, other)
    server.user("mentor_li", Role.MENTOR, college.college_id)
    ours = server.login("counselor_a")  # a login of our college: in our center's log only
    wy_center = server.login("wy_center")
    rows = _audit(college, wy_center.token)
    assert rows.status_code == 200, rows.text
    ids = {row["user_id"] for row in rows.json()} | {row["device_id"] for row in rows.json()}
    assert not ids & {ours.user_id, ours.device_id, college.counselor_a, college.center}
    assert all(row["college_id"] in (other, None) for row in rows.json())
    for username in ("counselor_a", "mentor_li", "school"):
        api = server.login(username)
        before = snapshot(server.database)
        refused = _audit(college, api.token)
        assert refused.status_code == 403, refused.text
        assert not changed(server.database, before)  # a refused read is not even logged as a read


def test_metrics_are_not_read_with_a_device_token(college: College, monkeypatch: pytest.MonkeyPatch) -> None:
    server = college.server
    monkeypatch.setattr(server.live.settings, "metrics_token", "scrape-secret-2")
    for username in ("admin", "school"):
        api = server.login(username)
        response = httpx.get(f"{server.url}/metrics", headers={"Authorization": f"Bearer {api.token}"})
        assert response.status_code == 401, response.text


def test_a_login_neither_renames_nor_takes_another_users_laptop(college: College) -> None:
    server = college.server
    laptop = server.login("counselor_a")
    before = snapshot(server.database, ignore_tables=frozenset({"audit_log", "login_throttle"}))
    response = httpx.post(
        f"{server.url}/auth/login",
        json={
            "username": "counselor_b",
            "password": PASSWORD,
            "device_id": laptop.device_id,
            "device_name": "我的电脑",
        },
        headers=VERSION_HEADERS,
    )
    assert response.status_code in (401, 403), response.text
    assert "token" not in response.json()
    assert not changed(server.database, before, ignore_tables=frozenset({"audit_log", "login_throttle"}))
    assert laptop.http.post("/sync/pull", json={"device_id": laptop.device_id, "limit": 1}).status_code == 200
