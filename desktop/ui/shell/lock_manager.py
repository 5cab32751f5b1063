"""Lock now (Ctrl+L) and lock after a period without keyboard or mouse input.

`lock()` emits `about_to_lock` first (views save drafts, close editors and forget what they showed),
then drops the store; `locked` follows.  `unlocked` is emitted by the app once the store is open again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.ui.shell.ui_settings import DEFAULT_IDLE_MINUTES

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockManager(QObject):
    about_to_lock = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(self, idle_minutes: int = DEFAULT_IDLE_MINUTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_locked = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def idle_ms(self) -> int:
        return self._timer.interval()

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_ms(max(1, minutes) * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if not self.is_locked:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in _INPUT_EVENTS:
            self._timer.start()  # restart the idle countdown
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self._timer.stop()
        self.about_to_lock.emit()
        self.is_locked = True
        self.locked.emit()

    def mark_unlocked(self) -> None:
        self.is_locked = False
        self._timer.start()
        self.unlocked.emit()

    def detach(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
