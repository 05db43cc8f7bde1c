"""The evacuation screen: the flights and buses above, the chosen one's manifest below.

A composition of small parts: the flights table with Add and Edit (:class:`FlightDialog`), the
:class:`ManifestPanel` (lists, moves, boarding), and :class:`ManifestOutput` (the PDF, the carrier's
CSV, the boarding notices). Building a manifest runs in the background and ends with what it found:
seats filled, the waiting list, flagged passports and households kept together.

Roles follow services/permissions.py: officers and administrators (EVAC_MANAGE) add flights, build,
move, print and export; every staff member (EVAC_BOARD) boards passengers; the services refuse the rest.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import FlightStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.data_events import DataChange, Kind, data_events, notify
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.evacuation.flight_dialog import FlightDialog
from embassy_desk.gui.evacuation.manifest_panel import ManifestPanel
from embassy_desk.gui.evacuation.notices_dialog import BoardingNoticesDialog
from embassy_desk.gui.evacuation.output import ManifestOutput
from embassy_desk.gui.evacuation.tables import FlightTableModel
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.tasks import Progress, Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import evacuation
from embassy_desk.services.evacuation import Flight, Manifest
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

_WATCHED = frozenset({Kind.EVACUATION, Kind.CITIZENS})


class EvacuationView(QWidget):
    """Flights and buses, their manifests, boarding and what is printed for them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evacuationView")
        self._session = session
        self.can_manage = is_allowed(session.role, Action.EVAC_MANAGE)
        self._stale = False
        self._shown_once = False
        self.flights: list[Flight] = []
        self.flight_dialog: FlightDialog | None = None
        self.notices_dialog: BoardingNoticesDialog | None = None
        self.build_task: Task | None = None
        self.runner = TaskRunner(self)
        self.output = ManifestOutput(session, self.runner, self)
        self.output.delivered.connect(self._delivered)

        self.banner = MessageBanner(self)
        self.flights_group = QGroupBox(self)
        self.flight_model = FlightTableModel()
        self.flight_table = named(QTableView(self), "evacFlights")
        self.flight_table.setModel(self.flight_model)
        self.flight_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.flight_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.flight_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.flight_table.verticalHeader().hide()
        header = self.flight_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FlightTableModel.ROUTE, QHeaderView.ResizeMode.Stretch)
        self.flight_table.selectionModel().currentRowChanged.connect(lambda *_a: self._flight_chosen())
        self.flight_table.activated.connect(lambda _i: self.edit_flight())
        self.no_flights = named(QLabel(self), "evacNoFlights")
        self.no_flights.setStyleSheet("color: palette(mid); padding: 8px;")
        self.add_button = named(QPushButton(self), "evacAddFlight")
        self.edit_button = named(QPushButton(self), "evacEditFlight")
        self.add_button.clicked.connect(self.add_flight)
        self.edit_button.clicked.connect(self.edit_flight)
        self.refresh_button = named(QPushButton(self), "evacRefresh")
        self.refresh_button.clicked.connect(self.refresh)

        self.manifest_group = QGroupBox(self)
        self.panel = ManifestPanel(session, self)
        self.panel.changed.connect(self._manifest_changed)
        self.build_button = named(QPushButton(self), "evacBuild")
        self.build_button.clicked.connect(self.build_manifest)
        self.print_button = named(QPushButton(self), "evacPrint")
        self.print_menu = QMenu(self)
        self.save_pdf_action = self.print_menu.addAction("")
        self.save_pdf_action.triggered.connect(self.save_manifest_pdf)
        self.print_action = self.print_menu.addAction("")
        self.print_action.triggered.connect(self.print_manifest)
        self.print_button.setMenu(self.print_menu)
        self.export_button = named(QPushButton(self), "evacExport")
        self.export_button.clicked.connect(self.export_csv)
        self.notices_button = named(QPushButton(self), "evacNotices")
        self.notices_button.clicked.connect(self.boarding_notices)
        for keys, slot in (("Ctrl+P", self.print_manifest), ("Ctrl+Shift+S", self.save_manifest_pdf)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda slot=slot: slot())
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        flight_buttons = QHBoxLayout()
        flight_buttons.addWidget(self.add_button)
        flight_buttons.addWidget(self.edit_button)
        flight_buttons.addStretch(1)
        flight_buttons.addWidget(self.refresh_button)
        flights_layout = QVBoxLayout(self.flights_group)
        flights_layout.addLayout(flight_buttons)
        flights_layout.addWidget(self.no_flights)
        flights_layout.addWidget(self.flight_table, 1)
        manifest_buttons = QHBoxLayout()
        manifest_buttons.addWidget(self.build_button)
        manifest_buttons.addStretch(1)
        manifest_buttons.addWidget(self.notices_button)
        manifest_buttons.addWidget(self.export_button)
        manifest_buttons.addWidget(self.print_button)
        manifest_layout = QVBoxLayout(self.manifest_group)
        manifest_layout.addLayout(manifest_buttons)
        manifest_layout.addWidget(self.panel, 1)
        splitter = named(QSplitter(Qt.Orientation.Vertical, self), "evacSplitter")
        splitter.addWidget(self.flights_group)
        splitter.addWidget(self.manifest_group)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([240, 660])  # room for five flights above the manifest
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        data_events().changed.connect(self._data_changed)
        self.retranslate()
        self.refresh()

    # ----------------------------------------------------------------------------------------
    # Text

    def retranslate(self) -> None:
        self.flights_group.setTitle(self.tr("Flights and buses"))
        self.manifest_group.setTitle(self.tr("Manifest"))
        self.no_flights.setText(self.tr("No flight or bus yet. Officers add one with “Add…”."))
        self.add_button.setText(self.tr("&Add…"))
        self.add_button.setToolTip(self.tr("Add a flight or bus"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the chosen flight or bus"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.build_button.setText(self.tr("Build &manifest"))
        self.build_button.setToolTip(
            self.tr(
                "Fill the seats from evacuation cases and campaign outcomes: medical, pregnant, children "
                "with their families, the elderly, then others; households stay together"
            )
        )
        self.print_button.setText(self.tr("Print &manifest…"))
        self.print_button.setToolTip(
            self.tr("Print the manifest (Ctrl+P) or save it as a PDF (Ctrl+Shift+S)")
        )
        self.save_pdf_action.setText(self.tr("Save as PDF…"))
        self.print_action.setText(self.tr("Print…"))
        self.export_button.setText(self.tr("E&xport for the carrier…"))
        self.export_button.setToolTip(
            self.tr(
                "A CSV with names as in the passport, sex, date of birth, nationality, document and expiry"
            )
        )
        self.notices_button.setText(self.tr("Boarding &notices…"))
        if not self.can_manage:
            tip = self.tr("Flights and manifests are managed by consular officers")
            for button in (
                self.add_button,
                self.edit_button,
                self.build_button,
                self.print_button,
                self.export_button,
                self.notices_button,
            ):
                button.setToolTip(tip)
        self.flight_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # Loading

    def showEvent(self, event: QShowEvent) -> None:
        if self._shown_once and self._stale:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def _data_changed(self, change: object) -> None:
        assert isinstance(change, DataChange)
        if not change.kinds & _WATCHED or change.origin in (self, self.panel):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Read the flights and the chosen flight's manifest again."""
        if self._session.locked:
            return  # the shell is about to drop this view
        self._stale = False
        chosen = self.selected_flight_id()
        try:
            self.flights = evacuation.list_flights(self._session)
        except EmbassyDeskError as exc:
            self.flights = []
            self.banner.show_error(error_text(exc))
        self.flight_model.set_flights(self.flights)
        self.no_flights.setVisible(not self.flights)
        row = self.flight_model.row_of(chosen) if chosen else -1
        if row < 0 and self.flights:
            row = 0
        if row >= 0:
            # Selected quietly: the manifest is read once, just below.
            selection = self.flight_table.selectionModel()
            selection.blockSignals(True)
            self._select_flight_row(row)
            selection.blockSignals(False)
            self.flight_table.viewport().update()
        self._flight_chosen()

    def _select_flight_row(self, row: int) -> None:
        index = self.flight_model.index(row, 0)
        self.flight_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def select_flight(self, flight_id: str) -> bool:
        row = self.flight_model.row_of(flight_id)
        if row >= 0:
            self._select_flight_row(row)
            self._flight_chosen()
        return row >= 0

    def selected_flight_id(self) -> str | None:
        flight = self.selected_flight()
        return flight.id if flight else None

    def selected_flight(self) -> Flight | None:
        rows = self.flight_table.selectionModel().selectedRows()
        return self.flight_model.flight(rows[0].row()) if rows else None

    def _flight_chosen(self) -> None:
        flight = self.selected_flight()
        manifest: Manifest | None = None
        if flight is not None:
            try:
                manifest = evacuation.manifest(self._session, flight.id)
            except EmbassyDeskError as exc:
                self.banner.show_error(error_text(exc))
        if manifest is None or self.panel.flight_id != manifest.flight.id:
            self.panel.set_boarding_mode(False)
        self.panel.show_manifest(manifest)
        self._update_buttons()

    def _update_buttons(self) -> None:
        flight = self.selected_flight()
        chosen = flight is not None
        idle = not self.runner.running
        self.add_button.setEnabled(self.can_manage)
        self.edit_button.setEnabled(self.can_manage and chosen)
        # Only an open flight is (re)built; a closed one is boarding with the manifest as it stands.
        self.build_button.setEnabled(
            self.can_manage and idle and flight is not None and flight.status is FlightStatus.OPEN
        )
        has_people = self.panel.manifest is not None and bool(self.panel.manifest.passengers)
        for button in (self.print_button, self.export_button, self.notices_button):
            button.setEnabled(self.can_manage and chosen and idle and has_people)

    def _manifest_changed(self) -> None:
        # A move changes the flight's counts in the list above; the manifest itself is already shown.
        chosen = self.selected_flight_id()
        try:
            self.flights = evacuation.list_flights(self._session)
        except EmbassyDeskError:
            return
        self.flight_model.set_flights(self.flights)
        if chosen:
            row = self.flight_model.row_of(chosen)
            if row >= 0:
                self.flight_table.selectionModel().blockSignals(True)
                self._select_flight_row(row)
                self.flight_table.selectionModel().blockSignals(False)
                self.flight_table.viewport().update()
        self._update_buttons()

    # ----------------------------------------------------------------------------------------
    # Flights

    def add_flight(self) -> FlightDialog:
        return self._open_flight_dialog(None)

    def edit_flight(self) -> FlightDialog | None:
        flight = self.selected_flight()
        if flight is None:
            self.banner.show_error(self.tr("Choose a flight or bus first."))
            return None
        return self._open_flight_dialog(flight)

    def _open_flight_dialog(self, flight: Flight | None) -> FlightDialog:
        dialog = FlightDialog(self._session, flight, self)
        dialog.saved.connect(self._flight_saved)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.flight_dialog = dialog
        if not self.can_manage:
            dialog.banner.show_info(self.tr("Flights are added and changed by consular officers."))
        dialog.open()
        return dialog

    def _flight_saved(self, flight: object) -> None:
        assert isinstance(flight, Flight)
        self.refresh()
        self.select_flight(flight.id)
        self.banner.show_info(
            self.tr("Saved: {carrier} {number}, {seats} seat(s).").format(
                carrier=flight.carrier, number=flight.number, seats=format_number(flight.seats)
            )
        )

    # ----------------------------------------------------------------------------------------
    # Building the manifest

    def build_manifest(self) -> Task | None:
        """Fill the chosen flight from the candidates, in the background."""
        flight = self.selected_flight()
        if flight is None:
            self.banner.show_error(self.tr("Choose a flight or bus first."))
            return None
        if self.runner.running:
            self.banner.show_info(self.tr("Wait for the work in progress to finish."))
            return None
        session, flight_id = self._session, flight.id

        def work(_progress: Progress) -> Manifest:
            return evacuation.build_manifest(session, flight_id)

        task = self.runner.start(work, title=self.tr("Building the manifest"), cancellable=False)
        task.finished.connect(self._built)
        task.ended.connect(self._update_buttons)
        self.build_task = task
        self._update_buttons()
        return task

    def _built(self, manifest: object) -> None:
        assert isinstance(manifest, Manifest)
        notify(DataChange(frozenset({Kind.EVACUATION}), origin=self))
        self._manifest_changed()
        if self.selected_flight_id() == manifest.flight.id:
            self.panel.show_manifest(manifest)
        self._update_buttons()
        rows = [*manifest.passengers, *manifest.waiting]
        flagged = sum(1 for r in rows if r.passport_flag)
        families = len({r.household_id for r in rows if r.household_id})
        self.banner.show_info(
            self.tr(
                "Manifest built: {seated} passenger(s) for {seats} seat(s), {waiting} on the waiting list; "
                "{flagged} passport(s) flagged to check; {households} household(s), each kept together "
                "unless a person chose otherwise."
            ).format(
                seated=format_number(len(manifest.passengers)),
                seats=format_number(manifest.flight.seats),
                waiting=format_number(len(manifest.waiting)),
                flagged=format_number(flagged),
                households=format_number(families),
            )
        )

    # ----------------------------------------------------------------------------------------
    # Output

    def _flight_for_output(self) -> Flight | None:
        flight = self.selected_flight()
        if flight is None:
            self.banner.show_error(self.tr("Choose a flight or bus first."))
        elif self.runner.running:
            self.banner.show_info(self.tr("Wait for the work in progress to finish."))
            return None
        return flight

    def save_manifest_pdf(self, path: Path | None = None) -> Task | None:
        """Save the manifest as a PDF (asking where unless ``path`` is given)."""
        flight = self._flight_for_output()
        if flight is None:
            return None
        target = path if path is not None else self.output.ask_pdf(flight)
        return None if target is None else self._track(self.output.save_pdf(flight, target))

    def print_manifest(self) -> Task | None:
        """Print the manifest through the system print dialog."""
        flight = self._flight_for_output()
        return None if flight is None else self._track(self.output.print_with_dialog(flight))

    def print_manifest_to(self, printer: QPrinter) -> Task | None:
        flight = self._flight_for_output()
        return None if flight is None else self._track(self.output.print_to(flight, printer))

    def export_csv(self, path: Path | None = None) -> Task | None:
        """Write the carrier's CSV (asking where unless ``path`` is given)."""
        flight = self._flight_for_output()
        if flight is None:
            return None
        target = path if path is not None else self.output.ask_csv(flight)
        return None if target is None else self._track(self.output.export_csv(flight, target))

    def boarding_notices(self, path: Path | None = None, languages: list[str] | None = None) -> Task | None:
        """Issue a boarding notice for every passenger: languages chosen, then the PDF file."""
        flight = self._flight_for_output()
        if flight is None:
            return None
        if languages is None:
            passengers = len(self.panel.manifest.passengers) if self.panel.manifest else 0
            dialog = BoardingNoticesDialog(passengers, self)
            self.notices_dialog = dialog
            try:
                if dialog.exec() != BoardingNoticesDialog.DialogCode.Accepted:
                    return None
                languages = dialog.languages()
            finally:
                self.notices_dialog = None
                dialog.deleteLater()
        target = path if path is not None else self.output.ask_notices_pdf(flight)
        return None if target is None else self._track(self.output.issue_notices(flight, target, languages))

    def _track(self, task: Task | None) -> Task | None:
        if task is not None:
            task.ended.connect(self._update_buttons)
            self._update_buttons()
        return task

    def _delivered(self, text: str) -> None:
        self.banner.show_info(text)

    def stop_work(self, timeout_ms: int = 30_000) -> bool:
        """Wait for work in progress (a build or a print takes a second or two) to end."""
        return self.runner.wait(timeout_ms)

    def stop(self) -> None:
        """Before a lock (the workspace calls it): let a build or print finish, never half-done."""
        self.panel.set_boarding_mode(False)
        self.stop_work()
