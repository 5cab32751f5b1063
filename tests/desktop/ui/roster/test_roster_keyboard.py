"""Keyboard first in the roster: Enter opens the (first) result, ↓ moves into the list; mixed input;
an empty result says why and what to do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.desktop.ui.conftest import Running


def _type(qtbot: QtBot, running: Running, text: str):  # type: ignore[no-untyped-def]
    roster = running.section("roster").roster
    roster.search.setFocus()
    roster.search.clear()
    typed = text.lstrip("张")  # QTest types ASCII only: characters come from the input method
    roster.search.setText(text[: len(text) - len(typed)])
    qtbot.keyClicks(roster.search, typed)
    qtbot.waitUntil(lambda: not roster.model.loading and roster.model.query.text == text)
    return roster


def test_enter_opens_the_only_result(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    roster = _type(qtbot, running, "张s")  # a character mixed with an initial
    assert roster.model.rowCount() == 1
    with qtbot.waitSignal(section.profile.loaded):
        qtbot.keyClick(roster.search, Qt.Key.Key_Return)
    assert section.stack.currentWidget() is section.profile
    assert section.profile.student_id == running.ids["张三"]


def test_enter_right_after_typing_opens_when_the_result_arrives(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    roster = section.roster
    roster.search.setFocus()
    with qtbot.waitSignal(section.profile.loaded):
        qtbot.keyClicks(roster.search, "zhouxm")  # full syllable + initials: 周晓梅
        qtbot.keyClick(roster.search, Qt.Key.Key_Enter)
    assert section.profile.student_id == running.ids["周晓梅"]


def test_down_moves_into_the_list_and_enter_opens_that_row(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    roster = _type(qtbot, running, "2024")
    assert roster.model.rowCount() == 3
    qtbot.keyClick(roster.search, Qt.Key.Key_Down)
    assert roster.table.hasFocus()
    assert [i.row() for i in roster.table.selectionModel().selectedRows()] == [0]
    qtbot.keyClick(roster.table, Qt.Key.Key_Down)
    second = roster.model.data(roster.table.currentIndex(), Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(section.profile.loaded):
        qtbot.keyClick(roster.table, Qt.Key.Key_Return)
    assert section.profile.student_id == second


def test_no_result_says_why_and_what_to_do(qtbot: QtBot, running: Running) -> None:
    roster = _type(qtbot, running, "qqq")
    assert roster.model.rowCount() == 0
    assert not roster.empty.isHidden()
    assert "没有找到" in roster.empty.text() and "qqq" in roster.empty.text()
    roster.search.clear()
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(running.ids))
    assert roster.empty.isHidden()


def test_actions_show_their_shortcut_in_the_tooltip(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids["张三"])
    profile = section.profile
    form = running.section("visits").form
    visits = running.section("visits")
    for button, key in (
        (section.roster.export_pdf, "Ctrl+Shift+E"),
        (section.roster.privacy, "Ctrl+Shift+H"),
        (profile.back, "Alt+"),  # Alt+← (the key name is translated)
        (profile.new_visit, "Ctrl+N"),
        (profile.edit_visit, "Ctrl+E"),
        (profile.visit_pdf, "Ctrl+P"),
        (profile.profile_pdf, "Ctrl+Shift+P"),
        (form.save_button, "Ctrl+S"),
        (form.draft_button, "Ctrl+Shift+S"),
        (form.close_button, "Ctrl+W"),
        (visits.start_button, "Ctrl+N"),
        (visits.blank_button, "Ctrl+P"),
    ):
        assert key in button.toolTip(), button.objectName()
    # Tab follows the visit form's action bar from left to right
    assert form.close_button.nextInFocusChain() is form.draft_button
    assert form.draft_button.nextInFocusChain() is form.save_button
