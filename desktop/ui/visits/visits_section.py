"""家访: the 待家访 list (not yet visited this academic year, 先家访后认定 first), drafts, and the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import drafts as drafts_core
from desktop.app import roster, visits
from desktop.app.changes import Kind
from desktop.app.drafts import DraftInfo
from desktop.app.pdf_documents import PdfSpec
from desktop.app.roster import PendingVisit
from desktop.app.visits import VisitForEdit
from desktop.store.errors import StoreError
from desktop.ui.common.field_errors_view import ERROR_STYLE
from desktop.ui.common.saved_banner import SavedBanner
from desktop.ui.common.shortcut_tips import with_shortcut
from desktop.ui.pdf.pdf_preview_dialog import PdfPreviewOpener
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from desktop.ui.visits.shock_flag_offer import ShockFlagOffer
from desktop.ui.visits.visit_form import VisitForm

PENDING_LIMIT = 500


class VisitsSection(Section):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget(self)
        self.list_page = QWidget(self)
        self.form = VisitForm(ctx, self)
        self.form.closed.connect(self._back_to_list)
        self.form.saved.connect(self._visit_saved)
        self.flag_offer = ShockFlagOffer(ctx, self)
        self._return_to = ""  # the section an edited visit was opened from
        self.form.flag_suggested.connect(self.flag_offer.offer)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.form)
        QVBoxLayout(self).addWidget(self.stack)

        self.message = QLabel(self.list_page)
        self.message.setObjectName("visitsMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.drafts_title = QLabel(self.tr("Unsaved visit forms"), self.list_page)
        self.drafts = QListWidget(self.list_page)
        self.drafts.setObjectName("draftList")
        self.drafts.setMaximumHeight(110)
        self.drafts.itemActivated.connect(self._resume_item)
        self.pending_title = QLabel(self.list_page)
        self.pending_title.setObjectName("pendingTitle")
        self.pending = QTableWidget(0, 5, self.list_page)
        self.pending.setObjectName("pendingVisits")
        self.pending.setAccessibleName(self.tr("Home visits to do"))
        self.pending.setHorizontalHeaderLabels(
            [self.tr("Student no."), self.tr("Name"), self.tr("College"), self.tr("Class"), self.tr("Note")]
        )
        self.pending.verticalHeader().setVisible(False)
        self.pending.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pending.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending.setAlternatingRowColors(True)
        self.pending.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pending.horizontalHeader().setStretchLastSection(True)
        self.pending.activated.connect(self._pending_activated)
        self.start_button = QPushButton(self.tr("Start visit for selected student"), self.list_page)
        self.start_button.setObjectName("startVisit")
        self.start_button.clicked.connect(self._start_selected)
        with_shortcut(
            self.start_button,
            self.tr("Start a visit for the student selected below (Enter on a row too)"),
            QKeySequence.StandardKey.New,
        )
        self.pdf = PdfPreviewOpener(ctx, self)
        self.blank_button = QPushButton(self.tr("Print blank visit form…"), self.list_page)
        self.blank_button.setObjectName("blankVisitForm")
        with_shortcut(
            self.blank_button,
            self.tr("Pre-filled with the selected student's basic facts, if one is selected"),
            QKeySequence.StandardKey.Print,
        )
        self.blank_button.clicked.connect(self._blank_form)
        self.saved_banner = SavedBanner(ctx, lambda n: n.kind == Kind.HOME_VISIT, self.list_page)
        layout = QVBoxLayout(self.list_page)
        layout.addWidget(self.saved_banner)
        layout.addWidget(self.flag_offer)
        layout.addWidget(self.message)
        layout.addWidget(self.drafts_title)
        layout.addWidget(self.drafts)
        row = QHBoxLayout()
        row.addWidget(self.pending_title, 1)
        row.addWidget(self.blank_button)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        layout.addWidget(self.pending, 1)
        ctx.worker.data_changed.connect(self._data_changed)
        assert ctx.events is not None
        ctx.events.new_visit.connect(self.new_visit)
        ctx.events.open_visit.connect(self.open_visit)

    # -- lists ----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.run(
            lambda store: roster.pending_visits(store, PENDING_LIMIT), self._show_pending, key="pending"
        )
        self.ctx.worker.run(drafts_core.list_drafts, self._show_drafts, key="drafts")

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.HOME_VISIT, Kind.STUDENT, Kind.IDENTIFICATION}:
            self.ctx.worker.run(
                lambda store: roster.pending_visits(store, PENDING_LIMIT),
                self._show_pending,
                key="pending",
            )
        if Kind.VISIT_DRAFT in kinds:
            self.ctx.worker.run(drafts_core.list_drafts, self._show_drafts, key="drafts")

    def _show_pending(self, result: tuple[int, list[PendingVisit]]) -> None:
        total, rows = result
        self.pending_title.setText(
            self.tr("Not yet visited this academic year: %n student(s)", "", total)
            + (self.tr(" (first %1 shown)").replace("%1", str(len(rows))) if total > len(rows) else "")
            + (
                ""
                if total
                else self.tr(
                    " — everyone who needs a visit has had one. Students appear here once identified (or"
                    " marked “visit before identification”); any student's visit starts from the roster."
                )
            )
        )
        self.pending.setRowCount(len(rows))
        for i, row in enumerate(rows):
            note = self.tr("Visit before identification") if row.visit_first else ""
            for column, text in enumerate((row.student_no, row.name, row.college, row.class_name, note)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.student_id)
                self.pending.setItem(i, column, item)

    def _show_drafts(self, drafts: list[DraftInfo]) -> None:
        self.drafts.clear()
        for draft in drafts:
            visit_date = draft.data.get("visit_date")
            if draft.data.get("edit_of"):
                template = self.tr("%1 — changes to a saved visit, kept %2")
            elif isinstance(visit_date, str) and visit_date:
                # Two unsaved forms of one student are told apart by the visit date typed in each.
                template = self.tr("%1 — visit of %3, saved %2")
            else:
                template = self.tr("%1 — saved %2")
            text = (
                template.replace("%1", draft.student_name)
                .replace("%2", f"{draft.saved_at:%Y-%m-%d %H:%M}")
                .replace("%3", str(visit_date))
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, draft)
            self.drafts.addItem(item)
        self.drafts_title.setVisible(bool(drafts))
        self.drafts.setVisible(bool(drafts))

    # -- opening forms --------------------------------------------------------------------------
    def _pending_activated(self) -> None:
        self._start_selected()

    def _start_selected(self) -> None:
        row = self.pending.currentRow()
        item = self.pending.item(row, 0) if row >= 0 else None
        if item is not None:
            self.new_visit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _blank_form(self) -> None:
        """A blank form to fill by hand on a trip (the selected student's facts pre-filled)."""
        row = self.pending.currentRow()
        item = self.pending.item(row, 0) if row >= 0 else None
        student_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.pdf.open(PdfSpec.blank(student_id if isinstance(student_id, str) else None))

    def new_visit(self, student_id: str) -> None:
        self._return_to = self._came_from()
        self.ctx.worker.run(
            lambda store: visits.visit_start(store, student_id),
            lambda start: self._open_new(student_id, *start),
        )

    def _open_new(self, student_id: str, name: str, family: list[dict[str, Any]]) -> None:
        self.form.start_new(student_id, name, self.ctx.identity.user_name, family)
        self.stack.setCurrentWidget(self.form)
        self._bring_forward()

    def open_visit(self, visit_id: str) -> None:
        """Reopen a saved visit in the form (read-only when the local user may not change it); closing
        or saving it goes back to where it was opened from (e.g. the student's profile)."""
        if self.stack.currentWidget() is self.form and self.form.student_id:
            self.form.autosave.flush()
        self._return_to = self._came_from()
        self.ctx.worker.run(
            lambda store: visits.load_visit_for_edit(store, visit_id),
            self._open_edit,
            self._open_failed,
            key="open-visit",
        )

    def _came_from(self) -> str:
        """The section a form is opened from (e.g. the roster's profile), to go back to after it."""
        current = getattr(self.window(), "current_section_key", None)
        came_from = current() if callable(current) else ""
        return came_from if isinstance(came_from, str) and came_from != "visits" else ""

    def _open_edit(self, info: VisitForEdit) -> None:
        self.message.setVisible(False)
        self.form.start_edit(info)
        self.stack.setCurrentWidget(self.form)
        self._bring_forward()

    def _open_failed(self, exc: Exception) -> None:
        self._return_to = ""
        self.stack.setCurrentWidget(self.list_page)
        self.message.setText(
            str(exc) if isinstance(exc, StoreError) else self.tr("The visit could not be opened.")
        )
        self.message.setVisible(True)
        self._bring_forward()

    def resume(self, draft: DraftInfo) -> None:
        edit_of = draft.data.get("edit_of")
        if isinstance(edit_of, str):  # an unsaved edit of a saved visit: reopen that visit with it
            self.open_visit(edit_of)
            self._return_to = ""
            return
        self.form.resume_draft(draft)
        self.stack.setCurrentWidget(self.form)
        self._bring_forward()

    def _resume_item(self, item: QListWidgetItem) -> None:
        draft = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(draft, DraftInfo):
            self.resume(draft)

    def _bring_forward(self) -> None:
        window = self.window()
        show = getattr(window, "show_section", None)
        if callable(show):
            show("visits")
        self.form.inputs["category"].setFocus()

    def _visit_saved(self, visit_id: str) -> None:
        """The saved visit's draft is gone (same transaction): drop it from the list at once, before
        the list is shown again, so it is never seen as an unsaved form."""
        self.forget_draft(visit_id)
        self._back_to_list()

    def forget_draft(self, visit_id: str) -> None:
        for row in reversed(range(self.drafts.count())):
            draft = self.drafts.item(row).data(Qt.ItemDataRole.UserRole)
            if isinstance(draft, DraftInfo) and visit_id in (draft.id, draft.data.get("id")):
                self.drafts.takeItem(row)
        shown = self.drafts.count() > 0
        self.drafts_title.setVisible(shown)
        self.drafts.setVisible(shown)

    def _back_to_list(self) -> None:
        self.message.setVisible(False)
        self.stack.setCurrentWidget(self.list_page)
        self.reload()
        return_to, self._return_to = self._return_to, ""
        show = getattr(self.window(), "show_section", None)
        if return_to and callable(show) and self.flag_offer.isHidden():
            show(return_to)  # an edit opened elsewhere goes back there (the flag offer waits here)

    # -- lock -----------------------------------------------------------------------------------
    def save_drafts(self) -> None:
        if self.stack.currentWidget() is self.form and self.form.student_id:
            self.form.autosave.flush()

    def clear(self) -> None:
        self.saved_banner.clear_notice()
        self._return_to = ""
        self.form.clear()
        self.flag_offer.clear()
        self.stack.setCurrentWidget(self.list_page)
        self.pending.setRowCount(0)
        self.pending_title.clear()
        self.drafts.clear()
        self.drafts.setVisible(False)
        self.drafts_title.setVisible(False)
