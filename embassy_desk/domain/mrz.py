"""ICAO Doc 9303 machine-readable zones: TD3 (passport, 2 × 44) and TD1 (ID card, 3 × 30).

The MRZ is usually typed or pasted from a scanner by a clerk, so every check digit is verified
and every error says which field or line is wrong. Layouts (1-based positions as in 9303):

TD3 line 1: 1-2 document type, 3-5 issuing state, 6-44 name.
TD3 line 2: 1-9 document number, 10 check, 11-13 nationality, 14-19 birth date, 20 check,
            21 sex, 22-27 expiry date, 28 check, 29-42 personal number, 43 check, 44 composite.
TD1 line 1: 1-2 document type, 3-5 issuing state, 6-14 document number, 15 check, 16-30 optional.
TD1 line 2: 1-6 birth date, 7 check, 8 sex, 9-14 expiry date, 15 check, 16-18 nationality,
            19-29 optional, 30 composite.
TD1 line 3: name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.errors import MrzError
from embassy_desk.domain.messages import Msg

__all__ = ["MrzData", "build_td1", "build_td3", "compute_check_digit", "parse_mrz"]

_VALUES: dict[str, int] = {"<": 0}
_VALUES.update({str(i): i for i in range(10)})
_VALUES.update({chr(ord("A") + i): 10 + i for i in range(26)})
_ALLOWED = frozenset(_VALUES)
_DIGITS = frozenset("0123456789")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WEIGHTS = (7, 3, 1)

_TD3_LEN = 44
_TD1_LEN = 30
_TD2_LEN = 36
_TD3_NAME = 39
_TD1_NAME = 30
_TD1_OPTIONAL_1 = 15
_TD1_OPTIONAL_2 = 11
_TD3_PERSONAL = 14
_SEX_CODES = {"M": Sex.MALE, "F": Sex.FEMALE, "<": Sex.UNSPECIFIED, "X": Sex.UNSPECIFIED}


@dataclass(frozen=True, slots=True)
class MrzData:
    """What an MRZ says. Names use spaces where the MRZ has '<'; codes have fillers removed."""

    format: Literal["TD3", "TD1"]
    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date
    sex: Sex
    expiry_date: date
    personal_number: str = ""  # TD3 only; the IIN on Kazakh passports
    optional_data: str = ""  # TD1 optional data elements (line 1, then line 2), space-separated

    def to_json_dict(self) -> dict[str, str]:
        """Plain JSON-ready mapping; dates in ISO 8601, sex as its code (M/F/X)."""
        return {
            "format": self.format,
            "document_type": self.document_type,
            "issuing_state": self.issuing_state,
            "surname": self.surname,
            "given_names": self.given_names,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex.value,
            "expiry_date": self.expiry_date.isoformat(),
            "personal_number": self.personal_number,
            "optional_data": self.optional_data,
        }


def compute_check_digit(field: str) -> int:
    """ICAO 9303 check digit of ``field``: weights 7, 3, 1 repeating; '<' = 0, A = 10 … Z = 35.

    Raises ``ValueError`` for characters outside A–Z, 0–9 and '<'.
    """
    total = 0
    for i, c in enumerate(field):
        v = _VALUES.get(c)
        if v is None:
            raise ValueError(f"{c!r} cannot appear in an MRZ")
        total += v * _WEIGHTS[i % 3]
    return total % 10


# ---------------------------------------------------------------------------------------------
# Parsing


def _split_lines(text_or_lines: str | Sequence[str]) -> list[str]:
    text = text_or_lines if isinstance(text_or_lines, str) else "\n".join(text_or_lines)
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        # Only ASCII is upper-cased: Unicode case mapping can turn a stray character into
        # valid MRZ letters ("ß" -> "SS") and hide the error.
        lines.append(line.upper() if line.isascii() else line)
    # Some scanners send the whole zone without line breaks; the lengths are unambiguous.
    if len(lines) == 1 and len(lines[0]) == 2 * _TD3_LEN:
        return [lines[0][:_TD3_LEN], lines[0][_TD3_LEN:]]
    if len(lines) == 1 and len(lines[0]) == 3 * _TD1_LEN:
        one = lines[0]
        return [one[:_TD1_LEN], one[_TD1_LEN : 2 * _TD1_LEN], one[2 * _TD1_LEN :]]
    return lines


def _check_shape(lines: list[str]) -> Literal["TD3", "TD1"]:
    if not lines:
        raise MrzError("mrz", Msg("mrz.empty"))
    fmt: Literal["TD3", "TD1"]
    if len(lines) == 2:
        if all(len(line) == _TD2_LEN for line in lines):
            raise MrzError("mrz", Msg("mrz.td2"))
        expected, kind, fmt = _TD3_LEN, "mrz.line_length_passport", "TD3"
    elif len(lines) == 3:
        expected, kind, fmt = _TD1_LEN, "mrz.line_length_card", "TD1"
    else:
        one = len(lines) == 1
        raise MrzError("mrz", Msg("mrz.one_line") if one else Msg("mrz.line_count", count=len(lines)))
    for number, line in enumerate(lines, start=1):
        if len(line) != expected:
            raise MrzError("mrz", Msg(kind, line=number, length=len(line), expected=expected))
    for number, line in enumerate(lines, start=1):
        for position, c in enumerate(line, start=1):
            if c not in _ALLOWED:
                raise MrzError("mrz", Msg("mrz.bad_character", line=number, position=position, char=c))
    return fmt


def _verify(field: str, data: str, check: str, *, filler_ok: bool = False) -> None:
    # 9303 lets an all-filler optional field have '<' (or 0) as its check digit.
    if filler_ok and check == "<" and data.strip("<") == "":
        return
    if check not in _DIGITS:
        raise MrzError(field, Msg("mrz.check_not_digit", check=check))
    computed = compute_check_digit(data)
    if computed != ord(check) - 48:
        raise MrzError(field, Msg("mrz.check_digit", computed=computed, check=check))


def _ymd(field: str, label: Msg, raw: str) -> tuple[int, int, int]:
    if "<" in raw:
        raise MrzError(field, Msg("mrz.incomplete", label=label, raw=raw))
    if not _DIGITS.issuperset(raw):
        raise MrzError(field, Msg("mrz.not_yymmdd", label=label, raw=raw))
    return int(raw[0:2]), int(raw[2:4]), int(raw[4:6])


def _birth_date(raw: str, today: date) -> date:
    yy, mm, dd = _ymd("birth_date", Msg("mrz.label_birth"), raw)
    # Two-digit years: this century unless that would put the birth in the future.
    try:
        born = date(2000 + yy, mm, dd)
    except ValueError:
        born = None
    if born is None or born > today:
        try:
            born = date(1900 + yy, mm, dd)
        except ValueError:
            raise MrzError(
                "birth_date", Msg("mrz.not_real_date", label=Msg("mrz.label_birth"), raw=raw)
            ) from None
    return born


def _expiry_date(raw: str) -> date:
    yy, mm, dd = _ymd("expiry_date", Msg("mrz.label_expiry"), raw)
    # Documents valid today expire in this century; older ones are of no use to the registry.
    try:
        return date(2000 + yy, mm, dd)
    except ValueError:
        raise MrzError(
            "expiry_date", Msg("mrz.not_real_date", label=Msg("mrz.label_expiry"), raw=raw)
        ) from None


def _code(field: str, label: str, raw: str) -> str:
    code = raw.replace("<", "")
    if not code or not _LETTERS.issuperset(code):
        raise MrzError(field, Msg("mrz.not_country", label=Msg(label), raw=raw))
    return code


def _sex(raw: str) -> Sex:
    sex = _SEX_CODES.get(raw)
    if sex is None:
        raise MrzError("sex", Msg("mrz.sex", raw=raw))
    return sex


def _names(raw: str) -> tuple[str, str]:
    for c in raw:
        if c in _DIGITS:
            # Names carry no check digit, so this is the only guard against OCR mix-ups.
            raise MrzError("surname", Msg("mrz.digit_in_name", digit=c))
    primary, _, secondary = raw.rstrip("<").partition("<<")
    surname = " ".join(primary.replace("<", " ").split())
    return surname, " ".join(secondary.replace("<", " ").split())


def _document_number(raw: str) -> str:
    number = raw.replace("<", "")
    if not number:
        raise MrzError("document_number", Msg("mrz.no_document_number"))
    return number


def _document_type(raw: str, fmt: Literal["TD3", "TD1"]) -> str:
    if fmt == "TD3" and raw[0] != "P":
        code = "mrz.passport_type_visa" if raw[0] == "V" else "mrz.passport_type"
        raise MrzError("document_type", Msg(code, first=raw[0]))
    if fmt == "TD1" and raw[0] not in "ACI":
        raise MrzError("document_type", Msg("mrz.card_type", first=raw[0]))
    return raw.replace("<", "")


def _parse_td3(l1: str, l2: str, today: date) -> MrzData:
    document_type = _document_type(l1[0:2], "TD3")
    issuing_state = _code("issuing_state", "mrz.label_issuing_state", l1[2:5])
    _verify("document_number", l2[0:9], l2[9])
    _verify("birth_date", l2[13:19], l2[19])
    _verify("expiry_date", l2[21:27], l2[27])
    _verify("personal_number", l2[28:42], l2[42], filler_ok=True)
    composite = l2[0:10] + l2[13:20] + l2[21:43]
    _verify("mrz", composite, l2[43])
    surname, given_names = _names(l1[5:44])
    return MrzData(
        format="TD3",
        document_type=document_type,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=_document_number(l2[0:9]),
        nationality=_code("nationality", "mrz.label_nationality", l2[10:13]),
        birth_date=_birth_date(l2[13:19], today),
        sex=_sex(l2[20]),
        expiry_date=_expiry_date(l2[21:27]),
        personal_number=l2[28:42].strip("<"),
    )


def _parse_td1(l1: str, l2: str, l3: str, today: date) -> MrzData:
    document_type = _document_type(l1[0:2], "TD1")
    issuing_state = _code("issuing_state", "mrz.label_issuing_state", l1[2:5])
    optional_1 = l1[15:30]
    if l1[14] == "<":
        # 9303 part 5, note j: a document number longer than 9 characters continues in the
        # optional data, followed by its check digit and a filler.
        extension, _, optional_1 = optional_1.partition("<")
        if not extension:
            raise MrzError("document_number", Msg("mrz.no_check_digit"))
        full_number = l1[5:14] + extension[:-1]
        _verify("document_number", full_number, extension[-1])
    else:
        full_number = l1[5:14]
        _verify("document_number", full_number, l1[14])
    _verify("birth_date", l2[0:6], l2[6])
    _verify("expiry_date", l2[8:14], l2[14])
    composite = l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]
    _verify("mrz", composite, l2[29])
    surname, given_names = _names(l3)
    optional = " ".join(part for part in (optional_1.strip("<"), l2[18:29].strip("<")) if part)
    return MrzData(
        format="TD1",
        document_type=document_type,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=_document_number(full_number),
        nationality=_code("nationality", "mrz.label_nationality", l2[15:18]),
        birth_date=_birth_date(l2[0:6], today),
        sex=_sex(l2[7]),
        expiry_date=_expiry_date(l2[8:14]),
        optional_data=optional,
    )


def parse_mrz(text_or_lines: str | Sequence[str], *, today: date | None = None) -> MrzData:
    """Parse and verify a TD3 (passport) or TD1 (ID card) MRZ.

    Accepts one string (lines separated by newlines, or the whole zone on one line) or a
    sequence of lines; surrounding whitespace and blank lines are ignored and lowercase is
    upper-cased. Two-digit birth years are read as 20xx unless that is after ``today``
    (default: the current date), then 19xx; expiry years are always 20xx.

    Raises ``MrzError`` naming the field whose check digit fails (message "check digit is 3
    but the MRZ says 5"; field "mrz" for the composite) or the line that is malformed.
    """
    lines = _split_lines(text_or_lines)
    fmt = _check_shape(lines)
    when = today if today is not None else date.today()
    if fmt == "TD3":
        return _parse_td3(lines[0], lines[1], when)
    return _parse_td1(lines[0], lines[1], lines[2], when)


# ---------------------------------------------------------------------------------------------
# Building (tests and the synthetic demo generator)


def _field(value: str, width: int, what: str) -> str:
    text = value.upper().replace(" ", "<")
    if not _ALLOWED.issuperset(text):
        raise ValueError(f"{what} {value!r} has characters an MRZ cannot hold")
    if len(text) > width:
        raise ValueError(f"{what} {value!r} is longer than {width} characters")
    return text.ljust(width, "<")


def _name_field(surname: str, given_names: str, width: int) -> str:
    def part(name: str) -> str:
        # 9303 transliteration basics: apostrophes dropped, hyphens and spaces become fillers.
        text = name.upper().replace("'", "").replace("-", " ")
        words = text.split()
        if not all(_LETTERS.issuperset(w) for w in words):
            raise ValueError(f"name {name!r} must be written in Latin letters A–Z")
        return "<".join(words)

    primary = part(surname)
    secondary = part(given_names)
    text = f"{primary}<<{secondary}" if secondary else primary
    # Plain truncation; 9303's finer truncation rules matter only for very long names.
    return text[:width].ljust(width, "<")


def _date6(d: date) -> str:
    return f"{d.year % 100:02d}{d.month:02d}{d.day:02d}"


def _sex_char(sex: Sex) -> str:
    return {Sex.MALE: "M", Sex.FEMALE: "F", Sex.UNSPECIFIED: "<"}[sex]


def _check_expiry(expiry_date: date) -> None:
    if not 2000 <= expiry_date.year <= 2099:
        raise ValueError("an MRZ expiry date is read as 20YY; use a year in 2000-2099")


def build_td3(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date,
    sex: Sex,
    expiry_date: date,
    personal_number: str = "",
    document_type: str = "P",
) -> tuple[str, str]:
    """Build a valid passport (TD3) MRZ from fields; ``ValueError`` for values it cannot hold.

    The birth year is written with two digits, so it reads back correctly only within the
    hundred years before the ``today`` given to :func:`parse_mrz`.
    """
    _check_expiry(expiry_date)
    if not document_type.startswith("P"):
        raise ValueError("a TD3 passport document type starts with P")
    doc = _field(document_number, 9, "document number")
    personal = _field(personal_number, _TD3_PERSONAL, "personal number")
    personal_check = "<" if personal.strip("<") == "" else str(compute_check_digit(personal))
    l1 = (
        _field(document_type, 2, "document type")
        + _field(issuing_state, 3, "issuing state")
        + _name_field(surname, given_names, _TD3_NAME)
    )
    head = doc + str(compute_check_digit(doc))
    born = _date6(birth_date)
    born += str(compute_check_digit(born))
    expires = _date6(expiry_date)
    expires += str(compute_check_digit(expires))
    tail = personal + personal_check
    composite = str(compute_check_digit(head + born + expires + tail))
    l2 = head + _field(nationality, 3, "nationality") + born + _sex_char(sex) + expires + tail
    return l1, l2 + composite


def build_td1(
    *,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date,
    sex: Sex,
    expiry_date: date,
    optional_data: str = "",
    optional_data_2: str = "",
    document_type: str = "I",
) -> tuple[str, str, str]:
    """Build a valid ID card (TD1) MRZ from fields; document numbers over 9 characters use the
    9303 overflow into the line-1 optional data. Raises ``ValueError`` for values it cannot hold.
    """
    _check_expiry(expiry_date)
    if document_type[:1] not in ("A", "C", "I"):
        raise ValueError("a TD1 document type starts with A, C or I")
    number = document_number.upper()
    if len(number) <= 9:
        doc = _field(number, 9, "document number")
        number_part = (
            doc + str(compute_check_digit(doc)) + _field(optional_data, _TD1_OPTIONAL_1, "optional data")
        )
    else:
        _field(number, 9 + _TD1_OPTIONAL_1, "document number")  # character check only
        if "<" in number:
            raise ValueError("a long document number cannot contain '<'")
        overflow = number[9:] + str(compute_check_digit(number))
        if optional_data:
            overflow += "<" + optional_data.upper()
        number_part = number[:9] + "<" + _field(overflow, _TD1_OPTIONAL_1, "document number")
    l1 = _field(document_type, 2, "document type") + _field(issuing_state, 3, "issuing state")
    l1 += number_part
    born = _date6(birth_date)
    born += str(compute_check_digit(born))
    expires = _date6(expiry_date)
    expires += str(compute_check_digit(expires))
    optional_2 = _field(optional_data_2, _TD1_OPTIONAL_2, "optional data")
    l2 = born + _sex_char(sex) + expires + _field(nationality, 3, "nationality") + optional_2
    l2 += str(compute_check_digit(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]))
    l3 = _name_field(surname, given_names, _TD1_NAME)
    return l1, l2, l3
