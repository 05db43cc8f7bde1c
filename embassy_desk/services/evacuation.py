"""Evacuation flights (or buses), their manifests and boarding.

Who is a candidate for a flight: every citizen with an open (not closed) assistance case of kind
``evacuation``, every citizen whose latest campaign outcome is "needs help", and the other members of their
households (families travel together). Left out: people on the passenger list of another flight that has
not left (open or closed; a no-show there is free again), people who boarded another flight, and people
whose status is departed, deceased or transferred. People already checked in or boarded here stay
candidates whatever their case says. The order and the seats are decided by
:func:`embassy_desk.domain.evacuation.allocate` (the stated priority order; households whole).

Manifest rows are synced records with the id ``FLIGHT:CITIZEN`` and are never deleted: a person who is no
longer a candidate, or whom a person took off, is on the list ``removed``. A removed row's ``rank`` says
which: 0 when a person took them off (a rebuild keeps them off), above 0 when they stopped being a
candidate (a rebuild puts them back when they are one again).

Roles: ``EVAC_MANAGE`` (officers, administrators) adds and edits flights, builds, moves, exports and
prints; ``EVAC_BOARD`` (all staff) checks people in, boards them or marks them no-show. Reading needs the
right to view citizens. Audit entries carry ids and counts only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.enums import (
    FlightStatus,
    ManifestList,
    PassengerStatus,
    TransportKind,
    WelfareStatus,
)
from embassy_desk.domain.errors import NotFoundError, ValidationError
from embassy_desk.domain.evacuation import FLIGHT_FIELDS
from embassy_desk.domain.ids import pair_id, uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services.evacuation_build import BuildCounts, build
from embassy_desk.services.evacuation_records import (
    FLIGHT_SELECT,
    ROW_SELECT,
    Flight,
    Manifest,
    ManifestRow,
    flight_from,
    flight_json,
    load_flight,
    manifest_json,
    previous_rows,
    read_manifest,
    row_from,
    update_entry,
)
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork

__all__ = [
    "BuildCounts",
    "Flight",
    "Manifest",
    "ManifestRow",
    "add_flight",
    "board",
    "build_manifest",
    "flight_json",
    "get_flight",
    "issue_boarding_notices",
    "list_flights",
    "manifest",
    "manifest_json",
    "move",
    "print_manifest",
    "removed",
    "update_flight",
]

MAX_SEATS = 10_000


MAX_TEXT = 200
# Flights whose manifest can still change (moves, boarding); a build needs an open one.
_ACTIVE = (FlightStatus.OPEN, FlightStatus.CLOSED)


# --- flights ------------------------------------------------------------------------------------------


def _text_field(name: str, value: object, *, required: bool = True) -> str:
    cleaned = " ".join(str(value if value is not None else "").split())
    if required and not cleaned:
        raise ValidationError(name, Msg("evac.required"))
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(name, Msg("evac.too_long", max=MAX_TEXT))
    return cleaned


def _departs(value: object) -> str:
    raw = str(value or "").strip()
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise ValidationError("departs_at", Msg("evac.bad_departs", value=raw)) from None
    if len(raw) <= 10:  # a date alone: a departure needs its time
        raise ValidationError("departs_at", Msg("evac.bad_departs", value=raw))
    return when.isoformat(timespec="minutes")


def _seats(value: object) -> int:
    try:
        seats = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ValidationError("seats", Msg("evac.bad_seats", value=str(value))) from None
    if isinstance(value, bool) or not 0 < seats <= MAX_SEATS:
        raise ValidationError("seats", Msg("evac.bad_seats", value=str(value)))
    return seats


def _clean(changes: Mapping[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in changes.items():
        if name == "kind":
            out[name] = parse_choice(TransportKind, str(value), field="kind").value
        elif name == "status":
            out[name] = parse_choice(FlightStatus, str(value), field="status").value
        elif name == "seats":
            out[name] = _seats(value)
        elif name == "departs_at":
            out[name] = _departs(value)
        elif name in FLIGHT_FIELDS:
            out[name] = _text_field(name, value)
        else:
            raise ValidationError(name, Msg("evac.not_a_field", fields=", ".join(FLIGHT_FIELDS)))
    return out


def add_flight(
    session: Session,
    *,
    kind: str = "flight",
    carrier: str,
    number: str,
    origin: str,
    destination: str,
    departs_at: str,
    seats: int,
    assembly_point: str,
) -> Flight:
    """Add a flight (or a bus, ``kind="bus"``) with an empty manifest."""
    session.require(Action.EVAC_MANAGE)
    values = _clean(
        {
            "kind": kind,
            "carrier": carrier,
            "number": number,
            "origin": origin,
            "destination": destination,
            "departs_at": departs_at,
            "seats": seats,
            "assembly_point": assembly_point,
        }
    )
    flight_id = uuid7()
    with session.write(Action.EVAC_MANAGE) as uow:
        fields = {
            **values,
            "status": FlightStatus.OPEN.value,
            "created_at": uow.now,
            "created_by": uow.user.id,
        }
        uow.conn.execute(
            text(
                "INSERT INTO flights(id, kind, carrier, number, origin, destination, departs_at, seats,"
                " assembly_point, status, created_at, created_by, updated_at, version) VALUES (:id, :kind,"
                " :carrier, :number, :origin, :destination, :departs_at, :seats, :assembly_point, :status,"
                " :created_at, :created_by, :created_at, 1)"
            ),
            {"id": flight_id, **fields},
        )
        uow.change("flight", flight_id, "create", fields)
        uow.audit("evac.flight_add", entity="flight", entity_id=flight_id, details={"seats": values["seats"]})
    return get_flight(session, flight_id)


def update_flight(session: Session, flight_id: str, **changes: object) -> Flight:
    """Change a flight's details or status. Fewer seats than people holding one (checked in or boarded)
    are refused; fewer seats than passengers rebuild the manifest at once so seats are never exceeded."""
    session.require(Action.EVAC_MANAGE)
    values = _clean(changes)
    with session.write(Action.EVAC_MANAGE) as uow:
        current = load_flight(uow.conn, flight_id)
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if "seats" in changed:
            holding = _holding(uow.conn, flight_id)
            if int(str(changed["seats"])) < holding:
                raise ValidationError("seats", Msg("evac.seats_below_holding", holding=holding))
        if changed:
            sets = ", ".join(f"{k} = :{k}" for k in changed)
            uow.conn.execute(
                text(f"UPDATE flights SET {sets}, updated_at = :now, version = version + 1 WHERE id = :id"),
                {**changed, "now": uow.now, "id": flight_id},
            )
            uow.change("flight", flight_id, "update", changed)
        uow.audit(
            "evac.flight_update", entity="flight", entity_id=flight_id, details={"fields": sorted(changed)}
        )
        flight = load_flight(uow.conn, flight_id)
        if flight.passengers > flight.seats:
            build(uow, flight)
    return get_flight(session, flight_id)


def _holding(conn: Connection, flight_id: str) -> int:
    return int(
        conn.execute(
            text(
                "SELECT count(*) FROM manifest_entries WHERE flight_id = :f AND list = 'passenger'"
                " AND status IN ('checked_in', 'boarded')"
            ),
            {"f": flight_id},
        ).scalar_one()
    )


def list_flights(session: Session) -> list[Flight]:
    """Every flight and bus, soonest departure first."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.execute(text(f"{FLIGHT_SELECT} ORDER BY f.departs_at, f.id")).all()
    return [flight_from(tuple(r)) for r in rows]


