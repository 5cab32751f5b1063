"""What every view shares: the store worker, the lock, the data folder, preferences and who is signed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.app.identity import Identity
from desktop.app.roles import is_center_role, may_list_key_support, may_see_key_support
from desktop.ui.shell.lock_manager import LockManager
from desktop.ui.shell.store_worker import StoreWorker
from desktop.ui.shell.ui_settings import UiSettings
from sync.records.enums import Role

# Roles that add and edit a student's identification, aid and rewards (a counselor holds only the
# students assigned to them); mentors and administrators read them only.
RECORD_EDIT_ROLES = frozenset({Role.COUNSELOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})


@dataclass(frozen=True)
class SavedNotice:
    """What a save changed, for the calm "saved" notice and for every open view of that student."""

    kind: str  # record kind, e.g. "home_visit"
    record_id: str
    student_id: str
    text: str  # names what was saved, e.g. "已保存家访：张三，2026-05-04"


@dataclass
class AppContext:
    data_dir: Path
    worker: StoreWorker
    lock: LockManager
    settings: UiSettings
    identity: Identity = field(default_factory=Identity)
    events: AppEvents | None = None

    def may_see_key_support(self) -> bool:
        return may_see_key_support(self.identity.role)  # the store's rule, in one place

    def may_list_key_support(self) -> bool:
        return may_list_key_support(self.identity.role)

    def is_center(self) -> bool:
        return is_center_role(self.identity.role)

    def may_edit_records(self) -> bool:
        return self.identity.role in RECORD_EDIT_ROLES


class AppEvents(QObject):
    """App-wide requests that views make of the application (open a student, start a visit…)."""

    open_student = Signal(str)  # student id
    new_visit = Signal(str)  # student id
    open_visit = Signal(str)  # visit id
    identity_changed = Signal()
    language_requested = Signal(str)
    passphrase_changed = Signal()
    store_replaced = Signal()
    store_wiped = Signal()  # the center's wipe order destroyed the store (key, data, backups)
    record_saved = Signal(object)  # SavedNotice, emitted before the worker's data_changed of that save
