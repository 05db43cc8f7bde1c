"""The record's contact log tab: every call, visit and message, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from embassy_desk.domain.enums import Channel
from embassy_desk.gui import vocab_labels
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RecordTab
from embassy_desk.gui.formatting import display_due
from embassy_desk.services.contacts import ContactEntry, contact_history
from embassy_desk.services.session import Session


class ContactsTab(RecordTab[ContactEntry]):
    # No button of its own: the record's "Log contact (Ctrl+L)" sits right under this list.

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, citizen_id, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers(
            [
                self.tr("When"),
                self.tr("Channel"),
                self.tr("Direction"),
                self.tr("Outcome"),
                self.tr("Welfare reported"),
                self.tr("By"),
                self.tr("Follow-up"),
                self.tr("Note"),
            ]
        )
        super().retranslate()

    def none_text(self) -> str:
        return self.tr("No contact logged yet.")

    def read(self) -> list[ContactEntry]:
        return contact_history(self._session, self._citizen_id)

    def row(self, item: ContactEntry) -> tuple[str, list[str]]:
        channels, directions = vocab_labels.channel_labels(), vocab_labels.direction_labels()
        outcomes, welfare = vocab_labels.outcome_labels(), vocab_labels.welfare_labels()
        return item.id, [
            display_time(item.at),
            channels.get(item.channel, item.channel),
            directions.get(item.direction, item.direction),
            outcomes.get(item.outcome, item.outcome),
            welfare.get(item.welfare_status, item.welfare_status) if item.welfare_status else "",
            # HQ writes a check-in for the citizen's own answer (issue 14): nobody at the post logged it.
            self.tr("the citizen") if item.channel is Channel.CHECK_IN else self.staff_name(item.staff),
            display_due(item.follow_up_due),
            item.note,
        ]
