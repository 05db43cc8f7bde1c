"""HQ's notion of now: ISO-8601 UTC strings of one fixed width, so they compare as strings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """``moment`` as HQ stores times: ``2026-12-06T22:44:14.123Z`` (UTC, milliseconds)."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_moment(text: str) -> datetime | None:
    """An ISO moment from a workstation (naive ones are taken as UTC); None if it is not one."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
