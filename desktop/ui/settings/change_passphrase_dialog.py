"""Change the passphrase: the old one, the new one twice (with the strength hint)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.busy_indicator import BusyIndicator
from desktop.ui.unlock.passphrase_strength import Strength, hint_for, strength_of


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old = self._password("oldPassphrase")
        self.new = self._password("newPassphrase")
        self.repeat = self._password("repeatPassphrase")
        self.hint = QLabel(self)
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("changeError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.busy = BusyIndicator(self)
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.old)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("Repeat new passphrase"), self.repeat)
        form.addRow("", self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The app locks afterwards; unlock with the new passphrase."), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        for edit in (self.old, self.new, self.repeat):
            edit.textChanged.connect(self._update)
        self._update()
        name_controls(self)

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _update(self) -> None:
        text = self.new.text()
        strength = strength_of(text)
        self.hint.setText(hint_for(text))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.old.text()) and strength != Strength.REJECTED and text == self.repeat.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.set_busy(busy)
        self.buttons.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
