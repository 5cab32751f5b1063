"""监测反馈: the flags raised by anyone in scope, their status workflow and the list view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import monitoring
from desktop.app.changes import Kind
from desktop.store.monitoring_workflow import FlagRow
from desktop.ui.common.date_field import DateField
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.common.screen_fit import scrolling
from desktop.ui.common.table_fill import fill_table, read_only_table, selected_row
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records import FlagAction, FlagKind, FlagStatus, current_academic_year


class MonitoringPage(Section):
    flags_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[FlagRow] = []

        self.filter = QComboBox(self)
        self.filter.setObjectName("flagStatusFilter")
        self.filter.addItem(self.tr("All"), "")
        for status in FlagStatus:
            self.filter.addItem(status.label, status.value)
        self.table = read_only_table(
            self,
            "flags",
            [
                self.tr("Raised on"),
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Actions taken"),
            ],
        )
        self.table.setAccessibleName(self.tr("Monitoring flags"))
        self.detail = QLabel(self)
        self.detail.setObjectName("flagDetail")
        self.detail.setWordWrap(True)

        # raising a flag
        self.new_student = QLineEdit(self)
        self.new_student.setObjectName("flagStudentNo")
        self.new_kind = QComboBox(self)
        self.new_kind.setObjectName("flagKind")
        for kind in FlagKind:
            self.new_kind.addItem(kind.label, kind.value)
        self.new_description = QPlainTextEdit(self)
        self.new_description.setObjectName("flagDescription")
        self.new_description.setMaximumHeight(70)
        self.new_day = DateField(optional=False, parent=self)
        self.raise_button = QPushButton(self.tr("Raise"), self)
        self.raise_button.setObjectName("raiseFlag")
        raise_box = QGroupBox(self.tr("Raise a monitoring flag"), self)
        raise_form = QFormLayout(raise_box)
        raise_form.addRow(self.tr("Student no."), self.new_student)
        raise_form.addRow(self.tr("Kind"), self.new_kind)
        raise_form.addRow(self.tr("Situation"), self.new_description)
        raise_form.addRow(self.tr("Date"), self.new_day)
        raise_form.addRow(self.raise_button)

        # handling the selected flag
        self.flag_actions = MultiSelect(FlagAction, 2, self)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("flagNotes")
        self.resolved_on = DateField(optional=False, parent=self)
        self.start_button = QPushButton(self.tr("Start handling"), self)
        self.start_button.setObjectName("startHandling")
        self.resolve_button = QPushButton(self.tr("Mark resolved"), self)
        self.resolve_button.setObjectName("resolveFlag")
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setObjectName("reopenFlag")
        handle_box = QGroupBox(self.tr("Handle the selected flag"), self)
        handle_form = QFormLayout(handle_box)
        handle_form.addRow(self.tr("Actions taken"), self.flag_actions)
        handle_form.addRow(self.tr("Notes"), self.notes)
        handle_form.addRow(self.tr("Resolved on"), self.resolved_on)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.resolve_button, self.reopen_button):
            buttons.addWidget(button)
        handle_form.addRow(buttons)

        self.suggestions = QLabel(self)
        self.suggestions.setObjectName("subsidySuggestions")
        self.suggestions.setWordWrap(True)
        self.from_visits_button = QPushButton(self.tr("Raise flags for these visits"), self)
        self.from_visits_button.setObjectName("raiseFromVisits")
        visits_box = QGroupBox(self.tr("From home visits"), self)
        visits_layout = QVBoxLayout(visits_box)
        visits_layout.addWidget(self.suggestions)
        visits_layout.addWidget(self.from_visits_button)

        self.status = QLabel(self)
        self.status.setObjectName("monitoringStatus")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Status"), self))
        top.addWidget(self.filter)
        top.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(visits_box)
        side.addWidget(raise_box)
        side.addWidget(handle_box)
        side.addStretch(1)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.detail)
        body.addLayout(left, 3)
        body.addWidget(scrolling(side, self, name="monitoringSide", vertical_only=True))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._selected)
        self.raise_button.clicked.connect(self.raise_flag)
        self.from_visits_button.clicked.connect(self.raise_from_visits)
        self.start_button.clicked.connect(lambda: self.move_flag(FlagStatus.IN_PROGRESS))
        self.resolve_button.clicked.connect(lambda: self.move_flag(FlagStatus.RESOLVED))
        self.reopen_button.clicked.connect(lambda: self.move_flag(FlagStatus.IN_PROGRESS))
        ctx.worker.data_changed.connect(self._data_changed)
        self._selected()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        code = str(self.filter.currentData() or "")
        status = FlagStatus(code) if code else None
        run_for(
            self, lambda store: monitoring.flag_view(store, status), self._show, self._failed, key="flags"
        )
        year = current_academic_year()
        run_for(
            self,
            lambda store: monitoring.subsidy_suggestions(store, year),
            self._show_suggestions,
            self._failed,
            key="flag-suggestions",
        )

    def _show_suggestions(self, count: int) -> None:
        self.suggestions.setText(
            self.tr(
                "%1 home visit(s) this academic year record a recent shock or suggest a temporary subsidy, "
                "with no flag yet."
            ).replace("%1", str(count))
        )
        self.from_visits_button.setEnabled(count > 0)

    def raise_from_visits(self) -> None:
        self.status.clear()
        year = current_academic_year()
        run_for(
            self,
            lambda store: monitoring.raise_from_visits(store, year),
            lambda count: self.status.setText(self.tr("%1 flag(s) raised.").replace("%1", str(count))),
            self._failed,
            changes=monitoring.raise_from_visits.changes,
        )

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.MONITORING_FLAG, Kind.STUDENT, Kind.HOME_VISIT}:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, rows: list[FlagRow]) -> None:
        self.rows = rows
        cells = [
            (
                row.flag.raised_on.isoformat(),
                row.student_no,
                row.student_name,
                row.college,
                row.flag.kind.label,
                row.flag.status.label,
                "、".join(action.label for action in row.flag.actions),
            )
            for row in rows
        ]
        fill_table(self.table, cells, [row.flag.id for row in rows])
        self._selected()
        self.flags_shown.emit()

    def selected(self) -> FlagRow | None:
        return selected_row(self.table, self.rows)

    def _selected(self) -> None:
        row = self.selected()
        status = row.flag.status if row else None
        self.start_button.setEnabled(status is FlagStatus.OPEN)
        self.resolve_button.setEnabled(status in (FlagStatus.OPEN, FlagStatus.IN_PROGRESS))
        self.reopen_button.setEnabled(status is FlagStatus.RESOLVED)
        self.detail.setText(row.flag.description if row else "")
        if row is not None:
            self.flag_actions.set_values([action.value for action in row.flag.actions])
            self.notes.setText(row.flag.action_notes)

    # -- changes --------------------------------------------------------------------------------
    def raise_flag(self) -> None:
        self.status.clear()
        number = self.new_student.text().strip()
        description = self.new_description.toPlainText().strip()
        kind = FlagKind(str(self.new_kind.currentData()))
        day = self.new_day.value() or date.today()
        if not number or not description:
            self.status.setText(self.tr("Enter the student no. and the situation."))
            return
        run_for(
            self,
            lambda store: monitoring.new_flag(store, number, kind, description, day),
            lambda _r: self._raised(),
            self._failed,
            changes=monitoring.new_flag.changes,
        )

    def _raised(self) -> None:
        self.new_student.clear()
        self.new_description.clear()
        self.status.setText(self.tr("Flag raised."))

    def move_flag(self, status: FlagStatus) -> None:
        row = self.selected()
        if row is None:
            return
        self.status.clear()
        actions = [FlagAction(code) for code in self.flag_actions.values()]
        notes = self.notes.text().strip()
        day = self.resolved_on.value() if status is FlagStatus.RESOLVED else None
        flag_id = row.flag.id
        run_for(
            self,
            lambda store: monitoring.change_flag(store, flag_id, status, actions, notes, day),
            lambda _r: self.status.setText(self.tr("Saved.")),
            self._failed,
            changes=monitoring.change_flag.changes,
        )

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.detail.clear()
        self.status.clear()
        self.notes.clear()
        self.new_description.clear()
        self.suggestions.clear()
