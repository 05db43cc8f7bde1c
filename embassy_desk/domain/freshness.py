"""How fresh the last word from a citizen is: fresh, stale or never.

In a crisis the question every record must answer at a glance is "do we know this person is safe,
and since when?". A contact with outcome ``reached`` answers it for a while only:

* **fresh**: reached within :data:`FRESH_FOR` (72 hours) of now;
* **stale**: reached, but longer ago than that (or the time cannot be read);
* **never**: nobody has ever reached them.

Why 72 hours: martial law, shelling or an evacuation change a person's situation within days. A
reach older than three days no longer says someone is safe *now*; the ministry's hourly question
("how many are confirmed safe?") needs reaches from the last three days, and a call list made
"not reached since three days ago" picks up exactly the stale and the never-reached. A reach at
exactly 72 hours is still fresh; one millisecond later it is stale. A time in the future (a clock
running ahead at another workstation) counts as fresh: it is the latest word there is.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum

FRESH_FOR = timedelta(hours=72)


class Freshness(StrEnum):
    """How recent the latest reach of a person is (see the module's rule)."""

    FRESH = "fresh"
    STALE = "stale"
    NEVER = "never"


def parse_moment(value: str) -> datetime | None:
    """A stored ISO 8601 time as an aware datetime (a time without offset is taken as UTC), or None."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def freshness(last_reached_at: str | None, now: datetime, *, fresh_for: timedelta = FRESH_FOR) -> Freshness:
    """Fresh, stale or never for the time of a person's latest reach (None or "": never reached).

    ``now`` should be aware; a naive ``now`` is taken as UTC, like stored times without an offset.
    """
    if not last_reached_at:
        return Freshness.NEVER
    moment = parse_moment(last_reached_at)
    if moment is None:
        return Freshness.STALE  # unreadable: do not claim anyone is safe on it
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return Freshness.FRESH if now - moment <= fresh_for else Freshness.STALE
