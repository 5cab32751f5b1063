"""Add or edit one of a student's records in a dialog built from a field list.

`RecordDialog` lays out the fields, reads and writes them (form_bindings), validates with the record
type (one Chinese message under each field), and saves on the store thread; the profile refreshes
through `data_changed`. `AidDialog` (资助记录) and `RewardDialog` (成长奖励) are field lists;
the identification form (identification_dialog.py) adds the special groups and the status history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.app import record_editing
from desktop.store.errors import StoreError
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.date_field import DateField
from desktop.ui.common.field_errors_view import ERROR_STYLE, FieldErrorsView
from desktop.ui.common.form_bindings import change_signal, get_value, money_or_text, set_value
from desktop.ui.shell.app_context import AppContext, SavedNotice
from sync.records import GrowthReward, GuaranteeAid, Record
from sync.records.academic import academic_year_of, current_academic_year, previous_academic_year
from sync.records.enums import AidType, RewardForm, RewardKind
from sync.records.errors import errors_of

StoreCall = Callable[[Any], Any]


def enum_combo(parent: QWidget, enum: Any, *, blank: bool = False) -> QComboBox:
    """A combo over a coded enum's Chinese labels (data: the code; "—" first when `blank`)."""
    combo = QComboBox(parent)
    if blank:
        combo.addItem("—", None)
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


