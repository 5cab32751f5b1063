"""Forms of the college-level activities on the 资助育人活动 page: 民主测评, 诚信教育活动, 资助工作者培训 and
专项研究.  Each is a `RecordDialog` over its record type (validation, one Chinese message per field,
saving on the store thread); the heading names the college, and the college is a choice of those this
laptop knows (全校 where the school may hold one itself)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop.app import policy_activities
from desktop.ui.common.date_field import DateField
from desktop.ui.profile.record_dialog import RecordDialog, StoreCall, enum_combo, text_area, year_combo
from desktop.ui.shell.app_context import AppContext
from sync.records import (
    IdentificationEvaluation,
    IntegrityActivity,
    IntegrityForm,
    ProjectStatus,
    Record,
    ResearchProject,
    StaffTraining,
)

_NAME_SEPARATORS = re.compile(r"[、，,；;\s]+")


def whole_school() -> str:
    """The name shown for an activity of the whole school (no college)."""
    return QCoreApplication.translate("ActivityDialog", "Whole school")


def count_box(parent: QWidget) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, 100000)
    return box


class ActivityDialog(RecordDialog):
    """The shared form of a college-level activity (no student: its college instead)."""

    # Whether the activity may belong to the whole school (no college).
    SCHOOL_WIDE: ClassVar[bool] = False

    def __init__(
        self,
        ctx: AppContext,
        colleges: list[tuple[str, str]],
        default_college: str | None,
        record: Record | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._colleges = colleges
        self._default_college = default_college
        names = {college_id: name for name, college_id in colleges}
        owner = getattr(record, "college_id", None) if record is not None else default_college
        heading = names.get(owner, "") if owner else whole_school()
        super().__init__(ctx, "", heading, record, parent)
        if record is None:
            college = self.inputs["college_id"]
            assert isinstance(college, QComboBox)
            college.setCurrentIndex(max(college.findData(default_college), 0))

    def college_combo(self, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        if self.SCHOOL_WIDE:
            combo.addItem(whole_school(), None)
        for name, college_id in self._colleges:
            combo.addItem(name, college_id)
        return combo

    def base_values(self) -> dict[str, Any]:
        return self.record.model_dump() if self.record is not None else {}

    def store_call(self, record: Record) -> StoreCall:
        return lambda store: policy_activities.save_activity(store, record)


class EvaluationDialog(ActivityDialog):
    """民主测评: a class's periodic democratic evaluation of its identification results."""

    RECORD = IdentificationEvaluation
    YEAR_FROM = "held_on"

    def window_title(self, new: bool) -> str:
        return self.tr("New democratic evaluation") if new else self.tr("Edit democratic evaluation")

    def build(self, parent: QWidget) -> None:
        self.add("college_id", self.tr("College"), self.college_combo(parent))
        self.add("class_name", self.tr("Class"), QLineEdit(parent))
        self.add("held_on", self.tr("Date"), DateField(optional=False, parent=parent))
        self.add("academic_year", self.tr("Academic year"), year_combo(parent))
        self.add("participants", self.tr("Participants"), count_box(parent))
        self.add("students_evaluated", self.tr("Students evaluated"), count_box(parent))
        self.add("conclusion", self.tr("Conclusion"), text_area(parent, 2))
        issues = text_area(parent, 2)
        # College-level records reach every account of the school: the students stay in their profiles.
        issues.setPlaceholderText(self.tr("The issue only, without students' names (seen school-wide)"))
        self.add("issues_found", self.tr("Issues found"), issues)
        self.add("follow_up", self.tr("Follow-up"), text_area(parent, 2))


class IntegrityDialog(ActivityDialog):
    """诚信教育活动: a class meeting, lecture, pledge… of a college or of the school."""

    RECORD = IntegrityActivity
    SCHOOL_WIDE = True

    def window_title(self, new: bool) -> str:
        return (
            self.tr("New integrity-education activity")
            if new
            else self.tr("Edit integrity-education activity")
        )

    def build(self, parent: QWidget) -> None:
        self.add("college_id", self.tr("College"), self.college_combo(parent))
        self.add("title", self.tr("Title"), QLineEdit(parent))
        self.add("form", self.tr("Form"), enum_combo(parent, IntegrityForm))
        self.add("held_on", self.tr("Date"), DateField(optional=False, parent=parent))
        self.add("participants", self.tr("Participants"), count_box(parent))
        self.add("description", self.tr("Description"), text_area(parent, 3))


class TrainingDialog(ActivityDialog):
    """资助工作者专业能力培训: who was trained, by whom, for how many hours."""

    RECORD = StaffTraining
    SCHOOL_WIDE = True

    def window_title(self, new: bool) -> str:
        return self.tr("New staff training") if new else self.tr("Edit staff training")

    def build(self, parent: QWidget) -> None:
        self.add("college_id", self.tr("College"), self.college_combo(parent))
        self.add("title", self.tr("Title"), QLineEdit(parent))
        self.add("organiser", self.tr("Organiser"), QLineEdit(parent))
        self.add("held_on", self.tr("Date"), DateField(optional=False, parent=parent))
        trainees = QLineEdit(parent)
        trainees.setPlaceholderText(self.tr("Names, separated by 、 or commas"))
        self.add("trainees", self.tr("Trainees"), trainees, bound=False)
        self.add("hours", self.tr("Hours"), QLineEdit(parent))

    def load(self, record: Record) -> None:
        super().load(record)
        assert isinstance(record, StaffTraining)
        trainees = self.findChild(QLineEdit, "record_trainees")
        if trainees is not None:
            trainees.setText("、".join(record.trainees))
        hours = self.inputs["hours"]
        assert isinstance(hours, QLineEdit)
        hours.setText(f"{record.hours.normalize():f}")

    def values(self) -> dict[str, Any]:
        data = super().values()
        trainees = self.findChild(QLineEdit, "record_trainees")
        text = trainees.text() if trainees is not None else ""
        data["trainees"] = [name for name in _NAME_SEPARATORS.split(text) if name]
        return data


class ProjectDialog(ActivityDialog):
    """专项研究: a college's project on developmental aid, from 立项 to 结题."""

    RECORD = ResearchProject

    def window_title(self, new: bool) -> str:
        return self.tr("New research project") if new else self.tr("Edit research project")

    def build(self, parent: QWidget) -> None:
        self.add("college_id", self.tr("College"), self.college_combo(parent))
        self.add("title", self.tr("Title"), QLineEdit(parent))
        self.add("leader", self.tr("Leader"), QLineEdit(parent))
        self.add("started_on", self.tr("Approved on"), DateField(optional=False, parent=parent))
        self.add("status", self.tr("Status"), enum_combo(parent, ProjectStatus))
        self.add("concluded_on", self.tr("Concluded on"), DateField(optional=True, parent=parent))
        self.add("outcome", self.tr("Outcome"), text_area(parent, 3))
