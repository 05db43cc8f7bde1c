"""National identity numbers of the home country, validated by pluggable per-country rules.

An embassy serves citizens of one home country, but the registry is not tied to Kazakhstan:
another deployment registers its own validator. Country keys are ISO 3166-1 alpha-2 codes
("KZ"); aliases such as the alpha-3 code used in MRZs ("KAZ") may be registered too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from embassy_desk.domain.enums import Sex
from embassy_desk.domain.iin import validate_iin

__all__ = [
    "KazakhIinValidator",
    "NationalIdValidator",
    "normalize_national_id",
    "register_validator",
    "validator_for",
]


@runtime_checkable
class NationalIdValidator(Protocol):
    """Validates and normalizes one country's national identity numbers."""

    # A read-only property so that frozen dataclasses and plain class attributes both conform.
    @property
    def country(self) -> str:
        """ISO 3166-1 alpha-2 code of the issuing country."""
        ...

    def validate(self, raw: str, *, birth_date: date | None, sex: Sex | None) -> str:
        """Return the normalized number or raise ``ValidationError("national_id", ...)``."""
        ...


@dataclass(frozen=True, slots=True)
class KazakhIinValidator:
    """Kazakhstan: the 12-digit IIN (see :mod:`embassy_desk.domain.iin`)."""

    country: str = "KZ"

    def validate(self, raw: str, *, birth_date: date | None = None, sex: Sex | None = None) -> str:
        """Validate an IIN; it must agree with ``birth_date`` and ``sex`` when they are given."""
        return validate_iin(raw, birth_date=birth_date, sex=sex)


_REGISTRY: dict[str, NationalIdValidator] = {}


def _key(country: str) -> str:
    return country.strip().upper()


def register_validator(v: NationalIdValidator, *, aliases: Iterable[str] = ()) -> None:
    """Register ``v`` for ``v.country`` (and any ``aliases``), replacing an earlier one."""
    _REGISTRY[_key(v.country)] = v
    for alias in aliases:
        _REGISTRY[_key(alias)] = v


def validator_for(country: str) -> NationalIdValidator | None:
    """The validator for ``country`` (case-insensitive), or None if the country has none."""
    return _REGISTRY.get(_key(country))


def normalize_national_id(
    raw: str, *, country: str, birth_date: date | None = None, sex: Sex | None = None
) -> str:
    """Validate with the country's validator; for countries without one, return ``raw`` trimmed."""
    v = validator_for(country)
    if v is None:
        return raw.strip()
    return v.validate(raw, birth_date=birth_date, sex=sex)


register_validator(KazakhIinValidator(), aliases=("KAZ",))
