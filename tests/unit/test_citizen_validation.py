"""Citizen validation as an officer meets it: what is accepted, normalised, and how errors read."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain import translit
from embassy_desk.domain.citizen import (
    INPUT_FIELDS,
    InvalidRecord,
    ValidationContext,
    name_key,
    validate_citizen,
)
from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
from tests.conftest import aigerim

CTX = ValidationContext(home_country="KZ", host_country="KR", today=date(2025, 6, 1))
E164 = re.compile(r"\+[1-9][0-9]{6,14}")
# Columns validate_citizen produces: the schema's citizen data, less what services fill in.
PRODUCED_COLUMNS = (
    set(CITIZEN_DATA_COLUMNS) - {"household_id", "welfare_checked_at", "welfare_checked_by"}
) | {"name_key"}


def valid(data: Mapping[str, object]) -> dict[str, str | None]:
    return validate_citizen(data, CTX)


def invalid(data: Mapping[str, object], *, row: int | None = None) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as info:
        validate_citizen(data, CTX, row=row)
    return info.value


def problem_fields(err: InvalidRecord) -> list[str]:
    return [name for name, _ in err.problems]


# --- names ------------------------------------------------------------------------------------


def test_cyrillic_only_names_get_passport_latin() -> None:
    rec = valid(aigerim())
    assert rec["surname"] == "Нурланова"
    assert rec["given_names"] == "Айгерим"
    assert rec["surname_latin"] == "NURLANOVA"
    assert rec["given_names_latin"] == "AIGERIM"
    assert rec["name_key"] == "aigerim nurlanova"


def test_kazakh_letters_romanised_as_in_passports() -> None:
    rec = valid({"surname": "Жұмабеков", "given_names": "Ғалым"})
    assert rec["surname_latin"] == "ZHUMABEKOV"
    assert rec["given_names_latin"] == "GALYM"


def test_latin_only_record_accepted_and_uppercased() -> None:
    rec = valid({"surname_latin": "Nurlanova", "given_names_latin": "Aigerim"})
    assert rec["surname"] is None
    assert rec["given_names"] is None
    assert rec["surname_latin"] == "NURLANOVA"
    assert rec["given_names_latin"] == "AIGERIM"
    assert rec["name_key"] == "aigerim nurlanova"


def test_passport_latin_given_is_kept_over_transliteration() -> None:
    rec = valid(aigerim(surname_latin="Nurlanova-Kim"))
    assert rec["surname_latin"] == "NURLANOVA-KIM"


def test_missing_names_name_both_fields() -> None:
    err = invalid({"sex": "F", "birth_date": "1998-03-14"})
    assert set(problem_fields(err)) == {"surname", "given_names"}
    assert "surname: is required" in str(err)
    assert "given_names: is required" in str(err)


def test_whitespace_only_names_count_as_missing() -> None:
    err = invalid({"surname": "   ", "given_names": "\t"})
    assert set(problem_fields(err)) == {"surname", "given_names"}


# --- several problems at once ------------------------------------------------------------------


def test_all_problems_reported_together_with_row() -> None:
    err = invalid(
        aigerim(surname="", birth_date="31.02.2001", sex="Q", email="not-an-address", region="Mars"),
        row=7,
    )
    text = str(err)
    assert text.startswith("row 7: ")
    for name in ("birth_date", "surname", "sex", "email", "region"):
        assert f"{name}: " in text
    assert set(problem_fields(err)) >= {"birth_date", "surname", "sex", "email", "region"}
    assert err.row == 7


def test_no_row_prefix_without_row() -> None:
    err = invalid(aigerim(sex="Q"))
    assert not str(err).startswith("row")
    assert str(err).startswith("sex: ")


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["14.03.1998", "1998-03-14", "14/03/1998", " 14.3.1998 "])
def test_birth_date_day_first_or_iso(typed: str) -> None:
    assert valid(aigerim(birth_date=typed))["birth_date"] == "1998-03-14"


def test_date_object_accepted() -> None:
    assert valid(aigerim(birth_date=date(1998, 3, 14)))["birth_date"] == "1998-03-14"


def test_impossible_date_refused_with_hint() -> None:
    err = invalid(aigerim(arrival_date="31.02.2024"))
    assert problem_fields(err) == ["arrival_date"]
    assert "YYYY-MM-DD or DD.MM.YYYY" in str(err)


def test_future_birth_date_refused() -> None:
    err = invalid(aigerim(birth_date="2030-01-01", national_id=None))
    assert problem_fields(err) == ["birth_date"]
    assert "2030-01-01 is in the future" in str(err)


def test_birth_date_today_is_accepted() -> None:
    assert valid(aigerim(birth_date="01.06.2025", national_id=None))["birth_date"] == "2025-06-01"


def test_passport_issue_after_expiry_refused() -> None:
    err = invalid(aigerim(passport_issue_date="01.01.2024", passport_expiry_date="2023-12-31"))
    assert problem_fields(err) == ["passport_expiry_date"]
    assert "2023-12-31 is before the issue date 2024-01-01" in str(err)


def test_passport_dates_in_order_accepted() -> None:
    rec = valid(aigerim(passport_issue_date="2020-01-15", passport_expiry_date="15.01.2030"))
    assert (rec["passport_issue_date"], rec["passport_expiry_date"]) == ("2020-01-15", "2030-01-15")


# --- IIN ---------------------------------------------------------------------------------------


def test_iin_agreeing_with_birth_date_and_sex_accepted() -> None:
    assert valid(aigerim(national_id="980314 400 046"))["national_id"] == "980314400046"


def test_iin_disagreeing_with_birth_date_refused() -> None:
    err = invalid(aigerim(birth_date="1998-03-15"))
    assert problem_fields(err) == ["national_id"]
    assert "says born 1998-03-14 but date of birth is 1998-03-15" in str(err)


def test_iin_disagreeing_with_sex_refused() -> None:
    err = invalid(aigerim(sex="M"))
    assert problem_fields(err) == ["national_id"]
    assert "says sex F (7th digit 4) but sex is M" in str(err)


def test_iin_message_does_not_reveal_full_number() -> None:
    err = invalid(aigerim(sex="M"))
    assert "980314400046" not in str(err)


def test_iin_typo_refused() -> None:
    err = invalid(aigerim(national_id="980314400047"))
    assert problem_fields(err) == ["national_id"]
    assert "check digit" in str(err)


# --- phones, messengers, emergency contact -----------------------------------------------------


def phone_list(rec: dict[str, str | None]) -> list[dict[str, str]]:
    assert rec["phones"] is not None
    loaded: list[dict[str, str]] = json.loads(rec["phones"])
    return loaded


def test_national_phone_read_in_host_country() -> None:
    rec = valid(aigerim(phone="010-1234-5678"))
    assert phone_list(rec) == [{"number": "+821012345678", "kind": "mobile"}]


def test_several_phones_split_and_deduplicated() -> None:
    rec = valid(aigerim(phone="010-1234-5678; 02-312-3456", phone2="+82 10 1234 5678"))
    numbers = [entry["number"] for entry in phone_list(rec)]
    assert numbers == ["+821012345678", "+8223123456"]


def test_phones_as_json_list_with_kind() -> None:
    raw = json.dumps([{"number": "02-312-3456", "kind": "home"}, "+7 701 234 5678"])
    rec = valid(aigerim(phone=None, phones=raw))
    assert phone_list(rec) == [
        {"number": "+8223123456", "kind": "home"},
        {"number": "+77012345678", "kind": "mobile"},
    ]


def test_bad_phone_names_its_field() -> None:
    err = invalid(aigerim(phone2="12"))
    assert problem_fields(err) == ["phone2"]


def test_messenger_service_and_handle() -> None:
    rec = valid(aigerim(messenger="Telegram:@aigerim_test"))
    assert rec["messengers"] is not None
    assert json.loads(rec["messengers"]) == [{"service": "telegram", "handle": "@aigerim_test"}]


def test_messenger_without_service_is_other() -> None:
    rec = valid(aigerim(messenger="@aigerim_test"))
    assert rec["messengers"] is not None
    assert json.loads(rec["messengers"]) == [{"service": "other", "handle": "@aigerim_test"}]


def test_emergency_contact_phone_defaults_to_home_country() -> None:
    rec = valid(
        aigerim(
            emergency_contact_name="Серик Нурланов",
            emergency_contact_relation="father",
            emergency_contact_phone="8 701 234 56 78",
        )
    )
    assert rec["emergency_contact"] is not None
    assert json.loads(rec["emergency_contact"]) == {
        "name": "Серик Нурланов",
        "relation": "father",
        "phone": "+77012345678",
    }


def test_emergency_contact_as_json_object() -> None:
    raw = json.dumps({"name": "Серик", "relation": "father", "phone": "+7 701 234 5678"})
    rec = valid(aigerim(emergency_contact=raw))
    assert rec["emergency_contact"] is not None
    assert json.loads(rec["emergency_contact"])["phone"] == "+77012345678"


def test_bad_emergency_phone_refused() -> None:
    err = invalid(aigerim(emergency_contact_name="Серик", emergency_contact_phone="abc"))
    assert problem_fields(err) == ["emergency_contact_phone"]


# --- closed vocabularies in three languages ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("учеба", "study"),
        ("Учёба", "study"),
        ("оқу", "study"),
        ("работа", "work"),
        ("жұмыс", "work"),
    ],
)
def test_purpose_in_russian_and_kazakh(typed: str, stored: str) -> None:
    assert valid(aigerim(purpose_of_stay=typed))["purpose_of_stay"] == stored


def test_vulnerabilities_in_russian_and_kazakh() -> None:
    rec = valid(aigerim(vulnerabilities="беременна; бала, Пожилой; pregnancy"))
    assert rec["vulnerabilities"] == "pregnancy,minor,elderly"


def test_unknown_vulnerability_refused() -> None:
    err = invalid(aigerim(vulnerabilities="беременна; tired"))
    assert problem_fields(err) == ["vulnerabilities"]
    assert "'tired' is not one of: minor, elderly, medical, mobility, pregnancy" in str(err)


@pytest.mark.parametrize(("typed", "stored"), [("выбыл", "departed"), ("кетті", "departed")])
def test_status_in_russian_and_kazakh(typed: str, stored: str) -> None:
    assert valid(aigerim(status=typed))["status"] == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("нужна помощь", "needs_assistance"),
        ("қауіпсіз", "safe"),
        ("Needs assistance", "needs_assistance"),
    ],
)
def test_welfare_in_russian_and_kazakh(typed: str, stored: str) -> None:
    assert valid(aigerim(welfare_status=typed))["welfare_status"] == stored


def test_status_and_welfare_default() -> None:
    rec = valid(aigerim())
    assert (rec["status"], rec["welfare_status"]) == ("present", "unknown")


@pytest.mark.parametrize(("typed", "stored"), [("Ж", "F"), ("женский", "F"), ("еркек", "M")])
def test_sex_in_russian_and_kazakh(typed: str, stored: str) -> None:
    rec = valid(aigerim(sex=typed, national_id=None))
    assert rec["sex"] == stored


def test_languages_normalised() -> None:
    rec = valid(aigerim(languages="KK, ru; ru"))
    assert rec["languages"] is not None
    assert json.loads(rec["languages"]) == ["kk", "ru"]


# --- regions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Сеул", "서울", "Seoul", "KR-11", "seoul", "kr11", "서울특별시"])
def test_region_names_in_any_language(typed: str) -> None:
    assert valid(aigerim(region=typed))["region"] == "KR-11"


def test_unknown_region_lists_known_ones() -> None:
    err = invalid(aigerim(region="Atlantis"))
    assert problem_fields(err) == ["region"]
    text = str(err)
    assert "'Atlantis' is not a region of KR" in text
    assert "KR-11 Seoul" in text
    assert "KR-49 Jeju" in text


# --- other fields ------------------------------------------------------------------------------


def test_unknown_field_refused() -> None:
    err = invalid(aigerim(foo="bar"))
    assert problem_fields(err) == ["foo"]
    assert "foo: is not a citizen field" in str(err)


def test_over_long_notes_refused() -> None:
    err = invalid(aigerim(notes="x" * 2001))
    assert problem_fields(err) == ["notes"]
    assert "longer than 2000 characters" in str(err)


def test_notes_at_the_limit_accepted() -> None:
    assert valid(aigerim(notes="x" * 2000))["notes"] == "x" * 2000


def test_email_domain_lowercased() -> None:
    assert valid(aigerim(email=" Aigerim.Test@Example.COM "))["email"] == "Aigerim.Test@example.com"


def test_passport_number_normalised() -> None:
    assert valid(aigerim(passport_number="n 1234 5678"))["passport_number"] == "N12345678"


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("messengers", '["telegram:\\ud800"]'),
        ("emergency_contact", '{"name": "\\ud800"}'),
        ("phones", "[" * 100_000 + "]" * 100_000),
    ],
    ids=["messenger-surrogate", "emergency-surrogate", "deep-json"],
)
def test_hostile_json_text_is_an_invalid_record(name: str, raw: str) -> None:
    invalid(aigerim(**{name: raw}))


# --- properties --------------------------------------------------------------------------------

PLAUSIBLE = st.sampled_from(
    [
        "",
        "Нурланова",
        "Aigerim",
        "F",
        "ер",
        "14.03.1998",
        "1998-03-14",
        "980314400046",
        "N12345678",
        "010-1234-5678",
        "010-1234-5678; +7 701 234 5678",
        '[{"number": "02-312-3456", "kind": "home"}]',
        '{"name": "Серик", "phone": "8 701 234 56 78"}',
        "telegram:@x",
        "kk, ru",
        "беременна",
        "оқу",
        "Сеул",
        "a@example.kz",
    ]
)
VALUES = st.one_of(st.text(), st.none(), PLAUSIBLE)
INPUTS = st.builds(
    lambda base, extra: {**base, **extra},
    st.sampled_from([{}, {"surname": "Нурланова", "given_names": "Айгерим"}]),
    st.dictionaries(st.sampled_from(sorted(INPUT_FIELDS)), VALUES, max_size=12),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(INPUTS)
def test_validate_returns_full_record_or_invalid_record(data: dict[str, object]) -> None:
    try:
        rec = validate_citizen(data, CTX)
    except InvalidRecord as err:
        failure: InvalidRecord | None = err
    else:
        failure = None
    if failure is not None:
        assert failure.problems
        assert str(failure)
        return
    assert set(rec) >= PRODUCED_COLUMNS
    assert all(value is None or isinstance(value, str) for value in rec.values())
    if rec["phones"] is not None:
        entries = json.loads(rec["phones"])
        assert isinstance(entries, list)
        assert entries
        for entry in entries:
            assert entry["number"].startswith("+")
            assert E164.fullmatch(entry["number"])


CYRILLIC_LETTERS = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"
LETTERS = CYRILLIC_LETTERS + CYRILLIC_LETTERS.upper()
# A name starts with a sounding letter (a lone Ь has no Latin spelling at all).
CYRILLIC_WORD = st.builds(
    str.__add__,
    st.sampled_from(LETTERS.replace("ь", "").replace("Ь", "").replace("ъ", "").replace("Ъ", "")),
    st.text(alphabet=LETTERS, max_size=11),
)
CYRILLIC_NAME = st.lists(CYRILLIC_WORD, min_size=1, max_size=3).map(" ".join)


@given(CYRILLIC_NAME, CYRILLIC_NAME)
def test_name_key_same_for_cyrillic_and_passport_latin(surname: str, given_names: str) -> None:
    latin = (translit.passport_latin(surname), translit.passport_latin(given_names))
    assert name_key(surname, given_names) == name_key(*latin)


@given(CYRILLIC_NAME, CYRILLIC_NAME)
def test_records_in_either_script_share_name_key(surname: str, given_names: str) -> None:
    cyrillic = {"surname": surname, "given_names": given_names}
    latin = {
        "surname_latin": translit.passport_latin(surname),
        "given_names_latin": translit.passport_latin(given_names),
    }
    assert valid(cyrillic)["name_key"] == valid(latin)["name_key"]


def test_name_key_ignores_order_and_case() -> None:
    assert name_key("Нурланова", "Айгерим") == name_key("AIGERIM", "nurlanova")
