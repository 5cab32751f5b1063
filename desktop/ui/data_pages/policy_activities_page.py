"""资助育人活动: the year's 民主测评, 诚信教育活动, 资助工作者培训 and 专项研究, one tab each, with add, edit
and delete for the roles that may write them (the school center all; a college center its college's;
a counselor its college's 民主测评 and 诚信教育, editing only its own)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import policy_activities
from desktop.app.changes import Kind
from desktop.app.policy_activities import ActivityLists
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.table_fill import fill_table, narrow_columns, read_only_table, selected_row
from desktop.ui.data_pages.activity_dialogs import (
    ActivityDialog,
    EvaluationDialog,
    IntegrityDialog,
    ProjectDialog,
    TrainingDialog,
)
from desktop.ui.profile.record_dialog import year_combo
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records import Record, Role

WATCHED = frozenset(
    {
        Kind.IDENTIFICATION_EVALUATION,
        Kind.INTEGRITY_ACTIVITY,
        Kind.STAFF_TRAINING,
        Kind.RESEARCH_PROJECT,
        Kind.COLLEGE,
        Kind.USER,
    }
)


@dataclass
class ActivityTab:
    """One kind's table and buttons."""

    dialog_class: type[ActivityDialog]
    page: QWidget
    table: QTableWidget
    add_button: QPushButton
    edit_button: QPushButton
    delete_button: QPushButton
    rows: Sequence[Record] = ()

    @property
    def kind(self) -> str:
        return self.dialog_class.RECORD.RECORD_TYPE


