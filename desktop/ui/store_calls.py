"""The store requests the UI makes, as plain functions run on the store thread.

Each takes the open store and returns plain values (small dataclasses, tuples or records): the GUI
thread never touches the database, and a page of the roster is a list of tuples, not of records.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.reports.print_settings import VISIT_TITLE_SETTING, set_setting, setting_value, unset_setting
from desktop.reports.store_source import college_name, mentor_names, wish_item_names
from desktop.store.backup import BackupInfo
from desktop.store.key_vault import KeyVault
from desktop.store.repositories.meta import SCHOOL_NAME
from desktop.store.repositories.roster import SORT_KEYS, RosterFilter
from desktop.store.search import RecordHit, find_printed_record
from desktop.store.store import Store
from desktop.ui.visit_followup_calls import WishPlan, add_visit_wish, offers_flag
from sync.records import (
    DifficultyType,
    FamilyMember,
    GiveBackActivity,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    KeySupport,
    MentorAssignment,
    MonitoringFlag,
    RescueSession,
    Student,
    SupportLogEntry,
    WishSelection,
)
from sync.records.enums import IdentificationLevel
from sync.records.visits import HouseholdMember

if TYPE_CHECKING:
    from desktop.ui.shell.app_context import Identity
    from desktop.ui.unlock.first_run_wizard import FirstRunAnswers

DRAFT_PREFIX = "visit_draft."


@dataclass(frozen=True)
class RosterQuery:
    text: str = ""
    college_id: str | None = None
    grade: int | None = None
    class_name: str | None = None
    level: str | None = None
    key_support: str | None = None  # "any" or a difficulty type code
    visited: bool | None = None
    new_student: bool | None = None
    sort: str = "student_no"
    descending: bool = False


class RosterRow(NamedTuple):
    id: str
    student_no: str
    name: str
    college: str
    class_name: str
    level: str
    key_support: bool
    visited: bool
    counselor: str
    is_new: bool


@dataclass
class RosterPage:
    total: int
    rows: list[RosterRow]


@dataclass
class FilterOptions:
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id)
    grades: list[int] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)


@dataclass
class StudentFile:
    """Everything the profile shows about one student."""

    student: Student
    college_name: str = ""
    counselor_name: str = ""
    family: list[FamilyMember] = field(default_factory=list)
    identifications: list[Identification] = field(default_factory=list)
    aid: list[GuaranteeAid] = field(default_factory=list)
    rewards: list[GrowthReward] = field(default_factory=list)
    give_back: list[GiveBackActivity] = field(default_factory=list)
    visits: list[HomeVisit] = field(default_factory=list)
    key_support: list[KeySupport] = field(default_factory=list)
    mentor_assignments: list[MentorAssignment] = field(default_factory=list)
    mentor_names: dict[str, str] = field(default_factory=dict)
    support_log: list[SupportLogEntry] = field(default_factory=list)
    rescue_sessions: list[RescueSession] = field(default_factory=list)
    wishes: list[WishSelection] = field(default_factory=list)
    wish_item_names: dict[str, str] = field(default_factory=dict)
    flags: list[MonitoringFlag] = field(default_factory=list)


@dataclass
class PendingVisit:
    """A student not yet visited this academic year (the 待家访 list)."""

    student_id: str
    student_no: str
    name: str
    college: str
    class_name: str
    visit_first: bool  # 先家访后认定: a new student whose level waits for the visit


@dataclass
class DraftInfo:
    id: str
    student_id: str
    student_name: str
    saved_at: datetime
    data: dict[str, Any]


__all__ = [
    "BackupInfo",
    "DraftInfo",
    "FilterOptions",
    "PendingVisit",
    "RosterPage",
    "RosterQuery",
    "RosterRow",
    "Store",
    "StudentFile",
    "date",
]


# -- opening ------------------------------------------------------------------------------------
def create_store(data_dir: Path, answers: FirstRunAnswers) -> tuple[Store, bytes]:
    store = Store.create(
        data_dir,
        answers.passphrase,
        school_name=answers.school_name,
        user_name=answers.user_name,
        role=answers.role,
    )
    try:
        key = KeyVault(data_dir).unlock(answers.passphrase)
    except BaseException:
        store.close()
        raise
    return store, key


def open_with_passphrase(data_dir: Path, passphrase: str) -> tuple[Store, bytes]:
    """Unwrap the key once (Argon2id) and open with it, keeping the key for keyring changes."""
    key = KeyVault(data_dir).unlock(passphrase)
    return Store.open(data_dir, key=key), key


def open_with_key(data_dir: Path, key: bytes) -> Store:
    return Store.open(data_dir, key=key)


def read_identity(store: Store) -> Identity:
    from desktop.ui.shell.app_context import Identity

    with store.session() as s:
        info = s.meta.info()
    return Identity(
        school_name=info.school_name, user_name=info.user_name, role=info.role, user_id=info.user_id
    )


def set_school_name(store: Store, name: str) -> None:
    with store.session() as s:
        s.meta.set(SCHOOL_NAME, name)


def visit_form_title(store: Store) -> str:
    """The title printed on visit forms (the default wording when none is set)."""
    with store.session() as s:
        return setting_value(s.meta, VISIT_TITLE_SETTING)


def set_visit_form_title(store: Store, title: str) -> str:
    """Save the printed visit form title (an empty title restores the default); raises SettingError."""
    with store.session() as s:
        if not title.strip():
            return unset_setting(s.meta, VISIT_TITLE_SETTING)
        return set_setting(s.meta, VISIT_TITLE_SETTING, title)


# -- roster -------------------------------------------------------------------------------------
def _filter_of(query: RosterQuery) -> RosterFilter:
    key_support: bool | None = None
    key_support_type: DifficultyType | None = None
    if query.key_support == "any":
        key_support = True
    elif query.key_support:
        key_support_type = DifficultyType(query.key_support)
    return RosterFilter(
        search=query.text,
        college_id=query.college_id,
        grade=query.grade,
        class_name=query.class_name,
        level=IdentificationLevel(query.level) if query.level else None,
        key_support=key_support,
        key_support_type=key_support_type,
        visited=query.visited,
        new_student=query.new_student,
    )


def _level_label(code: str | None) -> str:
    if not code:
        return ""
    try:
        return IdentificationLevel(code).label
    except ValueError:
        return code


def roster_count(store: Store, query: RosterQuery) -> int:
    with store.session() as s:
        return s.roster.count(_filter_of(query))


def roster_page(store: Store, query: RosterQuery, offset: int, limit: int) -> RosterPage:
    filters = _filter_of(query)
    sort = query.sort if query.sort in SORT_KEYS else "student_no"
    with store.session() as s:
        rows = s.roster.rows(filters, sort=sort, descending=query.descending, offset=offset, limit=limit)
    return RosterPage(
        total=-1,
        rows=[
            RosterRow(
                id=r.id,
                student_no=r.student_no,
                name=r.name,
                college=r.college_name or "",
                class_name=r.class_name,
                level=_level_label(r.level),
                key_support=bool(r.key_support),
                visited=bool(r.visited),
                counselor=r.counselor_name or "",
                is_new=bool(r.is_new_student),
            )
            for r in rows
        ],
    )


def filter_options(store: Store) -> FilterOptions:
    with store.session() as s:
        colleges = sorted((c.name, c.id) for c in s.colleges.list())
        return FilterOptions(colleges=colleges, grades=s.roster.grades(), classes=s.roster.classes())


def pending_visits(store: Store, limit: int) -> tuple[int, list[PendingVisit]]:
    """Disadvantaged students not yet visited this academic year (先家访后认定 first) and their count."""
    with store.session() as s:
        rows = s.roster.unvisited(limit=limit)
        total = s.roster.count(RosterFilter(disadvantaged=True, visited=False))
    return total, [
        PendingVisit(
            student_id=r.id,
            student_no=r.student_no,
            name=r.name,
            college=r.college_name or "",
            class_name=r.class_name,
            visit_first=bool(r.visit_before_identification),
        )
        for r in rows
    ]


# -- one student ---------------------------------------------------------------------------------
def printed_record(store: Store, text: str) -> RecordHit | None:
    """The record a typed or scanned printed number names (None for ordinary search text)."""
    with store.session() as s:
        return find_printed_record(s, text)


def student_name(store: Store, student_id: str) -> str:
    with store.session() as s:
        return s.students.require(student_id).name


def family_as_household(store: Store, student_id: str) -> list[dict[str, Any]]:
    """The profile's family as a visit form's household starts (each member linked, none verified)."""
    with store.session() as s:
        members = s.family.for_student(student_id)
    return [household_values(m) for m in members]


def household_values(member: FamilyMember) -> dict[str, Any]:
    fields = set(HouseholdMember.model_fields) - {"family_member_id", "verified"}
    values = member.model_dump(mode="json", include=fields)
    return {**values, "family_member_id": member.id, "verified": False}


def visit_start(store: Store, student_id: str) -> tuple[str, list[dict[str, Any]]]:
    """What a new visit form starts from: the student's name and the profile's family."""
    return student_name(store, student_id), family_as_household(store, student_id)


def load_student(store: Store, student_id: str) -> StudentFile:
    with store.session() as s:
        history = s.history(student_id)
        student = history.student
        college = college_name(s, student.college_id)
        counselor = s.users.get(student.counselor_id) if student.counselor_id else None
        mentors = mentor_names(s, history.mentor_assignments)
        item_names = wish_item_names(s, history.wishes)
    return StudentFile(
        student=student,
        college_name=college,
        counselor_name=counselor.name if counselor else "",
        family=history.family,
        identifications=history.identifications,
        aid=history.aid,
        rewards=history.rewards,
        give_back=history.give_backs,
        visits=history.visits,
        key_support=history.key_supports,
        mentor_assignments=history.mentor_assignments,
        mentor_names=mentors,
        support_log=history.support_logs,
        rescue_sessions=history.rescue_sessions,
        wishes=history.wishes,
        wish_item_names=item_names,
        flags=history.flags,
    )


def save_student(
    store: Store, student: Student, members: Sequence[FamilyMember], removed: Sequence[str]
) -> None:
    """The student's fields and family table in one transaction."""
    with store.session() as s:
        s.students.update(student)
        for member in members:
            if s.family.get(member.id) is None:
                s.family.create(member)
            else:
                s.family.update(member)
        for member_id in removed:
            s.family.delete(member_id)


