"""The OS keyring lost the key of a machine set to use it: the settings page shows what the keyring holds
now, and a passphrase unlock asks whether to put the key back (with an in-memory keyring backend)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.key_vault import KeyVault
from tests.desktop.ui.conftest import start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store
from tests.helpers.fixtures import MemoryKeyring


@pytest.fixture
def ring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    backend = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend


def _keyring_machine(folder: Path, ring: MemoryKeyring) -> KeyVault:
    """A store set to unlock with the keyring, whose keyring entry was then deleted."""
    make_store(folder)
    vault = KeyVault(folder)
    assert vault.set_keyring(True, vault.unlock(PASSPHRASE))
    ring.secrets.clear()
    assert vault.keyring_entry_lost()
    return vault


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_a_passphrase_unlock_offers_to_put_the_key_back(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, ring: MemoryKeyring, answer: str
) -> None:
    folder = tmp_path / "data"
    vault = _keyring_machine(folder, ring)
    app = start_app(qtbot, qapp, folder)
    try:
        assert app.ctx.lock.is_locked  # the keyring could not open it
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.keyring_offer is not None and app.keyring_offer.isVisible())
        offer = app.keyring_offer
        assert offer is not None and "钥匙串" in offer.text()
        settings = app.window.sections["settings"]
        settings.reload()
        assert not settings.keyring.isChecked()  # what the keyring holds now, not the stored flag
        button = QMessageBox.StandardButton.Yes if answer == "yes" else QMessageBox.StandardButton.No
        offer.button(button).click()
        if answer == "yes":
            qtbot.waitUntil(vault.keyring_holds_key)
            assert vault.unlock_from_keyring() == vault.unlock(PASSPHRASE)
            settings.reload()
            assert settings.keyring.isChecked()
        else:
            qtbot.waitUntil(lambda: not vault.keyring_enabled())
            assert ring.secrets == {} and not vault.keyring_entry_lost()
        assert app.keyring_offer is None
        # The next unlock asks nothing: the key is back (opened by the keyring) or not wanted.
        app.ctx.lock.lock()
        qtbot.waitUntil(lambda: app.ctx.lock.is_locked)
        unlock(qtbot, app)
        assert app.keyring_offer is None
    finally:
        app.shutdown()


def test_no_question_when_the_keyring_holds_the_key_or_was_never_used(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, ring: MemoryKeyring
) -> None:
    folder = tmp_path / "data"
    make_store(folder)
    app = start_app(qtbot, qapp, folder)
    try:
        unlock(qtbot, app)
        settings = app.window.sections["settings"]
        settings.reload()
        assert not settings.keyring.isChecked() and settings.keyring.isEnabled()
        assert app.keyring_offer is None
        settings.keyring.setChecked(True)  # turned on in the settings: the key goes to the keyring
        qtbot.waitUntil(lambda: KeyVault(folder).keyring_holds_key())
        assert len(ring.secrets) == 1
    finally:
        app.shutdown()
