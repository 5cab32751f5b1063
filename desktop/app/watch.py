"""The 一个不失学 watch list and the 免申即享 aid to-do list, as the laptop's user may see them.

The centers see every student their laptop holds (their college, or the school); a counselor sees their
own students.  Mentors and administrators see neither list.  The failed-courses threshold is a school
setting (设置, ``jiafang settings``), 2 when unset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.app.school_settings import watch_failed_courses
from desktop.store.errors import StoreError
from desktop.store.role_rules import is_center_role
from desktop.store.store import Store
from desktop.store.watch_facts import read_watch_facts
from sync.figures.watch_list import (
    AidTodo,
    WatchEntry,
    WatchRules,
    aid_todo,
    watch_list,
)
from sync.records import Role

WATCH_ROLES = frozenset({Role.COUNSELOR, Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})
NO_COLLEGE = "（未分配学院）"


class WatchHidden(StoreError):
    message = "一个不失学关注名单只有学生发展支持中心和辅导员可以查看。"


def may_see_watch_list(role: Role | None) -> bool:
    return role in WATCH_ROLES


@dataclass(frozen=True)
class WatchRow:
    entry: WatchEntry
    college: str
    counselor: str


@dataclass(frozen=True)
class TodoRow:
    todo: AidTodo
    college: str
    counselor: str


@dataclass
class WatchView:
    day: date
    threshold: int
    rows: list[WatchRow] = field(default_factory=list)
    todos: list[TodoRow] = field(default_factory=list)

    def counts_by_college(self) -> list[tuple[str, int]]:
        """(college name, students on the list), by name."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.college] = counts.get(row.college, 0) + 1
        return sorted(counts.items())


def watch_view(store: Store, *, college: str | None = None, day: date | None = None) -> WatchView:
    """Both lists of the user's students (of one college by name or code, when given); raises
    WatchHidden for a role that may not see them, and StoreError for an unknown college."""
    info = store.info
    if not may_see_watch_list(info.role):
        raise WatchHidden()
    day = day or date.today()
    threshold = watch_failed_courses(store)
    with store.session() as s:
        facts = read_watch_facts(s, day)
        colleges = {c.id: c for c in s.colleges.list()}
        counselors = {u.id: u.name for u in s.users.list()}
    college_id: str | None = None
    if college:
        found = [c.id for c in colleges.values() if college.strip() in (c.name, c.code)]
        if not found:
            known = "、".join(sorted(c.name for c in colleges.values())) or "（无）"
            raise StoreError(f"没有名为“{college}”的学院。已有：{known}")
        college_id = found[0]

    def mine(student_college: str | None, counselor_id: str | None) -> bool:
        if college_id is not None and student_college != college_id:
            return False
        return is_center_role(info.role) or counselor_id == info.user_id

    def names(student_college: str | None, counselor_id: str | None) -> tuple[str, str]:
        known = colleges.get(student_college or "")
        return (known.name if known else NO_COLLEGE, counselors.get(counselor_id or "", ""))

    view = WatchView(day, threshold)
    for entry in watch_list(facts, day, WatchRules(failed_courses=threshold)):
        if mine(entry.college_id, entry.counselor_id):
            view.rows.append(WatchRow(entry, *names(entry.college_id, entry.counselor_id)))
    for todo in aid_todo(facts, day):
        if mine(todo.college_id, todo.counselor_id):
            view.todos.append(TodoRow(todo, *names(todo.college_id, todo.counselor_id)))
    view.rows.sort(key=lambda row: (row.college, row.entry.student_no))
    return view


def watch_counts(store: Store, day: date | None = None) -> list[tuple[str, int]]:
    """Students on the watch list per college (empty for a role that may not see it)."""
    if not may_see_watch_list(store.info.role):
        return []
    return watch_view(store, day=day).counts_by_college()
