"""The fields a notice merges in, worked out per language from a citizen record and the post's details."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from embassy_desk.domain.regions import REGIONS_BY_COUNTRY
from embassy_desk.notices.text import long_date, short_date


@dataclass(frozen=True)
class PostDetails:
    """The embassy as its notices name it: names and addresses per language, numbers for all."""

    names: Mapping[str, str]  # language -> name of the post
    addresses: Mapping[str, str] = field(default_factory=dict)  # language -> address
    phone: str = ""
    hotline: str = ""
    email: str = ""

    def name(self, language: str) -> str:
        return _pick(self.names, language)

    def address(self, language: str) -> str:
        return _pick(self.addresses, language)


def _pick(values: Mapping[str, str], language: str) -> str:
    """The value in ``language``, else English, else any."""
    for key in (language, "en"):
        if values.get(key):
            return values[key]
    return next((v for v in values.values() if v), "")


def post_fields(post: PostDetails, language: str) -> dict[str, str]:
    """``post_*`` fields in ``language``."""
    return {
        "post_name": post.name(language),
        "post_address": post.address(language),
        "post_phone": post.phone,
        "post_hotline": post.hotline,
        "post_email": post.email,
    }


def _is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def region_in(code: str | None, language: str, host_country: str) -> str:
    """A region's name as a reader of ``language`` knows it (Korean, Cyrillic or English)."""
    if not code:
        return ""
    names = REGIONS_BY_COUNTRY.get(host_country, {}).get(code)
    if not names:
        return code
    if language == "ko":
        return next((n for n in reversed(names) if _is_hangul(n)), names[0])
    if language in {"kk", "ru"}:
        return next((n for n in names if _is_cyrillic(n)), names[0])
    return names[0]


def _join(*parts: Any) -> str:
    return " ".join(str(p) for p in parts if p)


def citizen_fields(record: Mapping[str, Any], language: str, *, host_country: str) -> dict[str, str]:
    """Fields about a citizen, written for a reader of ``language``.

    Kazakh and Russian pages name people in Cyrillic; English and Korean pages as in the passport.
    """
    cyrillic = _join(record.get("surname"), record.get("given_names"), record.get("patronymic"))
    latin = _join(record.get("surname_latin"), record.get("given_names_latin"))
    in_latin = language in {"en", "ko"}
    full = (latin or cyrillic) if in_latin else (cyrillic or latin)
    phones = record.get("phones")
    phone = ""
    if phones:
        entries = json.loads(phones) if isinstance(phones, str) else phones
        phone = entries[0]["number"] if entries else ""
    region = region_in(record.get("region"), language, host_country)
    address = ", ".join(str(p) for p in (record.get("address"), record.get("city")) if p)
    if in_latin:
        given = str(record.get("given_names_latin") or "").title()
        salutation = _join(given, str(record.get("surname_latin") or "").title()) or full
    else:
        salutation = _join(record.get("given_names"), record.get("patronymic")) or full
    return {
        "full_name": full,
        "salutation_name": salutation,
        "full_name_latin": latin or cyrillic,
        "surname": str(
            (record.get("surname_latin") if in_latin else record.get("surname"))
            or record.get("surname")
            or ""
        ),
        "given_names": str(
            (record.get("given_names_latin") if in_latin else record.get("given_names"))
            or record.get("given_names")
            or ""
        ),
        "patronymic": "" if in_latin else str(record.get("patronymic") or ""),
        "birth_date": short_date(record.get("birth_date"), language),
        "passport_number": str(record.get("passport_number") or ""),
        "national_id": str(record.get("national_id") or ""),
        "address": address or region,
        "region": region,
        "phone": phone,
    }


def notice_fields(*, reference: str, issued_on: date, language: str, state_name: str) -> dict[str, str]:
    """``reference``, ``date`` and ``state_name`` in ``language``."""
    return {"reference": reference, "date": long_date(issued_on, language), "state_name": state_name}
