"""Placeholders in template text, and dates written the way each language writes them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

# ``{name}`` is a merged field; ``{{`` and ``}}`` are literal braces.
_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\}")

LANGUAGES = ("kk", "ru", "en", "ko")

_MONTHS = {
    "kk": (
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ),
    "ru": (
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def placeholders(text: str) -> set[str]:
    """The field names ``text`` merges in."""
    return {m.group(1) for m in _TOKEN.finditer(text) if m.group(1)}


def fill(text: str, values: Mapping[str, str]) -> str:
    """Merge ``values`` into ``text``. Values are inserted as plain text, never re-read as placeholders."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return match.group(0)[0]
        try:
            return values[name]
        except KeyError:
            raise ValidationError(name, Msg("notice.field_not_given")) from None

    return _TOKEN.sub(one, text)


def long_date(day: date, language: str) -> str:
    """``day`` as a letter writes it.

    26 November 2026; 26 ноября 2026 г.; 2026 жылғы 26 қараша; 2026년 11월 26일.
    """
    if language == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    if language == "kk":
        return f"{day.year} жылғы {day.day} {_MONTHS['kk'][day.month - 1]}"
    if language == "ru":
        return f"{day.day} {_MONTHS['ru'][day.month - 1]} {day.year} г."
    return f"{day.day} {_MONTHS['en'][day.month - 1]} {day.year}"


def short_date(iso: str | None, language: str) -> str:
    """A stored ISO date as people of ``language`` write it in forms (DD.MM.YYYY or YYYY.MM.DD.)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if language == "ko":
        return f"{day.year}. {day.month:02d}. {day.day:02d}."
    if language == "en":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
