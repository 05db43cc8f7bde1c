"""The SMS gateway's inbound webhook (hq/public/sms.py) over a real HQ store on SQLite and PostgreSQL:
a signed "1"/"2" from the number a link was sent to becomes that citizen's answer (source "sms"); a
wrong or missing signature, a stale timestamp and a replayed message id are refused and answer for
nobody; an unknown number and an unrecognised reply are ignored with a 200, counted, and logged
without the number; no secret, no webhook (404)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from embassy_desk.domain.checkin import new_token, token_hash
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import checkin
from embassy_desk.hq.checkin_drain import drain
from embassy_desk.hq.clock import iso
from embassy_desk.hq.public.app import create_public_app
from embassy_desk.hq.public.sms import MAX_BODY, PATH, SmsStats, sms_router
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import checkin_answers, records, sms_messages
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import POST, Device, enroll, entry, push
from tests.sync_harness import free_port

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

SECRET = b"test-secret-of-the-gateway-0123456789"
PHONE = "+821012345678"
# The ways the number could leak into a log: as sent, as dialled at home, as its bare digits.
PHONE_FORMS = ("+821012345678", "821012345678", "1012345678", "010-1234-5678", "01012345678")
NAMES = {"surname": "Тестова", "given_names": "Айгерим"}
STRANGER = "+821098765432"
STRANGER_FORMS = ("+821098765432", "821098765432", "1098765432", "010-9876-5432", "01098765432")


# --- helpers --------------------------------------------------------------------------------------


class Hq:
    """HQ's store with a post, its device, and the webhook on a test client."""

    def __init__(self, store: HQStore, clock: MovableClock, *, secret: bytes | None = SECRET) -> None:
        self.store = store
        self.clock = clock
        self.stats = SmsStats()
        app = FastAPI()
        app.include_router(sms_router(store, SmsSettings(secret=secret), stats=self.stats))
        self.client = TestClient(app)
        if not store.posts():
            store.add_post(POST, "Embassy in Seoul")
        self.device: Device = enroll(store)

    def citizen_with_link(
        self, *, phone: str | None = PHONE, days: float = 3, campaign: str | None = None
    ) -> tuple[str, str]:
        """A citizen and a link sent to ``phone`` expiring in ``days``; (citizen id, token)."""
        citizen, token = uuid7(), new_token()
        expires = self.clock() + timedelta(days=days)
        fields = {
            "token_hash": token_hash(token),
            "citizen_id": citizen,
            "campaign_id": campaign,
            "language": "kk",
            "phone": phone,
            "expires_at": expires.isoformat(timespec="milliseconds"),
            "created_at": self.clock().isoformat(timespec="milliseconds"),
            "created_by": "officer",
        }
        made = push(
            self.store,
            self.device,
            [
                entry(
                    self.device,
                    "citizen",
                    citizen,
                    "create",
                    {"surname": "Тестова", "given_names": "Айгерим"},
                ),
                entry(self.device, "checkin_link", uuid7(), "create", fields),
            ],
        )
        assert not made.rejected
        return citizen, token

    def send(
        self,
        text: str,
        *,
        sender: str = PHONE,
        message_id: str | None = None,
        secret: bytes = SECRET,
        skew: int = 0,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """The gateway's delivery of one SMS, signed with ``secret``, its timestamp ``skew`` s off."""
        if body is None:
            body = message(text, sender=sender, message_id=message_id)
        stamp = str(int(self.clock().timestamp()) + skew)
        signed = {"X-Timestamp": stamp, "X-Signature": sign(secret, stamp, body)}
        reply: httpx.Response = self.client.post(
            PATH, content=body, headers={"Content-Type": "application/json", **signed, **(headers or {})}
        )
        return reply

    def answers(self) -> list[dict[str, Any]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(checkin_answers).order_by(checkin_answers.c.at)).mappings().all()
        return [dict(row) for row in rows]


def message(text: str, *, sender: str = PHONE, message_id: str | None = None) -> bytes:
    return orjson.dumps(
        {
            "id": message_id or f"gw-{uuid7()}",
            "from": sender,
            "text": text,
            "received_at": iso(datetime.now(UTC)),
        }
    )


def sign(secret: bytes, stamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()


@pytest.fixture
def hq(hq_store: HQStore, hq_clock: MovableClock) -> Hq:
    return Hq(hq_store, hq_clock)


# --- taken ----------------------------------------------------------------------------------------


def test_a_signed_1_from_the_linked_number_is_the_citizens_safe_answer(hq: Hq) -> None:
    citizen, token = hq.citizen_with_link(campaign="camp-1")
    reply = hq.send("1")
    assert reply.status_code == 200 and reply.json() == {"status": "taken", "answer": "safe"}
    [answer] = hq.answers()
    assert answer["citizen_id"] == citizen and answer["post"] == POST and answer["campaign_id"] == "camp-1"
    assert (answer["answer"], answer["source"], answer["language"]) == ("safe", "sms", "kk")
    assert answer["drained_at"] is None  # the drainer writes the records, not the webhook
    with hq.store.engine.connect() as conn:
        latest = checkin.latest_answer(conn, token_hash(token))
    assert latest is not None and latest.answer.value == "safe" and latest.source == "sms"
    assert hq.stats.snapshot() == {"taken": 1}


def test_a_2_asks_for_help_with_the_senders_number_to_call_back(hq: Hq) -> None:
    hq.citizen_with_link()
    assert hq.send(" 2. ").json() == {"status": "taken", "answer": "needs_help"}
    [answer] = hq.answers()
    assert answer["answer"] == "needs_help" and answer["callback"] == PHONE and answer["message"] is None


@pytest.mark.parametrize("sender", ["+82 10-1234-5678", "010-1234-5678", "01012345678", "0082 10 1234 5678"])
def test_the_sender_number_is_matched_in_any_usual_form(hq: Hq, sender: str) -> None:
    hq.citizen_with_link()
    assert hq.send("１", sender=sender).json() == {"status": "taken", "answer": "safe"}


def live(store: HQStore, entity: str) -> dict[str, dict[str, Any]]:
    """The post's live records of ``entity`` at HQ: id -> values."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(records.c.record_id, records.c.state).where(
                records.c.post == POST, records.c.entity == entity, records.c.deleted.is_(False)
            )
        ).all()
        return {str(row[0]): json.loads(row[1])["values"] for row in rows}


def test_sms_answers_become_the_posts_records_when_drained(hq: Hq) -> None:
    safe, _ = hq.citizen_with_link(phone=PHONE)
    helpless, _ = hq.citizen_with_link(phone=STRANGER)
    assert hq.send("1").json()["status"] == "taken"
    assert hq.send("2", sender=STRANGER).json()["status"] == "taken"
    assert drain(hq.store) == 2
    contacts = {c["citizen_id"]: c for c in live(hq.store, "contact").values()}
    assert set(contacts) == {safe, helpless}
    assert {c["channel"] for c in contacts.values()} == {"check-in"}
    citizens = live(hq.store, "citizen")
    assert citizens[safe]["welfare_status"] == "safe"
    assert citizens[helpless]["welfare_status"] == "needs_assistance"
    [case] = live(hq.store, "case").values()
    assert case["citizen_id"] == helpless and case["priority"] == "high" and case["status"] == "open"
    assert STRANGER in case["summary"]  # the number the SMS came from, to call back


def test_a_changed_mind_is_a_second_answer_and_the_latest_counts(hq: Hq) -> None:
    _citizen, token = hq.citizen_with_link()
    assert hq.send("1").status_code == 200
    hq.clock.advance(minutes=5)
    assert hq.send("2").status_code == 200
    assert [a["answer"] for a in hq.answers()] == ["safe", "needs_help"]
    with hq.store.engine.connect() as conn:
        latest = checkin.latest_answer(conn, token_hash(token))
    assert latest is not None and latest.answer.value == "needs_help"


def test_of_several_live_links_to_one_number_the_newest_answers(hq: Hq) -> None:
    hq.citizen_with_link(days=2, campaign="old")
    newest, _ = hq.citizen_with_link(days=10, campaign="new")
    assert hq.send("1").status_code == 200
    [answer] = hq.answers()
    assert answer["citizen_id"] == newest and answer["campaign_id"] == "new"


def test_a_number_shared_by_several_people_answers_one_and_says_so(hq: Hq) -> None:
    # Links of one batch expire together: the campaign's link answers rather than one without.
    hq.clock.moment = hq.clock.moment.replace(microsecond=0)
    hq.citizen_with_link(campaign=None)
    parent, _ = hq.citizen_with_link(campaign="camp-1")
    assert hq.send("1").json() == {"status": "taken", "answer": "safe"}
    assert [a["citizen_id"] for a in hq.answers()] == [parent]
    assert hq.stats.snapshot() == {"taken": 1, "shared_number": 1}
    # Two campaign links expiring together: the same one answers every time (by token hash).
    other, other_token = hq.citizen_with_link(campaign="camp-1")
    chosen = other if token_hash(other_token) > hq.answers()[0]["token_hash"] else parent
    hq.clock.advance(seconds=1)
    assert hq.send("2").status_code == 200
    assert hq.answers()[-1]["citizen_id"] == chosen


# --- refused --------------------------------------------------------------------------------------


def test_a_wrong_or_missing_signature_is_refused_and_answers_for_nobody(hq: Hq) -> None:
    hq.citizen_with_link()
    assert hq.send("1", secret=b"someone-else's-secret-0123456789").status_code == 401
    body = message("1")
    stamp = str(int(hq.clock().timestamp()))
    cases = [
        {},
        {"X-Timestamp": stamp},
        {"X-Signature": sign(SECRET, stamp, body)},
        {"X-Timestamp": stamp, "X-Signature": sign(SECRET, stamp, body)[7:]},  # no "sha256="
        {"X-Timestamp": stamp, "X-Signature": sign(SECRET, str(int(stamp) + 1), body)},  # other time
        {"X-Timestamp": stamp, "X-Signature": sign(SECRET, stamp, body + b" ")},  # other body
        {"X-Timestamp": "1e9", "X-Signature": sign(SECRET, "1e9", body)},
    ]
    for headers in cases:
        reply = hq.client.post(PATH, content=body, headers=headers)
        assert reply.status_code == 401 and reply.json()["code"] == "bad_signature", headers
    assert hq.answers() == []
    with hq.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(sms_messages)).scalar_one() == 0
    assert hq.stats.snapshot() == {"bad_signature": 8}


def test_a_timestamp_more_than_300_seconds_away_is_refused(hq: Hq) -> None:
    hq.citizen_with_link()
    for skew in (-301, 301, -10_000_000):
        reply = hq.send("1", skew=skew)
        assert reply.status_code == 401 and reply.json()["code"] == "clock_skew"
    assert hq.answers() == []
    assert hq.send("1", skew=-299).status_code == 200
    assert hq.send("1", skew=299).status_code == 200


def test_a_replayed_message_id_is_refused(hq: Hq) -> None:
    hq.citizen_with_link()
    first = hq.send("1", message_id="gw-42")
    assert first.status_code == 200
    # The very same delivery again, and a freshly signed one with the same id a minute later.
    again = hq.send("1", message_id="gw-42")
    hq.clock.advance(minutes=1)
    later = hq.send("2", message_id="gw-42")
    assert again.status_code == later.status_code == 409
    assert again.json()["code"] == "replay"
    assert [a["answer"] for a in hq.answers()] == ["safe"]
    # Ignored messages are remembered too: a gateway retrying one is told it was had.
    assert hq.send("hello", message_id="gw-43").status_code == 200
    assert hq.send("hello", message_id="gw-43").status_code == 409


def test_message_ids_are_forgotten_after_a_week(hq: Hq) -> None:
    hq.citizen_with_link(days=30)
    assert hq.send("1", message_id="gw-old").status_code == 200
    hq.clock.advance(days=8)
    # A fresh router prunes on its first message (routers prune at most every 10 minutes).
    fresh = Hq(hq.store, hq.clock)
    assert fresh.send("1", message_id="gw-new").status_code == 200
    with hq.store.engine.connect() as conn:
        kept = conn.execute(select(sms_messages.c.message_id)).scalars().all()
    assert kept == ["gw-new"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"not json", "body"),
        (b"[1, 2]", "body"),
        (b'{"from": "+821012345678", "text": "1"}', "id"),
        (b'{"id": "", "from": "+821012345678", "text": "1"}', "id"),
        (b'{"id": "a\\u0000b", "from": "+821012345678", "text": "1"}', "id"),
        (b'{"id": 7, "from": "+821012345678", "text": "1"}', "id"),
        (b'{"id": "' + b"x" * 201 + b'", "from": "+821012345678", "text": "1"}', "id"),
        (b'{"id": "a", "text": "1"}', "from"),
        (b'{"id": "a", "from": "+821012345678"}', "text"),
        (b'{"id": "a", "from": "+821012345678", "text": "1", "received_at": "yesterday"}', "received_at"),
    ],
)
def test_a_malformed_body_is_refused_naming_the_field(hq: Hq, body: bytes, field: str) -> None:
    reply = hq.send("", body=body)
    assert reply.status_code == 400
    assert reply.json()["code"] == "malformed" and reply.json()["message"].endswith(": " + field)


def test_extra_fields_of_a_gateway_are_ignored(hq: Hq) -> None:
    hq.citizen_with_link()
    body = orjson.dumps({"id": "gw-1", "from": PHONE, "text": "1", "to": "+8215880000", "parts": 1})
    assert hq.send("", body=body).json() == {"status": "taken", "answer": "safe"}


def test_a_body_larger_than_the_limit_is_refused(hq: Hq) -> None:
    body = message("1" + " " * MAX_BODY)
    assert hq.send("", body=body).status_code == 413
    # Also without a Content-Length to trust (a chunked upload).
    stamp = str(int(hq.clock().timestamp()))
    reply = hq.client.post(
        PATH,
        content=iter([body[:100], body[100:]]),
        headers={"X-Timestamp": stamp, "X-Signature": sign(SECRET, stamp, body)},
    )
    assert reply.status_code == 413


def test_without_a_secret_there_is_no_webhook(hq_store: HQStore, hq_clock: MovableClock) -> None:
    off = Hq(hq_store, hq_clock, secret=None)
    off.citizen_with_link()
    assert off.send("1").status_code == 404
    assert off.answers() == []


def test_the_public_app_serves_the_webhook_only_with_a_secret(hq: Hq) -> None:
    hq.citizen_with_link()
    body = message("1")
    stamp = str(int(hq.clock().timestamp()))
    headers = {"X-Timestamp": stamp, "X-Signature": sign(SECRET, stamp, body)}
    off = TestClient(create_public_app(hq.store, sms=SmsSettings(), clock=hq.clock))
    reply = off.post(PATH, content=body, headers=headers)
    assert reply.status_code == 404 and "text/html" in reply.headers["content-type"]  # the public 404 page
    on = TestClient(create_public_app(hq.store, sms=SmsSettings(secret=SECRET), clock=hq.clock))
    reply = on.post(PATH, content=body, headers=headers)
    assert reply.status_code == 200 and reply.json() == {"status": "taken", "answer": "safe"}
    assert "set-cookie" not in reply.headers
    assert len(hq.answers()) == 1


# --- ignored --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["yes", "3", "12", "1 2", "", "STOP", "1 thanks"])
def test_a_reply_other_than_1_or_2_is_ignored_and_counted(hq: Hq, text: str) -> None:
    hq.citizen_with_link()
    reply = hq.send(text)
    assert reply.status_code == 200 and reply.json() == {"status": "ignored", "reason": "unrecognised"}
    assert hq.answers() == [] and hq.stats.snapshot() == {"unrecognised": 1}


def test_an_expired_or_revoked_link_does_not_answer(hq: Hq) -> None:
    hq.citizen_with_link(days=1)
    hq.clock.advance(days=2)
    assert hq.send("1").json() == {"status": "ignored", "reason": "unknown_number"}
    assert hq.answers() == []


def test_an_unknown_number_is_ignored_and_logged_without_the_number(
    hq: Hq, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    hq.citizen_with_link()
    log_file = tmp_path / "hq.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        replies = [
            hq.send("1", sender=STRANGER),
            hq.send("2", sender="010-9876-5432"),
            hq.send("1", sender="not a number 1098765432"),
        ]
    finally:
        root.removeHandler(handler)
        handler.close()
    assert all(r.json() == {"status": "ignored", "reason": "unknown_number"} for r in replies)
    assert hq.answers() == [] and hq.stats.snapshot() == {"unknown_number": 3}
    logged = caplog.text + "\n".join(str(r.args) for r in caplog.records) + log_file.read_text("utf-8")
    assert "unknown" in logged or "no live link" in logged  # the outcome is logged...
    for form in STRANGER_FORMS:
        assert form not in logged  # ...but never the number
    # Nor is a known sender's number, or the text, when an answer is taken.
    caplog.clear()
    assert hq.send("1").status_code == 200
    for form in PHONE_FORMS:
        assert form not in caplog.text


# --- a real server ----------------------------------------------------------------------------------


@pytest.fixture
def served(hq: Hq) -> Iterator[str]:
    """The webhook on a real uvicorn listener on loopback; its base URL."""
    app = FastAPI()
    app.include_router(sms_router(hq.store, SmsSettings(secret=SECRET), stats=hq.stats))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def deliver_at_once(url: str, body: bytes, headers: dict[str, str], copies: int) -> list[int]:
    """``copies`` identical deliveries released together from their own threads; the statuses."""
    barrier = threading.Barrier(copies)

    def deliver(client: httpx.Client) -> int:
        barrier.wait()
        return client.post(url, content=body, headers=headers).status_code

    with httpx.Client(timeout=10) as client, ThreadPoolExecutor(copies) as pool:
        return sorted(pool.map(deliver, [client] * copies))


def test_one_message_delivered_four_times_at_once_answers_once(hq: Hq, served: str) -> None:
    hq.citizen_with_link()
    for round_ in range(5):
        body = message("1", message_id=f"gw-race-{round_}")
        stamp = str(int(time.time()))
        headers = {"X-Timestamp": stamp, "X-Signature": sign(SECRET, stamp, body)}
        codes = deliver_at_once(served + PATH, body, headers, 4)
        assert codes == [200, 409, 409, 409], codes
    assert len(hq.answers()) == 5
