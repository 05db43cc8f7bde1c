"""Kazakh IIN: check digit rule, structure, agreement with date of birth and sex."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.iin import (
    iin_birth_date,
    iin_check_digit,
    iin_sex,
    make_iin,
    validate_iin,
)
from embassy_desk.domain.national_ids import (
    KazakhIinValidator,
    NationalIdValidator,
    normalize_national_id,
    register_validator,
    validator_for,
)

# Worked by hand: digits 9 0 0 1 0 1 3 0 0 1 2, weights 1..11:
# 9 + 4 + 6 + 21 + 10 + 22 = 72; 72 mod 11 = 6.
VALID_1990_MALE = "900101300126"
# 9 0 0 1 0 1 3 0 0 8 1: first pass 9+4+6+21+80+11 = 131 ≡ 10 (mod 11), so weights 3..11,1,2:
# 27+6+8+27+8+2 = 78 ≡ 1.
SECOND_PASS_FIRST11 = "90010130081"
# 9 0 0 1 0 1 3 0 0 8 0: first pass 120 ≡ 10, second pass 76 ≡ 10: never issued.
NEVER_ISSUED_FIRST11 = "90010130080"


def reference_check_digit(first11: str) -> int | None:
    digits = [int(c) for c in first11]
    s = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if s == 10:
        weights = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
        s = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
    return None if s == 10 else s


def test_hand_worked_check_digits() -> None:
    assert iin_check_digit(VALID_1990_MALE[:11]) == 6
    assert iin_check_digit(SECOND_PASS_FIRST11) == 1
    assert iin_check_digit(NEVER_ISSUED_FIRST11) is None


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_check_digit_matches_the_rule(first11: str) -> None:
    assert iin_check_digit(first11) == reference_check_digit(first11)


@pytest.mark.parametrize("bad", ["", "1234567890", "123456789012", "12345678901a"])
def test_check_digit_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError, match="11 digits"):
        iin_check_digit(bad)


def test_valid_iin_is_returned_normalized() -> None:
    assert validate_iin(VALID_1990_MALE) == VALID_1990_MALE
    assert validate_iin(" 900101 300 126 ") == VALID_1990_MALE
    assert validate_iin(VALID_1990_MALE, birth_date=date(1990, 1, 1), sex=Sex.MALE) == VALID_1990_MALE
    # Unspecified sex is "not known", not a disagreement.
    assert validate_iin(VALID_1990_MALE, sex=Sex.UNSPECIFIED) == VALID_1990_MALE
    assert validate_iin(SECOND_PASS_FIRST11 + "1") == SECOND_PASS_FIRST11 + "1"


def test_decoding() -> None:
    assert iin_birth_date(VALID_1990_MALE) == date(1990, 1, 1)
    assert iin_sex(VALID_1990_MALE) is Sex.MALE
    female_2005 = make_iin(date(2005, 3, 9), Sex.FEMALE, 42)
    assert female_2005[6] == "6"
    assert iin_birth_date(female_2005) == date(2005, 3, 9)
    assert iin_sex(female_2005) is Sex.FEMALE
    assert iin_birth_date(make_iin(date(1899, 12, 31), Sex.FEMALE, 1)) == date(1899, 12, 31)


def message(raw: str, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as info:
        validate_iin(raw, **kwargs)  # type: ignore[arg-type]
    assert info.value.field == "national_id"
    return info.value.message


def test_wrong_length_and_characters() -> None:
    assert "12 digits" in message("90010130012")
    assert "this one has 13" in message("9001013001266")
    assert "only digits" in message("90010130012X")
    assert "empty" in message("   ")


def test_impossible_date() -> None:
    # 13th month.
    first11 = "9013013001" + "2"
    check = iin_check_digit(first11)
    assert check is not None
    assert "real date of birth" in message(first11 + str(check))
    # 29 February 1900 does not exist, 29 February 2000 does: the century digit decides.
    assert "1900-02-29" in message("000229300000")
    assert iin_birth_date(make_iin(date(2000, 2, 29), Sex.MALE, 0)) == date(2000, 2, 29)


@pytest.mark.parametrize("digit", ["0", "7", "8", "9"])
def test_bad_century_digit(digit: str) -> None:
    assert f"has {digit} as its 7th digit" in message("900101" + digit + "00126")


def test_wrong_check_digit_gives_specific_message() -> None:
    assert message("900101300127") == (
        "IIN 900101… has check digit 7 but its other digits give 6; check for a typo"
    )


def test_never_issued_number() -> None:
    assert "never issued" in message(NEVER_ISSUED_FIRST11 + "0")


def test_birth_date_disagreement_gives_specific_message() -> None:
    assert message(VALID_1990_MALE, birth_date=date(1990, 1, 2)) == (
        "IIN 900101… says born 1990-01-01 but date of birth is 1990-01-02"
    )


def test_sex_disagreement_gives_specific_message() -> None:
    assert message(VALID_1990_MALE, sex=Sex.FEMALE) == ("IIN 900101… says sex M (7th digit 3) but sex is F")


def test_messages_never_show_the_full_number() -> None:
    assert VALID_1990_MALE not in message(VALID_1990_MALE, sex=Sex.FEMALE)


def test_make_iin_skips_serials_without_a_check_digit() -> None:
    # Serial 0080 for 1990-01-01 male has no check digit (see above): 0081 is used.
    assert make_iin(date(1990, 1, 1), Sex.MALE, 80) == SECOND_PASS_FIRST11 + "1"
    assert make_iin(date(1990, 1, 1), Sex.MALE, 12) == VALID_1990_MALE


def test_make_iin_rejects_what_an_iin_cannot_encode() -> None:
    with pytest.raises(ValueError, match="1800"):
        make_iin(date(1799, 12, 31), Sex.MALE, 0)
    with pytest.raises(ValueError, match="sex"):
        make_iin(date(1990, 1, 1), Sex.UNSPECIFIED, 0)
    with pytest.raises(ValueError, match="serial"):
        make_iin(date(1990, 1, 1), Sex.MALE, 10000)


@given(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from([Sex.MALE, Sex.FEMALE]),
    st.integers(min_value=0, max_value=9999),
)
def test_make_then_validate_round_trip(born: date, sex: Sex, serial: int) -> None:
    iin = make_iin(born, sex, serial)
    assert len(iin) == 12
    assert validate_iin(iin, birth_date=born, sex=sex) == iin
    assert iin_check_digit(iin[:11]) == reference_check_digit(iin[:11]) == int(iin[11])
    assert iin_birth_date(iin) == born
    assert iin_sex(iin) is sex
    # Deterministic, and the requested serial is kept whenever it has a check digit.
    assert make_iin(born, sex, serial) == iin
    if reference_check_digit(iin[:7] + f"{serial:04d}") is not None:
        assert iin[7:11] == f"{serial:04d}"


@given(st.text(max_size=20))
def test_arbitrary_text_raises_only_validation_error(raw: str) -> None:
    with contextlib.suppress(ValidationError):
        validate_iin(raw)


def test_national_id_registry() -> None:
    kz = validator_for("kz")
    assert isinstance(kz, KazakhIinValidator)
    assert isinstance(kz, NationalIdValidator)
    assert validator_for("KAZ") is kz
    assert validator_for("XX") is None
    assert kz.validate(" 900101300126", birth_date=None, sex=None) == VALID_1990_MALE
    assert normalize_national_id("  AB 123  ", country="XX") == "AB 123"
    with pytest.raises(ValidationError):
        normalize_national_id("900101300127", country="KZ")


def test_register_custom_validator() -> None:
    class Upper:
        country = "ZZ"

        def validate(self, raw: str, *, birth_date: date | None, sex: Sex | None) -> str:
            return raw.strip().upper()

    register_validator(Upper())
    try:
        assert normalize_national_id(" ab1 ", country="zz") == "AB1"
    finally:
        from embassy_desk.domain import national_ids

        national_ids._REGISTRY.pop("ZZ")
