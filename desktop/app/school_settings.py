"""The school's own settings: its name and the title printed on visit forms."""

from __future__ import annotations

from desktop.reports.print_settings import VISIT_TITLE_SETTING, set_setting, setting_value, unset_setting
from desktop.store.repositories.meta import SCHOOL_NAME
from desktop.store.store import Store


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