class PolicyActivitiesPage(Section):
    activities_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lists: ActivityLists | None = None
        self.dialog: ActivityDialog | None = None

        self.year = year_combo(self)
        self.year.setEditable(False)
        self.year.setObjectName("activityYear")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("activityTabs")
        self.status = QLabel(self)
        self.status.setObjectName("activityStatus")
        self.status.setWordWrap(True)
        date, college, title = self.tr("Date"), self.tr("College"), self.tr("Title")
        self.evaluations = self._tab(
            EvaluationDialog,
            self.tr("Democratic evaluations"),
            [date, college, self.tr("Class"), self.tr("Participants"), self.tr("Evaluated"), self.tr("Conclusion"),
             self.tr("Issues found")],
        )  # fmt: skip
        self.integrity = self._tab(
            IntegrityDialog,
            self.tr("Integrity education"),
            [date, college, title, self.tr("Form"), self.tr("Participants")],
        )
        self.trainings = self._tab(
            TrainingDialog,
            self.tr("Staff training"),
            [date, college, title, self.tr("Organiser"), self.tr("Trainees"), self.tr("Hours")],
        )
        self.projects = self._tab(
            ProjectDialog,
            self.tr("Research projects"),
            [self.tr("Approved on"), college, title, self.tr("Leader"), self.tr("Status"), self.tr("Concluded on")],
        )  # fmt: skip
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Academic year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        ctx.worker.data_changed.connect(self._data_changed)

    def _tab(self, dialog_class: type[ActivityDialog], title: str, headers: list[str]) -> ActivityTab:
        page = QWidget(self.tabs)
        kind = dialog_class.RECORD.RECORD_TYPE
        table = read_only_table(page, f"table_{kind}", headers)
        table.setAccessibleName(title)
        narrow_columns(table, {1: 8})
        add = QPushButton(self.tr("Add…"), page)
        add.setObjectName(f"add_{kind}")
        edit = QPushButton(self.tr("Edit…"), page)
        edit.setObjectName(f"edit_{kind}")
        delete = QPushButton(self.tr("Delete"), page)
        delete.setObjectName(f"delete_{kind}")
        buttons = QHBoxLayout()
        for button in (add, edit, delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(page)
        column.addLayout(buttons)
        column.addWidget(table, 1)
        self.tabs.addTab(page, title)
        tab = ActivityTab(dialog_class, page, table, add, edit, delete)
        add.clicked.connect(lambda: self._open(tab, None))
        edit.clicked.connect(lambda: self._open(tab, self._selected(tab)))
        table.activated.connect(lambda _index: self._open(tab, self._selected(tab)))
        delete.clicked.connect(lambda: self._delete(tab))
        table.itemSelectionChanged.connect(lambda: self._buttons(tab))
        return tab

    @property
    def all_tabs(self) -> tuple[ActivityTab, ...]:
        return (self.evaluations, self.integrity, self.trainings, self.projects)

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        year = self.year.currentText()
        run_for(
            self,
            lambda store: policy_activities.activity_lists(store, year),
            self._show,
            self._failed,
            key="policy-activities",
        )

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & WATCHED:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _college(self, college_id: str | None) -> str:
        if college_id is None:
            return self.tr("Whole school")
        return self.lists.college_names.get(college_id, "") if self.lists else ""

    def _show(self, lists: ActivityLists) -> None:
        self.lists = lists
        college = self._college
        self._fill(
            self.evaluations,
            lists.evaluations,
            lambda e: (e.held_on.isoformat(), college(e.college_id), e.class_name, str(e.participants),
                       str(e.students_evaluated), e.conclusion, e.issues_found),
        )  # fmt: skip
        self._fill(
            self.integrity,
            lists.integrity,
            lambda a: (
                a.held_on.isoformat(),
                college(a.college_id),
                a.title,
                a.form.label,
                str(a.participants),
            ),
        )
        self._fill(
            self.trainings,
            lists.trainings,
            lambda t: (t.held_on.isoformat(), college(t.college_id), t.title, t.organiser, "、".join(t.trainees),
                       f"{t.hours.normalize():f}"),
        )  # fmt: skip
        self._fill(
            self.projects,
            lists.projects,
            lambda p: (p.started_on.isoformat(), college(p.college_id), p.title, p.leader, p.status.label,
                       p.concluded_on.isoformat() if p.concluded_on else ""),
        )  # fmt: skip
        total = len(lists.evaluations) + len(lists.integrity) + len(lists.trainings) + len(lists.projects)
        self.status.setText(
            self.tr("%1 activities recorded for %2.")
            .replace("%1", str(total))
            .replace("%2", lists.academic_year)
        )
        self.activities_shown.emit()

    def _fill(self, tab: ActivityTab, rows: Sequence[Any], cells: Callable[[Any], Sequence[str]]) -> None:
        tab.rows = rows
        fill_table(tab.table, [cells(row) for row in rows], [row.id for row in rows])
        self._buttons(tab)

    # -- who may --------------------------------------------------------------------------------
    def _may_change(self, tab: ActivityTab, record: Record | None) -> bool:
        lists = self.lists
        writer = lists.writer if lists is not None else None
        if writer is None or not writer.may_add(tab.kind):
            return False
        if record is None or writer.role is Role.SCHOOL_CENTER:
            return True
        if getattr(record, "college_id", None) != writer.college_id:
            return False
        author = lists.authors.get(record.id) if lists is not None else None
        return writer.role is not Role.COUNSELOR or author in (None, writer.user_id)

    def _buttons(self, tab: ActivityTab) -> None:
        chosen = self._selected(tab)
        writer = self.lists.writer if self.lists is not None else None
        tab.add_button.setVisible(writer is not None and writer.may_add(tab.kind))
        for button in (tab.edit_button, tab.delete_button):
            button.setVisible(tab.add_button.isVisibleTo(tab.page))
            button.setEnabled(chosen is not None and self._may_change(tab, chosen))

    def _selected(self, tab: ActivityTab) -> Record | None:
        return selected_row(tab.table, tab.rows)

    # -- actions --------------------------------------------------------------------------------
    def _open(self, tab: ActivityTab, record: Record | None) -> None:
        if self.dialog is not None or self.lists is None or not self._may_change(tab, record):
            return
        writer = self.lists.writer
        default = writer.college_id if writer is not None else None
        dialog = tab.dialog_class(self.ctx, self.lists.colleges, default, record, self.window())
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: ActivityDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _delete(self, tab: ActivityTab) -> None:
        record = self._selected(tab)
        if record is None or not self._may_change(tab, record):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete this activity?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        kind, record_id = tab.kind, record.id
        run_for(
            self,
            lambda store: policy_activities.delete_activity(store, kind, record_id),
            lambda _r: self.status.setText(self.tr("Deleted.")),
            self._failed,
            changes=policy_activities.delete_activity.changes,
        )

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.lists = None
        for tab in self.all_tabs:
            tab.rows = ()
            tab.table.setRowCount(0)
            self._buttons(tab)
        self.status.clear()
