"""A calm notice after a visit that records a recent shock (or suggests a temporary subsidy): raise a
monitoring flag for it?

The notice (not a dialog) sits above the 待家访 list once the visit is saved.  It offers a 家庭突发变故
flag with 临时困难补助 as the suggested action, both prefilled and editable; one click raises it on
the store thread, "Not now" hides it.  Each visit is offered once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.changes import Kind
from desktop.app.visit_followups import SUGGESTED_ACTION, raise_visit_flag
from desktop.store.errors import StoreError
from desktop.store.monitoring_workflow import SHOCK_FLAG_TEXT
from desktop.ui.common.field_errors_view import ERROR_STYLE
from desktop.ui.common.guarded_call import run_for
from desktop.ui.shell.app_context import AppContext
from sync.records import HomeVisit, MonitoringFlag


class ShockFlagOffer(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("shockFlagOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#shockFlagOffer { background: #f3f6fb; }")
        self.visit_id: str | None = None
        self.offered: set[str] = set()

        self.text = QLabel(self)
        self.text.setObjectName("shockFlagText")
        self.text.setWordWrap(True)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("shockFlagDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 2 + 16)
        self.suggestion = QLineEdit(self)
        self.suggestion.setObjectName("shockFlagSuggestion")
        self.message = QLabel(self)
        self.message.setObjectName("shockFlagMessage")
        self.message.setWordWrap(True)
        self.raise_button = QPushButton(self.tr("Raise monitoring flag"), self)
        self.raise_button.setObjectName("raiseShockFlag")
        self.raise_button.clicked.connect(self.raise_flag)
        self.dismiss_button = QPushButton(self.tr("Not now"), self)
        self.dismiss_button.setObjectName("dismissShockFlag")
        self.dismiss_button.clicked.connect(self.dismiss)

        self.inputs = QWidget(self)
        form = QFormLayout(self.inputs)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Situation"), self.description)
        form.addRow(self.tr("Suggested action"), self.suggestion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.raise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.inputs)
        layout.addLayout(buttons)
        self.setVisible(False)

    def offer(self, visit: HomeVisit, student_name: str) -> None:
        """Show the offer for a saved visit, unless this visit was offered already."""
        if visit.id in self.offered:
            return
        self.offered.add(visit.id)
        self.visit_id = visit.id
        if visit.recent_shocks.strip():
            text = self.tr(
                "The visit to %1 records a recent emergency in the family. Raise a monitoring flag "
                "(sudden family change) so that a temporary hardship subsidy can be considered?"
            )
        else:
            text = self.tr(
                "The visit to %1 suggests a temporary hardship subsidy. Raise a monitoring flag "
                "(sudden family change) so that it can be considered?"
            )
        self.text.setText(text.replace("%1", student_name))
        self.description.setPlainText(visit.recent_shocks or SHOCK_FLAG_TEXT)
        self.suggestion.setText(SUGGESTED_ACTION)
        self.message.setStyleSheet("")
        self.message.clear()
        self.inputs.setVisible(True)
        self.raise_button.setVisible(True)
        self.raise_button.setEnabled(True)
        self.dismiss_button.setText(self.tr("Not now"))
        self.setVisible(True)

    def raise_flag(self) -> None:
        visit_id = self.visit_id
        if visit_id is None or not self.raise_button.isEnabled():
            return
        description = self.description.toPlainText().strip()
        suggestion = self.suggestion.text().strip()
        self.raise_button.setEnabled(False)
        run_for(
            self,
            lambda store: raise_visit_flag(store, visit_id, description, suggestion),
            self._raised,
            self._failed,
            changes={Kind.MONITORING_FLAG},
        )

    def _raised(self, flag: MonitoringFlag | None) -> None:
        self.inputs.setVisible(False)
        self.raise_button.setVisible(False)
        self.dismiss_button.setText(self.tr("Close"))
        self.message.setStyleSheet("")
        self.text.setText(
            self.tr("Monitoring flag raised; the center will see it under monitoring feedback.")
            if flag is not None
            else self.tr("A monitoring flag for this visit was raised already.")
        )
        self.message.clear()

    def _failed(self, exc: Exception) -> None:
        self.raise_button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(str(exc) if isinstance(exc, StoreError) else self.tr("Not saved."))

    def dismiss(self) -> None:
        self.setVisible(False)
        self.visit_id = None

    def clear(self) -> None:
        """Forget what was shown (locking): nothing typed stays on screen."""
        self.dismiss()
        self.description.clear()
        self.suggestion.clear()
        self.text.clear()
