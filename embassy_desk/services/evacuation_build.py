"""Building a flight's manifest: reading the candidates and writing the allocation as synced rows.

The rules of who is a candidate are in services/evacuation.py's docstring; the order and the seats in
domain/evacuation.py.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.enums import ManifestList, PassengerStatus
from embassy_desk.domain.evacuation import Candidate, Placement, Previous, allocate
from embassy_desk.domain.ids import pair_id
from embassy_desk.services.evacuation_records import Flight, Kept, previous_rows, update_entry
from embassy_desk.services.session import UnitOfWork
from embassy_desk.storage import changelog

# People who asked: an open evacuation case, or "needs help" as their latest campaign outcome.
_ASKED = """
SELECT citizen_id, opened_at FROM cases WHERE kind = 'evacuation' AND status <> 'closed'
UNION ALL
SELECT t.citizen_id, coalesce(t.done_at, t.last_attempt_at, t.updated_at) FROM campaign_targets t
WHERE t.outcome = 'needs_help' AND NOT EXISTS (
    SELECT 1 FROM campaign_targets u WHERE u.citizen_id = t.citizen_id AND u.outcome IS NOT NULL
    AND u.outcome <> 'needs_help'
    AND coalesce(u.done_at, u.last_attempt_at, u.updated_at)
        > coalesce(t.done_at, t.last_attempt_at, t.updated_at))
