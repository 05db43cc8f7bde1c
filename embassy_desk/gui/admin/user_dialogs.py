"""Dialogs to add a staff account and to set a new passphrase."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.passphrase import check_passphrase
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.roles import role_name
from embassy_desk.gui.widgets import named


class _PassphraseFields:
    def __init__(self, form: QFormLayout, dialog: QDialog) -> None:
        self.passphrase = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "newPassphrase")
        self.repeat = named(QLineEdit(echoMode=QLineEdit.EchoMode.Password), "newPassphraseRepeat")
        self.problem = named(QLabel(wordWrap=True), "passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        form.addRow(QCoreApplication.translate("PassphraseFields", "Passphrase:"), self.passphrase)
        form.addRow(QCoreApplication.translate("PassphraseFields", "Repeat it:"), self.repeat)
        form.addRow(self.problem)
        self._dialog = dialog

    def check(self, username: str) -> bool:
        try:
            check_passphrase(self.passphrase.text(), username=username or None)
        except ValidationError as exc:
            self.problem.setText(error_text(exc.message))
            return False
        if self.passphrase.text() != self.repeat.text():
            self.problem.setText(
                QCoreApplication.translate("PassphraseFields", "The two passphrases are not the same.")
            )
            return False
        self.problem.clear()
        return True


class AddUserDialog(QDialog):
    """User name, full name, role and a first passphrase for a new staff account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.setWindowTitle(self.tr("Add a staff account"))
        self.username = named(QLineEdit(), "newUsername")
        self.display_name = named(QLineEdit(), "newDisplayName")
        self.role = named(QComboBox(), "newRole")
        for role in (Role.CLERK, Role.OFFICER, Role.VIEWER, Role.ADMINISTRATOR):
            self.role.addItem(role_name(role), role.value)
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        self.secret = _PassphraseFields(form, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_role(self) -> Role:
        return Role(str(self.role.currentData()))

    def accept(self) -> None:
        if self.secret.check(self.username.text().strip().casefold()):
            super().accept()


class PassphraseDialog(QDialog):
    """A new passphrase for ``username``, typed twice."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.username = username
        self.setWindowTitle(self.tr("New passphrase for %1").replace("%1", username))
        form = QFormLayout(self)
        self.secret = _PassphraseFields(form, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.secret.check(self.username):
            super().accept()
