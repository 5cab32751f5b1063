"""基本信息与家庭: the student's own fields and the family table, edited and saved together."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app.profile import StudentHistory
from desktop.ui.common.date_field import DateField
from desktop.ui.common.field_errors_view import FieldErrorsView
from desktop.ui.common.masked_line_edit import MaskedLineEdit
from desktop.ui.common.screen_fit import show_start
from desktop.ui.profile.family_table import FamilyTable
from sync.records import FamilyMember, Student
from sync.records.choices import ETHNIC_GROUPS
from sync.records.enums import Gender, HukouType, PoliticalStatus
from sync.records.errors import errors_of
from sync.records.masking import mask_id_number, mask_phone


def _enum_combo(parent: QWidget, enum: Any) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("—", None)
    for member in enum:
        combo.addItem(member.label, member.value)
    return combo


class BasicInfoTab(QWidget):
    """Emits `save_requested(student, members, removed_member_ids)` once everything validates."""

    save_requested = Signal(object, object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrorsView()
        self._student: Student | None = None
        self._member_ids: set[str] = set()

        inner = QWidget(self)
        form = QFormLayout()
        self.student_no = QLineEdit(inner)
        self.name = QLineEdit(inner)
        self.name.setObjectName("studentName")
        self.gender = _enum_combo(inner, Gender)
        self.ethnicity = QComboBox(inner)
        self.ethnicity.setEditable(True)
        self.ethnicity.addItems(["", *ETHNIC_GROUPS])
        self.birth_date = DateField(parent=inner)
        self.id_number = MaskedLineEdit(mask_id_number, inner)
        self.id_number.setObjectName("idNumber")
        # Wide enough for all 18 characters of an ID number, masked or not.
        digits = self.id_number.fontMetrics().horizontalAdvance("0" * 18 + "XX")
        self.id_number.setMinimumWidth(digits + 2 * self.id_number.textMargins().left() + 12)
        self.college = QLabel(inner)
        self.major = QLineEdit(inner)
        self.grade = QSpinBox(inner)
        self.grade.setRange(1989, 2100)
        self.grade.setSpecialValueText("—")
        self.class_name = QLineEdit(inner)
        self.political_status = _enum_combo(inner, PoliticalStatus)
        self.hukou_type = _enum_combo(inner, HukouType)
        self.origin_place = QLineEdit(inner)
        self.home_address = QLineEdit(inner)
        self.phone = MaskedLineEdit(mask_phone, inner)
        self.phone.setObjectName("phone")
        self.parent_phone = MaskedLineEdit(mask_phone, inner)
        self.parent_phone.setObjectName("parentPhone")
        self.high_school = QLineEdit(inner)
        self.talents = QLineEdit(inner)
        self.counselor = QLabel(inner)
        self.is_new_student = QCheckBox(self.tr("New student"), inner)
        rows: list[tuple[str, str, QWidget]] = [
            ("student_no", self.tr("Student no."), self.student_no),
            ("name", self.tr("Name"), self.name),
            ("gender", self.tr("Gender"), self.gender),
            ("ethnicity", self.tr("Ethnicity"), self.ethnicity),
            ("birth_date", self.tr("Date of birth"), self.birth_date),
            ("id_number", self.tr("ID number"), self.id_number),
            ("college_id", self.tr("College"), self.college),
            ("major", self.tr("Major"), self.major),
            ("grade", self.tr("Grade"), self.grade),
            ("class_name", self.tr("Class"), self.class_name),
            ("political_status", self.tr("Political status"), self.political_status),
            ("hukou_type", self.tr("Household registration"), self.hukou_type),
            ("origin_place", self.tr("Place of origin"), self.origin_place),
            ("home_address", self.tr("Home address"), self.home_address),
            ("phone", self.tr("Mobile"), self.phone),
            ("parent_phone", self.tr("Parent's mobile"), self.parent_phone),
            ("high_school", self.tr("High school"), self.high_school),
            ("talents", self.tr("Talents"), self.talents),
            ("counselor_id", self.tr("Counselor"), self.counselor),
            ("is_new_student", "", self.is_new_student),
        ]
        for field, title, widget in rows:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.errors.label_for(field, inner))
            form.addRow(title, cell)

        self.family = FamilyTable(parent=inner)
        family_box = QGroupBox(self.tr("Family members"), inner)
        family_layout = QVBoxLayout(family_box)
        family_layout.addWidget(self.family)
        self.family.table.setMinimumHeight(self.family.table.fontMetrics().height() * 16)

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"), self)
        self.save_button.setObjectName("saveStudent")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.message = QLabel(self)
        self.message.setObjectName("saveMessage")

        columns = QHBoxLayout(inner)
        left = QWidget(inner)
        left.setLayout(form)
        left.setMaximumWidth(520)
        # The form takes what its fields need; the family table (nine columns) the rest, so at 125 %
        # its 备注 column is in view without scrolling sideways.
        columns.addWidget(left, 0)
        # At the top, as tall as about eight members: its scroll bar and buttons stay in view beside a
        # long form (more members scroll inside the table).
        columns.addWidget(family_box, 2, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    # -- showing --------------------------------------------------------------------------------
    def show_file(self, file: StudentHistory) -> None:
        s = file.student
        self._student = s
        self.student_no.setText(s.student_no)
        self.name.setText(s.name)
        self.gender.setCurrentIndex(max(self.gender.findData(s.gender.value if s.gender else None), 0))
        self.ethnicity.setCurrentText(s.ethnicity)
        self.birth_date.set_value(s.birth_date)
        self.id_number.set_value(s.id_number)
        self.college.setText(file.college_name)
        self.major.setText(s.major)
        self.grade.setValue(s.grade or self.grade.minimum())
        self.class_name.setText(s.class_name)
        self.political_status.setCurrentIndex(
            max(self.political_status.findData(s.political_status.value if s.political_status else None), 0)
        )
        self.hukou_type.setCurrentIndex(
            max(self.hukou_type.findData(s.hukou_type.value if s.hukou_type else None), 0)
        )
        show_start(self.origin_place, s.origin_place)
        show_start(self.home_address, s.home_address)
        self.phone.set_value(s.phone)
        self.parent_phone.set_value(s.parent_phone)
        show_start(self.high_school, s.high_school)
        show_start(self.talents, s.talents)
        self.counselor.setText(file.counselor_name)
        self.is_new_student.setChecked(s.is_new_student)
        self._member_ids = {m.id for m in file.family}
        self.family.set_rows([(m.id, m.model_dump()) for m in file.family])
        self.errors.show({})
        self.message.clear()

    def clear(self) -> None:
        self._student = None
        for edit in (self.student_no, self.name, self.major, self.class_name, self.origin_place,
                     self.home_address, self.high_school, self.talents):  # fmt: skip
            edit.clear()
        for masked in (self.id_number, self.phone, self.parent_phone):
            masked.set_value("")
        self.college.clear()
        self.counselor.clear()
        self.family.set_rows([])
        self.message.clear()

    # -- saving ---------------------------------------------------------------------------------
    def edited_values(self) -> dict[str, Any]:
        grade = self.grade.value()
        return {
            "student_no": self.student_no.text(),
            "name": self.name.text(),
            "gender": self.gender.currentData(),
            "ethnicity": self.ethnicity.currentText(),
            "birth_date": self.birth_date.value(),
            "id_number": self.id_number.value(),
            "major": self.major.text(),
            "grade": None if grade == self.grade.minimum() else grade,
            "class_name": self.class_name.text(),
            "political_status": self.political_status.currentData(),
            "hukou_type": self.hukou_type.currentData(),
            "origin_place": self.origin_place.text(),
            "home_address": self.home_address.text(),
            "phone": self.phone.value(),
            "parent_phone": self.parent_phone.value(),
            "high_school": self.high_school.text(),
            "talents": self.talents.text(),
            "is_new_student": self.is_new_student.isChecked(),
        }

    def save(self) -> None:
        if self._student is None:
            return
        student_errors: dict[str, str] = {}
        student: Student | None = None
        try:
            student = Student.model_validate({**self._student.model_dump(), **self.edited_values()})
        except ValidationError as exc:
            for problem in errors_of(exc):
                student_errors.setdefault(problem.field, problem.message)
        members: list[FamilyMember] = []
        family_errors: dict[tuple[int, str], str] = {}
        for row, (member_id, values) in enumerate(self.family.rows()):
            data = {**values, "student_id": self._student.id}
            if member_id:
                data["id"] = member_id
            try:
                members.append(FamilyMember.model_validate(data))
            except ValidationError as exc:
                for problem in errors_of(exc):
                    family_errors.setdefault((row, problem.field.split(".")[0]), problem.message)
        self.errors.show(student_errors)
        self.family.show_errors(family_errors)
        if student is None or family_errors:
            self.message.setText(self.tr("Please correct the marked fields."))
            return
        removed = sorted(self._member_ids - {m.id for m in members})
        self.message.setText(self.tr("Saving…"))
        self.save_button.setEnabled(False)
        self.save_requested.emit(student, members, removed)

    def saved(self, ok: bool, message: str = "") -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Saved.") if ok else message)
