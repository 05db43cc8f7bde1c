"""The check-in page's answer form: read the posted fields, check them, name the field that is wrong.

A citizen writes from a phone in a hurry, so the form forgives what it can: invisible and control
characters are dropped from the text (a NUL cannot even be stored), line ends are made plain, a
number is read as people write it (spaces, dashes, ``00`` or ``+``; a national number in the host
country's plan). It refuses only what the post could not act on: an unknown answer, a text longer
than the limit, a callback or new number that is no phone number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.phones import normalize_phone

FIELDS = ("answer", "csrf", "lang", "message", "callback", "phone")
# C0 (but tab and line feed), DEL, C1, zero-width and bidirectional controls, BOM: never meant.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_PHONE_CHARS = 40


@dataclass(frozen=True)
class Submission:
    """A checked answer: E.164 numbers, clean text (None when not given)."""

    answer: CheckinAnswer
    message: str | None = None
    callback: str | None = None
    phone: str | None = None


class FormProblem(Exception):
    """The form cannot be taken; ``field`` names the field to fix (answer, message, callback, phone,
    csrf)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


def parse(body: bytes) -> dict[str, str]:
    """The fields of an ``application/x-www-form-urlencoded`` body we know (first value of each)."""
    text = body.decode("utf-8", errors="replace")
    values = parse_qs(text, keep_blank_values=True, max_num_fields=len(FIELDS) * 2)
    return {name: values[name][0] for name in FIELDS if name in values}


def clean_text(value: str) -> str:
    """``value`` without invisible characters, with plain line ends and no outer blanks."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _INVISIBLE.sub("", value).strip()


def check(form: dict[str, str], *, max_message: int, region: str) -> Submission:
    """The answer in ``form``, checked; FormProblem naming the first field that is wrong."""
    try:
        answer = CheckinAnswer(form.get("answer", ""))
    except ValueError:
        raise FormProblem("answer") from None
    if answer is CheckinAnswer.SAFE:
        return Submission(answer)
    if answer is CheckinAnswer.PHONE_CHANGED:
        return Submission(answer, phone=_phone(form.get("phone", ""), "phone", region, required=True))
    message = clean_text(form.get("message", ""))
    if len(message) > max_message:
        raise FormProblem("message")
    callback = _phone(form.get("callback", ""), "callback", region, required=False)
    return Submission(answer, message=message or None, callback=callback)


def _phone(raw: str, field: str, region: str, *, required: bool) -> str | None:
    raw = clean_text(raw)
    if not raw:
        if required:
            raise FormProblem(field)
        return None
    if len(raw) > _PHONE_CHARS:
        raise FormProblem(field)
    try:
        return normalize_phone(raw, default_region=region, field=field)
    except ValidationError:
        raise FormProblem(field) from None
