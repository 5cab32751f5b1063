"""Read and write a form field's widget by field name (line edits, text areas, combos, boxes, dates…)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.ui.common.date_field import DateField
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.profile.family_table import FamilyTable
from desktop.ui.visits.people_table import PeopleTable


def get_value(widget: QWidget) -> Any:
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip() if widget.isEditable() else widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return None if widget.specialValueText() and widget.value() == widget.minimum() else widget.value()
    if isinstance(widget, MultiSelect):
        return widget.values()
    if isinstance(widget, PeopleTable):
        return widget.people()
    if isinstance(widget, FamilyTable):
        return [values for _id, values in widget.rows()]
    raise TypeError(type(widget).__name__)


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, DateField):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText("" if value is None else str(value))
        else:
            widget.setCurrentIndex(max(widget.findData(None if value is None else str(value)), 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(widget.minimum() if value is None else int(value))
    elif isinstance(widget, MultiSelect):
        widget.set_values(list(value or []))
    elif isinstance(widget, PeopleTable):
        widget.set_people(list(value or []))
    elif isinstance(widget, FamilyTable):
        widget.set_rows([(row.get("family_member_id"), row) for row in value or []])
    else:
        raise TypeError(type(widget).__name__)


def change_signal(widget: QWidget) -> SignalInstance | None:
    if isinstance(widget, DateField):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, MultiSelect | PeopleTable | FamilyTable):
        return widget.changed
    return None


def money_or_text(text: Any) -> Any:
    """A typed amount as a Decimal; text that is not a number is passed on for validation to reject."""
    if text in ("", None):
        return None
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return text
