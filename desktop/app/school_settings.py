"""The school's own settings: its name, the title printed on visit forms, and the 一个不失学 watch list's
failed-courses threshold."""

from __future__ import annotations

from desktop.reports.print_settings import VISIT_TITLE_SETTING, set_setting, setting_value, unset_setting
from desktop.store.errors import StoreError
from desktop.store.repositories.meta import SCHOOL_NAME
from desktop.store.store import Store
from sync.figures.watch_list import DEFAULT_FAILED_COURSES


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


WATCH_FAILED_COURSES = "watch.failed_courses"
MAX_FAILED_COURSES = 20


def watch_failed_courses(store: Store) -> int:
    """Failed courses in a term (at least) that put a disadvantaged student on the watch list."""
    with store.session() as s:
        value = s.meta.setting(WATCH_FAILED_COURSES)
    return int(value) if value and value.isdigit() else DEFAULT_FAILED_COURSES


def set_watch_failed_courses(store: Store, count: int) -> int:
    """Save the threshold (1–20); raises StoreError (Chinese) otherwise."""
    if not 1 <= count <= MAX_FAILED_COURSES:
        raise StoreError(f"不及格门数阈值应为 1–{MAX_FAILED_COURSES} 之间的整数。")
    with store.session() as s:
        s.meta.set_setting(WATCH_FAILED_COURSES, str(count))
    return count
