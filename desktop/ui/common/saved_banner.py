"""An inline "saved" banner: a calm line naming what was just saved, next to where the user looks.

The status strip says it too; this banner repeats it inside the page the user returns to (the
student's profile, the 家访 list), so nobody concludes a visit was lost and enters it twice.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.shell.app_context import AppContext, SavedNotice

BANNER_MS = 15_000


class SavedBanner(QLabel):
    def __init__(
        self, ctx: AppContext, wanted: Callable[[SavedNotice], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("savedBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#savedBanner { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
            " border-radius: 4px; padding: 6px 10px; }"
        )
        self.setVisible(False)
        self._wanted = wanted
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BANNER_MS)
        self._timer.timeout.connect(self.clear_notice)
        if ctx.events is not None:
            ctx.events.record_saved.connect(self.show_notice)

    def show_notice(self, notice: SavedNotice) -> None:
        if not self._wanted(notice):
            return
        self.setText("✓ " + notice.text)
        self.setVisible(True)
        self._timer.start()

    def clear_notice(self) -> None:
        self._timer.stop()
        self.clear()
        self.setVisible(False)
