"""重点帮扶 (restricted): difficulty types, mentor, support log, rescue education, wish-list selections."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.app.profile import StudentHistory
from desktop.ui.profile.record_list_tab import RecordListTab, label_of


class KeySupportTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mentors: dict[str, str] = {}
        self._items: dict[str, str] = {}
        self.notice = QLabel(self.tr("Restricted: key-support status is never published."), self)
        self.notice.setStyleSheet("color: #6b6b6b;")
        self.periods = RecordListTab(
            [
                (self.tr("Difficulty types"), lambda r: label_of(r.difficulty_types)),
                (self.tr("Started"), lambda r: label_of(r.started_on)),
                (self.tr("Ended"), lambda r: label_of(r.exited_on)),
                (self.tr("Note"), lambda r: r.note),
            ],
            self.tr("Not a key-support student."),
            self,
        )
        self.mentors = RecordListTab(
            [
                (self.tr("Mentor"), lambda r: self._mentors.get(r.mentor_id, "")),
                (self.tr("From"), lambda r: label_of(r.from_date)),
                (self.tr("To"), lambda r: label_of(r.to_date)),
                (self.tr("Goals"), lambda r: r.goals),
                (self.tr("Plan"), lambda r: r.plan),
            ],
            self.tr("No mentor assigned."),
            self,
        )
        self.log = RecordListTab(
            [
                (self.tr("Date"), lambda r: label_of(r.log_date)),
                (self.tr("Form"), lambda r: label_of(r.form)),
                (self.tr("Summary"), lambda r: r.summary),
                (self.tr("Assessment"), lambda r: r.assessment),
                (self.tr("Next steps"), lambda r: r.next_steps),
            ],
            self.tr("No support sessions logged."),
            self,
        )
        self.rescue = RecordListTab(
            [
                (self.tr("Date"), lambda r: label_of(r.session_date)),
                (self.tr("Kind"), lambda r: label_of(r.kind)),
                (self.tr("Topic"), lambda r: r.topic),
                (self.tr("Conclusions"), lambda r: r.conclusions),
                (self.tr("Measures"), lambda r: r.measures),
            ],
            self.tr("No rescue-education sessions."),
            self,
        )
        self.wishes = RecordListTab(
            [
                (self.tr("Year"), lambda r: r.academic_year),
                (self.tr("Items"), lambda r: "、".join(self._items.get(i, "") for i in r.item_ids)),
                (self.tr("Status"), lambda r: label_of(r.status)),
                (self.tr("Responsible"), lambda r: r.responsible_person),
                (self.tr("Feedback"), lambda r: r.feedback),
            ],
            self.tr("No wish-list selections."),
            self,
        )
        tabs = QTabWidget(self)
        tabs.addTab(self.periods, self.tr("Difficulty types"))
        tabs.addTab(self.mentors, self.tr("Mentor"))
        tabs.addTab(self.log, self.tr("Support log"))
        tabs.addTab(self.rescue, self.tr("Rescue education"))
        tabs.addTab(self.wishes, self.tr("Wish list"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(tabs, 1)

    def show_file(self, file: StudentHistory) -> None:
        self._mentors = file.mentor_names
        self._items = file.wish_item_names
        self.periods.set_records(file.key_supports)
        self.mentors.set_records(file.mentor_assignments)
        self.log.set_records(file.support_logs)
        self.rescue.set_records(file.rescue_sessions)
        self.wishes.set_records(file.wishes)

    def clear(self) -> None:
        for tab in (self.periods, self.mentors, self.log, self.rescue, self.wishes):
            tab.set_records([])
