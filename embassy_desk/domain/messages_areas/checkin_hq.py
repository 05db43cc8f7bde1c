"""HQ's side of check-in: the public listener, the SMS webhook and the drainer (issue 14).

Codes start with ``hqcheckin.``."""

CATALOG: dict[str, str] = {
    "hqcheckin.title": "Check-in at headquarters",
}
