"""Lock and unlock (nothing readable while locked), change passphrase, language switch, first run."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import school_settings
from desktop.reports.print_settings import MAX_TITLE
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE
from desktop.store.key_vault import KeyVault
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE


def test_lock_hides_everything_and_unlock_restores(qtbot: QtBot, running: Running) -> None:
    window = running.window
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids["张三"])
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert running.app.ctx.lock.is_locked
    assert section.roster.model.rowCount() == 0
    assert section.profile.heading.text() == ""
    assert section.profile.basic.name.text() == ""
    assert section.profile.basic.family.table.rowCount() == 0
    assert window.section_stack.isHidden()
    assert not window.nav.isEnabled()
    assert window.pages.currentWidget() is window.unlock_panel
    assert window.lock_state.text() == "已锁定"
    assert not running.app.ctx.worker.is_open
    assert running.app.data_key is None

    panel = window.unlock_panel
    panel.passphrase.setText("not the passphrase")
    panel.button.click()
    qtbot.waitUntil(lambda: not panel.error.isHidden())
    assert panel.error.text() == "密码不正确，请重试。数据未作任何改动。"
    assert running.app.ctx.lock.is_locked

    unlock(qtbot, running.app)
    qtbot.waitUntil(lambda: section.roster.model.rowCount() == len(running.ids))
    assert not window.section_stack.isHidden()
    # The platform appends the application's name ("示例大学 — JiaFang 家访"): never twice.
    assert window.windowTitle() == "示例大学"
    assert QGuiApplication.applicationDisplayName() == "JiaFang 家访"


def test_idle_lock(qtbot: QtBot, running: Running) -> None:
    lock = running.app.ctx.lock
    with qtbot.waitSignal(lock.locked, timeout=10_000):
        lock.set_idle_ms(50)
    assert running.section("roster").roster.model.rowCount() == 0


def test_change_passphrase_locks_and_needs_the_new_one(qtbot: QtBot, running: Running) -> None:
    settings = running.window.show_section("settings")
    settings.findChild(type(settings.backup_button), "changePassphrase").click()
    dialog = settings.dialog
    assert dialog is not None
    dialog.old.setText(PASSPHRASE)
    dialog.new.setText("a brand new passphrase")
    dialog.repeat.setText("a brand new passphrase")
    with qtbot.waitSignal(running.app.ctx.lock.locked):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    vault = KeyVault(running.data_dir)
    assert vault.unlock("a brand new passphrase")
    unlock(qtbot, running.app, "a brand new passphrase")


def test_change_passphrase_with_wrong_old_one(qtbot: QtBot, running: Running) -> None:
    settings = running.window.show_section("settings")
    settings.findChild(type(settings.backup_button), "changePassphrase").click()
    dialog = settings.dialog
    dialog.old.setText("wrong wrong wrong")
    dialog.new.setText("a brand new passphrase")
    dialog.repeat.setText("a brand new passphrase")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.error.text() == "当前密码不正确。"
    assert not running.app.ctx.lock.is_locked
    dialog.reject()


def test_language_switch(qtbot: QtBot, running: Running) -> None:
    assert running.window.nav.item(0).text() == "学生名册"
    settings = running.window.show_section("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.language.activated.emit(settings.language.currentIndex())
    window = running.window
    assert window.nav.item(0).text() == "Roster"
    assert window.current_section_key() == "settings"
    roster = window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(running.ids))
    assert roster.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert running.app.ctx.settings.language == "en"
    settings = window.sections["settings"]
    settings.language.setCurrentIndex(settings.language.findData("zh_CN"))
    settings.language.activated.emit(settings.language.currentIndex())
    assert running.window.nav.item(0).text() == "学生名册"


def test_backup_now(qtbot: QtBot, running: Running) -> None:
    settings = running.window.show_section("settings")
    qtbot.waitUntil(lambda: settings.backups.count() == 1)  # the daily backup taken on opening
    settings.backup_button.click()
    qtbot.waitUntil(lambda: settings.message.text().startswith("备份已保存"))
    qtbot.waitUntil(lambda: settings.backups.count() == 2)


def test_first_run_wizard_creates_the_store(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    folder = tmp_path / "fresh"
    app = start_app(qtbot, qapp, folder)
    wizard = app.wizard
    assert wizard is not None
    page = wizard.passphrase_page
    page.first.setText("short")
    assert page.strength.text().startswith("不符合要求：密码太短：至少需要 10 个字符")
    assert not page.isComplete()
    page.first.setText("river stone 2024!")
    page.second.setText("river stone 2024!")
    assert page.isComplete()
    wizard.next()
    wizard.profile_page.school.setText("示例大学")
    wizard.profile_page.user.setText("李老师")
    wizard.accept()
    qtbot.waitUntil(lambda: not app.ctx.lock.is_locked)
    assert app.ctx.identity.user_name == "李老师"
    assert KeyVault(folder).exists()
    app.shutdown()


def test_visit_form_title_setting(qtbot: QtBot, running: Running) -> None:
    """设置 holds the printed visit form title: saved in the store, refused when too long, reset by
    clearing it."""
    settings = running.window.show_section("settings")
    qtbot.waitUntil(lambda: settings.visit_title.text() == DEFAULT_VISIT_TITLE)
    assert settings.visit_title.maxLength() == MAX_TITLE
    settings.visit_title.setText("学生家访记录表")
    settings.findChild(QPushButton, "saveVisitTitle").click()
    qtbot.waitUntil(lambda: settings.message.text() == "已保存。")
    stored: list[str] = []
    settings.ctx.worker.run(school_settings.visit_form_title, stored.append)
    qtbot.waitUntil(lambda: stored == ["学生家访记录表"])
    settings.message.clear()
    settings.visit_title.setText("")
    settings.findChild(QPushButton, "saveVisitTitle").click()
    qtbot.waitUntil(lambda: settings.visit_title.text() == DEFAULT_VISIT_TITLE)


def test_keyring_box_says_why_it_is_disabled(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = running.window.show_section("settings")
    monkeypatch.setattr(settings.vault.keyring, "usable", lambda: False)
    settings.reload()
    assert not settings.keyring.isEnabled()
    assert "本机没有可用的系统钥匙串" in settings.keyring.text()
    assert "KWallet" in settings.keyring.toolTip()
    monkeypatch.setattr(settings.vault.keyring, "usable", lambda: True)
    settings.reload()
    assert settings.keyring.isEnabled()
    assert settings.keyring.text() == "在本机使用系统钥匙串解锁"
    assert settings.keyring.toolTip() == ""
