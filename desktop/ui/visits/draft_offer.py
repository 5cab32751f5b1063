"""After unlocking: offer back visit forms that were never saved (e.g. the app was killed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.app import drafts as drafts_core
from desktop.app.drafts import DraftInfo
from desktop.ui.shell.app_context import AppContext


class DraftOffer(QFrame):
    open_requested = Signal(object)  # DraftInfo

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.lock.unlocked.connect(self.check)
        ctx.lock.locked.connect(self.clear)
        self.setObjectName("draftOffer")
        self.setStyleSheet("#draftOffer { background: #fff8e1; border-bottom: 1px solid #e6d9a8; }")
        self.drafts: list[DraftInfo] = []
        self.text = QLabel(self)
        self.text.setObjectName("draftOfferText")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openDraft")
        self.open_button.clicked.connect(self._open)
        self.later = QPushButton(self.tr("Later"), self)
        self.later.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.later)
        row.addWidget(self.open_button)
        self.setVisible(False)

    def check(self) -> None:
        self.ctx.worker.run(drafts_core.list_drafts, self.offer, key="draft-offer")

    def offer(self, drafts: list[DraftInfo]) -> None:
        self.drafts = drafts
        if not drafts:
            self.setVisible(False)
            return
        first = drafts[0]
        text = (
            self.tr("An unsaved home-visit form for %1 (%2) was kept. Open it?")
            .replace("%1", first.student_name)
            .replace("%2", f"{first.saved_at:%Y-%m-%d %H:%M}")
        )
        if len(drafts) > 1:
            text += " " + self.tr("(%n more under Home visits)", "", len(drafts) - 1)
        self.text.setText(text)
        self.setVisible(True)

    def forget(self, visit_id: str) -> None:
        """A visit was saved: its draft is no longer offered."""
        kept = [d for d in self.drafts if visit_id not in (d.id, d.data.get("id"))]
        if len(kept) != len(self.drafts):
            shown = not self.isHidden()
            self.offer(kept)
            self.setVisible(shown and bool(kept))

    def _open(self) -> None:
        if self.drafts:
            self.open_requested.emit(self.drafts[0])
        self.setVisible(False)

    def clear(self) -> None:
        self.drafts = []
        self.text.clear()
        self.setVisible(False)
