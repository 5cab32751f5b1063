"""The read-only result tables of the data pages: one look (whole rows, one at a time, no editing),
one way to fill them from rows of text (each cell keyed by its record's id), and the selected entry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

T = TypeVar("T")

KEY_ROLE = Qt.ItemDataRole.UserRole
LONG_CELL = 4  # characters; longer cell values carry a tooltip (narrow_columns elides from 5)


def read_only_table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    """A table of results: not editable, one whole row selected at a time, columns fit their text."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def narrow_columns(table: QTableWidget, chars: dict[int, int]) -> None:
    """Cap columns of long values (college names, lists) at a width of ``chars[column]`` characters:
    longer values end in "…" with the whole value in the tooltip, so the last columns fit the screen.
    The user can still widen such a column by dragging its edge."""
    header = table.horizontalHeader()
    em = table.fontMetrics().horizontalAdvance("中")
    for column, count in chars.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, em * count + 12)


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] | None = None
) -> None:
    """One table row per entry of ``rows``; with ``keys``, every cell of row i holds keys[i] (KEY_ROLE)."""
    table.setRowCount(len(rows))
    for i, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if len(text) > LONG_CELL:
                item.setToolTip(text)  # a long value may be elided in its column
            if keys is not None:
                item.setData(KEY_ROLE, keys[i])
            table.setItem(i, column, item)


def selected_row(table: QTableWidget, rows: Sequence[T]) -> T | None:
    """The entry shown in the table's selected row (None when no row is selected)."""
    index = table.currentRow()
    return rows[index] if 0 <= index < len(rows) and table.selectedItems() else None
