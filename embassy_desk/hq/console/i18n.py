"""The console's words in the operator's language: the project's message catalogue (domain/messages),
so console texts are translated, tested and checked for placeholders like every other message."""

from __future__ import annotations

from typing import Any

from embassy_desk.domain.messages import Msg, format_number, render
from embassy_desk.hq.console.model import CONSOLE_LANGUAGES


def language_or_default(language: str | None) -> str:
    """``language`` if the console speaks it, else English."""
    return language if language in CONSOLE_LANGUAGES else "en"


def translate(language: str, code: str, **params: Any) -> str:
    """The text of message ``code`` in ``language`` (English when a text is missing)."""
    return render(Msg(code, **params), language)


def number(language: str, value: int | float) -> str:
    """A figure with the language's digit grouping (12,345 / 12 345)."""
    return format_number(value, language)
