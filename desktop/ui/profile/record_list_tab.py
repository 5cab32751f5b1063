"""A read-only table of a student's records of one kind (认定记录, 资助记录, 成长奖励, 家访记录…)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Column = tuple[str, Callable[[Any], str]]


def label_of(value: Any) -> str:
    """A coded enum's Chinese label, a list of them joined, or the value as text."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "、".join(label_of(v) for v in value)
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


class RecordListTab(QWidget):
    record_activated = Signal(str)  # record id

    def __init__(self, columns: Sequence[Column], empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.table = QTableWidget(0, len(self._columns), self)
        self.table.setHorizontalHeaderLabels([title for title, _ in self._columns])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.empty = QLabel(empty_text, self)
        self.empty.setStyleSheet("color: #6b6b6b;")
        self.toolbar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def set_records(self, records: Sequence[Any]) -> None:
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for column, (_title, value_of) in enumerate(self._columns):
                item = QTableWidgetItem(value_of(record))
                item.setData(Qt.ItemDataRole.UserRole, getattr(record, "id", None))
                self.table.setItem(row, column, item)
        self.empty.setVisible(not records)

    def _activated(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        record_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(record_id, str):
            self.record_activated.emit(record_id)
