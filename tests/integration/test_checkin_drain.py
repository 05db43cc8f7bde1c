"""HQ's check-in drainer (hq/checkin_drain.py): answers become the records a workstation writes for the
same answer taken on the phone, in the post's log as device "hq"; each answer once, audited, whatever
the batches, the order of drains or how many drainers run. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from embassy_desk.domain.checkin import new_token, token_hash
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import audit, bundles, checkin, checkin_drain, stats
from embassy_desk.hq.clock import iso
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import checkin_answers, entries, hq_audit, records
from embassy_desk.sync import wire
from embassy_desk.sync.apply import check_entry
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import Device, enroll, entry, push

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

CALLBACK = "+821055501234"
NEW_PHONE = "+821099988877"
START = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)


@dataclass
class Post:
    """A post at HQ with registered people, an open campaign holding them all and one link each."""

    code: str
    device: Device
    campaign: str
    people: list[str]
    tokens: list[str]


def make_post(store: HQStore, code: str, count: int, *, campaign_links: bool = True) -> Post:
    store.add_post(code, f"Embassy {code}")
    device = enroll(store, code)
    campaign = uuid7()
    people = [uuid7() for _ in range(count)]
    tokens = [new_token() for _ in range(count)]
    made = [
        entry(
            device,
            "campaign",
            campaign,
            "create",
            {
                "name": "Earthquake",
                "criteria": "{}",
                "status": "open",
                "created_at": "2026-12-06T10:00:00.000+00:00",
                "created_by": "staff-1",
            },
        )
    ]
    expires = (START + timedelta(days=14)).isoformat(timespec="milliseconds")
    for index, (person, token) in enumerate(zip(people, tokens, strict=True)):
        given = {"surname": "Тестова", "given_names": f"Айгерим {index}", "welfare_status": "unknown"}
        made.append(entry(device, "citizen", person, "create", given))
        target = {"campaign_id": campaign, "citizen_id": person, "position": index, "state": "pending"}
        made.append(
            entry(device, "campaign_target", f"{campaign}:{person}", "create", target | {"attempts": 0})
        )
        link = {
            "token_hash": token_hash(token),
            "citizen_id": person,
            "campaign_id": campaign if campaign_links else None,
            "language": "kk",
            "phone": "+821012345678",
            "expires_at": expires,
            "created_at": "2026-12-06T10:00:00.000+00:00",
            "created_by": "staff-1",
        }
        made.append(entry(device, "checkin_link", uuid7(), "create", link))
    for at in range(0, len(made), 800):
        assert not push(store, device, made[at : at + 800]).rejected
    return Post(code, device, campaign, people, tokens)


def answer(
    store: HQStore,
    post: Post,
    index: int,
    kind: CheckinAnswer,
    at: datetime,
    *,
    message: str | None = None,
    callback: str | None = None,
    phone: str | None = None,
    source: str = "web",
) -> str:
    with store.engine.begin() as conn:
        link = checkin.find_link(conn, token_hash(post.tokens[index]), iso(at))
        assert link is not None
        return checkin.record_answer(
            conn,
            link,
            kind,
            now=iso(at),
            language="ru",
            source=source,
            message=message,
            callback=callback,
            phone=phone,
        )


def live(store: HQStore, post: str, entity: str) -> dict[str, dict[str, Any]]:
    """The post's live records of ``entity`` at HQ: id -> values."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(records.c.record_id, records.c.state).where(
                records.c.post == post, records.c.entity == entity, records.c.deleted.is_(False)
            )
        ).all()
    return {str(r[0]): json.loads(r[1])["values"] for r in rows}


def pending(store: HQStore) -> int:
    with store.engine.connect() as conn:
        query = (
            select(func.count()).select_from(checkin_answers).where(checkin_answers.c.drained_at.is_(None))
        )
        return int(conn.execute(query).scalar_one())


def hq_entries(store: HQStore, post: str) -> list[wire.PulledEntry]:
    """What a workstation of the post pulls of HQ's own entries."""
    device = enroll(store, post)
    pulled = store.pull(
        device.device_id, wire.PullRequest(protocol=1, schema_version=2, cursor=0, limit=5000)
    )
    return [e for e in pulled.entries if e.device == "hq"]


