"""学籍状态 and 个案评议 in the student's profile (the centers record them).

The status dialog has the case review in it: a 退学 of a disadvantaged student is refused without one
(desktop/store/enrolment_rules.py), so the review's fields sit under the status, shown when 退学 is
chosen, and are saved in the same transaction.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.app import enrolment
from desktop.app.roles import is_center_role
from desktop.ui.common.date_field import DateField
from desktop.ui.common.form_bindings import get_value
from desktop.ui.profile.record_dialog import RecordDialog, StoreCall, enum_combo, text_area
from desktop.ui.shell.app_context import AppContext
from sync.records import CaseReview, EnrolmentState, EnrolmentStatus, Record
from sync.records.errors import errors_of
from sync.records.terms import current_term, next_term, previous_term, term_label

_NAMES = re.compile(r"[、,，;；\s]+")


def reviewer_names(text: str) -> list[str]:
    """ "王主任、李老师" -> ["王主任", "李老师"]."""
    return [name for name in _NAMES.split(text.strip()) if name]


def term_combo(parent: QWidget) -> QComboBox:
    """学期: next term, this term and the four before it (data: "2025-2026-1", shown as its label)."""
    combo = QComboBox(parent)
    term = next_term(current_term())
    for _ in range(6):
        combo.addItem(term_label(term), term)
        term = previous_term(term)
    combo.setCurrentIndex(1)
    return combo


class CenterOnly:
    """The centers record enrolment and case reviews; everyone else reads them."""

    @classmethod
    def may_add(cls, ctx: AppContext) -> bool:
        return is_center_role(ctx.identity.role)

    @classmethod
    def may_change(cls, ctx: AppContext) -> bool:
        return is_center_role(ctx.identity.role)


class EnrolmentDialog(CenterOnly, RecordDialog):
    """学籍状态 of one term, with the case review a disadvantaged student's 退学 needs."""

    RECORD = EnrolmentStatus
    DELETABLE = False

    def window_title(self, new: bool) -> str:
        return self.tr("Record enrolment status") if new else self.tr("Edit enrolment status")

    def build(self, parent: QWidget) -> None:
        self.add("term", self.tr("Term"), term_combo(parent))
        self.state = enum_combo(parent, EnrolmentState)
        self.add("state", self.tr("Enrolment status"), self.state)
        self.add(
            "applied_state", self.tr("Pending application"), enum_combo(parent, EnrolmentState, blank=True)
        )
        self.add("effective_on", self.tr("Effective from"), DateField(parent=parent))
        self.add("note", self.tr("Note"), text_area(parent, 2))

        self.review_box = QGroupBox(
            self.tr("Case review (required for a disadvantaged student's withdrawal)"), parent
        )
        self.review_box.setObjectName("caseReviewBox")
        box = QVBoxLayout(self.review_box)
        self.review_hint = QLabel(
            self.tr(
                "Who reviewed, when, and what was offered (aid, a mentor, leave instead of withdrawal…)."
            ),
            self.review_box,
        )
        self.review_hint.setWordWrap(True)
        box.addWidget(self.review_hint)
        self.reviewed_on = DateField(parent=self.review_box)
        self.reviewers = QLineEdit(self.review_box)
        self.reviewers.setPlaceholderText(self.tr("Names, separated by 、"))
        self.offered = text_area(self.review_box, 2)
        self.conclusion = text_area(self.review_box, 2)
        for name, title, widget in (
            ("review_reviewed_on", self.tr("Reviewed on"), self.reviewed_on),
            ("review_reviewers", self.tr("Reviewers"), self.reviewers),
            ("review_offered", self.tr("What was offered"), self.offered),
            ("review_conclusion", self.tr("Conclusion"), self.conclusion),
        ):
            widget.setObjectName(f"record_{name}")
            box.addWidget(QLabel(title, self.review_box))
            box.addWidget(widget)
            box.addWidget(self.errors.label_for(name, self.review_box))
        self.form.addRow(self.review_box)
        self.state.currentIndexChanged.connect(lambda _i: self._state_changed())
        self._state_changed()

    def _state_changed(self) -> None:
        self.review_box.setVisible(self.state.currentData() == EnrolmentState.WITHDRAWN.value)

    def load(self, record: Record) -> None:
        super().load(record)
        self._state_changed()

    def review(self) -> CaseReview | dict[str, str] | None:
        """The case review typed in (None when its fields are empty), or the problems with it."""
        if self.state.currentData() != EnrolmentState.WITHDRAWN.value:
            return None
        values: dict[str, Any] = {
            "reviewed_on": get_value(self.reviewed_on),
            "reviewers": reviewer_names(self.reviewers.text()),
            "offered": get_value(self.offered),
            "conclusion": get_value(self.conclusion),
        }
        if not any(values.values()):
            return None
        try:
            return CaseReview.model_validate(
                {"student_id": self.student_id, "for_state": EnrolmentState.WITHDRAWN, **values}
            )
        except ValidationError as exc:
            problems: dict[str, str] = {}
            if values["reviewed_on"] is None:
                problems["review_reviewed_on"] = self.tr("Enter the day of the review")
            for problem in errors_of(exc):
                problems.setdefault(f"review_{problem.field.split('.')[0]}", problem.message)
            return problems

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        record = self.validate()
        if record is None:
            return
        review = self.review()
        if isinstance(review, dict):
            self.show_errors(review)
            return
        assert isinstance(record, EnrolmentStatus)
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Saving…"))
        self.summary.setVisible(True)
        self.ctx.worker.run(
            lambda store: enrolment.save_status(store, record, review).status,
            self._saved,
            self._failed,
            changes=enrolment.save_status.changes,
        )

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, EnrolmentStatus)
        return lambda store: enrolment.save_status(store, record).status


class CaseReviewDialog(CenterOnly, RecordDialog):
    """个案评议 on its own (e.g. for a 退学 imported from the registrar without one)."""

    RECORD = CaseReview
    DELETABLE = False

    def window_title(self, new: bool) -> str:
        return self.tr("Record a case review") if new else self.tr("Case review")

    def build(self, parent: QWidget) -> None:
        self.add("reviewed_on", self.tr("Reviewed on"), DateField(optional=False, parent=parent))
        reviewers = QLineEdit(parent)
        reviewers.setPlaceholderText(self.tr("Names, separated by 、"))
        self.add("reviewers", self.tr("Reviewers"), reviewers)
        self.add("offered", self.tr("What was offered"), text_area(parent, 3))
        self.add("conclusion", self.tr("Conclusion"), text_area(parent, 2))
        self.add("for_state", self.tr("Reviewed for"), enum_combo(parent, EnrolmentState))
        combo = self.inputs["for_state"]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(EnrolmentState.WITHDRAWN.value))

    def load(self, record: Record) -> None:
        super().load(record)
        assert isinstance(record, CaseReview)
        reviewers = self.inputs["reviewers"]
        assert isinstance(reviewers, QLineEdit)
        reviewers.setText("、".join(record.reviewers))

    def values(self) -> dict[str, Any]:
        data = super().values()
        data["reviewers"] = reviewer_names(str(data.get("reviewers") or ""))
        return data

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, CaseReview)
        return lambda store: enrolment.record_review(store, record)
