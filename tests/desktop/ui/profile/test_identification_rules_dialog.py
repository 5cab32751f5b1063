"""The identification dialog says 先家访后认定 in Chinese, and a 不困难 level ends key support only after
the user confirms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.key_support_service import start_key_support
from desktop.store.store import Store
from desktop.ui.profile.identification_dialog import IdentificationDialog
from sync.records import ReviewRecord
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.profile.test_record_editors import choose, open_dialog, open_profile, run_on_store


def year_dialog(qtbot: QtBot, running: Running, name: str) -> IdentificationDialog:
    profile = open_profile(qtbot, running, name)
    profile.tabs.setCurrentWidget(profile.identifications)
    actions = profile.record_actions[0]
    record_id = actions.tab.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    dialog = open_dialog(qtbot, actions, str(record_id))
    assert isinstance(dialog, IdentificationDialog)
    return dialog


def test_new_student_level_needs_the_visit_first(qtbot: QtBot, running: Running) -> None:
    dialog = year_dialog(qtbot, running, "赵六")  # a new student waiting for the visit
    assert not dialog.inputs["visit_exception_reason"].isEnabled()  # a counselor records no exception
    choose(dialog.inputs["level"], "difficult")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "新生须先家访后认定" in dialog.summary.text())
    assert dialog.isVisible()


@pytest.mark.parametrize("confirm", [False, True])
def test_not_difficult_ends_key_support_after_confirmation(
    qtbot: QtBot, running: Running, monkeypatch: pytest.MonkeyPatch, confirm: bool
) -> None:
    student_id = running.ids["李四"]
    review = ReviewRecord(reviewed_on=date.today(), conclusion="纳入")

    def start(store: Store) -> Any:
        with store.session() as s:
            return start_key_support(s, student_id, ["academic"], started_on=date.today(), review=review)

    support = run_on_store(qtbot, running, start)
    dialog = year_dialog(qtbot, running, "李四")
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "confirm_end_key_support", lambda: asked.append(True) or confirm)
    choose(dialog.inputs["level"], "not_difficult")
    dialog.step_note.setText("家庭情况好转")
    if confirm:
        with qtbot.waitSignal(dialog.saved):
            dialog.save_button.click()
    else:
        dialog.save_button.click()
        qtbot.waitUntil(lambda: "重点帮扶继续" in dialog.summary.text())
    assert asked == [True]

    def ended(store: Store) -> Any:
        with store.session() as s:
            return s.key_supports.require(support.id).exited_on, s.identifications.for_student(student_id)[
                0
            ].level

    exited_on, level = run_on_store(qtbot, running, ended)
    assert (exited_on is not None) == confirm
    assert (level.value == "not_difficult") == confirm
