"""The review queue of phone numbers citizens reported ("my phone number has changed"): who, the
numbers on record, the new one, when and how it came. Nothing is applied by itself: someone who can
edit the register applies a number (it becomes the person's first mobile; the old ones stay) or
dismisses it (a mistake, a prank, a number we already have)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.formatting import display_time
from embassy_desk.gui.widgets import named
from embassy_desk.services import checkin
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

COLUMNS = 5  # person, numbers on record, reported number, when, source


class PhoneQueue(QGroupBox):
    """The pending reported numbers with Apply and Dismiss; ``resolved`` carries the change's id."""

    resolved = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinPhonesPanel")
        self._session = session
        self.may_review = is_allowed(session.role, Action.CHECKIN_PHONES)
        self.pending: list[checkin.PendingPhoneChange] = []
        self.table = named(QTableWidget(0, COLUMNS, self), "checkinPhones")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.empty = named(QLabel(self), "checkinPhonesEmpty")
        self.apply_button = named(QPushButton(self), "checkinPhoneApply")
        self.dismiss_button = named(QPushButton(self), "checkinPhoneDismiss")
        self.apply_button.clicked.connect(self.apply_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.table.itemSelectionChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    # -- reading

    def refresh(self) -> None:
        """Read the pending numbers again, keeping the selected one selected if it is still there."""
        if not self.may_review:
            self.pending = []
            self._fill()
            return
        chosen = self.selected()
        try:
            self.pending = checkin.pending_phone_changes(self._session)
        except EmbassyDeskError:
            self.pending = []
        self._fill(chosen.id if chosen else None)

    def _fill(self, keep: str | None = None) -> None:
        self.table.setRowCount(len(self.pending))
        sources = self._source_words()
        for row, change in enumerate(self.pending):
            cells = [
                change.name or self.tr("(no longer on the register)"),
                "  ".join(change.phones) or self.tr("none"),
                change.phone,
                display_time(change.reported_at),
                sources.get(change.source, change.source),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, change.id)
                if column == 2:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
            if change.id == keep:
                self.table.selectRow(row)
        if keep is None and self.pending:
            self.table.selectRow(0)
        self._update()

    def selected(self) -> checkin.PendingPhoneChange | None:
        """The reported number whose row is selected."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or not 0 <= rows[0].row() < len(self.pending):
            return None
        return self.pending[rows[0].row()]

    def _update(self) -> None:
        has = self.selected() is not None and self.may_review
        self.apply_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)
        self.empty.setVisible(not self.pending)
        self.table.setVisible(bool(self.pending))
        self._empty_text()

    # -- deciding

    def apply_selected(self) -> None:
        """Add the reported number to the person's phones as their first mobile."""
        change = self.selected()
        if change is not None:
            self._decide(change, apply=True)

    def dismiss_selected(self) -> None:
        """Drop the reported number without touching the person's record."""
        change = self.selected()
        if change is not None:
            self._decide(change, apply=False)

    def _decide(self, change: checkin.PendingPhoneChange, *, apply: bool) -> None:
        try:
            if apply:
                checkin.apply_phone_change(self._session, change.id)
            else:
                checkin.dismiss_phone_change(self._session, change.id)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            self.refresh()  # another workstation may have decided it meanwhile
            return
        message = (
            self.tr("{phone} is now {name}'s first mobile number.")
            if apply
            else self.tr("The number {phone} reported for {name} was dismissed.")
        ).format(phone=change.phone, name=change.name)
        self.refresh()
        self.resolved.emit(change.id)
        notify(
            DataChange(
                frozenset({Kind.CITIZENS}) if apply else frozenset(),
                (change.citizen_id,),
                message=message,
                origin=self,
            )
        )

    # -- texts

    def _source_words(self) -> dict[str, str]:
        return {"web": self.tr("check-in page"), "sms": self.tr("SMS")}

    def _empty_text(self) -> None:
        if not self.may_review:
            self.empty.setText(self.tr("Staff who edit the register review the reported numbers."))
        else:
            self.empty.setText(self.tr("No reported phone number waits for review."))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Phone numbers citizens reported"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Numbers on record"),
                self.tr("Reported number"),
                self.tr("When"),
                self.tr("How"),
            ]
        )
        self.apply_button.setText(self.tr("A&pply: make it the first mobile"))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self._empty_text()
        if self.pending:
            chosen = self.selected()
            self._fill(chosen.id if chosen else None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
