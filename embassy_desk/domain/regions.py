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
