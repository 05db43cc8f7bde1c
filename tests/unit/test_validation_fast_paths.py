"""The caches and fast paths of row validation give exactly what the plain code gives.

Each reference below is the straightforward form a fast path replaced; the properties hold the
fast path to it for generated input, error messages (and the field they name) included, with the
caches cold and warm.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain import citizen, dates, emails, ids, passport, phones, regions, translit, vocab
from embassy_desk.domain.citizen import InvalidRecord, ValidationContext, name_key, validate_citizen
from embassy_desk.domain.enums import (
    CitizenStatus,
    PhoneKind,
    PurposeOfStay,
    Sex,
    Vulnerability,
    WelfareStatus,
)
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.iin import iin_check_digit, validate_iin
from embassy_desk.storage import search_index

CTX = ValidationContext(home_country="KZ", host_country="KR", today=date(2026, 11, 26))
ENUMS: tuple[type[StrEnum], ...] = (
    Sex,
    PurposeOfStay,
    CitizenStatus,
    WelfareStatus,
    Vulnerability,
    PhoneKind,
)


def _clear_caches() -> None:
    for cached in (
        dates._read_cached,
        vocab._lookup_cached,
        regions._lookup_cached,
        translit._tokens_cached,
        translit._passport_latin_cached,
        citizen._languages_cached,
        citizen._vulnerabilities_cached,
    ):
        cached.cache_clear()


@pytest.fixture(autouse=True)
def _cold_caches() -> Iterator[None]:
    _clear_caches()
    yield
    _clear_caches()


def outcome(func: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, ...]:
    """What a call gives: its result, or the error's type, text and field."""
    try:
        return ("ok", func(*args, **kwargs))
    except Exception as exc:  # the comparison is the point
        return ("error", type(exc), str(exc), getattr(exc, "field", None), getattr(exc, "problems", None))


# Text that looks like what the caches see: short values from pools, with the odd long one.
WORDS = st.sampled_from(
    [
        "",
        " ",
        "Нурланова",
        "Айгерим",
        "ЖҰМАБЕКОВ",
        "Ol'ga",
        "O’Brien",
        "Mary-Jane",
        "x\u0301",
        "\ud800",
        "F",
        " жен ",
        "needs assistance",
        "KR-41",
        "Сеул",
        "2001-02-03",
        "3.4.2001",
        "31.02.2001",
        "kk,ru",
        "minor;elderly",
    ]
)
TEXT = st.one_of(WORDS, st.text(max_size=12), st.text(min_size=60, max_size=90))
DATE_TEXT = st.one_of(
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: f"{d.day}.{d.month}.{d.year:04d}"),
    st.dates().map(lambda d: f" {d.day:02d}/{d.month:02d}/{d.year:04d} "),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.from_regex(r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}", fullmatch=True),
    TEXT,
)


# --- dates ------------------------------------------------------------------------------------

_DAY_FIRST = re.compile(r"([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4})")
_ISO_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def reference_parse_date(raw: str, *, field: str) -> date:
    def reject(text: str) -> ValidationError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        return ValidationError(field, f"'{shown}' is not a date; use YYYY-MM-DD or DD.MM.YYYY")

    text = raw.strip()
    if len(text) == 10 and _ISO_SHAPE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise reject(text) from None
    m = _DAY_FIRST.fullmatch(text)
    if m is None:
        raise reject(text)
    try:
        return date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:
        raise reject(text) from None


@settings(max_examples=400)
@given(raw=DATE_TEXT)
def test_parse_date_cached_agrees_and_names_each_callers_field(raw: str) -> None:
    for field in ("birth_date", "arrival_date", "birth_date"):
        assert outcome(dates.parse_date, raw, field=field) == outcome(reference_parse_date, raw, field=field)
    found = dates.read_date_text(raw)
    expected = outcome(reference_parse_date, raw, field="f")
    if expected[0] == "ok":
        assert found == (expected[1], expected[1].isoformat())
    else:
        assert found is None


# --- vocabularies and regions -----------------------------------------------------------------


