"""First-level administrative regions of host countries (ISO 3166-2), with the names staff type."""

from __future__ import annotations

import re
from functools import lru_cache

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

# Korea's provinces as of 2024 (Gangwon KR-42 → KR-51 and Jeonbuk KR-45 → KR-52 were renamed
# special self-governing provinces; the old codes are still accepted as aliases).
KR_REGIONS: dict[str, tuple[str, ...]] = {
    "KR-11": ("Seoul", "서울", "서울특별시", "Сеул", "Сеул қаласы"),
    "KR-26": ("Busan", "부산", "부산광역시", "Пусан", "Бусан"),
    "KR-27": ("Daegu", "대구", "대구광역시", "Тэгу", "Дэгу"),
    "KR-28": ("Incheon", "인천", "인천광역시", "Инчхон", "Инчон"),
    "KR-29": ("Gwangju", "광주", "광주광역시", "Кванджу"),
    "KR-30": ("Daejeon", "대전", "대전광역시", "Тэджон"),
    "KR-31": ("Ulsan", "울산", "울산광역시", "Ульсан"),
    "KR-50": ("Sejong", "세종", "세종특별자치시", "Седжон"),
    "KR-41": ("Gyeonggi", "Gyeonggi-do", "경기", "경기도", "Кёнгидо", "Кёнги"),
    "KR-51": ("Gangwon", "Gangwon-do", "강원", "강원특별자치도", "Канвондо", "KR-42"),
    "KR-43": ("Chungbuk", "North Chungcheong", "충북", "충청북도", "Чхунчхон-Пукто"),
    "KR-44": ("Chungnam", "South Chungcheong", "충남", "충청남도", "Чхунчхон-Намдо"),
    "KR-52": ("Jeonbuk", "North Jeolla", "전북", "전북특별자치도", "Чолла-Пукто", "KR-45"),
    "KR-46": ("Jeonnam", "South Jeolla", "전남", "전라남도", "Чолла-Намдо"),
    "KR-47": ("Gyeongbuk", "North Gyeongsang", "경북", "경상북도", "Кёнсан-Пукто"),
    "KR-48": ("Gyeongnam", "South Gyeongsang", "경남", "경상남도", "Кёнсан-Намдо"),
    "KR-49": ("Jeju", "제주", "제주특별자치도", "Чеджу", "Чеджудо"),
}

REGIONS_BY_COUNTRY: dict[str, dict[str, tuple[str, ...]]] = {"KR": KR_REGIONS}
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _aliases(country: str) -> dict[str, str]:
    table = REGIONS_BY_COUNTRY.get(country, {})
    out: dict[str, str] = {}
    for code, names in table.items():
        out[_fold(code)] = code
        for name in names:
            out[_fold(name)] = code
    return out


_ALIAS_CACHE: dict[str, dict[str, str]] = {}


def _lookup(raw: str, host_country: str) -> str | None:
    aliases = _ALIAS_CACHE.get(host_country)
    if aliases is None:
        aliases = _ALIAS_CACHE.setdefault(host_country, _aliases(host_country))
    text = raw.strip()
    if not aliases:
        return text
    return aliases.get(_fold(text))


# A post's citizens live in a handful of regions, typed the same few ways on every row; folding
# the text costs several times a cache hit. Refusals are cached as None and worded by the caller
# with its field name. Entry count and key length are capped so memory stays flat.
_CACHED_LENGTH = 64
_lookup_cached = lru_cache(maxsize=4096)(_lookup)


def normalize_region(raw: str, *, host_country: str, field: str = "region") -> str:
    """Return the ISO 3166-2 code for a region typed as a code or a name in any known language."""
    if raw.__class__ is str and len(raw) <= _CACHED_LENGTH:
        code = _lookup_cached(raw, host_country)
    else:
        code = _lookup(raw, host_country)
    if code is None:
        text = raw.strip()
        known = ", ".join(f"{c} {names[0]}" for c, names in REGIONS_BY_COUNTRY[host_country].items())
        raise ValidationError(field, Msg("region.unknown", value=text, country=host_country, known=known))
    return code


def region_name(code: str, *, host_country: str, language: str = "en") -> str:
    """Name of a region code in ``language`` (en, ru, kk), or the code itself when unknown.

    Russian and Kazakh write a host country's regions in Cyrillic (Сеул, Кёнсан-Намдо): the first
    Cyrillic name of the region's list; English, and a region without one, take the first name.
    """
    names = REGIONS_BY_COUNTRY.get(host_country, {}).get(code)
    if not names:
        return code
    if language in ("ru", "kk"):
        return next((name for name in names if _CYRILLIC.search(name)), names[0])
    return names[0]


