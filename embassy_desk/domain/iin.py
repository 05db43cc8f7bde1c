"""Kazakh individual identification number (IIN, ЖСН/ИИН).

Layout of the 12 digits::

    YYMMDD  C  SSSS  K
    │       │  │     └ check digit
    │       │  └ serial number
    │       └ century and sex: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd male, even female
    └ date of birth

Check digit (Government decree No. 406 of 2007): ``sum(d_i * w_i) mod 11`` with weights 1..11;
if that gives 10, again with weights 3..11, 1, 2; if that also gives 10 the number is never issued.
"""

from __future__ import annotations

from datetime import date
from operator import mul

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

__all__ = [
    "iin_birth_date",
    "iin_check_digit",
    "iin_sex",
    "make_iin",
    "validate_iin",
]

_FIELD = "national_id"
_WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_ASCII_DIGITS = frozenset("0123456789")
# Module-level aliases: enum member lookup through the class is slow for make_iin's hot loop.
_MALE = Sex.MALE
_FEMALE = Sex.FEMALE
_UNSPECIFIED = Sex.UNSPECIFIED
# Century/sex digit -> (first year of the century, sex).
_CENTURY_SEX: dict[int, tuple[int, Sex]] = {
    1: (1800, Sex.MALE),
    2: (1800, Sex.FEMALE),
    3: (1900, Sex.MALE),
    4: (1900, Sex.FEMALE),
    5: (2000, Sex.MALE),
    6: (2000, Sex.FEMALE),
}


# Digits are weighed as their ASCII codes (map over bytes is several times faster than a
# generator over ints); each code carries 48 ("0") times its weight, subtracted once here.
_ASCII_OFFSET_1 = 48 * sum(_WEIGHTS_1)
_ASCII_OFFSET_2 = 48 * sum(_WEIGHTS_2)


def _check_from_ascii(codes: bytes) -> int | None:
    """Check digit from the ASCII codes of at least 11 digits (only the first 11 count)."""
    s1: int = (sum(map(mul, codes, _WEIGHTS_1)) - _ASCII_OFFSET_1) % 11
    if s1 != 10:
        return s1
    s2: int = (sum(map(mul, codes, _WEIGHTS_2)) - _ASCII_OFFSET_2) % 11
    return None if s2 == 10 else s2


def iin_check_digit(first11: str) -> int | None:
    """Return the check digit for the first 11 digits of an IIN, or None if no valid one exists.

    Raises ``ValueError`` if ``first11`` is not exactly 11 ASCII digits (a programming error:
    callers pass an already shape-checked string).
    """
    if len(first11) != 11 or not _ASCII_DIGITS.issuperset(first11):
        raise ValueError(f"expected 11 digits, got {first11!r}")
    return _check_from_ascii(first11.encode("ascii"))


# Messages end up in import reports and logs: they show only the date part (``start``), never the
# full number.


def _decode(iin: str) -> tuple[date, Sex]:
    """Birth date and sex of a 12-digit string; ValidationError if the structure is impossible."""
    code = ord(iin[6]) - 48
    century_sex = _CENTURY_SEX.get(code)
    if century_sex is None:
        raise ValidationError(_FIELD, Msg("iin.century_digit", start=iin[:6], digit=iin[6]))
    century, sex = century_sex
    try:
        born = date(
            century + ord(iin[0]) * 10 + ord(iin[1]) - 528,
            ord(iin[2]) * 10 + ord(iin[3]) - 528,
            ord(iin[4]) * 10 + ord(iin[5]) - 528,
        )
    except ValueError:
        raise ValidationError(
            _FIELD,
            Msg(
                "iin.no_birth_date",
                start=iin[:6],
                digit=iin[6],
                year=str(century + int(iin[0:2])),
                month=iin[2:4],
                day=iin[4:6],
            ),
        ) from None
    return born, sex


def _shape(raw: str) -> str:
    if raw.__class__ is str and len(raw) == 12 and raw.isascii() and raw.isdigit():
        return raw  # the stored and imported form: nothing to drop or check
    # Officers paste IINs grouped for readability ("900101 300 123"): drop all whitespace.
    iin = "".join(raw.split())
    if not iin:
        raise ValidationError(_FIELD, Msg("iin.empty"))
    if not _ASCII_DIGITS.issuperset(iin):
        raise ValidationError(_FIELD, Msg("iin.not_digits"))
    if len(iin) != 12:
        raise ValidationError(_FIELD, Msg("iin.length", length=len(iin)))
    return iin


