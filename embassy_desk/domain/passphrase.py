"""Passphrase policy (SECURITY promise 10), after NIST SP 800-63B.

Length is what makes a passphrase strong, so the policy asks for at least 12 characters, accepts
very long ones (pasted from a password manager, or a sentence in any script) and has no composition
rules. What it refuses are the choices attackers try first: common passwords and their padded or
look-alike spellings, one character repeated, plain sequences, runs of neighbouring keys, and the
user's own name.
"""

from __future__ import annotations

import functools
import itertools
import re
import string
import unicodedata
from importlib import resources
from typing import Literal

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = [
    "MAX_PASSPHRASE_LENGTH",
    "MIN_PASSPHRASE_LENGTH",
    "PassphraseStrength",
    "check_passphrase",
    "passphrase_hint",
]

MIN_PASSPHRASE_LENGTH = 12
# Far beyond anything typed; the cap only keeps a mistaken paste of a whole document out.
MAX_PASSPHRASE_LENGTH = 4096
MIN_USERNAME_MATCH = 4
# A common password padded with up to this many digits or symbols is still a common password.
_MAX_PADDING = 6

PassphraseStrength = Literal["weak", "fair", "strong"]

FIELD = "passphrase"
_IGNORED = re.compile(r"[\s\-_.]+")
_PADDING = string.digits + string.punctuation
# Common substitutions; "1" stands for both "i" and "l", so both readings are tried.
_LEET_I = str.maketrans("@4310$5!7+", "aaeiossitt")
_LEET_L = str.maketrans("@4310$5!7+", "aaelossitt")
_KEYBOARD_WALKS = (
    "`1234567890-=",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "qwertyuiopasdfghjklzxcvbnm",
    "1234567890qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
    "qazwsxedcrfvtgbyhnujmikolp",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "!@#$%^&*()_+",
    "qwertzuiopü",  # German
    "azertyuiop",  # French
    "qsdfghjklm",
    "йцукенгшщзхъ",  # Russian and Kazakh share these rows
    "фывапролджэ",
    "ячсмитьбю",
    "йцукенгшщзхъфывапролджэячсмитьбю",
    "әіңғүұқөһ",  # Kazakh number row
)


@functools.cache
def _blocklist() -> frozenset[str]:
    # Read on first use rather than at import, so importing the domain stays free of I/O.
    text = (
        resources.files("embassy_desk.domain")
        .joinpath("data/common_passwords.txt")
        .read_text(encoding="utf-8")
    )
    entries = (line.strip() for line in text.splitlines())
    return frozenset(_compact(e) for e in entries if e and not e.startswith("#"))


def _compact(text: str) -> str:
    # Case and spacing do not make "Pass Word 1234" any harder to guess than "password1234".
    return _IGNORED.sub("", unicodedata.normalize("NFC", text).casefold())


def _is_repetition(text: str) -> bool:
    """True for one character repeated, or a short unit repeated ("abcabcabc", "qwertyqwerty")."""
    if len(set(text)) <= 1:
        return True
    # Slice comparison runs in C: a crafted 4096-character input stays in milliseconds.
    return any(text[p:] == text[:-p] for p in range(1, len(text) // 2 + 1))


def _step(a: str, b: str) -> int | None:
    # Digits and Latin letters wrap around ("7890123", "xyzabc"); other scripts follow code points,
    # which puts Cyrillic, Greek and most alphabets in their usual order.
    if a in string.digits and b in string.digits:
        diff = (int(b) - int(a)) % 10
        return {1: 1, 9: -1}.get(diff)
    if a in string.ascii_lowercase and b in string.ascii_lowercase:
        diff = (ord(b) - ord(a)) % 26
        return {1: 1, 25: -1}.get(diff)
    diff = ord(b) - ord(a)
    return diff if diff in (1, -1) else None


def _is_sequence(text: str) -> bool:
    """True for a plain ascending or descending run such as "abcdefghijkl" or "987654321098"."""
    if len(text) < 3:
        return False
    first = _step(text[0], text[1])
    return first is not None and all(_step(a, b) == first for a, b in itertools.pairwise(text))


def _is_keyboard_walk(text: str) -> bool:
    return any(text in walk or text in walk[::-1] for walk in _KEYBOARD_WALKS)


def _is_trivial(text: str) -> bool:
    return not text or _is_repetition(text) or _is_sequence(text) or _is_keyboard_walk(text)


def _is_common(compact: str) -> bool:
    blocklist = _blocklist()
    candidates = {compact, compact.translate(_LEET_I), compact.translate(_LEET_L)}
    core = compact.strip(_PADDING)
    if core and core != compact:
        padding = compact.replace(core, "", 1)
        if len(padding) <= _MAX_PADDING or _is_trivial(padding) or padding in blocklist:
            candidates |= {core, core.translate(_LEET_I), core.translate(_LEET_L)}
    return not candidates.isdisjoint(blocklist)


def check_passphrase(passphrase: str, *, username: str | None = None) -> None:
    """Raise ValidationError("passphrase", …) if ``passphrase`` does not meet the policy.

    At least 12 characters (Unicode code points after NFC), at most 4096, no control characters;
    not a common password, one character repeated, a plain sequence, a run of neighbouring keys, or
    containing the user name (when it has 4 characters or more). No composition rules.
    """
    text = unicodedata.normalize("NFC", passphrase)
    length = len(text)
    if length < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(FIELD, Msg("passphrase.too_short", min=MIN_PASSPHRASE_LENGTH, length=length))
    if length > MAX_PASSPHRASE_LENGTH:
        raise ValidationError(FIELD, Msg("passphrase.too_long", max=MAX_PASSPHRASE_LENGTH))
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        # A pasted line break or tab could never be typed again at the login screen.
        raise ValidationError(FIELD, Msg("passphrase.control"))
    compact = _compact(text)
    if len(set(compact)) <= 1:
        raise ValidationError(FIELD, Msg("passphrase.one_character"))
    if _is_repetition(compact):
        raise ValidationError(FIELD, Msg("passphrase.repeated"))
    if _is_sequence(compact):
        raise ValidationError(FIELD, Msg("passphrase.sequence"))
    if _is_keyboard_walk(compact):
        raise ValidationError(FIELD, Msg("passphrase.keyboard"))
    if _is_common(compact):
        raise ValidationError(FIELD, Msg("passphrase.common"))
    if username is not None:
        name = _compact(username)
        if len(name) >= MIN_USERNAME_MATCH and name in compact:
            raise ValidationError(FIELD, Msg("passphrase.username"))


def passphrase_hint(passphrase: str, *, username: str | None = None) -> PassphraseStrength:
    """Return a short strength hint for a UI: "weak", "fair" or "strong".

    "weak" means the policy would refuse it. Otherwise the hint rewards length first and variety
    second: a long phrase of several words is "strong" without any digits or symbols.
    """
    try:
        check_passphrase(passphrase, username=username)
    except ValidationError:
        return "weak"
    text = unicodedata.normalize("NFC", passphrase)
    classes = sum(
        (
            any(ch.islower() for ch in text),
            any(ch.isupper() for ch in text),
            any(ch.isdigit() for ch in text),
            any(ch.isspace() for ch in text),
            any(not ch.isalnum() and not ch.isspace() for ch in text),
            any(ord(ch) > 127 and ch.isalpha() for ch in text),
        )
    )
    distinct = len(set(text.casefold()))
    words = len(text.split())
    if len(text) >= 20 and distinct >= 8 and (words >= 4 or classes >= 3):
        return "strong"
    if len(text) >= 16 and distinct >= 10 and classes >= 3:
        return "strong"
    return "fair"
