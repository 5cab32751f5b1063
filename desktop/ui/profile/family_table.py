"""The family-member table (profile and visit form): one row per member, validated row by row."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.records.choices import RELATIONSHIPS
from sync.records.enums import HealthStatus, MemberStatus

TEXT_FIELDS = ("name", "age", "relationship", "employer", "occupation", "annual_income")
ERROR_BRUSH = QBrush(QColor("#fbe9e7"))


class FamilyTable(QWidget):
    changed = Signal()

    def __init__(
        self, *, with_note: bool = True, with_verified: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._with_note = with_note
        self.fields = [
            *TEXT_FIELDS,
            "health",
            "status",
            *(["note"] if with_note else []),
            *(["verified"] if with_verified else []),  # 本次核实, on the visit form
        ]
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setObjectName("familyTable")
        self.table.setHorizontalHeaderLabels(self._titles())
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(self.tr("Add member"), self)
        self.add_button.setObjectName("addMember")
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button = QPushButton(self.tr("Remove member"), self)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.clicked.connect(self._remove_selected)
        self.errors = QLabel(self)
        self.errors.setObjectName("familyErrors")
        self.errors.setStyleSheet("color: #b3261e;")
        self.errors.setWordWrap(True)
        self.errors.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.errors)
        self._ids: list[str | None] = []

    def _titles(self) -> list[str]:
        titles = {
            "name": self.tr("Name"),
            "age": self.tr("Age"),
            "relationship": self.tr("Relationship"),
            "employer": self.tr("Employer / school"),
            "occupation": self.tr("Occupation"),
            "annual_income": self.tr("Annual income (yuan)"),
            "health": self.tr("Health"),
            "status": self.tr("Status"),
            "note": self.tr("Note"),
            "verified": self.tr("Verified on this visit"),
        }
        return [titles[f] for f in self.fields]

    # -- rows -----------------------------------------------------------------------------------
    def add_row(self, values: dict[str, Any], member_id: str | None = None) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self._ids.append(member_id)
        for column, field in enumerate(self.fields):
            if field in ("health", "status"):
                combo = QComboBox(self.table)
                enum = HealthStatus if field == "health" else MemberStatus
                for member in enum:
                    combo.addItem(member.label, member.value)
                current = values.get(field)
                if current is not None:
                    combo.setCurrentIndex(max(combo.findData(str(current)), 0))
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, column, combo)
            elif field == "verified":
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                )
                checked = bool(values.get(field))
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("Checked in person (or by call) on this visit"))
                self.table.setItem(row, column, item)
            elif field == "relationship":
                combo = QComboBox(self.table)
                combo.setEditable(True)
                combo.addItems(list(RELATIONSHIPS))
                combo.setCurrentText(str(values.get(field) or ""))
                combo.currentTextChanged.connect(lambda _t: self.changed.emit())
                self.table.setCellWidget(row, column, combo)
            else:
                value = values.get(field)
                self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
            del self._ids[row]
        if rows:
            self.changed.emit()

    def set_rows(self, rows: list[tuple[str | None, dict[str, Any]]]) -> None:
        self.table.setRowCount(0)
        self._ids = []
        for member_id, values in rows:
            self.add_row(values, member_id)
        self.table.resizeColumnsToContents()  # every column as wide as its title and values,
        widest = self.table.fontMetrics().horizontalAdvance("中") * 12  # a long note elided (…)
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.show_errors({})

    def cell_widget(self, row: int, field: str) -> QWidget | None:
        return self.table.cellWidget(row, self.fields.index(field))

    def set_text(self, row: int, field: str, text: str) -> None:
        column = self.fields.index(field)
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setCurrentText(text)
            else:
                widget.setCurrentIndex(max(widget.findText(text), 0))
            return
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        item.setText(text)

    # -- values ---------------------------------------------------------------------------------
    def rows(self) -> list[tuple[str | None, dict[str, Any]]]:
        """(member id or None, field values as typed) for every row; empty rows are skipped."""
        result: list[tuple[str | None, dict[str, Any]]] = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for column, field in enumerate(self.fields):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    values[field] = (
                        widget.currentText().strip() if widget.isEditable() else widget.currentData()
                    )
                elif field == "verified":
                    item = self.table.item(row, column)
                    values[field] = item is not None and item.checkState() == Qt.CheckState.Checked
                else:
                    item = self.table.item(row, column)
                    values[field] = item.text().strip() if item is not None else ""
            if not any(values.get(f) for f in TEXT_FIELDS):
                continue
            values["age"] = _int_or_text(values["age"])
            values["annual_income"] = _decimal_or_text(values["annual_income"])
            result.append((self._ids[row], values))
        return result

    def show_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """Mark cells with problems: (row, field) -> message; an empty dict clears the marks."""
        for row in range(self.table.rowCount()):
            for column, field in enumerate(self.fields):
                item = self.table.item(row, column)
                if item is not None and field != "verified":
                    message = errors.get((row, field))
                    item.setBackground(ERROR_BRUSH if message else QBrush())
                    item.setToolTip(message or "")
        lines = [
            self.tr("Row %1, %2: %3")
            .replace("%1", str(row + 1))
            .replace("%2", self._titles()[self.fields.index(field)] if field in self.fields else field)
            .replace("%3", message)
            for (row, field), message in sorted(errors.items())
        ]
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))


def _int_or_text(text: Any) -> Any:
    if text in ("", None):
        return None
    try:
        return int(str(text))
    except ValueError:
        return text


def _decimal_or_text(text: Any) -> Any:
    if text in ("", None):
        return None
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        return text