def test_answers_become_the_records_a_workstation_writes(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 3)
    safe, helpless, moved = post.people
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    words = "Я в Пусане, нет денег на билет"
    answer(hq_store, post, 1, CheckinAnswer.NEEDS_HELP, START, message=words, callback=CALLBACK)
    answer(hq_store, post, 2, CheckinAnswer.PHONE_CHANGED, START, phone=NEW_PHONE, source="sms")
    assert checkin_drain.drain(hq_store, post="KZ-SEL") == 3
    assert pending(hq_store) == 0 and checkin_drain.drain(hq_store) == 0

    citizens = live(hq_store, "KZ-SEL", "citizen")
    at = START.isoformat(timespec="milliseconds")  # the workstation's form: …+00:00
    assert citizens[safe]["welfare_status"] == "safe"
    assert citizens[safe]["welfare_checked_at"] == at and citizens[safe]["welfare_checked_by"] == "check-in"
    assert citizens[helpless]["welfare_status"] == "needs_assistance"
    assert citizens[moved]["welfare_status"] == "unknown"  # a new number says nothing of welfare
    contacts = sorted(
        live(hq_store, "KZ-SEL", "contact").values(), key=lambda c: post.people.index(c["citizen_id"])
    )
    assert [(c["channel"], c["direction"], c["outcome"], c["welfare_status"]) for c in contacts] == [
        ("check-in", "incoming", "reached", "safe"),
        ("check-in", "incoming", "reached", "needs_assistance"),
        ("check-in", "incoming", "reached", None),
    ]
    assert contacts[1]["note"] == words and contacts[0]["note"] is None
    assert {c["campaign_id"] for c in contacts} == {post.campaign} and {c["at"] for c in contacts} == {at}
    (case,) = live(hq_store, "KZ-SEL", "case").values()
    assert (case["citizen_id"], case["priority"], case["status"], case["kind"]) == (
        helpless,
        "high",
        "open",
        "other",
    )
    assert words in case["summary"] and CALLBACK in case["summary"]
    (event,) = live(hq_store, "KZ-SEL", "case_event").values()
    assert event["kind"] == "opened"
    (change,) = live(hq_store, "KZ-SEL", "phone_change").values()
    assert change == {
        "citizen_id": moved,
        "phone": NEW_PHONE,
        "reported_at": at,
        "source": "sms",
        "status": "pending",
    }
    targets = live(hq_store, "KZ-SEL", "campaign_target")
    places = [targets[f"{post.campaign}:{person}"] for person in post.people]
    assert [(p["state"], p.get("outcome"), p.get("done_by")) for p in places] == [
        ("done", "safe", "check-in"),
        ("done", "needs_help", "check-in"),
        ("pending", None, None),  # still to call: the new number waits for review first
    ]

    # Every entry is one a workstation applies (the same check HQ's push made), written by "hq".
    made = hq_entries(hq_store, "KZ-SEL")
    assert Counter(e.entity for e in made) == {
        "contact": 3,
        "citizen": 2,
        "case": 1,
        "case_event": 1,
        "phone_change": 1,
        "campaign_target": 2,
    }
    assert all(check_entry(e) is None and e.staff == "hq" for e in made)
    updates = [e for e in made if e.op == "update"]
    assert all(e.base is not None for e in updates)

    # Audited at HQ: one entry per answer, naming the person by id; no token, no values.
    with hq_store.engine.connect() as conn:
        logged = [a for a in audit.entries(conn, limit=50) if a.action == "checkin.answer"]
        assert audit.verify(conn).ok
        text = " ".join(str(r) for r in conn.execute(select(hq_audit)).all())
    assert sorted((a.entity_id, a.details["answer"], a.details["source"]) for a in logged) == sorted(
        [(safe, "safe", "web"), (helpless, "needs_help", "web"), (moved, "phone_changed", "sms")]
    )
    assert all(a.entity == "citizen" for a in logged)
    for secret in [*post.tokens, *map(token_hash, post.tokens), words, CALLBACK, NEW_PHONE]:
        assert secret not in text


