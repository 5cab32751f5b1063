"""The roster: one search box (name, pinyin, initials, 学号, 班级), filters and a sortable lazy table."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
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

from desktop.app import roster
from desktop.app.roster import FilterOptions, RecordHit, RosterQuery
from desktop.ui.common.shortcut_tips import with_shortcut
from desktop.ui.roster.roster_model import RosterModel
from desktop.ui.shell.app_context import AppContext
from sync.records.enums import DifficultyType, IdentificationLevel

if TYPE_CHECKING:
    from desktop.ui.pdf.batch_export_dialog import BatchExportDialog

SENSITIVE_COLUMNS = ("level", "key_support")  # hidden in privacy mode


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
        self.search.setToolTip(self.tr("Ctrl+F. Enter opens the first student found, ↓ moves into the list."))
        # Keyboard first: Enter opens the selected (else the first) result, ↓ moves into the list.
        self.search.returnPressed.connect(self.open_first_result)
        self.search.installEventFilter(self)
        self._open_when_shown = False
        self.search.textEdited.connect(self._typing)
        self.model.query_applied.connect(self._query_shown)
        # A printed record number (typed, or scanned from a form's QR code) opens that record.
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
        # Privacy mode (on by default, remembered): 认定等级 and key support stay hidden from anyone
        # passing by until the user reveals them with one click.
        self.privacy = QPushButton(self)
        self.privacy.setObjectName("privacyMode")
        self.privacy.setCheckable(True)
        self.privacy.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_H))
        self.privacy.setChecked(ctx.settings.privacy_mode)
        self.privacy.toggled.connect(self.set_privacy_mode)
        self.new_only = QCheckBox(self.tr("New students"), self)
        self.new_only.setObjectName("filterNew")
        self.new_only.toggled.connect(self._apply)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setAccessibleName(self.tr("Students"))
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
        # College names run to 9–10 characters: room for them, the rest stretched into 辅导员.
        college = self.model.column_keys().index("college")
        self.table.setColumnWidth(college, self.table.fontMetrics().horizontalAdvance("中") * 10 + 12)
        self.table.activated.connect(self._activated)
        self.count = QLabel(self)
        self.count.setObjectName("rosterCount")
        self.empty = QLabel(self)  # why the list is empty and what to do
        self.empty.setObjectName("rosterEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet("#rosterEmpty { color: palette(placeholder-text); padding: 24px; }")
        self.empty.setVisible(False)

        filters = QHBoxLayout()
        for widget in (self.college, self.grade, self.class_name, self.level, self.key_support, self.visited):
            filters.addWidget(widget)
        filters.addWidget(self.new_only)
        filters.addStretch(1)
        # The privacy button, the count and 批量导出 share the search's row, so the filter row fits a
        # 1366 px screen even at 150 % with every filter shown.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.privacy)
        top.addWidget(self.count)
        self.export_pdf = QPushButton(self.tr("Export PDFs…"), self)
        self.export_pdf.setObjectName("rosterExportPdf")
        with_shortcut(
            self.export_pdf,
            self.tr("Visit forms or growth archives of the selected students, a class or a college"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E),
        )
        self.export_pdf.clicked.connect(self.batch_export)
        top.addWidget(self.export_pdf)
        self._show_privacy(self.privacy.isChecked())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)  # in the table's place while the list is empty
        self.setFocusProxy(self.search)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount() > 0
        ):
            row = max(self.table.currentIndex().row(), 0)
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    def open_first_result(self) -> None:
        """Enter in the search box: open the selected student, else the first (or only) one found;
        when the result is still on its way, open it as soon as it is shown."""
        if self.model.loading:
            self._open_when_shown = True
            return
        selected = self.table.selectionModel().selectedRows()
        index = selected[0] if selected else self.model.index(0, 0)
        if index.isValid():
            self._activated(index)

    def _typing(self, _text: str) -> None:
        self._open_when_shown = False

    def _query_shown(self) -> None:
        self._show_empty_state()
        if self._open_when_shown:
            self._open_when_shown = False
            if self.model.rowCount() > 0:
                self._activated(self.model.index(0, 0))

    def set_privacy_mode(self, on: bool) -> None:
        """Hide (or reveal) the sensitive columns and their filters; the choice is remembered."""
        if self.privacy.isChecked() != on:
            self.privacy.setChecked(on)  # comes back here through toggled
            return
        self._show_privacy(on)
        if self.ctx.settings.privacy_mode != on:
            self.ctx.settings.privacy_mode = on
            self.ctx.settings.save(self.ctx.data_dir)

    def _show_privacy(self, on: bool) -> None:
        keys = self.model.column_keys()
        for key in SENSITIVE_COLUMNS:
            if key in keys:
                self.table.setColumnHidden(keys.index(key), on)
        if on and (self.level.currentIndex() > 0 or self.key_support.currentIndex() > 0):
            self.level.setCurrentIndex(0)  # a hidden filter would narrow the list without a sign
            self.key_support.setCurrentIndex(0)
        self.level.setVisible(not on)
        self.key_support.setVisible(not on and self.ctx.may_see_key_support())
        self.privacy.setText(self.tr("Show levels") if on else self.tr("Hide levels"))
        self.privacy.setToolTip(
            self.tr(
                "Privacy mode is on: identification levels and key support are hidden. Show them (Ctrl+Shift+H)"
            )
            if on
            else self.tr("Hide identification levels and key support from people passing by (Ctrl+Shift+H)")
        )

    def _filters_set(self) -> bool:
        combos = (self.college, self.grade, self.class_name, self.level, self.key_support, self.visited)
        return self.new_only.isChecked() or any(combo.currentIndex() > 0 for combo in combos)

    def _show_empty_state(self) -> None:
        if self.model.rowCount() > 0 or self.model.loading:
            self.empty.setVisible(False)
            self.table.setVisible(True)
            return
        text = self.search.text().strip()
        if text:
            message = self.tr(
                "No student matches “%1”. Try the full pinyin, initials (zs), pinyin mixed with"
                " characters (张m), a student no. or a class; or clear the filters."
            ).replace("%1", text)
        elif self._filters_set():
            message = self.tr("No student matches these filters. Choose “All …” in a filter to see more.")
        else:
            message = self.tr(
                "No students yet. Import a roster under Import/export, or sync with the center under"
                " Settings."
            )
        self.empty.setText(message)
        self.empty.setVisible(True)
        self.table.setVisible(False)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_printed_record(self) -> None:
        """Enter on a printed record number (typed, or scanned from a form's QR code) opens it."""
        text = self.search.text().strip()
        if text and not self.ctx.lock.is_locked:
            self.ctx.worker.run(lambda store: roster.printed_record(store, text), self._open_hit)

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
        from desktop.ui.pdf.batch_export_dialog import BatchExportDialog  # ReportLab: on first use

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
        self._apply()  # the first page before the filter lists: it is what the user waits for
        self.ctx.worker.run(roster.filter_options, self._fill_filters, key="roster-filters")

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
        self.empty.setVisible(False)
        self.table.setVisible(True)
