"""Follow-ups: the calls to make, one line per citizen, earliest due first.

A follow-up has a day and (since contacts record one) a time. The list shows one range at a time:
today and overdue (the default), tomorrow, overdue and this week, or days the officer chooses;
when a range is empty it says so and names the next follow-up after it, if there is one.
A follow-up is open until someone logs a newer contact with that citizen. Enter opens the record,
Ctrl+L logs the call (and the line goes away unless the new contact sets another follow-up due).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.citizen.date_field import display_date
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.formatting import QT_DATE_FORMAT
from embassy_desk.gui.open_dialogs import CITIZEN, show_record
from embassy_desk.gui.registry.messages import show_error
from embassy_desk.services import browse, contacts
from embassy_desk.services.browse import BrowseRow
from embassy_desk.services.contacts import ContactEntry
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# How far ahead "the next follow-up" of an empty range is looked for (rows read, not days).
_NEXT_SCAN = 500


class DueRange(StrEnum):
    """Which follow-ups the list shows."""

    DUE = "due"  # today and overdue
    TOMORROW = "tomorrow"
    WEEK = "week"  # overdue, and the rest of this week (to Sunday)
    CHOSEN = "chosen"  # the days in the two date fields


def range_days(choice: DueRange, today: date, chosen: tuple[date, date]) -> tuple[date | None, date]:
    """First and last day of a range (None: no first day, overdue included)."""
    if choice is DueRange.TOMORROW:
        return today + timedelta(days=1), today + timedelta(days=1)
    if choice is DueRange.WEEK:
        return None, today + timedelta(days=6 - today.weekday())
    if choice is DueRange.CHOSEN:
        first, last = chosen
        return (first, last) if first <= last else (last, first)
    return None, today


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up: the contact that asked for it and the citizen to call."""

    entry: ContactEntry
    citizen: BrowseRow

    @property
    def due(self) -> str:
        return self.entry.follow_up_due or ""

    def is_overdue(self, now: datetime) -> bool:
        """Past its time; one with a day only is overdue from the next day."""
        day, moment = contacts.read_due(self.due)
        return moment < now if moment is not None else day < now.date()


def due_label(stored: str) -> str:
    """A follow-up's day as dates are shown, and its time when it has one."""
    try:
        day, moment = contacts.read_due(stored)
    except ValueError:
        return stored
    text = display_date(day.isoformat())
    return f"{text} {moment:%H:%M}" if moment is not None else text


def _open(session: Session, entries: list[ContactEntry]) -> list[FollowUp]:
    citizens = browse.rows_by_id(session, list(dict.fromkeys(e.citizen_id for e in entries)))
    latest: dict[str, ContactEntry] = {}
    for entry in entries:
        known = latest.get(entry.citizen_id)
        if known is None or entry.at > known.at:
            latest[entry.citizen_id] = entry
    out = []
    for citizen_id, entry in latest.items():
        citizen = citizens.get(citizen_id)
        # log_contact stamps last_contact_at with the contact's own time: a later one answers it.
        if citizen is not None and citizen.last_contact_at <= entry.at:
            out.append(FollowUp(entry, citizen))
    return sorted(out, key=lambda f: (f.due, f.citizen.name))


def open_follow_ups(session: Session, first: date | None, last: date | None) -> list[FollowUp]:
    """Follow-ups due on a day from ``first`` to ``last`` (None: open end) that no later contact
    has answered, the latest one per citizen."""
    return _open(session, contacts.follow_ups_between(session, first=first, last=last))


def next_follow_up(session: Session, after: date) -> FollowUp | None:
    """The first open follow-up due after the day ``after``, if any."""
    entries = contacts.follow_ups_between(
        session, first=after + timedelta(days=1), last=None, limit=_NEXT_SCAN
    )
    found = _open(session, entries)
    return found[0] if found else None


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


