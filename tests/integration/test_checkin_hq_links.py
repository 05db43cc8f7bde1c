"""HQ's copy of the posts' check-in links (hq/checkin_links.py) and its lookup (hq/checkin.py): a link
pushed by a workstation is found by its token's hash until it expires; a wrong, expired or revoked one
is not found, alike; a link of one post cannot be taken over by a device of another. SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from embassy_desk.domain.checkin import new_token, phone_hash, token_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import checkin
from embassy_desk.hq.clock import iso
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import checkin_links
from tests.hq_db import hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import POST, Device, enroll, entry, push

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

PHONE = "+821012345678"


def link_fields(
    citizen: str, token: str, *, expires: datetime, phone: str | None = PHONE
) -> dict[str, object]:
    return {
        "token_hash": token_hash(token),
        "citizen_id": citizen,
        "campaign_id": None,
        "language": "kk",
        "phone": PHONE,
        "expires_at": expires.isoformat(timespec="milliseconds"),
        "created_at": "2026-12-07T06:00:00.000+00:00",
        "created_by": "officer",
    }


def post_device(store: HQStore) -> Device:
    store.add_post(POST, "Embassy in Seoul")
    return enroll(store)


def register(store: HQStore, device: Device, *, expires: datetime) -> tuple[str, str, str]:
    """A citizen and one link for them; (citizen id, link id, token)."""
    citizen, link, token = uuid7(), uuid7(), new_token()
    given = {"surname": "Тестова", "given_names": "Айгерим", "given_names_latin": "Aigerim"}
    made = push(
        store,
        device,
        [
            entry(device, "citizen", citizen, "create", given),
            entry(device, "checkin_link", link, "create", link_fields(citizen, token, expires=expires)),
        ],
    )
    assert not made.rejected
    return citizen, link, token


def test_a_pushed_link_is_found_by_its_token_until_it_expires(hq_store: HQStore) -> None:
    device = post_device(hq_store)
    expires = datetime.now(UTC) + timedelta(days=3)
    citizen, _link, token = register(hq_store, device, expires=expires)
    with hq_store.engine.connect() as conn:
        found = checkin.find_link(conn, token_hash(token), iso(datetime.now(UTC)))
        assert found is not None and found.citizen_id == citizen and found.language == "kk"
        assert checkin.links_for_phone(conn, PHONE, iso(datetime.now(UTC))) == [found]
        # Only the hash is kept at HQ: neither the token nor the number.
        row = conn.execute(select(checkin_links)).mappings().one()
        assert token not in str(dict(row)) and PHONE not in str(dict(row))
        assert row["phone_hash"] == phone_hash(PHONE)
        # Wrong, and past expiry: not found, alike.
        assert checkin.find_link(conn, token_hash(new_token()), iso(datetime.now(UTC))) is None
        assert checkin.find_link(conn, token_hash(token), iso(expires + timedelta(seconds=1))) is None


def test_answers_are_kept_and_the_latest_is_shown(hq_store: HQStore) -> None:
    device = post_device(hq_store)
    _citizen, _link, token = register(hq_store, device, expires=datetime.now(UTC) + timedelta(days=1))
    now = datetime.now(UTC)
    with hq_store.engine.begin() as conn:
        found = checkin.find_link(conn, token_hash(token), iso(now))
        assert found is not None
        assert checkin.latest_answer(conn, found.token_hash) is None
        checkin.record_answer(conn, found, CheckinAnswer.SAFE, now=iso(now), language="kk", source="web")
        later = iso(now + timedelta(minutes=5))
        checkin.record_answer(
            conn, found, CheckinAnswer.NEEDS_HELP, now=later, language="kk", source="web", message="x"
        )
        latest = checkin.latest_answer(conn, found.token_hash)
        assert latest is not None and latest.answer is CheckinAnswer.NEEDS_HELP and latest.at == later


def test_deleting_the_person_revokes_their_link(hq_store: HQStore) -> None:
    device = post_device(hq_store)
    citizen, link, token = register(hq_store, device, expires=datetime.now(UTC) + timedelta(days=1))
    assert not push(hq_store, device, [entry(device, "checkin_link", link, "delete", {}, base={})]).rejected
    with hq_store.engine.connect() as conn:
        assert checkin.find_link(conn, token_hash(token), iso(datetime.now(UTC))) is None
    del citizen


def test_another_post_cannot_take_over_a_token_hash(hq_store: HQStore) -> None:
    device = post_device(hq_store)
    citizen, _link, token = register(hq_store, device, expires=datetime.now(UTC) + timedelta(days=1))
    hq_store.add_post("KZ-PUS", "Consulate in Busan")
    other = enroll(hq_store, "KZ-PUS")
    stranger = uuid7()
    push(
        hq_store,
        other,
        [
            entry(other, "citizen", stranger, "create", {"surname": "Другая"}),
            entry(
                other,
                "checkin_link",
                uuid7(),
                "create",
                link_fields(stranger, token, expires=datetime.now(UTC) + timedelta(days=9)),
            ),
        ],
    )
    with hq_store.engine.connect() as conn:
        found = checkin.find_link(conn, token_hash(token), iso(datetime.now(UTC)))
    assert found is not None and found.citizen_id == citizen
