"""Start-up and the application's life: translators, first run, unlock, lock, language, shutdown."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.app import identity as identity_core
from desktop.app import unlock
from desktop.app.unlock import FirstRunAnswers
from desktop.store.errors import StoreError, WrongPassphrase
from desktop.store.key_vault import KeyVault
from desktop.store.unlock_throttle import UnlockThrottle, UnlockThrottled
from desktop.ui.shell.app_context import AppContext, AppEvents
from desktop.ui.shell.lock_manager import LockManager
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.store_worker import StoreWorker
from desktop.ui.shell.translations import DEFAULT_LANGUAGE, Translations, prefer_system_locale
from desktop.ui.shell.ui_settings import UiSettings
from desktop.ui.unlock.first_run_wizard import FirstRunWizard
from sync.gc_pause import freeze_long_lived

PASSPHRASE_ENV = "JIAFANG_PASSPHRASE"


def make_application(argv: list[str], language: str = DEFAULT_LANGUAGE) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    prefer_system_locale(language)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv)
    app.setApplicationName("JiaFang")
    app.setApplicationDisplayName("JiaFang 家访")
    app.setOrganizationName("JiaFang")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(
        ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", font.family()]
    )
    app.setFont(font)
    return app


class JiaFangApp(QObject):
    """Owns the window, the store worker and the lock for one data folder."""

    def __init__(
        self,
        data_dir: Path,
        app: QApplication,
        *,
        use_env_passphrase: bool = True,
        settle_memory: bool = False,
    ) -> None:
        """``settle_memory``: once unlocked, set the objects of start-up aside from the garbage
        collector's full passes (sync/gc_pause.py), as the installed app does (``run_gui``); a process
        that makes many apps (the tests) leaves it off."""
        super().__init__()
        self._settle_memory = settle_memory
        self.data_dir = Path(data_dir)
        self.app = app
        self.vault = KeyVault(self.data_dir)
        settings = UiSettings.load(self.data_dir)
        self.translations = Translations(app)
        self.translations.install(settings.language)
        worker = StoreWorker()
        lock = LockManager(settings.idle_minutes)
        self.ctx = AppContext(self.data_dir, worker, lock, settings, events=AppEvents())
        self._use_env_passphrase = use_env_passphrase
        self._data_key: bytes | None = None
        lock.about_to_lock.connect(self._before_lock)
        lock.locked.connect(self._after_lock)
        assert self.ctx.events is not None
        self.ctx.events.language_requested.connect(self.set_language)
        self.ctx.events.passphrase_changed.connect(lock.lock)
        self.ctx.events.store_replaced.connect(self._store_replaced)
        self.ctx.events.store_wiped.connect(self._store_wiped)
        self._wiped = False
        # The store thread derives the key (Argon2id, ~0.3 s, outside the GIL) and opens the cipher
        # while this thread builds the window; its answer arrives through the event loop, once the
        # window is complete and shown.
        self._unlocking = self.vault.exists() and self._unlock_at_start()
        self.window = self._build_window(complete=False)  # start() adds the rest while unlocking
        self.wizard: FirstRunWizard | None = None
        self.keyring_offer: QMessageBox | None = None  # asks to put a lost keyring entry back

    # -- window ---------------------------------------------------------------------------------
    def _build_window(self, *, complete: bool = True) -> MainWindow:
        from desktop.ui.shell.window_sections import add_other_sections, add_roster_section

        window = MainWindow(self.ctx)
        add_roster_section(window, self.ctx)
        window.build_later(lambda: add_other_sections(window, self.ctx, lambda: self._data_key))
        if complete:
            window.finish_building()
        window.unlock_panel.unlock_requested.connect(self.unlock_with_passphrase)
        return window

    @property
    def data_key(self) -> bytes | None:
        """The data key while unlocked (for turning the OS keyring on); None while locked."""
        return self._data_key

    # -- start-up -------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.vault.exists():
            self.window.finish_building()
            self.window.show()
            self._run_first_run_wizard()
            return
        if not self._unlocking:
            self._unlock_at_start()
        self.window.finish_building()
        self.window.show()
        self._show_wait_if_due()

    def _unlock_at_start(self) -> bool:
        """Start opening the store without asking (passphrase in the environment, or the OS keyring);
        False when the user has to type the passphrase."""
        env = os.environ.get(PASSPHRASE_ENV) if self._use_env_passphrase else None
        if env:
            self.unlock_with_passphrase(env)
            return True
        try:
            key = self.vault.unlock_from_keyring()
        except StoreError:
            key = None
        if key is not None:
            self._open(lambda: unlock.open_with_key(self.data_dir, key), key)
            return True
        return False

    def _run_first_run_wizard(self) -> None:
        wizard = FirstRunWizard(self.window)
        self.wizard = wizard
        wizard.finished.connect(self._wizard_finished)
        wizard.open()

    def _wizard_finished(self, result: int) -> None:
        wizard = self.wizard
        self.wizard = None
        if wizard is None:
            return
        if result != QDialog.DialogCode.Accepted:
            self.window.close()
            self.app.quit()
            return
        answers = wizard.answers()
        wizard.deleteLater()
        self.create_store(answers)

    def create_store(self, answers: FirstRunAnswers) -> None:
        self.window.unlock_panel.hint.setText(self.tr("Creating your encrypted store…"))
        self.window.unlock_panel.busy.set_busy(True)
        holder: dict[str, bytes] = {}

        def _create() -> object:
            store, key = unlock.create_store(self.data_dir, answers)
            holder["key"] = key
            return store

        self.ctx.worker.open_store(_create, lambda _s: self._opened(holder.get("key")), self._open_failed)

    # -- unlocking ------------------------------------------------------------------------------
    def unlock_with_passphrase(self, passphrase: str) -> None:
        holder: dict[str, bytes] = {}

        def _open() -> object:
            store, key = unlock.open_with_passphrase(self.data_dir, passphrase)
            holder["key"] = key
            return store

        self.ctx.worker.open_store(_open, lambda _s: self._opened(holder.get("key")), self._open_failed)

    def _open(self, opener: object, key: bytes) -> None:
        self.ctx.worker.open_store(opener, lambda _s: self._opened(key), self._open_failed)  # type: ignore[arg-type]

    def _opened(self, key: bytes | None) -> None:
        self._data_key = key
        self.ctx.worker.run(identity_core.read_identity, self._identity_loaded, self._open_failed)

    def _identity_loaded(self, identity: object) -> None:
        from desktop.app.identity import Identity

        assert isinstance(identity, Identity)
        self.ctx.identity = identity
        self.ctx.lock.mark_unlocked()
        self.window.show_unlocked()
        if self._settle_memory:
            freeze_long_lived()  # no ~90 ms full collection in the middle of a search keystroke
        self._offer_keyring_restore()

    # -- the OS keyring lost the key ------------------------------------------------------------
    def _offer_keyring_restore(self) -> None:
        """Unlocked with the passphrase on a machine set to unlock with the OS keyring, whose keyring no
        longer holds the key (deleted, or a new keyring): ask whether to put it back.  Yes saves it
        there again; no makes this machine use the passphrase only (so the question is not repeated)."""
        key = self._data_key
        try:
            lost = key is not None and self.vault.keyring_entry_lost() and self.vault.keyring.usable()
        except StoreError:
            return
        if not lost or key is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Operating system keyring"),
            self.tr(
                "This computer was set to unlock JiaFang with the operating system's keyring, but the "
                "keyring no longer holds the key. Save the key in the keyring again?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("keyringRestoreOffer")
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _result: self._keyring_answered(box.clickedButton() is yes, key))
        self.keyring_offer = box
        box.open()

    def _keyring_answered(self, restore: bool, key: bytes) -> None:
        if self.keyring_offer is not None:
            self.keyring_offer.deleteLater()
            self.keyring_offer = None
        vault = self.vault
        self.ctx.worker.run(lambda _store: vault.set_keyring(restore, key), self._ignore, self._ignore)

    def _ignore(self, _result: object) -> None:
        """The passphrase keeps working whatever the keyring did; the settings page shows its state."""

    def _open_failed(self, exc: Exception) -> None:
        if isinstance(exc, WrongPassphrase):
            message = self.tr("Wrong passphrase. Please try again; nothing was changed.")
        elif isinstance(exc, UnlockThrottled):
            message = self.tr("Wrong passphrase typed too often; nothing was changed.")
        elif isinstance(exc, StoreError):
            message = str(exc)
        else:
            message = self.tr("The store could not be opened (%1).").replace("%1", type(exc).__name__)
        self.window.unlock_panel.show_error(message)
        if isinstance(exc, WrongPassphrase | UnlockThrottled):
            self._show_wait_if_due()

    def _show_wait_if_due(self) -> None:
        """A wait after repeated wrong passphrases is persisted: show it (also right after a restart)."""
        throttle = UnlockThrottle(self.data_dir)
        if throttle.remaining() > 0:
            self.window.unlock_panel.show_wait(throttle.remaining)

    # -- locking --------------------------------------------------------------------------------
    def _before_lock(self) -> None:
        if not self._wiped:  # after a wipe there is no store to keep drafts in
            self.window.save_drafts()

    def _after_lock(self) -> None:
        self._data_key = None
        self.ctx.worker.close_store()
        self.window.show_locked()

    def _store_replaced(self) -> None:
        """After a restore: the store on disk changed under us; lock so it is opened afresh."""
        self.ctx.lock.lock()

    def _store_wiped(self) -> None:
        """The center ordered this computer wiped and the store is destroyed: lock (every view forgets
        what it showed), say what happened, and offer to set up a new store (then log in and sync)."""
        self._wiped = True
        self.ctx.lock.lock()
        self._wiped = False
        self.window.unlock_panel.hint.setText(
            self.tr(
                "At the center's request, the data on this computer has been deleted: the store, its key "
                "and its backups. To use this computer again, set up a new store, log in to the center "
                "and sync; your records come back from the center."
            )
        )
        if self.wizard is None:
            self._run_first_run_wizard()

    # -- preferences ----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        if language == self.translations.language:
            return
        self.ctx.settings.language = language
        self.ctx.settings.save(self.data_dir)
        self.translations.install(language)
        old = self.window
        was_unlocked = not self.ctx.lock.is_locked
        section = old.current_section_key()
        old.save_drafts()
        geometry = old.saveGeometry()
        self.window = self._build_window()
        self.window.restoreGeometry(geometry)
        if was_unlocked:
            self.window.show_unlocked()
            if section:
                self.window.show_section(section)
        self.window.show()
        old.ctx.lock.locked.disconnect(old.show_locked)
        old.hide()
        old.deleteLater()

    # -- shutdown -------------------------------------------------------------------------------
    def shutdown(self) -> None:
        if not self.ctx.lock.is_locked:
            self.window.save_drafts()
        self.ctx.lock.detach()
        self.ctx.worker.stop()


def run_gui(data_dir: Path, argv: list[str]) -> int:
    """Open the app on `data_dir` and run until the window closes; returns the exit status."""
    app = make_application(argv, UiSettings.load(data_dir).language)
    app.setQuitOnLastWindowClosed(True)
    jiafang = JiaFangApp(data_dir, app, settle_memory=True)
    app.aboutToQuit.connect(jiafang.shutdown)
    jiafang.start()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(run_gui(Path(sys.argv[1]), sys.argv))
