"""新增…/编辑…/删除 on one of the profile's record tabs (认定记录, 资助记录, 成长奖励, 监测反馈, 心愿单).

Double-clicking (or Enter on) a row edits it. Only roles that may add or edit records of the kind see
the buttons (the dialog class says which: mentors raise monitoring flags too); deleting asks first
and leaves a tombstone that syncs (record_editing.delete_record); workflow records are not deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from desktop.app import record_editing
from desktop.store.errors import StoreError
from desktop.ui.common.field_errors_view import ERROR_STYLE
from desktop.ui.profile.identification_dialog import IdentificationDialog
from desktop.ui.profile.record_dialog import AidDialog, RecordDialog, RewardDialog
from desktop.ui.profile.record_list_tab import RecordListTab
from desktop.ui.profile.talk_dialog import TalkDialog
from desktop.ui.profile.workflow_dialogs import FlagDialog, WishDialog
from desktop.ui.shell.app_context import AppContext
from sync.records import Record

# Who the records belong to: (student id, student name), or None while no student is shown.
Subject = Callable[[], tuple[str, str] | None]


class RecordTabActions(QObject):
    def __init__(
        self,
        ctx: AppContext,
        tab: RecordListTab,
        dialog_class: type[RecordDialog],
        subject: Subject,
        records: Callable[[], Sequence[Record]],
    ) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab
        self.dialog_class = dialog_class
        self._subject = subject
        self._records = records
        self.dialog: RecordDialog | None = None
        kind = dialog_class.RECORD.RECORD_TYPE
        self.kind = kind

        self.add_button = QPushButton(self._add_text(), tab)
        self.add_button.setObjectName(f"add_{kind}")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit…"), tab)
        self.edit_button.setObjectName(f"edit_{kind}")
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"), tab)
        self.delete_button.setObjectName(f"delete_{kind}")
        self.delete_button.clicked.connect(self._delete_selected)
        self.message = QLabel(tab)
        self.message.setObjectName(f"message_{kind}")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        for button in (self.add_button, self.edit_button, self.delete_button):
            tab.toolbar.addWidget(button)
        tab.toolbar.addWidget(self.message, 1)
        tab.record_activated.connect(self.edit)
        tab.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def _add_text(self) -> str:
        if self.dialog_class is IdentificationDialog:
            return self.tr("Add identification…")
        if self.dialog_class is AidDialog:
            return self.tr("Add aid…")
        if self.dialog_class is RewardDialog:
            return self.tr("Add growth reward…")
        if self.dialog_class is FlagDialog:
            return self.tr("Raise flag…")
        if self.dialog_class is WishDialog:
            return self.tr("Add wish…")
        if self.dialog_class is TalkDialog:
            return self.tr("Add talk…")
        return self.tr("Add…")

    def _delete_question(self) -> str:
        if self.dialog_class is IdentificationDialog:
            return self.tr("Delete this identification, with its history?")
        if self.dialog_class is AidDialog:
            return self.tr("Delete this aid record?")
        if self.dialog_class is RewardDialog:
            return self.tr("Delete this growth reward?")
        if self.dialog_class is TalkDialog:
            return self.tr("Delete this talk?")
        return self.tr("Delete this record?")

    # -- state ----------------------------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self.dialog_class.may_change(self.ctx)

    @property
    def addable(self) -> bool:
        return self.dialog_class.may_add(self.ctx)

    def refresh(self) -> None:
        """Show the buttons to roles that may add or edit (the role is known once unlocked)."""
        editable = self.editable
        self.add_button.setVisible(self.addable)
        self.edit_button.setVisible(editable)
        self.delete_button.setVisible(editable and self.dialog_class.DELETABLE)
        self.add_button.setEnabled(self._subject() is not None)
        self.message.clear()
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_id(self) -> str | None:
        table = self.tab.table
        if not table.selectionModel().hasSelection():
            return None
        item = table.item(table.currentRow(), 0)
        record_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return record_id if isinstance(record_id, str) else None

    def _record(self, record_id: str) -> Record | None:
        return next((record for record in self._records() if record.id == record_id), None)

    # -- actions --------------------------------------------------------------------------------
    def add(self) -> None:
        self._open(None)

    def edit(self, record_id: str) -> None:
        record = self._record(record_id)
        if record is not None:
            self._open(record)

    def _edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self.edit(record_id)

    def _open(self, record: Record | None) -> None:
        subject = self._subject()
        allowed = self.addable if record is None else self.editable
        if subject is None or not allowed or self.dialog is not None:
            return
        student_id, student_name = subject
        self.message.clear()
        dialog = self.dialog_class(self.ctx, student_id, student_name, record, self.tab.window())
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: RecordDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or not self.editable or not self.dialog_class.DELETABLE:
            return
        answer = QMessageBox.question(
            self.tab,
            self.tr("Delete"),
            self._delete_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_button.setEnabled(False)
        kind = self.kind
        self.ctx.worker.run(
            lambda store: record_editing.delete_record(store, kind, record_id),
            lambda _r: self.message.clear(),
            self._delete_failed,
            changes={kind},
        )

    def _delete_failed(self, exc: Exception) -> None:
        self._selection_changed()
        self.message.setText(str(exc) if isinstance(exc, StoreError) else self.tr("Not deleted."))
