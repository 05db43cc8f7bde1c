"""Personal check-in links (issue 14): the token, its hash, and the address a citizen opens.

A token is 16 random bytes (128 bits) from ``secrets``, written base64url without padding (22
characters), so it fits an SMS and a small QR code. Only its SHA-256 is kept, at the post and at HQ:
a copied database or a stolen HQ dump cannot answer for anyone. The token's own entropy makes a salt
unnecessary (no dictionary of 2^128 tokens exists).
"""

from __future__ import annotations

import hashlib
import re
import secrets

TOKEN_BYTES = 16
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{22}$")
PATH_PREFIX = "/c/"
# The languages the public page speaks; a citizen's record picks one, the page lets them switch.
LANGUAGES = ("kk", "ru", "en", "ko")
DEFAULT_LANGUAGE = "ru"


def new_token() -> str:
    """A fresh, unguessable token (128 bits, base64url, 22 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a token: the only form in which a token is stored."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def well_formed(token: str) -> bool:
    """Whether ``token`` could be one of ours (checked before any lookup)."""
    return bool(TOKEN_PATTERN.match(token))


def phone_hash(e164: str) -> str:
    """The SHA-256 (hex) of an E.164 number: how HQ matches an SMS reply to a link."""
    return hashlib.sha256(("tel:" + e164).encode("utf-8")).hexdigest()


def link_url(public_base: str, token: str) -> str:
    """The address a citizen opens: HQ's public address + ``/c/TOKEN``."""
    return public_base.rstrip("/") + PATH_PREFIX + token


def page_language(language: str | None) -> str:
    """The page language for a record's language (one of LANGUAGES; Russian when none fits)."""
    code = (language or "").strip().lower()[:2]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE
