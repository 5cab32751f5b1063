"""The admin side of the live server (SQLite and PostgreSQL): the audit log over the API (whole for the
administrator, its own college's part for a college center, refused to everyone else), the operator of
admin endpoint calls, device names and their last sync and open conflicts, /metrics behind its token,
and /docs and /openapi.json off unless enabled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from sync.records.enums import Role
from sync.server import devices
from sync.server.settings import Settings
from tests.sync.server.conftest import (
    PASSWORD,
    VERSION_HEADERS,
    College,
    free_port,
    start_server,
    stop_server,
    wait_healthy,
)

ROOT = Path(__file__).resolve().parents[3]


def _headers(token: str) -> dict[str, str]:
    return {**VERSION_HEADERS, "Authorization": f"Bearer {token}"}


def _audit(college: College, token: str, **params: str) -> httpx.Response:
    return httpx.get(f"{college.server.url}/admin/audit", headers=_headers(token), params=params)


def test_audit_is_read_whole_by_the_admin_and_by_college_for_its_center(college: College) -> None:
    server = college.server
    other_college = server.college("外国语学院")
    server.user("wy_counselor", Role.COUNSELOR, other_college)
    server.user("wy_center", Role.COLLEGE_CENTER, other_college)
    ours = server.login("counselor_a")
    theirs = server.login("wy_counselor")
    admin = server.login("admin")
    for device in (ours, theirs):
        response = httpx.post(
            f"{server.url}/admin/devices/{device.device_id}/revoke", headers=_headers(admin.token)
        )
        assert response.status_code == 200
    center = server.login("center")
    wy_center = server.login("wy_center")

    everything = _audit(college, admin.token)
    assert everything.status_code == 200
    revokes = [row for row in everything.json() if row["action"] == "device_revoked"]
    assert {row["device_id"] for row in revokes} == {ours.device_id, theirs.device_id}
    assert {row["operator"] for row in revokes} == {"account:admin"}

    mine = _audit(college, center.token)
    assert mine.status_code == 200
    rows = mine.json()
    assert [row["device_id"] for row in rows if row["action"] == "device_revoked"] == [ours.device_id]
    assert all(row["college_id"] == college.college_id or row["user_id"] in _members(college) for row in rows)
    assert {"login"} <= {row["action"] for row in rows}  # its counselors' logins
    assert theirs.device_id not in {row["device_id"] for row in rows}

    theirs_rows = _audit(college, wy_center.token).json()
    assert [row["device_id"] for row in theirs_rows if row["action"] == "device_revoked"] == [
        theirs.device_id
    ]

    # Everyone else: refused, and nothing about the refusal changes the log they could not read.
    school = server.login("school")
    counselor = server.login("counselor_b")
    for token in (school.token, counselor.token):
        refused = _audit(college, token)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"

    # The reads themselves are logged, with the reader.
    reads = [row for row in _audit(college, admin.token).json() if row["action"] == "audit_read"]
    assert {row["operator"] for row in reads} == {"account:admin", "account:center", "account:wy_center"}
    # since: only what happened from then on; without a zone: a clear 400.
    last = _audit(college, admin.token).json()[-1]["at"]
    later = _audit(college, admin.token, since=last).json()
    assert later and all(row["at"] >= last for row in later)
    assert _audit(college, admin.token, since="2025-01-01T00:00:00").status_code == 400


def _members(college: College) -> set[str]:
    return {college.counselor_a, college.counselor_b, college.center}


def test_device_names_last_sync_and_open_conflicts(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    response = httpx.post(
        f"{server.url}/auth/login",
        json={"username": "counselor_a", "password": PASSWORD, "device_id": _device_id(1), "device_name": ""},
        headers=VERSION_HEADERS,
    )
    assert response.status_code == 200
    first = server.login("counselor_a")
    second = server.login("counselor_a")

    def info(device_id: str) -> devices.DeviceInfo:
        rows = server.database.run(devices.list_devices)
        return next(row for row in rows if row.id == device_id)

    # Without a name the laptop is named after its user, as people call it; a name given is kept.
    assert info(_device_id(1)).name == "counselor_a的电脑"
    assert info(first.device_id).name == "测试机"
    assert info(first.device_id).last_sync_at is None
    got, _ = first.pull_all()
    second.pull_all()
    assert info(first.device_id).last_sync_at is not None
    base = {"major": got["records"][student]["versions"]["major"]}
    [a] = first.push(first.op("student", student, {"major": "软件工程"}, base=base))
    [b] = second.push(second.op("student", student, {"major": "网络工程"}, base=base))
    assert (a["status"], b["status"]) == ("applied", "conflict")
    assert info(first.device_id).open_conflicts == info(second.device_id).open_conflicts == 1
    # Logging in again with a name renames the device.
    again = httpx.post(
        f"{server.url}/auth/login",
        json={
            "username": "counselor_a",
            "password": PASSWORD,
            "device_id": _device_id(1),
            "device_name": "王老师的笔记本",
        },
        headers=VERSION_HEADERS,
    )
    assert again.status_code == 200 and info(_device_id(1)).name == "王老师的笔记本"


def _device_id(number: int) -> str:
    return f"0190ffff-0000-7000-8000-{number:012d}"


def _sample(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_need_the_token_and_count_what_happens(
    college: College, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = college.server
    url = f"{server.url}/metrics"
    assert httpx.get(url).status_code == 404  # no token configured: no endpoint
    monkeypatch.setattr(server.live.settings, "metrics_token", "scrape-secret-1")
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401
    scrape = {"Authorization": "Bearer scrape-secret-1"}
    before = httpx.get(url, headers=scrape)
    assert before.status_code == 200 and before.headers["content-type"].startswith("text/plain")

    student = server.student(college.college_id, college.counselor_a)
    first = server.login("counselor_a")
    second = server.login("counselor_a")
    got, _ = first.pull_all()
    base = {"major": got["records"][student]["versions"]["major"]}
    first.push(first.op("student", student, {"major": "软件工程"}, base=base))
    second.push(second.op("student", student, {"major": "网络工程"}, base=base))
    second.push(second.op("student", "not-a-student", {"major": "x"}))
    bad = httpx.post(
        f"{server.url}/auth/login",
        json={"username": "counselor_a", "password": "wrong-password", "device_id": _device_id(9)},
        headers=VERSION_HEADERS,
    )
    assert bad.status_code == 401
    after = httpx.get(url, headers=scrape).text

    def grew(name: str, **labels: str) -> float:
        return _sample(after, name, **labels) - _sample(before.text, name, **labels)

    assert grew("jiafang_sync_ops_total", result="applied") == 1
    assert grew("jiafang_sync_ops_total", result="conflict") == 1
    assert grew("jiafang_sync_ops_total", result="rejected") == 1
    assert grew("jiafang_login_failures_total", reason="password") == 1
    assert grew("jiafang_http_requests_total", route="/sync/push", status="200") == 3
    assert grew("jiafang_http_request_duration_seconds_count", route="/sync/pull") >= 1
    assert _sample(after, "jiafang_db_pool_connections_max") >= 2 * server.live.settings.pool_size
    assert "jiafang_db_pool_connections_in_use" in after
    assert _sample(after, "jiafang_devices", state="active") == 2
    assert _sample(after, "jiafang_open_conflicts") == 1
    assert "/metrics" not in httpx.get(f"{server.url}/openapi.json").json()["paths"]


def test_docs_and_schema_are_off_unless_enabled(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'docs.sqlite3'}"
    live = start_server(Settings(database_url=url, data_dir=tmp_path))
    try:
        for path in ("/docs", "/openapi.json", "/redoc"):
            assert httpx.get(live.url + path).status_code == 404, path
    finally:
        stop_server(live)
    live = start_server(Settings(database_url=url, data_dir=tmp_path, api_docs=True))
    try:
        assert httpx.get(live.url + "/docs").status_code == 200
        assert httpx.get(live.url + "/openapi.json").json()["info"]["title"] == "JiaFang sync server"
    finally:
        stop_server(live)


def test_metrics_add_up_every_worker_process(tmp_path: Path) -> None:
    """``serve --workers 2``: whichever worker answers a scrape reports the requests both served."""
    port = free_port()
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("JIAFANG_", "PROMETHEUS"))
    }
    environment |= {
        "PYTHONPATH": str(ROOT),
        "JIAFANG_DATABASE_URL": f"sqlite:///{tmp_path / 'workers.sqlite3'}",
        "JIAFANG_DATA_DIR": str(tmp_path),
        "JIAFANG_METRICS_TOKEN": "scrape-secret-2",
        "JIAFANG_POOL_SIZE": "3",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--port", str(port), "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        for _ in range(30):  # a new connection each time, so both workers take some
            assert httpx.get(f"{base}/health").status_code == 200
        scrape = {"Authorization": "Bearer scrape-secret-2"}
        # Both workers count in their own files; each scrape (answered by either) sums them.
        for _ in range(6):
            text = httpx.get(f"{base}/metrics", headers=scrape).text
            assert _sample(text, "jiafang_http_requests_total", route="/health", status="200") == 31
            assert _sample(text, "jiafang_db_pool_connections_max") == 2 * 2 * 3  # two live workers
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    assert not (tmp_path / "metrics").exists() or not any((tmp_path / "metrics").iterdir())
