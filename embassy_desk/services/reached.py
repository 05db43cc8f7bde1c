"""When each citizen was last reached, and how: the latest contact with outcome ``reached``.

A page of the registry (64 people) asks once for all of them; each person's answer is one seek in
the index ``ix_contacts_citizen (citizen_id, at)``, read newest first until a reached contact turns
up, so the cost does not grow with the size of the registry or of the contact log.
:mod:`embassy_desk.services.browse` uses the same SQL inside its page query (``LATEST_REACHED``), so
the table gets it with the rows at no extra query. Whether that reach is still fresh is the rule of
:mod:`embassy_desk.domain.freshness`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from embassy_desk.domain.enums import Channel
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

# The latest reach of the person on the row of ``citizens`` in the enclosing query, as
# "AT|CHANNEL" (neither holds a "|"); NULL when nobody ever reached them.
LATEST_REACHED = (
    "(SELECT c.at || '|' || c.channel FROM contacts c INDEXED BY ix_contacts_citizen"
    " WHERE c.citizen_id = citizens.id AND c.outcome = 'reached' ORDER BY c.at DESC LIMIT 1)"
)
# For sorting the registry by it (services.browse.SORT_KEYS): no comma, the order clause splits on them.
LATEST_REACHED_AT = (
    "(SELECT max(c.at) FROM contacts c INDEXED BY ix_contacts_citizen"
    " WHERE c.citizen_id = citizens.id AND c.outcome = 'reached')"
)


@dataclass(frozen=True)
class Reached:
    """A person's latest reach: its time (ISO 8601 UTC) and the channel it went through."""

    at: str
    channel: Channel


def split_reached(value: str | None) -> Reached | None:
    """A ``LATEST_REACHED`` value as a :class:`Reached` (None for NULL or anything unreadable)."""
    if not value:
        return None
    at, _sep, channel = value.partition("|")
    try:
        return Reached(at, Channel(channel))
    except ValueError:
        return None


def last_reached(session: Session, citizen_ids: Sequence[str]) -> dict[str, Reached]:
    """The latest reach of each of ``citizen_ids`` that was ever reached (the others are left
    out), in one query: meant for a page of ids, not for the whole registry."""
    session.require(Action.CITIZEN_VIEW)
    ids = list(dict.fromkeys(citizen_ids))
    if not ids:
        return {}
    sql = (
        "SELECT j.value, (SELECT c.at || '|' || c.channel FROM contacts c INDEXED BY ix_contacts_citizen"
        " WHERE c.citizen_id = j.value AND c.outcome = 'reached' ORDER BY c.at DESC LIMIT 1)"
        " FROM json_each(?) j"
    )
    with session.read() as conn:
        rows = conn.exec_driver_sql(sql, (json.dumps(ids),)).all()
    found: dict[str, Reached] = {}
    for citizen_id, value in rows:
        reached = split_reached(value)
        if reached is not None:
            found[str(citizen_id)] = reached
    return found
