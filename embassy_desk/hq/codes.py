"""One-time enrollment codes: 140 random bits a person can type (Crockford base32 in groups of 4).

Only a SHA-256 of the normalised code is stored: a database dump cannot enroll a device. The code is
random enough (>= 128 bits) that a plain hash is as good as a slow one.
"""

from __future__ import annotations

import hashlib
import secrets

# Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or a word.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 28  # 28 x 5 = 140 bits
GROUP = 4
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def new_code() -> str:
    """A fresh code such as ``7KQM-3XWP-...`` (7 groups of 4)."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(chars[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalise(code: str) -> str:
    """The code as typed, without spaces or dashes, upper case, with look-alike letters read as digits."""
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\r\n")
    return "".join(_READ_AS.get(ch, ch) for ch in cleaned)


def code_hash(code: str) -> str:
    """What HQ stores of a code (domain-separated SHA-256 of its normalised form)."""
    return hashlib.sha256(b"embassy-desk enroll code\x00" + normalise(code).encode("utf-8")).hexdigest()
