"""Calendar dates as people type them (ISO or day-first) and as the registry stores them."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = ["format_date", "parse_date", "read_date_text"]

# Day first, as written in Kazakhstan and most of Europe. Month-first is never tried: it would
# silently swap day and month in dates such as 03.04.2001.
_DAY_FIRST = re.compile(r"([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4})")
_ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _reject(raw: object, field: str) -> ValidationError:
    shown = str(raw)
    if len(shown) > 40:
        shown = shown[:40] + "…"
    return ValidationError(field, Msg("date.invalid", value=shown))


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
    found = read_date_text(raw)
    if found is None:
        raise _reject(raw.strip(), field)
    return found[0]


def read_date_text(raw: str) -> tuple[date, str] | None:
    """The date in ``raw`` as :func:`parse_date` reads it, with its ISO text; None if ``raw`` is
    not a date. Never raises, so the caller can name its own field in the message."""
    if raw.__class__ is str and len(raw) <= _CACHED_LENGTH:
        return _read_cached(raw)
    return _read(raw)


def _read(raw: str) -> tuple[date, str] | None:
    text = raw.strip()
    # Fast path: stored and exported dates are ISO. The shape is checked first because
    # date.fromisoformat also takes forms such as "20010203" and "2001-W05-6".
    if len(text) == 10 and _ISO_SHAPE.fullmatch(text):
        try:
            return date.fromisoformat(text), text
        except ValueError:
            return None
    m = _DAY_FIRST.fullmatch(text)
    if m is None:
        return None
    try:
        found = date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:
        return None
    return found, found.isoformat()


# Imports repeat dates a lot (arrival and consent dates of a batch, common birth dates), and
# both tuple members are immutable, so sharing them is safe. A refusal is cached as a bare None
# and its message built by the caller, so the message always names the caller's field. Entry
# count and key length are capped so memory stays flat.
_CACHED_LENGTH = 32
_read_cached = lru_cache(maxsize=1 << 15)(_read)


def format_date(d: date) -> str:
    """ISO 8601 form (YYYY-MM-DD), the form the registry stores and exports."""
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()
