"""个别交流: a one-to-one talk with the student (date, mode, topics, what was said, follow-up).

Recorded by the counselor or the college center that has the student; the one who talked is the
signed-in user (the center's server records it again from the account); a talk stays its author's.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.app import policy_activities
from desktop.ui.common.date_field import DateField
from desktop.ui.profile.record_dialog import RecordDialog, StoreCall, enum_combo, text_area
from desktop.ui.shell.app_context import AppContext
from sync.records import OneToOneTalk, Record, Role, TalkMode

TALK_ROLES = frozenset({Role.COUNSELOR, Role.COLLEGE_CENTER})


class TalkDialog(RecordDialog):
    RECORD = OneToOneTalk

    @classmethod
    def may_add(cls, ctx: AppContext) -> bool:
        return ctx.identity.role in TALK_ROLES

    @classmethod
    def may_change(cls, ctx: AppContext) -> bool:
        return ctx.identity.role in TALK_ROLES

    def window_title(self, new: bool) -> str:
        return self.tr("New one-to-one talk") if new else self.tr("Edit one-to-one talk")

    def build(self, parent: QWidget) -> None:
        self.add("talked_on", self.tr("Date"), DateField(optional=False, parent=parent))
        self.add("mode", self.tr("Mode"), enum_combo(parent, TalkMode))
        topics = QLineEdit(parent)
        topics.setPlaceholderText(self.tr("e.g. studies, family, health, plans"))
        self.add("topics", self.tr("Topics"), topics)
        self.add("summary", self.tr("What was said"), text_area(parent, 4))
        self.add("follow_up", self.tr("Follow-up"), text_area(parent, 2))

    def store_call(self, record: Record) -> StoreCall:
        assert isinstance(record, OneToOneTalk)
        return lambda store: policy_activities.save_talk(store, record)
