"""The stored side of evacuation: flights and manifest rows as services hand them out, read and updated
in the caller's transaction (shared by services/evacuation.py and evacuation_build.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.enums import (
    EvacPriority,
    FlightStatus,
    ManifestList,
    PassengerStatus,
    PassportFlag,
    TransportKind,
)
from embassy_desk.domain.errors import NotFoundError
from embassy_desk.domain.ids import pair_id
from embassy_desk.domain.messages import Msg
from embassy_desk.services.session import UnitOfWork


@dataclass(frozen=True)
class Flight:
    """A flight or a bus, with how many people are on its passenger and waiting lists."""

    id: str
    kind: TransportKind
    carrier: str
    number: str
    origin: str
    destination: str
    departs_at: str
    seats: int
    assembly_point: str
    status: FlightStatus
    passengers: int
    waiting: int

    @property
    def travel_date(self) -> date:
        return date.fromisoformat(self.departs_at[:10])


@dataclass(frozen=True)
class ManifestRow:
    """One person on a manifest or its waiting list, with what a carrier asks for."""

    citizen_id: str
    household_id: str | None
    list: ManifestList
    rank: int
    priority: EvacPriority
    status: PassengerStatus
    passport_flag: PassportFlag | None
    split_override: bool
    full_name: str
    surname_latin: str
    given_names_latin: str
    sex: str
    birth_date: str
    nationality: str
    passport_number: str
    passport_expiry_date: str


@dataclass(frozen=True)
class Manifest:
    """A flight with its passengers and its waiting list, each in order."""

    flight: Flight
    passengers: list[ManifestRow]
    waiting: list[ManifestRow]


FLIGHT_SELECT = (
    "SELECT f.id, f.kind, f.carrier, f.number, f.origin, f.destination, f.departs_at, f.seats,"
    " f.assembly_point, f.status,"
    " (SELECT count(*) FROM manifest_entries e WHERE e.flight_id = f.id AND e.list = 'passenger'),"
    " (SELECT count(*) FROM manifest_entries e WHERE e.flight_id = f.id AND e.list = 'waiting')"
    " FROM flights f"
)


def flight_from(row: Sequence[Any]) -> Flight:
    return Flight(
        str(row[0]),
        TransportKind(str(row[1])),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        str(row[5]),
        str(row[6]),
        int(row[7]),
        str(row[8] or ""),
        FlightStatus(str(row[9])),
        int(row[10]),
        int(row[11]),
    )


def load_flight(conn: Connection, flight_id: str) -> Flight:
    row = conn.execute(text(f"{FLIGHT_SELECT} WHERE f.id = :id"), {"id": flight_id}).first()
    if row is None:
        raise NotFoundError(Msg("evac.flight_not_found", id=flight_id))
    return flight_from(tuple(row))


@dataclass(frozen=True)
class Kept:
    list: ManifestList
    rank: int
    priority: str
    status: PassengerStatus
    passport_flag: str | None
    split_override: bool
    household_id: str | None


def previous_rows(conn: Connection, flight_id: str) -> dict[str, Kept]:
    rows = conn.execute(
        text(
            "SELECT citizen_id, list, rank, priority, status, passport_flag, split_override, household_id"
            " FROM manifest_entries WHERE flight_id = :f"
        ),
        {"f": flight_id},
    )
    return {
        str(r[0]): Kept(
            ManifestList(str(r[1])), int(r[2]), str(r[3]), PassengerStatus(str(r[4])), r[5], bool(r[6]), r[7]
        )
        for r in rows
    }


def update_entry(uow: UnitOfWork, flight_id: str, citizen_id: str, changed: Mapping[str, Any]) -> None:
    entry_id = pair_id(flight_id, citizen_id)
    sets = ", ".join(f'"{k}" = :{k}' for k in changed)
    uow.conn.execute(
        text(f"UPDATE manifest_entries SET {sets}, updated_at = :now, version = version + 1 WHERE id = :id"),
        {**changed, "now": uow.now, "id": entry_id},
    )
    uow.change("manifest_entry", entry_id, "update", dict(changed))


ROW_SELECT = (
    "SELECT e.citizen_id, e.household_id, e.list, e.rank, e.priority, e.status, e.passport_flag,"
    " e.split_override, c.surname, c.given_names, c.patronymic, c.surname_latin, c.given_names_latin,"
    " c.sex, c.birth_date, c.nationality, c.passport_number, c.passport_expiry_date"
    " FROM manifest_entries e LEFT JOIN citizens c ON c.id = e.citizen_id"
)


def row_from(r: Sequence[Any]) -> ManifestRow:
    full = " ".join(str(p) for p in (r[8], r[9], r[10]) if p)
    full = full or " ".join(str(p) for p in (r[11], r[12]) if p)
    return ManifestRow(
        citizen_id=str(r[0]),
        household_id=None if r[1] is None else str(r[1]),
        list=ManifestList(str(r[2])),
        rank=int(r[3]),
        priority=EvacPriority(str(r[4])),
        status=PassengerStatus(str(r[5])),
        passport_flag=None if r[6] is None else PassportFlag(str(r[6])),
        split_override=bool(r[7]),
        full_name=full,
        surname_latin=str(r[11] or ""),
        given_names_latin=str(r[12] or ""),
        sex=str(r[13] or ""),
        birth_date=str(r[14] or ""),
        nationality=str(r[15] or ""),
        passport_number=str(r[16] or ""),
        passport_expiry_date=str(r[17] or ""),
    )


def read_manifest(conn: Connection, flight_id: str) -> Manifest:
    flight = load_flight(conn, flight_id)
    rows = conn.execute(
        text(
            f"{ROW_SELECT} WHERE e.flight_id = :f AND e.list IN ('passenger', 'waiting')"
            " ORDER BY e.rank, e.id"
        ),
        {"f": flight_id},
    ).all()
    parsed = [row_from(tuple(r)) for r in rows]
    return Manifest(
        flight,
        [r for r in parsed if r.list is ManifestList.PASSENGER],
        [r for r in parsed if r.list is ManifestList.WAITING],
    )


def manifest_json(m: Manifest) -> dict[str, Any]:
    """The manifest as the CLI's ``--json`` prints it (ids, lists, priorities, flags; no names)."""

    def item(r: ManifestRow) -> dict[str, Any]:
        return {
            "citizen_id": r.citizen_id,
            "household_id": r.household_id,
            "rank": r.rank,
            "priority": r.priority.value,
            "status": r.status.value,
            "passport_flag": None if r.passport_flag is None else r.passport_flag.value,
            "split_override": r.split_override,
        }

    return {
        "flight": flight_json(m.flight),
        "passengers": [item(r) for r in m.passengers],
        "waiting": [item(r) for r in m.waiting],
    }


def flight_json(f: Flight) -> dict[str, Any]:
    """A flight as ``--json`` prints it."""
    return {
        "id": f.id,
        "kind": f.kind.value,
        "carrier": f.carrier,
        "number": f.number,
        "origin": f.origin,
        "destination": f.destination,
        "departs_at": f.departs_at,
        "seats": f.seats,
        "assembly_point": f.assembly_point,
        "status": f.status.value,
        "passengers": f.passengers,
        "waiting": f.waiting,
    }
