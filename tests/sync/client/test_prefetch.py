"""One writer: the prefetch of the next pull page only fetches.  The engine runs against an in-process
fake server whose prefetched pull fails at every point a request can fail (before it is sent, after the
server answered, with a cut or damaged body, with a retryable or refusing status), on every page, while
the engine's thread is in the middle of writing the page before it; every write of the replica must
still happen on the engine's thread, one at a time, and the sync must end with everything pulled."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from sync.client import EngineSettings, SyncEngine
from sync.ids import new_id
from sync.protocol import PullPage
from sync.records.schema import FIRST_SCHEMA
from sync.replica import SyncLogEntry
from sync.typed_page import FreshPage
from tests.helpers.memory_replica import MemoryReplica

RECORDS = 14
PAGE = 3
PAGES = -(-RECORDS // PAGE)
IDS = [new_id() for _ in range(RECORDS)]
FAILURES = ("connect", "lost", "timeout", "truncated", "invalid", "503", "429", "410", "401", "then-503")


def _record(seq: int) -> dict[str, Any]:
    return {
        "record_type": "college",
        "id": IDS[seq - 1],
        "student_id": None,
        "deleted": False,
        "rev": 1,
        "versions": {"name": 1},
        "fields": {"name": f"学院{seq}"},
        "seq": seq,
        "author_id": "admin",
    }


def _error(status: int, code: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": "测试", "retryable": False}})


class FakeServer:
    """Pull pages of ``RECORDS`` records; the ``fail_at``-th prefetched pull fails as ``failure``."""

    def __init__(self, fail_at: int, failure: str, writing: threading.Event, failed: threading.Event) -> None:
        self.fail_at = fail_at
        self.failure = failure
        self.writing = writing
        self.failed = failed
        self.prefetches = 0
        self.fail_next_main = failure == "then-503"

    def page(self, request: httpx.Request) -> dict[str, Any]:
        body = json.loads(request.content)
        after = int(body["cursor"].split(".")[0]) if body["cursor"] else 0
        end = min(RECORDS, after + int(body["limit"]))
        return {
            "records": [_record(seq) for seq in range(after + 1, end + 1)],
            "conflicts": [],
            "scope": [],
            "cursor": f"{end}.1",
            "more": end < RECORDS,
            "horizon": RECORDS,
        }

    def handle(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/sync/pull"
        if not threading.current_thread().name.startswith("jiafang-pull"):
            if self.fail_next_main and self.prefetches >= self.fail_at:
                self.fail_next_main = False
                return _error(503, "unavailable")  # the fetch again fails once more: retried here
            return httpx.Response(200, json=self.page(request))
        self.prefetches += 1
        if self.prefetches != self.fail_at:
            return httpx.Response(200, json=self.page(request))
        # Fail while the engine's thread is writing the page before this one.
        assert self.writing.wait(10)
        try:
            return self._fail(request)
        finally:
            self.failed.set()

    def _fail(self, request: httpx.Request) -> httpx.Response:
        failure = self.failure
        if failure == "connect":
            raise httpx.ConnectError("refused", request=request)
        if failure == "timeout":
            raise httpx.ReadTimeout("stalled", request=request)
        answer = json.dumps(self.page(request)).encode()
        if failure == "lost":
            raise httpx.ReadError("cut after the answer", request=request)
        if failure == "truncated":
            return httpx.Response(200, content=answer[: len(answer) // 2])
        if failure == "invalid":
            return httpx.Response(200, json={"records": "?"})
        if failure in ("503", "then-503"):
            return _error(503, "unavailable")
        if failure == "429":
            return _error(429, "rate_limited")
        if failure == "410":
            return _error(410, "cursor_expired")
        return _error(401, "unauthorized")


class WatchedReplica(MemoryReplica):
    """Notes the thread of every write and whether two writes ever overlapped (what SQLite would answer
    with "database is locked"); the write of page ``fail_at`` (while prefetch ``fail_at`` is on its way)
    lasts until that prefetch has failed."""

    def __init__(self, fail_at: int, writing: threading.Event, failed: threading.Event) -> None:
        super().__init__("device", "user")
        self.fail_at = fail_at
        self.writing = writing
        self.failed = failed
        self.pages = 0
        self.writers: set[str] = set()
        self.overlaps = 0
        self._busy = threading.Lock()

    def _write(self, action: Any) -> Any:
        self.writers.add(threading.current_thread().name)
        if not self._busy.acquire(blocking=False):
            self.overlaps += 1
            return action()
        try:
            return action()
        finally:
            self._busy.release()

    def apply_page(self, page: PullPage) -> None:
        def write() -> None:
            self.pages += 1
            super(WatchedReplica, self).apply_page(page)
            if self.pages == self.fail_at:
                self.writing.set()
                assert self.failed.wait(10)  # the prefetch of the next page fails meanwhile

        self._write(write)

    def log(self, entry: SyncLogEntry) -> None:
        self._write(lambda: super(WatchedReplica, self).log(entry))

    def reset_cursor(self) -> None:
        self._write(lambda: super(WatchedReplica, self).reset_cursor())


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("fail_at", range(1, PAGES))
def test_a_prefetch_failing_anywhere_never_writes_from_its_thread(fail_at: int, failure: str) -> None:
    writing, failed = threading.Event(), threading.Event()
    server = FakeServer(fail_at, failure, writing, failed)
    replica = WatchedReplica(fail_at, writing, failed)
    settings = EngineSettings(page_limit=PAGE, check_digest=False, backoff_base=0.001, backoff_cap=0.002)
    with SyncEngine(
        replica,
        "https://fake",
        "token",
        settings=settings,
        transport=httpx.MockTransport(server.handle),
        schema=FIRST_SCHEMA,  # asks no /health first: the fake server answers pulls only
    ) as engine:
        report = engine.sync()
    assert failed.is_set()  # the planned failure happened
    assert replica.writers == {threading.current_thread().name}
    assert replica.overlaps == 0
    assert sorted(replica.records) == sorted(IDS)
    assert replica.state().cursor == f"{RECORDS}.1"
    assert report.pulled_records >= RECORDS
    retried = [entry for entry in replica.sync_log if "重试" in entry.message]
    assert len(retried) == (1 if failure == "then-503" else 0)


class WatchedStore(StoreReplica):
    """The encrypted store as replica, noting the thread of every page and log write; the write of page
    ``fail_at`` lasts until the prefetch of the next page has failed."""

    def __init__(self, store: Store, fail_at: int, writing: threading.Event, failed: threading.Event) -> None:
        super().__init__(store)
        self.fail_at = fail_at
        self.writing = writing
        self.failed = failed
        self.pages = 0
        self.fresh_pages = 0
        self.writers: set[str] = set()

    def apply_page(self, page: PullPage) -> None:
        self.writers.add(threading.current_thread().name)
        self.pages += 1
        super().apply_page(page)
        self._written()

    def apply_fresh_page(self, page: FreshPage, committing: Callable[[], None]) -> bool:
        """The bulk path of a first sync (sync/typed_page.py): the pages after the first come this way."""
        self.writers.add(threading.current_thread().name)
        applied = super().apply_fresh_page(page, committing)
        if applied:
            self.pages += 1
            self.fresh_pages += 1
            self._written()
        return applied

    def _written(self) -> None:
        if self.pages == self.fail_at:
            self.writing.set()
            assert self.failed.wait(10)

    def log(self, entry: SyncLogEntry) -> None:
        self.writers.add(threading.current_thread().name)
        super().log(entry)


@pytest.mark.parametrize("failure", FAILURES)
def test_the_encrypted_store_is_written_by_the_engine_thread_only(failure: str, laptop_store: Store) -> None:
    writing, failed = threading.Event(), threading.Event()
    server = FakeServer(2, failure, writing, failed)
    replica = WatchedStore(laptop_store, 2, writing, failed)
    settings = EngineSettings(page_limit=PAGE, check_digest=False, backoff_base=0.001, backoff_cap=0.002)
    with SyncEngine(
        replica,
        "https://fake",
        "token",
        settings=settings,
        transport=httpx.MockTransport(server.handle),
        schema=FIRST_SCHEMA,  # asks no /health first: the fake server answers pulls only
    ) as engine:
        engine.sync()
    assert failed.is_set()
    assert replica.writers == {threading.current_thread().name}
    assert replica.fresh_pages > 0  # prefetched pages were read as typed ones and bulk-inserted
    with laptop_store.session() as s:
        assert sorted(college.id for college in s.colleges.list()) == sorted(IDS)
    assert replica.state().cursor == f"{RECORDS}.1"
    assert sum("重试" in entry["message"] for entry in replica.sync_log()) == (failure == "then-503")
