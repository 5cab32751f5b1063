"""First run: a passphrase (twice, with a strength hint), the school's name, the user's name and role."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.app.unlock import FirstRunAnswers
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.screen_fit import fit_to_screen
from desktop.ui.unlock.passphrase_strength import Strength, hint_for, problems_of, rejection_text, strength_of
from sync.records.enums import Role


class PassphrasePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr(
                "Your records are encrypted on this computer. The passphrase opens them; "
                "if it is lost, no one can recover data that has not been synced."
            )
        )
        form = QFormLayout(self)
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel(self)
        self.strength.setObjectName("strengthHint")
        self.mismatch = QLabel(self)
        self.mismatch.setStyleSheet("color: #b3261e;")
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Repeat"), self.second)
        form.addRow("", self.strength)
        form.addRow("", self.mismatch)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.strength.setWordWrap(True)
        self.strength.setText(hint_for(self.first.text()))
        differs = bool(self.second.text()) and self.second.text() != self.first.text()
        self.mismatch.setText(self.tr("The two passphrases differ.") if differs else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.first.text()
        return strength_of(text) != Strength.REJECTED and text == self.second.text()


class ProfilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("About you"))
        self.setSubTitle(self.tr("These appear on printed forms; you can change them later in Settings."))
        form = QFormLayout(self)
        self.school = QLineEdit(self)
        self.school.setObjectName("schoolName")
        self.user = QLineEdit(self)
        self.user.setObjectName("userName")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role.label, role.value)
        form.addRow(self.tr("School"), self.school)
        form.addRow(self.tr("Your name"), self.user)
        form.addRow(self.tr("Your role"), self.role)
        self.problem = QLabel(self)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        form.addRow("", self.problem)
        self.school.textChanged.connect(self.completeChanged)
        self.user.textChanged.connect(self.completeChanged)
        self.passphrase = ""  # set by the wizard: checked against the names typed here

    def isComplete(self) -> bool:
        return bool(self.school.text().strip()) and bool(self.user.text().strip())

    def validatePage(self) -> bool:
        """The passphrase must not lean on the school's or the user's name (the store checks the same)."""
        problems = problems_of(self.passphrase, (self.school.text().strip(), self.user.text().strip()))
        self.problem.setText(rejection_text(problems) if problems else "")
        return not problems


class FirstRunWizard(QWizard):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("Welcome to JiaFang"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.passphrase_page = PassphrasePage(self)
        self.profile_page = ProfilePage(self)
        self.addPage(self.passphrase_page)
        self.addPage(self.profile_page)
        self.passphrase_page.first.textChanged.connect(self._passphrase_typed)
        fit_to_screen(self, QSize(560, 380))
        name_controls(self)

    def _passphrase_typed(self, text: str) -> None:
        self.profile_page.passphrase = text

    def answers(self) -> FirstRunAnswers:
        return FirstRunAnswers(
            passphrase=self.passphrase_page.first.text(),
            school_name=self.profile_page.school.text().strip(),
            user_name=self.profile_page.user.text().strip(),
            role=Role(self.profile_page.role.currentData()),
        )
