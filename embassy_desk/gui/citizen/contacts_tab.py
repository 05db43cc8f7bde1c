"""The record's contact log tab: every call, visit and message, newest first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import vocab_labels
from embassy_desk.gui.citizen.date_field import display_date, display_time
from embassy_desk.gui.citizen.table_tab import RowTable, empty_label
from embassy_desk.services.contacts import ContactEntry, contact_history
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import staff_names


class ContactsTab(QWidget):
    log_requested = Signal()

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._entries: list[ContactEntry] = []
        self._staff: dict[str, str] = {}
        self.empty = empty_label(self)
        self.table = RowTable(self)
        self.log_button = QPushButton(self)
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(self.log_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
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
        self.log_button.setText(self.tr("Log contact (Ctrl+L)"))
        self.empty.setText(self.tr("No contact logged yet."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        try:
            self._entries = contact_history(self._session, self._citizen_id)
            self._staff = staff_names(self._session)
        except EmbassyDeskError as exc:
            self._entries = []
            self.empty.setText(str(exc))
        self._show()

    def _show(self) -> None:
        channels, directions = vocab_labels.channel_labels(), vocab_labels.direction_labels()
        outcomes, welfare = vocab_labels.outcome_labels(), vocab_labels.welfare_labels()
        rows = [
            (
                e.id,
                [
                    display_time(e.at),
                    channels.get(e.channel, e.channel),
                    directions.get(e.direction, e.direction),
                    outcomes.get(e.outcome, e.outcome),
                    welfare.get(e.welfare_status, e.welfare_status) if e.welfare_status else "",
                    self._staff.get(e.staff, e.staff),
                    display_date(e.follow_up_due),
                    e.note,
                ],
            )
            for e in self._entries
        ]
        self.table.set_rows(rows)
        self.empty.setVisible(not rows)