"""
# Each step looks people up by index (ids or household ids as a JSON list), never scanning citizens.
_HOUSEHOLDS = (
    "SELECT DISTINCT household_id FROM citizens WHERE id IN (SELECT value FROM json_each(:ids))"
    " AND household_id IS NOT NULL"
)
_MEMBERS = (
    "SELECT id FROM citizens WHERE household_id IN (SELECT value FROM json_each(:ids))"
    " AND household_id IS NOT NULL"
)
_PEOPLE = (
    "SELECT id, household_id, birth_date, vulnerabilities, sex, passport_number, passport_expiry_date, status"
    " FROM citizens WHERE id IN (SELECT value FROM json_each(:ids))"
)
_BUSY = (
    "SELECT e.citizen_id FROM manifest_entries e JOIN flights f ON f.id = e.flight_id"
    " WHERE e.flight_id <> :flight AND e.list = 'passenger' AND ((f.status IN ('open', 'closed')"
    " AND e.status <> 'no_show') OR e.status = 'boarded')"
)
_GONE = frozenset({"departed", "deceased", "transferred"})


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _candidates(conn: Connection, flight_id: str, kept: Mapping[str, Kept]) -> list[Candidate]:
    since: dict[str, str] = {}
    for cid, at in conn.execute(text(_ASKED)):
        key, stamp = str(cid), str(at or "")
        if key not in since or stamp < since[key]:
            since[key] = stamp
    asked = json.dumps(sorted(since))
    households = [str(h) for (h,) in conn.execute(text(_HOUSEHOLDS), {"ids": asked})]
    people = set(since)
    people.update(str(m) for (m,) in conn.execute(text(_MEMBERS), {"ids": json.dumps(households)}))
    people.update(
        cid
        for cid, k in kept.items()
        if k.list is ManifestList.PASSENGER
        and k.status in (PassengerStatus.CHECKED_IN, PassengerStatus.BOARDED)
    )
    rows = [
        (*r[:7], since.get(str(r[0]), ""), r[7])
        for r in conn.execute(text(_PEOPLE), {"ids": json.dumps(sorted(people))})
    ]
    busy = {str(r[0]) for r in conn.execute(text(_BUSY), {"flight": flight_id})}
    found = []
    for cid, household, birth, vulns, sex, number, expiry, asked_at, status in rows:
        before = kept.get(str(cid))
        holds = (
            before is not None
            and before.list is ManifestList.PASSENGER
            and before.status in (PassengerStatus.CHECKED_IN, PassengerStatus.BOARDED)
        )
        if not holds and (str(cid) in busy or (status or "present") in _GONE):
            continue
        previous = None
        if before is not None:
            previous = Previous(
                before.list,
                before.status,
                before.split_override,
                removed_by_person=before.list is ManifestList.REMOVED and before.rank == 0,
            )
        found.append(
            Candidate(
                citizen_id=str(cid),
                household_id=None if household is None else str(household),
                birth_date=_day(birth),
                vulnerabilities=frozenset(str(vulns or "").split(",")) - {""},
                sex=str(sex or ""),
                passport_number=None if number is None else str(number),
                passport_expiry=_day(expiry),
                since=str(asked_at),
                previous=previous,
            )
        )
    return found


_ENTRY_COLUMNS = ("household_id", "list", "rank", "priority", "status", "passport_flag", "split_override")


def placement_values(p: Placement) -> dict[str, Any]:
    return {
        "household_id": p.household_id,
        "list": p.list.value,
        "rank": p.rank,
        "priority": p.priority.value,
        "status": p.status.value,
        "passport_flag": None if p.passport_flag is None else p.passport_flag.value,
        "split_override": int(p.split_override),
    }


def kept_values(k: Kept) -> dict[str, Any]:
    return {
        "household_id": k.household_id,
        "list": k.list.value,
        "rank": k.rank,
        "priority": k.priority,
        "status": k.status.value,
        "passport_flag": k.passport_flag,
        "split_override": int(k.split_override),
    }


@dataclass(frozen=True)
class BuildCounts:
    passengers: int
    waiting: int
    removed: int
    created: int
    updated: int


def build(uow: UnitOfWork, flight: Flight) -> BuildCounts:
    conn = uow.conn
    kept = previous_rows(conn, flight.id)
    candidates = _candidates(conn, flight.id, kept)
    allocation = allocate(candidates, flight.seats, flight.travel_date)
    placed = allocation.all()
    seen = {p.citizen_id for p in placed}
    creates: list[tuple[str, dict[str, Any]]] = []
    updates: list[tuple[str, dict[str, Any]]] = []
    for p in placed:
        values = placement_values(p)
        before = kept.get(p.citizen_id)
        if before is None:
            creates.append((p.citizen_id, values))
        else:
            old = kept_values(before)
            changed = {k: v for k, v in values.items() if old[k] != v}
            if changed:
                updates.append((p.citizen_id, changed))
    # No longer a candidate: off the lists, remembered as not taken off by a person (rank above 0).
    for cid, before in kept.items():
        if cid in seen or before.list is ManifestList.REMOVED:
            continue
        updates.append(
            (cid, {"list": ManifestList.REMOVED.value, "rank": max(1, before.rank), "status": "confirmed"})
        )
    if creates:
        conn.exec_driver_sql(
            "INSERT INTO manifest_entries(id, flight_id, citizen_id, household_id, list, rank, priority,"
            " status, passport_flag, split_override, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (pair_id(flight.id, cid), flight.id, cid, *(v[c] for c in _ENTRY_COLUMNS), uow.now)
                for cid, v in creates
            ],
        )
        stamps = uow.stamps(len(creates))
        changelog.record_many(
            conn,
            (
                (
                    "manifest_entry",
                    pair_id(flight.id, cid),
                    "create",
                    {"flight_id": flight.id, "citizen_id": cid, **v},
                    stamp,
                )
                for (cid, v), stamp in zip(creates, stamps, strict=True)
            ),
            staff=uow.user.id,
        )
    for cid, changed in updates:
        update_entry(uow, flight.id, cid, changed)
    counts = BuildCounts(
        len(allocation.passengers),
        len(allocation.waiting),
        sum(1 for k in kept.values() if k.list is ManifestList.REMOVED and k.rank == 0)
        + sum(1 for cid, ch in updates if ch.get("list") == "removed"),
        len(creates),
        len(updates),
    )
    uow.audit(
        "evac.build",
        entity="flight",
        entity_id=flight.id,
        details={
            "passengers": counts.passengers,
            "waiting": counts.waiting,
            "removed": counts.removed,
            "created": counts.created,
            "updated": counts.updated,
        },
    )
    return counts
