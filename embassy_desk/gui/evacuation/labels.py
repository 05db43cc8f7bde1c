"""Translated labels of the evacuation vocabularies, and the colours that go with a passport flag.

Each label is a literal inside ``QCoreApplication.translate`` so lupdate finds it; called at paint time
so a language switch shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from embassy_desk.domain.enums import (
    EvacPriority,
    FlightStatus,
    ManifestList,
    PassengerStatus,
    PassportFlag,
    TransportKind,
)

CONTEXT = "EvacuationLabels"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_labels() -> dict[str, str]:
    return {TransportKind.FLIGHT: _t("Flight"), TransportKind.BUS: _t("Bus")}


def flight_status_labels() -> dict[str, str]:
    return {
        FlightStatus.OPEN: _t("Open"),
        FlightStatus.CLOSED: _t("Closed (boarding)"),
        FlightStatus.DEPARTED: _t("Departed"),
        FlightStatus.CANCELLED: _t("Cancelled"),
    }


def list_labels() -> dict[str, str]:
    return {
        ManifestList.PASSENGER: _t("Passengers"),
        ManifestList.WAITING: _t("Waiting list"),
        ManifestList.REMOVED: _t("Removed"),
    }


def passenger_status_labels() -> dict[str, str]:
    return {
        PassengerStatus.CONFIRMED: _t("Confirmed"),
        PassengerStatus.CHECKED_IN: _t("Checked in"),
        PassengerStatus.BOARDED: _t("Boarded"),
        PassengerStatus.NO_SHOW: _t("No-show"),
    }


def priority_labels() -> dict[str, str]:
    return {
        EvacPriority.MEDICAL: _t("Medical"),
        EvacPriority.PREGNANT: _t("Pregnant"),
        EvacPriority.CHILD_FAMILY: _t("Child with family"),
        EvacPriority.ELDERLY: _t("Elderly"),
        EvacPriority.OTHER: _t("Other"),
    }


def passport_label(flag: PassportFlag | str | None) -> str:
    """The passport check as words: never a colour alone."""
    if flag is None or flag == "":
        return _t("Valid")
    words: dict[str, str] = {
        PassportFlag.EXPIRED: _t("Expired by departure"),
        PassportFlag.MISSING: _t("Missing"),
    }
    return words.get(str(flag), str(flag))


# Text and background pairs with enough contrast; the words carry the meaning, the colour only helps.
_FLAG_COLOURS: dict[str, tuple[str, str]] = {
    PassportFlag.EXPIRED: ("#8a1c12", "#fdecea"),
    PassportFlag.MISSING: ("#7a4b00", "#fff4d6"),
}
_STATUS_COLOURS: dict[str, tuple[str, str]] = {
    PassengerStatus.CHECKED_IN: ("#0b4f71", "#e3f1fa"),
    PassengerStatus.BOARDED: ("#1e5631", "#e8f4ea"),
    PassengerStatus.NO_SHOW: ("#8a1c12", "#fdecea"),
}


def flag_colours(flag: PassportFlag | str | None) -> tuple[QColor, QColor] | None:
    """Foreground and background of a flagged passport's cell (None for a valid passport)."""
    pair = _FLAG_COLOURS.get(str(flag)) if flag else None
    return (QColor(pair[0]), QColor(pair[1])) if pair else None


def status_colours(status: PassengerStatus | str) -> tuple[QColor, QColor] | None:
    """Foreground and background of a boarding status cell (None for confirmed)."""
    pair = _STATUS_COLOURS.get(str(status))
    return (QColor(pair[0]), QColor(pair[1])) if pair else None


def label(labels: dict[str, str], value: object) -> str:
    return labels.get(str(value), str(value))
