"""The profile's 学籍 tab: the student's enrolment status per term (latest first) and case reviews.

Read by everyone who holds the student; recorded by the centers (EnrolmentDialog, CaseReviewDialog).
Case reviews are restricted: they are read from the store (an audited view) only when the tab is shown.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.app import enrolment
from desktop.app.changes import Kind
from desktop.ui.profile.enrolment_dialogs import CaseReviewDialog, EnrolmentDialog
from desktop.ui.profile.record_list_tab import RecordListTab, label_of
from desktop.ui.profile.record_tab_actions import RecordTabActions, Subject
from desktop.ui.shell.app_context import AppContext
from sync.records.terms import term_label

WATCHED_KINDS = frozenset({Kind.ENROLMENT_STATUS, Kind.CASE_REVIEW, Kind.IDENTIFICATION})


class EnrolmentTab(QWidget):
    def __init__(self, ctx: AppContext, subject: Subject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._subject = subject
        self.history = enrolment.EnrolmentHistory()
        self.student_id: str | None = None
        self._stale = False

        self.statuses = RecordListTab(
            [
                (self.tr("Term"), lambda r: term_label(r.term)),
                (self.tr("Enrolment status"), lambda r: label_of(r.state)),
                (self.tr("Pending application"), lambda r: label_of(r.applied_state)),
                (self.tr("Effective from"), lambda r: label_of(r.effective_on)),
                (self.tr("Source"), lambda r: r.source),
                (self.tr("Note"), lambda r: r.note),
            ],
            self.tr("No enrolment status recorded."),
            self,
        )
        self.statuses.setObjectName("enrolmentStatuses")
        self.reviews = RecordListTab(
            [
                (self.tr("Reviewed on"), lambda r: label_of(r.reviewed_on)),
                (self.tr("Reviewed for"), lambda r: label_of(r.for_state)),
                (self.tr("Reviewers"), lambda r: "、".join(r.reviewers)),
                (self.tr("What was offered"), lambda r: r.offered),
                (self.tr("Conclusion"), lambda r: r.conclusion),
            ],
            self.tr("No case review recorded."),
            self,
        )
        self.reviews.setObjectName("caseReviews")
        self.tab_actions = [
            RecordTabActions(ctx, self.statuses, EnrolmentDialog, subject, lambda: self.history.statuses),
            RecordTabActions(ctx, self.reviews, CaseReviewDialog, subject, lambda: self.history.reviews),
        ]
        self.status = QLabel(self)
        self.status.setObjectName("enrolmentStatus")
        layout = QVBoxLayout(self)
        layout.addWidget(self.statuses, 3)
        layout.addWidget(QLabel(self.tr("Case reviews"), self))
        layout.addWidget(self.reviews, 2)
        layout.addWidget(self.status)
        ctx.worker.data_changed.connect(self._data_changed)

    def show_student(self, student_id: str) -> None:
        """The profile shows this student: read the tab's records now if the tab is in view."""
        if student_id != self.student_id:
            self.set_history(enrolment.EnrolmentHistory())
        self.student_id = student_id
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def load(self) -> None:
        student_id = self.student_id
        if student_id is None:
            return
        self._stale = False
        self.ctx.worker.run(
            lambda store: enrolment.enrolment_history(store, student_id),
            lambda history: self._loaded(student_id, history),
            lambda exc: self.status.setText(str(exc)),
            key="profile-enrolment",
        )

    def _loaded(self, student_id: str, history: enrolment.EnrolmentHistory) -> None:
        if student_id == self.student_id:
            self.set_history(history)

    def set_history(self, history: enrolment.EnrolmentHistory) -> None:
        self.history = history
        self.statuses.set_records(history.statuses)
        self.reviews.set_records(history.reviews)
        for actions in self.tab_actions:
            actions.refresh()

    def _data_changed(self, kinds: set[str]) -> None:
        if self.student_id is not None and kinds & WATCHED_KINDS:
            self._stale = True
            if self.isVisible():
                self.load()

    def clear(self) -> None:
        self.student_id = None
        self._stale = False
        self.set_history(enrolment.EnrolmentHistory())
        self.status.clear()