# ------------------------------------------------------------------------------------------------
# Cities → region
#
# Many post files give only a city. A campaign, a notice batch or the dashboard counts people by
# region, so the import and the record editor fill an empty region from a known city of the host
# country. Each city is listed in the spellings staff type: English (and older romanisations),
# Korean with and without 시, Russian and Kazakh Cyrillic (Kontsevich and the common variants).
# Suffixes ("-si", "city", "г.", "қаласы", "광역시") and case, spaces and hyphens do not matter.
#
# "광주시" / "Gwangju-si" is left out on purpose: it is both the metropolitan city of Gwangju
# (KR-29) and a city of Gyeonggi (KR-41), so a bare "광주시" is not guessed (the region stays empty).

KR_CITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Province-level cities.
    ("KR-11", ("Seoul", "서울", "서울특별시", "Сеул", "Сеул қаласы")),
    ("KR-26", ("Busan", "Pusan", "부산", "부산광역시", "Пусан", "Бусан")),
    ("KR-28", ("Incheon", "Inchon", "Inch'on", "인천", "인천광역시", "Инчхон", "Инчон")),
    ("KR-27", ("Daegu", "Taegu", "대구", "대구광역시", "Тэгу", "Дэгу", "Тегу")),
    ("KR-30", ("Daejeon", "Taejon", "Taejŏn", "대전", "대전광역시", "Тэджон", "Тэчжон", "Дэджон", "Теджон")),
    ("KR-29", ("Gwangju", "Kwangju", "광주", "광주광역시", "Кванджу", "Кванчжу", "Гванджу", "Гвангджу")),
    ("KR-31", ("Ulsan", "울산", "울산광역시", "Ульсан")),
    ("KR-50", ("Sejong", "세종", "세종특별자치시", "Седжон", "Сечжон", "Сэджон")),
    # Gyeonggi.
    ("KR-41", ("Suwon", "수원", "Сувон", "Суон")),
    ("KR-41", ("Seongnam", "Songnam", "성남", "Соннам", "Сонам", "Сонгнам")),
    ("KR-41", ("Goyang", "Koyang", "고양", "Коян", "Гоян", "Гоянг")),
    ("KR-41", ("Ilsan", "일산", "Ильсан")),
    ("KR-41", ("Yongin", "용인", "Йонъин", "Йонин", "Ёнъин", "Ёнин", "Енин")),
    ("KR-41", ("Bucheon", "Puchon", "부천", "Пучхон", "Бучхон", "Бучон")),
    ("KR-41", ("Ansan", "안산", "Ансан")),
    ("KR-41", ("Anyang", "안양", "Анян", "Аньян")),
    ("KR-41", ("Hwaseong", "Hwasong", "화성", "Хвасон", "Хвасонг")),
    ("KR-41", ("Pyeongtaek", "Pyongtaek", "평택", "Пхёнтхэк", "Пхёнтэк", "Пёнтхэк", "Пхёнтек")),
    ("KR-41", ("Uijeongbu", "Uijongbu", "의정부", "Ыйджонбу", "Ыджонбу", "Уиджонбу")),
    ("KR-41", ("Paju", "파주", "Пхаджу", "Паджу")),
    ("KR-41", ("Gimpo", "Kimpo", "김포", "Кимпхо", "Кимпо", "Гимпхо", "Гимпо")),
    ("KR-41", ("Siheung", "Sihung", "시흥", "Сихын", "Сихынг")),
    # Gangwon.
    ("KR-51", ("Chuncheon", "Chunchon", "춘천", "Чхунчхон", "Чунчхон", "Чунчон")),
    ("KR-51", ("Wonju", "원주", "Вонджу", "Вончжу")),
    ("KR-51", ("Gangneung", "Kangnung", "강릉", "Каннын", "Канныын", "Гангнын")),
    # Chungbuk.
    ("KR-43", ("Cheongju", "Chongju", "청주", "Чхонджу", "Чхончжу")),
    ("KR-43", ("Chungju", "충주", "Чхунджу", "Чхунчжу", "Чунджу")),
    ("KR-43", ("Eumseong", "Umsong", "음성", "Ымсон", "Ымсонг")),
    # Chungnam.
    ("KR-44", ("Cheonan", "Chonan", "천안", "Чхонан", "Чонан")),
    ("KR-44", ("Asan", "아산", "Асан")),
    # Jeonbuk.
    ("KR-52", ("Jeonju", "Chonju", "전주", "Чонджу", "Чончжу", "Джонджу")),
    ("KR-52", ("Gunsan", "Kunsan", "군산", "Кунсан", "Гунсан")),
    ("KR-52", ("Iksan", "익산", "Иксан")),
    # Jeonnam.
    ("KR-46", ("Mokpo", "목포", "Мокпхо", "Мокпо")),
    ("KR-46", ("Yeosu", "Yosu", "여수", "Йосу", "Ёсу", "Есу")),
    ("KR-46", ("Suncheon", "Sunchon", "순천", "Сунчхон", "Сунчон")),
    # Gyeongbuk.
    ("KR-47", ("Pohang", "포항", "Пхохан", "Похан", "Пхоханг", "Поханг")),
    ("KR-47", ("Gumi", "Kumi", "구미", "Куми", "Гуми")),
    ("KR-47", ("Gyeongju", "Kyongju", "경주", "Кёнджу", "Кёнчжу", "Гёнджу")),
    ("KR-47", ("Andong", "안동", "Андон", "Андонг")),
    # Gyeongnam.
    ("KR-48", ("Changwon", "창원", "Чханвон", "Чанвон", "Чангвон")),
    ("KR-48", ("Masan", "마산", "Масан")),
    ("KR-48", ("Gimhae", "Kimhae", "김해", "Кимхэ", "Кимхе", "Гимхэ")),
    ("KR-48", ("Jinju", "Chinju", "진주", "Чинджу", "Чинчжу", "Джинджу")),
    ("KR-48", ("Geoje", "Koje", "거제", "Кодже", "Кочже", "Гёдже")),
    ("KR-48", ("Yangsan", "양산", "Янсан")),
    # Jeju.
    ("KR-49", ("Jeju", "Cheju", "제주", "Чеджу", "Чечжу", "Джеджу")),
    ("KR-49", ("Seogwipo", "Sogwipo", "서귀포", "Согвипхо", "Согвипо")),
)

