"""认定记录: add or edit a student's identification for one academic year.

Besides the record's fields (special groups as yes / no / unknown), the form says when and why the
status or level changes; saving appends that step to the history, which is listed under the form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QMessageBox, QWidget

from desktop.app import record_editing
from desktop.app.changes import Kind
from desktop.ui.common.date_field import DateField
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.common.tri_state_grid import TriStateGrid
from desktop.ui.profile.record_dialog import RecordDialog, StoreCall, enum_combo, text_area, year_combo
from desktop.ui.profile.record_list_tab import RecordListTab, label_of
from sync.records import Identification, IdentificationChange, Record
from sync.records.enums import (
    HardshipCause,
    IdentificationBasis,
    IdentificationLevel,
    IdentificationStatus,
    SpecialGroup,
)
from sync.records.errors import errors_of

# The status step's inputs and the IdentificationChange fields they fill.
STEP_FIELDS = {"changed_on": "step_on", "semester": "step_semester", "note": "step_note"}


class IdentificationDialog(RecordDialog):
    RECORD = Identification
    MONEY_FIELDS = ("per_capita_income",)

    def window_title(self, new: bool) -> str:
        return self.tr("New identification") if new else self.tr("Edit identification")

    def build(self, parent: QWidget) -> None:
        self.add("academic_year", self.tr("Academic year"), year_combo(parent))
        self.add("level", self.tr("Level"), enum_combo(parent, IdentificationLevel, blank=True))
        self.add("status", self.tr("Status"), enum_combo(parent, IdentificationStatus))
        self.add("identified_on", self.tr("Date identified"), DateField(parent=parent))
        self.groups = TriStateGrid(SpecialGroup, 2, parent)
        self.add("special_groups", self.tr("Special groups"), self.groups, bound=False)
        self.add("causes", self.tr("Causes"), MultiSelect(HardshipCause, 4, parent))
        self.add("per_capita_income", self.tr("Household income per person (yuan/year)"), QLineEdit(parent))
        self.add("basis", self.tr("Basis"), MultiSelect(IdentificationBasis, 3, parent))
        self.add("without_application", "", QCheckBox(self.tr("Identified without application"), parent))
        self.add(
            "visit_before_identification",
            "",
            QCheckBox(self.tr("Visit first, then set the level (new student)"), parent),
        )
        self.add("aid_decision", self.tr("Aid decision"), QLineEdit(parent))
        exception = text_area(parent, 2)
        exception.setPlaceholderText(
            self.tr(
                "A new student's level needs a pre-identification visit with its conclusion first. "
                "Only a support center may record an exception here."
            )
        )
        exception.setEnabled(self.ctx.is_center())
        self.add("visit_exception_reason", self.tr("Exception to visit first"), exception)
        self.add("note", self.tr("Note"), text_area(parent, 2))

        new = self.record is None
        box = QGroupBox(
            self.tr("Status recorded") if new else self.tr("When the status or level changes"), parent
        )
        step_form = QFormLayout(box)
        self.step_on = DateField(optional=False, parent=box)
        self.step_on.setObjectName("step_on")
        self.step_semester = QLineEdit(box)
        self.step_semester.setObjectName("step_semester")
        self.step_semester.setPlaceholderText(self.tr("e.g. first semester"))
        self.step_note = QLineEdit(box)
        self.step_note.setObjectName("step_note")
        for title, widget, label in (
            (self.tr("Date"), self.step_on, "step_on"),
            (self.tr("Semester"), self.step_semester, "step_semester"),
            (self.tr("Reason"), self.step_note, "step_note"),
        ):
            step_form.addRow(title, widget)
            step_form.addRow("", self.errors.label_for(label, box))
        if not new:
            hint = QLabel(self.tr("Changing the status or the level adds a line to the history."), box)
            hint.setWordWrap(True)
            step_form.addRow(hint)
        self.form.addRow(box)

        self.history = RecordListTab(
            [
                (self.tr("Date"), lambda c: label_of(c.changed_on)),
                (self.tr("Status"), lambda c: label_of(c.status)),
                (self.tr("Level"), lambda c: label_of(c.level)),
                (self.tr("Semester"), lambda c: c.semester),
                (self.tr("Reason"), lambda c: c.note),
            ],
            self.tr("No change recorded yet."),
            parent,
        )
        self.history.setObjectName("identificationHistory")
        self.history.table.setAccessibleName(self.tr("Identification history"))
        self.history.table.setMinimumHeight(120)
        self.form.addRow(self.tr("History"), self.history)

    # -- values ---------------------------------------------------------------------------------
    def load(self, record: Record) -> None:
        super().load(record)
        assert isinstance(record, Identification)
        self.groups.set_values({k.value: v.value for k, v in record.special_groups.items()})
        self.history.set_records(list(reversed(record.history)))

    def values(self) -> dict[str, Any]:
        data = super().values()
        data["special_groups"] = self.groups.values()
        return data

    def step(self) -> record_editing.StatusStep:
        on = self.step_on.value()
        return record_editing.StatusStep(
            on=on or date.today(),
            semester=self.step_semester.text().strip(),
            note=self.step_note.text().strip(),
        )

    def validate(self) -> Record | None:
        record = super().validate()
        problems = dict(self.errors.visible_messages())
        step = self.step()
        try:
            IdentificationChange.model_validate(
                {
                    "changed_on": step.on,
                    "status": IdentificationStatus.APPLIED,
                    "semester": step.semester,
                    "note": step.note,
                }
            )
        except ValidationError as exc:
            for problem in errors_of(exc):
                label = STEP_FIELDS.get(problem.field.split(".")[0])
                if label is not None:
                    problems.setdefault(label, problem.message)
        if record is None or any(name in problems for name in STEP_FIELDS.values()):
            self.show_errors(problems)
            return None
        return record

    def store_call(self, record: Record, *, end_key_support: bool = False) -> StoreCall:
        assert isinstance(record, Identification)
        step = self.step()
        return lambda store: record_editing.save_identification(
            store, record, step, end_key_support=end_key_support
        )

    def confirm_end_key_support(self) -> bool:
        """Asked when the level 不困难 would end the student's key support (the reason: the step's)."""
        answer = QMessageBox.question(
            self,
            self.tr("End key support"),
            self.tr(
                "With this level the student is no longer identified as needing support this year, "
                "so the student's key support ends (the reason above is recorded). Continue?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, record_editing.KeySupportWouldEnd):
            super()._failed(exc)
            return
        record = self.validate()
        if record is None or not self.confirm_end_key_support():
            self.save_button.setEnabled(True)
            self.show_errors({}, self.tr("Not saved: the key support continues."))
            return
        self.ctx.worker.run(
            self.store_call(record, end_key_support=True),
            self._saved,
            super()._failed,
            changes={self.RECORD.RECORD_TYPE, Kind.KEY_SUPPORT, Kind.MENTOR_ASSIGNMENT},
        )
