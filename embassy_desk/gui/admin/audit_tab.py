"""The audit log: the latest entries and "Verify chain"."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import error_text, show_error
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.gui.widgets import named
from embassy_desk.services import audit_log, integrity
from embassy_desk.services.audit_log import AuditEntry
from embassy_desk.services.session import Session

SHOWN = 500


class AuditTab(QWidget):
    """Read-only view of the last audit entries (they name records by id, never by personal data)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.table = named(QTableWidget(0, 6), "auditTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = named(QPushButton(), "refreshAudit")
        self.verify_button = named(QPushButton(), "verifyChain")
        self.result = named(QLabel(wordWrap=True), "verifyResult")
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self._loaded = False
        self._entries: list[AuditEntry] = []
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        # Read on first view, not when the section is built: signing in stays quick.
        if not self._loaded:
            self._loaded = True
            self.refresh()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Details"),
            ]
        )
        self.refresh_button.setText(self.tr("&Refresh"))
        self.verify_button.setText(self.tr("&Verify chain"))
        if self._entries:
            self._show_entries()  # what is on screen, reworded; nothing is read again

    def action_labels(self) -> dict[str, str]:
        """What each audited action is called on screen (the stored name stays in the tooltip)."""
        return {
            "workstation.init": self.tr("Workstation set up"),
            "login": self.tr("Signed in"),
            "login.failed": self.tr("Sign-in refused"),
            "lock": self.tr("Locked"),
            "citizen.create": self.tr("Citizen registered"),
            "citizen.edit": self.tr("Citizen edited"),
            "citizen.delete": self.tr("Citizen deleted"),
            "citizen.merge": self.tr("Records merged"),
            "duplicate.dismiss": self.tr("Marked as not a duplicate"),
            "household.create": self.tr("Household created"),
            "contact.log": self.tr("Contact logged"),
            "case.open": self.tr("Assistance case opened"),
            "case.update": self.tr("Assistance case updated"),
            "notice.issue": self.tr("Notice issued"),
            "notice.batch": self.tr("Notices issued"),
            "notice.reprint": self.tr("Notice printed again"),
            "notice.cancel": self.tr("Notice cancelled"),
            "registry.import": self.tr("Import"),
            "registry.export": self.tr("Export"),
            "settings.edit": self.tr("Settings changed"),
            "settings.notice_post": self.tr("Embassy details changed"),
            "user.add": self.tr("Account added"),
            "user.disable": self.tr("Account disabled"),
            "user.reopen": self.tr("Account reopened"),
            "user.passwd": self.tr("Passphrase changed"),
            "user.recover": self.tr("Passphrase reset with the recovery code"),
            "user.remember": self.tr("Remembered on this workstation"),
            "user.forget": self.tr("Forgotten by this workstation"),
            "backup.create": self.tr("Backup made"),
            "backup.restore": self.tr("Backup restored"),
            "integrity.check": self.tr("Integrity checked"),
            "security.rekey": self.tr("Data key changed"),
            "security.rekey.resumed": self.tr("Data key change finished"),
            "schema.migrate": self.tr("Database upgraded"),
            "audit.view": self.tr("Audit log viewed"),
        }

    def entity_labels(self) -> dict[str, str]:
        return {
            "citizen": self.tr("citizen"),
            "case": self.tr("case"),
            "user": self.tr("account"),
            "notice": self.tr("notice"),
            "household": self.tr("household"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the latest entries, newest first."""
        try:
            entries = audit_log.recent_entries(self._session, limit=SHOWN)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self._entries = entries
        self._show_entries()

    def _show_entries(self) -> None:
        entries = self._entries
        self.table.setRowCount(len(entries))
        actions, entities = self.action_labels(), self.entity_labels()
        for row, entry in enumerate(entries):
            entity = entities.get(entry.entity, entry.entity)
            record = f"{entity} {entry.entity_id}".strip()
            details = "" if entry.details == "{}" else entry.details
            values = (
                str(entry.seq),
                display_time(entry.at),
                entry.actor,
                actions.get(entry.action, entry.action),
                record,
                details,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setToolTip(entry.action)  # the stable name, as scripts and exports know it
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def verify(self) -> None:
        """Recompute the whole hash chain and say whether it is intact."""
        try:
            report = integrity.verify_audit_chain(self._session)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        if report.ok:
            self.result.setStyleSheet("color: #1b5e20;")
            self.result.setText(
                self.tr("The audit chain of %1 entries is intact.").replace(
                    "%1", format_number(report.entries)
                )
            )
        else:
            self.result.setStyleSheet("color: #b00020;")
            self.result.setText(
                self.tr("The audit log was tampered with: %1").replace("%1", error_text(report.problem or ""))
            )