def get_flight(session: Session, flight_id: str) -> Flight:
    """One flight by id."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return load_flight(conn, flight_id)


# --- building the manifest ----------------------------------------------------------------------------
def build_manifest(session: Session, flight_id: str) -> Manifest:
    """Build (or rebuild) a flight's manifest from today's candidates (see the module's rules)."""
    session.require(Action.EVAC_MANAGE)
    with session.write(Action.EVAC_MANAGE) as uow:
        flight = load_flight(uow.conn, flight_id)
        if flight.status is not FlightStatus.OPEN:
            raise ValidationError("flight", Msg("evac.flight_not_open", status=flight.status.value))
        build(uow, flight)
    return manifest(session, flight_id)


# --- reading ------------------------------------------------------------------------------------------


def manifest(session: Session, flight_id: str) -> Manifest:
    """A flight's passengers and waiting list, each in order."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return read_manifest(conn, flight_id)


def removed(session: Session, flight_id: str) -> list[ManifestRow]:
    """The people taken off a flight's manifest (by a person, or no longer candidates)."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        load_flight(conn, flight_id)
        rows = conn.execute(
            text(f"{ROW_SELECT} WHERE e.flight_id = :f AND e.list = 'removed' ORDER BY e.id"),
            {"f": flight_id},
        ).all()
    return [row_from(tuple(r)) for r in rows]


# --- moving people by hand ----------------------------------------------------------------------------


def move(
    session: Session,
    flight_id: str,
    citizen_id: str,
    to: ManifestList | str,
    *,
    split_household: bool = False,
) -> Manifest:
    """Move a person, with their household, to the passenger list, the waiting list or off the manifest.

    ``split_household`` moves this person alone and marks them as set apart (``split_override``): later
    builds place them on their own. Onto the passenger list only if the seats allow it; nobody who has
    boarded is taken off. Someone taken off stays off on a rebuild until moved back.
    """
    target = to if isinstance(to, ManifestList) else parse_choice(ManifestList, str(to), field="to")
    session.require(Action.EVAC_MANAGE)
    with session.write(Action.EVAC_MANAGE) as uow:
        conn = uow.conn
        flight = load_flight(conn, flight_id)
        if flight.status not in _ACTIVE:
            raise ValidationError("flight", Msg("evac.flight_not_open", status=flight.status.value))
        kept = previous_rows(conn, flight_id)
        person = kept.get(citizen_id)
        if person is None:
            raise NotFoundError(Msg("evac.not_on_manifest", id=citizen_id, flight=flight_id))
        group = [citizen_id]
        if not split_household and not person.split_override and person.household_id:
            group = sorted(
                cid
                for cid, k in kept.items()
                if k.household_id == person.household_id
                and not k.split_override
                and (k.list is not ManifestList.REMOVED or cid == citizen_id)
            )
        if target is not ManifestList.PASSENGER and any(
            kept[cid].status is PassengerStatus.BOARDED for cid in group
        ):
            raise ValidationError("to", Msg("evac.already_boarded"))
        moving = [cid for cid in group if kept[cid].list is not target]
        if target is ManifestList.PASSENGER:
            free = flight.seats - flight.passengers
            if len(moving) > free:
                raise ValidationError(
                    "seats", Msg("evac.full", seats=flight.seats, free=free, needed=len(moving))
                )
        last = max((k.rank for k in kept.values() if k.list is target), default=0)
        for n, cid in enumerate(moving, start=1):
            changed: dict[str, Any] = {
                "list": target.value,
                "rank": 0 if target is ManifestList.REMOVED else last + n,
            }
            if target is not ManifestList.PASSENGER and kept[cid].status is not PassengerStatus.CONFIRMED:
                changed["status"] = PassengerStatus.CONFIRMED.value
            if split_household and cid == citizen_id and not kept[cid].split_override:
                changed["split_override"] = 1
            update_entry(uow, flight_id, cid, changed)
        if split_household and not moving and not person.split_override:
            update_entry(uow, flight_id, citizen_id, {"split_override": 1})
        uow.audit(
            "evac.move",
            entity="flight",
            entity_id=flight_id,
            details={"to": target.value, "count": len(moving), "split": split_household},
        )
        return read_manifest(conn, flight_id)


# --- boarding -----------------------------------------------------------------------------------------


def board(session: Session, flight_id: str, citizen_id: str, status: PassengerStatus | str) -> ManifestRow:
    """Record a passenger's check-in, boarding or no-show (any staff member)."""
    new = (
        status
        if isinstance(status, PassengerStatus)
        else parse_choice(PassengerStatus, str(status), field="status")
    )
    session.require(Action.EVAC_BOARD)
    with session.write(Action.EVAC_BOARD) as uow:
        flight = load_flight(uow.conn, flight_id)
        if flight.status not in _ACTIVE:
            raise ValidationError("flight", Msg("evac.flight_not_open", status=flight.status.value))
        entry = previous_rows(uow.conn, flight_id).get(citizen_id)
        if entry is None or entry.list is not ManifestList.PASSENGER:
            raise ValidationError("citizen", Msg("evac.not_a_passenger", id=citizen_id))
        if entry.status is not new:
            update_entry(uow, flight_id, citizen_id, {"status": new.value})
            if new is PassengerStatus.BOARDED:
                _mark_evacuated(uow, citizen_id)
        uow.audit(
            "evac.board",
            entity="manifest_entry",
            entity_id=pair_id(flight_id, citizen_id),
            details={"status": new.value},
        )
        row = uow.conn.execute(
            text(f"{ROW_SELECT} WHERE e.id = :id"), {"id": pair_id(flight_id, citizen_id)}
        ).one()
    return row_from(tuple(row))


def _mark_evacuated(uow: UnitOfWork, citizen_id: str) -> None:
    """A boarded passenger's welfare becomes "evacuated": the dashboard, the campaigns and the
    situation report count them so, and HQ sees it after the next sync."""
    welfare = {
        "welfare_status": WelfareStatus.EVACUATED.value,
        "welfare_checked_at": uow.now,
        "welfare_checked_by": uow.user.id,
    }
    uow.conn.exec_driver_sql(
        "UPDATE citizens SET welfare_status = ?, welfare_checked_at = ?, welfare_checked_by = ? WHERE id = ?",
        (*welfare.values(), citizen_id),
    )
    uow.change("citizen", citizen_id, "update", welfare)


# --- documents (services/evacuation_documents.py) -----------------------------------------------------


def export_manifest_csv(session: Session, flight_id: str, path: Path) -> int:
    """Write the passenger list as the carriers' CSV (private file); returns the rows written."""
    from embassy_desk.services import evacuation_documents

    return evacuation_documents.export_manifest_csv(session, flight_id, path)


def print_manifest(session: Session, flight_id: str, path: Path, *, language: str = "en") -> int:
    """Write the manifest as a PDF (passengers, then the waiting list); returns the pages."""
    from embassy_desk.services import evacuation_documents

    return evacuation_documents.print_manifest(session, flight_id, path, language=language)


def issue_boarding_notices(session: Session, flight_id: str, path: Path, *, languages: Sequence[str]) -> int:
    """Issue one ``evacuation-boarding`` notice per passenger into one PDF; returns the notices."""
    from embassy_desk.services import evacuation_documents

    return evacuation_documents.issue_boarding_notices(session, flight_id, path, languages=languages)