class FollowUpsView(QWidget):
    """The follow-ups list. ``refreshed`` fires each time the list is read again."""

    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._items: list[FollowUp] = []
        self._next: FollowUp | None = None
        self._first: date | None = None
        self._last = date.today()
        self.title = QLabel(self)
        self.range = QComboBox(self)
        self.range.setObjectName("followups_range")
        for choice in DueRange:
            self.range.addItem("", str(choice))
        self.range_label = QLabel(self)
        self.range_label.setBuddy(self.range)
        self.first_day = QDateEdit(self)
        self.last_day = QDateEdit(self)
        for edit, offset in ((self.first_day, 0), (self.last_day, 7)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QT_DATE_FORMAT)
            edit.setDate(QDate.currentDate().addDays(offset))
            edit.dateChanged.connect(self._range_edited)
        self.range.activated.connect(self._range_chosen)
        self.refresh_button = QPushButton(self)
        self.log_button = QPushButton(self)
        self.model = QStandardItemModel(0, 5, self)
        self.table = QTableView(self)
        self.table.setObjectName("followups_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.log_button)
        top.addWidget(self.refresh_button)
        choose = QHBoxLayout()
        choose.addWidget(self.range_label)
        choose.addWidget(self.range)
        choose.addWidget(self.first_day)
        choose.addWidget(self.last_day)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        self.log_action = QAction(self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.triggered.connect(self.log_contact)
        self.log_action.setEnabled(is_allowed(session.role, Action.CONTACT_LOG))
        self.addAction(self.log_action)
        self.log_button.setEnabled(self.log_action.isEnabled())
        self.log_button.clicked.connect(self.log_action.trigger)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self._open_index)

        self.empty.setObjectName("followups_empty")
        self.empty.setWordWrap(True)
        self._show_chosen_days()
        self.retranslate()
        self.refresh()

    def current_range(self) -> DueRange:
        """The range the list shows."""
        return DueRange(str(self.range.currentData()))

    def set_range(self, choice: DueRange, first: date | None = None, last: date | None = None) -> None:
        """Show another range (for CHOSEN, the days ``first`` to ``last``)."""
        if first is not None:
            self.first_day.setDate(QDate(first.year, first.month, first.day))
        if last is not None:
            self.last_day.setDate(QDate(last.year, last.month, last.day))
        self.range.setCurrentIndex(self.range.findData(str(choice)))
        self._range_chosen()

    def _range_chosen(self, _index: int = -1) -> None:
        self._show_chosen_days()
        self.retranslate()
        self.refresh()

    def _range_edited(self) -> None:
        if self.current_range() is DueRange.CHOSEN:
            self.refresh()

    def _show_chosen_days(self) -> None:
        chosen = self.current_range() is DueRange.CHOSEN
        self.first_day.setVisible(chosen)
        self.last_day.setVisible(chosen)

    def refresh(self) -> None:
        """Read the follow-ups of the chosen range again (and the next one after it)."""
        today = date.today()
        chosen = (_day(self.first_day), _day(self.last_day))
        first, last = range_days(self.current_range(), today, chosen)
        try:
            self._items = open_follow_ups(self._session, first, last)
            self._next = None if self._items else next_follow_up(self._session, last)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self._first, self._last = first, last
        self._fill()
        self.refreshed.emit()

    def citizen_ids(self) -> list[str]:
        """The citizens listed, top to bottom."""
        return [f.citizen.id for f in self._items]

    def current_citizen_id(self) -> str | None:
        """The citizen on the selected line, if any."""
        row = self.table.currentIndex().row()
        return self._items[row].citizen.id if 0 <= row < len(self._items) else None

    def log_contact(self) -> None:
        """Log the call with the selected citizen (Ctrl+L)."""
        citizen_id = self.current_citizen_id()
        if citizen_id is None or not self.log_action.isEnabled():
            return
        dialog = QuickLogDialog(self._session, citizen_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged.connect(self._on_logged)
        dialog.open()

    def _on_logged(self, _citizen_id: str) -> None:
        # A bound method, not a lambda: PySide crashed on a lambda slot of a dialog deleted on close.
        self.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._items):
            citizen_id = self._items[index.row()].citizen.id

            def make() -> CitizenRecordDialog:
                dialog = CitizenRecordDialog(self._session, citizen_id, self)
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.saved.connect(self._on_logged)
                return dialog

            show_record(CITIZEN, citizen_id, CitizenRecordDialog, make, opener=self)

    def _fill(self) -> None:
        selected = self.current_citizen_id()
        self.model.removeRows(0, self.model.rowCount())
        outcomes = vl.outcome_labels()
        overdue = QBrush(QColor(176, 0, 32))
        now = datetime.now()
        for follow in self._items:
            cells = [
                QStandardItem(due_label(follow.due)),
                QStandardItem(follow.citizen.name or follow.citizen.name_latin),
                QStandardItem(follow.citizen.phone),
                QStandardItem(vl.label(outcomes, follow.entry.outcome)),
                QStandardItem(follow.entry.note),
            ]
            if follow.is_overdue(now):
                cells[0].setForeground(overdue)
                cells[0].setToolTip(self.tr("Overdue"))
            for cell in cells:
                cell.setData(follow.citizen.id, ID_ROLE)
            self.model.appendRow(cells)
        ids = self.citizen_ids()
        row = ids.index(selected) if selected in ids else 0
        if ids:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.empty.setText(self.empty_text())
        self.empty.setVisible(not ids)
        # Columns sized to what is shown now (a range chosen while the view shows refills it); the
        # note keeps the rest of the width.
        for column in range(self.model.columnCount() - 1):
            self.table.resizeColumnToContents(column)

    def empty_text(self) -> str:
        """What an empty list says: that the range holds nothing, and when the next one is due."""
        choice = self.current_range()
        if choice is DueRange.TOMORROW:
            text = self.tr("Nothing is due tomorrow.")
        elif choice is DueRange.WEEK:
            text = self.tr("Nothing is overdue or due this week.")
        elif choice is DueRange.CHOSEN:
            first = display_date(self._first.isoformat()) if self._first else ""
            text = (
                self.tr("Nothing is due from %1 to %2.")
                .replace("%1", first)
                .replace("%2", display_date(self._last.isoformat()))
            )
        else:
            text = self.tr("Nothing is due today and nothing is overdue.")
        if self._next is not None:
            name = self._next.citizen.name or self._next.citizen.name_latin
            text += " " + (
                self.tr("The next follow-up is on %1: %2.")
                .replace("%1", due_label(self._next.due))
                .replace("%2", name)
            )
        return text

    def retranslate(self) -> None:
        titles = {
            DueRange.DUE: self.tr("Follow-ups due today and overdue"),
            DueRange.TOMORROW: self.tr("Follow-ups due tomorrow"),
            DueRange.WEEK: self.tr("Follow-ups overdue and due this week"),
            DueRange.CHOSEN: self.tr("Follow-ups due on the chosen days"),
        }
        self.title.setText(titles[self.current_range()])
        choices = {
            DueRange.DUE: self.tr("Today and overdue"),
            DueRange.TOMORROW: self.tr("Tomorrow"),
            DueRange.WEEK: self.tr("This week"),
            DueRange.CHOSEN: self.tr("Chosen days…"),
        }
        for i in range(self.range.count()):
            self.range.setItemText(i, choices[DueRange(str(self.range.itemData(i)))])
        self.range_label.setText(self.tr("&Show:"))
        self.first_day.setToolTip(self.tr("From"))
        self.last_day.setToolTip(self.tr("To"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.log_button.setText(self.tr("&Log contact"))
        self.log_button.setToolTip(self.tr("Log the call with the selected citizen (Ctrl+L, then a number)"))
        self.log_action.setText(self.tr("Log contact"))
        self.model.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Name"), self.tr("Phone"), self.tr("Last outcome"), self.tr("Note")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Contacts are logged from other screens too: the list is read again whenever it shows.
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)
