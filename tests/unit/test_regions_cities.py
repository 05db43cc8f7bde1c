"""Region from a known city of the host country, in every spelling staff type (issue 12)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.regions import KR_CITIES, KR_REGIONS, known_cities, region_for_city

EVERY_SPELLING = [(code, name) for code, names in KR_CITIES for name in names]
_HANGUL = "\uac00"


def _is_hangul(text: str) -> bool:
    return any(_HANGUL <= ch <= "\ud7a3" for ch in text)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@pytest.mark.parametrize(("code", "name"), EVERY_SPELLING)
def test_every_listed_spelling_gives_its_region(code: str, name: str) -> None:
    assert region_for_city(name, "KR") == code


def test_the_cities_the_issue_names_are_known_in_english_korean_and_cyrillic() -> None:
    expected = {
        "Seoul": "KR-11", "Busan": "KR-26", "Incheon": "KR-28", "Daegu": "KR-27", "Daejeon": "KR-30",
        "Gwangju": "KR-29", "Ulsan": "KR-31", "Sejong": "KR-50",
        "Suwon": "KR-41", "Seongnam": "KR-41", "Goyang": "KR-41", "Yongin": "KR-41", "Bucheon": "KR-41",
        "Ansan": "KR-41", "Anyang": "KR-41", "Hwaseong": "KR-41", "Pyeongtaek": "KR-41",
        "Uijeongbu": "KR-41", "Paju": "KR-41", "Gimpo": "KR-41", "Siheung": "KR-41",
        "Chuncheon": "KR-51", "Wonju": "KR-51", "Gangneung": "KR-51",
        "Cheongju": "KR-43", "Chungju": "KR-43", "Cheonan": "KR-44", "Asan": "KR-44",
        "Jeonju": "KR-52", "Gunsan": "KR-52", "Iksan": "KR-52",
        "Mokpo": "KR-46", "Yeosu": "KR-46", "Suncheon": "KR-46",
        "Pohang": "KR-47", "Gumi": "KR-47", "Gyeongju": "KR-47", "Andong": "KR-47",
        "Changwon": "KR-48", "Gimhae": "KR-48", "Jinju": "KR-48", "Geoje": "KR-48", "Yangsan": "KR-48",
        "Jeju": "KR-49", "Seogwipo": "KR-49",
    }  # fmt: skip
    by_english = {names[0]: (code, names) for code, names in KR_CITIES}
    for city, code in expected.items():
        listed_code, names = by_english[city]
        assert listed_code == code, city
        assert any(_is_hangul(n) for n in names), f"{city} has no Korean spelling"
        assert any(_is_cyrillic(n) for n in names), f"{city} has no Cyrillic spelling"
    assert {code for code, _ in KR_CITIES} == set(KR_REGIONS), "every region has a known city"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Сеул", "KR-11"),
        ("г. Сеул", "KR-11"),
        ("Сеул қаласы", "KR-11"),
        ("город Пусан", "KR-26"),
        ("Бусан", "KR-26"),
        ("Инчхон", "KR-28"),
        ("Сувон", "KR-41"),
        ("서울", "KR-11"),
        ("서울시", "KR-11"),
        ("서울특별시", "KR-11"),
        ("부산광역시", "KR-26"),
        ("세종특별자치시", "KR-50"),
        ("수원시", "KR-41"),
        ("경기도 수원시", "KR-41"),
        ("SEOUL", "KR-11"),
        ("  seoul  ", "KR-11"),
        ("Seoul City", "KR-11"),
        ("Seoul, South Korea", "KR-11"),
        ("Suwon-si", "KR-41"),
        ("Suwon si", "KR-41"),
        ("Suwon, Gyeonggi-do", "KR-41"),
        ("Busan Metropolitan City", "KR-26"),
        ("Jeju-si", "KR-49"),
        ("Seogwipo-si", "KR-49"),
        ("Uijeong-bu", "KR-41"),
        ("Пхёнтхэк", "KR-41"),
        ("Пхентхэк", "KR-41"),
        ("Чхунчхон", "KR-51"),
        ("Inch'on", "KR-28"),
        ("Чеджу қ.", "KR-49"),
    ],
)
def test_what_staff_type_gives_the_region(typed: str, code: str) -> None:
    assert region_for_city(typed, "KR") == code


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "Almaty", "Алматы", "Astana", "Tokyo", "광주시", "Gwangju-si", "Seoul, Busan", "г.", "city"],
)
def test_unknown_or_ambiguous_cities_give_no_region(typed: str) -> None:
    assert region_for_city(typed, "KR") is None


def test_a_country_without_a_city_table_gives_nothing() -> None:
    assert region_for_city("Seoul", "JP") is None
    assert region_for_city("Almaty", "KZ") is None


def test_known_cities_lists_each_city_once_with_its_english_name() -> None:
    cities = known_cities("KR")
    assert ("KR-11", "Seoul") in cities and ("KR-41", "Suwon") in cities
    assert len({name for _, name in cities}) == len(cities)


_CASE = st.sampled_from([str, str.upper, str.lower, str.title, str.casefold])
_SPACES = st.sampled_from(["", " ", "  ", "\t"])


@given(
    spelling=st.sampled_from(EVERY_SPELLING),
    case=_CASE,
    before=_SPACES,
    after=_SPACES,
    prefix=st.sampled_from(["", "г. ", "г.", "город ", "City of "]),
    suffix=st.sampled_from(["", "-si", " si", " city", " City", " қаласы", "-shi", " (city)"]),
)
def test_case_spaces_and_city_words_do_not_matter(
    spelling: tuple[str, str], case: object, before: str, after: str, prefix: str, suffix: str
) -> None:
    code, name = spelling
    assert callable(case)
    typed = before + case(prefix + name + suffix) + after
    assert region_for_city(typed, "KR") == code, typed


_BARE_HANGUL = [(c, n) for c, n in EVERY_SPELLING if _is_hangul(n) and not n.endswith("시")]


@given(spelling=st.sampled_from(_BARE_HANGUL), spaces=_SPACES)
def test_a_korean_name_with_or_without_si(spelling: tuple[str, str], spaces: str) -> None:
    code, name = spelling
    assert region_for_city(spaces + name + spaces, "KR") == code
    with_si = name + "시"
    assert region_for_city(with_si, "KR") == (None if with_si == "광주시" else code)


@given(text=st.text(max_size=40))
def test_any_text_gives_a_known_region_or_none(text: str) -> None:
    found = region_for_city(text, "KR")
    assert found is None or found in KR_REGIONS