# -- visits and drafts ---------------------------------------------------------------------------
def visits_on_day(store: Store, student_id: str, day: date, *, exclude: str | None = None) -> int:
    with store.session() as s:
        return sum(1 for v in s.visits.in_period(day, day, student_id=student_id) if v.id != exclude)


def save_visit(
    store: Store,
    visit: HomeVisit,
    *,
    draft_id: str | None = None,
    wish: WishPlan | None = None,
    update_family: bool = False,
) -> bool:
    """The visit, its household applied to the family table (when the user chose to), the wish list
    filled in on it, and its draft removed: one transaction.  True when the visit should offer a
    monitoring flag."""
    with store.session() as s:
        s.visits.create(visit)
        if visit.household and update_family:
            s.family.apply_household(visit)
        if wish is not None:
            add_visit_wish(s, visit, wish)
        if draft_id:
            s.meta.remove_setting(DRAFT_PREFIX + draft_id)
        return offers_flag(s, visit)


def save_draft(store: Store, draft: DraftInfo) -> None:
    """Keep a form's contents as typed (valid or not) in the encrypted store; never synced."""
    doc = {
        "student_id": draft.student_id,
        "student_name": draft.student_name,
        "saved_at": draft.saved_at.isoformat(),
        "data": draft.data,
    }
    with store.session() as s:
        s.meta.set_setting(DRAFT_PREFIX + draft.id, json.dumps(doc, ensure_ascii=False))


