"""Follow-ups: the calls due today or overdue, one line per citizen, oldest due date first.

A follow-up is open until someone logs a newer contact with that citizen. Enter opens the record,
Ctrl+L logs the call (and the line goes away unless the new contact sets another follow-up due).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.registry.messages import show_error
from embassy_desk.services import browse, contacts
from embassy_desk.services.browse import BrowseRow
from embassy_desk.services.contacts import ContactEntry
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up: the contact that asked for it and the citizen to call."""

    entry: ContactEntry
    citizen: BrowseRow

    @property
    def due(self) -> str:
        return self.entry.follow_up_due or ""


def open_follow_ups(session: Session, today: date) -> list[FollowUp]:
    """Follow-ups due by ``today`` that no later contact has answered, the latest one per citizen."""
    due = contacts.follow_ups_due(session, on_or_before=today)
    citizens = browse.rows_by_id(session, [e.citizen_id for e in due])
    latest: dict[str, ContactEntry] = {}
    for entry in due:
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


class FollowUpsView(QWidget):
    """The follow-ups list. ``refreshed`` fires each time the list is read again."""

    refreshed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._items: list[FollowUp] = []
        self.title = QLabel(self)
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
        layout = QVBoxLayout(self)
        layout.addLayout(top)
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

        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Read the follow-ups due today and before again."""
        today = date.today()
        try:
            self._items = open_follow_ups(self._session, today)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self._fill(today)
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
            dialog = CitizenRecordDialog(self._session, self._items[index.row()].citizen.id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(self._on_logged)
            dialog.open()

    def _fill(self, today: date) -> None:
        selected = self.current_citizen_id()
        self.model.removeRows(0, self.model.rowCount())
        outcomes = vl.outcome_labels()
        overdue = QBrush(QColor(176, 0, 32))
        for follow in self._items:
            cells = [
                # ISO dates, as everywhere in the registry: unambiguous in every language.
                QStandardItem(follow.due),
                QStandardItem(follow.citizen.name or follow.citizen.name_latin),
                QStandardItem(follow.citizen.phone),
                QStandardItem(vl.label(outcomes, follow.entry.outcome)),
                QStandardItem(follow.entry.note),
            ]
            if follow.due < today.isoformat():
                cells[0].setForeground(overdue)
                cells[0].setToolTip(self.tr("Overdue"))
            for cell in cells:
                cell.setData(follow.citizen.id, ID_ROLE)
            self.model.appendRow(cells)
        ids = self.citizen_ids()
        row = ids.index(selected) if selected in ids else 0
        if ids:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.empty.setVisible(not ids)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Follow-ups due today and overdue"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.log_button.setText(self.tr("&Log contact"))
        self.log_button.setToolTip(self.tr("Log the call with the selected citizen (Ctrl+L, then a number)"))
        self.log_action.setText(self.tr("Log contact"))
        self.empty.setText(self.tr("Nothing is due."))
        self.model.setHorizontalHeaderLabels(
            [self.tr("Due"), self.tr("Name"), self.tr("Phone"), self.tr("Last outcome"), self.tr("Note")]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill(date.today())
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # Contacts are logged from other screens too: the list is read again whenever it shows.
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)
