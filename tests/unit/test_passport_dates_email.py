"""Passport numbers, dates and e-mail addresses."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain import passport
from embassy_desk.domain.dates import format_date, parse_date
from embassy_desk.domain.emails import normalize_email
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.passport import (
    normalize_passport_number,
    passport_checker_for,
    register_passport_checker,
)

# --- passport numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("N12345678", "N12345678"),
        ("n 1234 5678", "N12345678"),
        ("N-12345678", "N12345678"),
        ("N12345678<", "N12345678"),
        ("123456789", "123456789"),  # ID card
        ("AB123456", "AB123456"),  # older documents: any 8-9 letters and digits
        ("  a1b2c3d4e ", "A1B2C3D4E"),
    ],
)
def test_kazakh_numbers_accepted(raw: str, expected: str) -> None:
    assert normalize_passport_number(raw) == expected
    assert normalize_passport_number(raw, issuing_country="KAZ") == expected


def passport_error(
    raw: str, *, issuing_country: str | None = "KZ", field: str = "passport_number"
) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        normalize_passport_number(raw, issuing_country=issuing_country, field=field)
    return info.value


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("N123", "this one has 4"),
        ("N1234567890", "this one has 11"),
        ("900101300126", "looks like an IIN"),
        ("ABCDEFGHI", "contains digits"),
        ("", "empty"),
        (" - < ", "empty"),
        ("N1234567#", "not '#'"),
        ("Н12345678", "Cyrillic"),
        ("N12345678ß", "not 'ß'"),
    ],
)
def test_kazakh_numbers_rejected_with_clear_message(raw: str, needle: str) -> None:
    err = passport_error(raw)
    assert err.field == "passport_number"
    assert needle in err.message


def test_generic_rule_for_other_countries() -> None:
    assert normalize_passport_number("m123", issuing_country="KR") == "M123"
    assert normalize_passport_number("X1", issuing_country=None) == "X1"
    err = passport_error("M1234567890", issuing_country="KR", field="doc")
    assert err.field == "doc"
    assert "at most 9" in err.message


def test_pluggable_checker() -> None:
    def korean(number: str) -> str | None:
        return None if number.startswith("M") else "Korean passports start with M"

    register_passport_checker("KR", korean, aliases=("KOR",))
    try:
        assert passport_checker_for("kor") is korean
        assert normalize_passport_number("M1234567", issuing_country="KR") == "M1234567"
        assert "start with M" in passport_error("X1234567", issuing_country="KOR").message
    finally:
        passport._CHECKERS.pop("KR")
        passport._CHECKERS.pop("KOR")


@given(st.text(max_size=15))
def test_passport_arbitrary_text(raw: str) -> None:
    try:
        result = normalize_passport_number(raw, issuing_country=None)
    except ValidationError:
        return
    assert 1 <= len(result) <= 9
    assert result.isascii()
    assert result.isalnum()
    assert result == result.upper()


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["2001-02-03", " 2001-02-03 ", "03.02.2001", "03/02/2001", "3.2.2001", "3/2/2001", "03.2.2001"],
)
def test_parse_date_formats(raw: str) -> None:
    assert parse_date(raw, field="birth_date") == date(2001, 2, 3)


def test_parse_date_objects() -> None:
    assert parse_date(date(2001, 2, 3), field="x") == date(2001, 2, 3)
    got = parse_date(datetime(2001, 2, 3, 14, 30), field="x")
    assert got == date(2001, 2, 3)
    assert type(got) is date


@pytest.mark.parametrize(
    "raw",
    [
        "31.02.2001",
        "2001-02-30",
        "2001-13-01",
        "20010203",
        "2001-W05-6",
        "02/03/01",
        "3.2.01",
        "03-02-2001",
        "03.02/2001",
        "2001-2-3",
        "yesterday",
        "",
        "１２.０２.２００１",  # full-width digits
    ],
)
def test_parse_date_rejects(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_date(raw, field="birth_date")
    assert info.value.field == "birth_date"
    assert info.value.message.endswith("is not a date; use YYYY-MM-DD or DD.MM.YYYY")


def test_parse_date_rejects_non_strings_from_spreadsheets() -> None:
    with pytest.raises(ValidationError):
        parse_date(36920, field="x")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        parse_date(None, field="x")  # type: ignore[arg-type]


@given(st.dates())
def test_date_round_trips(d: date) -> None:
    assert parse_date(format_date(d), field="x") == d
    assert parse_date(f"{d.day}.{d.month}.{d.year:04d}", field="x") == d
    assert parse_date(f"{d.day:02d}/{d.month:02d}/{d.year:04d}", field="x") == d


def test_format_date() -> None:
    assert format_date(date(2001, 2, 3)) == "2001-02-03"
    assert format_date(datetime(2001, 2, 3, 4, 5)) == "2001-02-03"


@given(st.text(max_size=20))
def test_parse_date_arbitrary_text(raw: str) -> None:
    with contextlib.suppress(ValidationError):
        parse_date(raw, field="x")


# --- e-mail -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("anna@example.kz", "anna@example.kz"),
        ("  Anna.Eriksson@Example.KZ ", "Anna.Eriksson@example.kz"),
        ("a+tag@mail.co.kr", "a+tag@mail.co.kr"),
        ("x@sub-domain.example.com", "x@sub-domain.example.com"),
        ("анна@почта.қаз", "анна@почта.қаз"),
    ],
)
def test_email_accepted(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("", "empty"),
        ("anna.example.kz", "no '@'"),
        ("anna@b@example.kz", "more than one '@'"),
        ("a@x.kz,b@y.kz", "more than one '@'"),
        ("@example.kz", "nothing before"),
        ("anna@localhost", "no dot"),
        ("anna@example..kz", "empty part"),
        ("anna@example.kz.", "empty part"),
        ("anna maria@example.kz", "space"),
        ('"Anna" <anna@example.kz>', "space"),
        ("anna@exa_mple.kz", "'_'"),
        ("anna@-example.kz", "'-'"),
        ("an;na@example.kz", "';'"),
        ("anna.@example.kz", "misplaced dot"),
        ("a" * 65 + "@example.kz", "more than 64"),
        ("a@" + "b" * 250 + ".kz", "at most 254"),
    ],
)
def test_email_rejected(raw: str, needle: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_email(raw, field="contact_email")
    assert info.value.field == "contact_email"
    assert needle in info.value.message


@given(st.text(max_size=40))
def test_email_arbitrary_text(raw: str) -> None:
    try:
        result = normalize_email(raw)
    except ValidationError:
        return
    assert result.count("@") == 1
    assert len(result) <= 254