def reference_parse_choice(enum_type: type[StrEnum], raw: str, *, field: str) -> StrEnum:
    text = " ".join(raw.replace("_", " ").split()).casefold()
    table = vocab._TABLES.get(enum_type, {})
    value = table.get(text) or table.get(text.replace(" ", "_"))
    if value is None:
        wanted = text.replace(" ", "_")
        for member in enum_type:
            if member.value.casefold() == wanted:
                return member
        allowed = ", ".join(member.value for member in enum_type)
        raise ValidationError(field, f"{raw.strip()!r} is not one of: {allowed}")
    return enum_type(value)


ALIASES = sorted({word for groups in vocab._ALIASES.values() for words in groups.values() for word in words})


@settings(max_examples=400)
@given(
    enum_type=st.sampled_from(ENUMS),
    raw=st.one_of(st.sampled_from(ALIASES), TEXT),
    pad=st.sampled_from(["", " ", "  ", "_"]),
)
def test_parse_choice_cached_agrees(enum_type: type[StrEnum], raw: str, pad: str) -> None:
    raw = pad + raw.upper() + pad if pad != "_" else raw.replace(" ", "_")
    for field in ("sex", "status", "sex"):
        assert outcome(vocab.parse_choice, enum_type, raw, field=field) == outcome(
            reference_parse_choice, enum_type, raw, field=field
        )
    found = vocab.lookup_choice(enum_type, raw)
    expected = outcome(reference_parse_choice, enum_type, raw, field="f")
    if expected[0] == "ok":
        assert found is not None
        assert found[0] is expected[1]
        assert found[1] == expected[1].value
        assert type(found[1]) is str
    else:
        assert found is None


REGION_NAMES = sorted(
    {name for names in regions.KR_REGIONS.values() for name in names} | set(regions.KR_REGIONS)
)


@settings(max_examples=300)
@given(raw=st.one_of(st.sampled_from(REGION_NAMES), TEXT), host=st.sampled_from(["KR", "JP"]))
def test_normalize_region_cached_agrees(raw: str, host: str) -> None:
    def reference(text: str, field: str) -> str:
        aliases = regions._aliases(host)
        text = text.strip()
        if not aliases:
            return text
        code = aliases.get(regions._fold(text))
        if code is None:
            known = ", ".join(f"{c} {names[0]}" for c, names in regions.REGIONS_BY_COUNTRY[host].items())
            raise ValidationError(field, f"{text!r} is not a region of {host} (known: {known})")
        return code

    for field in ("region", "where", "region"):
        assert outcome(regions.normalize_region, raw, host_country=host, field=field) == outcome(
            reference, raw, field
        )


# --- names --------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(text=TEXT)
def test_cached_tokens_and_passport_latin_agree(text: str) -> None:
    for _ in range(2):
        assert translit.search_tokens(text) == list(translit._tokens(text))
        assert translit.search_token_tuple(text) == translit._tokens(text)
        assert translit.passport_latin(text) == translit._passport_latin(text)


def test_callers_cannot_change_cached_tokens() -> None:
    first = translit.search_tokens("Нурланова Айгерим")
    first.append("intruder")
    first.clear()
    assert translit.search_tokens("Нурланова Айгерим") == ["nurlanova", "aigerim"]
    assert isinstance(translit.search_token_tuple("Нурланова"), tuple)


@settings(max_examples=300)
@given(surname=TEXT, given_names=TEXT)
def test_name_key_agrees_with_tokens_of_the_whole_name(surname: str, given_names: str) -> None:
    expected = " ".join(sorted(set(translit.search_tokens(f"{surname} {given_names}"))))
    assert name_key(surname, given_names) == expected


# --- documents, e-mail, IIN ---------------------------------------------------------------------

_REMOVE = str.maketrans(dict.fromkeys(" \t\u00a0-\u2010\u2011\u2012\u2013\u2014\u2212<"))
_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def reference_passport(raw: str, *, issuing_country: str | None) -> str:
    field = "passport_number"
    number = raw.translate(_REMOVE)
    if number.isascii():
        number = number.upper()
    if not number:
        raise ValidationError(field, "document number is empty")
    if not _ALLOWED.issuperset(number):
        bad = next(c for c in number if c not in _ALLOWED)
        hint = " (Cyrillic? type Latin letters)" if "\u0400" <= bad <= "\u04ff" else ""
        raise ValidationError(field, f"document number may contain only A–Z and 0–9, not {bad!r}{hint}")
    if issuing_country is not None:
        checker = passport.passport_checker_for(issuing_country)
        if checker is not None:
            problem = checker(number)
            if problem is not None:
                raise ValidationError(field, problem)
    if len(number) > 9:
        raise ValidationError(
            field, f"a document number has at most 9 characters; this one has {len(number)}"
        )
    return number


