"""A date picker that can also hold "no date" (shown as a dash), never a future date unless allowed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

_NONE = QDate(1900, 1, 1)


class DateField(QDateEdit):
    def __init__(
        self, *, optional: bool = True, allow_future: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self._optional = optional
        self.setMinimumDate(_NONE)
        if not allow_future:
            self.setMaximumDate(QDate.currentDate())
        if optional:
            self.setSpecialValueText("—")
            self.setDate(_NONE)
        else:
            self.setDate(QDate.currentDate())

    def value(self) -> date | None:
        current = self.date()
        if self._optional and current == _NONE:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_NONE if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))
