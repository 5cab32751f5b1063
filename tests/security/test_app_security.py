"""The app's side of items 2 and 6: the settings panel refuses http:// to another computer and shows
(and can pin) the center's certificate; the dialogs refuse weak passphrases with the Chinese
explanation; the unlock panel shows the persisted wait after repeated wrong passphrases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.store import unlock_throttle
from desktop.store.unlock_throttle import FREE_FAILURES, UnlockThrottle
from desktop.ui.settings.settings_page import SettingsPage
from desktop.ui.shell.app import JiaFangApp
from desktop.ui.shell.ui_settings import UiSettings
from desktop.ui.sync.server_account_panel import ServerAccountPanel
from desktop.ui.sync.sync_controller import SyncController
from sync.certificate_pin import fingerprint
from tests.desktop.sync_fixtures import LAPTOP_PASSPHRASE, make_laptop
from tests.desktop.ui.conftest import start_app, unlock
from tests.security.tls_server import self_signed, start_tls_server
from tests.sync.server.conftest import PASSWORD, College

WAIT_MS = 20_000


class Clock:
    now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _app(qtbot: QtBot, qapp: QApplication, folder: Path, language: str) -> JiaFangApp:
    make_laptop(folder)
    UiSettings(language=language).save(folder)
    return start_app(qtbot, qapp, folder)


@pytest.fixture
def english_app(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[JiaFangApp]:
    app = _app(qtbot, qapp, tmp_path / "laptop", "en")
    unlock(qtbot, app, LAPTOP_PASSPHRASE)
    yield app
    app.shutdown()


def _panel(app: JiaFangApp) -> ServerAccountPanel:
    app.window.show_section("settings")
    panel = app.window.findChild(ServerAccountPanel, "serverAccountPanel")
    assert isinstance(panel, ServerAccountPanel)
    return panel


def test_settings_panel_refuses_http_to_another_computer(qtbot: QtBot, english_app: JiaFangApp) -> None:
    panel = _panel(english_app)
    controller = SyncController.of(english_app.ctx)
    panel.server.setText("http://jiafang.example.edu.cn")
    panel.username.setText("counselor_a")
    panel.password.setText(PASSWORD)
    with qtbot.assertNotEmitted(controller.logged_in), qtbot.assertNotEmitted(controller.login_failed):
        panel.login_button.click()
    assert "clear text" in panel.message.text() and "https://" in panel.message.text()
    assert panel.login_button.isEnabled()


def test_settings_panel_shows_and_pins_the_certificate(
    qtbot: QtBot, english_app: JiaFangApp, college: College, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cert = self_signed(tmp_path / "certs", "center")
    monkeypatch.setenv("SSL_CERT_FILE", str(cert.cert_file))
    server = start_tls_server(college.server.live, cert)
    try:
        panel = _panel(english_app)
        controller = SyncController.of(english_app.ctx)
        panel.server.setText(server.url)
        panel.username.setText("counselor_a")
        panel.password.setText(PASSWORD)
        panel.pin.setChecked(True)
        with qtbot.waitSignal(controller.logged_in, timeout=WAIT_MS) as signal:
            panel.login_button.click()
        assert signal.args[0].certificate == fingerprint(cert.der) and signal.args[0].pinned
        assert fingerprint(cert.der) in panel.message.text()
        qtbot.waitUntil(lambda: "(pinned)" in panel.certificate.text(), timeout=WAIT_MS)
        assert fingerprint(cert.der) in panel.certificate.text()
        assert panel.forget_pin_button.isVisibleTo(panel)
        panel.forget_pin_button.click()  # the center renewed its certificate: stop refusing others
        qtbot.waitUntil(lambda: "(not pinned)" in panel.certificate.text(), timeout=WAIT_MS)
        assert not panel.forget_pin_button.isVisibleTo(panel)
    finally:
        server.stop()


def test_change_passphrase_dialog_refuses_a_weak_passphrase(qtbot: QtBot, english_app: JiaFangApp) -> None:
    settings = english_app.window.show_section("settings")
    assert isinstance(settings, SettingsPage)
    settings.findChild(type(settings.backup_button), "changePassphrase").click()
    dialog = settings.dialog
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.old.setText(LAPTOP_PASSPHRASE)
    for weak in ("12345678", "password1234"):
        dialog.new.setText(weak)
        dialog.repeat.setText(weak)
        assert dialog.hint.text().startswith("Not accepted: ") and "密码" in dialog.hint.text()
        assert not ok.isEnabled()
    dialog.new.setText("river stone 2024 秋天")
    dialog.repeat.setText("river stone 2024 秋天")
    assert ok.isEnabled()
    dialog.reject()


def test_wizard_refuses_a_passphrase_made_of_the_names(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    app = start_app(qtbot, qapp, tmp_path / "fresh")
    try:
        wizard = app.wizard
        assert wizard is not None
        wizard.passphrase_page.first.setText("zhangsan2026")
        wizard.passphrase_page.second.setText("zhangsan2026")
        wizard.next()
        wizard.profile_page.school.setText("示例大学")
        wizard.profile_page.user.setText("zhangsan")
        assert not wizard.profile_page.validatePage()
        assert "姓名" in wizard.profile_page.problem.text()
        wizard.reject()
    finally:
        app.shutdown()


def test_unlock_panel_shows_the_persisted_wait_in_chinese(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr(unlock_throttle, "wall_clock", clock)
    folder = tmp_path / "laptop"
    make_laptop(folder)
    UiSettings(language="zh_CN").save(folder)
    for _ in range(FREE_FAILURES + 1):  # wrong passphrases typed before the app was restarted
        UnlockThrottle(folder).failed()
    app = start_app(qtbot, qapp, folder)
    try:
        panel = app.window.unlock_panel
        assert panel.wait.text() == "密码错误次数过多，请等待 4 秒后再试。"
        assert not panel.button.isEnabled() and not panel.passphrase.isEnabled()
        clock.now += 3
        panel.tick()
        assert panel.wait.text() == "密码错误次数过多，请等待 1 秒后再试。"
        clock.now += 1
        panel.tick()
        assert panel.button.isEnabled() and not panel.wait.isVisible()
        panel.passphrase.setText("a wrong passphrase again")
        panel.button.click()  # the 5th failure: 8 seconds now
        qtbot.waitUntil(lambda: panel.wait.text() == "密码错误次数过多，请等待 8 秒后再试。", timeout=WAIT_MS)
        assert not panel.button.isEnabled()
        clock.now += 8
        panel.tick()
        unlock(qtbot, app, LAPTOP_PASSPHRASE)
        assert UnlockThrottle(folder).failures == 0
    finally:
        app.shutdown()


def test_a_wipe_order_answered_to_a_login_from_the_settings_panel(
    qtbot: QtBot, english_app: JiaFangApp, college: College
) -> None:
    panel = _panel(english_app)
    controller = SyncController.of(english_app.ctx)
    panel.server.setText(college.server.url)
    panel.username.setText("counselor_a")
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.logged_in, timeout=WAIT_MS):
        panel.login_button.click()
    admin = college.server.login("admin")
    laptops = [d for d in admin.http.get("/admin/devices").json() if d["name"] != "测试机"]
    assert len(laptops) == 1
    assert admin.post(f"/admin/devices/{laptops[0]['id']}/wipe", {}).status_code == 200
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.login_failed, timeout=WAIT_MS):
        panel.login_button.click()
    qtbot.waitUntil(lambda: english_app.wizard is not None, timeout=WAIT_MS)
    assert english_app.ctx.lock.is_locked
    assert not (english_app.data_dir / "key.json").exists()
    # The recovery path: a new store, log in again (as a new device), sync; the records come back.
    college.server.student(college.college_id, college.counselor_a, name="林小雨")
    wizard = english_app.wizard
    wizard.passphrase_page.first.setText("river stone 2024 秋天")
    wizard.passphrase_page.second.setText("river stone 2024 秋天")
    wizard.next()
    wizard.profile_page.school.setText("示例大学")
    wizard.profile_page.user.setText("甲老师")
    wizard.accept()
    qtbot.waitUntil(lambda: not english_app.ctx.lock.is_locked, timeout=WAIT_MS)
    panel = _panel(english_app)
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.logged_in, timeout=WAIT_MS):
        panel.login_button.click()
    with qtbot.waitSignal(controller.finished, timeout=WAIT_MS) as synced:
        assert controller.start()
    assert synced.args[0].pulled >= 1
