"""The registry table's columns: their keys (also the sort keys of services.browse), headers and text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from embassy_desk.domain.regions import region_name
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.duty.reached_labels import reached_text
from embassy_desk.gui.formatting import display_date, display_time
from embassy_desk.gui.i18n import current_language
from embassy_desk.services.browse import BrowseRow


@dataclass(frozen=True)
class Formatting:
    """What turning stored values into text needs, gathered once per page rather than once per cell."""

    host_country: str
    sex: dict[str, str]
    purpose: dict[str, str]
    status: dict[str, str]
    welfare: dict[str, str]
    vulnerability: dict[str, str]
    # "3 h ago" is measured from the moment the page is formatted.
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    @classmethod
    def current(cls, host_country: str) -> Formatting:
        """The labels in the language installed now."""
        return cls(
            host_country,
            vl.sex_short_labels(),
            vl.purpose_labels(),
            vl.status_labels(),
            vl.welfare_labels(),
            vl.vulnerability_labels(),
        )


@dataclass(frozen=True)
class Column:
    """One column: ``key`` names it in services.browse.SORT_KEYS and in saved header state."""

    key: str
    header: Callable[[], str]
    text: Callable[[BrowseRow, Formatting], str]
    shown_by_default: bool = True


def _date(value: str) -> str:
    return display_date(value)


def _contact(value: str) -> str:
    # Stored as ISO 8601 UTC with milliseconds; shown in local time to the minute, as everywhere.
    return display_time(value)


COLUMNS: tuple[Column, ...] = (
    Column(
        "name",
        lambda: QCoreApplication.translate("RegistryColumns", "Name"),
        lambda r, _f: r.name,
    ),
    Column(
        "name_latin",
        lambda: QCoreApplication.translate("RegistryColumns", "Name (passport)"),
        lambda r, _f: r.name_latin,
    ),
    Column(
        "birth_date",
        lambda: QCoreApplication.translate("RegistryColumns", "Born"),
        lambda r, _f: _date(r.birth_date),
    ),
    Column(
        "sex",
        lambda: QCoreApplication.translate("RegistryColumns", "Sex"),
        lambda r, f: vl.label(f.sex, r.sex),
        shown_by_default=False,
    ),
    Column(
        "national_id",
        lambda: QCoreApplication.translate("RegistryColumns", "IIN"),
        lambda r, _f: r.national_id,
    ),
    Column(
        "passport_number",
        lambda: QCoreApplication.translate("RegistryColumns", "Passport"),
        lambda r, _f: r.passport_number,
    ),
    Column(
        "phone",
        lambda: QCoreApplication.translate("RegistryColumns", "Phone"),
        lambda r, _f: r.phone,
    ),
    Column(
        "region",
        lambda: QCoreApplication.translate("RegistryColumns", "Region"),
        lambda r, f: (
            region_name(r.region, host_country=f.host_country, language=current_language())
            if r.region
            else ""
        ),
    ),
    Column(
        "city",
        lambda: QCoreApplication.translate("RegistryColumns", "City"),
        lambda r, _f: r.city,
        shown_by_default=False,
    ),
    Column(
        "purpose_of_stay",
        lambda: QCoreApplication.translate("RegistryColumns", "Purpose"),
        lambda r, f: vl.label(f.purpose, r.purpose_of_stay),
        shown_by_default=False,
    ),
    Column(
        "status",
        lambda: QCoreApplication.translate("RegistryColumns", "Status"),
        lambda r, f: vl.label(f.status, r.status),
    ),
    Column(
        "welfare_status",
        lambda: QCoreApplication.translate("RegistryColumns", "Welfare"),
        lambda r, f: vl.label(f.welfare, r.welfare_status),
    ),
    Column(
        "vulnerabilities",
        lambda: QCoreApplication.translate("RegistryColumns", "Vulnerability"),
        lambda r, f: ", ".join(vl.label(f.vulnerability, v) for v in r.vulnerabilities),
        shown_by_default=False,
    ),
    Column(
        "last_contact_at",
        lambda: QCoreApplication.translate("RegistryColumns", "Last contact"),
        lambda r, _f: _contact(r.last_contact_at),
    ),
    # Last, so that a header layout saved before it existed still restores (the new column shows).
    Column(
        "last_reached",
        lambda: QCoreApplication.translate("RegistryColumns", "Last reached"),
        lambda r, f: reached_text(r.last_reached_at, r.last_reached_channel, f.now)[0],
    ),
)

COLUMN_INDEX: dict[str, int] = {column.key: i for i, column in enumerate(COLUMNS)}
# The column painted in the colour of its freshness (model.py), beside the word that says it.
REACHED_COLUMN = COLUMN_INDEX["last_reached"]
