"""What the command line says, in the language of the POSIX locale (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``): Russian and Kazakh where asked for, English otherwise.

The texts are coded messages (see :mod:`embassy_desk.domain.messages`): ``say("cli.exported", ...)``
here, the English template in the catalog, the Russian and Kazakh ones in ``resources/messages``.
Machine output (ids, ``--json``, tables of values) is never translated.
"""

from __future__ import annotations

import sys

from embassy_desk.domain.messages import Msg, Param, format_date, language_from_environment, render

__all__ = ["error_text", "language", "say", "tell"]


def language() -> str:
    """The language this process speaks ("en", "ru" or "kk")."""
    return language_from_environment()


def say(code: str, /, **params: Param) -> str:
    """The text of message ``code`` in the command line's language."""
    return render(Msg(code, **params), language())


def tell(code: str, /, *, err: bool = False, **params: Param) -> None:
    """Print message ``code`` (to standard error with ``err=True``)."""
    print(say(code, **params), file=sys.stderr if err else sys.stdout)


def error_text(error: BaseException | str) -> str:
    """An error's message in the command line's language."""
    return render(error, language())


def day_text(iso: str | None) -> str:
    """A stored ISO date (or the date part of a stamp) as the command line writes dates."""
    from datetime import date

    if not iso:
        return ""
    try:
        return format_date(date.fromisoformat(iso[:10]), language())
    except ValueError:
        return iso
