"""One app-wide notification that stored data changed, for every view and the status bar.

Whoever writes (a dialog after its service call, the import when it ends) calls :func:`notify`
with what changed; whoever shows data listens to ``data_events().changed`` and refreshes what it
shows, or ignores what does not concern it. Writers need not know who shows what (the citizen
count in the status bar, the registry's rows, the follow-ups list), and a new view only has to
listen. Nothing here is personal: ids, kinds and a message already on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, Signal


class Kind(StrEnum):
    """What kind of record changed."""

    CITIZENS = "citizens"  # registered, edited, merged, deleted, imported
    CONTACTS = "contacts"  # a contact logged (the citizen's welfare and last contact with it)
    CASES = "cases"
    NOTICES = "notices"
    CAMPAIGNS = "campaigns"  # a campaign made, split, reassigned or closed; an outcome recorded
    DUTY = "duty"  # a duty-log note written
    EVACUATION = "evacuation"  # a flight, a manifest or a boarding changed


@dataclass(frozen=True)
class DataChange:
    """What changed. ``citizen_ids`` empty means many or unknown (an import): read everything again.

    ``count_changed`` says citizens were added or removed; ``message`` (in the person's language)
    says what was done, for the status bar; ``origin`` is the object that made the change (a
    dialog), so the view that opened it can follow up (move to the next person, say).
    """

    kinds: frozenset[Kind]
    citizen_ids: tuple[str, ...] = ()
    count_changed: bool = False
    message: str = ""
    origin: object | None = None

    @property
    def bulk(self) -> bool:
        """Whether too much (or an unknown set) changed to refresh row by row."""
        return not self.citizen_ids


class DataEvents(QObject):
    """Carries :class:`DataChange` values to every listener, on the GUI thread."""

    changed = Signal(object)


_events: DataEvents | None = None


def data_events() -> DataEvents:
    """The application's one notifier (made on first use, owned by the application)."""
    global _events
    if _events is None:
        _events = DataEvents(QCoreApplication.instance())
    return _events


def notify(change: DataChange) -> None:
    """Tell every listener that ``change`` happened (call it after the service call returned)."""
    data_events().changed.emit(change)
