"""Check-in links at the post: making links, the message list and notices, the phone review queue (issue 14).

Codes start with ``checkin.``."""

CATALOG: dict[str, str] = {
    "checkin.title": "Check-in links",
}
