"""The evacuation service on a real workstation: candidates, the stated order, households kept whole,
overrides, passport flags, seats, the waiting list, rebuilds that keep boarded people, synced rows and
roles."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

import pytest
from sqlalchemy import text

from embassy_desk.domain.enums import (
    EvacPriority,
    ManifestList,
    PassengerStatus,
    PassportFlag,
    Role,
)
from embassy_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from embassy_desk.services import cases, evacuation, registry
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

DEPARTS = "2026-12-02T06:30"
_numbers = itertools.count(10_000_001)


def person(session: Session, **fields: object) -> str:
    """A synthetic citizen with a valid passport unless told otherwise; returns the id."""
    n = next(_numbers)
    tail = str(n)[-4:]
    data: dict[str, object] = {
        "surname": "Тестов" + tail.translate(str.maketrans("0123456789", "абвгдежзик")),
        "given_names": "Ерлан",
        "surname_latin": "TESTOV" + tail.translate(str.maketrans("0123456789", "ABCDEFGHIK")),
        "given_names_latin": "ERLAN",
        "sex": "M",
        "birth_date": "1990-01-01",
        "passport_number": f"N{n:08d}"[:9],
        "passport_expiry_date": "2030-01-01",
        "region": "Seoul",
    }
    data.update(fields)
    return registry.register_citizen(session, data, allow_duplicate=True).id


def ask(session: Session, citizen_id: str) -> None:
    cases.open_case(session, citizen_id, kind="evacuation", summary="evacuation requested")


def flight(session: Session, seats: int) -> str:
    return evacuation.add_flight(
        session,
        carrier="Air Astana",
        number="KC 910",
        origin="ICN",
        destination="ALA",
        departs_at=DEPARTS,
        seats=seats,
        assembly_point="Embassy yard, 1 Example-ro",
    ).id


def ids(rows: list[evacuation.ManifestRow]) -> list[str]:
    return [r.citizen_id for r in rows]


def test_the_stated_order_medical_pregnant_children_elderly_others(admin: Session) -> None:
    other = person(admin)
    elderly = person(admin, birth_date="1950-05-05")
    child = person(admin, birth_date="2015-05-05")
    pregnant = person(admin, sex="F", vulnerabilities="pregnancy")
    medical = person(admin, vulnerabilities="medical")
    for cid in (other, elderly, child, pregnant, medical):
        ask(admin, cid)
    m = evacuation.build_manifest(admin, flight(admin, 10))
    assert ids(m.passengers) == [medical, pregnant, child, elderly, other]
    assert [r.priority for r in m.passengers] == list(EvacPriority)
    assert [r.rank for r in m.passengers] == [1, 2, 3, 4, 5]
    assert m.waiting == []


def test_households_travel_whole_with_their_most_urgent_members_priority(admin: Session) -> None:
    # The parent asked; the child (not asked) brings the family up to "children with their families".
    parent = person(admin, household="Family A")
    kid = person(admin, household="Family A", birth_date="2018-01-01")
    loner = person(admin, birth_date="1940-01-01")
    ask(admin, parent)
    ask(admin, loner)
    m = evacuation.build_manifest(admin, flight(admin, 3))
    assert ids(m.passengers) == [parent, kid, loner]
    assert {r.priority for r in m.passengers[:2]} == {EvacPriority.CHILD_FAMILY}
    assert m.passengers[0].household_id == m.passengers[1].household_id is not None


def test_a_household_that_does_not_fit_waits_whole_and_a_smaller_one_takes_the_seats(admin: Session) -> None:
    family = [
        person(admin, household="Big family", vulnerabilities="medical" if i == 0 else None) for i in range(3)
    ]
    single = person(admin)
    ask(admin, family[0])
    ask(admin, single)
    m = evacuation.build_manifest(admin, flight(admin, 2))
    assert ids(m.passengers) == [single]
    assert sorted(ids(m.waiting)) == sorted(family)
    assert all(r.priority is EvacPriority.MEDICAL for r in m.waiting)


def test_seats_are_never_exceeded_and_the_waiting_list_keeps_the_order(admin: Session) -> None:
    people = [person(admin, birth_date=f"19{40 + i}-01-01") for i in range(6)]
    for cid in people:
        ask(admin, cid)
    fid = flight(admin, 4)
    m = evacuation.build_manifest(admin, fid)
    assert len(m.passengers) == 4
    assert len(m.waiting) == 2
    assert [r.rank for r in m.waiting] == [1, 2]
    got = evacuation.get_flight(admin, fid)
    assert (got.passengers, got.waiting, got.seats) == (4, 2, 4)
    with pytest.raises(ValidationError) as caught:
        evacuation.move(admin, fid, m.waiting[0].citizen_id, ManifestList.PASSENGER)
    assert caught.value.field == "seats"


def test_passports_missing_or_expiring_by_the_travel_date_are_flagged_not_dropped(admin: Session) -> None:
    expired = person(admin, passport_expiry_date="2026-12-02")  # on the travel date
    missing = person(admin, passport_number=None, passport_expiry_date=None)
    fine = person(admin, passport_expiry_date="2026-12-03")
    for cid in (expired, missing, fine):
        ask(admin, cid)
    m = evacuation.build_manifest(admin, flight(admin, 5))
    flags = {r.citizen_id: r.passport_flag for r in m.passengers}
    assert flags == {expired: PassportFlag.EXPIRED, missing: PassportFlag.MISSING, fine: None}


def test_candidates_exclude_closed_cases_gone_people_and_other_flights(admin: Session) -> None:
    closed = person(admin)
    ask(admin, closed)
    case_id = cases.list_cases(admin, citizen_id=closed)[0].id
    cases.update_case(admin, case_id, status="closed")
    departed = person(admin, status="departed")
    ask(admin, departed)
    elsewhere = person(admin)
    ask(admin, elsewhere)
    first = flight(admin, 5)
    evacuation.build_manifest(admin, first)
    # The person seated on the first flight is not a candidate for the second; a campaign's
    # "needs help" outcome makes someone a candidate too.
    helped = person(admin)
    with admin.write(Action.EVAC_MANAGE) as uow:  # a campaign target as H1's service writes it
        uow.conn.execute(
            text(
                "INSERT INTO campaign_targets(id, campaign_id, citizen_id, position, state, outcome,"
                " attempts, done_at, updated_at)"
                " VALUES (:id, 'c1', :cid, 1, 'done', 'needs_help', 0, :now, :now)"
            ),
            {"id": f"c1:{helped}", "cid": helped, "now": uow.now},
        )
    second = evacuation.build_manifest(admin, flight(admin, 5))
    on_second = ids(second.passengers)
    assert helped in on_second
    assert elsewhere not in on_second
    assert closed not in on_second and departed not in on_second


def test_split_override_seats_one_member_apart(admin: Session) -> None:
    a = person(admin, household="Split family")
    b = person(admin, household="Split family")
    c = person(admin, household="Split family")
    ask(admin, a)
    fid = flight(admin, 2)
    m = evacuation.build_manifest(admin, fid)
    assert m.passengers == [] and sorted(ids(m.waiting)) == sorted([a, b, c])
    m = evacuation.move(admin, fid, a, ManifestList.PASSENGER, split_household=True)
    assert ids(m.passengers) == [a]
    assert sorted(ids(m.waiting)) == sorted([b, c])
    # A rebuild keeps the person set apart on their own (and the other two still do not fit).
    m = evacuation.build_manifest(admin, fid)
    assert ids(m.passengers) == [a]
    assert m.passengers[0].split_override


def test_moves_take_the_household_and_a_removal_sticks_across_rebuilds(admin: Session) -> None:
    a = person(admin, household="Moving family")
    b = person(admin, household="Moving family")
    solo = person(admin)
    ask(admin, a)
    ask(admin, solo)
    fid = flight(admin, 5)
    evacuation.build_manifest(admin, fid)
    m = evacuation.move(admin, fid, a, "waiting")
    assert sorted(ids(m.waiting)) == sorted([a, b])
    m = evacuation.move(admin, fid, solo, ManifestList.REMOVED)
    assert solo not in ids(m.passengers) + ids(m.waiting)
    m = evacuation.build_manifest(admin, fid)
    assert solo not in ids(m.passengers) + ids(m.waiting)
    assert sorted(ids(m.passengers)) == sorted([a, b])
    assert [r.citizen_id for r in evacuation.removed(admin, fid)] == [solo]
    m = evacuation.move(admin, fid, solo, ManifestList.PASSENGER)
    assert solo in ids(m.passengers)


def test_rebuild_keeps_boarded_people_and_removes_non_candidates(admin: Session) -> None:
    early = person(admin)
    ask(admin, early)
    fid = flight(admin, 2)
    evacuation.build_manifest(admin, fid)
    row = evacuation.board(admin, fid, early, PassengerStatus.BOARDED)
    assert row.status is PassengerStatus.BOARDED
    case_id = cases.list_cases(admin, citizen_id=early)[0].id
    cases.update_case(admin, case_id, status="closed")  # the case is closed once they boarded
    urgent = [person(admin, vulnerabilities="medical") for _ in range(2)]
    for cid in urgent:
        ask(admin, cid)
    m = evacuation.build_manifest(admin, fid)
    assert early in ids(m.passengers)
    assert m.passengers[ids(m.passengers).index(early)].status is PassengerStatus.BOARDED
    assert len(m.passengers) == 2 and len(m.waiting) == 1
    # Someone whose case closes before boarding is taken off (the row stays, list "removed").
    waiting = m.waiting[0].citizen_id
    cases.update_case(admin, cases.list_cases(admin, citizen_id=waiting)[0].id, status="closed")
    m = evacuation.build_manifest(admin, fid)
    assert waiting not in ids(m.passengers) + ids(m.waiting)
    with admin.read() as conn:
        kept = conn.execute(
            text("SELECT list FROM manifest_entries WHERE id = :id"), {"id": f"{fid}:{waiting}"}
        ).scalar_one()
    assert kept == "removed"
    # Boarded people cannot be taken off; seats cannot drop below those holding one.
    with pytest.raises(ValidationError):
        evacuation.move(admin, fid, early, ManifestList.WAITING)
    with pytest.raises(ValidationError) as caught:
        evacuation.update_flight(admin, fid, seats=0)
    assert caught.value.field == "seats"


def test_fewer_seats_rebuild_the_manifest_so_seats_hold(admin: Session) -> None:
    people = [person(admin) for _ in range(4)]
    for cid in people:
        ask(admin, cid)
    fid = flight(admin, 4)
    evacuation.build_manifest(admin, fid)
    f = evacuation.update_flight(admin, fid, seats=3)
    assert (f.seats, f.passengers, f.waiting) == (3, 3, 1)


def test_manifest_rows_are_synced_records_with_pair_ids(admin: Session) -> None:
    cid = person(admin)
    ask(admin, cid)
    fid = flight(admin, 1)
    evacuation.build_manifest(admin, fid)
    evacuation.board(admin, fid, cid, "checked_in")
    with admin.read() as conn:
        entries = conn.execute(
            text(
                "SELECT op, fields FROM change_log WHERE entity = 'manifest_entry' AND record_id = :id"
                " ORDER BY seq"
            ),
            {"id": f"{fid}:{cid}"},
        ).all()
        flight_entry = conn.execute(
            text("SELECT fields FROM change_log WHERE entity = 'flight' AND record_id = :id"), {"id": fid}
        ).scalar_one()
        audit = conn.execute(
            text("SELECT details FROM audit_log WHERE action = 'evac.build' AND entity_id = :id"), {"id": fid}
        ).scalar_one()
    assert [e[0] for e in entries] == ["create", "update"]
    created = json.loads(entries[0][1])
    assert set(created) == set(evacuation_adapter_columns())
    assert json.loads(entries[1][1]) == {"status": "checked_in"}
    assert json.loads(flight_entry)["seats"] == 1
    assert json.loads(audit) == {"passengers": 1, "waiting": 0, "removed": 0, "created": 1, "updated": 0}


def evacuation_adapter_columns() -> tuple[str, ...]:
    import embassy_desk.sync.local_tables  # noqa: F401 - imports the crisis adapters in the right order
    from embassy_desk.sync.local_tables_crisis import ManifestEntryAdapter

    return ManifestEntryAdapter.columns


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"seats": 0}, "seats"),
        ({"seats": "many"}, "seats"),
        ({"departs_at": "tomorrow"}, "departs_at"),
        ({"departs_at": "2026-12-02"}, "departs_at"),
        ({"carrier": "  "}, "carrier"),
        ({"kind": "boat"}, "kind"),
    ],
)
def test_flight_details_are_validated_with_field_names(
    admin: Session, changes: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {
        "carrier": "Air Astana",
        "number": "KC 910",
        "origin": "ICN",
        "destination": "ALA",
        "departs_at": DEPARTS,
        "seats": 10,
        "assembly_point": "Embassy yard",
    }
    values.update(changes)
    with pytest.raises(ValidationError) as caught:
        evacuation.add_flight(admin, **values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_bus_and_the_flight_list(admin: Session) -> None:
    bus = evacuation.add_flight(
        admin,
        kind="bus",
        carrier="Kumho",
        number="B1",
        origin="Seoul",
        destination="Incheon",
        departs_at="2026-12-01T08:00",
        seats=45,
        assembly_point="Embassy",
    )
    flight(admin, 3)
    listed = evacuation.list_flights(admin)
    assert listed[0].id == bus.id and listed[0].kind.value == "bus"
    with pytest.raises(NotFoundError):
        evacuation.get_flight(admin, "nope")


def test_roles_officers_manage_clerks_board_viewers_read(
    admin: Session, session_for: Callable[[Role], Session]
) -> None:
    cid = person(admin)
    ask(admin, cid)
    fid = flight(admin, 2)
    clerk = session_for(Role.CLERK)
    viewer = session_for(Role.VIEWER)
    officer = session_for(Role.OFFICER)
    with pytest.raises(PermissionDeniedError):
        evacuation.build_manifest(clerk, fid)
    with pytest.raises(PermissionDeniedError):
        flight(clerk, 3)
    evacuation.build_manifest(officer, fid)
    assert evacuation.board(clerk, fid, cid, "checked_in").status is PassengerStatus.CHECKED_IN
    with pytest.raises(PermissionDeniedError):
        evacuation.board(viewer, fid, cid, "boarded")
    assert ids(evacuation.manifest(viewer, fid).passengers) == [cid]
    with pytest.raises(PermissionDeniedError):
        evacuation.move(clerk, fid, cid, "waiting")


def test_a_boarded_passenger_is_evacuated_on_the_register_and_for_sync(admin: Session) -> None:
    traveller = person(admin)
    ask(admin, traveller)
    fid = flight(admin, 2)
    evacuation.build_manifest(admin, fid)
    evacuation.board(admin, fid, traveller, PassengerStatus.CHECKED_IN)
    assert registry.get_citizen(admin, traveller).fields["welfare_status"] != "evacuated"
    evacuation.board(admin, fid, traveller, PassengerStatus.BOARDED)
    assert registry.get_citizen(admin, traveller).fields["welfare_status"] == "evacuated"
    with admin.read() as conn:
        fields = conn.execute(
            text("SELECT fields FROM change_log WHERE record_id = :id AND op = 'update' ORDER BY seq DESC"),
            {"id": traveller},
        ).scalar_one()
    assert json.loads(fields)["welfare_status"] == "evacuated"
