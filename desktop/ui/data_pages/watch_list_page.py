"""一个不失学: the disadvantaged students at risk of dropping out, with their reasons, and the 免申即享
aid to-do (students identified without an application whose aid is not recorded 30 days later).

The centers see every student their laptop holds, a counselor their own; a double-click opens the
student's profile.  Computed on the store thread (desktop.app.watch over sync.figures.watch_list).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import watch
from desktop.app.changes import Kind
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.table_fill import KEY_ROLE, fill_table, narrow_columns, read_only_table
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section

RELEVANT_KINDS = frozenset(
    {
        Kind.STUDENT,
        Kind.IDENTIFICATION,
        Kind.ENROLMENT_STATUS,
        Kind.CASE_REVIEW,
        Kind.ACADEMIC_RESULT,
        Kind.MONITORING_FLAG,
        Kind.GUARANTEE_AID,
        Kind.COLLEGE,
        Kind.USER,
    }
)


class WatchListPage(Section):
    shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: watch.WatchView | None = None

        self.pages = QStackedWidget(self)
        self.hidden_note = QLabel(self.tr("The watch list is for the support centers and counselors."), self)
        self.hidden_note.setObjectName("watchHidden")
        self.hidden_note.setWordWrap(True)
        self.hidden_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget(self)
        self.pages.addWidget(self.hidden_note)
        self.pages.addWidget(content)
        QVBoxLayout(self).addWidget(self.pages)

        self.college = QComboBox(content)
        self.college.setObjectName("watchCollege")
        self.college.addItem(self.tr("All colleges"), "")
        self.summary = QLabel(content)
        self.summary.setObjectName("watchSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("College"), content))
        top.addWidget(self.college)
        top.addWidget(self.summary, 1)

        self.table = read_only_table(
            content,
            "watchStudents",
            [
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Class"),
                self.tr("Counselor"),
                self.tr("Reasons"),
            ],
        )
        self.table.setAccessibleName(self.tr("Students on the watch list"))
        narrow_columns(self.table, {2: 6, 3: 6})
        self.todo = read_only_table(
            content,
            "aidTodo",
            [
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Class"),
                self.tr("Counselor"),
                self.tr("Identified on"),
                self.tr("Days overdue"),
            ],
        )
        self.todo.setAccessibleName(self.tr("Aid to record"))
        narrow_columns(self.todo, {2: 6, 3: 6})
        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("watchTabs")
        self.tabs.addTab(self.table, self.tr("Watch list"))
        self.tabs.addTab(self.todo, self.tr("Aid to record (identified without application)"))
        self.hint = QLabel(
            self.tr(
                "Disadvantaged students on leave, withdrawn or applying for it, with failed courses at the "
                "threshold in their latest term, or a psychological/life flag unresolved for 30 days. "
                "Double-click a student to open the profile."
            ),
            content,
        )
        self.hint.setObjectName("watchHint")
        self.hint.setWordWrap(True)
        self.status = QLabel(content)
        self.status.setObjectName("watchStatus")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.college.currentIndexChanged.connect(lambda _i: self._fill())
        self.table.activated.connect(lambda _index: self._open(self.table))
        self.todo.activated.connect(lambda _index: self._open(self.todo))
        ctx.worker.data_changed.connect(self._data_changed)

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        allowed = watch.may_see_watch_list(self.ctx.identity.role)
        self.pages.setCurrentIndex(1 if allowed else 0)
        if not allowed:
            return
        run_for(self, watch.watch_view, self._show, self._failed, key="watch-list")

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: read the list again (the day or the school's threshold may have changed)."""
        super().showEvent(event)
        if self.view is not None:
            self.reload()

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & RELEVANT_KINDS and self.view is not None:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, view: watch.WatchView) -> None:
        self.view = view
        current = str(self.college.currentData() or "")
        names = sorted({row.college for row in view.rows} | {row.college for row in view.todos})
        self.college.blockSignals(True)
        while self.college.count() > 1:
            self.college.removeItem(1)
        for name in names:
            self.college.addItem(name, name)
        self.college.setCurrentIndex(max(0, self.college.findData(current)))
        self.college.setVisible(self.ctx.is_center())
        self.college.blockSignals(False)
        self.status.clear()
        self._fill()
        self.shown.emit()

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        college = str(self.college.currentData() or "")
        rows = [row for row in view.rows if not college or row.college == college]
        todos = [row for row in view.todos if not college or row.college == college]
        fill_table(
            self.table,
            [
                (
                    row.entry.student_no,
                    row.entry.name,
                    row.college,
                    row.entry.class_name,
                    row.counselor,
                    "；".join(row.entry.reasons),
                )
                for row in rows
            ],
            [row.entry.student_id for row in rows],
        )
        fill_table(
            self.todo,
            [
                (
                    row.todo.student_no,
                    row.todo.name,
                    row.college,
                    row.todo.class_name,
                    row.counselor,
                    row.todo.identified_on.isoformat(),
                    str(row.todo.days_overdue),
                )
                for row in todos
            ],
            [row.todo.student_id for row in todos],
        )
        self.summary.setText(
            self.tr("On the watch list: %1 · aid to record: %2 · warning at %3 failed course(s)")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(todos)))
            .replace("%3", str(view.threshold))
        )
        self.tabs.setTabText(0, self.tr("Watch list (%1)").replace("%1", str(len(rows))))
        self.tabs.setTabText(
            1, self.tr("Aid to record (identified without application) (%1)").replace("%1", str(len(todos)))
        )

    def _open(self, table: QTableWidget) -> None:
        item = table.item(table.currentRow(), 0)
        student_id = item.data(KEY_ROLE) if item is not None else None
        if student_id and self.ctx.events is not None:
            self.ctx.events.open_student.emit(str(student_id))

    # -- lock -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.view = None
        self.table.setRowCount(0)
        self.todo.setRowCount(0)
        self.summary.clear()
        self.status.clear()
