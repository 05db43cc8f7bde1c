"""Table models of the evacuation screen: the flights and buses, and one list of a manifest.

Both hold the few hundred rows a manifest has as plain values (a manifest is bounded by the seats).
A passport flag and a boarding status are written as words; colour only helps the eye.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from embassy_desk.gui.evacuation import labels
from embassy_desk.gui.formatting import display_date, display_time, format_number
from embassy_desk.services.evacuation import Flight, ManifestRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("EvacuationTables", text)


def passport_name(row: ManifestRow) -> str:
    """The name as the passport writes it (Latin, surname first), else the name on record."""
    latin = " ".join(p for p in (row.surname_latin.upper(), row.given_names_latin.upper()) if p)
    return latin or row.full_name


class _ListModel(QAbstractTableModel):
    """A table over a list held in ``_items``: row and column counts, headers, retranslation."""

    COLUMNS = 0

    def __init__(self) -> None:
        super().__init__()
        self._items: list[Any] = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def retranslate(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.COLUMNS - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]


class FlightTableModel(_ListModel):
    """Every flight and bus, soonest departure first (the service's order)."""

    COLUMNS = 8
    ROUTE = 3

    def __init__(self) -> None:
        super().__init__()
        self._items: list[Flight] = []

    def set_flights(self, flights: Sequence[Flight]) -> None:
        self.beginResetModel()
        self._items = list(flights)
        self.endResetModel()

    def flight(self, row: int) -> Flight | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, flight_id: str) -> int:
        return next((n for n, f in enumerate(self._items) if f.id == flight_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (
            _t("Transport"),
            _t("Carrier"),
            _t("Number"),
            _t("From → to"),
            _t("Departure"),
            _t("Seats"),
            _t("Passengers / waiting"),
            _t("Status"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        flight = self.flight(index.row())
        if flight is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return flight.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return flight.assembly_point
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return labels.label(labels.kind_labels(), flight.kind)
        if column == 1:
            return flight.carrier
        if column == 2:
            return flight.number
        if column == 3:
            return f"{flight.origin} → {flight.destination}"
        if column == 4:
            return display_time(flight.departs_at)
        if column == 5:
            return format_number(flight.seats)
        if column == 6:
            return f"{format_number(flight.passengers)} / {format_number(flight.waiting)}"
        return labels.label(labels.flight_status_labels(), flight.status)


class ManifestTableModel(_ListModel):
    """One list of a manifest (passengers, or the waiting list) in its order."""

    COLUMNS = 8
    ORDER, NAME, HOUSEHOLD, PRIORITY, STATUS, PASSPORT, BIRTH, DOCUMENT = range(COLUMNS)

    def __init__(self) -> None:
        super().__init__()
        self._items: list[ManifestRow] = []
        self._household: Callable[[ManifestRow], str] = lambda _row: ""

    def set_rows(
        self, rows: Sequence[ManifestRow], household: Callable[[ManifestRow], str] | None = None
    ) -> None:
        """Show ``rows``; ``household(row)`` names a row's household (asked only for rows on screen)."""
        self.beginResetModel()
        self._items = list(rows)
        if household is not None:
            self._household = household
        self.endResetModel()

    @property
    def rows(self) -> list[ManifestRow]:
        return list(self._items)

    def manifest_row(self, row: int) -> ManifestRow | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, citizen_id: str) -> int:
        return next((n for n, r in enumerate(self._items) if r.citizen_id == citizen_id), -1)

    def household_label(self, row: ManifestRow) -> str:
        if row.household_id is None:
            return "—"
        text = self._household(row)
        if row.split_override:
            text = _t("{household} (kept apart)").format(household=text)
        return text

    def headers(self) -> tuple[str, ...]:
        return (
            _t("No."),
            _t("Name as in the passport"),
            _t("Household"),
            _t("Priority"),
            _t("Boarding"),
            _t("Passport"),
            _t("Born"),
            _t("Document"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.manifest_row(index.row())
        if row is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return row.citizen_id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME:
            return row.full_name
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = None
            if column == self.PASSPORT:
                colours = labels.flag_colours(row.passport_flag)
            elif column == self.STATUS:
                colours = labels.status_colours(row.status)
            if colours is None:
                return None
            return colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ORDER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.ORDER:
            return format_number(index.row() + 1)
        if column == self.NAME:
            return passport_name(row)
        if column == self.HOUSEHOLD:
            return self.household_label(row)
        if column == self.PRIORITY:
            return labels.label(labels.priority_labels(), row.priority)
        if column == self.STATUS:
            return labels.label(labels.passenger_status_labels(), row.status)
        if column == self.PASSPORT:
            return labels.passport_label(row.passport_flag)
        if column == self.BIRTH:
            return display_date(row.birth_date)
        return row.passport_number or "—"
