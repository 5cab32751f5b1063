"""成长档案: find a student and read their growth archive as one timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import profile, roster
from desktop.app.profile import StudentHistory
from desktop.app.roster import RosterPage, RosterQuery
from desktop.ui.profile.profile_timeline_tab import TimelineTab
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section


class ArchiveSection(Section):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit(self)
        self.search.setObjectName("archiveSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find a student (name, pinyin, initials, student no.)"))
        self.results = QListWidget(self)
        self.results.setObjectName("archiveResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setMaximumWidth(260)
        self.results.currentItemChanged.connect(self._selected)
        self.heading = QLabel(self)
        self.heading.setObjectName("archiveHeading")
        self.timeline = TimelineTab(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.timeline, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.setFocusProxy(self.search)

    def _search(self) -> None:
        query = RosterQuery(text=self.search.text().strip(), sort="name")
        self.ctx.worker.run(
            lambda store: roster.roster_page(store, query, 0, 100),
            self._show_results,
            key="archive-search",
        )

    def _show_results(self, page: RosterPage) -> None:
        self.results.clear()
        for row in page.rows:
            item = QListWidgetItem(f"{row.name}　{row.student_no}　{row.class_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        student_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.ctx.worker.run(
            lambda store: profile.load_student(store, student_id), self._show, key="archive-load"
        )

    def _show(self, file: StudentHistory) -> None:
        s = file.student
        self.heading.setText(f"{s.name}　{s.student_no}　{file.college_name} {s.class_name}")
        self.timeline.set_entries(
            file.timeline(include_restricted=self.ctx.may_see_key_support(), newest_first=True)
        )

    def reload(self) -> None:
        self._search()

    def clear(self) -> None:
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.results.clear()
        self.heading.clear()
        self.timeline.set_entries([])