def test_a_changed_answer_ends_as_the_latest_with_both_contacts(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 2)
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    answer(hq_store, post, 1, CheckinAnswer.SAFE, START)
    assert checkin_drain.drain(hq_store) == 2
    answer(hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START + timedelta(minutes=5), message="Сломал ногу")
    # The second person changes their mind twice within one drain.
    answer(hq_store, post, 1, CheckinAnswer.NEEDS_HELP, START + timedelta(minutes=1))
    answer(hq_store, post, 1, CheckinAnswer.SAFE, START + timedelta(minutes=2))
    assert checkin_drain.drain(hq_store) == 3
    citizens = live(hq_store, "KZ-SEL", "citizen")
    assert citizens[post.people[0]]["welfare_status"] == "needs_assistance"
    assert citizens[post.people[1]]["welfare_status"] == "safe"
    contacts = Counter(c["citizen_id"] for c in live(hq_store, "KZ-SEL", "contact").values())
    assert contacts == {post.people[0]: 2, post.people[1]: 3}
    targets = live(hq_store, "KZ-SEL", "campaign_target")
    first, second = (targets[f"{post.campaign}:{p}"] for p in post.people)
    assert (first["state"], first["outcome"]) == ("done", "needs_help")
    assert (second["state"], second["outcome"]) == ("done", "safe")
    # Done when they first checked in; a later answer changes the outcome only.
    assert first["done_at"] == START.isoformat(timespec="milliseconds")
    assert len(live(hq_store, "KZ-SEL", "case")) == 2


def test_asking_for_help_again_adds_to_the_open_case_or_reopens_it(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 1)
    answer(hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START, message="Нет воды")
    # A second tap in the same drain, then another request after the first drain.
    answer(
        hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START + timedelta(seconds=20), callback="+821099998888"
    )
    assert checkin_drain.drain(hq_store) == 2
    answer(hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START + timedelta(minutes=9), message="Всё ещё нет")
    assert checkin_drain.drain(hq_store) == 1
    (case_id,) = live(hq_store, "KZ-SEL", "case")
    assert case_id == checkin_drain.help_case_id(token_hash(post.tokens[0]))
    events = [e for e in live(hq_store, "KZ-SEL", "case_event").values() if e["case_id"] == case_id]
    assert sorted(e["kind"] for e in events) == ["note", "note", "opened"]
    assert any("+821099998888" in e["text"] for e in events)
    # Staff close it; the person asks again: the same case is open again.
    device = post.device
    closed = entry(device, "case", case_id, "update", {"status": "closed"}, base={"status": ""})
    assert not push(hq_store, device, [closed]).rejected
    answer(hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START + timedelta(hours=2))
    assert checkin_drain.drain(hq_store) == 1
    assert live(hq_store, "KZ-SEL", "case")[case_id]["status"] == "open"


def test_an_answer_of_a_person_no_longer_registered_leaves_no_record(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 2)
    gone = post.people[0]
    answer(hq_store, post, 0, CheckinAnswer.NEEDS_HELP, START, message="help")
    assert not push(
        hq_store, post.device, [entry(post.device, "citizen", gone, "delete", {}, base={})]
    ).rejected
    answer(hq_store, post, 1, CheckinAnswer.SAFE, START)
    done = checkin_drain.drain_report(hq_store)
    assert (done.drained, done.orphaned) == (2, 1)
    assert pending(hq_store) == 0
    assert [c["citizen_id"] for c in live(hq_store, "KZ-SEL", "contact").values()] == [post.people[1]]
    assert live(hq_store, "KZ-SEL", "case") == {}


def test_an_unusable_answer_never_blocks_the_others(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 3)
    bad = answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    with hq_store.engine.begin() as conn:  # a row the page never writes: an unknown answer
        conn.execute(update(checkin_answers).where(checkin_answers.c.id == bad).values(answer="maybe"))
    answer(hq_store, post, 1, CheckinAnswer.NEEDS_HELP, START, message=" Помогите ", callback=CALLBACK)
    answer(hq_store, post, 2, CheckinAnswer.SAFE, START)
    done = checkin_drain.drain_report(hq_store)
    assert (done.drained, done.refused, done.orphaned) == (3, 1, 0) and pending(hq_store) == 0
    assert sorted(c["citizen_id"] for c in live(hq_store, "KZ-SEL", "contact").values()) == sorted(
        post.people[1:]
    )
    (case,) = live(hq_store, "KZ-SEL", "case").values()
    assert "In their words: Помогите\n" in case["summary"]