@settings(max_examples=400)
@given(
    raw=st.one_of(
        st.from_regex(r"[A-Za-z]?[0-9]{7,12}", fullmatch=True),
        st.from_regex(r"[A-Za-z0-9]{0,14}", fullmatch=True),
        st.text(alphabet="Nn0123456789 -<ßıН\u00a0", max_size=14),
        TEXT,
    ),
    country=st.sampled_from(["KZ", "KAZ", None, "US"]),
)
def test_passport_fast_path_agrees(raw: str, country: str | None) -> None:
    assert outcome(passport.normalize_passport_number, raw, issuing_country=country) == outcome(
        reference_passport, raw, issuing_country=country
    )


def reference_email(raw: str) -> str:
    field = "email"
    text = raw.strip()
    if not text:
        raise ValidationError(field, "e-mail address is empty")
    shown = text if len(text) <= 60 else text[:60] + "…"
    if len(text) > 254:
        raise ValidationError(
            field, f"an e-mail address has at most 254 characters; this one has {len(text)}"
        )
    if any(c.isspace() for c in text):
        raise ValidationError(field, f"'{shown}' contains a space; an e-mail address has none")
    at = text.count("@")
    if at != 1:
        reason = "has no '@'" if at == 0 else "has more than one '@' (two addresses?)"
        raise ValidationError(field, f"'{shown}' {reason}")
    local, domain = text.split("@")
    if not local:
        raise ValidationError(field, f"'{shown}' has nothing before the '@'")
    if len(local) > 64:
        raise ValidationError(field, f"'{shown}' has more than 64 characters before the '@'")
    bad = next((c for c in local if c in emails._LOCAL_FORBIDDEN or not c.isprintable()), None)
    if bad is not None:
        raise ValidationError(field, f"'{shown}' contains {bad!r} before the '@'")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise ValidationError(field, f"'{shown}' has a misplaced dot before the '@'")
    domain = domain.lower()
    problem: str | None = None
    if "." not in domain:
        problem = f"the domain '{domain}' has no dot (like example.kz)"
    elif any(not label for label in domain.split(".")):
        problem = f"the domain '{domain}' has an empty part (two dots together, or a dot at an end)"
    else:
        for label in domain.split("."):
            if len(label) > 63:
                problem = f"the domain part '{label[:20]}…' is longer than 63 characters"
            elif label.startswith("-") or label.endswith("-"):
                problem = f"the domain part '{label}' starts or ends with '-'"
            elif not all(c.isalnum() or c == "-" for c in label):
                bad_char = next(c for c in label if not (c.isalnum() or c == "-"))
                problem = f"the domain '{domain}' contains {bad_char!r}"
            if problem is not None:
                break
    if problem is not None:
        raise ValidationError(field, f"'{shown}': {problem}")
    return f"{local}@{domain}"


EMAIL_PART = st.text(alphabet='aZ09.-_@ \u00a0\u2028қ\u0301()<>"\\;\x00\t', max_size=12)


@settings(max_examples=600)
@given(local=EMAIL_PART, domain=EMAIL_PART, extra=st.sampled_from(["", "@", ".kz", "-", "x" * 64]))
def test_email_fast_checks_agree(local: str, domain: str, extra: str) -> None:
    for raw in (f"{local}@{domain}{extra}", f"{local}{extra}@{domain}.kz", local + domain):
        assert outcome(emails.normalize_email, raw) == outcome(reference_email, raw)


