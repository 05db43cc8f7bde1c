"""The welfare counters HQ keeps while it applies pushes (hq/records.py RecordCache.flush): after any
sequence of creates, welfare changes, deletes, merges, restores, a delete taking a person's contacts
with them, re-pushed batches and bundle imports, ``welfare_counts`` equals a recount over the records,
and the hourly changes in ``welfare_hours`` add up to it. SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import false, func, select

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq import bundles, stats
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import records, welfare_counts, welfare_hours
from embassy_desk.sync import bundle, wire
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.hq_devices import Device, contact, device_bundle, enroll, entry, push

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here

WELFARE = ["safe", "needs_assistance", "unreachable", "evacuated", "unknown", None]

Step = tuple[str, int, Any]


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, int, list[Step]]]:
    """Batches of steps over four people: (how the batch is delivered, which device, steps)."""
    batches: list[tuple[str, int, list[Step]]] = []
    for _ in range(draw(st.integers(1, 6))):
        steps: list[Step] = []
        for _ in range(draw(st.integers(1, 5))):
            kind = draw(
                st.sampled_from(["create", "create", "welfare", "welfare", "delete", "merge", "restore"])
            )
            kind = draw(st.sampled_from([kind, "contact"]))
            person = draw(st.integers(0, 3))
            value: Any = draw(st.sampled_from(WELFARE))
            if kind == "merge":
                value = draw(st.integers(0, 3))
            steps.append((kind, person, value))
        how = draw(st.sampled_from(["push", "push", "push_twice", "bundle"]))
        batches.append((how, draw(st.integers(0, 1)), steps))
    return batches


def _entries(device: Device, people: list[str], steps: list[Step]) -> list[wire.Entry]:
    made = []
    for kind, person, value in steps:
        who = people[person]
        if kind == "create":
            fields = {"surname": "Тестов"} | ({"welfare_status": value} if value else {})
            made.append(entry(device, "citizen", who, "create", fields))
        elif kind == "welfare":
            made.append(
                entry(
                    device,
                    "citizen",
                    who,
                    "update",
                    {"welfare_status": value or "unknown"},
                    base={"welfare": ""},
                )
            )
        elif kind == "delete":
            made.append(entry(device, "citizen", who, "delete", {}, base={}))
        elif kind == "merge":
            made.append(entry(device, "citizen", who, "delete", {"merged_into": people[value]}, base={}))
        elif kind == "restore":
            fields = {"surname": "Вернувшийся"} | ({"welfare_status": value} if value else {})
            made.append(entry(device, "citizen", who, "restore", fields))
        else:
            made.append(
                entry(device, "contact", uuid7(), "create", contact(who, "2026-12-06T10:00:00+00:00"))
            )
    return made


def _recount(store: HQStore, post: str) -> dict[str, int]:
    key = func.coalesce(records.c.welfare_status, "unknown")
    with store.engine.connect() as conn:
        return {
            status: int(count)
            for status, count in conn.execute(
                select(key, func.count())
                .where(records.c.post == post, records.c.entity == "citizen", records.c.deleted == false())
                .group_by(key)
            )
        }


def _counters(store: HQStore, post: str) -> tuple[dict[str, int], dict[str, int]]:
    with store.engine.connect() as conn:
        counts = {
            s: int(c)
            for s, c in conn.execute(
                select(welfare_counts.c.status, welfare_counts.c.count).where(welfare_counts.c.post == post)
            )
            if c
        }
        hours: dict[str, int] = {}
        for s, d in conn.execute(
            select(welfare_hours.c.status, welfare_hours.c.delta).where(welfare_hours.c.post == post)
        ):
            hours[s] = hours.get(s, 0) + int(d)
    return counts, {s: d for s, d in hours.items() if d}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories())
def test_welfare_counters_equal_a_recount_after_any_history(
    hq_store: HQStore, hq_clock: MovableClock, history: list[tuple[str, int, list[Step]]]
) -> None:
    post = f"P{len(hq_store.posts())}-C"
    hq_store.add_post(post, "counters")
    devices = [enroll(hq_store, post), enroll(hq_store, post)]
    bundle_numbers = {0: (0, ""), 1: (0, "")}
    people = [uuid7() for _ in range(4)]
    for how, which, steps in history:
        device = devices[which]
        made = _entries(device, people, steps)
        if how == "bundle":
            number, prev = bundle_numbers[which]
            data = device_bundle(hq_store, device, number + 1, prev, made, post=post)
            bundles.import_bundle(hq_store, data)
            bundle_numbers[which] = (number + 1, bundle.bundle_digest(data))
        else:
            push(hq_store, device, made)
            if how == "push_twice":
                push(hq_store, device, made)  # the answer was lost: every entry a duplicate
        hq_clock.advance(minutes=40)  # changes land in several hours
    recount = _recount(hq_store, post)
    counts, hours = _counters(hq_store, post)
    assert counts == recount
    assert hours == recount  # the hourly changes add up to the present counts
    with hq_store.engine.connect() as conn:
        (figures,) = stats.post_stats(conn, now=hq_clock(), post=post)
    assert figures.citizens == sum(recount.values())
    assert {s: c for s, c in figures.welfare.items() if c} == recount
