"""The bar above the sections that says what a sync did to this computer that a user must know about:
students reassigned to another counselor (removed here, with what went to the quarantine and a way to
export it), and a device revoked or wiped by the administrator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.app import sync_jobs
from desktop.app.changes import Kind
from desktop.app.sync_jobs import SyncSummary
from desktop.store.errors import StoreError
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.sync.sync_controller import SyncController, SyncFailure

SHOWN_NAMES = 5


class SyncNotices(QFrame):
    settings_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = ""
        self.setObjectName("syncNotice")
        self.setStyleSheet("#syncNotice { background: #fdecea; border-bottom: 1px solid #e8b4ae; }")
        self.text = QLabel(self)
        self.text.setObjectName("syncNoticeText")
        self.text.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export quarantine…"), self)
        self.export_button.setObjectName("exportQuarantine")
        self.export_button.clicked.connect(self._export)
        self.settings_button = QPushButton(self.tr("Open settings"), self)
        self.settings_button.setObjectName("syncNoticeSettings")
        self.settings_button.clicked.connect(self.settings_requested)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setObjectName("syncNoticeDismiss")
        self.dismiss.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.settings_button)
        row.addWidget(self.dismiss)
        controller.finished.connect(self._finished)
        controller.failed.connect(self._failed)
        controller.ctx.lock.locked.connect(self.clear)
        self.setVisible(False)

    def _finished(self, summary: SyncSummary) -> None:
        schema_text = self._schema_notice(summary)
        if not summary.left:
            if schema_text:
                self._show("schema", schema_text, export=summary.unreadable > 0, settings=False)
            return
        names = "、".join(f"{left.name}（{left.student_no}）" for left in summary.left[:SHOWN_NAMES])
        if len(summary.left) > SHOWN_NAMES:
            names += self.tr(" and %n more", "", len(summary.left) - SHOWN_NAMES)
        text = self.tr(
            "%n student(s) were reassigned to another counselor and removed from this computer: %1. "
            "Changes to them made here before the reassignment were sent to the center.",
            "",
            len(summary.left),
        ).replace("%1", names)
        if summary.quarantined:
            text += " " + self.tr(
                "%n change(s) could not be delivered and were kept in the quarantine; export them to pass them on.",
                "",
                summary.quarantined,
            )
        if schema_text:
            text += " " + schema_text
        self._show("left", text, export=summary.quarantine_total > 0, settings=False)

    def _schema_notice(self, summary: SyncSummary) -> str:
        """What a sync with a server of another schema left to do (docs/sync-protocol.md §2a)."""
        parts: list[str] = []
        if summary.awaiting_upgrade:
            parts.append(
                self.tr(
                    "%n change(s) use fields the center's server does not support yet; they are kept on "
                    "this computer and sent once the administrator upgrades the server.",
                    "",
                    summary.awaiting_upgrade,
                )
            )
        if summary.unreadable:
            parts.append(
                self.tr(
                    "%n record(s) from the center could not be read by this version of the app and were "
                    "kept in the quarantine; please upgrade the app.",
                    "",
                    summary.unreadable,
                )
            )
        return " ".join(parts)

    def _failed(self, failure: SyncFailure) -> None:
        if failure.kind == SyncFailure.REVOKED:
            self._show(
                "revoked",
                self.tr(
                    "The administrator revoked this computer's access to the center (%1). "
                    "Your data here is kept. Log in again in Settings to sync."
                ).replace("%1", failure.message),
                export=False,
                settings=True,
            )
        elif failure.kind == SyncFailure.WIPED:
            self._show(
                "wiped",
                self.tr(
                    "The administrator ordered the data on this computer deleted (%1). "
                    "The student data and unsent changes have been removed from this computer."
                ).replace("%1", failure.message),
                export=False,
                settings=False,
            )

    def _show(self, kind: str, text: str, *, export: bool, settings: bool) -> None:
        self.kind = kind
        self.text.setText(text)
        self.export_button.setVisible(export)
        self.settings_button.setVisible(settings)
        self.setVisible(True)

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self.setVisible(False)

    # -- quarantine export --------------------------------------------------------------------------
    def _export(self) -> None:
        path = ask_save_path(
            self, self.tr("Export quarantine"), "jiafang-quarantine.json", self.tr("JSON files (*.json)")
        )
        if path is not None:
            self.export_quarantine_to(path)

    def export_quarantine_to(self, path: Path) -> None:
        def done(count: int) -> None:
            self.text.setText(
                self.tr("%n quarantined change(s) saved to %1", "", count).replace("%1", str(path))
            )
            self.export_button.setVisible(False)

        def failed(error: Exception) -> None:
            detail = str(error) if isinstance(error, StoreError) else type(error).__name__
            self.text.setText(self.tr("The quarantine could not be exported (%1).").replace("%1", detail))

        self.controller.ctx.worker.run(
            lambda store: sync_jobs.export_quarantine(store, path), done, failed, changes={Kind.AUDIT_ENTRY}
        )