def reference_check_digit(first11: str) -> int | None:
    digits = [int(c) for c in first11]
    s = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if s == 10:
        s = sum(d * w for d, w in zip(digits, (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
    return None if s == 10 else s


@settings(max_examples=400)
@given(
    digits=st.text(alphabet="0123456789", min_size=12, max_size=12),
    spacing=st.sampled_from(["", " ", "\t", "\u00a0"]),
)
def test_iin_fast_shape_and_check_digit_agree(digits: str, spacing: str) -> None:
    spaced = f"{digits[:6]}{spacing}{digits[6:9]}{spacing}{digits[9:]}"
    assert outcome(validate_iin, digits) == outcome(validate_iin, spaced)
    expected = reference_check_digit(digits[:11])
    result = outcome(validate_iin, digits)
    if result[0] == "ok":
        assert expected == int(digits[11])
    assert iin_check_digit(digits[:11]) == expected


_NON_DIGIT = re.compile(r"\D")


def reference_document(fields: Mapping[str, Any]) -> tuple[str, str, str]:
    names = " ".join(
        dict.fromkeys(
            key for name in search_index.NAME_FIELDS for key in translit.search_tokens(fields.get(name) or "")
        )
    )
    docs = " ".join(
        value.casefold() for value in (fields.get("passport_number"), fields.get("national_id")) if value
    )
    phones_json = fields.get("phones")
    reversed_numbers = []
    if phones_json:
        for entry in json.loads(phones_json):
            reversed_numbers.append(_NON_DIGIT.sub("", entry["number"])[::-1])
    return names, docs, " ".join(reversed_numbers)


PHONE_NUMBERS = st.one_of(
    st.from_regex(r"\+[1-9][0-9]{5,14}", fullmatch=True),
    st.sampled_from(["+8 2-10", "+٨٢١٠", "82 10 1234", ""]),
)


@settings(max_examples=300)
@given(
    names=st.lists(st.one_of(st.none(), TEXT), min_size=5, max_size=5),
    passport_number=st.one_of(st.none(), st.just(""), st.from_regex(r"[A-Z0-9]{8,9}", fullmatch=True)),
    national_id=st.one_of(st.none(), st.just(""), st.from_regex(r"[0-9]{12}", fullmatch=True)),
    numbers=st.lists(PHONE_NUMBERS, max_size=3),
    raw_json=st.sampled_from(["", "[]", '[{"number": NaN}]', '[{"number": "+1\\ud800"}]']),
)
def test_search_document_agrees(
    names: list[str | None],
    passport_number: str | None,
    national_id: str | None,
    numbers: list[str],
    raw_json: str,
) -> None:
    fields: dict[str, Any] = dict(zip(search_index.NAME_FIELDS, names, strict=True))
    fields["passport_number"] = passport_number
    fields["national_id"] = national_id
    fields["phones"] = json.dumps([{"number": n, "kind": "mobile"} for n in numbers]) if numbers else None
    assert outcome(search_index.document, fields) == outcome(reference_document, fields)
    fields["phones"] = raw_json or None
    assert outcome(search_index.document, fields) == outcome(reference_document, fields)


# --- phones -------------------------------------------------------------------------------------


@settings(max_examples=400)
@given(
    region=st.sampled_from(["KR", "KZ", "RU", "US", "DE", "GB", "CN", "JP", "IN", "BR", "UZ", "AE"]),
    nsn=st.text(alphabet="0123456789", min_size=1, max_size=18),
)
def test_one_regex_validity_agrees_with_the_type_by_type_test(region: str, nsn: str) -> None:
    plan = phones._plan(region)
    assert plan is not None
    by_type = plan.general.matches(nsn) and any(t.matches(nsn) for t in plan.types)
    assert phones._is_valid_for(nsn, plan) == by_type


def test_country_code_table_matches_the_library() -> None:
    for cc, region_codes in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items():
        assert phones._COUNTRY_CODES[str(cc)] == (cc, tuple(region_codes))


# --- the whole row ------------------------------------------------------------------------------

ROW_VALUES: dict[str, st.SearchStrategy[object]] = {
    "surname": st.one_of(st.sampled_from(["Нурланова", "Жұмабеков", "", "  "]), TEXT),
    "given_names": st.one_of(st.sampled_from(["Айгерим", "Ғалым"]), TEXT),
    "surname_latin": st.one_of(st.none(), st.sampled_from(["Nurlanova", "KIM"])),
    "sex": st.one_of(st.none(), st.sampled_from(["F", "m", " жен ", "<", "?", ""]), TEXT),
    "birth_date": st.one_of(st.none(), DATE_TEXT, st.dates()),
    "arrival_date": st.one_of(st.none(), DATE_TEXT),
    "consent_date": st.one_of(st.none(), DATE_TEXT),
    "national_id": st.one_of(st.none(), st.sampled_from(["061011671041", "900101300126", "12"])),
    "passport_number": st.one_of(st.none(), st.sampled_from(["N07000021", "n 1234 5678", "Н12"])),
    "purpose_of_stay": st.one_of(st.none(), st.sampled_from(["work", "учёба", "bogus"])),
    "region": st.one_of(st.none(), st.sampled_from([*REGION_NAMES[:8], "Narnia"])),
    "phone": st.one_of(
        st.none(),
        st.sampled_from(["010-1234-5678", "010-1234-5678, 02-312-3456", "12345", " ", '["01012345678"]']),
    ),
    "phone2": st.one_of(st.none(), st.just("+7 701 234 5678")),
    "languages": st.one_of(st.none(), st.sampled_from(["kk,ru", "kk, RU, en", "k,xxxx", '["ru"]', ""]), TEXT),
    "vulnerabilities": st.one_of(st.none(), st.sampled_from(["minor", "child;bogus", "ребёнок,minor"])),
    "messenger": st.one_of(st.none(), st.sampled_from(["telegram:@x", ":", "@x"])),
    "emergency_contact_phone": st.one_of(
        st.none(), st.sampled_from(["+7 777 102 1264", "8 701 234 56 78", "1"])
    ),
}


@settings(max_examples=300, deadline=None)
@given(row=st.fixed_dictionaries({}, optional=ROW_VALUES))
def test_validation_is_the_same_with_cold_and_warm_caches(row: dict[str, object]) -> None:
    _clear_caches()
    cold = outcome(validate_citizen, row, CTX, row=7)
    warm = outcome(validate_citizen, row, CTX, row=7)
    again = outcome(validate_citizen, dict(reversed(row.items())), CTX, row=7)
    assert cold == warm
    assert cold[0] == again[0]
    if cold[0] == "ok":
        assert list(cold[1].items()) == list(warm[1].items())
        assert cold[1] == again[1]


def test_a_bad_date_is_named_by_each_field_it_appears_in() -> None:
    with pytest.raises(InvalidRecord) as info:
        validate_citizen(
            {
                "surname": "Нурланова",
                "given_names": "Айгерим",
                "birth_date": "31.02.2001",
                "arrival_date": "31.02.2001",
            },
            CTX,
        )
    assert info.value.problems == [
        ("birth_date", "'31.02.2001' is not a date; use YYYY-MM-DD or DD.MM.YYYY"),
        ("arrival_date", "'31.02.2001' is not a date; use YYYY-MM-DD or DD.MM.YYYY"),
    ]


def test_one_phone_column_gives_the_same_json_as_the_general_path() -> None:
    rec = validate_citizen({"surname": "Ким", "given_names": "Анна", "phone": " 010-1234-5678 "}, CTX)
    assert rec["phones"] == citizen._dumps([{"number": "+821012345678", "kind": "mobile"}])
    both = validate_citizen(
        {"surname": "Ким", "given_names": "Анна", "phone": "010-1234-5678", "phone2": "010-1234-5678"}, CTX
    )
    assert both["phones"] == rec["phones"]


# --- ids ----------------------------------------------------------------------------------------


def test_uuid7_many_is_ordered_unique_and_well_formed() -> None:
    before = ids.uuid7()
    batch = ids.uuid7_many(10_000)
    after = ids.uuid7()
    assert len(batch) == 10_000
    everything = [before, *batch, after]
    assert everything == sorted(everything)
    assert len(set(everything)) == len(everything)
    for text in batch:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
    # The embedded time is the wall clock's, to the millisecond (a counter overflow may push a
    # batch of more than 4096 ids per millisecond a little ahead).
    stamp_ms = int(batch[0].replace("-", "")[:12], 16)
    assert abs(stamp_ms - int(uuid.UUID(before).int >> 80)) < 5_000


def test_uuid7_many_batches_interleave_with_single_ids() -> None:
    made: list[str] = []
    for size in (0, 1, 2, 4097, 3):
        made.append(ids.uuid7())
        made.extend(ids.uuid7_many(size))
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert ids.uuid7_many(0) == []
    with pytest.raises(ValueError, match="ids"):
        ids.uuid7_many(-1)
