"""设置 → 中心服务器 with a college CA: without it the login says the certificate is not trusted; with the
CA file chosen, login and sync work and the panel shows which CA this laptop trusts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.shell.app import JiaFangApp
from tests.desktop.ui.sync.test_sync_ui import WAIT_MS, _laptop_app, parts_of, sync_now
from tests.helpers.college_ca_server import CA_NAME, TlsServer, running_tls_server
from tests.sync.server.conftest import PASSWORD


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TlsServer]:
    with running_tls_server(tmp_path / "server") as running:
        yield running


def test_login_with_the_college_ca_chosen_in_the_settings(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, tls_server: TlsServer
) -> None:
    app: JiaFangApp = _laptop_app(qtbot, qapp, tmp_path / "laptop", "en")
    try:
        parts = parts_of(app)
        panel = parts.panel
        app.window.show_section("settings")
        panel.server.setText(tls_server.url)
        panel.username.setText("counselor_a")
        panel.password.setText(PASSWORD)
        with qtbot.waitSignal(parts.controller.login_failed, timeout=WAIT_MS):
            panel.login_button.click()
        assert "证书未通过验证" in panel.message.text() and "CA" in panel.message.text()
        panel.password.setText(PASSWORD)
        panel.ca_file.setText(str(tls_server.authority.ca_file))
        with qtbot.waitSignal(parts.controller.logged_in, timeout=WAIT_MS):
            panel.login_button.click()
        assert panel.ca_file.text() == ""
        qtbot.waitUntil(lambda: CA_NAME in panel.ca_file.placeholderText(), timeout=WAIT_MS)
        assert sync_now(qtbot, parts).pulled >= 1
    finally:
        app.shutdown()
