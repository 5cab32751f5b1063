"""A line edit for an ID number or phone: masked (6+4 / 3+4) except while the user is editing it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class MaskedLineEdit(QLineEdit):
    def __init__(self, mask: Callable[[str | None], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mask = mask
        self._value = ""
        self._editing = False
        self.textEdited.connect(self._edited)

    def value(self) -> str:
        return self._value

    def set_value(self, value: str | None) -> None:
        self._value = value or ""
        self._show()

    def _edited(self, text: str) -> None:
        self._value = text

    def _show(self) -> None:
        self.blockSignals(True)
        self.setText(self._value if self._editing else self._mask(self._value))
        if not self._editing:
            self.setCursorPosition(0)  # the start of the number in view, never its end only
        self.blockSignals(False)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._editing = True
        self._show()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._editing = False
        self._show()
        super().focusOutEvent(event)
