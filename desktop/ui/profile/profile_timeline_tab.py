"""成长档案: one timeline of everything recorded about the student, filterable by kind."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.profile import TimelineEntry, TimelineKind


class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        self.kind = QComboBox(self)
        self.kind.setObjectName("timelineKind")
        self.kind.addItem(self.tr("All kinds"), None)
        names = self.kind_names()
        for kind in TimelineKind:
            self.kind.addItem(names[kind], kind)
        self.kind.currentIndexChanged.connect(self._fill)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("timeline")
        self.table.setAccessibleName(self.tr("Growth archive timeline"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Item"), self.tr("Details")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def kind_names(self) -> dict[TimelineKind, str]:
        return {
            TimelineKind.IDENTIFICATION: self.tr("Identification"),
            TimelineKind.AID: self.tr("Aid"),
            TimelineKind.REWARD: self.tr("Growth reward"),
            TimelineKind.VISIT: self.tr("Home visit"),
            TimelineKind.KEY_SUPPORT: self.tr("Key support"),
            TimelineKind.FLAG: self.tr("Monitoring"),
            TimelineKind.WISH: self.tr("Wish list"),
            TimelineKind.GIVE_BACK: self.tr("Giving back"),
            TimelineKind.TALK: self.tr("One-to-one talk"),
        }

    def set_entries(self, entries: list[TimelineEntry]) -> None:
        self._entries = entries
        self._fill()

    def _fill(self) -> None:
        kind = self.kind.currentData()
        shown = [e for e in self._entries if kind is None or e.kind == kind]
        names = self.kind_names()
        self.table.setRowCount(len(shown))
        for row, entry in enumerate(shown):
            for column, text in enumerate(
                (entry.day.isoformat(), names[entry.kind], entry.title, entry.detail)
            ):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)

    def visible_count(self) -> int:
        return self.table.rowCount()