def list_drafts(store: Store) -> list[DraftInfo]:
    """Unsaved forms, newest first."""
    with store.session() as s:
        settings = s.meta.settings()
    drafts: list[DraftInfo] = []
    for name, value in settings.items():
        if not name.startswith(DRAFT_PREFIX):
            continue
        try:
            doc = json.loads(value)
            drafts.append(
                DraftInfo(
                    id=name[len(DRAFT_PREFIX) :],
                    student_id=str(doc["student_id"]),
                    student_name=str(doc["student_name"]),
                    saved_at=datetime.fromisoformat(doc["saved_at"]),
                    data=dict(doc["data"]),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    drafts.sort(key=lambda d: d.saved_at, reverse=True)
    return drafts


def delete_draft(store: Store, draft_id: str) -> None:
    with store.session() as s:
        s.meta.remove_setting(DRAFT_PREFIX + draft_id)


# -- backups ---------------------------------------------------------------------------------------
def list_backups(store: Store) -> list[BackupInfo]:
    return sorted(store.list_backups(), key=lambda b: b.created_at, reverse=True)


def backup_now(store: Store) -> BackupInfo:
    return store.backup()


def restore_backup(data_dir: Path, backup_path: Path, key: bytes) -> BackupInfo | None:
    """Replace the database with a backup; the store must be closed (the worker closes it first)."""
    return Store.restore(data_dir, backup_path, key=key)
