"""Editors of records that move along a status workflow: 监测反馈 and 成长发展心愿单.

Both are `RecordDialog`s.  A new record starts at the workflow's first step; an existing one shows
its status with a button per allowed next step (which sets the status and saves) and the status
combo itself.  Every change of status goes through the core's workflow functions
(record_editing.save_flag / save_wish), which refuse a step the workflow does not allow with a
Chinese message shown under the status.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.app import record_editing
from desktop.store import monitoring_workflow, wish_workflow
from desktop.ui.common.date_field import DateField
from desktop.ui.common.form_bindings import get_value, set_value
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.profile.record_dialog import RecordDialog, StoreCall, enum_combo, text_area, year_combo
from desktop.ui.shell.app_context import AppContext
from desktop.ui.visits.wish_items_picker import WishItemsPicker
from sync.records import (
    FlagAction,
    FlagKind,
    FlagStatus,
    MonitoringFlag,
    Record,
    Role,
    WishCatalogItem,
    WishChannel,
    WishFiller,
    WishPriority,
    WishSelection,
    WishStatus,
)

# Monitoring flags are raised by anyone with the student in scope (DOMAIN.md); administrators see no
# student content.  Handling them (the status workflow) is for counselors and the centers.
FLAG_RAISE_ROLES = frozenset({Role.COUNSELOR, Role.MENTOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})


class WorkflowDialog(RecordDialog):
    """A record dialog with a status workflow: the status field and a button per next step."""

    TRANSITIONS: ClassVar[Mapping[Any, frozenset[Any]]]
    STATUS: ClassVar[Any]  # the status enum
    # A date field filled in with today when a step to this status is taken and it is empty.
    DATE_FOR: ClassVar[Mapping[Any, str]] = {}

    def add_status(self, parent: QWidget) -> None:
        """The status combo, the next steps and their buttons (only when editing)."""
        self.add("status", self.tr("Status"), enum_combo(parent, self.STATUS))
        self.next_steps = QLabel(parent)
        self.next_steps.setObjectName("nextSteps")
        self.step_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for status in self.STATUS:
            button = QPushButton(self.tr("Move to %1").replace("%1", status.label), parent)
            button.setObjectName(f"step_{status.value}")
            button.clicked.connect(lambda _checked=False, s=status: self.take_step(s))
            button.setVisible(False)
            self.step_buttons[status.value] = button
            row.addWidget(button)
        row.addStretch(1)
        self.form.addRow(self.tr("Next steps"), self.next_steps)
        self.form.addRow("", row)

    def load(self, record: Record) -> None:
        super().load(record)
        current = getattr(record, "status", None)
        allowed = [status for status in self.STATUS if status in self.TRANSITIONS.get(current, frozenset())]
        for status in self.STATUS:
            self.step_buttons[status.value].setVisible(status in allowed)
        self.next_steps.setText(
            "、".join(status.label for status in allowed) if allowed else self.tr("None (finished)")
        )

    def take_step(self, status: Any) -> None:
        """Set the status and save (a date the step needs is today unless one was chosen)."""
        set_value(self.inputs["status"], status.value)
        field = self.DATE_FOR.get(status)
        if field is not None and get_value(self.inputs[field]) is None:
            set_value(self.inputs[field], date.today())
        self.save()


class FlagDialog(WorkflowDialog):
    """监测反馈: raise a flag (kind, date, situation); handle it 待处理 → 处理中 → 已处理."""

    RECORD = MonitoringFlag
    DELETABLE = False
    TRANSITIONS = monitoring_workflow.TRANSITIONS
    STATUS = FlagStatus
    DATE_FOR: ClassVar[Mapping[Any, str]] = {FlagStatus.RESOLVED: "resolved_on"}

    @classmethod
    def may_add(cls, ctx: AppContext) -> bool:
        return ctx.identity.role in FLAG_RAISE_ROLES

    def window_title(self, new: bool) -> str:
        return self.tr("Raise a monitoring flag") if new else self.tr("Monitoring flag")

    def build(self, parent: QWidget) -> None:
        self.add("kind", self.tr("Kind"), enum_combo(parent, FlagKind))
        self.add("raised_on", self.tr("Date raised"), DateField(optional=False, parent=parent))
        self.add("description", self.tr("Situation"), text_area(parent, 3))
        if self.record is not None:
            self.add_status(parent)
            self.add("actions", self.tr("Actions taken"), MultiSelect(FlagAction, 2, parent))
            self.add("action_notes", self.tr("Notes on handling"), text_area(parent, 2))
            self.add("resolved_on", self.tr("Resolved on"), DateField(parent=parent))

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, MonitoringFlag)
        return lambda store: record_editing.save_flag(store, record)


class WishDialog(WorkflowDialog):
    """成长发展心愿单: the items chosen from the catalogue and how the wish is being served."""

    RECORD = WishSelection
    DELETABLE = False
    TRANSITIONS = wish_workflow.TRANSITIONS
    STATUS = WishStatus
    DATE_FOR: ClassVar[Mapping[Any, str]] = {WishStatus.COMPLETED: "completed_on"}

    def window_title(self, new: bool) -> str:
        return self.tr("New wish") if new else self.tr("Wish")

    def build(self, parent: QWidget) -> None:
        self.add("academic_year", self.tr("Academic year"), year_combo(parent))
        self.picker = WishItemsPicker(parent)
        self.add("item_ids", self.tr("Service items"), self.picker, bound=False)
        self.add("filled_by", self.tr("Filled in by"), enum_combo(parent, WishFiller))
        channel = enum_combo(parent, WishChannel)
        channel.setCurrentIndex(channel.findData(WishChannel.ONLINE.value))
        self.add("channel", self.tr("How"), channel)
        priority = enum_combo(parent, WishPriority)
        priority.setCurrentIndex(priority.findData(WishPriority.NORMAL.value))
        self.add("priority", self.tr("Priority"), priority)
        self.add("details", self.tr("Details"), text_area(parent, 2))
        if self.record is not None:
            self.add_status(parent)
            self.add("responsible_person", self.tr("Responsible person"), QLineEdit(parent))
            self.add("completed_on", self.tr("Completed on"), DateField(parent=parent))
            self.add("feedback", self.tr("Feedback"), text_area(parent, 2))
        run_for(self, record_editing.wish_catalog, self._show_catalog)

    def _show_catalog(self, catalog: list[WishCatalogItem]) -> None:
        self.picker.set_catalog(catalog)

    def load(self, record: Record) -> None:
        super().load(record)
        assert isinstance(record, WishSelection)
        self.picker.set_values(record.item_ids)

    def values(self) -> dict[str, Any]:
        data = super().values()
        data["item_ids"] = self.picker.values()
        return data

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, WishSelection)
        return lambda store: record_editing.save_wish(store, record)
