"""One flight's manifest: the passengers and the waiting list, moving people between them, keeping a
person apart from their household, and boarding at the assembly point from the keyboard.

Boarding mode: with a passenger selected, C checks them in, B boards them, N marks a no-show, and the
selection moves to the next passenger; the search box finds a passenger by name (Enter goes back to
the list). Moves and boarding are refused by the service for roles that may not do them anyway.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import FlightStatus, ManifestList, PassengerStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.evacuation import labels
from embassy_desk.gui.evacuation.tables import ManifestTableModel, passport_name
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.widgets import named
from embassy_desk.services import evacuation, households
from embassy_desk.services.evacuation import Manifest, ManifestRow
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

# A departed or cancelled flight's manifest is a record: nobody moves or boards any more.
ACTIVE = frozenset({FlightStatus.OPEN, FlightStatus.CLOSED})
BOARDING_KEYS = {
    Qt.Key.Key_C: PassengerStatus.CHECKED_IN,
    Qt.Key.Key_B: PassengerStatus.BOARDED,
    Qt.Key.Key_N: PassengerStatus.NO_SHOW,
}
# The same keys typed on a Russian or Kazakh keyboard layout (С, И, Т sit where C, B, N are).
BOARDING_LETTERS = {
    "\u0421": PassengerStatus.CHECKED_IN,
    "\u0418": PassengerStatus.BOARDED,
    "\u0422": PassengerStatus.NO_SHOW,
}


def boarding_status(event: QKeyEvent) -> PassengerStatus | None:
    """The status a boarding key stands for (C, B, N on a Latin or a Cyrillic layout), or None."""
    by_key = {int(key.value): status for key, status in BOARDING_KEYS.items()}
    return by_key.get(int(event.key())) or BOARDING_LETTERS.get(event.text().upper())


class HouseholdNames:
    """A household as the manifest shows it: "Name (members on this flight)". Names are read the first
    time a row on screen asks (a waiting list can hold thousands) and kept while the flight is shown."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._names: dict[str, str] = {}
        self._sizes: Counter[str] = Counter()

    def reset(self) -> None:
        self._names.clear()

    def count(self, manifest: Manifest, removed: Sequence[ManifestRow]) -> None:
        """Count each household's members on the lists now shown."""
        rows = [*manifest.passengers, *manifest.waiting]
        self._sizes = Counter(r.household_id for r in rows if r.household_id)
        off = Counter(r.household_id for r in removed if r.household_id)
        for household_id, members in off.items():
            self._sizes.setdefault(household_id, members)  # a household taken off whole

    def __call__(self, row: ManifestRow) -> str:
        household_id = row.household_id
        if household_id is None:
            return ""
        if household_id not in self._names:
            try:
                found = households.household_of(self._session, row.citizen_id)
            except EmbassyDeskError:
                found = None
            self._names[household_id] = found.name if found is not None else household_id[:8]
        return f"{self._names[household_id]} ({format_number(self._sizes.get(household_id, 1))})"