def test_a_failing_drain_never_fails_a_pull(hq_store: HQStore, monkeypatch: pytest.MonkeyPatch) -> None:
    post = make_post(hq_store, "KZ-SEL", 1)
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(checkin_drain, "drain_batch", broken)
    device = enroll(hq_store, "KZ-SEL")
    pulled = hq_store.pull(device.device_id, wire.PullRequest(protocol=1, schema_version=2, cursor=0))
    assert pulled.entries and pending(hq_store) == 1  # the log as it is; the answer waits
    monkeypatch.undo()
    assert checkin_drain.drain(hq_store) == 1


def test_a_welfare_status_set_by_staff_after_the_answer_stands(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 1)
    person = post.people[0]
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    # An officer records "needs assistance" a minute after the answer; HQ drains later still.
    later = int((START + timedelta(minutes=1)).timestamp() * 1000)
    fields = {
        "welfare_status": "needs_assistance",
        "welfare_checked_at": "x",
        "welfare_checked_by": "staff-1",
    }
    officer = entry(post.device, "citizen", person, "update", fields, base={"welfare": ""})
    officer = officer.model_copy(update={"hlc": f"{later:013d}-00000-{post.device.device_id}"})
    assert not push(hq_store, post.device, [officer]).rejected
    assert checkin_drain.drain(hq_store) == 1
    assert live(hq_store, "KZ-SEL", "citizen")[person]["welfare_status"] == "needs_assistance"
    assert len(live(hq_store, "KZ-SEL", "contact")) == 1  # the answer is in the contact log all the same


def test_a_closed_campaign_keeps_its_list_as_it_was(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 1)
    person = post.people[0]
    closing = {"status": "closed", "closed_at": "2026-12-07T02:00:00.000+00:00"}
    closed = entry(post.device, "campaign", post.campaign, "update", closing, base={"status": ""})
    assert not push(hq_store, post.device, [closed]).rejected
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    assert checkin_drain.drain(hq_store) == 1
    assert live(hq_store, "KZ-SEL", "citizen")[person]["welfare_status"] == "safe"
    (contact,) = live(hq_store, "KZ-SEL", "contact").values()
    assert contact["campaign_id"] == post.campaign
    assert live(hq_store, "KZ-SEL", "campaign_target")[f"{post.campaign}:{person}"]["state"] == "pending"


def test_a_pull_brings_every_answer_given_before_it(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 3)
    for index in range(3):
        answer(hq_store, post, index, CheckinAnswer.SAFE, START)
    other = make_post(hq_store, "KZ-ALA", 1)
    answer(hq_store, other, 0, CheckinAnswer.SAFE, START)
    made = hq_entries(hq_store, "KZ-SEL")  # a pull, and nothing else drained
    assert Counter(e.entity for e in made)["contact"] == 3
    assert pending(hq_store) == 1  # the other post's answer waits for its own pull or the thread


