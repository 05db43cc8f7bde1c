"""The record's history tab: who created, edited, merged or logged what, from the audit log."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embassy_desk.gui.citizen import labels
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RecordTab
from embassy_desk.services.history import HistoryEntry, record_history
from embassy_desk.services.session import Session

# Stored column names that the form shows under another field's label.
_FIELD_ALIASES = {
    "phones": "phone",
    "emergency_contact": "emergency_contact_name",
    "household_id": "household",
}


class HistoryTab(RecordTab[HistoryEntry]):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, citizen_id, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        super().retranslate()

    def none_text(self) -> str:
        return self.tr("No history recorded.")

    def read(self) -> list[HistoryEntry]:
        # Newest first, as staff read a history.
        return list(reversed(record_history(self._session, self._citizen_id)))

    def row(self, item: HistoryEntry) -> tuple[str, list[str]]:
        return str(item.seq), [
            display_time(item.at),
            self.staff_name(item.actor),
            self._what(item),
            self._details(item),
        ]

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

    def what_texts(self) -> list[str]:
        """What each row says happened, newest first (what the user reads in the "What" column)."""
        return self.table.column_texts(2)
