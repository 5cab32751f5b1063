"""学生名册: the roster, and a student's profile opened from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop.app.changes import Kind
from desktop.ui.roster.roster_view import RosterView
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section

if TYPE_CHECKING:
    from desktop.ui.profile.student_profile import StudentProfile


class RosterSection(Section):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget(self)
        self.roster = RosterView(ctx, self)
        self._profile: StudentProfile | None = None  # built when first opened (start-up shows the roster)
        self.stack.addWidget(self.roster)
        QVBoxLayout(self).addWidget(self.stack)
        self.roster.student_activated.connect(self.open_student)
        assert ctx.events is not None
        ctx.events.open_student.connect(self.open_student)
        ctx.worker.data_changed.connect(self._data_changed)
        self.setFocusProxy(self.roster)

    @property
    def profile(self) -> StudentProfile:
        """The student profile page, built the first time it is needed."""
        if self._profile is None:
            from desktop.ui.profile.student_profile import StudentProfile

            self._profile = StudentProfile(self.ctx, self)
            self.stack.addWidget(self._profile)
            self._profile.back_requested.connect(self.show_roster)
        return self._profile

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
        if self._profile is not None:
            self._profile.clear()
        self.roster.clear()
        self.stack.setCurrentWidget(self.roster)
