"""The record's history tab: who created, edited, merged or logged what, from the audit log."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen import labels
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RowTable, empty_label
from embassy_desk.services.history import HistoryEntry, record_history
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import staff_names

# Stored column names that the form shows under another field's label.
_FIELD_ALIASES = {
    "phones": "phone",
    "emergency_contact": "emergency_contact_name",
    "household_id": "household",
}


class HistoryTab(QWidget):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._entries: list[HistoryEntry] = []
        self._staff: dict[str, str] = {}
        self.empty = empty_label(self)
        self.table = RowTable(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        self.empty.setText(self.tr("No history recorded."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        try:
            self._entries = record_history(self._session, self._citizen_id)
            self._staff = staff_names(self._session)
        except EmbassyDeskError as exc:
            self._entries = []
            self.empty.setText(str(exc))
        self._show()

    def _what(self, entry: HistoryEntry) -> str:
        if entry.action == "citizen.create" and entry.details.get("source") == "import":
            return self.tr("Registered by import")
        names = {
            "citizen.create": self.tr("Registered"),
            "citizen.edit": self.tr("Edited"),
            "citizen.merge": self.tr("Merged with another record"),
            "duplicate.dismiss": self.tr("Marked as not a duplicate"),
            "contact.log": self.tr("Contact logged"),
            "case.open": self.tr("Assistance case opened"),
            "case.update": self.tr("Assistance case updated"),
            "citizen.delete": self.tr("Deleted"),
        }
        return names.get(entry.action, entry.action)

    def _details(self, entry: HistoryEntry) -> str:
        if entry.fields:
            field_names = labels.field_labels()
            shown = [field_names.get(_FIELD_ALIASES.get(f, f), f) for f in entry.fields]
            return self.tr("Changed: {fields}").format(fields=", ".join(dict.fromkeys(shown)))
        if entry.details.get("duplicate_override"):
            return self.tr("Saved although it looked like a duplicate")
        return ""

    def _show(self) -> None:
        # Newest first, as staff read a history.
        rows = [
            (
                str(e.seq),
                [display_time(e.at), self._staff.get(e.actor, e.actor), self._what(e), self._details(e)],
            )
            for e in reversed(self._entries)
        ]
        self.table.set_rows(rows)
        self.empty.setVisible(not rows)

    def what_texts(self) -> list[str]:
        """What each row says happened, newest first (what the user reads in the "What" column)."""
        return self.table.column_texts(2)
