"""The Administration section: one tab per concern."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from embassy_desk.gui.admin.audit_tab import AuditTab
from embassy_desk.gui.admin.backup_tab import BackupTab
from embassy_desk.gui.admin.settings_tab import SettingsTab
from embassy_desk.gui.admin.users_tab import UsersTab
from embassy_desk.gui.widgets import named
from embassy_desk.services.session import Session


class AdminView(QWidget):
    """Users and roles, idle lock and keyring, audit log, backups. ``settings_changed`` after a save."""

    settings_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = named(QTabWidget(), "adminTabs")
        self.users = UsersTab(session)
        self.settings = SettingsTab(session)
        self.audit = AuditTab(session)
        self.backups = BackupTab(session)
        for tab in (self.users, self.settings, self.audit, self.backups):
            self.tabs.addTab(tab, "")
        self.settings.saved.connect(self.settings_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for index, title in enumerate(
            (
                self.tr("Users and roles"),
                self.tr("Workstation settings"),
                self.tr("Audit log"),
                self.tr("Backups"),
            )
        ):
            self.tabs.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
