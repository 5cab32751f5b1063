"""设置 → 中心服务器: the server address and the account; logging in registers this computer as a device
(through the sync engine); signing out forgets its token; the sync log can be exported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.app import sync_jobs
from desktop.app.sync_jobs import Account, SyncStatus
from desktop.store.errors import StoreError
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.sync.sync_controller import SyncController
from sync.server_address import address_problem


class ServerAccountPanel(QGroupBox):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Center server"))
        self.setObjectName("serverAccountPanel")
        self.controller = controller
        form = QFormLayout(self)
        self.server = QLineEdit(self)
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText("https://jiafang.example.edu.cn")
        form.addRow(self.tr("Server address"), self.server)
        self.username = QLineEdit(self)
        self.username.setObjectName("serverUser")
        form.addRow(self.tr("User name"), self.username)
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.log_in)
        form.addRow(self.tr("Password"), self.password)
        self.ca_file = QLineEdit(self)
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setPlaceholderText(self.tr("Only if your college uses its own certificate authority"))
        self.ca_browse = QPushButton(self.tr("Choose…"), self)
        self.ca_browse.setObjectName("serverCaBrowse")
        self.ca_browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        form.addRow(self.tr("CA certificate"), ca_row)
        self.pin = QCheckBox(
            self.tr("Pin the server's certificate (refuse any other certificate later)"), self
        )
        self.pin.setObjectName("pinCertificate")
        form.addRow("", self.pin)
        self.aggregate_only = QCheckBox(
            self.tr("Aggregate-only mode (school center: no student records on this computer)"),
            self,
        )
        self.aggregate_only.setObjectName("aggregateOnly")
        form.addRow("", self.aggregate_only)
        self.login_button = QPushButton(self.tr("Log in and register this computer"), self)
        self.login_button.setObjectName("serverLogin")
        self.login_button.clicked.connect(self.log_in)
        self.sign_out_button = QPushButton(self.tr("Sign out on this computer"), self)
        self.sign_out_button.setObjectName("serverSignOut")
        self.sign_out_button.clicked.connect(controller.sign_out)
        buttons = QHBoxLayout()
        buttons.addWidget(self.login_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.state = QLabel(self)
        self.state.setObjectName("serverAccountState")
        self.state.setWordWrap(True)
        form.addRow(self.tr("Account"), self.state)
        self.certificate = QLabel(self)
        self.certificate.setObjectName("serverCertificate")
        self.certificate.setWordWrap(True)
        self.certificate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.forget_pin_button = QPushButton(self.tr("Forget the pinned certificate"), self)
        self.forget_pin_button.setObjectName("forgetPinnedCertificate")
        self.forget_pin_button.setToolTip(
            self.tr("Only after the center renewed its certificate and you checked the new fingerprint")
        )
        self.forget_pin_button.clicked.connect(controller.forget_pinned_certificate)
        self.forget_pin_button.setVisible(False)
        certificate_row = QHBoxLayout()
        certificate_row.addWidget(self.certificate, 1)
        certificate_row.addWidget(self.forget_pin_button)
        form.addRow(self.tr("Server certificate"), certificate_row)
        self.export_log_button = QPushButton(self.tr("Export sync log…"), self)
        self.export_log_button.setObjectName("exportSyncLog")
        self.export_log_button.clicked.connect(self._export_log)
        form.addRow(self.tr("Sync log"), self.export_log_button)
        self.message = QLabel(self)
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        form.addRow("", self.message)

        controller.status_changed.connect(self.show_status)
        controller.logged_in.connect(self._logged_in)
        controller.login_failed.connect(self._login_failed)
        if controller.status is not None:
            self.show_status(controller.status)

    # -- state --------------------------------------------------------------------------------------
    def show_status(self, status: SyncStatus) -> None:
        if status.server and not self.server.text():
            self.server.setText(status.server)
        if status.username and not self.username.text():
            self.username.setText(status.username)
        if status.connected:
            self.state.setText(
                self.tr("Logged in to %1 as %2").replace("%1", status.server).replace("%2", status.username)
            )
        else:
            self.state.setText(self.tr("Not logged in"))
        if status.trusted_ca:
            self.ca_file.setPlaceholderText(
                self.tr("Trusted: %1 (choose another file to replace it)").replace("%1", status.trusted_ca)
            )
        self.sign_out_button.setEnabled(status.connected)
        self.aggregate_only.setChecked(status.aggregate_only)
        self.show_certificate(status.certificate, status.pinned)

    def show_certificate(self, fingerprint: str | None, pinned: bool) -> None:
        self.forget_pin_button.setVisible(pinned)
        if not fingerprint:
            self.certificate.setText(self.tr("None (not an https connection)"))
        elif pinned:
            self.certificate.setText(self.tr("SHA-256 %1 (pinned)").replace("%1", fingerprint))
        else:
            self.certificate.setText(self.tr("SHA-256 %1 (not pinned)").replace("%1", fingerprint))

    def clear(self) -> None:
        self.password.clear()
        self.message.clear()
        self.state.clear()

    # -- login --------------------------------------------------------------------------------------
    def log_in(self) -> None:
        server, user, password = (
            self.server.text().strip(),
            self.username.text().strip(),
            self.password.text(),
        )
        if not server.startswith(("http://", "https://")):
            self.message.setText(self.tr("Please enter the server address, starting with https://"))
            return
        if address_problem(server) is not None:
            self.message.setText(
                self.tr(
                    "Refused: over http:// the user name, the password and the student records would cross "
                    "the network in clear text, readable by anyone on the campus network. "
                    "Use the center's https:// address."
                )
            )
            return
        if not user or not password:
            self.message.setText(self.tr("Please enter the user name and the password."))
            return
        self.login_button.setEnabled(False)
        self.message.setText(self.tr("Logging in…"))
        # The center names this computer after the user ("王丽的电脑"); jiafang login --device-name renames it.
        self.controller.login(
            server,
            user,
            password,
            "",
            pin=self.pin.isChecked(),
            ca_file=self.ca_file.text().strip(),
            aggregate_only=self.aggregate_only.isChecked(),
        )

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("College CA certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _logged_in(self, account: Account) -> None:
        self.aggregate_only.setChecked(account.aggregate_only)
        self.password.clear()
        self.ca_file.clear()
        self.login_button.setEnabled(True)
        self.message.setText(
            self.tr("Logged in as %1 (%2). This computer is registered; you can sync now.")
            .replace("%1", account.display_name)
            .replace("%2", account.role.label)
        )
        if account.certificate:
            self.message.setText(
                self.message.text()
                + " "
                + self.tr(
                    "Compare the certificate's SHA-256 fingerprint with the one the center published: %1"
                ).replace("%1", account.certificate)
            )
        self.show_certificate(account.certificate, account.pinned)
        self.pin.setChecked(False)

    def _login_failed(self, message: str) -> None:
        self.password.clear()
        self.login_button.setEnabled(True)
        self.message.setText(self.tr("Login failed: %1").replace("%1", message))

    # -- sync log -----------------------------------------------------------------------------------
    def _export_log(self) -> None:
        path = ask_save_path(
            self, self.tr("Export sync log"), "jiafang-sync-log.txt", self.tr("Text files (*.txt)")
        )
        if path is not None:
            self.export_log_to(path)

    def export_log_to(self, path: Path) -> None:
        def done(lines: int) -> None:
            self.message.setText(
                self.tr("Sync log saved (%1 lines): %2").replace("%1", str(lines)).replace("%2", str(path))
            )

        def failed(error: Exception) -> None:
            detail = str(error) if isinstance(error, StoreError) else type(error).__name__
            self.message.setText(self.tr("The sync log could not be saved (%1).").replace("%1", detail))

        self.controller.ctx.worker.run(lambda store: sync_jobs.export_sync_log(store, path), done, failed)
