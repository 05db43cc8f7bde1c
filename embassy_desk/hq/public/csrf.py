"""The check-in forms' hidden ``csrf`` field: a signed, dated value tied to one link.

The page sets no cookie, so the usual session-bound token does not exist. Instead the field holds
the time the page was made and an HMAC-SHA256 over the link's token hash and that time, keyed with
the listener's secret (hq/public/settings.py). Another site cannot make a valid field for a link
without the key, a field from one link is worthless on another, and an old page's form expires. The
same-origin check on ``Origin`` / ``Sec-Fetch-Site`` (hq/public/app.py) is the second guard.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

# Unix seconds, a dot, 22 characters of base64url (128 bits of the HMAC are plenty here).
_MAC_CHARS = 22


def _mac(secret: bytes, token_hash: str, issued: int) -> str:
    digest = hmac.new(secret, f"checkin.{token_hash}.{issued}".encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:_MAC_CHARS]


def issue(secret: bytes, token_hash: str, now: float) -> str:
    """The field's value for a page of the link ``token_hash`` made at ``now`` (Unix seconds)."""
    issued = int(now)
    return f"{issued}.{_mac(secret, token_hash, issued)}"


def valid(secret: bytes, token_hash: str, value: str, now: float, max_age: int) -> bool:
    """Whether ``value`` was issued by this listener for this link less than ``max_age`` seconds ago
    (and not in the future, beyond a minute of clock slack)."""
    issued_text, dot, mac = value.partition(".")
    if not dot or len(mac) != _MAC_CHARS or len(issued_text) > 12:
        return False
    if not (issued_text.isascii() and issued_text.isdigit()):
        return False
    issued = int(issued_text)
    if not (now - max_age <= issued <= now + 60):
        return False
    return hmac.compare_digest(mac.encode("ascii", "replace"), _mac(secret, token_hash, issued).encode())
