"""设置: school name, idle lock, language, passphrase, OS keyring, backups and where the data lives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app import backups as backups_core
from desktop.app import school_settings
from desktop.app.backups import BackupInfo
from desktop.reports.print_settings import MAX_TITLE, SettingError
from desktop.store.errors import StoreError, WrongPassphrase
from desktop.store.key_vault import KeyVault
from desktop.ui.settings.center_panel import CenterPanel
from desktop.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from desktop.ui.shell.translations import LANGUAGES
from desktop.ui.shell.ui_settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES


class SettingsPage(Section):
    def __init__(
        self, ctx: AppContext, data_key: Callable[[], bytes | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._data_key = data_key
        self.vault = KeyVault(ctx.data_dir)
        self.dialog: ChangePassphraseDialog | None = None

        general = QGroupBox(self.tr("General"), self)
        form = QFormLayout(general)
        self.school = self._saved_line(
            form, self.tr("School"), "settingsSchool", "saveSchool", self._save_school
        )
        self.visit_title = self._saved_line(
            form, self.tr("Visit form title"), "settingsVisitTitle", "saveVisitTitle", self._save_visit_title
        )
        self.visit_title.setMaxLength(MAX_TITLE)
        self.visit_title.setToolTip(
            self.tr("Printed at the top of every visit form; leave empty for the default wording")
        )
        self.idle = QSpinBox(general)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(ctx.settings.idle_minutes)
        self.idle.valueChanged.connect(self._idle_changed)
        form.addRow(self.tr("Lock after idle"), self.idle)
        self.failed_courses = QSpinBox(general)
        self.failed_courses.setObjectName("watchFailedCourses")
        self.failed_courses.setRange(1, school_settings.MAX_FAILED_COURSES)
        self.failed_courses.setSuffix(self.tr(" failed course(s)"))
        self.failed_courses.setToolTip(
            self.tr("A disadvantaged student with this many failed courses in a term goes on the watch list")
        )
        self.failed_courses.valueChanged.connect(self._failed_courses_changed)
        form.addRow(self.tr("No-dropout warning at"), self.failed_courses)
        self.language = QComboBox(general)
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(ctx.settings.language), 0))
        self.language.activated.connect(self._language_chosen)
        form.addRow(self.tr("Language"), self.language)

        security = QGroupBox(self.tr("Security"), self)
        sform = QFormLayout(security)
        change = QPushButton(self.tr("Change passphrase…"), security)
        change.setObjectName("changePassphrase")
        change.clicked.connect(self._change_passphrase)
        sform.addRow(self.tr("Passphrase"), change)
        self.keyring = QCheckBox(
            self.tr("Unlock with the operating system's keyring on this computer"), security
        )
        self.keyring.setObjectName("useKeyring")
        self.keyring.toggled.connect(self._keyring_toggled)
        sform.addRow("", self.keyring)

        data = QGroupBox(self.tr("Data"), self)
        dform = QFormLayout(data)
        self.folder = QLabel(str(ctx.data_dir), data)
        self.folder.setObjectName("dataFolder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_folder = QPushButton(self.tr("Open folder"), data)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.data_dir))))
        frow = QHBoxLayout()
        frow.addWidget(self.folder, 1)
        frow.addWidget(open_folder)
        dform.addRow(self.tr("Data folder"), frow)
        self.backup_button = QPushButton(self.tr("Back up now"), data)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self._backup)
        dform.addRow(self.tr("Backup"), self.backup_button)
        self.backups = QComboBox(data)
        self.backups.setObjectName("backupList")
        self.restore_button = QPushButton(self.tr("Restore…"), data)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self._restore)
        rrow = QHBoxLayout()
        rrow.addWidget(self.backups, 1)
        rrow.addWidget(self.restore_button)
        dform.addRow(self.tr("Restore from"), rrow)

        self.center = CenterPanel(ctx, self)  # 学生发展支持中心: the center roles only
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        inner = QWidget(self)
        column = self._column = QVBoxLayout(inner)
        for box in (general, security, data, self.center):
            box.setMaximumWidth(720)
            column.addWidget(box)
        column.addWidget(self.message)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        QVBoxLayout(self).addWidget(scroll)

    def _saved_line(
        self, form: QFormLayout, label: str, name: str, button_name: str, save: Callable[[], None]
    ) -> QLineEdit:
        """A line edit with its own Save button, as one row of ``form``."""
        edit = QLineEdit(form.parentWidget())
        edit.setObjectName(name)
        button = QPushButton(self.tr("Save"), form.parentWidget())
        button.setObjectName(button_name)
        button.clicked.connect(save)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        form.addRow(label, row)
        return edit

    def add_group(self, box: QWidget) -> None:
        """A group of another feature (e.g. the center server and account), above the message line."""
        box.setMaximumWidth(720)
        self._column.insertWidget(self._column.indexOf(self.message), box)

    # -- life cycle -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.school.setText(self.ctx.identity.school_name)
        self.keyring.blockSignals(True)
        try:
            self.keyring.setChecked(self.vault.keyring_holds_key())  # what it holds now, not a flag
        except StoreError:
            self.keyring.setChecked(False)
        usable = self.vault.keyring.usable()
        self.keyring.setEnabled(usable)
        # Disabled without a word would leave the user guessing why: say it on the box itself.
        self.keyring.setText(
            self.tr("Unlock with the operating system's keyring on this computer")
            if usable
            else self.tr("Unlock with the operating system's keyring (none is available on this computer)")
        )
        self.keyring.setToolTip(
            ""
            if usable
            else self.tr(
                "No keyring service (such as GNOME Keyring or KWallet) is running on this computer, "
                "so JiaFang asks for the passphrase at every unlock."
            )
        )
        self.keyring.blockSignals(False)
        self.ctx.worker.run(backups_core.list_backups, self._show_backups, key="backups")
        self.ctx.worker.run(school_settings.visit_form_title, self.visit_title.setText, key="visit-title")
        self.ctx.worker.run(
            school_settings.watch_failed_courses, self._show_failed_courses, key="watch-threshold"
        )
        self.center.reload()

    def clear(self) -> None:
        self.center.clear()
        self.school.clear()
        self.visit_title.clear()
        self.backups.clear()
        self.message.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, exc: Exception) -> None:
        self._say(str(exc) if isinstance(exc, StoreError) else self.tr("That did not work (%1).").replace(
            "%1", type(exc).__name__))  # fmt: skip

    # -- general --------------------------------------------------------------------------------
    def _save_school(self) -> None:
        name = self.school.text().strip()
        if not name:
            self._say(self.tr("Please enter the school's name."))
            return

        def done(_r: object) -> None:
            self.ctx.identity.school_name = name
            if self.ctx.events is not None:
                self.ctx.events.identity_changed.emit()
            self._say(self.tr("Saved."))

        self.ctx.worker.run(lambda store: school_settings.set_school_name(store, name), done, self._failed)

    def _save_visit_title(self) -> None:
        title = self.visit_title.text()

        def done(saved: str) -> None:
            self.visit_title.setText(saved)
            self._say(self.tr("Saved."))

        def failed(exc: Exception) -> None:
            if isinstance(exc, SettingError):
                self._say(str(exc))
            else:
                self._failed(exc)

        self.ctx.worker.run(lambda store: school_settings.set_visit_form_title(store, title), done, failed)

    def _show_failed_courses(self, count: int) -> None:
        self.failed_courses.blockSignals(True)
        self.failed_courses.setValue(count)
        self.failed_courses.blockSignals(False)

    def _failed_courses_changed(self, count: int) -> None:
        self.ctx.worker.run(
            lambda store: school_settings.set_watch_failed_courses(store, count),
            lambda _saved: self._say(self.tr("Saved.")),
            self._failed,
            key="watch-threshold-save",
        )

    def _idle_changed(self, minutes: int) -> None:
        self.ctx.settings.idle_minutes = minutes
        self.ctx.settings.save(self.ctx.data_dir)
        self.ctx.lock.set_idle_minutes(minutes)

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if self.ctx.events is not None and isinstance(code, str):
            self.ctx.events.language_requested.emit(code)

    # -- security -------------------------------------------------------------------------------
    def _change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self)
        self.dialog = dialog
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.clicked.connect(lambda: self._do_change(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def _do_change(self, dialog: ChangePassphraseDialog) -> None:
        old, new = dialog.old.text(), dialog.new.text()
        dialog.set_busy(True)
        vault = self.vault

        def failed(exc: Exception) -> None:
            if isinstance(exc, WrongPassphrase):
                dialog.show_error(self.tr("The current passphrase is not correct."))
            else:
                dialog.show_error(str(exc) if isinstance(exc, StoreError) else type(exc).__name__)

        def done(_r: object) -> None:
            dialog.accept()
            if self.ctx.events is not None:
                self.ctx.events.passphrase_changed.emit()

        self.ctx.worker.run(lambda _store: vault.change_passphrase(old, new), done, failed)

    def _keyring_toggled(self, on: bool) -> None:
        key = self._data_key()
        if key is None:
            return
        vault = self.vault

        def done(enabled: object) -> None:
            self.keyring.blockSignals(True)
            self.keyring.setChecked(bool(enabled))
            self.keyring.blockSignals(False)
            if on and not enabled:
                self._say(self.tr("The keyring of this system could not be used."))

        self.ctx.worker.run(lambda _store: vault.set_keyring(on, key), done, self._failed)

    # -- backups --------------------------------------------------------------------------------
    def _show_backups(self, backups: list[BackupInfo]) -> None:
        self.backups.clear()
        for info in backups:
            self.backups.addItem(f"{info.created_at:%Y-%m-%d %H:%M}　{info.path.name}", str(info.path))
        self.restore_button.setEnabled(bool(backups))

    def _backup(self) -> None:
        self.backup_button.setEnabled(False)
        self._say(self.tr("Backing up…"))

        def done(info: BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self._say(self.tr("Backup saved: %1").replace("%1", str(info.path)))
            self.ctx.worker.run(backups_core.list_backups, self._show_backups, key="backups")

        def failed(exc: Exception) -> None:
            self.backup_button.setEnabled(True)
            self._failed(exc)

        self.ctx.worker.run(backups_core.backup_now, done, failed)

    def _restore(self) -> None:
        path = self.backups.currentData()
        if not isinstance(path, str):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace the current data with this backup? A backup of the current data is taken first. "
                "The app locks afterwards."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_now(path)

    def restore_now(self, path: str) -> None:
        self._say(self.tr("Restoring…"))

        def done(_r: object) -> None:
            if self.ctx.events is not None:
                self.ctx.events.store_replaced.emit()

        key = self._data_key()
        if key is None:
            return
        data_dir = self.ctx.data_dir
        self.ctx.worker.run_closed(
            lambda: backups_core.restore_backup(data_dir, Path(path), key), done, self._failed
        )
