"""Visitors (name + role) and interviewees (name + relationship) on a home visit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.records.choices import RELATIONSHIPS
from sync.records.enums import VisitorRole


class PeopleTable(QWidget):
    """`second` is "role" (visitors: a fixed list) or "relationship" (interviewees: suggestions)."""

    changed = Signal()

    def __init__(
        self, second: str, titles: tuple[str, str], add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.second = second
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(list(titles))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(140)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        add = QPushButton(add_text, self)
        add.clicked.connect(lambda: self.add_person("", None))
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button = add

    def add_person(self, name: str, second: str | None) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox(self.table)
        if self.second == "role":
            for role in VisitorRole:
                combo.addItem(role.label, role.value)
            combo.setCurrentIndex(max(combo.findData(second), 0))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        else:
            combo.setEditable(True)
            combo.addItems(["", *RELATIONSHIPS])
            combo.setCurrentText(second or "")
            combo.currentTextChanged.connect(lambda _t: self.changed.emit())
        self.table.setCellWidget(row, 1, combo)
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def _remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def people(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            name = item.text().strip() if item is not None else ""
            combo = self.table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            second = combo.currentData() if self.second == "role" else combo.currentText().strip()
            if name or (self.second != "role" and second):
                result.append({"name": name, self.second: second})
        return result

    def set_people(self, people: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for person in people:
            self.add_person(str(person.get("name", "")), person.get(self.second))
