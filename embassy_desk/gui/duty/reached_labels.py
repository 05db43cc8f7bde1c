"""How the window says when a person was last reached: "3 h ago · phone (fresh)", "12 days ago · visit
(stale)", "never". The word is always there, and a colour with it (never the colour alone): the
registry's "Last reached" column and the line at the top of a citizen's record use the same texts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from embassy_desk.domain.enums import Channel
from embassy_desk.domain.freshness import Freshness, freshness, parse_moment

# Dark enough to read on white and on the alternating row colour (contrast above 4.5:1).
COLOURS: dict[Freshness, str] = {
    Freshness.FRESH: "#1b6e31",  # green
    Freshness.STALE: "#8a5300",  # amber-brown
    Freshness.NEVER: "#b3261e",  # red
}
_BRUSH_CACHE: dict[Freshness, QColor] = {}


def colour(state: Freshness) -> QColor:
    """The text colour of a freshness state."""
    found = _BRUSH_CACHE.get(state)
    if found is None:
        found = _BRUSH_CACHE[state] = QColor(COLOURS[state])
    return found


def _tr(text: str) -> str:
    return QCoreApplication.translate("LastReached", text)


def state_word(state: Freshness) -> str:
    """ "fresh", "stale" or "never" in the window's language."""
    words = {
        Freshness.FRESH: _tr("fresh"),
        Freshness.STALE: _tr("stale"),
        Freshness.NEVER: _tr("never"),
    }
    return words[state]


def channel_word(channel: str) -> str:
    """A contact channel as a short word for the column ("phone", "visit")."""
    words: dict[str, str] = {
        Channel.PHONE: _tr("phone"),
        Channel.SMS: _tr("SMS"),
        Channel.EMAIL: _tr("e-mail"),
        Channel.VISIT: _tr("visit"),
        Channel.MESSENGER: _tr("messenger"),
        Channel.LETTER: _tr("letter"),
        Channel.CHECK_IN: _tr("check-in"),
    }
    return words.get(channel, channel)


def ago(at: str, now: datetime) -> str:
    """How long ago ``at`` was: "just now", "25 min ago", "3 h ago" (under two days), "12 days ago"."""
    moment = parse_moment(at)
    if moment is None:
        return at
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return _tr("just now")
    if seconds < 3600:
        return _tr("%1 min ago").replace("%1", str(int(seconds // 60)))
    if seconds < 48 * 3600:
        return _tr("%1 h ago").replace("%1", str(int(seconds // 3600)))
    days = int(seconds // 86400)
    return _tr("%1 days ago").replace("%1", str(days))


def reached_state(at: str, now: datetime) -> Freshness:
    """Fresh, stale or never (``at`` empty) by the rule of domain/freshness.py."""
    return freshness(at or None, now)


def reached_text(at: str, channel: str, now: datetime | None = None) -> tuple[str, Freshness]:
    """The column's text and the state it names: "3 h ago · phone (fresh)", or "never"."""
    moment = now or datetime.now(UTC)
    state = reached_state(at, moment)
    if state is Freshness.NEVER:
        return state_word(state), state
    return f"{ago(at, moment)} · {channel_word(channel)} ({state_word(state)})", state
