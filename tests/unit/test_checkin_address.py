"""HQ's public address and the links' expiry, as rules: whatever an administrator types, the address
is refused with a field error or stored in a form every link can be built on; expiries are bounded."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.checkin import LANGUAGES, link_url, new_token
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.phones import is_mobile
from embassy_desk.services.campaign_cards import phones_of
from embassy_desk.services.checkin import (
    DEFAULT_DAYS,
    MAX_DAYS,
    expiry_moment,
    first_mobile,
    normalise_address,
)
from embassy_desk.services.message_list import CHECKIN_LINE, with_link

LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
HOSTS = st.lists(LABEL, min_size=1, max_size=4).map(".".join)
PATHS = st.lists(st.from_regex(r"[A-Za-z0-9_.~-]{1,12}", fullmatch=True), max_size=3).map(
    lambda parts: "".join("/" + p for p in parts)
)


@given(st.one_of(st.text(max_size=200), st.text(max_size=100).map(lambda t: "https://" + t)))
def test_any_text_is_refused_by_field_or_taken(typed: str) -> None:
    field = None
    try:
        stored = normalise_address(typed)
    except ValidationError as refused:
        field = refused.field
    if field is not None:
        assert field == "public_address"
        return
    assert normalise_address(stored) == stored, "stored addresses stay as they are"
    assert stored.startswith(("https://", "http://localhost", "http://127.0.0.1", "http://[::1]"))


@given(HOSTS, st.one_of(st.none(), st.integers(1, 65535)), PATHS, st.booleans())
def test_an_https_address_gives_links_on_that_host(
    host: str, port: int | None, path: str, slash: bool
) -> None:
    typed = f"https://{host}{'' if port is None else f':{port}'}{path}{'/' if slash else ''}"
    stored = normalise_address(typed)
    token = new_token()
    parts = urlsplit(link_url(stored, token))
    assert (parts.scheme, parts.hostname, parts.port) == ("https", host, port)
    assert parts.path == f"{path}/c/{token}"


@pytest.mark.parametrize("host", ["checkin.mfa.example", "10.0.0.5", "example.org"])
def test_plain_http_only_on_this_machine(host: str) -> None:
    with pytest.raises(ValidationError):
        normalise_address(f"http://{host}:8700")


def test_expiry_rules() -> None:
    now = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    assert expiry_moment(None, now=now) == now + timedelta(days=DEFAULT_DAYS)
    assert expiry_moment(date(2026, 12, 7), now=now) == datetime(2026, 12, 8, tzinfo=UTC), "through today"
    assert expiry_moment(datetime(2026, 12, 9, 12, 0), now=now) == datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
    for refused in (date(2026, 12, 6), now, now + timedelta(days=MAX_DAYS, seconds=1)):
        with pytest.raises(ValidationError) as caught:
            expiry_moment(refused, now=now)
        assert caught.value.field == "expires"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_day_is_taken_within_bounds_or_refused(day: date) -> None:
    now = datetime(2026, 12, 7, 7, 0, tzinfo=UTC)
    try:
        when = expiry_moment(day, now=now)
    except ValidationError:
        assert day < now.date() or day > (now + timedelta(days=MAX_DAYS)).date() - timedelta(days=1)
        return
    assert now < when <= now + timedelta(days=MAX_DAYS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_carries_the_link_in_one_paragraph(language: str) -> None:
    url = link_url("https://checkin.mfa.example", new_token())
    text = with_link("Message.", language, url)
    assert text.endswith(url) and "\n" not in text
    assert language in CHECKIN_LINE


@pytest.mark.parametrize(
    "typed",
    [
        "https://a\x00b.example",
        "https://a_b.example",
        "https://-a.example",
        "https://x.example/a b",
        "https://x.example/<p>",
    ],
)
def test_odd_characters_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        normalise_address(typed)


def test_a_name_in_another_script_is_kept_in_ascii() -> None:
    assert (
        normalise_address("https://посольство.example")
        == "https://" + "посольство".encode("idna").decode() + ".example"
    )


NUMBERS = st.sampled_from(
    ["+821012345678", "+8221234567", "+77012345678", "+77272123456", "+4930123456", "+1"]
)


@given(st.lists(st.tuples(NUMBERS, st.sampled_from(["mobile", "home", "work", "other"])), max_size=4))
def test_the_first_mobile_is_what_the_call_card_shows_first(phones: list[tuple[str, str]]) -> None:
    raw = json.dumps([{"number": n, "kind": k} for n, k in phones])
    listed = phones_of(raw)
    expected = listed[0][0] if listed and is_mobile(listed[0][0]) else None
    assert first_mobile(raw) == expected
