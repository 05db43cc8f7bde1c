"""Phone numbers: E.164 normalization, and the fast path agreeing with libphonenumber."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain import phones
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.phones import is_mobile, normalize_phone


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("010-1234-5678", "KR", "+821012345678"),
        ("010 1234 5678", "KR", "+821012345678"),
        ("02-312-3456", "KR", "+8223123456"),
        ("+7 701 234 5678", "KZ", "+77012345678"),
        ("+7 701 234 5678", "KR", "+77012345678"),
        ("8 701 234 56 78", "KZ", "+77012345678"),
        ("8 (701) 234-56-78", "KZ", "+77012345678"),
        ("7 701 234 5678", "KZ", "+77012345678"),
        ("00 82 10 1234 5678", "KR", "+821012345678"),
        ("00 82 10 1234 5678", "KZ", "+821012345678"),
        ("0082-10-1234-5678", "US", "+821012345678"),
        ("+82 10-1234-5678", "kr", "+821012345678"),
        ("  +1 (650) 253-0000 ", "KR", "+16502530000"),
        ("+44 20 7946 0958", "KR", "+442079460958"),
        ("＋82 10 1234 5678", "KR", "+821012345678"),  # full-width plus: library path
        ("010.1234.5678", "KR", "+821012345678"),
    ],
)
def test_normalize_examples(raw: str, region: str, expected: str) -> None:
    assert normalize_phone(raw, default_region=region) == expected


@pytest.mark.parametrize(
    ("raw", "region", "needle"),
    [
        ("12345", "KR", "'12345' is not a valid phone number for KR"),
        ("010-1234", "KR", "for KR"),
        ("hello", "KZ", "for KZ"),
        ("+7 123", "KZ", "'+7 123' is not a valid phone number"),
        ("+999 1234 5678", "KR", "is not a valid phone number"),
        ("8 701 234 56 7", "KZ", "for KZ"),
    ],
)
def test_invalid_numbers(raw: str, region: str, needle: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw, default_region=region, field="mobile")
    assert info.value.field == "mobile"
    assert needle in info.value.message


def test_empty_and_bad_region() -> None:
    with pytest.raises(ValidationError, match="empty"):
        normalize_phone("  ", default_region="KR")
    with pytest.raises(ValueError, match="region"):
        normalize_phone("010-1234-5678", default_region="XX")


def test_is_mobile() -> None:
    assert is_mobile("+821012345678")
    assert is_mobile("+77012345678")
    assert not is_mobile("+8223123456")
    assert not is_mobile("not a number")


# The fast path re-traces libphonenumber's rules; these tests hold it to the library's answers.


def _library(text: str, region: str) -> str | None:
    return phones._slow_e164(text, region)


def _ours(text: str, region: str) -> str | None:
    return phones._e164(text, region)


def test_fast_path_agrees_on_every_regions_example_numbers() -> None:
    rng = random.Random(20240601)
    kinds = [
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.VOIP,
        phonenumbers.PhoneNumberType.UAN,
    ]
    formats = [
        phonenumbers.PhoneNumberFormat.E164,
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
        phonenumbers.PhoneNumberFormat.NATIONAL,
    ]
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in kinds:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            for fmt in formats:
                text = phonenumbers.format_number(example, fmt)
                mutated = list(text)
                positions = [i for i, c in enumerate(mutated) if c.isdigit()]
                mutated[rng.choice(positions)] = str(rng.randrange(10))
                for candidate in (text, "".join(mutated)):
                    for default in (region, "KR", "KZ"):
                        assert _ours(candidate, default) == _library(candidate, default), (
                            candidate,
                            default,
                        )
                        checked += 1
    assert checked > 5000


@settings(max_examples=1500)
@given(
    region=st.sampled_from(sorted(phonenumbers.SUPPORTED_REGIONS)),
    prefix=st.sampled_from(["", "+", "0", "00", "8", "7", "+7", "82", "+82", "1", "(", "0 ", "810"]),
    digits=st.text(alphabet="0123456789", min_size=0, max_size=18),
    separator=st.sampled_from(["", " ", "-", "."]),
)
def test_fast_path_agrees_on_random_digits(region: str, prefix: str, digits: str, separator: str) -> None:
    text = prefix + separator.join([digits[:3], digits[3:6], digits[6:]])
    assert _ours(text, region) == _library(text, region)


@settings(max_examples=500)
@given(region=st.sampled_from(["KR", "KZ", "US", "RU", "DE"]), raw=st.text(max_size=30))
def test_arbitrary_text_gives_e164_or_validation_error(region: str, raw: str) -> None:
    try:
        result = normalize_phone(raw, default_region=region)
    except ValidationError:
        return
    assert result.startswith("+")
    assert result[1:].isdigit()
