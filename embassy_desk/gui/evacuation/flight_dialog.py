"""Adding or changing a flight or bus: every field checked here first, with a message that names the
field, and the service's own checks shown the same way."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import FlightStatus, TransportKind
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.evacuation import labels
from embassy_desk.gui.formatting import QT_DATETIME_FORMAT, format_number
from embassy_desk.gui.widgets import named
from embassy_desk.services import evacuation
from embassy_desk.services.evacuation import MAX_SEATS, MAX_TEXT, Flight
from embassy_desk.services.session import Session


def departure_text(moment: datetime) -> str:
    """A departure as stored: local time with its offset, to the minute (2026-12-08T06:30+09:00)."""
    return moment.astimezone().isoformat(timespec="minutes")


def _qt_moment(moment: datetime) -> QDateTime:
    """A naive local moment for Qt's editor."""
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


class FlightDialog(QDialog):
    """Add a flight (``flight`` None) or change one."""

    saved = Signal(object)  # the Flight as stored

    def __init__(self, session: Session, flight: Flight | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flightDialog")
        self._session = session
        self._flight = flight
        self.result_flight: Flight | None = None

        self.banner = MessageBanner(self)
        self.kind_combo = named(QComboBox(self), "flightKind")
        self.carrier_edit = named(QLineEdit(self), "flightCarrier")
        self.number_edit = named(QLineEdit(self), "flightNumber")
        self.origin_edit = named(QLineEdit(self), "flightOrigin")
        self.destination_edit = named(QLineEdit(self), "flightDestination")
        self.departs_edit = named(QDateTimeEdit(self), "flightDeparts")
        self.departs_edit.setCalendarPopup(True)
        self.departs_edit.setDisplayFormat(QT_DATETIME_FORMAT)
        self.seats_edit = named(QLineEdit(self), "flightSeats")
        self.assembly_edit = named(QLineEdit(self), "flightAssembly")
        self.status_combo = named(QComboBox(self), "flightStatus")
        for edit in (
            self.carrier_edit,
            self.number_edit,
            self.origin_edit,
            self.destination_edit,
            self.assembly_edit,
        ):
            edit.setMaxLength(MAX_TEXT)
        self._labels = [QLabel(self) for _ in range(9)]
        form = QFormLayout()
        for label, field in zip(
            self._labels,
            (
                self.kind_combo,
                self.carrier_edit,
                self.number_edit,
                self.origin_edit,
                self.destination_edit,
                self.departs_edit,
                self.seats_edit,
                self.assembly_edit,
                self.status_combo,
            ),
            strict=True,
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._load()
        self.setMinimumWidth(460)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Add a flight or bus") if self._flight is None else self.tr("Change flight")
        )
        texts = (
            self.tr("&Transport:"),
            self.tr("&Carrier:"),
            self.tr("&Number:"),
            self.tr("&From:"),
            self.tr("T&o:"),
            self.tr("&Departure:"),
            self.tr("&Seats:"),
            self.tr("&Assembly point:"),
            self.tr("S&tatus:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.carrier_edit.setPlaceholderText(self.tr("Air Astana, a bus company…"))
        self.number_edit.setPlaceholderText(self.tr("KC 910"))
        self.origin_edit.setPlaceholderText(self.tr("Incheon ICN"))
        self.destination_edit.setPlaceholderText(self.tr("Almaty ALA"))
        self.seats_edit.setPlaceholderText(self.tr("1 to {max}").format(max=format_number(MAX_SEATS)))
        self.assembly_edit.setPlaceholderText(self.tr("Where passengers meet, and when"))
        self._fill(self.kind_combo, labels.kind_labels())
        self._fill(self.status_combo, labels.flight_status_labels())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _fill(combo: QComboBox, items: dict[str, str]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in items.items():
            combo.addItem(text, str(value))
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _load(self) -> None:
        flight = self._flight
        editing = flight is not None
        self.status_combo.setVisible(editing)
        self._labels[-1].setVisible(editing)
        if flight is None:
            start = datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
            self.departs_edit.setDateTime(_qt_moment(start))
            return
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(str(flight.kind))))
        self.carrier_edit.setText(flight.carrier)
        self.number_edit.setText(flight.number)
        self.origin_edit.setText(flight.origin)
        self.destination_edit.setText(flight.destination)
        try:
            moment = datetime.fromisoformat(flight.departs_at)
        except ValueError:
            moment = datetime.now()
        local = moment.astimezone() if moment.tzinfo is not None else moment
        self.departs_edit.setDateTime(_qt_moment(local))
        self.seats_edit.setText(str(flight.seats))
        self.assembly_edit.setText(flight.assembly_point)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(str(flight.status))))

    # ----------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any] | None:
        """The fields as the service takes them, or None after naming the first field that is wrong."""
        texts = {
            "carrier": self.carrier_edit.text().strip(),
            "number": self.number_edit.text().strip(),
            "origin": self.origin_edit.text().strip(),
            "destination": self.destination_edit.text().strip(),
            "assembly_point": self.assembly_edit.text().strip(),
        }
        required = (
            ("carrier", self.carrier_edit, self.tr("Carrier: enter the airline or bus company.")),
            ("number", self.number_edit, self.tr("Number: enter the flight or bus number.")),
            ("origin", self.origin_edit, self.tr("From: enter where the flight or bus leaves from.")),
            ("destination", self.destination_edit, self.tr("To: enter where the flight or bus goes.")),
        )
        for key, edit, message in required:
            if not texts[key]:
                return self._refuse(edit, message)
        if texts["origin"].casefold() == texts["destination"].casefold():
            return self._refuse(
                self.destination_edit, self.tr("To: the destination must differ from where it leaves.")
            )
        moment = self.departs_edit.dateTime().toPython()
        assert isinstance(moment, datetime)
        if self._flight is None and moment < datetime.now():
            return self._refuse(self.departs_edit, self.tr("Departure: the time has already passed."))
        seats_text = self.seats_edit.text().strip().replace(" ", "").replace("\u00a0", "").replace(",", "")
        if not seats_text.isdigit() or not 1 <= int(seats_text) <= MAX_SEATS:
            return self._refuse(
                self.seats_edit,
                self.tr("Seats: enter a whole number from 1 to {max}.").format(max=format_number(MAX_SEATS)),
            )
        if not texts["assembly_point"]:
            return self._refuse(
                self.assembly_edit, self.tr("Assembly point: say where passengers meet before departure.")
            )
        return {
            "kind": str(self.kind_combo.currentData() or TransportKind.FLIGHT),
            **texts,
            "departs_at": departure_text(moment),
            "seats": int(seats_text),
        }

    def _refuse(self, field: QWidget, message: str) -> dict[str, Any] | None:
        self.banner.show_error(message)
        field.setFocus()
        return None

    def save(self) -> bool:
        """Check the fields and write the flight; True when it was saved (the dialog then closes)."""
        values = self.values()
        if values is None:
            return False
        try:
            if self._flight is None:
                flight = evacuation.add_flight(self._session, **values)
            else:
                old = self._flight
                values["status"] = str(self.status_combo.currentData() or FlightStatus.OPEN)
                changes = {k: v for k, v in values.items() if str(getattr(old, k)) != str(v)}
                flight = evacuation.update_flight(self._session, old.id, **changes) if changes else old
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.result_flight = flight
        notify(
            DataChange(
                frozenset({Kind.EVACUATION}),
                message=self.tr("Flight {number} saved.").format(number=flight.number),
                origin=self,
            )
        )
        self.saved.emit(flight)
        self.accept()
        return True
