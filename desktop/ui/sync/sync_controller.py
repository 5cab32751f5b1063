"""Runs logins and syncs for the app, off the GUI thread, and tells the views how it went.

Threading: a sync is one job ON the store worker thread (``ctx.worker``), the thread that owns the
store.  The engine's network I/O and its store writes therefore happen on that one thread, so "one
writer" stays true without a second connection, and the GUI thread never waits (it is not the GUI
thread).  Store requests made by views during a sync queue behind it; a long sync shows its progress
in the status bar and can be cancelled.  Progress comes back by a queued signal; cancelling sets the
engine's cancellation token, which the engine checks between requests and during retry pauses.

Locking cancels a running sync: ``about_to_lock`` sets the token, and the worker's close job queues
behind the sync, so the store closes only after the engine has stopped.  Every engine step is its own
store transaction (a page and its cursor together), so a sync stopped anywhere leaves the store
consistent and the next one carries on.  Results of a sync from before the lock are dropped by the
worker (lock generation) and its progress signals by the controller.

One controller per app (it outlives a window rebuilt on a language switch): ``SyncController.of(ctx)``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from desktop.app import sync_jobs
from desktop.app.sync_jobs import Account, SyncStatus, SyncSummary
from desktop.store.errors import StoreError
from desktop.ui.shell.app_context import AppContext
from sync.client import DeviceRevoked, DeviceWiped, EngineSettings, Progress, SyncCancelled, SyncError


class SyncFailure:
    """Why a sync or login did not complete; ``kind`` picks the notice, ``message`` is the engine's
    (Chinese) sentence."""

    CANCELLED = "cancelled"
    REVOKED = "revoked"
    WIPED = "wiped"
    NOT_CONNECTED = "not_connected"
    OTHER = "other"

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        self.message = message


def _failure(error: Exception) -> SyncFailure:
    if isinstance(error, SyncCancelled):
        return SyncFailure(SyncFailure.CANCELLED, str(error))
    if isinstance(error, DeviceRevoked):
        return SyncFailure(SyncFailure.REVOKED, str(error))
    if isinstance(error, DeviceWiped):
        return SyncFailure(SyncFailure.WIPED, str(error))
    if isinstance(error, sync_jobs.NotConnected):
        return SyncFailure(SyncFailure.NOT_CONNECTED, str(error))
    if isinstance(error, (SyncError, StoreError)):
        return SyncFailure(SyncFailure.OTHER, str(error))
    return SyncFailure(SyncFailure.OTHER, type(error).__name__)


class SyncController(QObject):
    started = Signal()
    progress = Signal(
        str, int, int
    )  # stage ("push", "pull", "backfill", "repair"), done, total (-1: unknown)
    finished = Signal(object)  # SyncSummary
    failed = Signal(object)  # SyncFailure
    status_changed = Signal(object)  # SyncStatus
    conflicts_changed = Signal(int)  # conflicts waiting for review
    logged_in = Signal(object)  # Account
    login_failed = Signal(str)
    running_changed = Signal(bool)
    _relay = Signal(int, str, int, int)  # generation, stage, done, total: from the store thread

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx.worker)
        self.setObjectName("syncController")
        self.ctx = ctx
        self.engine_settings: EngineSettings | None = None  # tests make pages small
        self.status: SyncStatus | None = None
        self.last_summary: SyncSummary | None = None
        self._cancel: threading.Event | None = None
        self._generation = -1
        self._conflicts = -1
        self._relay.connect(self._relayed)
        ctx.lock.about_to_lock.connect(self.cancel)
        ctx.lock.locked.connect(self._locked)
        ctx.lock.unlocked.connect(self.refresh_status)
        ctx.worker.data_changed.connect(self._data_changed)

    @staticmethod
    def of(ctx: AppContext) -> SyncController:
        """The app's controller (made on first use, owned by the store worker)."""
        found = ctx.worker.findChild(SyncController, "syncController")
        return found if isinstance(found, SyncController) else SyncController(ctx)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    # -- status -----------------------------------------------------------------------------------
    def refresh_status(self) -> None:
        if self.ctx.lock.is_locked:
            return
        self.ctx.worker.run(sync_jobs.sync_status, self._status_loaded, self._ignore, key="sync-status")

    def _status_loaded(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
        if status.conflicts != self._conflicts:
            self._conflicts = status.conflicts
            self.conflicts_changed.emit(status.conflicts)

    def _ignore(self, _error: Exception) -> None:
        return None

    def _data_changed(self, _kinds: object) -> None:
        if not self.running:
            self.refresh_status()

    def _locked(self) -> None:
        self.status = None
        self._conflicts = -1
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None
            self.running_changed.emit(False)

    # -- account ----------------------------------------------------------------------------------
    def login(
        self,
        server: str,
        username: str,
        password: str,
        device_name: str = "",
        *,
        pin: bool = False,
        ca_file: str = "",
        aggregate_only: bool = False,
    ) -> None:
        """``ca_file``: a college CA certificate to trust from now on ("" keeps the one trusted before);
        ``aggregate_only``: keep no student record on this computer (school center, protocol §6b)."""

        def connect(store: Any) -> Account:
            return sync_jobs.connect(
                store,
                server,
                username,
                password,
                device_name=device_name,
                pin_certificate=pin,
                ca_file=Path(ca_file) if ca_file else None,
                aggregate_only=aggregate_only,
            )

        def done(account: Account) -> None:
            identity = self.ctx.identity
            identity.user_name = account.display_name
            identity.role = account.role
            identity.user_id = account.user_id
            if self.ctx.events is not None:
                self.ctx.events.identity_changed.emit()
            self.logged_in.emit(account)
            self.refresh_status()

        def failed(error: Exception) -> None:
            self.login_failed.emit(_failure(error).message)
            if isinstance(error, DeviceWiped) and self.ctx.events is not None:
                self.ctx.events.store_wiped.emit()  # the store was destroyed on the center's order

        self.ctx.worker.run(connect, done, failed)

    def forget_pinned_certificate(self) -> None:
        self.ctx.worker.run(
            sync_jobs.forget_pinned_certificate, lambda _r: self.refresh_status(), self._ignore
        )

    def sign_out(self) -> None:
        self.ctx.worker.run(sync_jobs.forget_token, lambda _r: self.refresh_status(), self._ignore)

    # -- sync -------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start a sync; False when one is running already or the app is locked."""
        if self.running or self.ctx.lock.is_locked:
            return False
        cancel = threading.Event()
        self._cancel = cancel
        generation = self._generation = self.ctx.worker.generation
        settings = self.engine_settings

        def report(step: Progress) -> None:  # on the store thread
            self._relay.emit(generation, step.stage, step.done, -1 if step.total is None else step.total)

        def work(store: Any) -> SyncSummary:
            return sync_jobs.run_sync(store, progress=report, cancel=cancel, settings=settings)

        self.ctx.worker.run(work, self._done, self._failed)
        self.running_changed.emit(True)
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    @Slot(int, str, int, int)
    def _relayed(self, generation: int, stage: str, done: int, total: int) -> None:
        if generation == self.ctx.worker.generation and self._cancel is not None:
            self.progress.emit(stage, done, total)

    def _end(self) -> None:
        self._cancel = None
        self.running_changed.emit(False)

    def _done(self, summary: SyncSummary) -> None:
        self._end()
        self.last_summary = summary
        if summary.changed_kinds:
            self.ctx.worker.data_changed.emit(set(summary.changed_kinds))
        self.finished.emit(summary)
        self.refresh_status()

    def _failed(self, error: Exception) -> None:
        self._end()
        failure = _failure(error)
        self.failed.emit(failure)
        if failure.kind == SyncFailure.WIPED:
            # The store is destroyed (and closed): the app leaves the window for a new store.
            if self.ctx.events is not None:
                self.ctx.events.store_wiped.emit()
            return
        self.refresh_status()
