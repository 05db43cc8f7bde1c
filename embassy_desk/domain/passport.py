"""Passport and identity-card numbers, normalized to the ICAO 9303 document-number form.

The generic rule is the MRZ document number field: 1 to 9 of A–Z and 0–9. Countries whose
numbering is known add a checker (``register_passport_checker``) that rejects numbers which cannot
be theirs; Kazakhstan is registered by default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = [
    "PassportChecker",
    "normalize_passport_number",
    "passport_checker_for",
    "register_passport_checker",
]

PassportChecker = Callable[[str], str | None]
"""Takes a cleaned number (A–Z, 0–9, any length) and returns an error message, or None if fine."""

_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DIGITS = frozenset("0123456789")
# People type grouped or MRZ-copied numbers: "N 1234 5678", "N-12345678", "N12345678<".
_REMOVE = str.maketrans(dict.fromkeys(" \t\u00a0-\u2010\u2011\u2012\u2013\u2014\u2212<"))
_MAX_LENGTH = 9

_CHECKERS: dict[str, PassportChecker] = {}


def _key(country: str) -> str:
    return country.strip().upper()


def register_passport_checker(country: str, checker: PassportChecker, *, aliases: Iterable[str] = ()) -> None:
    """Use ``checker`` for documents issued by ``country`` (alpha-2, plus any ``aliases``)."""
    _CHECKERS[_key(country)] = checker
    for alias in aliases:
        _CHECKERS[_key(alias)] = checker


def passport_checker_for(country: str) -> PassportChecker | None:
    """The registered checker for ``country`` (case-insensitive), or None."""
    return _CHECKERS.get(_key(country))


def _kazakh(number: str) -> str | None:
    # Passports are N + 8 digits and ID cards 9 digits, but older documents in circulation
    # use other 8-9 character forms, so only numbers no Kazakh document has are refused.
    if len(number) == 12 and _DIGITS.issuperset(number):
        return Msg("passport.looks_like_iin")
    if not 8 <= len(number) <= _MAX_LENGTH:
        return Msg("passport.kz_length", length=len(number))
    if _DIGITS.isdisjoint(number):
        return Msg("passport.kz_no_digits")
    return None


def normalize_passport_number(
    raw: str, *, issuing_country: str | None = "KZ", field: str = "passport_number"
) -> str:
    """Return the document number uppercased, without spaces, dashes or '<' fillers.

    It must be 1-9 characters of A–Z and 0–9 (the ICAO 9303 document number field); if the
    ``issuing_country`` has a registered checker its rules apply too. ``issuing_country=None``
    applies only the generic rule. Raises ``ValidationError(field, ...)``.
    """
    if raw.isascii() and raw.isalnum():
        # Already compact (the stored and usual imported form): there is nothing to remove, and
        # upper-cased ASCII letters and digits are all allowed, so the checks below would pass.
        number = raw.upper()
    else:
        number = raw.translate(_REMOVE)
        # Only ASCII is upper-cased: Unicode case mapping would turn "ß" into "SS" or "ı" into
        # "I" and so accept text that is not a document number.
        if number.isascii():
            number = number.upper()
        if not number:
            raise ValidationError(field, Msg("passport.empty"))
        if not _ALLOWED.issuperset(number):
            bad = next(c for c in number if c not in _ALLOWED)
            code = "passport.cyrillic_character" if "\u0400" <= bad <= "\u04ff" else "passport.bad_character"
            raise ValidationError(field, Msg(code, char=bad))
    if issuing_country is not None:
        checker = _CHECKERS.get(_key(issuing_country))
        if checker is not None:
            problem = checker(number)
            if problem is not None:
                raise ValidationError(field, problem)
    if len(number) > _MAX_LENGTH:
        raise ValidationError(field, Msg("passport.too_long", length=len(number)))
    return number


register_passport_checker("KZ", _kazakh, aliases=("KAZ",))
