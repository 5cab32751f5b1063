"""PDF work for the UI, in three steps that never block the GUI thread.

1. ``pdf_documents.fetch_inputs`` reads what a PDF needs from the store, on the store thread
   (``ctx.worker.run``);
2. ``pdf_documents.build_pdf`` turns those inputs into PDF bytes on a :class:`PdfJobs` thread
   (ReportLab is pure CPU work; a batch export may take minutes);
3. ``pdf_documents.log_audit`` leaves the audit entry of a save or a print, again on the store thread.

The PDF stays in memory as bytes: it reaches the disk only as a file the user chose to save (and as
whatever a printer spooler keeps).  When the app locks, every job is cancelled and results of jobs
started before the lock are dropped, like the store worker does for its requests.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop.app.pdf_documents import JobControl, Progress

log = logging.getLogger(__name__)


# -- the job runner --------------------------------------------------------------------------------
def alive(widget: QObject) -> bool:
    """False once Qt deleted the object (e.g. the window was rebuilt for another language) while a
    request was on its way: its result then has nowhere to go."""
    return bool(shiboken6.isValid(widget))


class _Relay(QObject):
    """Lives on the GUI thread; the pool thread emits, the GUI thread receives (queued)."""

    finished = Signal(object, object)  # result, error
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobControl], Any], control: JobControl, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._control = control
        self._relay = relay

    def run(self) -> None:
        result: Any = None
        error: Exception | None = None
        try:
            result = self._fn(self._control)
        except Exception as exc:  # reported to the caller on the GUI thread
            error = exc
        self._relay.finished.emit(result, error)


@dataclass(eq=False)
class PdfJob:
    """A running job: ``cancel()`` asks it to stop (a batch stops between students)."""

    control: JobControl
    generation: int
    relay: _Relay
    seq: int = 0
    done: bool = False

    def cancel(self) -> None:
        self.control.cancel.set()


class PdfJobs(QObject):
    """Background threads for PDF work (two: a preview can start while a batch export runs)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._active: dict[int, PdfJob] = {}
        self._seq = itertools.count(1)
        self.generation = 0

    @classmethod
    def of(cls, owner: QObject) -> PdfJobs:
        """The runner shared by every view of one app (a child of ``owner``, the store worker)."""
        found = owner.findChild(PdfJobs)
        if isinstance(found, PdfJobs):
            return found
        jobs = cls(owner)
        jobs.setObjectName("pdfJobs")
        lock = getattr(owner, "store_closed", None)
        if lock is not None:
            lock.connect(jobs.cancel_all)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(jobs.cancel_all)  # quitting does not wait for a whole batch
        return jobs

    @property
    def pending(self) -> int:
        return len(self._active)

    def run(
        self,
        fn: Callable[[JobControl], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Progress | None = None,
    ) -> PdfJob:
        """Run ``fn(control)`` on a pool thread; callbacks run on the GUI thread."""
        relay = _Relay()
        job = PdfJob(JobControl(threading.Event(), relay.progressed.emit), self.generation, relay)
        job.seq = next(self._seq)
        if on_progress is not None:
            relay.progressed.connect(
                lambda done, total: on_progress(done, total) if job.generation == self.generation else None,
                Qt.ConnectionType.QueuedConnection,
            )
        relay.finished.connect(
            lambda result, error: self._finished(job, result, error, on_done, on_error),
            Qt.ConnectionType.QueuedConnection,
        )
        self._active[job.seq] = job
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Runnable(fn, job.control, relay))
        return job

    @Slot()
    def cancel_all(self) -> None:
        """Cancel every job and drop the results of those already running (the app is locking)."""
        self.generation += 1
        for job in self._active.values():
            job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has returned (used at shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    def _finished(
        self,
        job: PdfJob,
        result: Any,
        error: Exception | None,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> None:
        job.done = True
        self._active.pop(job.seq, None)
        try:
            if job.generation != self.generation:
                return
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("PDF job failed: %s", type(error).__name__)
                return
            if on_done is not None:
                on_done(result)
        finally:
            job.relay.deleteLater()
            if not self._active:
                self.busy_changed.emit(False)
