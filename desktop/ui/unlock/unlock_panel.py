"""The passphrase prompt shown at start-up and while the app is locked (the only thing visible then)."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.busy_indicator import BusyIndicator


class UnlockPanel(QWidget):
    """Emits `unlock_requested(passphrase)`; the app answers with `show_error` or hides the panel."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPanel")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        box = QWidget(self)
        # A fixed width (in characters of the UI font) so that a wrapped message never gets cut.
        box.setFixedWidth(box.fontMetrics().horizontalAdvance("中") * 30)
        layout = QVBoxLayout(box)
        self.title = QLabel(self.tr("JiaFang is locked"), box)
        self.title.setObjectName("unlockTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.hint = QLabel(self.tr("Enter your passphrase to open your records."), box)
        self.hint.setWordWrap(True)
        form = QFormLayout()
        self.passphrase = QLineEdit(box)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._submit)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.error = QLabel(box)
        self.error.setObjectName("unlockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setVisible(False)
        self.wait = QLabel(box)
        self.wait.setObjectName("unlockWait")
        self.wait.setWordWrap(True)
        self.wait.setVisible(False)
        self._remaining: Callable[[], float] | None = None
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self.tick)
        self.button = QPushButton(self.tr("Unlock"), box)
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.busy = BusyIndicator(box)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.wait)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignRight)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def _submit(self) -> None:
        text = self.passphrase.text()
        if not text or not self.button.isEnabled():
            return
        self.error.setVisible(False)
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.busy.set_busy(True)
        self.unlock_requested.emit(text)

    def show_error(self, message: str) -> None:
        self.busy.set_busy(False)
        self.button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self.error.setText(message)
        self.error.setVisible(True)

    def show_wait(self, remaining: Callable[[], float]) -> None:
        """After repeated wrong passphrases: no attempt until ``remaining()`` (seconds, read from the
        persisted record each second) reaches 0; the wait is shown as a countdown."""
        self._remaining = remaining
        self.tick()
        if self._remaining is not None:
            self._wait_timer.start()

    def tick(self) -> None:
        left = math.ceil(self._remaining()) if self._remaining is not None else 0
        if left <= 0:
            self._remaining = None
            self._wait_timer.stop()
            self.wait.setVisible(False)
            self.button.setEnabled(True)
            self.passphrase.setEnabled(True)
            return
        self.wait.setText(
            self.tr("Too many wrong passphrases. Please wait %n second(s) before trying again.", "", left)
        )
        self.wait.setVisible(True)
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)

    def reset(self) -> None:
        """Forget what was typed (after unlocking, and whenever the app locks)."""
        self.busy.set_busy(False)
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.button.setEnabled(True)
        self.error.setVisible(False)
        if self._remaining is not None:
            self.tick()  # a running wait survives a reset
