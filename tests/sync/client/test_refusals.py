"""A request the server refuses for good (a 4xx that sending again cannot change) is sent once, not
retried: the sync stops with a Chinese message naming the step, and keeps the outbox and the cursor."""

from __future__ import annotations

import json

import httpx
import pytest

from sync.client import EngineSettings, RequestRefused, ServerUnavailable, SyncEngine
from sync.records.schema import FIRST_SCHEMA
from tests.helpers.memory_replica import MemoryReplica


def _answer(status: int, code: str, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": message, "retryable": False}})


def _engine(replica: MemoryReplica, handler: httpx.MockTransport) -> SyncEngine:
    settings = EngineSettings(backoff_base=0.001, backoff_cap=0.002, check_digest=False)
    # Spoken in the first schema, which asks the server nothing first (no /health): each test counts
    # the requests of one step.
    return SyncEngine(
        replica, "https://fake", "token", settings=settings, transport=handler, schema=FIRST_SCHEMA
    )


def test_a_refused_push_is_not_retried_and_keeps_the_outbox() -> None:
    calls: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return _answer(413, "payload_too_large", "请求内容过大")

    replica = MemoryReplica("device", "user")
    replica.edit("college", "c1", {"name": "文学院"})
    with _engine(replica, httpx.MockTransport(handle)) as engine, pytest.raises(RequestRefused) as refused:
        engine.sync()
    assert calls == ["/sync/push"]
    assert "推送修改" in str(refused.value) and "请求内容过大" in str(refused.value)
    assert "已保留" in str(refused.value) and refused.value.status == 413
    assert replica.pending_count() == 1
    assert replica.sync_log[-1].level == "error" and "服务器不接受" in replica.sync_log[-1].message


def test_a_refused_pull_is_not_retried_and_keeps_the_cursor() -> None:
    calls: list[dict[str, object]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(json.loads(request.content))
        return _answer(422, "validation_failed", "请求数据校验未通过：cursor")

    replica = MemoryReplica("device", "user")
    with _engine(replica, httpx.MockTransport(handle)) as engine, pytest.raises(RequestRefused) as refused:
        engine.sync()
    assert len(calls) == 1
    assert "拉取更新" in str(refused.value) and "升级" in str(refused.value)
    assert replica.state().cursor is None


def test_an_unavailable_server_is_still_retried() -> None:
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return _answer(503, "unavailable", "服务器繁忙")

    replica = MemoryReplica("device", "user")
    with _engine(replica, httpx.MockTransport(handle)) as engine, pytest.raises(ServerUnavailable):
        engine.sync()
    assert calls == EngineSettings().attempts