def test_a_backlog_is_drained_over_the_pulls_of_one_sync(
    hq_store: HQStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each pull drains one batch only (no time left after it): the workstation's loop (pull while a
    # pull brings entries, services/sync._pull_all) still brings every answer.
    monkeypatch.setattr(checkin_drain, "BATCH", 2)
    monkeypatch.setattr(checkin_drain, "PULL_SECONDS", 0.0)
    post = make_post(hq_store, "KZ-SEL", 5)
    device = enroll(hq_store, "KZ-SEL")
    first = hq_store.pull(device.device_id, wire.PullRequest(protocol=1, schema_version=2, cursor=0))
    cursor = first.cursor
    for index in range(5):
        answer(hq_store, post, index, CheckinAnswer.SAFE, START)
    pulls = 0
    brought: list[wire.PulledEntry] = []
    while True:
        page = hq_store.pull(
            device.device_id, wire.PullRequest(protocol=1, schema_version=2, cursor=cursor, limit=4)
        )
        pulls += 1
        brought.extend(page.entries)
        if page.cursor <= cursor or (not page.more and not page.entries):
            break
        cursor = page.cursor
    assert Counter(e.entity for e in brought)["contact"] == 5 and pending(hq_store) == 0
    assert pulls >= 4


def test_a_bundle_for_the_post_carries_the_answers(hq_store: HQStore, tmp_path: Path) -> None:
    post = make_post(hq_store, "KZ-SEL", 2)
    before = bundles.export_bundle(hq_store, "KZ-SEL", tmp_path / "first.bundle", everything=True)
    answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
    answer(hq_store, post, 1, CheckinAnswer.SAFE, START)
    after = bundles.export_bundle(hq_store, "KZ-SEL", tmp_path / "second.bundle", everything=True)
    assert pending(hq_store) == 0
    assert after.entries == before.entries + 2 * 3  # a contact, the welfare, the list place each


def test_two_drainers_never_write_an_answer_twice(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 300)
    for index in range(300):
        answer(hq_store, post, index, CheckinAnswer.SAFE, START + timedelta(milliseconds=index))
        answer(
            hq_store, post, index, CheckinAnswer.NEEDS_HELP, START + timedelta(seconds=1, milliseconds=index)
        )
    barrier = threading.Barrier(3)
    results: list[int] = []
    errors: list[BaseException] = []

    def run(size: int) -> None:
        try:
            barrier.wait()
            while (done := checkin_drain.drain_batch(hq_store, post.code, size=size).drained) > 0:
                results.append(done)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(size,)) for size in (37, 50, 101)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors and sum(results) == 600 and pending(hq_store) == 0
    contacts = live(hq_store, "KZ-SEL", "contact")
    assert len(contacts) == 600
    assert Counter(c["citizen_id"] for c in contacts.values()) == dict.fromkeys(post.people, 2)
    # The later answer wins for everyone, whichever drainer wrote which.
    assert {c["welfare_status"] for c in live(hq_store, "KZ-SEL", "citizen").values()} == {"needs_assistance"}
    with hq_store.engine.connect() as conn:
        hq_rows = conn.execute(select(func.count()).select_from(entries).where(entries.c.device == "hq"))
        # safe: contact, welfare, list place; needs help: the same and a case with its "opened" event
        assert int(hq_rows.scalar_one()) == 300 * 3 + 300 * 5
        assert audit.verify(conn).ok and audit.count(conn) == 600


def test_the_drainer_thread_drains_every_few_seconds(hq_store: HQStore) -> None:
    post = make_post(hq_store, "KZ-SEL", 2)
    drainer = checkin_drain.Drainer(hq_store, interval=0.05)
    drainer.start()
    try:
        answer(hq_store, post, 0, CheckinAnswer.SAFE, START)
        answer(hq_store, post, 1, CheckinAnswer.SAFE, START)
        deadline = datetime.now(UTC) + timedelta(seconds=20)
        while pending(hq_store) and datetime.now(UTC) < deadline:
            threading.Event().wait(0.05)
    finally:
        drainer.stop()
    assert pending(hq_store) == 0
    assert len(live(hq_store, "KZ-SEL", "contact")) == 2


ANSWERS = [CheckinAnswer.SAFE, CheckinAnswer.NEEDS_HELP, CheckinAnswer.PHONE_CHANGED]


