"""设置 → 学生发展支持中心: the center roles record their center's site, director, deputies and members
(coverage #1) and the mentors' expertise (coverage #5). Hidden for the other roles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop.app import centers
from desktop.app.changes import Kind
from desktop.store.center_records import CenterInfo
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.multi_select import MultiSelect
from desktop.ui.shell.app_context import AppContext
from sync.records import DifficultyType, Mentor

CHANGES = frozenset({Kind.COLLEGE, Kind.SCHOOL_CENTER, Kind.MENTOR})


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.replace("，", ",").replace("、", ",").split(",") if name.strip()]


class CenterPanel(QGroupBox):
    centers_shown = Signal()
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Student Development Support Center"), parent)
        self.setObjectName("centerPanel")
        self.ctx = ctx
        self.centers: list[CenterInfo] = []
        self.mentors: list[Mentor] = []
        form = QFormLayout(self)
        self.center = QComboBox(self)
        self.center.setObjectName("centerChoice")
        self.site = QLineEdit(self)
        self.site.setObjectName("centerSite")
        self.site.setPlaceholderText(self.tr("Building and room"))
        self.director = QLineEdit(self)
        self.director.setObjectName("centerDirector")
        self.deputies = QLineEdit(self)
        self.deputies.setObjectName("centerDeputies")
        self.deputies.setPlaceholderText(self.tr("Names, separated by commas"))
        self.members = QLineEdit(self)
        self.members.setObjectName("centerMembers")
        self.members.setPlaceholderText(self.tr("Names, separated by commas"))
        self.save_center = QPushButton(self.tr("Save center"), self)
        self.save_center.setObjectName("saveCenter")
        self.missing = QLabel(self)
        self.missing.setObjectName("centerMissing")
        self.missing.setWordWrap(True)
        form.addRow(self.tr("Center"), self.center)
        form.addRow(self.tr("Site"), self.site)
        form.addRow(self.tr("Director"), self.director)
        form.addRow(self.tr("Deputies"), self.deputies)
        form.addRow(self.tr("Members"), self.members)
        form.addRow(self.save_center)
        form.addRow(self.missing)
        self.mentor = QComboBox(self)
        self.mentor.setObjectName("expertiseMentor")
        self.expertise = MultiSelect(DifficultyType, 4, self)
        self.expertise.setObjectName("mentorExpertise")
        self.save_expertise = QPushButton(self.tr("Save expertise"), self)
        self.save_expertise.setObjectName("saveExpertise")
        form.addRow(self.tr("Mentor"), self.mentor)
        form.addRow(self.tr("Expertise"), self.expertise)
        form.addRow(self.save_expertise)
        self.center.currentIndexChanged.connect(lambda _i: self._show_center())
        self.mentor.currentIndexChanged.connect(lambda _i: self._show_mentor())
        self.save_center.clicked.connect(self._save_center)
        self.save_expertise.clicked.connect(self._save_expertise)
        self.setVisible(False)

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.setVisible(self.ctx.is_center())
        if not self.ctx.is_center():
            return
        run_for(self, centers.center_view, self._show, self._failed, key="centers")

    def clear(self) -> None:
        self.centers, self.mentors = [], []
        self.center.clear()
        self.mentor.clear()
        for field in (self.site, self.director, self.deputies, self.members):
            field.clear()
        self.missing.clear()

    def _failed(self, error: Exception) -> None:
        self.missing.setText(str(error))

    def _show(self, view: tuple[list[CenterInfo], list[Mentor]]) -> None:
        chosen, mentor = self.center.currentData(), self.mentor.currentData()
        self.centers, self.mentors = view
        self.center.blockSignals(True)
        self.center.clear()
        for info in self.centers:
            self.center.addItem(info.name, info.key)
        self.center.setCurrentIndex(max(0, self.center.findData(chosen)))
        self.center.blockSignals(False)
        self.mentor.blockSignals(True)
        self.mentor.clear()
        for item in self.mentors:
            self.mentor.addItem(
                f"{item.name}（{item.department}）" if item.department else item.name, item.id
            )
        self.mentor.setCurrentIndex(max(0, self.mentor.findData(mentor)))
        self.mentor.blockSignals(False)
        self._show_center()
        self._show_mentor()
        self.centers_shown.emit()

    def _current(self) -> CenterInfo | None:
        key = self.center.currentData()
        return next((info for info in self.centers if info.key == key), None)

    def _show_center(self) -> None:
        info = self._current()
        self.site.setText(info.site if info else "")
        self.director.setText(info.director if info else "")
        self.deputies.setText("，".join(info.deputies) if info else "")
        self.members.setText("，".join(info.members) if info else "")
        self._say_missing(info)

    def _say_missing(self, info: CenterInfo | None) -> None:
        if info is None:
            self.missing.clear()
        elif info.missing:
            self.missing.setText(
                self.tr("Not counted yet in the coverage; missing: %1").replace("%1", "、".join(info.missing))
            )
        else:
            self.missing.setText(self.tr("Complete: counted in the coverage."))

    def _show_mentor(self) -> None:
        mentor = next((m for m in self.mentors if m.id == self.mentor.currentData()), None)
        self.expertise.set_values([kind.value for kind in mentor.specialties] if mentor else [])

    # -- saving ---------------------------------------------------------------------------------
    def _save_center(self) -> None:
        info = self._current()
        if info is None:
            return
        key, site, director = info.key, self.site.text(), self.director.text()
        deputies, members = _names(self.deputies.text()), _names(self.members.text())
        run_for(
            self,
            lambda store: centers.save_center(store, key, site, director, deputies, members),
            self._center_saved,
            self._failed,
            changes=CHANGES,
        )

    def _center_saved(self, info: CenterInfo) -> None:
        self.centers = [info if item.key == info.key else item for item in self.centers]
        self._say_missing(info)
        self.saved.emit()

    def _save_expertise(self) -> None:
        mentor_id = self.mentor.currentData()
        if not mentor_id:
            return
        kinds = [DifficultyType(code) for code in self.expertise.values()]
        run_for(
            self,
            lambda store: centers.save_mentor_expertise(store, str(mentor_id), kinds),
            lambda mentor: self._expertise_saved(mentor),
            self._failed,
            changes=CHANGES,
        )

    def _expertise_saved(self, mentor: Mentor) -> None:
        self.mentors = [mentor if item.id == mentor.id else item for item in self.mentors]
        self.missing.setText(self.tr("Expertise saved."))
        self.saved.emit()
