"""Request size limits, the OpenAPI document, error shapes and attachments."""

from __future__ import annotations

import hashlib

import httpx

from sync.ids import new_id
from tests.sync.server.conftest import VERSION_HEADERS, College, Server


def test_oversized_request_gets_413_before_any_work(college: College) -> None:
    api = college.server.login("counselor_a")
    limit = college.server.live.settings.max_body_bytes
    big = {"device_id": api.device_id, "ops": [], "pad": "x" * (limit + 10)}
    response = api.post("/sync/push", big)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_oversized_chunked_request_gets_413(college: College) -> None:
    api = college.server.login("counselor_a")
    limit = college.server.live.settings.max_body_bytes

    def body() -> object:
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = api.http.post("/sync/push", content=body(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_too_many_ops_in_one_push_is_a_validation_error(college: College) -> None:
    api = college.server.login("counselor_a")
    op = api.op("family_member", new_id(), {"name": "x"})
    response = api.post("/sync/push", {"device_id": api.device_id, "ops": [op] * 501})
    assert response.status_code in (413, 422)


def test_malformed_bodies_are_4xx_with_the_error_shape(college: College) -> None:
    api = college.server.login("counselor_a")
    for body in (b"{", b"[]", b'{"device_id": 5}', b"null"):
        response = api.http.post("/sync/push", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code in (400, 422), body
        assert set(response.json()["error"]) == {"code", "message", "retryable"}
    wrong_device = api.post("/sync/pull", {"device_id": new_id(), "cursor": None})
    assert wrong_device.status_code == 400
    bad_cursor = api.post("/sync/pull", {"device_id": api.device_id, "cursor": "abc"})
    assert bad_cursor.status_code == 400
    # A cursor above the horizon comes from a history this server no longer has (a restore, §8a).
    future_cursor = api.post("/sync/pull", {"device_id": api.device_id, "cursor": "999999.0"})
    assert future_cursor.status_code == 409
    assert future_cursor.json()["error"]["code"] == "server_restored"


def test_openapi_document_is_served(server: Server) -> None:
    document = httpx.get(f"{server.url}/openapi.json").json()
    for path in ("/auth/login", "/sync/push", "/sync/pull", "/sync/backfill", "/sync/digest", "/sync/repair"):
        assert path in document["paths"]


def test_attachment_upload_resumes_and_is_verified(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    api = server.login("counselor_a")
    data = bytes(range(256)) * 1200  # 300 KB: two chunks under the test server's 256 KiB body limit
    sha = hashlib.sha256(data).hexdigest()
    start = api.post("/attachments", {"sha256": sha, "size": len(data), "student_id": student}).json()
    assert start["received"] == 0
    first = api.http.put(f"/attachments/{sha}", params={"offset": 0}, content=data[: 200 * 1024])
    assert first.json()["received"] == 200 * 1024
    # A resumed upload asks where to continue.
    status = api.http.get(f"/attachments/{sha}/status").json()
    wrong_offset = api.http.put(f"/attachments/{sha}", params={"offset": 0}, content=data[:10])
    assert wrong_offset.status_code == 400
    done = api.http.put(
        f"/attachments/{sha}", params={"offset": status["received"]}, content=data[status["received"] :]
    )
    assert done.json()["complete"] is True
    received = b""
    while len(received) < len(data):
        part = api.http.get(f"/attachments/{sha}", params={"offset": len(received)})
        assert part.status_code == 200
        received += part.content
    assert received == data


def test_attachment_with_wrong_hash_is_discarded(college: College) -> None:
    server = college.server
    student = server.student(college.college_id, college.counselor_a)
    api = server.login("counselor_a")
    claimed = hashlib.sha256(b"the real photo").hexdigest()
    api.post("/attachments", {"sha256": claimed, "size": 5, "student_id": student})
    response = api.http.put(f"/attachments/{claimed}", params={"offset": 0}, content=b"fake!")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "hash_mismatch"
    assert api.http.get(f"/attachments/{claimed}/status").json()["received"] == 0


def test_health_needs_no_headers(server: Server) -> None:
    response = httpx.get(f"{server.url}/health")
    assert response.json()["protocol"] == 1
    assert httpx.get(f"{server.url}/auth/me", headers=VERSION_HEADERS).status_code == 401
