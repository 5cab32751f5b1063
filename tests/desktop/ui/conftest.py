"""A running JiaFang app on a real encrypted store in tmp_path (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.shell.app import JiaFangApp
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


@dataclass
class Running:
    app: JiaFangApp
    data_dir: Path
    ids: dict[str, str]

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.app.window

    def section(self, key: str):  # type: ignore[no-untyped-def]
        return self.app.window.sections[key]


@pytest.fixture(autouse=True)
def no_modifier_left_held(qapp: QApplication) -> Iterator[None]:
    """After a test clicks Ctrl+L (the shortcut locks the app), Qt still reports Ctrl as held, and a
    later test's selectRow then toggles the row instead of selecting it (that made a visit-edit test
    fail when it ran after the lock tests).  Release whatever modifier a test left held."""
    yield
    held = QGuiApplication.keyboardModifiers()
    keys = {
        Qt.KeyboardModifier.ControlModifier: Qt.Key.Key_Control,
        Qt.KeyboardModifier.ShiftModifier: Qt.Key.Key_Shift,
        Qt.KeyboardModifier.AltModifier: Qt.Key.Key_Alt,
    }
    if held != Qt.KeyboardModifier.NoModifier:
        probe = QWidget()
        for modifier, key in keys.items():
            if held & modifier:
                QTest.keyRelease(probe, key)
        probe.deleteLater()


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    return folder, make_store(folder)


def start_app(qtbot: QtBot, qapp: QApplication, folder: Path) -> JiaFangApp:
    app = JiaFangApp(folder, qapp, use_env_passphrase=False)
    qtbot.addWidget(app.window)
    app.start()
    return app


def unlock(qtbot: QtBot, app: JiaFangApp, passphrase: str = PASSPHRASE) -> None:
    panel = app.window.unlock_panel
    panel.passphrase.setText(passphrase)
    panel.button.click()
    qtbot.waitUntil(lambda: not app.ctx.lock.is_locked)


@pytest.fixture
def running(qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]]) -> Iterator[Running]:
    folder, ids = data_dir
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids))
    yield Running(app, folder, ids)
    app.shutdown()
