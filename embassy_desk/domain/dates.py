"""Calendar dates as people type them (ISO or day-first) and as the registry stores them."""

from __future__ import annotations

import re
from datetime import date, datetime

from embassy_desk.domain.errors import ValidationError

__all__ = ["format_date", "parse_date"]

# Day first, as written in Kazakhstan and most of Europe. Month-first is never tried: it would
# silently swap day and month in dates such as 03.04.2001.
_DAY_FIRST = re.compile(r"([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4})")
_ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HINT = "is not a date; use YYYY-MM-DD or DD.MM.YYYY"


def _reject(raw: object, field: str) -> ValidationError:
    shown = str(raw)
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return ValidationError(field, f"'{shown}' {_HINT}")


def parse_date(raw: str | date | datetime, *, field: str) -> date:
    """Read a date from YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY (one-digit day and month allowed in the
    day-first forms) or a ``date``/``datetime`` (its time is dropped).

    Raises ``ValidationError(field, "... is not a date; use YYYY-MM-DD or DD.MM.YYYY")`` for
    anything else, including impossible dates such as 31.02.2001.
    """
    # datetime is a subclass of date, so it is tested first.
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        # Spreadsheet cells arrive as numbers or None despite the annotation.
        raise _reject(raw, field)
    text = raw.strip()
    # Fast path: stored and exported dates are ISO. The shape is checked first because
    # date.fromisoformat also takes forms such as "20010203" and "2001-W05-6".
    if len(text) == 10 and _ISO_SHAPE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _reject(text, field) from None
    m = _DAY_FIRST.fullmatch(text)
    if m is None:
        raise _reject(text, field)
    try:
        return date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:
        raise _reject(text, field) from None


def format_date(d: date) -> str:
    """ISO 8601 form (YYYY-MM-DD), the form the registry stores and exports."""
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()
