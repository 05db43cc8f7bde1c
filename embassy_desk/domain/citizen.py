"""The citizen record: validation of what staff type or import, and the read model handed out.

Validation turns loose input (a JSON object, a CSV row, ``--set field=value``) into the stored form:
strings for scalar fields (dates ISO 8601, phones E.164) and JSON text for lists. Every problem is
collected, so one message tells the officer everything that is wrong with a row.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any

import orjson

from embassy_desk.domain import translit
from embassy_desk.domain.dates import parse_date, read_date_text
from embassy_desk.domain.emails import normalize_email
from embassy_desk.domain.enums import (
    CitizenStatus,
    PhoneKind,
    PurposeOfStay,
    Sex,
    Vulnerability,
    WelfareStatus,
)
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, as_msg, field_name, joined
from embassy_desk.domain.national_ids import validator_for
from embassy_desk.domain.passport import normalize_passport_number
from embassy_desk.domain.phones import normalize_phone
from embassy_desk.domain.regions import normalize_region
from embassy_desk.domain.vocab import lookup_choice, parse_choice

# Fields a person may give. ``household`` is a label resolved by the service, not stored here.
SCALAR_TEXT_FIELDS = (
    "surname",
    "given_names",
    "patronymic",
    "surname_latin",
    "given_names_latin",
    "birth_place",
    "address",
    "city",
    "consent_method",
    "notes",
)
DATE_FIELDS = (
    "birth_date",
    "passport_issue_date",
    "passport_expiry_date",
    "arrival_date",
    "planned_departure_date",
    "consent_date",
)
INPUT_FIELDS = frozenset(
    {
        *SCALAR_TEXT_FIELDS,
        *DATE_FIELDS,
        "sex",
        "national_id",
        "passport_number",
        "nationality",
        "purpose_of_stay",
        "region",
        "phones",
        "phone",
        "phone2",
        "email",
        "messengers",
        "messenger",
        "emergency_contact",
        "emergency_contact_name",
        "emergency_contact_phone",
        "emergency_contact_relation",
        "household",
        "household_id",
        "languages",
        "vulnerabilities",
        "status",
        "welfare_status",
    }
)
MAX_TEXT = 2000
_SPLIT_LIST = re.compile(r"[;,\n]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
# An ICAO 9303 nationality code as an MRZ gives it, fillers removed ("KAZ", "D" for Germany).
_NATIONALITY = re.compile(r"[A-Z]{1,3}")

NAME_FIELDS = ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin")
# Letters of the scripts names are written in: Latin with its accented letters (not × and ÷),
# Cyrillic with the Kazakh letters (Cyrillic Supplement), Hangul syllables and jamo; combining
# accents too, for a letter typed as two code points.
_NAME_LETTERS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
    "\u0400-\u0481\u048a-\u052f"
    "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"
)
# Between letters: spaces, hyphens (- and the Unicode hyphens) and apostrophes (' ’ ‘ ʼ).
_NAME_JOINERS = " \\-\u2010\u2011'\u2019\u2018\u02bc\u0300-\u036f"
_NAME = re.compile(f"[{_NAME_JOINERS}]*[{_NAME_LETTERS}][{_NAME_LETTERS}{_NAME_JOINERS}]*")
_NAME_OTHER = re.compile(f"[^{_NAME_LETTERS}{_NAME_JOINERS}]")
# Control and invisible characters (C0, DEL, C1, zero-width and bidirectional controls, BOM):
# never text a person meant to type, and a NUL or a reversed line is a way to hide things.
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_INVISIBLE}\t\n\r]")
_CONTROL_IN_LINES = re.compile(f"[{_INVISIBLE}]")
# Fields that may hold several lines (and tabs pasted with them).
_MULTILINE_FIELDS = frozenset({"notes", "address"})


def _shown(chars: str) -> str:
    """Characters named for a person: printable ones quoted, invisible ones by code point."""
    names: list[str] = []
    for char in dict.fromkeys(chars):
        names.append(repr(char) if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}")
    return ", ".join(names)


@lru_cache(maxsize=4096)
def name_problem(text: str) -> Msg | None:
    """Why ``text`` cannot be a name, or None: a name holds letters of the supported scripts
    (Latin, Cyrillic with the Kazakh letters, Hangul), spaces, hyphens and apostrophes only."""
    if _NAME.fullmatch(text):
        return None
    others = "".join(_NAME_OTHER.findall(text))
    if not others:
        return Msg("name.no_letter", value=text)
    if all(char.isdecimal() for char in others):
        return Msg("name.digits", value=text)
    return Msg("name.characters", value=text, chars=_shown(others))


def _control_problems(data: Mapping[str, object], problems: list[tuple[str, str]]) -> set[str]:
    """Report every field holding a control or invisible character; return their names."""
    found: set[str] = set()
    for name, value in data.items():
        texts: list[str] = []
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, list | tuple):
            texts.extend(item for item in value if isinstance(item, str))
            for item in value:
                if isinstance(item, Mapping):
                    texts.extend(v for v in item.values() if isinstance(v, str))
        elif isinstance(value, Mapping):
            texts.extend(v for v in value.values() if isinstance(v, str))
        pattern = _CONTROL_IN_LINES if name in _MULTILINE_FIELDS else _CONTROL
        bad = "".join(char for text in texts for char in pattern.findall(text.strip()))
        if bad:
            problems.append((name, Msg("text.control", chars=_shown(bad))))
            found.add(name)
    return found


def _dumps(value: object) -> str:
    try:
        return orjson.dumps(value).decode("utf-8")
    except TypeError:
        # Lone surrogates: keep them so that _check_storable names the field.
        return json.dumps(value, ensure_ascii=False)


class InvalidRecord(ValidationError):
    """Several fields of one record are wrong; ``problems`` lists (field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]], *, row: int | None = None) -> None:
        self.problems = problems
        first_field, _ = problems[0]
        reasons = joined(
            tuple(Msg("frame.field", field=field_name(name), message=as_msg(text)) for name, text in problems)
        )
        super().__init__(first_field, reasons, row=row)
        self.msg = Msg("frame.row", row=row, message=reasons) if row is not None else reasons
        self.args = (str(self.msg),)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class ValidationContext:
    """Where the post is: numbers without a country code are read as host-country numbers."""

    home_country: str = "KZ"
    host_country: str = "KR"
    today: date = field(default_factory=date.today)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    return str(value).strip()


