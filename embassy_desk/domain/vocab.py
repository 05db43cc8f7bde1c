"""What staff type for closed vocabularies, in English, Russian and Kazakh, mapped to stored values."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from typing import TypeVar, cast

from embassy_desk.domain.enums import (
    CitizenStatus,
    PurposeOfStay,
    Sex,
    Vulnerability,
    WelfareStatus,
)
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

_ALIASES: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    Sex: {
        "M": ("m", "male", "man", "м", "муж", "мужской", "ер", "еркек"),
        "F": ("f", "female", "woman", "ж", "жен", "женский", "әйел"),
        "X": ("x", "unspecified", "other", "<"),
    },
    PurposeOfStay: {
        "visit": ("visit", "tourism", "tourist", "визит", "туризм", "турист", "сапар"),
        "study": ("study", "student", "учеба", "учёба", "студент", "оқу", "білім"),
        "work": ("work", "worker", "employment", "работа", "работник", "жұмыс"),
        "family": ("family", "семья", "отбасы", "воссоединение"),
        "residence": ("residence", "resident", "пмж", "проживание", "тұрақты"),
        "other": ("other", "другое", "прочее", "басқа"),
    },
    CitizenStatus: {
        "present": ("present", "active", "находится", "в стране", "елде"),
        "departed": ("departed", "left", "выбыл", "уехал", "кетті"),
        "transferred": ("transferred", "переведен", "переведён", "ауыстырылды"),
        "deceased": ("deceased", "died", "умер", "скончался", "қайтыс болды"),
    },
    WelfareStatus: {
        "unknown": ("unknown", "неизвестно", "белгісіз", "not contacted"),
        "safe": ("safe", "ok", "в безопасности", "безопасен", "қауіпсіз"),
        "needs_assistance": (
            "needs assistance",
            "needs_assistance",
            "help",
            "нужна помощь",
            "көмек қажет",
        ),
        "unreachable": ("unreachable", "недоступен", "байланыс жоқ"),
        "evacuated": ("evacuated", "эвакуирован", "эвакуацияланды"),
    },
    Vulnerability: {
        "minor": ("minor", "child", "ребенок", "ребёнок", "несовершеннолетний", "бала"),
        "elderly": ("elderly", "пожилой", "қарт", "егде"),
        "medical": ("medical", "медицинский", "болезнь", "медициналық"),
        "mobility": ("mobility", "инвалидность", "мобильность", "мүгедек"),
        "pregnancy": ("pregnancy", "pregnant", "беременность", "беременна", "жүкті"),
    },
}


def _build() -> dict[type[StrEnum], dict[str, str]]:
    tables: dict[type[StrEnum], dict[str, str]] = {}
    for enum_type, groups in _ALIASES.items():
        table: dict[str, str] = {}
        for value, words in groups.items():
            table[value.casefold()] = value
            for word in words:
                table[word.casefold()] = value
        tables[enum_type] = table
    return tables


_TABLES = _build()

E = TypeVar("E", bound=StrEnum)


def _lookup(enum_type: type[StrEnum], raw: str) -> tuple[StrEnum, str] | None:
    text = " ".join(raw.replace("_", " ").split()).casefold()
    table = _TABLES.get(enum_type, {})
    value = table.get(text) or table.get(text.replace(" ", "_"))
    if value is None:
        wanted = text.replace(" ", "_")
        for member in enum_type:
            if member.value.casefold() == wanted:
                return member, member.value
        return None
    member = enum_type(value)
    return member, member.value


# Every row of an import repeats the same few words ("F", "work", "paper form"), and the enum
# call plus the text folding cost far more than a cache hit. Members and values are immutable.
# Refusals are cached as None and worded by the caller, with the caller's field name. Entry
# count and key length are capped so memory stays flat whatever a file holds.
_CACHED_LENGTH = 64
_lookup_cached = lru_cache(maxsize=4096)(_lookup)


def lookup_choice(enum_type: type[E], raw: str) -> tuple[E, str] | None:
    """(member, stored value) for what a person typed, as :func:`parse_choice` reads it, or None
    if it is not one of the choices. Never raises."""
    if raw.__class__ is str and len(raw) <= _CACHED_LENGTH:
        return cast("tuple[E, str] | None", _lookup_cached(enum_type, raw))
    return cast("tuple[E, str] | None", _lookup(enum_type, raw))


def parse_choice(enum_type: type[E], raw: str, *, field: str) -> E:
    """Map what a person typed (any known language, any case) to the enum member."""
    found = lookup_choice(enum_type, raw)
    if found is None:
        allowed = ", ".join(member.value for member in enum_type)
        raise ValidationError(field, Msg("value.not_one_of", value=raw.strip(), allowed=allowed))
    return found[0]
