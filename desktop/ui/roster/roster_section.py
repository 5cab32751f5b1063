"""学生名册: the roster, and a student's profile opened from it."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop.app.changes import Kind
from desktop.ui.profile.student_profile import StudentProfile
from desktop.ui.roster.roster_view import RosterView
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section


class RosterSection(Section):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget(self)
        self.roster = RosterView(ctx, self)
        self.profile = StudentProfile(ctx, self)
        self.stack.addWidget(self.roster)
        self.stack.addWidget(self.profile)
        QVBoxLayout(self).addWidget(self.stack)
        self.roster.student_activated.connect(self.open_student)
        self.profile.back_requested.connect(self.show_roster)
        assert ctx.events is not None
        ctx.events.open_student.connect(self.open_student)
        ctx.worker.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.roster)

    def open_student(self, student_id: str) -> None:
        self.profile.open_student(student_id)
        self.stack.setCurrentWidget(self.profile)
        show = getattr(self.window(), "show_section", None)
        if callable(show):
            show("roster")

    def show_roster(self) -> None:
        self.stack.setCurrentWidget(self.roster)
        self.roster.search.setFocus()

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.STUDENT, Kind.HOME_VISIT, Kind.IDENTIFICATION, Kind.KEY_SUPPORT}:
            self.roster.model.refresh()

    def reload(self) -> None:
        self.roster.reload()

    def clear(self) -> None:
        self.profile.clear()
        self.roster.clear()
        self.stack.setCurrentWidget(self.roster)