def validate_iin(raw: str, *, birth_date: date | None = None, sex: Sex | None = None) -> str:
    """Validate a Kazakh IIN and return it as a 12-digit string.

    ``birth_date`` and ``sex``, when given, must agree with what the IIN encodes;
    ``Sex.UNSPECIFIED`` is treated as "not known" and not compared.
    Raises ``ValidationError("national_id", ...)`` with a message saying what is wrong.
    """
    iin = _shape(raw)
    born, encoded_sex = _decode(iin)
    expected = _check_from_ascii(iin.encode("ascii"))
    if expected is None:
        raise ValidationError(_FIELD, Msg("iin.never_issued", start=iin[:6]))
    if expected != ord(iin[11]) - 48:
        raise ValidationError(_FIELD, Msg("iin.check_digit", start=iin[:6], digit=iin[11], expected=expected))
    if birth_date is not None and birth_date != born:
        raise ValidationError(_FIELD, Msg("iin.birth_mismatch", start=iin[:6], born=born, birth=birth_date))
    if sex is not None and sex is not _UNSPECIFIED and sex is not encoded_sex:
        raise ValidationError(
            _FIELD,
            Msg("iin.sex_mismatch", start=iin[:6], encoded=encoded_sex.value, digit=iin[6], sex=sex.value),
        )
    return iin


def iin_birth_date(iin: str) -> date:
    """Date of birth encoded in an IIN (the check digit is not verified here)."""
    return _decode(_shape(iin))[0]


def iin_sex(iin: str) -> Sex:
    """Sex encoded in an IIN: ``Sex.MALE`` or ``Sex.FEMALE`` (check digit not verified here)."""
    return _decode(_shape(iin))[1]


def make_iin(birth_date: date, sex: Sex, serial: int) -> str:
    """Build a valid IIN for a synthetic person.

    ``serial`` is 0..9999; when that serial has no valid check digit the next ones
    (mod 10000) are tried, so the result is deterministic. Raises ``ValueError`` for a year
    outside 1800–2099, ``Sex.UNSPECIFIED`` (an IIN always encodes M or F) or a bad serial.
    """
    year = birth_date.year
    if not 1800 <= year <= 2099:
        raise ValueError(f"an IIN can encode years 1800–2099, not {year}")
    if sex is _MALE:
        c = (year // 100 - 18) * 2 + 1
    elif sex is _FEMALE:
        c = (year // 100 - 18) * 2 + 2
    else:
        raise ValueError("an IIN encodes sex M or F; cannot make one for an unspecified sex")
    if not 0 <= serial <= 9999:
        raise ValueError(f"serial must be 0..9999, not {serial}")
    yy = year % 100
    m = birth_date.month
    d = birth_date.day
    d1, d2, d3, d4, d5, d6 = yy // 10, yy % 10, m // 10, m % 10, d // 10, d % 10
    # Weighted sums of the first 7 digits do not depend on the serial: compute them once.
    head1 = d1 + 2 * d2 + 3 * d3 + 4 * d4 + 5 * d5 + 6 * d6 + 7 * c
    head2 = 3 * d1 + 4 * d2 + 5 * d3 + 6 * d4 + 7 * d5 + 8 * d6 + 9 * c
    head_value = (yy * 10000 + m * 100 + d) * 10 + c
    # Terminates by the second try: when both sums are 10 for a serial, serial + 1 changes the
    # first sum by 0 (mod 11) and the second by 2, or (on a carry) the first by a non-zero amount.
    while True:
        s8, s9, s10, s11 = serial // 1000, serial // 100 % 10, serial // 10 % 10, serial % 10
        check = (head1 + 8 * s8 + 9 * s9 + 10 * s10 + 11 * s11) % 11
        if check == 10:
            check = (head2 + 10 * s8 + 11 * s9 + s10 + 2 * s11) % 11
        if check != 10:
            # Integer composition is several times faster than a formatted f-string here.
            return str((head_value * 10000 + serial) * 10 + check).zfill(12)
        serial = (serial + 1) % 10000
