"""ICAO 9303 MRZ: specimens, check digits, error messages and build/parse properties."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.errors import MrzError
from embassy_desk.domain.mrz import MrzData, build_td1, build_td3, compute_check_digit, parse_mrz

TODAY = date(2025, 1, 1)

# ICAO Doc 9303 part 4, appendix: specimen passport of Utopia.
TD3_SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
# ICAO Doc 9303 part 5, appendix: specimen identity card of Utopia.
TD1_SPECIMEN = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


def mrz_error(text: str | list[str] | tuple[str, ...]) -> MrzError:
    with pytest.raises(MrzError) as info:
        parse_mrz(text, today=TODAY)
    return info.value


# --- check digits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "digit"),
    [
        ("L898902C3", 6),
        ("740812", 2),
        ("120415", 9),
        ("ZE184226B<<<<<", 1),
        ("D23145890", 7),
        ("D23145890734", 9),  # 9303 part 5 example of a long document number
        ("<<<<<<<<<", 0),
        ("", 0),
    ],
)
def test_compute_check_digit(field: str, digit: int) -> None:
    assert compute_check_digit(field) == digit


def test_compute_check_digit_rejects_other_characters() -> None:
    with pytest.raises(ValueError, match="cannot appear"):
        compute_check_digit("abc")


# --- specimens ----------------------------------------------------------------------------------


def test_td3_specimen() -> None:
    data = parse_mrz("\n".join(TD3_SPECIMEN), today=TODAY)
    assert data == MrzData(
        format="TD3",
        document_type="P",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex=Sex.FEMALE,
        expiry_date=date(2012, 4, 15),
        personal_number="ZE184226B",
        optional_data="",
    )
    assert data.to_json_dict() == {
        "format": "TD3",
        "document_type": "P",
        "issuing_state": "UTO",
        "surname": "ERIKSSON",
        "given_names": "ANNA MARIA",
        "document_number": "L898902C3",
        "nationality": "UTO",
        "birth_date": "1974-08-12",
        "sex": "F",
        "expiry_date": "2012-04-15",
        "personal_number": "ZE184226B",
        "optional_data": "",
    }


def test_td1_specimen() -> None:
    data = parse_mrz(TD1_SPECIMEN, today=TODAY)
    assert data == MrzData(
        format="TD1",
        document_type="I",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="D23145890",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex=Sex.FEMALE,
        expiry_date=date(2012, 4, 15),
        personal_number="",
        optional_data="",
    )


def test_specimens_are_what_the_builders_make() -> None:
    assert (
        build_td3(
            issuing_state="UTO",
            surname="Eriksson",
            given_names="Anna Maria",
            document_number="L898902C3",
            nationality="UTO",
            birth_date=date(1974, 8, 12),
            sex=Sex.FEMALE,
            expiry_date=date(2012, 4, 15),
            personal_number="ZE184226B",
        )
        == TD3_SPECIMEN
    )
    assert (
        build_td1(
            issuing_state="UTO",
            surname="ERIKSSON",
            given_names="ANNA MARIA",
            document_number="D23145890",
            nationality="UTO",
            birth_date=date(1974, 8, 12),
            sex=Sex.FEMALE,
            expiry_date=date(2012, 4, 15),
        )
        == TD1_SPECIMEN
    )


def test_td1_long_document_number() -> None:
    # 9303 part 5: D23145890734 is written D23145890 < 734 9 < in line 1.
    lines = (
        "I<UTOD23145890<7349<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    )
    composite = compute_check_digit(lines[0][5:30] + "7408122" + "1204159" + "<" * 11)
    lines = (lines[0], lines[1] + str(composite), lines[2])
    data = parse_mrz(lines, today=TODAY)
    assert data.document_number == "D23145890734"
    assert data.optional_data == ""
    built = build_td1(
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="D23145890734",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex=Sex.FEMALE,
        expiry_date=date(2012, 4, 15),
    )
    assert built == lines
    bad = ("I<UTOD23145890<7348<<<<<<<<<<<", lines[1], lines[2])
    err = mrz_error(bad)
    assert err.field == "document_number"
    assert err.message == "check digit is 9 but the MRZ says 8"


# --- tolerated input ----------------------------------------------------------------------------


def test_tolerated_input_forms() -> None:
    expected = parse_mrz(TD3_SPECIMEN, today=TODAY)
    variants: list[str | list[str]] = [
        "\n".join(TD3_SPECIMEN).lower(),
        "  \n" + TD3_SPECIMEN[0] + "  \r\n\n\t" + TD3_SPECIMEN[1] + "\n  ",
        [" " + TD3_SPECIMEN[0], TD3_SPECIMEN[1] + " "],
        "".join(TD3_SPECIMEN),  # scanner without line breaks
    ]
    for variant in variants:
        assert parse_mrz(variant, today=TODAY) == expected
    assert parse_mrz("".join(TD1_SPECIMEN), today=TODAY).document_number == "D23145890"


def test_kazakh_passport_personal_number_is_the_iin() -> None:
    lines = build_td3(
        issuing_state="KAZ",
        surname="Nurlanov",
        given_names="Aidos",
        document_number="N12345678",
        nationality="KAZ",
        birth_date=date(1990, 1, 1),
        sex=Sex.MALE,
        expiry_date=date(2031, 5, 20),
        personal_number="900101300126",
    )
    data = parse_mrz(lines, today=TODAY)
    assert data.personal_number == "900101300126"
    assert data.issuing_state == "KAZ"


def test_filler_personal_number_check_digit_may_be_filler_or_zero() -> None:
    base = build_td3(
        issuing_state="UTO",
        surname="X",
        given_names="Y",
        document_number="AB1234567",
        nationality="UTO",
        birth_date=date(1980, 1, 1),
        sex=Sex.UNSPECIFIED,
        expiry_date=date(2030, 1, 1),
    )
    assert base[1][28:43] == "<" * 15
    data = parse_mrz(base, today=TODAY)
    assert data.personal_number == ""
    assert data.sex is Sex.UNSPECIFIED
    zero = base[1][:42] + "0"
    zero += str(compute_check_digit(zero[0:10] + zero[13:20] + zero[21:43]))
    assert parse_mrz((base[0], zero), today=TODAY).personal_number == ""
    # A non-empty personal number needs a real check digit.
    filled = base[1][:28] + "AB12<<<<<<<<<<" + "<"
    filled += str(compute_check_digit(filled[0:10] + filled[13:20] + filled[21:43]))
    assert mrz_error((base[0], filled)).field == "personal_number"


def test_two_digit_years() -> None:
    def born(d: date, today: date) -> date:
        lines = build_td3(
            issuing_state="UTO",
            surname="A",
            given_names="B",
            document_number="1",
            nationality="UTO",
            birth_date=d,
            sex=Sex.MALE,
            expiry_date=date(2030, 1, 1),
        )
        return parse_mrz(lines, today=today).birth_date

    assert born(date(2024, 12, 31), date(2025, 1, 1)) == date(2024, 12, 31)
    assert born(date(2025, 1, 1), date(2025, 1, 1)) == date(2025, 1, 1)
    assert born(date(1925, 1, 2), date(2025, 1, 1)) == date(1925, 1, 2)
    assert born(date(2000, 2, 29), date(2025, 1, 1)) == date(2000, 2, 29)
    assert born(date(1999, 6, 1), date(2025, 1, 1)) == date(1999, 6, 1)


# --- errors -------------------------------------------------------------------------------------


def test_wrong_birth_date_check_digit_is_named() -> None:
    line2 = TD3_SPECIMEN[1][:19] + "5" + TD3_SPECIMEN[1][20:]
    err = mrz_error([TD3_SPECIMEN[0], line2])
    assert err.field == "birth_date"
    assert err.message == "check digit is 2 but the MRZ says 5"


@pytest.mark.parametrize(
    ("position", "field"),
    [(9, "document_number"), (27, "expiry_date"), (42, "personal_number"), (43, "mrz")],
)
def test_each_td3_check_digit_is_verified(position: int, field: str) -> None:
    line2 = TD3_SPECIMEN[1]
    wrong = str((int(line2[position]) + 1) % 10)
    err = mrz_error([TD3_SPECIMEN[0], line2[:position] + wrong + line2[position + 1 :]])
    assert err.field == field
    assert err.message.startswith("check digit is ")


@pytest.mark.parametrize(
    ("line", "position", "field"),
    [(0, 14, "document_number"), (1, 6, "birth_date"), (1, 14, "expiry_date"), (1, 29, "mrz")],
)
def test_each_td1_check_digit_is_verified(line: int, position: int, field: str) -> None:
    lines = list(TD1_SPECIMEN)
    wrong = str((int(lines[line][position]) + 1) % 10)
    lines[line] = lines[line][:position] + wrong + lines[line][position + 1 :]
    assert mrz_error(lines).field == field


def test_line_length_errors_name_the_line() -> None:
    err = mrz_error([TD3_SPECIMEN[0], TD3_SPECIMEN[1][:-1]])
    assert err.field == "mrz"
    assert err.message == "line 2 has 43 characters; a passport MRZ line has 44"
    err = mrz_error([TD1_SPECIMEN[0], TD1_SPECIMEN[1], TD1_SPECIMEN[2] + "<"])
    assert err.message == "line 3 has 31 characters; an ID card MRZ line has 30"


def test_structure_errors() -> None:
    assert "empty" in mrz_error("  \n ").message
    assert "has 1 line;" in mrz_error(TD3_SPECIMEN[0]).message
    assert "has 4 lines" in mrz_error([*TD1_SPECIMEN, "X"]).message
    assert (
        "TD2"
        in mrz_error(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]).message
    )
    err = mrz_error([TD3_SPECIMEN[0].replace("ERIKSSON", "ERIK SON"), TD3_SPECIMEN[1]])
    assert err.message.startswith("line 1, position 10: ' ' cannot appear in an MRZ")
    err = mrz_error([TD3_SPECIMEN[0].replace("ERIKSSON", "ERIKSSÖN"), TD3_SPECIMEN[1]])
    assert "'Ö'" in err.message


def test_field_errors() -> None:
    visa = "V" + TD3_SPECIMEN[0][1:]
    assert mrz_error([visa, TD3_SPECIMEN[1]]).field == "document_type"
    digit_name = TD3_SPECIMEN[0].replace("ERIKSSON", "ERIKSS0N")
    assert "misread" in mrz_error([digit_name, TD3_SPECIMEN[1]]).message
    bad_state = TD3_SPECIMEN[0].replace("UTO", "U1O")
    assert mrz_error([bad_state, TD3_SPECIMEN[1]]).field == "issuing_state"


def test_impossible_and_incomplete_dates() -> None:
    def with_birth(six: str) -> list[str]:
        line2 = TD3_SPECIMEN[1]
        head = line2[:13] + six + str(compute_check_digit(six)) + line2[20:43]
        return [
            TD3_SPECIMEN[0],
            head + str(compute_check_digit(head[0:10] + head[13:20] + head[21:43])),
        ]

    err = mrz_error(with_birth("741312"))
    assert (err.field, err.message) == (
        "birth_date",
        "the date of birth '741312' is not a real date",
    )
    err = mrz_error(with_birth("7408<<"))
    assert err.field == "birth_date"
    assert "incomplete" in err.message


def test_bad_sex_code() -> None:
    line2 = TD3_SPECIMEN[1][:20] + "Q" + TD3_SPECIMEN[1][21:]
    assert mrz_error([TD3_SPECIMEN[0], line2]).field == "sex"


# --- properties ---------------------------------------------------------------------------------

_NAME = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
_CODE = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_BIRTH = st.dates(min_value=date(1925, 1, 2), max_value=TODAY)
_EXPIRY = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
_SEX = st.sampled_from([Sex.MALE, Sex.FEMALE, Sex.UNSPECIFIED])


@st.composite
def td3_fields(draw: st.DrawFn) -> dict[str, object]:
    return {
        "issuing_state": draw(_CODE),
        "surname": " ".join(draw(st.lists(_NAME, min_size=1, max_size=2))),
        "given_names": " ".join(draw(st.lists(_NAME, min_size=0, max_size=2))),
        "document_number": draw(st.text(alphabet=_ALNUM, min_size=1, max_size=9)),
        "nationality": draw(_CODE),
        "birth_date": draw(_BIRTH),
        "sex": draw(_SEX),
        "expiry_date": draw(_EXPIRY),
        "personal_number": draw(st.text(alphabet=_ALNUM, max_size=14)),
    }


@st.composite
def td1_fields(draw: st.DrawFn) -> dict[str, object]:
    number = draw(st.text(alphabet=_ALNUM, min_size=1, max_size=14))
    room = 15 if len(number) <= 9 else 15 - (len(number) - 9) - 2
    optional = draw(st.text(alphabet=_ALNUM, max_size=max(room, 0))) if room > 0 else ""
    return {
        "issuing_state": draw(_CODE),
        "surname": draw(_NAME),
        "given_names": draw(_NAME),
        "document_number": number,
        "nationality": draw(_CODE),
        "birth_date": draw(_BIRTH),
        "sex": draw(_SEX),
        "expiry_date": draw(_EXPIRY),
        "optional_data": optional,
        "optional_data_2": draw(st.text(alphabet=_ALNUM, max_size=11)),
    }


@given(td3_fields())
def test_td3_round_trip(fields: dict[str, object]) -> None:
    data = parse_mrz(build_td3(**fields), today=TODAY)  # type: ignore[arg-type]
    assert data.format == "TD3"
    for name, value in fields.items():
        assert getattr(data, name) == value, name


@given(td1_fields())
def test_td1_round_trip(fields: dict[str, object]) -> None:
    data = parse_mrz(build_td1(**fields), today=TODAY)  # type: ignore[arg-type]
    assert data.format == "TD1"
    optional = " ".join(str(x) for x in (fields.pop("optional_data"), fields.pop("optional_data_2")) if x)
    assert data.optional_data == optional
    for name, value in fields.items():
        assert getattr(data, name) == value, name


# Positions (line, start, end) of fields protected by a check digit, check digits included.
_TD3_CHECKED = [(1, 0, 10), (1, 13, 20), (1, 21, 28), (1, 28, 43), (1, 43, 44)]
_TD1_CHECKED = [(1, 0, 7), (1, 8, 15), (1, 18, 30)]


def _flip_positions(lines: tuple[str, ...], spans: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    return [(line, i) for line, start, end in spans for i in range(start, end) if lines[line][i].isdigit()]


@settings(max_examples=200)
@given(td3_fields(), st.data())
def test_td3_any_flipped_digit_is_caught(fields: dict[str, object], data: st.DataObject) -> None:
    lines = build_td3(**fields)  # type: ignore[arg-type]
    line, i = data.draw(st.sampled_from(_flip_positions(lines, _TD3_CHECKED)))
    old = lines[line][i]
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != old]))
    changed = list(lines)
    changed[line] = changed[line][:i] + new + changed[line][i + 1 :]
    with pytest.raises(MrzError):
        parse_mrz(changed, today=TODAY)


@settings(max_examples=200)
@given(td1_fields(), st.data())
def test_td1_any_flipped_digit_is_caught(fields: dict[str, object], data: st.DataObject) -> None:
    lines = build_td1(**fields)  # type: ignore[arg-type]
    # Line 1 from the document number to the end is covered (directly or by the composite).
    spans = [*_TD1_CHECKED, (0, 5, 30)]
    line, i = data.draw(st.sampled_from(_flip_positions(lines, spans)))
    old = lines[line][i]
    new = data.draw(st.sampled_from([d for d in "0123456789" if d != old]))
    changed = list(lines)
    changed[line] = changed[line][:i] + new + changed[line][i + 1 :]
    with pytest.raises(MrzError):
        parse_mrz(changed, today=TODAY)


@given(st.text())
def test_arbitrary_text_parses_or_raises_mrz_error(text: str) -> None:
    with contextlib.suppress(MrzError):
        parse_mrz(text, today=TODAY)


_MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


@settings(max_examples=300)
@given(
    st.one_of(
        st.lists(st.text(alphabet=_MRZ_CHARS, min_size=44, max_size=44), min_size=2, max_size=2),
        st.lists(st.text(alphabet=_MRZ_CHARS, min_size=30, max_size=30), min_size=3, max_size=3),
        st.lists(st.text(alphabet=_MRZ_CHARS + "a ", min_size=28, max_size=46), max_size=4),
    )
)
def test_mrz_shaped_noise_parses_or_raises_mrz_error(lines: list[str]) -> None:
    with contextlib.suppress(MrzError):
        parse_mrz(lines, today=TODAY)


@given(td3_fields(), st.integers(min_value=0, max_value=87), st.sampled_from(_MRZ_CHARS))
def test_any_single_change_parses_or_raises_mrz_error(
    fields: dict[str, object], index: int, char: str
) -> None:
    text = "".join(build_td3(**fields))  # type: ignore[arg-type]
    text = text[:index] + char + text[index + 1 :]
    try:
        parsed = parse_mrz(text, today=TODAY)
    except MrzError:
        return
    assert isinstance(parsed, MrzData)


def test_builders_reject_what_an_mrz_cannot_hold() -> None:
    common: dict[str, object] = {
        "issuing_state": "UTO",
        "surname": "A",
        "given_names": "B",
        "nationality": "UTO",
        "birth_date": date(1980, 1, 1),
        "sex": Sex.MALE,
        "expiry_date": date(2030, 1, 1),
    }
    with pytest.raises(ValueError, match="longer than 9"):
        build_td3(document_number="1234567890", **common)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Latin"):
        build_td3(document_number="1", **{**common, "surname": "Ерiksson"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="20YY"):
        build_td3(document_number="1", **{**common, "expiry_date": date(1999, 1, 1)})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="longer than 24"):
        build_td1(document_number="1" * 30, **common)  # type: ignore[arg-type]
