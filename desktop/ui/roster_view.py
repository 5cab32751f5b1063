"""The roster: one search box (name, pinyin, initials, 学号, 班级), filters and a sortable lazy table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import store_calls
from desktop.ui.app_context import AppContext
from desktop.ui.batch_export_dialog import BatchExportDialog
from desktop.ui.roster_model import RosterModel
from desktop.ui.store_calls import FilterOptions, RecordHit, RosterQuery
from sync.records.enums import DifficultyType, IdentificationLevel


class RosterView(QWidget):
    student_activated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RosterModel(ctx.worker, show_key_support=ctx.may_see_key_support())
        self.model.count_known.connect(self._update_count)

        self.search = QLineEdit(self)
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin, initials (zs), student no. or class  (Ctrl+F)")
        )
        self.search.textChanged.connect(self._apply)
        self.search.returnPressed.connect(self._open_printed_record)
        focus = QAction(self)
        focus.setShortcut(QKeySequence.StandardKey.Find)
        focus.triggered.connect(self._focus_search)
        self.addAction(focus)

        self.college = self._combo("filterCollege", self.tr("All colleges"))
        self.grade = self._combo("filterGrade", self.tr("All grades"))
        self.class_name = self._combo("filterClass", self.tr("All classes"))
        self.level = self._combo("filterLevel", self.tr("All levels"))
        for level in IdentificationLevel:
            self.level.addItem(level.label, level.value)
        self.key_support = self._combo("filterKeySupport", self.tr("Key support: any"))
        self.key_support.addItem(self.tr("Key support: yes"), "any")
        for difficulty in DifficultyType:
            self.key_support.addItem(difficulty.label, difficulty.value)
        self.key_support.setVisible(ctx.may_see_key_support())
        self.visited = self._combo("filterVisited", self.tr("Visited: any"))
        self.visited.addItem(self.tr("Visited this year"), True)
        self.visited.addItem(self.tr("Not yet visited"), False)
        self.new_only = QCheckBox(self.tr("New students"), self)
        self.new_only.setObjectName("filterNew")
        self.new_only.toggled.connect(self._apply)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # for 批量导出
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.count = QLabel(self)
        self.count.setObjectName("rosterCount")

        filters = QHBoxLayout()
        for widget in (self.college, self.grade, self.class_name, self.level, self.key_support, self.visited):
            filters.addWidget(widget)
        filters.addWidget(self.new_only)
        filters.addStretch(1)
        filters.addWidget(self.count)
        self.export_pdf = QPushButton(self.tr("Export PDFs…"), self)
        self.export_pdf.setObjectName("rosterExportPdf")
        self.export_pdf.setToolTip(
            self.tr("Visit forms or growth archives of the selected students, a class or a college")
        )
        self.export_pdf.clicked.connect(self.batch_export)
        filters.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.search)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_printed_record(self) -> None:
        """Enter on a printed record number (typed, or scanned from a form's QR code) opens it."""
        text = self.search.text().strip()
        if text and not self.ctx.lock.is_locked:
            self.ctx.worker.run(lambda store: store_calls.printed_record(store, text), self._open_hit)

    def _open_hit(self, hit: RecordHit | None) -> None:
        if hit is None:
            return
        self.student_activated.emit(hit.student_id)
        if hit.visit_id is not None and self.ctx.events is not None:
            self.ctx.events.open_visit.emit(hit.visit_id)

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._apply)
        return combo

    # -- query ----------------------------------------------------------------------------------
    def current_query(self) -> RosterQuery:
        return replace(
            self.model.query,
            text=self.search.text().strip(),
            college_id=self.college.currentData(),
            grade=self.grade.currentData(),
            class_name=self.class_name.currentData(),
            level=self.level.currentData(),
            key_support=self.key_support.currentData() if self.ctx.may_see_key_support() else None,
            visited=self.visited.currentData(),
            new_student=True if self.new_only.isChecked() else None,
        )

    def _apply(self) -> None:
        if self.ctx.lock.is_locked:
            return
        self.model.set_query(self.current_query())

    def _update_count(self, count: int) -> None:
        self.count.setText(self.tr("%n student(s)", "", count))

    def selected_student_ids(self) -> list[str]:
        ids = (
            self.model.data(index, Qt.ItemDataRole.UserRole)
            for index in self.table.selectionModel().selectedRows()
        )
        return [student_id for student_id in ids if isinstance(student_id, str)]

    def batch_export(self) -> BatchExportDialog:
        """批量导出 PDF for the selected students (or the current filters, a class, a college)."""
        dialog = BatchExportDialog(
            self.ctx, student_ids=self.selected_student_ids(), query=self.current_query(), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _activated(self, index: QModelIndex) -> None:
        student_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if isinstance(student_id, str):
            self.student_activated.emit(student_id)

    # -- life cycle -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.run(store_calls.filter_options, self._fill_filters, key="roster-filters")
        self._apply()

    def _fill_filters(self, options: FilterOptions) -> None:
        for combo, items in (
            (self.college, options.colleges),
            (self.grade, [(str(g), g) for g in options.grades]),
            (self.class_name, [(c, c) for c in options.classes]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, value in items:
                combo.addItem(text, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def clear(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for combo in (self.college, self.grade, self.class_name):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            combo.blockSignals(False)
        self.model.clear()
        self.count.clear()
