"""冲突处理: conflicts waiting for review, field by field, with both values, who entered each and when;
choose one or type the right value.  The choice is saved as an ordinary edit (it goes to the outbox and
closes the conflict on the center at the next sync; desktop/store/conflict_review.py).  A record deleted
on one side and changed on the other is kept as it is, restored with the changed values, or deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app import conflicts
from desktop.app.conflicts import ConflictSideView, ConflictView
from desktop.store.errors import StoreError
from desktop.store.store import Store
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.screen_fit import fit_to_screen
from desktop.ui.shell.app_context import AppContext
from desktop.ui.sync.sync_status_item import local_time

_Index = QModelIndex | QPersistentModelIndex


class ConflictListModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[ConflictView] = []

    def set_conflicts(self, conflicts: list[ConflictView]) -> None:
        self.beginResetModel()
        self.conflicts = list(conflicts)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Student"), self.tr("Field"), self.tr("Kept by the center"), self.tr("Also entered"))[
            section
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        view = self.conflicts[index.row()]
        column = index.column()
        if column == 0:
            return (
                f"{view.student_name}（{view.student_no}）" if view.student_name else self.tr("(school-wide)")
            )
        if column == 1:
            return view.field_label
        return side_text(view.kept if column == 2 else view.other, self.tr("(deleted)"), self.tr("(empty)"))


def side_text(side: ConflictSideView, deleted: str, empty: str) -> str:
    if side.is_delete:
        return deleted
    return side.text or empty


class SideBox(QGroupBox):
    """One side of a conflict: the value, who entered it and when, and a button to keep it."""

    chosen = Signal()

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value = QLabel(self)
        self.value.setObjectName(f"{name}Value")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()  # larger than the system's font, and scaled with it
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.value.setFont(font)
        self.author = QLabel(self)
        self.author.setObjectName(f"{name}Author")
        self.button = QPushButton(self)
        self.button.setObjectName(f"{name}Use")
        self.button.clicked.connect(self.chosen)
        column = QVBoxLayout(self)
        column.addWidget(self.value)
        column.addWidget(self.author)
        column.addStretch(1)
        column.addWidget(self.button)

    def show_side(self, side: ConflictSideView, button_text: str, enabled: bool) -> None:
        self.value.setText(side_text(side, self.tr("(deleted)"), self.tr("(empty)")))
        author = side.author_name or self.tr("another user")
        when = local_time(side.at) if side.at else "—"
        self.author.setText(
            self.tr("Entered by %1, reached the center %2").replace("%1", author).replace("%2", when)
        )
        self.button.setText(button_text)
        self.button.setEnabled(enabled)


class ConflictReviewDialog(QDialog):
    """Non-modal; closes (and forgets what it showed) when the app locks."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflictReview")
        self.setWindowTitle(self.tr("Review sync conflicts"))
        fit_to_screen(self, QSize(900, 520))
        self.model = ConflictListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        detail = QWidget(self)
        self.heading = QLabel(detail)
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.explain = QLabel(detail)
        self.explain.setObjectName("conflictExplain")
        self.explain.setWordWrap(True)
        self.kept = SideBox(self.tr("Kept by the center (arrived first)"), "kept", detail)
        self.other = SideBox(self.tr("Also entered"), "other", detail)
        self.kept.chosen.connect(lambda: self._choose(self.kept))
        self.other.chosen.connect(lambda: self._choose(self.other))
        self.edit = QLineEdit(detail)
        self.edit.setObjectName("conflictEdit")
        self.edit.setPlaceholderText(self.tr("Or type the right value"))
        self.save_edit = QPushButton(self.tr("Save this value"), detail)
        self.save_edit.setObjectName("conflictSaveEdit")
        self.save_edit.clicked.connect(self._save_typed)
        self.message = QLabel(detail)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        grid = QGridLayout(detail)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.explain, 1, 0, 1, 2)
        grid.addWidget(self.kept, 2, 0)
        grid.addWidget(self.other, 2, 1)
        typed = QHBoxLayout()
        typed.addWidget(self.edit, 1)
        typed.addWidget(self.save_edit)
        grid.addLayout(typed, 3, 0, 1, 2)
        grid.addWidget(self.message, 4, 0, 1, 2)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(splitter, 1)
        column.addWidget(buttons)
        ctx.lock.locked.connect(self._locked)
        self._show(None)
        self.table.setAccessibleName(self.tr("Sync conflicts"))
        name_controls(self)

    # -- loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.worker.run(conflicts.open_conflicts, self._loaded, self._failed, key="conflict-review")

    def _loaded(self, conflicts: list[ConflictView]) -> None:
        current = self.current()
        self.model.set_conflicts(conflicts)
        row = next((n for n, view in enumerate(conflicts) if current and view.id == current.id), 0)
        if conflicts:
            self.table.selectRow(row)
            self._show(conflicts[row])
        else:
            self._show(None)

    def current(self) -> ConflictView | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.conflicts):
            return None
        return self.model.conflicts[index.row()]

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.conflicts[current.row()] if current.isValid() else None)

    def _show(self, view: ConflictView | None) -> None:
        self.message.clear()
        if view is None:
            self.heading.setText(self.tr("No conflicts are waiting for review."))
            self.explain.clear()
            for box in (self.kept, self.other):
                box.setVisible(False)
            self.edit.setVisible(False)
            self.save_edit.setVisible(False)
            return
        for box in (self.kept, self.other):
            box.setVisible(True)
        who = (
            f"{view.student_name}（{view.student_no}）"
            if view.student_name
            else self.tr("School-wide record")
        )
        self.heading.setText(f"{who} — {view.field_label}")
        whole = view.field == conflicts.WHOLE_RECORD
        if whole and view.deletion_kept:
            self.explain.setText(
                self.tr(
                    "One side deleted the record while the other changed it. The center kept the deletion: restore the record with the changed values, or accept the deletion."
                )
            )
        elif not view.record_here and not whole:
            self.explain.setText(
                self.tr(
                    "The record is not on this computer (it was deleted), so this conflict cannot be resolved here."
                )
            )
        elif whole:
            self.explain.setText(
                self.tr(
                    "One side deleted the record while the other changed it. The record is kept until you decide."
                )
            )
        else:
            self.explain.setText(
                self.tr("The same field was changed on two computers. Choose the right value or type it.")
            )
        if whole and view.deletion_kept:
            self.kept.show_side(view.kept, self.tr("Accept the deletion"), True)
            self.other.show_side(view.other, self.tr("Restore with these values"), view.restorable)
        elif whole:
            self.kept.show_side(view.kept, self.tr("Keep the record as it is"), view.record_here)
            self.other.show_side(view.other, self.tr("Delete the record"), True)
        else:
            self.kept.show_side(view.kept, self.tr("Use this value"), view.record_here)
            self.other.show_side(view.other, self.tr("Use this value"), view.record_here)
        editable = view.record_here and view.free_text and not whole
        self.edit.setVisible(editable)
        self.save_edit.setVisible(editable)
        self.edit.setText(view.current if isinstance(view.current, str) else "")

    # -- resolving ----------------------------------------------------------------------------------
    def _choose(self, box: SideBox) -> None:
        view = self.current()
        if view is None:
            return
        side = view.kept if box is self.kept else view.other
        if view.field != conflicts.WHOLE_RECORD:
            self.resolve(view, side.value)
        elif side.is_delete:
            self._decide(view, lambda store: conflicts.accept_deletion(store, view.id))
        elif view.deletion_kept:
            self._decide(view, lambda store: conflicts.restore(store, view.id))
        else:
            self.resolve(view, None)  # keep the record as it is

    def _save_typed(self) -> None:
        view = self.current()
        if view is not None:
            self.resolve(view, self.edit.text().strip())

    def resolve(self, view: ConflictView, value: Any) -> None:
        self._decide(view, lambda store: conflicts.resolve(store, view.id, value))

    def _decide(self, view: ConflictView, decision: Callable[[Store], None]) -> None:
        self.message.setText(self.tr("Saving…"))

        def done(_result: object) -> None:
            self.message.setText(self.tr("Saved. The decision goes to the center with the next sync."))
            self.reload()

        self.ctx.worker.run(decision, done, self._failed, changes={view.record_type})

    def _failed(self, error: Exception) -> None:
        detail = str(error) if isinstance(error, StoreError) else type(error).__name__
        self.message.setText(self.tr("That did not work (%1).").replace("%1", detail))
        if isinstance(error, conflicts.ConflictGone):
            self.reload()

    def _locked(self) -> None:
        self.model.set_conflicts([])
        self._show(None)
        self.edit.clear()
        self.reject()