CITIES_BY_COUNTRY: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {"KR": KR_CITIES}

# Words around a city's name that say "city" (romanised Korean, English, Russian, Kazakh).
_CITY_WORDS = frozenset(
    {
        "si",
        "shi",
        "city",
        "of",
        "metropolitan",
        "special",
        "selfgoverning",
        "self",
        "governing",
        "autonomous",
        "teukbyeolsi",
        "gwangyeoksi",
        "teukbyeoljachisi",
        "си",
        "г",
        "гор",
        "город",
        "қ",
        "к",
        "қала",
        "қаласы",
        "каласы",
        "korea",
        "southkorea",
        "south",
        "республика",
        "корея",
    }
)
# Korean suffixes of a city's name, longest first: 서울특별시, 부산광역시, 세종특별자치시, 수원시.
_HANGUL_SUFFIXES = ("특별자치시", "특별시", "광역시", "시")
_AMBIGUOUS_CITIES = frozenset({"광주시", "gwangjusi", "kwangjusi", "гвангджуси"})
_WORD = re.compile(r"[^\w']+|_")
_PARTS = re.compile(r"[,;/()]+")


def _city_key(text: str) -> str:
    """The key a city's name is looked up by: no case, no "city" words, no punctuation."""
    words = [w.replace("'", "") for w in _WORD.split(text.casefold().replace("ё", "е")) if w]
    words = [w for w in words if w and w not in _CITY_WORDS]
    key = "".join(words)
    for suffix in _HANGUL_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            key = key[: -len(suffix)]
            break
    return key


def _city_index(country: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in CITIES_BY_COUNTRY.get(country, ()):
        for name in names:
            key = _city_key(name)
            other = index.setdefault(key, code)
            if other != code:  # a spelling meaning two regions would make the answer depend on order
                raise AssertionError(f"city {name!r} is listed for {other} and {code}")
    return index


_CITY_INDEX: dict[str, dict[str, str]] = {}


@lru_cache(maxsize=4096)
def region_for_city(city: str, country: str) -> str | None:
    """The ISO 3166-2 region of a known ``city`` of ``country`` (KR), or None.

    Case, spaces, hyphens and words such as "-si", "city", "г." and "қаласы" do not matter:
    "SEOUL", "서울시", "г. Сеул" and "Сеул қаласы" all give KR-11. "Suwon, Gyeonggi-do" and
    "경기도 수원시" are understood part by part; parts naming two different regions give None.
    A city that is not known, or a country without a city table, gives None (nothing is guessed).
    """
    index = _CITY_INDEX.get(country)
    if index is None:
        index = _CITY_INDEX.setdefault(country, _city_index(country))
    if not index or not city:
        return None
    text = city.strip()
    whole = _city_key(text)
    if not whole or "".join(_WORD.split(text.casefold())) in _AMBIGUOUS_CITIES:
        return None
    found = index.get(whole)
    if found is not None:
        return found
    parts = [p for p in _PARTS.split(text) if p.strip()]
    if len(parts) == 1:
        parts = text.split()
    if len(parts) < 2:
        return None
    if any("".join(_WORD.split(p.casefold())) in _AMBIGUOUS_CITIES for p in parts):
        return None
    regions = {index.get(_city_key(p)) for p in parts} - {None}
    return regions.pop() if len(regions) == 1 else None


def known_cities(country: str) -> list[tuple[str, str]]:
    """(region code, English name) of every known city of ``country``, for help and documentation."""
    return [(code, names[0]) for code, names in CITIES_BY_COUNTRY.get(country, ())]