def _as_list(value: object) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return list(value)
    text = _text(value)
    if text.startswith("["):
        try:
            loaded = json.loads(text)
        except (ValueError, RecursionError):  # hostile nesting is bad input, not a crash
            loaded = None
        if isinstance(loaded, list):
            return loaded
    if ";" not in text and "," not in text and "\n" not in text:
        # Nearly every cell holds one item; the split below would return exactly this.
        return [text] if text else []
    return [part.strip() for part in _SPLIT_LIST.split(text) if part.strip()]


def name_key(surname: str, given_names: str) -> str:
    """Script-independent key of a person's name, used by the duplicate check."""
    # The tokens of "surname given" are those of each part (the space always separates them), so
    # the per-string token cache serves both halves of every key.
    first = translit.search_token_tuple(surname)
    second = translit.search_token_tuple(given_names)
    if len(first) == 1 and len(second) == 1:
        # One word each, the usual case: sorting two keys needs no set or list.
        a, b = first[0], second[0]
        return a if a == b else f"{a} {b}" if a < b else f"{b} {a}"
    tokens = set(first)
    tokens.update(second)
    return " ".join(sorted(tokens))


def _phone(raw: str, region: str, origin: str, problems: list[tuple[str, str]]) -> str | None:
    try:
        return normalize_phone(raw, default_region=region, field=origin)
    except ValidationError as exc:
        problems.append((exc.field if exc.field else origin, exc.message))
        return None