@st.composite
def arrivals(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Answers of four people (possibly in the same millisecond) and, between them, drains of any
    size: ("answer", (person, kind, millisecond)) and ("drain", size)."""
    steps: list[tuple[str, Any]] = []
    moment = 0
    for _ in range(draw(st.integers(1, 14))):
        moment += draw(st.sampled_from([0, 1, 1000]))
        steps.append(("answer", (draw(st.integers(0, 3)), draw(st.sampled_from(ANSWERS)), moment)))
        if draw(st.booleans()):
            steps.append(("drain", draw(st.integers(1, 4))))
    return steps


def view(store: HQStore, post: Post) -> dict[str, Any]:
    """The records a post would see, with record ids and people named by their place in the post."""
    who = {person: index for index, person in enumerate(post.people)}
    citizens = live(store, post.code, "citizen")
    targets = live(store, post.code, "campaign_target")
    return {
        "welfare": [
            (citizens[p]["welfare_status"], citizens[p].get("welfare_checked_at")) for p in post.people
        ],
        "contacts": sorted(
            (who[c["citizen_id"]], c["at"], c["welfare_status"] or "", c["note"] or "")
            for c in live(store, post.code, "contact").values()
        ),
        "cases": sorted(
            (who[c["citizen_id"]], c["summary"]) for c in live(store, post.code, "case").values()
        ),
        "phones": sorted(
            (who[c["citizen_id"]], c["reported_at"]) for c in live(store, post.code, "phone_change").values()
        ),
        "targets": [
            tuple(targets[f"{post.campaign}:{p}"].get(k) for k in ("state", "outcome", "done_at", "done_by"))
            for p in post.people
        ],
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=arrivals())
def test_any_drains_give_the_records_a_single_drain_gives(
    hq_store: HQStore, steps: list[tuple[str, Any]]
) -> None:
    batched = make_post(hq_store, f"B{uuid7()[-10:].upper()}", 4)
    single = make_post(hq_store, f"S{uuid7()[-10:].upper()}", 4)
    for kind, value in steps:
        if kind == "drain":
            checkin_drain.drain_batch(hq_store, batched.code, size=value)
            continue
        person, what, ms = value
        at = START + timedelta(milliseconds=ms)
        extra: dict[str, Any] = (
            {"message": f"m{ms}", "callback": CALLBACK} if what is CheckinAnswer.NEEDS_HELP else {}
        )
        if what is CheckinAnswer.PHONE_CHANGED:
            extra = {"phone": NEW_PHONE}
        answer(hq_store, batched, person, what, at, **extra)
        answer(hq_store, single, person, what, at, **extra)
    checkin_drain.drain(hq_store, post=batched.code, limit=10_000)
    checkin_drain.drain(hq_store, post=single.code, limit=10_000)
    assert view(hq_store, batched) == view(hq_store, single)


def test_hq_stats_and_the_console_count_check_ins(hq_store: HQStore, hq_clock: MovableClock) -> None:
    from embassy_desk.hq.console.model import OperatorRole
    from tests.integration.test_hq_console_figures import moved_console, sign_in

    now = hq_clock.moment
    post = make_post(hq_store, "KZ-SEL", 3)
    other = make_post(hq_store, "KZ-ALA", 1)
    answer(hq_store, post, 0, CheckinAnswer.SAFE, now - timedelta(days=2))
    answer(hq_store, post, 1, CheckinAnswer.NEEDS_HELP, now - timedelta(hours=1))
    answer(hq_store, post, 1, CheckinAnswer.SAFE, now - timedelta(minutes=30))
    answer(hq_store, post, 2, CheckinAnswer.PHONE_CHANGED, now, phone=NEW_PHONE)
    answer(hq_store, other, 0, CheckinAnswer.SAFE, now)
    checkin_drain.drain(hq_store, post="KZ-ALA")  # drained or not, an answer received counts
    with hq_store.engine.connect() as conn:
        figures = {f.post: f for f in stats.post_stats(conn, now=now)}
    sel = {"total": 4, "safe": 2, "needs_help": 1, "phone_changed": 1, "last_24h": 3}
    assert stats.as_json(figures["KZ-SEL"])["checkins"] == sel
    assert figures["KZ-ALA"].checkins == {
        "total": 1,
        "safe": 1,
        "needs_help": 0,
        "phone_changed": 0,
        "last_24h": 1,
    }
    total = stats.totals_json(stats.totals(list(figures.values())))["checkins"]
    assert total == {"total": 5, "safe": 3, "needs_help": 1, "phone_changed": 1, "last_24h": 4}

    with moved_console(hq_store, hq_clock) as client:
        console = sign_in(hq_store, client, "analyst", OperatorRole.ANALYST)
        overview = console.get("/", headers={"Accept-Language": "en"}).text
        assert "Check-ins" in overview
        cells = re.findall(
            r'data-post="([^"]*)".*?data-figure="checkins.total"[^>]*>([^<]*)<', overview, re.S
        )
        assert cells == [("KZ-ALA", "1"), ("KZ-SEL", "4"), ("", "5")]
        page = console.get("/posts/KZ-SEL").text
        assert re.search(r'data-figure="checkins.total" data-value="4"', page)
        assert "2 safe, 1 need help, 1 with a new number; 3 in the last 24 h" in page
        api = console.get("/api/overview").json()
        assert api["totals"]["checkins"] == total
        assert {p["post"]: p["checkins"] for p in api["posts"]}["KZ-SEL"] == sel
