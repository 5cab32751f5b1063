"""The sync item of the status strip: sync button, pending changes, last successful sync, conflicts
waiting, and while a sync runs a progress bar with a cancel button."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QToolButton, QWidget

from desktop.app.sync_jobs import SyncStatus, SyncSummary
from desktop.ui.sync.sync_controller import SyncController, SyncFailure


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SyncStatusItem(QWidget):
    conflicts_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusItem")
        self.controller = controller
        self.button = QToolButton(self)
        self.button.setObjectName("syncNow")
        self.button.setText(self.tr("Sync"))
        self.button.setToolTip(self.tr("Sync with the center (Ctrl+Shift+S or F5)"))
        self.button.clicked.connect(controller.start)
        self.summary = QLabel(self)
        self.summary.setObjectName("syncSummary")
        self.note = QLabel(self)
        self.note.setObjectName("syncNote")
        self.note.setStyleSheet("#syncNote { color: #b3261e; }")
        self.conflicts = QPushButton(self)
        self.conflicts.setObjectName("syncConflicts")
        self.conflicts.setFlat(True)
        self.conflicts.setStyleSheet("#syncConflicts { color: #b3261e; text-decoration: underline; }")
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.conflicts.setVisible(False)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("syncProgress")
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setVisible(False)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("syncCancel")
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.clicked.connect(controller.cancel)
        self.cancel.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note)
        row.addWidget(self.summary)
        row.addWidget(self.conflicts)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        row.addWidget(self.button)

        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(self._running)
        controller.progress.connect(self.show_progress)
        controller.failed.connect(self._failed)
        controller.finished.connect(self._finished)
        controller.ctx.lock.locked.connect(self._locked)
        controller.ctx.lock.unlocked.connect(self._unlocked)
        self.setVisible(not controller.ctx.lock.is_locked)
        if controller.status is not None:
            self.show_status(controller.status)
        self._running(controller.running)

    # -- state --------------------------------------------------------------------------------------
    def show_status(self, status: SyncStatus) -> None:
        if not status.connected:
            text = self.tr("Not connected to the center")
            if status.pending:
                text += " · " + self.tr("%n change(s) waiting", "", status.pending)
        else:
            last = local_time(status.last_success) if status.last_success else self.tr("never")
            text = (
                self.tr("%n change(s) waiting", "", status.pending)
                + " · "
                + self.tr("last sync %1").replace("%1", last)
            )
        if not self.controller.running:
            self.summary.setText(text)
        self.summary.setToolTip(status.server)
        self.conflicts.setText(self.tr("%n conflict(s) to review", "", status.conflicts))
        self.conflicts.setVisible(status.conflicts > 0)
        self.button.setEnabled(status.connected and not self.controller.running)

    def _running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel.setVisible(running)
        self.cancel.setEnabled(True)
        status = self.controller.status
        self.button.setEnabled(not running and (status is None or status.connected))
        if running:
            self.note.clear()
            self.bar.setRange(0, 0)
            self.summary.setText(self.tr("Syncing…"))

    def show_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "push" and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.summary.setText(
                self.tr("Sending changes… %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
        elif stage == "upload" and total > 0:  # one photo's bytes
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.summary.setText(self.tr("Sending photos…"))
        elif stage == "download" and total > 0:  # photos
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.summary.setText(
                self.tr("Receiving photos… %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
        elif stage == "students" and total > 0:  # students new to this computer, with their history
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.summary.setText(
                self.tr("Receiving students new to this computer… %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )
        elif stage == "leave":  # students reassigned to someone else, removed from this computer
            self.bar.setRange(0, 0)
            self.summary.setText(self.tr("Removing reassigned students… %1").replace("%1", str(done)))
        else:
            self.bar.setRange(0, 0)
            self.summary.setText(self.tr("Receiving… %1 records").replace("%1", str(done)))

    def _finished(self, _summary: SyncSummary) -> None:
        self.note.clear()
        self.summary.setText(self.tr("Synced"))

    def _failed(self, failure: SyncFailure) -> None:
        if failure.kind == SyncFailure.CANCELLED:
            self.note.setText(self.tr("Sync cancelled"))
        else:
            self.note.setText(self.tr("Sync failed: %1").replace("%1", failure.message))

    def _locked(self) -> None:
        self.summary.clear()
        self.note.clear()
        self.conflicts.setVisible(False)
        self._running(False)
        self.setVisible(False)

    def _unlocked(self) -> None:
        self.setVisible(True)
