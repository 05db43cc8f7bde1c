"""Staff accounts: list, add, change a passphrase, disable, reopen after a lock-out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.admin.user_dialogs import AddUserDialog, PassphraseDialog
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.roles import role_name
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import users
from embassy_desk.services.session import Session, StaffUser


class UsersTab(QWidget):
    """The staff accounts of this workstation."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._users: list[StaffUser] = []
        self.runner = TaskRunner(self)
        self.table = named(QTableWidget(0, 4), "usersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = named(QPushButton(), "addUser")
        self.passphrase_button = named(QPushButton(), "changePassphrase")
        self.disable_button = named(QPushButton(), "disableUser")
        self.reopen_button = named(QPushButton(), "reopenUser")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.passphrase_button, self.disable_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.disable_button.clicked.connect(self.disable)
        self.reopen_button.clicked.connect(self.reopen)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status")]
        )
        self.add_button.setText(self.tr("&Add…"))
        self.passphrase_button.setText(self.tr("&New passphrase…"))
        self.disable_button.setText(self.tr("&Disable"))
        self.reopen_button.setText(self.tr("&Reopen after lock-out"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the accounts again."""
        try:
            self._users = users.list_users(self._session)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            self._users = []
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            status = self.tr("disabled") if user.disabled else self.tr("active")
            for column, text in enumerate((user.username, user.display_name, role_name(user.role), status)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> StaffUser | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._users[rows.pop()] if len(rows) == 1 else None

    def select(self, username: str) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected()
        self.passphrase_button.setEnabled(user is not None and not user.disabled)
        self.disable_button.setEnabled(
            user is not None and not user.disabled and user.username != self._session.user.username
        )
        self.reopen_button.setEnabled(user is not None and not user.disabled)

    def _run(self, work: Callable[[], Any], title: str, done: str) -> None:
        # Adding an account or a passphrase runs the key derivation: keep the window responsive.
        task = self.runner.start(lambda _p: work(), title=title, cancellable=False)

        def finished(_result: object) -> None:
            self.refresh()
            QMessageBox.information(self, title, done)

        task.finished.connect(finished)

    def add(self) -> None:
        dialog = AddUserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session, name = self._session, dialog.username.text().strip()
        display, role, secret = (
            dialog.display_name.text().strip(),
            dialog.chosen_role(),
            dialog.secret.passphrase.text(),
        )
        self._run(
            lambda: users.add_user(
                session, username=name, display_name=display, role=role, passphrase=secret
            ),
            self.tr("Add a staff account"),
            self.tr("The account %1 was added.").replace("%1", name),
        )

    def change_passphrase(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PassphraseDialog(user.username, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        session, secret = self._session, dialog.secret.passphrase.text()
        self._run(
            lambda: users.change_passphrase(session, username=user.username, new_passphrase=secret),
            self.tr("New passphrase"),
            self.tr("The passphrase of %1 was changed.").replace("%1", user.username),
        )

    def disable(self) -> None:
        user = self.selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable account"),
            self.tr("Disable %1? Their passphrase will no longer open anything.").replace(
                "%1", user.username
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            users.disable_user(self._session, username=user.username)
        except EmbassyDeskError as exc:
            show_error(self, exc)
        self.refresh()

    def reopen(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            users.reopen_account(self._session, username=user.username)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Reopen account"),
            self.tr("%1 can sign in again.").replace("%1", user.username),
        )
