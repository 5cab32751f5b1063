"""A cap on password hashes computed at once in this worker (each Argon2id hash takes ~64 MiB).

Requests beyond the cap wait in a short queue; when the queue is full, or the wait too long, the request
is refused with 429 and ``Retry-After`` instead of growing the worker's memory without bound.  The cap is
per worker process (memory is per process); the login throttle is shared through the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorCode
from sync.server.errors import ApiError

T = TypeVar("T")
BUSY_MESSAGE = "服务器正忙于验证其他登录，请稍后再试"


class HashGate:
    def __init__(self, *, limit: int, queue: int, wait_seconds: float) -> None:
        self.limit = max(1, limit)
        self.queue = max(0, queue)
        self.wait_seconds = wait_seconds
        self._slots: anyio.Semaphore | None = None
        self._waiting = 0
        self.running = 0
        self.most_running = 0

    def _semaphore(self) -> anyio.Semaphore:
        if self._slots is None:
            self._slots = anyio.Semaphore(self.limit)
        return self._slots

    def _busy(self) -> ApiError:
        return ApiError(
            ErrorCode.RATE_LIMITED, BUSY_MESSAGE, retry_after=max(1, round(self.wait_seconds / 2))
        )

    async def run(self, work: Callable[[], T]) -> T:
        """Run ``work`` (a hash or a verification) in the thread pool once a slot is free."""
        slots = self._semaphore()
        if slots.value == 0 and self._waiting >= self.queue:
            raise self._busy()
        self._waiting += 1
        try:
            with anyio.move_on_after(self.wait_seconds) as waited:
                await slots.acquire()
        finally:
            self._waiting -= 1
        if waited.cancelled_caught:
            raise self._busy()
        try:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            return await run_in_threadpool(work)
        finally:
            self.running -= 1
            slots.release()
