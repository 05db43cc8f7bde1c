"""Turning citizens' check-in answers into records of their post's log (issue 14).

Skeleton committed by the lead; engineer D owns and completes it (see the issue 14 brief).
"""

from __future__ import annotations

from embassy_desk.hq.store import HQStore


def drain(store: HQStore, *, post: str | None = None, limit: int = 1000) -> int:
    """Write pending answers (of ``post``, or of every post) into the posts' logs; how many."""
    raise NotImplementedError


class Drainer:
    """Drains every ``interval`` seconds in a background thread of ``hq serve``."""

    def __init__(self, store: HQStore, *, interval: float = 2.0) -> None:
        self.store = store
        self.interval = interval

    def start(self) -> None:
        """Start the background thread."""

    def stop(self) -> None:
        """Stop it and wait for it (a drain in progress finishes first)."""
