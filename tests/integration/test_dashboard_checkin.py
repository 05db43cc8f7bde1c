"""The dashboard counts check-ins: the contacts with channel ``check-in`` (what HQ's drainer writes for
each answer a citizen gives, applied here as a sync applies it), in all and in the last 24 hours, by
answer; calls by staff are not check-ins."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import text

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import contacts, registry
from embassy_desk.services.dashboard import dashboard_figures
from embassy_desk.services.session import Session
from embassy_desk.sync import apply
from embassy_desk.sync.wire import PulledEntry
from tests.conftest import aigerim

_SEQ = count(1)


def _people(admin: Session, n: int) -> list[str]:
    return [
        registry.register_citizen(
            admin, aigerim(national_id="", passport_number=f"N2000000{i}"), allow_duplicate=True
        ).id
        for i in range(n)
    ]


def hq_check_in(session: Session, citizen_id: str, welfare: str | None, *, at: datetime | None = None) -> str:
    """A check-in contact exactly as HQ's drainer writes it (hq/checkin_drain.py), applied as a sync
    applies a pulled entry; returns its moment. ``welfare``: safe / needs_assistance / None (phone)."""
    moment = (at or datetime.now(UTC)).isoformat(timespec="milliseconds")
    seq = next(_SEQ)
    fields = {
        "citizen_id": citizen_id,
        "at": moment,
        "channel": "check-in",
        "direction": "incoming",
        "staff": "check-in",
        "outcome": "reached",
        "welfare_status": welfare,
        "note": None,
        "follow_up_due": None,
        "campaign_id": None,
    }
    entry = PulledEntry(
        id=uuid7(),
        entity="contact",
        record_id=uuid7(),
        op="create",
        fields=fields,
        hlc=f"17900000{seq:05d}-00000-hq",
        staff="hq",
        schema_version=2,
        seq=seq,
        device="hq",
    )
    report = apply.apply_batch(session, [entry], cursor=seq)
    assert report.applied == 1 and not report.malformed
    return moment


def _check_in(admin: Session, citizen_id: str, welfare: str | None, at: datetime | None = None) -> str:
    return hq_check_in(admin, citizen_id, welfare, at=at)


def test_no_check_in_yet_counts_zero_of_every_answer(admin: Session) -> None:
    _people(admin, 1)
    figures = dashboard_figures(admin).checkins
    assert figures.total == figures.last_24h == 0
    assert figures.by_answer == {"safe": 0, "needs_help": 0, "phone_changed": 0}
    assert figures.by_answer_24h == {"safe": 0, "needs_help": 0, "phone_changed": 0}


def test_check_ins_by_answer_and_the_24_hour_window(admin: Session) -> None:
    a, b, c, d = _people(admin, 4)
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    _check_in(admin, a, "safe", start)
    _check_in(admin, b, "safe", start + timedelta(minutes=1))
    _check_in(admin, c, "needs_assistance", start + timedelta(minutes=2))
    _check_in(admin, d, None, start + timedelta(minutes=3))  # "my phone number has changed": no welfare
    # A staff call is a contact, not a check-in.
    contacts.log_contact(admin, a, channel="phone", outcome="reached", welfare="safe")

    figures = dashboard_figures(admin)
    assert figures.checkins.total == 4 and figures.checkins.last_24h == 4
    assert figures.checkins.by_answer == {"safe": 2, "needs_help": 1, "phone_changed": 1}
    assert figures.checkins.by_answer_24h == figures.checkins.by_answer
    assert figures.contacts_24h == 5

    # A changed answer is one more check-in: the person said "safe", then "I need help".
    changed = start + timedelta(minutes=30)
    _check_in(admin, a, "needs_assistance", changed)
    again = dashboard_figures(admin).checkins
    assert again.total == 5 and again.by_answer["needs_help"] == 2

    # 24 hours after the changed answer: only it is recent (the edge as contacts_24h counts it); the
    # total stays; a millisecond later nothing is recent.
    edge = dashboard_figures(admin, now=changed + timedelta(hours=24)).checkins
    assert edge.total == 5 and edge.last_24h == 1
    assert edge.by_answer_24h == {"safe": 0, "needs_help": 1, "phone_changed": 0}
    gone = dashboard_figures(admin, now=changed + timedelta(hours=24, milliseconds=1)).checkins
    assert gone.total == 5 and gone.last_24h == 0


def test_two_hundred_thousand_contacts_are_counted_quickly(admin: Session) -> None:
    (person,) = _people(admin, 1)
    now = datetime.fromisoformat(_check_in(admin, person, "safe"))
    assert now.tzinfo is not None
    rows = []
    for i in range(200_000):
        at = (now - timedelta(minutes=i % 4000)).isoformat(timespec="milliseconds")
        channel = "check-in" if i % 5 < 3 else "phone"
        welfare = ("safe", "safe", "needs_assistance", None, "unreachable")[i % 5]
        rows.append({"id": uuid7(), "c": person, "at": at, "ch": channel, "d": "incoming", "w": welfare})
    with admin.engine.connect() as conn, conn.begin():
        conn.execute(
            text(
                "INSERT INTO contacts(id, citizen_id, at, channel, direction, staff, outcome, welfare_status)"
                " VALUES (:id, :c, :at, :ch, :d, 'synthetic', 'reached', :w)"
            ),
            rows,
        )
    dashboard_figures(admin, now=now)  # warm the page cache as a refresh a minute later finds it
    started = time.perf_counter()
    figures = dashboard_figures(admin, now=now).checkins
    took = time.perf_counter() - started
    check_ins = sum(1 for i in range(200_000) if i % 5 < 3) + 1
    assert figures.total == check_ins
    assert figures.by_answer["safe"] == sum(1 for i in range(200_000) if i % 5 < 2) + 1
    assert figures.by_answer["needs_help"] == sum(1 for i in range(200_000) if i % 5 == 2)
    in_day = sum(1 for i in range(200_000) if i % 5 < 3 and i % 4000 <= 24 * 60) + 1
    assert figures.last_24h == in_day
    from embassy_desk.services.dashboard import _checkins

    with admin.read() as conn:
        started = time.perf_counter()
        _checkins(conn, now)
        alone = time.perf_counter() - started
    print(f"\n200,000 contacts: dashboard {took * 1000:.0f} ms, of it check-ins {alone * 1000:.0f} ms")
    assert took < 2.0


def test_staff_cannot_log_a_contact_as_the_citizens_own_check_in(admin: Session) -> None:
    (person,) = _people(admin, 1)
    with pytest.raises(ValidationError) as caught:
        contacts.log_contact(admin, person, channel="check-in", outcome="reached", welfare="safe")
    assert caught.value.field == "channel"
    assert dashboard_figures(admin).checkins.total == 0


def test_the_count_reads_the_check_in_index_not_every_contact(admin: Session) -> None:
    with admin.read() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT coalesce(welfare_status, ''), at >= '2026', count(*)"
                    " FROM contacts WHERE channel = 'check-in' GROUP BY 1, 2"
                )
            )
        )
    assert "ix_contacts_checkin" in plan
