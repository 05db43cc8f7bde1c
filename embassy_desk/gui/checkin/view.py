"""The Check-in screen (issue 14): where citizens' own answers start and what they leave to review.

Three panels, top to bottom: headquarters' public address (check-in is on once an administrator sets it),
the links for a campaign, a region or everyone (to a CSV for the SMS gateway), and the phone numbers
citizens reported, each waiting for someone to apply or dismiss it. A line of figures sits on top:
links made, answers received, numbers to review.

Answers arrive with sync (HQ writes them into the post's log), so the screen reads its figures and
the queue again when sync brings changes, as every view does (``gui/data_events``), and on showing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.checkin.address import AddressPanel
from embassy_desk.gui.checkin.links import LinksPanel
from embassy_desk.gui.checkin.phones import PhoneQueue
from embassy_desk.gui.data_events import DataChange, Kind, data_events
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.widgets import named, screen_heading
from embassy_desk.services import checkin
from embassy_desk.services.checkin import CheckinStatus
from embassy_desk.services.session import Session

DEBOUNCE_MS = 300
# Sync brings answers as citizen, contact, case and phone-change records: any of these kinds.
WATCHED = frozenset({Kind.CITIZENS, Kind.CONTACTS, Kind.CAMPAIGNS, Kind.CASES})


class CheckinView(QWidget):
    """The Check-in screen of one session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinView")
        self._session = session
        self.status: CheckinStatus | None = None
        self._stale = True
        self.runner = TaskRunner(self)

        self.heading = screen_heading(self, "checkinHeading")
        self.figures = named(QLabel(self), "checkinFigures")
        self.figures.setWordWrap(True)
        self.address = AddressPanel(session, self)
        self.links = LinksPanel(session, self.runner, self)
        self.phones = PhoneQueue(session, self)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(self.address)
        column.addWidget(self.links)
        column.addWidget(self.phones, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures)
        layout.addWidget(scroll, 1)

        self.address.changed.connect(lambda _address: self.refresh())
        self.links.written.connect(lambda _result: self.refresh())
        self.phones.resolved.connect(lambda _id: self.refresh())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        data_events().changed.connect(self._data_changed)
        self.retranslate()
        self.refresh()

    # -- refreshing

    def _data_changed(self, change: object) -> None:
        if self._session.locked or not isinstance(change, DataChange) or change.origin is self.phones:
            return
        if change.kinds & WATCHED:
            self._stale = True
            if self.isVisible():
                self._debounce.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the figures and the review queue again (small reads: a few counts and the pending few)."""
        if self._session.locked:
            return
        self._stale = False
        try:
            self.status = checkin.checkin_status(self._session)
        except EmbassyDeskError:
            self.status = None
        address = self.status.public_address if self.status else None
        self.address.show_address(address)
        self.links.set_enabled(address is not None)
        self.links.load_campaigns()
        self.phones.refresh()
        self._figures_text()

    def _figures_text(self) -> None:
        status = self.status
        if status is None:
            self.figures.setText("")
            return
        by = status.answers_by_outcome
        self.figures.setText(
            self.tr(
                "Links made: {links} ({live} still valid) · answers received: {answers} ({safe} safe,"
                " {help} need help) · phone numbers to review: {phones}"
            ).format(
                links=format_number(status.links),
                live=format_number(status.live_links),
                answers=format_number(status.answers),
                safe=format_number(by.get("safe", 0)),
                help=format_number(by.get("needs_assistance", 0)),
                phones=format_number(status.pending_phones),
            )
        )

    # -- texts

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Check-in: citizens answer themselves"))
        self._figures_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """Before the session locks: no refresh pending, the export (if any) finished."""
        self._debounce.stop()
        self.runner.wait()
