"""The wish list filled in on a home visit (心愿单 已填写): items, who filled it, how, priority, details.

Shown under the visit's 心愿单填写情况 when "filled in" is chosen; saved as a WishSelection linked to
the visit in the same transaction as the visit (desktop.app.visits.save_visit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from desktop.app.visit_followups import WishPlan
from desktop.ui.common.field_errors_view import ERROR_STYLE
from desktop.ui.visits.wish_items_picker import WishItemsPicker
from sync.records import WishCatalogItem, WishChannel, WishFiller, WishPriority


def _combo(parent: QWidget, enum: Any, name: str, default: Any) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for member in enum:
        combo.addItem(member.label, member.value)
    combo.setCurrentIndex(combo.findData(default.value))
    return combo


class VisitWishPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitWish")
        self.setTitle(self.tr("Wish list filled in on this visit"))
        self.picker = WishItemsPicker(self)
        self.filled_by = _combo(self, WishFiller, "wishFilledBy", WishFiller.STUDENT)
        self.channel = _combo(self, WishChannel, "wishChannel", WishChannel.HOME_VISIT_PAPER)
        self.priority = _combo(self, WishPriority, "wishPriority", WishPriority.NORMAL)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("wishDetails")
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 2 + 16)
        self.error = QLabel(self)
        self.error.setObjectName("wishError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout(self)
        form.addRow(self.tr("Service items"), self.picker)
        form.addRow("", self.error)
        form.addRow(self.tr("Filled in by"), self.filled_by)
        form.addRow(self.tr("How"), self.channel)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Details"), self.details)
        self.picker.changed.connect(self.changed)
        for combo in (self.filled_by, self.channel, self.priority):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.details.textChanged.connect(self.changed)

    def set_catalog(self, catalog: list[WishCatalogItem]) -> None:
        self.picker.set_catalog(catalog)

    # -- values ---------------------------------------------------------------------------------
    def plan(self) -> WishPlan | None:
        """The wish list to save, or None (with a message under the items) when none is chosen."""
        items = self.picker.values()
        if not items:
            self.show_error(self.tr("Choose at least one service item from the wish list."))
            return None
        self.show_error("")
        return WishPlan(
            item_ids=items,
            filled_by=WishFiller(str(self.filled_by.currentData())),
            channel=WishChannel(str(self.channel.currentData())),
            priority=WishPriority(str(self.priority.currentData())),
            details=self.details.toPlainText().strip(),
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def values(self) -> dict[str, Any]:
        """As kept in the visit's draft."""
        return {
            "item_ids": self.picker.values(),
            "filled_by": self.filled_by.currentData(),
            "channel": self.channel.currentData(),
            "priority": self.priority.currentData(),
            "details": self.details.toPlainText(),
        }

    def set_values(self, data: dict[str, Any] | None) -> None:
        data = data or {}
        self.picker.set_values(list(data.get("item_ids") or []))
        for combo, key, default in (
            (self.filled_by, "filled_by", WishFiller.STUDENT.value),
            (self.channel, "channel", WishChannel.HOME_VISIT_PAPER.value),
            (self.priority, "priority", WishPriority.NORMAL.value),
        ):
            index = combo.findData(str(data.get(key) or default))
            combo.setCurrentIndex(index if index >= 0 else combo.findData(default))
        self.details.setPlainText(str(data.get("details") or ""))
        self.show_error("")
