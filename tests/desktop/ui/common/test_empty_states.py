"""Empty lists say why they are empty and what to do."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.desktop.ui.conftest import Running


def test_roster_filters_that_select_nobody(qtbot: QtBot, running: Running) -> None:
    roster = running.section("roster").roster
    qtbot.waitUntil(lambda: roster.class_name.count() > 1)
    roster.class_name.setCurrentIndex(roster.class_name.findData("机械2301"))
    qtbot.waitUntil(lambda: not roster.model.loading and roster.model.rowCount() == 1)
    assert roster.empty.isHidden() and not roster.table.isHidden()
    roster.new_only.setChecked(True)  # 吴天明 is not a new student
    qtbot.waitUntil(lambda: not roster.model.loading and roster.model.rowCount() == 0)
    assert not roster.empty.isHidden() and roster.table.isHidden()
    assert "筛选" in roster.empty.text()


def test_visits_page_with_nobody_left_to_visit(qtbot: QtBot, running: Running) -> None:
    visits = running.section("visits")
    visits._show_pending((0, []))
    assert "都已家访" in visits.pending_title.text() and "学生名册" in visits.pending_title.text()
