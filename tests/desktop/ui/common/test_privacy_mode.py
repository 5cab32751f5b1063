"""Privacy mode: on by default, the roster hides 认定等级 and key support; one click reveals them;
the choice is remembered for the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.shell.ui_settings import UiSettings
from tests.desktop.ui.conftest import Running, start_app, unlock


def _shown_titles(roster) -> list[str]:  # type: ignore[no-untyped-def]
    model = roster.model
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not roster.table.isColumnHidden(c)
    ]


def _level_shown(roster) -> bool:  # type: ignore[no-untyped-def]
    return any("等级" in title for title in _shown_titles(roster))


def test_privacy_mode_default_toggle_and_memory(qtbot: QtBot, qapp: QApplication, running: Running) -> None:
    roster = running.section("roster").roster
    assert roster.privacy.isChecked()  # on by default
    assert not _level_shown(roster)
    assert roster.level.isHidden()
    roster.search.setText("2024")  # a new query (a model reset) keeps the columns hidden
    qtbot.waitUntil(lambda: not roster.model.loading and roster.model.rowCount() == 3)
    assert not _level_shown(roster)

    roster.privacy.click()  # one click reveals
    assert not roster.privacy.isChecked()
    assert _level_shown(roster)
    assert not roster.level.isHidden()
    assert "Ctrl+Shift+H" in roster.privacy.toolTip()
    assert UiSettings.load(running.data_dir).privacy_mode is False

    running.app.shutdown()
    app = start_app(qtbot, qapp, running.data_dir)
    unlock(qtbot, app)
    again = app.window.sections["roster"].roster
    assert not again.privacy.isChecked()  # remembered
    assert _level_shown(again)
    again.privacy.click()
    assert UiSettings.load(running.data_dir).privacy_mode is True
    app.shutdown()
