"""Dates, times and numbers as the window shows them: one written form per language, in every view.

Every view that shows a date, a time or a count goes through these functions (the registry, the
record and its tabs, cases, follow-ups, the audit log, reports), so the window never mixes
"2026-12-07", "2026-12-06 18:32" and "07.12.2026". The forms themselves are defined once in
:mod:`embassy_desk.domain.messages` (the command line uses the same ones): dates day-first
(07.12.2026), times to the minute in the computer's time zone (07.12.2026 18:32), numbers grouped
as the language groups them (5,004 in English; 5 004 in Russian and Kazakh).
"""

from __future__ import annotations

from datetime import date, datetime

from embassy_desk.domain import messages
from embassy_desk.gui.i18n import current_language

# For Qt's date editors (QDateEdit.setDisplayFormat), matching format_date.
QT_DATE_FORMAT = "dd.MM.yyyy"
QT_DATETIME_FORMAT = "dd.MM.yyyy HH:mm"


def format_date(day: date) -> str:
    """A day as the window shows it."""
    return messages.format_date(day, current_language())


def format_moment(moment: datetime) -> str:
    """A moment in the computer's time zone, to the minute; a naive datetime is taken as local."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return messages.format_datetime(local, current_language())


def format_number(number: int | float, *, decimals: int = 0) -> str:
    """A count or amount grouped as the window's language groups digits."""
    return messages.format_number(number, current_language(), decimals=decimals)


def display_date(iso: str | None) -> str:
    """A stored date (``2026-12-07``, or the date part of a stamp) as the window shows it; other
    text is returned unchanged, empty for None."""
    if not iso:
        return ""
    try:
        return format_date(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def display_time(iso: str | None) -> str:
    """A stored timestamp (UTC with offset, or local without one) as local date and time."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return format_moment(moment)


def display_due(iso: str | None) -> str:
    """A follow-up as stored: a day alone (``2026-12-07``) or a local day and time (``…T14:30``)."""
    if not iso:
        return ""
    return display_time(iso) if "T" in iso else display_date(iso)