def _table(parent: QWidget, name: str, model: ManifestTableModel) -> QTableView:
    table = named(QTableView(parent), name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(ManifestTableModel.NAME, QHeaderView.ResizeMode.Stretch)
    header.setResizeContentsPrecision(0)  # widths from the rows on screen: a waiting list can be thousands
    return table


class ManifestPanel(QWidget):
    """The manifest of the flight chosen in the flights list (or a note when there is none)."""

    changed = Signal()  # a move or a boarding was written (the flight's counts may differ)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manifestPanel")
        self._session = session
        self.can_manage = is_allowed(session.role, Action.EVAC_MANAGE)
        self.can_board = is_allowed(session.role, Action.EVAC_BOARD)
        self.manifest: Manifest | None = None
        self.household_names = HouseholdNames(session)
        self.confirm: Callable[[str, str], bool] = self._ask  # tests may answer for the person

        self.banner = MessageBanner(self)
        self.title = named(QLabel(self), "manifestTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = named(QLabel(self), "manifestCounts")
        self.counts.setWordWrap(True)
        self.passengers_model = ManifestTableModel()
        self.waiting_model = ManifestTableModel()
        self.removed_model = ManifestTableModel()
        self.passengers = _table(self, "manifestPassengers", self.passengers_model)
        self.waiting = _table(self, "manifestWaiting", self.waiting_model)
        self.removed = _table(self, "manifestRemoved", self.removed_model)
        self.removed_rows: list[ManifestRow] = []
        self.tabs = named(QTabWidget(self), "manifestTabs")
        for table in self._tables():
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        for table in self._tables():
            table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.to_passengers_button = named(QPushButton(self), "manifestToPassengers")
        self.to_waiting_button = named(QPushButton(self), "manifestToWaiting")
        self.remove_button = named(QPushButton(self), "manifestRemove")
        self.apart_button = named(QPushButton(self), "manifestKeepApart")
        self.boarding_button = named(QPushButton(self), "manifestBoardingMode")
        self.boarding_button.setCheckable(True)
        self.boarding_button.toggled.connect(self.set_boarding_mode)
        self.to_passengers_button.clicked.connect(lambda: self.move_selected(ManifestList.PASSENGER))
        self.to_waiting_button.clicked.connect(lambda: self.move_selected(ManifestList.WAITING))
        self.remove_button.clicked.connect(lambda: self.move_selected(ManifestList.REMOVED))
        self.apart_button.clicked.connect(self.keep_apart_selected)

        self.search = named(QLineEdit(self), "manifestSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.find_passenger)
        self.search.returnPressed.connect(self.passengers.setFocus)
        self.boarding_hint = named(QLabel(self), "manifestBoardingHint")
        self.boarding_hint.setWordWrap(True)
        self.boarding_bar = QWidget(self)
        bar = QHBoxLayout(self.boarding_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.boarding_hint, 2)
        self.boarding_bar.hide()
        self.passengers.installEventFilter(self)

        moves = QHBoxLayout()
        for button in (
            self.to_passengers_button,
            self.to_waiting_button,
            self.remove_button,
            self.apart_button,
        ):
            moves.addWidget(button)
        moves.addStretch(1)
        moves.addWidget(self.boarding_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addLayout(moves)
        layout.addWidget(self.boarding_bar)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.show_manifest(None)

    # ----------------------------------------------------------------------------------------
    # Text

    def retranslate(self) -> None:
        self.to_passengers_button.setText(self.tr("To &passengers"))
        self.to_passengers_button.setToolTip(self.tr("Give the selected person a seat, with their household"))
        self.to_waiting_button.setText(self.tr("To &waiting list"))
        self.to_waiting_button.setToolTip(
            self.tr("Move the selected person, with their household, to the waiting list")
        )
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(
            self.tr("Take the selected person, with their household, off this manifest")
        )
        self.apart_button.setText(self.tr("&Keep apart from household…"))
        self.apart_button.setToolTip(
            self.tr("Move only the selected person to the other list, apart from their household")
        )
        self.boarding_button.setText(self.tr("&Boarding mode"))
        self.boarding_button.setToolTip(self.tr("Check in and board passengers at the assembly point"))
        if not self.can_board:
            self.boarding_button.setToolTip(self.tr("Your role may see manifests but not board passengers"))
        if not self.can_manage:
            for button in (
                self.to_passengers_button,
                self.to_waiting_button,
                self.remove_button,
                self.apart_button,
            ):
                button.setToolTip(self.tr("Manifests are changed by consular officers"))
        self.search.setPlaceholderText(self.tr("Find a passenger by name…"))
        self.boarding_hint.setText(
            self.tr(
                "Keys on the selected passenger: C checked in, B boarded, N no-show. "
                "Enter in the search goes to the list."
            )
        )
        self.passengers_model.retranslate()
        self.waiting_model.retranslate()
        self.removed_model.retranslate()
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # Showing a manifest

    @property
    def flight_id(self) -> str | None:
        return self.manifest.flight.id if self.manifest is not None else None

    def show_manifest(self, manifest: Manifest | None, removed: list[ManifestRow] | None = None) -> None:
        """Show ``manifest`` (None: no flight chosen) and the people taken off it (read here unless
        given), keeping the selected person selected."""
        if manifest is not None and removed is None:
            try:
                removed = evacuation.removed(self._session, manifest.flight.id)
            except EmbassyDeskError as exc:
                self.banner.show_error(error_text(exc))
        self.removed_rows = list(removed or [])
        kept = self.selected_row()
        same_flight = (
            manifest is not None
            and self.manifest is not None
            and manifest.flight.id == self.manifest.flight.id
        )
        if not same_flight:
            self.household_names.reset()
        self.manifest = manifest
        if manifest is not None:
            self.household_names.count(manifest, self.removed_rows)
        names = self.household_names
        self.passengers_model.set_rows(manifest.passengers if manifest else [], names)
        self.waiting_model.set_rows(manifest.waiting if manifest else [], names)
        self.removed_model.set_rows(self.removed_rows, names)
        if kept is not None and same_flight:
            self.select(kept.citizen_id)
        self._show_counts()
        self._update_buttons()

    def _show_counts(self) -> None:
        manifest = self.manifest
        self.tabs.setTabText(
            0,
            self.tr("Passengers ({count})").format(
                count=format_number(len(manifest.passengers) if manifest else 0)
            ),
        )
        self.tabs.setTabText(
            1,
            self.tr("Waiting list ({count})").format(
                count=format_number(len(manifest.waiting) if manifest else 0)
            ),
        )
        self.tabs.setTabText(
            2, self.tr("Removed ({count})").format(count=format_number(len(self.removed_rows)))
        )
        if manifest is None:
            self.title.setText(self.tr("Choose a flight or bus above to see its manifest."))
            self.counts.clear()
            return
        flight = manifest.flight
        self.title.setText(
            self.tr("{kind} {carrier} {number}, {origin} → {destination}").format(
                kind=labels.label(labels.kind_labels(), flight.kind),
                carrier=flight.carrier,
                number=flight.number,
                origin=flight.origin,
                destination=flight.destination,
            )
        )
        rows = [*manifest.passengers, *manifest.waiting]
        statuses = Counter(str(r.status) for r in manifest.passengers)
        self.counts.setText(
            self.tr(
                "{seated} of {seats} seat(s) taken, {waiting} waiting; {flagged} passport(s) flagged. "
                "Checked in {checked}, boarded {boarded}, no-show {no_show}. Assembly: {assembly}"
            ).format(
                seated=format_number(len(manifest.passengers)),
                seats=format_number(flight.seats),
                waiting=format_number(len(manifest.waiting)),
                flagged=format_number(sum(1 for r in rows if r.passport_flag)),
                checked=format_number(statuses[PassengerStatus.CHECKED_IN.value]),
                boarded=format_number(statuses[PassengerStatus.BOARDED.value]),
                no_show=format_number(statuses[PassengerStatus.NO_SHOW.value]),
                assembly=flight.assembly_point,
            )
        )

    def refresh(self) -> None:
        """Read the shown flight's manifest again."""
        if self.manifest is None or self._session.locked:
            return
        try:
            manifest = evacuation.manifest(self._session, self.manifest.flight.id)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        self.show_manifest(manifest)

    # ----------------------------------------------------------------------------------------
    # Selection

    def _tables(self) -> tuple[QTableView, QTableView, QTableView]:
        return (self.passengers, self.waiting, self.removed)

    def current_table(self) -> QTableView:
        return self._tables()[max(0, self.tabs.currentIndex())]

    def _model(self, table: QTableView) -> ManifestTableModel:
        model = table.model()
        assert isinstance(model, ManifestTableModel)
        return model

    def selected_row(self) -> ManifestRow | None:
        table = self.current_table()
        rows = table.selectionModel().selectedRows()
        return self._model(table).manifest_row(rows[0].row()) if rows else None

    def select(self, citizen_id: str) -> bool:
        """Select a person on whichever list they are on (showing that list)."""
        for index, table in enumerate(self._tables()):
            row = self._model(table).row_of(citizen_id)
            if row >= 0:
                self.tabs.setCurrentIndex(index)
                self._select_row(table, row)
                return True
        return False

    def _select_row(self, table: QTableView, row: int) -> None:
        index = table.model().index(row, 0)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        table.scrollTo(index)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        tab = self.tabs.currentIndex()
        active = self.manifest is not None and self.manifest.flight.status in ACTIVE
        manage = self.can_manage and row is not None and active
        self.to_passengers_button.setEnabled(manage and tab != 0)
        self.to_waiting_button.setEnabled(manage and tab != 1)
        self.remove_button.setEnabled(manage and tab != 2)
        self.apart_button.setEnabled(manage and row is not None and row.household_id is not None)
        self.boarding_button.setEnabled(self.can_board and active)
        if self.boarding and not active:
            self.set_boarding_mode(False)

    # ----------------------------------------------------------------------------------------
    # Moving people

    def move_selected(self, to: ManifestList) -> bool:
        """Move the selected person (with their household) to ``to``."""
        row = self.selected_row()
        if row is None:
            self.banner.show_error(self.tr("Select a person first."))
            return False
        return self.move_person(row.citizen_id, to)

    def move_person(self, citizen_id: str, to: ManifestList, *, split_household: bool = False) -> bool:
        flight_id = self.flight_id
        if flight_id is None:
            return False
        try:
            manifest = evacuation.move(
                self._session, flight_id, citizen_id, to, split_household=split_household
            )
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.banner.show_info(
            self.tr("Moved to: {list}.").format(list=labels.label(labels.list_labels(), to))
        )
        self._written((citizen_id,))
        self.show_manifest(manifest)
        if to is not ManifestList.REMOVED:
            self.select(citizen_id)
        self.changed.emit()
        return True

    def keep_apart_selected(self) -> bool:
        """Move only the selected person to the other list, after the officer confirms the override."""
        row = self.selected_row()
        if row is None:
            self.banner.show_error(self.tr("Select a person first."))
            return False
        to = ManifestList.PASSENGER if row.list is ManifestList.WAITING else ManifestList.WAITING
        if to is ManifestList.PASSENGER:
            question = self.tr(
                "Give {name} a seat alone, apart from their household? "
                "The manifest will record that a person chose to split this household."
            )
        else:
            question = self.tr(
                "Move {name} to the waiting list alone, apart from their household? "
                "The manifest will record that a person chose to split this household."
            )
        question = question.format(name=passport_name(row))
        if not self.confirm(self.tr("Keep apart from household"), question):
            return False
        return self.move_person(row.citizen_id, to, split_household=True)

    def _ask(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self)
        box.setObjectName("keepApartConfirm")
        yes = box.addButton(self.tr("Keep apart"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def _written(self, citizen_ids: tuple[str, ...]) -> None:
        notify(DataChange(frozenset({Kind.EVACUATION}), citizen_ids=citizen_ids, origin=self))

    # ----------------------------------------------------------------------------------------
    # Boarding

    @property
    def boarding(self) -> bool:
        return self.boarding_button.isChecked()

    def set_boarding_mode(self, on: bool) -> None:
        """Show the search and let C/B/N mark the selected passenger."""
        if on and not self.can_board:
            self.boarding_button.setChecked(False)
            return
        if self.boarding_button.isChecked() != on:
            self.boarding_button.setChecked(on)  # comes back here through toggled
            return
        self.boarding_bar.setVisible(on)
        if on:
            self.tabs.setCurrentIndex(0)
            if self.selected_row() is None and self.passengers_model.rowCount():
                self._select_row(self.passengers, 0)
            self.search.setFocus()
        else:
            self.search.clear()

    def find_passenger(self, text: str) -> bool:
        """Select the first passenger whose name (as in the passport, or as on record) holds ``text``."""
        wanted = " ".join(text.split()).casefold()
        if not wanted:
            return False
        for number, row in enumerate(self.passengers_model.rows):
            if wanted in passport_name(row).casefold() or wanted in row.full_name.casefold():
                self.tabs.setCurrentIndex(0)
                self._select_row(self.passengers, number)
                return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.passengers and event.type() == QEvent.Type.KeyPress and self.boarding:
            assert isinstance(event, QKeyEvent)
            status = boarding_status(event)
            if status is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.board_selected(status)
                return True
        return super().eventFilter(watched, event)

    def board_selected(self, status: PassengerStatus) -> bool:
        """Mark the selected passenger and move on to the next one."""
        flight_id = self.flight_id
        rows = self.passengers.selectionModel().selectedRows()
        if flight_id is None or not rows or self.tabs.currentIndex() != 0:
            self.banner.show_error(self.tr("Select a passenger first."))
            return False
        number = rows[0].row()
        row = self.passengers_model.manifest_row(number)
        assert row is not None
        assert self.manifest is not None
        try:
            updated = evacuation.board(self._session, flight_id, row.citizen_id, status)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        passengers = [updated if r.citizen_id == updated.citizen_id else r for r in self.manifest.passengers]
        self.manifest = Manifest(self.manifest.flight, passengers, self.manifest.waiting)
        self.show_manifest(self.manifest, self.removed_rows)
        self.banner.show_info(
            self.tr("{name}: {status}.").format(
                name=passport_name(updated), status=labels.label(labels.passenger_status_labels(), status)
            )
        )
        self._written((row.citizen_id,))
        self._select_row(self.passengers, min(number + 1, len(passengers) - 1))
        self.passengers.setFocus()
        return True
