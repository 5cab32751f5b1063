"""The one background thread that owns the store.

Every store call (open, queries, saves, backup, close) runs on this thread, one at a time, so writes
are serialised and the GUI thread never waits on the disk or the cipher.  A request is a function of
the open store; its result (or error) comes back to a callback on the GUI thread.  Requests that
change data name the kinds they change, and `data_changed(kinds)` tells every view so each refreshes
itself.

Requests carry the lock generation they were made in: a result that arrives after the store was
locked is dropped, so nothing readable reaches a view while the app is locked.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.app.changes import changes_of

log = logging.getLogger(__name__)


class StoreNotOpen(Exception):
    """A request reached the worker while the store was locked."""


@dataclass(eq=False)
class Job:
    fn: Callable[[Any], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[Exception], None] | None = None
    changes: frozenset[str] = frozenset()
    needs_store: bool = True
    generation: int = 0
    key: str | None = None
    seq: int = 0
    result: Any = None
    error: Exception | None = None
    skipped: bool = False
    latest: dict[str, int] = field(default_factory=dict, repr=False)

    def superseded(self) -> bool:
        return self.key is not None and self.latest.get(self.key, self.seq) != self.seq


class _Executor(QObject):
    """Lives on the worker thread; holds the open store."""

    done = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.store: Any = None

    @Slot(object)
    def run(self, job: Job) -> None:
        if job.superseded():
            job.skipped = True
        elif job.needs_store and self.store is None:
            job.error = StoreNotOpen()
        else:
            try:
                job.result = job.fn(self if not job.needs_store else self.store)
            except Exception as exc:  # reported to the caller on the GUI thread
                job.error = exc
        self.done.emit(job)


class StoreWorker(QObject):
    """GUI-side handle of the store thread."""

    data_changed = Signal(object)  # set[str] of changes.Kind values, e.g. {Kind.STUDENT, Kind.HOME_VISIT}
    busy_changed = Signal(bool)
    store_opened = Signal()
    store_closed = Signal()
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("jiafang-store")
        self._executor = _Executor()
        self._executor.moveToThread(self._thread)
        self._submit.connect(self._executor.run)
        self._executor.done.connect(self._finished)
        self._thread.start()
        self._seq = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._pending = 0
        self.generation = 0
        self.is_open = False
        self._stopped = False

    # -- requests -------------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        changes: set[str] | frozenset[str] = frozenset(),
        key: str | None = None,
    ) -> None:
        """Run `fn(store)` on the store thread; `on_done(result)` or `on_error(exc)` on the GUI thread.

        With a `key`, only the newest request of that key runs (older queued ones are skipped):
        typing in the search box does not queue a query per keystroke.
        """
        changes = frozenset(changes) | changes_of(fn)  # a use case names what it changes
        self._post(Job(fn, on_done, on_error, changes, True, self.generation, key))

    def _post(self, job: Job) -> None:
        if self._stopped:
            return
        job.seq = next(self._seq)
        job.latest = self._latest
        if job.key is not None:
            self._latest[job.key] = job.seq
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job)

    def open_store(
        self,
        opener: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Open the store on the worker thread with `opener()` (which may take a second: Argon2id)."""

        def _open(executor: _Executor) -> Any:
            if executor.store is not None:
                executor.store.close()
                executor.store = None
            executor.store = opener()
            return executor.store

        def _opened(store: Any) -> None:
            self.is_open = True
            self.store_opened.emit()
            if on_done is not None:
                on_done(store)

        self._post(Job(_open, _opened, on_error, frozenset(), False, self.generation))

    def close_store(self, on_done: Callable[[Any], None] | None = None) -> None:
        """Drop the store (and its database connection); results of earlier requests are discarded."""
        self.generation += 1
        self.is_open = False

        def _close(executor: _Executor) -> None:
            if executor.store is not None:
                executor.store.close()
                executor.store = None

        self._post(Job(_close, on_done, None, frozenset(), False, self.generation))
        self.store_closed.emit()

    def run_closed(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Close the store, then run `fn()` on the store thread (e.g. restoring a backup over it)."""

        def _run(executor: _Executor) -> Any:
            if executor.store is not None:
                executor.store.close()
                executor.store = None
            return fn()

        self._post(Job(_run, on_done, on_error, frozenset(), False, self.generation))

    # -- results --------------------------------------------------------------------------------
    @Slot(object)
    def _finished(self, job: Job) -> None:
        self._pending -= 1
        try:
            if job.skipped or job.generation != self.generation:
                return
            if job.error is not None:
                if job.on_error is not None:
                    job.on_error(job.error)
                else:
                    log.error("store request failed: %s", type(job.error).__name__)
                return
            if job.on_done is not None:
                job.on_done(job.result)
            if job.changes:
                self.data_changed.emit(set(job.changes))
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    # -- shutdown -------------------------------------------------------------------------------
    def stop(self) -> None:
        """Close the store and end the thread (blocks until queued requests have run)."""
        if self._stopped:
            return
        self.generation += 1
        self.is_open = False
        thread = self._thread

        def _close_and_quit(executor: _Executor) -> None:
            try:
                if executor.store is not None:
                    executor.store.close()
                    executor.store = None
            finally:
                thread.quit()  # runs after every request queued before it

        self._post(Job(_close_and_quit, None, None, frozenset(), False, self.generation))
        self._stopped = True
        self._thread.wait()
