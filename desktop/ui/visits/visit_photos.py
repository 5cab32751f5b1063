"""Photos of a home visit (签字与同意): add (only with the student's photo consent), thumbnails, remove.

The bytes go into the encrypted store as soon as a photo is chosen (photos.add_photo); the
visit keeps references by SHA-256.  Thumbnails are decoded from bytes in memory: no file is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import photos
from desktop.store.errors import StoreError
from desktop.ui.common.field_errors_view import ERROR_STYLE
from desktop.ui.shell.app_context import AppContext
from sync.records import HomeVisit
from sync.records.enums import VisitStatus
from sync.records.visits import Attachment, visit_rule_errors

THUMBNAIL = QSize(96, 96)
SHA_ROLE = Qt.ItemDataRole.UserRole


def consent_message() -> str:
    """The record validator's message for a photo without the photo consent."""
    fields: dict[str, Any] = {
        "attachments": [Attachment(sha256="0" * 64, file_name="probe.jpg", size=1)],
        "photo_consent": False,
        "status": VisitStatus.DRAFT,
    }
    probe = HomeVisit.model_construct(**fields)
    return next(problem.message for problem in visit_rule_errors(probe) if problem.field == "photo_consent")


def thumbnail(data: bytes) -> QIcon | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    scaled = image.scaled(
        THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return QIcon(QPixmap.fromImage(scaled))


class VisitPhotos(QWidget):
    changed = Signal()
    message_shown = Signal(str)  # a refusal or error shown under the photos

    def __init__(
        self, ctx: AppContext, consent_given: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._consent_given = consent_given
        self._references: list[dict[str, Any]] = []
        self.list = QListWidget(self)
        self.list.setObjectName("visitPhotos")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMBNAIL)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setFixedHeight(THUMBNAIL.height() + 48)
        self.add_button = QPushButton(self.tr("Add photos…"), self)
        self.add_button.setObjectName("addPhoto")
        self.add_button.clicked.connect(self.add_photos)
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_button.setObjectName("removePhoto")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.list.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.list.selectedItems()))
        )
        self.message = QLabel(self)
        self.message.setObjectName("photoMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.message)

    # -- values ---------------------------------------------------------------------------------
    def values(self) -> list[dict[str, Any]]:
        return [dict(reference) for reference in self._references]

    def set_values(self, references: list[dict[str, Any]] | None) -> None:
        """Show a visit's photos (thumbnails read from the store on its thread)."""
        self._references = [dict(reference) for reference in references or [] if reference.get("sha256")]
        self.list.clear()
        self._show_message("")
        for reference in self._references:
            self._add_item(reference, None)
        shas = [str(reference["sha256"]) for reference in self._references]
        if shas:
            self.ctx.worker.run(
                lambda store: photos.photo_bytes(store, shas), self._thumbnails_read, key="visit-photos"
            )

    def _thumbnails_read(self, found: dict[str, bytes]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            data = found.get(str(item.data(SHA_ROLE)))
            icon = thumbnail(data) if data is not None else None
            if icon is not None:
                item.setIcon(icon)

    def _add_item(self, reference: dict[str, Any], data: bytes | None) -> None:
        item = QListWidgetItem(str(reference.get("file_name") or ""))
        item.setData(SHA_ROLE, reference["sha256"])
        item.setToolTip(str(reference.get("file_name") or ""))
        icon = thumbnail(data) if data is not None else None
        if icon is not None:
            item.setIcon(icon)
        self.list.addItem(item)

    # -- adding and removing --------------------------------------------------------------------
    def add_photos(self) -> None:
        if not self._consent_given():
            self._show_message(consent_message())
            return
        self._show_message("")
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos"),
            "",
            self.tr("Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)"),
        )
        for name in paths:
            path = Path(name)
            self.ctx.worker.run(functools.partial(photos.add_photo, path=path), self._added, self._failed)

    def _added(self, added: photos.AddedPhoto) -> None:
        sha = added.reference["sha256"]
        if any(reference["sha256"] == sha for reference in self._references):
            self._show_message(self.tr("This photo is already attached."))
            return
        self._references.append(dict(added.reference))
        self._add_item(added.reference, added.data)
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self._show_message(
            str(exc) if isinstance(exc, StoreError) else self.tr("The photo could not be added.")
        )

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
            del self._references[row]
        if rows:
            self.changed.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        if text:
            self.message_shown.emit(text)