def year_combo(parent: QWidget) -> QComboBox:
    """学年: the current academic year and the four before it, or any "YYYY-YYYY" typed in."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    year = current_academic_year()
    for _ in range(5):
        combo.addItem(year)
        year = previous_academic_year(year)
    return combo


def text_area(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    area = QPlainTextEdit(parent)
    area.setTabChangesFocus(True)
    area.setFixedHeight(area.fontMetrics().lineSpacing() * lines + 16)
    return area


class RecordDialog(QDialog):
    """The shared form; subclasses set the record type and add their fields in `build`."""

    RECORD: ClassVar[type[Record]]
    MONEY_FIELDS: ClassVar[tuple[str, ...]] = ()
    # Whether a stored record of this kind may be deleted from its tab (workflows keep theirs).
    DELETABLE: ClassVar[bool] = True
    # A date field whose academic year fills in 学年 on a new record until 学年 is chosen by hand.
    YEAR_FROM: ClassVar[str | None] = None

    saved = Signal(object)  # the record as stored

    def __init__(
        self,
        ctx: AppContext,
        student_id: str,
        student_name: str,
        record: Record | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.student_id = student_id
        self.record = record
        self.inputs: dict[str, QWidget] = {}
        self.errors = FieldErrorsView()
        self.setModal(True)
        self.setMinimumWidth(560)
        self.setWindowTitle(self.window_title(record is None))

        heading = QLabel(student_name, self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.build(body)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)

        self.summary = QLabel(self)
        self.summary.setObjectName("recordErrors")
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("saveRecord")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelRecord")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        if record is not None:
            self.load(record)
        self._year_chosen = record is not None
        self._follow_date()
        # Locking closes editors: nothing typed stays on screen while the app is locked.
        ctx.lock.about_to_lock.connect(self.reject)
        name_controls(self)

    # -- who may --------------------------------------------------------------------------------
    @classmethod
    def may_add(cls, ctx: AppContext) -> bool:
        """Whether the signed-in role may add records of this kind (counselors and the centers)."""
        return ctx.may_edit_records()

    @classmethod
    def may_change(cls, ctx: AppContext) -> bool:
        """Whether the signed-in role may edit (and delete) stored records of this kind."""
        return ctx.may_edit_records()

    # -- building -------------------------------------------------------------------------------
    # The three hooks below are what each kind of record defines (AidDialog, RewardDialog,
    # IdentificationDialog, FlagDialog, WishDialog); Qt's metaclass does not enforce abc here.
    def window_title(self, new: bool) -> str:
        raise NotImplementedError(f"{type(self).__name__} must define window_title()")

    def build(self, parent: QWidget) -> None:
        raise NotImplementedError(f"{type(self).__name__} must define build()")

    def add(self, name: str, title: str, widget: QWidget, *, bound: bool = True) -> QWidget:
        """One field: its widget with the field's message line under it.

        A `bound` widget is read and written by form_bindings; others by the subclass.
        """
        widget.setObjectName(f"record_{name}")
        if bound:
            self.inputs[name] = widget
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        cell.addWidget(self.errors.label_for(name, widget.parentWidget() or self))
        self.form.addRow(title, cell)
        return widget

    def _follow_date(self) -> None:
        if self.YEAR_FROM is None or "academic_year" not in self.inputs:
            return
        year = self.inputs["academic_year"]
        assert isinstance(year, QComboBox)
        line = year.lineEdit()
        if line is not None:
            line.textEdited.connect(self._year_edited)
        year.activated.connect(self._year_edited)
        signal = change_signal(self.inputs[self.YEAR_FROM])
        if signal is not None:
            signal.connect(self._date_changed)
        self._date_changed()

    def _year_edited(self, *_args: object) -> None:
        self._year_chosen = True

    def _date_changed(self, *_args: object) -> None:
        if self._year_chosen or self.YEAR_FROM is None:
            return
        day = get_value(self.inputs[self.YEAR_FROM])
        if isinstance(day, date):
            set_value(self.inputs["academic_year"], academic_year_of(day))

    # -- values ---------------------------------------------------------------------------------
    def load(self, record: Record) -> None:
        data = record.model_dump()
        for name, widget in self.inputs.items():
            set_value(widget, data.get(name))

    def values(self) -> dict[str, Any]:
        data = {name: get_value(widget) for name, widget in self.inputs.items()}
        for name in self.MONEY_FIELDS:
            data[name] = money_or_text(data.get(name))
        return data

    def base_values(self) -> dict[str, Any]:
        """The stored record's fields (kept when editing) or a new record's owner."""
        if self.record is not None:
            return self.record.model_dump()
        return {"student_id": self.student_id}

    def validate(self) -> Record | None:
        try:
            record = self.RECORD.model_validate({**self.base_values(), **self.values()})
        except ValidationError as exc:
            problems: dict[str, str] = {}
            for problem in errors_of(exc):
                problems.setdefault(problem.field, problem.message)
            self.show_errors(problems)
            return None
        self.show_errors({})
        return record

    def show_errors(self, errors: dict[str, str], note: str = "") -> None:
        unplaced = self.errors.show(errors)
        lines = [self.tr("Please correct the marked fields.")] if errors else []
        lines += unplaced + ([note] if note else [])
        self.summary.setText("\n".join(lines))
        self.summary.setVisible(bool(lines))
        if errors:
            widget = self.inputs.get(next(iter(errors)).split(".")[0])
            if widget is not None:
                widget.setFocus()

    # -- saving ---------------------------------------------------------------------------------
    def store_call(self, record: Record) -> StoreCall:
        raise NotImplementedError(f"{type(self).__name__} must define store_call()")

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        record = self.validate()
        if record is None:
            return
        self.save_button.setEnabled(False)
        self.summary.setText(self.tr("Saving…"))
        self.summary.setVisible(True)
        self.ctx.worker.run(
            self.store_call(record), self._saved, self._failed, changes={self.RECORD.RECORD_TYPE}
        )

    def _saved(self, record: Record) -> None:
        self.save_button.setEnabled(True)
        self.record = record
        self.summary.setVisible(False)
        self.saved.emit(record)
        student_id = getattr(record, "student_id", None)
        if self.ctx.events is not None and isinstance(student_id, str):
            text = self.tr("Saved: %1").replace("%1", self.windowTitle())
            self.ctx.events.record_saved.emit(SavedNotice(record.RECORD_TYPE, record.id, student_id, text))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, record_editing.RecordFieldError):
            self.show_errors({exc.field: str(exc)})
        elif isinstance(exc, StoreError):
            self.show_errors({}, str(exc))
        else:
            self.show_errors({}, self.tr("Not saved."))


class AidDialog(RecordDialog):
    """资助记录: one item of the 八位一体 aid or a 临时困难补助."""

    RECORD = GuaranteeAid
    MONEY_FIELDS = ("amount",)
    YEAR_FROM = "granted_on"

    def window_title(self, new: bool) -> str:
        return self.tr("New aid record") if new else self.tr("Edit aid record")

    def build(self, parent: QWidget) -> None:
        self.add("aid_type", self.tr("Type"), enum_combo(parent, AidType))
        self.add("granted_on", self.tr("Date"), DateField(optional=False, parent=parent))
        self.add("academic_year", self.tr("Academic year"), year_combo(parent))
        self.add("project_name", self.tr("Project"), QLineEdit(parent))
        amount = QLineEdit(parent)
        amount.setPlaceholderText(self.tr("Amount in yuan, or a position below"))
        self.add("amount", self.tr("Amount (yuan)"), amount)
        self.add("position", self.tr("Position (work-study)"), QLineEdit(parent))
        self.add("funding_source", self.tr("Funding source"), QLineEdit(parent))
        self.add("note", self.tr("Note"), text_area(parent, 2))

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, GuaranteeAid)
        return lambda store: record_editing.save_aid(store, record)


class RewardDialog(RecordDialog):
    """成长奖励: direct (money, goods) or indirect (platforms, opportunities)."""

    RECORD = GrowthReward
    MONEY_FIELDS = ("value",)
    YEAR_FROM = "granted_on"

    def window_title(self, new: bool) -> str:
        return self.tr("New growth reward") if new else self.tr("Edit growth reward")

    def build(self, parent: QWidget) -> None:
        self.add("kind", self.tr("Kind"), enum_combo(parent, RewardKind))
        form = enum_combo(parent, RewardForm)
        form.setCurrentIndex(form.findData(RewardForm.INDIRECT.value))
        self.add("form", self.tr("Direct or indirect"), form)
        self.add("granted_on", self.tr("Date"), DateField(optional=False, parent=parent))
        self.add("academic_year", self.tr("Academic year"), year_combo(parent))
        self.add("description", self.tr("Description"), QLineEdit(parent))
        value = QLineEdit(parent)
        value.setPlaceholderText(self.tr("Yuan, if any"))
        self.add("value", self.tr("Value (yuan)"), value)
        self.add("granting_department", self.tr("Granted by"), QLineEdit(parent))

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, GrowthReward)
        return lambda store: record_editing.save_reward(store, record)
