"""The console's settings: session lifetimes, cookie flags, back-off and the stale-sync threshold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConsoleSettings:
    """How the console treats sessions and sign-ins (defaults are the documented ones: docs/hq-console.md).

    ``secure_cookies``: the session cookie is ``__Host-`` prefixed and ``Secure`` (HTTPS, or a TLS
    terminator in front); only tests on plain loopback HTTP turn it off.
    """

    idle_minutes: int = 15
    absolute_hours: int = 12
    secure_cookies: bool = True
    # Sign-in back-off: after the 3rd failure in a row, 2**(failures-3) seconds (at most 300) must pass
    # before the next attempt is even checked; the 10th failure in a row locks the account.
    backoff_after: int = 3
    max_backoff_seconds: int = 300
    lock_after: int = 10
    # A post whose newest sync is older than this is flagged on the overview.
    stale_hours: float = 3.0
