"""Sync in the main window: the status-strip item (in the slot the window keeps for it), the shortcut,
the notice bar, the conflict review dialog and the server/account group in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.settings.settings_page import SettingsPage
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.sync.conflict_review import ConflictReviewDialog
from desktop.ui.sync.server_account_panel import ServerAccountPanel
from desktop.ui.sync.sync_controller import SyncController
from desktop.ui.sync.sync_notices import SyncNotices
from desktop.ui.sync.sync_status_item import SyncStatusItem


class SyncParts(QObject):
    """What one main window shows of sync (found with ``window.findChild(SyncParts)``)."""

    def __init__(self, window: MainWindow, ctx: AppContext, settings: SettingsPage) -> None:
        super().__init__(window)
        self.setObjectName("syncParts")
        self.window = window
        self.ctx = ctx
        self.controller = SyncController.of(ctx)
        self.item = SyncStatusItem(self.controller, window)
        slot = window.sync_slot
        holder = slot.parentWidget()
        strip = holder.layout() if holder is not None else None
        assert strip is not None, "the main window keeps a slot for sync in its status strip"
        strip.replaceWidget(slot, self.item)
        slot.setVisible(False)

        self.action = QAction(self.tr("Sync now"), window)
        self.action.setObjectName("syncAction")
        self.action.setShortcuts(
            [QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S), QKeySequence(Qt.Key.Key_F5)]
        )
        self.action.triggered.connect(self.controller.start)
        window.addAction(self.action)

        self.notices = SyncNotices(self.controller, window)
        window.add_notice(self.notices)
        self.notices.settings_requested.connect(lambda: window.show_section("settings"))

        self.panel = ServerAccountPanel(self.controller, settings)
        settings.add_group(self.panel)

        self.review: ConflictReviewDialog | None = None
        self.item.conflicts_requested.connect(self.open_review)

    def open_review(self) -> ConflictReviewDialog:
        if self.review is None:
            self.review = ConflictReviewDialog(self.ctx, self.window)
        self.review.reload()
        self.review.show()
        return self.review


def add_sync(window: MainWindow, ctx: AppContext, settings: SettingsPage) -> SyncParts:
    return SyncParts(window, ctx, settings)
