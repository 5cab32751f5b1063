"""The roster as a lazy table model: a count and pages of plain rows fetched on the store thread.

Only the pages the view shows are ever fetched (and at most `MAX_PAGES` are kept), so a roster of
20,000 students costs a count query and a page or two, never 20,000 objects on the GUI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.app import roster
from desktop.app.roster import RosterPage, RosterQuery, RosterRow
from desktop.ui.shell.store_worker import StoreWorker

PAGE_SIZE = 50  # a screenful; a smaller first page is what makes a keystroke fast
MAX_PAGES = 160
COUNT_DELAY_MS = 200
TOOLTIP_FROM = 6  # characters; a longer value carries a tooltip with the whole of it

# (row attribute, sort key understood by the store query)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("student_no", "student_no"),
    ("name", "name"),
    ("college", "college"),
    ("class_name", "class_name"),
    ("level", "level"),
    ("key_support", "key_support"),
    ("visited", "visited"),
    ("counselor", "counselor"),
)

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class RosterModel(QAbstractTableModel):
    query_applied = Signal()  # the first page of a new query is shown
    count_known = Signal(int)  # the number of students the query selects

    def __init__(self, worker: StoreWorker, *, show_key_support: bool = True) -> None:
        super().__init__()
        self._worker = worker
        self._columns = [c for c in COLUMNS if show_key_support or c[0] != "key_support"]
        self.query = RosterQuery()
        self.loading = False  # a new query's first page is on its way
        self._total = 0
        self._pages: OrderedDict[int, list[RosterRow]] = OrderedDict()
        self._requested: set[int] = set()
        self._generation = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)

    # -- headers and cells ----------------------------------------------------------------------
    def column_keys(self) -> list[str]:
        return [key for key, _ in self._columns]

    def _titles(self) -> dict[str, str]:
        return {
            "student_no": self.tr("Student no."),
            "name": self.tr("Name"),
            "college": self.tr("College"),
            "class_name": self.tr("Class"),
            "level": self.tr("Level"),
            "key_support": self.tr("Key support"),
            "visited": self.tr("Visited this year"),
            "counselor": self.tr("Counselor"),
        }

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles()[self._columns[section][0]]
        return None

    def row_at(self, row: int) -> RosterRow | None:
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole:  # a long college or class name may be elided (…)
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return text if isinstance(text, str) and len(text) > TOOLTIP_FROM else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 1 else None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        key = self._columns[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "visited" and not row.visited:
                return QBrush(QColor("#9a6700"))
            return None
        if key == "visited":
            return self.tr("Yes") if row.visited else self.tr("No")
        if key == "key_support":
            return self.tr("Yes") if row.key_support else ""
        if key == "name" and row.is_new:
            return self.tr("%1 · new").replace("%1", row.name)
        return getattr(row, key)

    # -- queries --------------------------------------------------------------------------------
    def set_query(self, query: RosterQuery) -> None:
        """Show the first page as soon as it is read; the count follows (it is the slower query)."""
        self.query = query
        self.loading = True
        self._generation += 1
        generation = self._generation
        self._worker.run(
            lambda store: roster.roster_page(store, query, 0, PAGE_SIZE),
            lambda page: self._first_page(generation, page),
            lambda _exc: None,
            key="roster-query",
        )
        self._count_timer.start()  # counted once typing pauses, so it never delays the next page

    def _count(self) -> None:
        generation = self._generation
        query = self.query
        self._worker.run(
            lambda store: roster.roster_count(store, query),
            lambda count: self._count_arrived(generation, int(count)),
            lambda _exc: None,
            key="roster-count",
        )

    def refresh(self) -> None:
        self.set_query(self.query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        query = replace(
            self.query,
            sort=self._columns[column][1],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        if not self._worker.is_open:  # the header's sort while building the window: kept for unlocking
            self.query = query
            return
        self.set_query(query)

    def _first_page(self, generation: int, page: RosterPage) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.beginResetModel()
        self._total = len(page.rows)  # grows to the full count when it arrives
        self._pages = OrderedDict({0: page.rows})
        self._requested = set()
        self.endResetModel()
        self.query_applied.emit()
        if len(page.rows) < PAGE_SIZE:
            self.count_known.emit(self._total)

    def _count_arrived(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        if count > self._total:
            self.beginInsertRows(_ROOT, self._total, count - 1)
            self._total = count
            self.endInsertRows()
        if count >= PAGE_SIZE:
            self.count_known.emit(count)

    def _request(self, page_no: int) -> None:
        if page_no in self._requested:
            return
        self._requested.add(page_no)
        generation = self._generation
        query = self.query
        self._worker.run(
            lambda store: roster.roster_page(store, query, page_no * PAGE_SIZE, PAGE_SIZE),
            lambda page: self._page_arrived(generation, page_no, page),
            lambda _exc: self._requested.discard(page_no),
        )

    def _page_arrived(self, generation: int, page_no: int, page: RosterPage) -> None:
        self._requested.discard(page_no)
        if generation != self._generation:
            return
        self._pages[page_no] = page.rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page_no * PAGE_SIZE
        last = min(first + len(page.rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def clear(self) -> None:
        """Forget every row (when locking)."""
        self._count_timer.stop()
        self._generation += 1
        self.loading = False
        self.beginResetModel()
        self._total = 0
        self._pages = OrderedDict()
        self._requested = set()
        self.endResetModel()
