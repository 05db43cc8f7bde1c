"""The SMS webhook's pure checks (hq/public/sms.py): which replies mean "safe" and "needs help", the
signature over timestamp and body, and the body's shape. Hypothesis: any text, body or header gives
an answer or a refusal (SmsRefused with a 4xx), never another exception (which would be a 500)."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.hq.public.sms import SmsRefused, check_signature, parse_message, reply_answer

SECRET = b"unit-test-secret-0123456789abcdef"
NOW = 1_796_630_400


def sign(stamp: str, body: bytes, secret: bytes = SECRET) -> str:
    return "sha256=" + hmac.new(secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(
    "text", ["1", " 1 ", "1.", "1)", "(1)", "1!", '"1"', "１", "１．", "1。", "\u200b1\n", "١", "①"]
)
def test_one_in_its_usual_forms_is_safe(text: str) -> None:
    assert reply_answer(text) is CheckinAnswer.SAFE


@pytest.mark.parametrize("text", ["2", "2.", " ２ ", "2\r\n", "２。"])
def test_two_is_needs_help(text: str) -> None:
    assert reply_answer(text) is CheckinAnswer.NEEDS_HELP


@pytest.mark.parametrize("text", ["", "0", "3", "12", "21", "1 2", "1a", "one", "да", "x1", "1/2"])
def test_anything_else_is_no_answer(text: str) -> None:
    assert reply_answer(text) is None


AROUND = st.text(alphabet=" \t\n.,!?()\"'«»。．", max_size=4)


@given(before=AROUND, after=AROUND, digit=st.sampled_from(["1", "１", "2", "２"]))
def test_a_digit_with_spaces_and_punctuation_around_it_counts(before: str, after: str, digit: str) -> None:
    expected = CheckinAnswer.SAFE if digit in "1１" else CheckinAnswer.NEEDS_HELP
    assert reply_answer(before + digit + after) is expected


@given(st.text(max_size=40).filter(lambda t: any(ch.isalpha() for ch in t)))
@settings(max_examples=500, deadline=None)
def test_a_reply_with_a_word_in_it_is_no_answer(text: str) -> None:
    assert reply_answer(text) is None


def test_a_correct_signature_passes_and_any_change_fails() -> None:
    body = b'{"id":"a","from":"+821012345678","text":"1"}'
    stamp = str(NOW)
    check_signature(SECRET, stamp, sign(stamp, body), body, now=NOW, max_skew=300)
    check_signature(
        SECRET, stamp, sign(stamp, body).upper().replace("SHA256=", "sha256="), body, now=NOW, max_skew=300
    )
    for timestamp, signature, data, secret in [
        (stamp, sign(stamp, body), body + b"\n", SECRET),
        (str(NOW + 1), sign(stamp, body), body, SECRET),
        (stamp, sign(stamp, body, b"another-secret-0123456789abcdef"), body, SECRET),
        (stamp, None, body, SECRET),
        (None, sign(stamp, body), body, SECRET),
        (" " + stamp, sign(" " + stamp, body), body, SECRET),
        ("١٢٣", sign("١٢٣", body), body, SECRET),
    ]:
        with pytest.raises(SmsRefused) as refused:
            check_signature(secret, timestamp, signature, data, now=NOW, max_skew=300)
        assert (refused.value.status, refused.value.code) == (401, "bad_signature")


@pytest.mark.parametrize(("skew", "ok"), [(0, True), (300, True), (-300, True), (301, False), (-301, False)])
def test_the_timestamp_must_be_within_the_skew(skew: int, ok: bool) -> None:
    body = b"{}"
    stamp = str(NOW + skew)
    if ok:
        check_signature(SECRET, stamp, sign(stamp, body), body, now=NOW, max_skew=300)
        return
    with pytest.raises(SmsRefused) as refused:
        check_signature(SECRET, stamp, sign(stamp, body), body, now=NOW, max_skew=300)
    assert (refused.value.status, refused.value.code) == (401, "clock_skew")


@given(
    timestamp=st.none() | st.text(max_size=20), signature=st.none() | st.text(max_size=80), body=st.binary()
)
@settings(max_examples=500, deadline=None)
def test_any_headers_and_body_are_refused_not_crashed(
    timestamp: str | None, signature: str | None, body: bytes
) -> None:
    with pytest.raises(SmsRefused) as refused:
        check_signature(SECRET, timestamp, signature, body, now=NOW, max_skew=300)
    assert refused.value.status == 401


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=12,
)
FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSONISH | st.text(max_size=250),
        "from": JSONISH | st.text(max_size=70),
        "text": JSONISH,
        "received_at": JSONISH | st.datetimes().map(lambda d: d.isoformat()),
    },
)


def dumps(value: object) -> bytes:
    # The standard library writes integers of any size (orjson would refuse to); HQ must still cope.
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


@given(st.one_of(st.binary(max_size=300), FIELDS.map(dumps), JSONISH.map(dumps)))
@settings(max_examples=300, deadline=None)
def test_any_body_parses_or_is_refused_with_400(body: bytes) -> None:
    try:
        sms = parse_message(body)
    except SmsRefused as refused:
        status = refused.status
        assert status == 400
        return
    assert 0 < len(sms.id) <= 200 and sms.id.isprintable() and "\x00" not in sms.id
    assert isinstance(sms.sender, str) and isinstance(sms.text, str)
