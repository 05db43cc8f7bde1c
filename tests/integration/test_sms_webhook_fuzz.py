"""Any delivery to the SMS webhook, signed or not, well-formed or not, gets a 2xx or a 4xx from HQ on
PostgreSQL, never a 500 (hq/public/sms.py): Hypothesis drives bodies and headers through the real
router and store, with correctly signed bodies so that the parse and database paths are reached too
(odd message ids, numbers and texts end in the replay guard, the number lookup and the answers)."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from embassy_desk.domain.checkin import new_token, token_hash
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.keys import HQKeys
from embassy_desk.hq.public.sms import PATH, SmsStats, sms_router
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import keys as sync_keys
from tests.hq_db import pg_session_url
from tests.hq_devices import enroll, entry, push

__all__ = ["pg_session_url"]  # fixture used here

SECRET = b"fuzz-secret-of-the-gateway-0123456789"
POST = "KZ-FUZ"
PHONES = ["+821012345678", "+77011234567", "+821055551234"]


@pytest.fixture(scope="module")
def webhook(pg_session_url: str) -> Iterator[tuple[TestClient, SmsStats]]:
    """The webhook over HQ on PostgreSQL with a post and live links to a few numbers."""
    keys = HQKeys(sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    store = HQStore(make_engine(pg_session_url), keys)
    store.add_post(POST, "Fuzz post")
    device = enroll(store, POST)
    expires = (datetime.now(UTC) + timedelta(days=2)).isoformat(timespec="milliseconds")
    entries = []
    for phone in PHONES:
        citizen = uuid7()
        entries.append(entry(device, "citizen", citizen, "create", {"surname": "Фаззова"}))
        link = {
            "token_hash": token_hash(new_token()),
            "citizen_id": citizen,
            "campaign_id": None,
            "language": "ru",
            "phone": phone,
            "expires_at": expires,
            "created_at": expires,
            "created_by": "officer",
        }
        entries.append(entry(device, "checkin_link", uuid7(), "create", link))
    assert not push(store, device, entries).rejected
    stats = SmsStats()
    app = FastAPI()
    app.include_router(sms_router(store, SmsSettings(secret=SECRET), stats=stats))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, stats
    store.close()


TEXT = st.text(max_size=40) | st.sampled_from(["1", "2", " １. ", "2)", "3"])
SENDER = st.text(max_size=70) | st.sampled_from([*PHONES, "010-1234-5678", "87011234567", "+999"])
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
MESSAGE = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=210) | JSONISH, "from": SENDER | JSONISH, "text": TEXT | JSONISH},
    optional={"received_at": st.datetimes().map(lambda d: d.isoformat()) | JSONISH, "extra": JSONISH},
)


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


BODY = st.one_of(MESSAGE.map(dumps), st.binary(max_size=200), JSONISH.map(dumps))
HEADER = st.none() | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=80)


def signed(body: bytes, stamp: str) -> dict[str, str]:
    signature = hmac.new(SECRET, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"X-Timestamp": stamp, "X-Signature": "sha256=" + signature}


@given(body=BODY, offset=st.integers(-400, 400))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_signed_body_is_answered_without_a_server_error(
    webhook: tuple[TestClient, SmsStats], body: bytes, offset: int
) -> None:
    client, _stats = webhook
    stamp = str(int(datetime.now(UTC).timestamp()) + offset)
    reply = client.post(PATH, content=body, headers=signed(body, stamp))
    assert reply.status_code in (200, 400, 401, 409), (reply.status_code, reply.text)
    if reply.status_code == 200:
        assert reply.json()["status"] in ("taken", "ignored")


@given(body=BODY, timestamp=HEADER, signature=HEADER)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_unsigned_delivery_is_refused(
    webhook: tuple[TestClient, SmsStats], body: bytes, timestamp: str | None, signature: str | None
) -> None:
    client, _stats = webhook
    # Header values as bytes: any Latin-1 octets, as a client could send them.
    given_headers = {"X-Timestamp": timestamp, "X-Signature": signature}
    headers = {k: v.encode("latin-1") for k, v in given_headers.items() if v is not None}
    reply = client.post(PATH, content=body, headers=headers)
    assert reply.status_code == 401 and reply.json()["code"] == "bad_signature"