def _phone_entries(data: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """(field, raw number, raw kind) for every phone given in any of the accepted shapes."""
    found: list[tuple[str, str, str]] = []
    for item in _as_list(data.get("phones")):
        if isinstance(item, Mapping):
            found.append(("phones", _text(item.get("number")), _text(item.get("kind")) or "mobile"))
        else:
            found.append(("phones", _text(item), "mobile"))
    for key in ("phone", "phone2"):
        for part in _as_list(data.get(key)):
            found.append((key, _text(part), "mobile"))
    return found


def _phones(
    data: Mapping[str, object], ctx: ValidationContext, problems: list[tuple[str, str]]
) -> str | None:
    unique: dict[str, dict[str, str]] = {}
    for origin, raw, kind_raw in _phone_entries(data):
        number = _phone(raw, ctx.host_country, origin, problems)
        kind: str | None = None
        try:
            kind = parse_choice(PhoneKind, kind_raw, field=origin).value
        except ValidationError as exc:
            problems.append((exc.field if exc.field else origin, exc.message))
        if number and kind:
            unique.setdefault(number, {"number": number, "kind": kind})
    return _dumps(list(unique.values())) if unique else None


def _messengers(data: Mapping[str, object], problems: list[tuple[str, str]]) -> str | None:
    entries: list[dict[str, str]] = []
    items = _as_list(data.get("messengers")) + _as_list(data.get("messenger"))
    for item in items:
        if isinstance(item, Mapping):
            service, handle = _text(item.get("service")), _text(item.get("handle"))
        else:
            service, _, handle = _text(item).partition(":")
            service, handle = service.strip(), handle.strip()
            if not handle:
                service, handle = "other", service
        if not handle or len(handle) > 200:
            problems.append(("messengers", Msg("citizen.bad_messenger", value=_text(item))))
            continue
        entries.append({"service": service.casefold() or "other", "handle": handle})
    return _dumps(entries) if entries else None


def _emergency(
    data: Mapping[str, object], ctx: ValidationContext, problems: list[tuple[str, str]]
) -> str | None:
    get = data.get
    given = get("emergency_contact")
    if given is None:
        # The flat columns of a spreadsheet: the usual import shape.
        name = _text(get("emergency_contact_name"))
        relation = _text(get("emergency_contact_relation"))
        phone_raw = _text(get("emergency_contact_phone"))
    else:
        if isinstance(given, str) and given.strip().startswith("{"):
            try:
                given = json.loads(given)
            except (ValueError, RecursionError):
                problems.append(("emergency_contact", Msg("citizen.bad_emergency_contact")))
                return None
        source: Mapping[str, object] = given if isinstance(given, Mapping) else {}
        name = _text(source.get("name")) or _text(get("emergency_contact_name"))
        relation = _text(source.get("relation")) or _text(get("emergency_contact_relation"))
        phone_raw = _text(source.get("phone")) or _text(get("emergency_contact_phone"))
        if isinstance(given, str) and given.strip() and not name:
            name = given.strip()
    if not (name or relation or phone_raw):
        return None
    phone = ""
    if phone_raw:
        # The emergency contact is usually at home, so the home country is the default.
        phone = _phone(phone_raw, ctx.home_country, "emergency_contact_phone", problems) or ""
    return _dumps({"name": name, "relation": relation, "phone": phone})


_Problems = tuple[tuple[str, str], ...]


def _vulnerabilities_of(raw: object) -> tuple[str | None, _Problems]:
    problems: list[tuple[str, str]] = []
    values: list[str] = []
    for item in _as_list(raw):
        try:
            choice = parse_choice(Vulnerability, _text(item), field="vulnerabilities")
        except ValidationError as exc:
            problems.append((exc.field if exc.field else "vulnerabilities", exc.message))
            continue
        if choice.value not in values:
            values.append(choice.value)
    return (",".join(values) if values else None), tuple(problems)


def _languages_of(raw: object) -> tuple[str | None, _Problems]:
    problems: list[tuple[str, str]] = []
    codes: list[str] = []
    for item in _as_list(raw):
        code = _text(item).casefold()
        if not _LANGUAGE.fullmatch(code):
            problems.append(("languages", Msg("citizen.bad_language", value=_text(item))))
        elif code not in codes:
            codes.append(code)
    return (_dumps(codes) if codes else None), tuple(problems)


# Language and vulnerability cells come from a handful of values ("kk,ru", "minor") repeated on
# every row. Both readings are pure functions of the text and their problems name a fixed field,
# so a refusal can be cached with its message. Entry count and key length are capped so memory
# stays flat on a million-row import.
_CACHED_LENGTH = 64
_vulnerabilities_cached = lru_cache(maxsize=1024)(_vulnerabilities_of)
_languages_cached = lru_cache(maxsize=1024)(_languages_of)


def _list_field(
    raw: object,
    problems: list[tuple[str, str]],
    read: Callable[[object], tuple[str | None, _Problems]],
    cached: Callable[[object], tuple[str | None, _Problems]],
) -> str | None:
    if raw is None:
        return None
    value, found = cached(raw) if raw.__class__ is str and len(raw) <= _CACHED_LENGTH else read(raw)
    if found:
        problems.extend(found)
    return value


def _choice(enum_type: type[StrEnum], raw: object, name: str, problems: list[tuple[str, str]]) -> str | None:
    if raw.__class__ is str:
        found = lookup_choice(enum_type, raw)
        if found is not None:
            return found[1]
    text = _text(raw)
    if not text:
        return None
    try:
        return parse_choice(enum_type, text, field=name).value
    except ValidationError as exc:
        problems.append((name, exc.message))
        return None


def _check_storable(rec: Mapping[str, str | None], problems: list[tuple[str, str]]) -> None:
    """Refuse text that cannot be stored as UTF-8 (lone surrogates from broken files)."""
    try:
        orjson.dumps(rec)
    except TypeError:
        for name, value in rec.items():
            if value is not None:
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    problems.append((name, Msg("value.not_text")))


def validate_citizen(
    data: Mapping[str, object], ctx: ValidationContext, *, row: int | None = None
) -> dict[str, str | None]:
    """Validate and normalise one citizen; return stored column values.

    Raises :class:`InvalidRecord` naming every wrong field (and the row, when given). This runs
    once per imported row, so it is written for speed: plain loops, no per-field wrappers, and
    the values files repeat (names, dates, vocabulary words) are read through bounded caches.
    """
    problems: list[tuple[str, str]] = []
    get = data.get
    if not INPUT_FIELDS.issuperset(data):
        problems.extend((name, Msg("value.not_a_field")) for name in sorted(set(data) - INPUT_FIELDS))
    # One scan of every text value at once; the field-by-field look only when something is found.
    controlled: set[str] = set()
    joined_text = "".join([value for value in data.values() if value.__class__ is str])
    if _CONTROL.search(joined_text) or any(value.__class__ is not str for value in data.values()):
        controlled = _control_problems(data, problems)
    rec: dict[str, str | None] = {}
    for name in SCALAR_TEXT_FIELDS:
        value = get(name)
        if value is None:
            rec[name] = None
            continue
        text = value.strip() if value.__class__ is str else _text(value)
        if len(text) > MAX_TEXT:
            problems.append((name, Msg("value.too_long", max=MAX_TEXT)))
        elif text and name in NAME_FIELDS and name not in controlled:
            wrong = name_problem(text)
            if wrong is not None:
                problems.append((name, wrong))
        rec[name] = text or None
    birth: date | None = None
    for name in DATE_FIELDS:
        raw = get(name)
        if raw is None or raw == "":
            rec[name] = None
            continue
        if raw.__class__ is str:
            found = read_date_text(raw)
            if found is not None:
                rec[name] = found[1]
                if name == "birth_date":
                    birth = found[0]
                continue
        try:
            day = parse_date(raw if isinstance(raw, str | date) else str(raw), field=name)
        except ValidationError as exc:
            problems.append((name, exc.message))
            rec[name] = None
        else:
            text = day.isoformat()
            rec[name] = text
            if name == "birth_date":
                # As stored: a datetime's time is dropped, and the checks below see that date.
                birth = date.fromisoformat(text)

    # Names: a surname and a given name in at least one script; Latin comes from the passport
    # or, failing that, the standard transliteration of the Cyrillic.
    surname, given = rec["surname"], rec["given_names"]
    surname_latin = rec["surname_latin"] or (translit.passport_latin(surname) if surname else None)
    given_latin = rec["given_names_latin"] or (translit.passport_latin(given) if given else None)
    rec["surname_latin"] = surname_latin.upper() if surname_latin else None
    rec["given_names_latin"] = given_latin.upper() if given_latin else None
    if not (surname or surname_latin):
        problems.append(("surname", Msg("value.required")))
    if not (given or given_latin):
        problems.append(("given_names", Msg("value.required")))

    sex: Sex | None = None
    sex_value: str | None = None
    sex_raw = get("sex")
    sex_found = lookup_choice(Sex, sex_raw) if sex_raw.__class__ is str else None
    if sex_found is not None:
        sex, sex_value = sex_found
    else:
        sex_value = _choice(Sex, sex_raw, "sex", problems)
        sex = Sex(sex_value) if sex_value else None
    if birth and birth > ctx.today:
        problems.append(("birth_date", Msg("citizen.birth_in_future", date=birth)))
    elif birth and birth.year < 1900:
        problems.append(("birth_date", Msg("citizen.birth_before_1900", date=birth)))

    national_raw = _text(get("national_id"))
    rec["national_id"] = None
    if national_raw:
        validator = validator_for(ctx.home_country)
        try:
            rec["national_id"] = (
                validator.validate(national_raw, birth_date=birth, sex=sex)
                if validator
                else national_raw.replace(" ", "")
            )
        except ValidationError as exc:
            problems.append(("national_id", exc.message))
    rec["sex"] = sex_value

    rec["passport_number"] = None
    text = _text(get("passport_number"))
    if text:
        try:
            rec["passport_number"] = normalize_passport_number(text, issuing_country=ctx.home_country)
        except ValidationError as exc:
            problems.append(("passport_number", exc.message))
    rec["nationality"] = None
    text = _text(get("nationality"))
    if text:
        code = text.upper().replace("<", "")
        if code.isascii() and _NATIONALITY.fullmatch(code):
            rec["nationality"] = code
        else:
            problems.append(("nationality", Msg("citizen.bad_nationality", value=text)))
    issue, expiry = rec["passport_issue_date"], rec["passport_expiry_date"]
    if issue and expiry and issue > expiry:
        problems.append(
            (
                "passport_expiry_date",
                Msg(
                    "citizen.expiry_before_issue",
                    expiry=date.fromisoformat(expiry),
                    issue=date.fromisoformat(issue),
                ),
            )
        )

    rec["purpose_of_stay"] = _choice(PurposeOfStay, get("purpose_of_stay"), "purpose_of_stay", problems)
    rec["status"] = _choice(CitizenStatus, get("status"), "status", problems) or "present"
    rec["welfare_status"] = (
        _choice(WelfareStatus, get("welfare_status"), "welfare_status", problems) or "unknown"
    )
    rec["region"] = None
    text = _text(get("region"))
    if text:
        try:
            rec["region"] = normalize_region(text, host_country=ctx.host_country)
        except ValidationError as exc:
            problems.append(("region", exc.message))
    rec["email"] = None
    text = _text(get("email"))
    if text:
        try:
            rec["email"] = normalize_email(text)
        except ValidationError as exc:
            problems.append(("email", exc.message))

    phone_raw = get("phone")
    if phone_raw.__class__ is str and get("phones") is None and get("phone2") is None:
        # One number in the "phone" column: what _phones would do, without building its lists.
        text = phone_raw.strip()
        if not text:
            rec["phones"] = None
        elif ";" in text or "," in text or "\n" in text or text.startswith("["):
            rec["phones"] = _phones(data, ctx, problems)
        else:
            number = _phone(text, ctx.host_country, "phone", problems)
            if not number:
                rec["phones"] = None
            elif number[:1] == "+" and number.isascii() and number[1:].isdigit():
                # E.164 needs no JSON escaping: the exact text _dumps would give, without it.
                rec["phones"] = f'[{{"number":"{number}","kind":"mobile"}}]'
            else:
                rec["phones"] = _dumps([{"number": number, "kind": "mobile"}])
    else:
        rec["phones"] = _phones(data, ctx, problems)
    rec["messengers"] = _messengers(data, problems) if (get("messengers") or get("messenger")) else None
    rec["emergency_contact"] = _emergency(data, ctx, problems)
    rec["languages"] = _list_field(get("languages"), problems, _languages_of, _languages_cached)
    rec["vulnerabilities"] = _list_field(
        get("vulnerabilities"), problems, _vulnerabilities_of, _vulnerabilities_cached
    )

    if not problems:
        _check_storable(rec, problems)
    if problems:
        if controlled:
            # A control character is the one thing to say about its field (it came first);
            # what the field's own check made of the same text would only confuse.
            said: set[str] = set()
            kept: list[tuple[str, str]] = []
            for name, message in problems:
                if name in controlled:
                    if name in said:
                        continue
                    said.add(name)
                kept.append((name, message))
            problems = kept
        raise InvalidRecord(problems, row=row)
    rec["name_key"] = name_key(surname_latin or surname or "", given_latin or given or "")
    return rec


@dataclass(frozen=True)
class Citizen:
    """A stored citizen as services hand it out (never an ORM object)."""

    id: str
    fields: Mapping[str, Any]
    version: int
    created_at: str
    updated_at: str

    @property
    def display_name(self) -> str:
        """Name in the home script if known, else as in the passport."""
        parts = [
            self.fields.get("surname"),
            self.fields.get("given_names"),
            self.fields.get("patronymic"),
        ]
        text = " ".join(p for p in parts if p)
        if text:
            return text
        latin = [self.fields.get("surname_latin"), self.fields.get("given_names_latin")]
        return " ".join(p for p in latin if p)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: lists decoded, dates as ISO strings."""
        out: dict[str, Any] = {"id": self.id}
        for key, value in self.fields.items():
            if key in {"phones", "messengers", "emergency_contact", "languages"} and value:
                out[key] = json.loads(value)
            elif key == "vulnerabilities":
                out[key] = value.split(",") if value else []
            else:
                out[key] = value
        out["version"] = self.version
        out["created_at"] = self.created_at
        out["updated_at"] = self.updated_at
        return out


def input_from_stored(fields: Mapping[str, Any]) -> dict[str, object]:
    """Turn stored columns back into validation input, so an edit re-validates the whole record."""
    data: dict[str, object] = {}
    for key in INPUT_FIELDS:
        if key in fields and fields[key] is not None:
            data[key] = fields[key]
    return data
