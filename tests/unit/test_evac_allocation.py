"""The manifest allocation (domain/evacuation.py): worked examples and properties over random posts."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain.enums import EvacPriority, ManifestList, PassengerStatus, PassportFlag
from embassy_desk.domain.evacuation import (
    PRIORITY_ORDER,
    Allocation,
    Candidate,
    Placement,
    Previous,
    allocate,
    passport_flag,
    person_priority,
)

TRAVEL = date(2026, 12, 2)
RANK = {p: n for n, p in enumerate(PRIORITY_ORDER)}


def person(cid: str, **kw: object) -> Candidate:
    base: dict[str, object] = {
        "birth_date": date(1990, 1, 1),
        "passport_number": "N1",
        "passport_expiry": date(2030, 1, 1),
    }
    base.update(kw)
    return Candidate(citizen_id=cid, **base)  # type: ignore[arg-type]


# --- worked examples ----------------------------------------------------------------------------------


def test_priorities_of_one_person_on_the_travel_date() -> None:
    assert (
        person_priority(person("a", vulnerabilities=frozenset({"medical"})), TRAVEL) is EvacPriority.MEDICAL
    )
    assert (
        person_priority(person("a", vulnerabilities=frozenset({"mobility"})), TRAVEL) is EvacPriority.MEDICAL
    )
    assert (
        person_priority(person("a", vulnerabilities=frozenset({"pregnancy"})), TRAVEL)
        is EvacPriority.PREGNANT
    )
    # 18 the day after the flight: still a child; 65 on the day: elderly.
    assert person_priority(person("a", birth_date=date(2008, 12, 3)), TRAVEL) is EvacPriority.CHILD_FAMILY
    assert person_priority(person("a", birth_date=date(2008, 12, 2)), TRAVEL) is EvacPriority.OTHER
    assert person_priority(person("a", birth_date=date(1961, 12, 2)), TRAVEL) is EvacPriority.ELDERLY
    assert person_priority(person("a", birth_date=date(1961, 12, 3)), TRAVEL) is EvacPriority.OTHER
    assert person_priority(person("a", birth_date=None), TRAVEL) is EvacPriority.OTHER


def test_passport_flags() -> None:
    assert passport_flag("N1", date(2026, 12, 2), TRAVEL) is PassportFlag.EXPIRED
    assert passport_flag("N1", date(2026, 12, 3), TRAVEL) is None
    assert passport_flag("", date(2030, 1, 1), TRAVEL) is PassportFlag.MISSING
    assert passport_flag("N1", None, TRAVEL) is PassportFlag.MISSING


def test_a_family_with_a_child_goes_before_an_elderly_man_and_a_big_family_waits() -> None:
    people = [
        person("old", birth_date=date(1950, 1, 1)),
        person("mum", household_id="h1"),
        person("kid", household_id="h1", birth_date=date(2020, 1, 1)),
        person("sick", household_id="h2", vulnerabilities=frozenset({"medical"})),
        person("sick2", household_id="h2"),
        person("sick3", household_id="h2"),
    ]
    result = allocate(people, 3, TRAVEL)
    # h2 (medical) comes first and takes all three seats.
    assert [p.citizen_id for p in result.passengers] == ["sick", "sick2", "sick3"]
    assert [p.citizen_id for p in result.waiting] == ["mum", "kid", "old"]
    result = allocate(people, 2, TRAVEL)
    # h2 does not fit two seats: it waits at the head of the list and the family with the child boards.
    assert [p.citizen_id for p in result.passengers] == ["mum", "kid"]
    assert [p.citizen_id for p in result.waiting] == ["sick", "sick2", "sick3", "old"]
    assert [p.rank for p in result.waiting] == [1, 2, 3, 4]


def test_an_earlier_request_goes_first_within_a_priority() -> None:
    result = allocate([person("late", since="2026-11-02"), person("early", since="2026-11-01")], 1, TRAVEL)
    assert [p.citizen_id for p in result.passengers] == ["early"]


def test_a_boarded_person_keeps_the_seat_and_a_removed_one_stays_off() -> None:
    boarded = person("b", previous=Previous(ManifestList.PASSENGER, PassengerStatus.BOARDED))
    off = person(
        "o",
        vulnerabilities=frozenset({"medical"}),
        previous=Previous(ManifestList.REMOVED, removed_by_person=True),
    )
    urgent = person("u", vulnerabilities=frozenset({"medical"}))
    result = allocate([boarded, off, urgent], 1, TRAVEL)
    assert [(p.citizen_id, p.status) for p in result.passengers] == [("b", PassengerStatus.BOARDED)]
    assert [p.citizen_id for p in result.waiting] == ["u"]
    assert [(p.citizen_id, p.rank) for p in result.removed] == [("o", 0)]


# --- properties ---------------------------------------------------------------------------------------

# Around the age limits and the travel date, where the rules turn.
_BIRTHS = (
    None,
    date(1950, 1, 1),
    date(1961, 12, 2),
    date(1961, 12, 3),
    date(1990, 5, 5),
    date(2008, 12, 2),
    date(2008, 12, 3),
    date(2020, 1, 1),
)
_EXPIRIES = (None, date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 3), date(2030, 1, 1))
_VULNS = st.frozensets(st.sampled_from(["medical", "mobility", "pregnancy", "minor", "elderly"]), max_size=2)


@st.composite
def posts(draw: st.DrawFn) -> tuple[list[Candidate], int]:
    n = draw(st.integers(0, 20))
    people = []
    for i in range(n):
        household = draw(st.one_of(st.none(), st.sampled_from(["h1", "h2", "h3", "h4", "h5", "h6"])))
        split = household is not None and draw(st.booleans()) and draw(st.booleans())
        removed = draw(st.integers(0, 9)) == 0
        holds = draw(st.integers(0, 9)) == 0
        previous = None
        if removed:
            previous = Previous(ManifestList.REMOVED, removed_by_person=True, split_override=split)
        elif holds:
            previous = Previous(ManifestList.PASSENGER, PassengerStatus.CHECKED_IN, split_override=split)
        elif split:
            previous = Previous(ManifestList.WAITING, split_override=True)
        people.append(
            Candidate(
                citizen_id=f"c{i:02d}",
                household_id=household,
                birth_date=draw(st.sampled_from(_BIRTHS)),
                vulnerabilities=draw(_VULNS),
                passport_number=draw(st.sampled_from([None, "", "N123"])),
                passport_expiry=draw(st.sampled_from(_EXPIRIES)),
                since=draw(st.sampled_from(["", "2026-11-01", "2026-11-02"])),
                previous=previous,
            )
        )
    holding = sum(1 for c in people if c.keeps_seat)
    seats = draw(st.integers(holding, holding + 25))
    return people, seats


def _units(result: Allocation, by_id: dict[str, Candidate]) -> dict[str, list[Placement]]:
    units: dict[str, list[Placement]] = {}
    for p in [*result.passengers, *result.waiting]:
        c = by_id[p.citizen_id]
        key = f"h:{c.household_id}" if c.household_id and not c.split else f"p:{c.citizen_id}"
        units.setdefault(key, []).append(p)
    return units


@settings(max_examples=100, deadline=None)
@given(posts())
def test_seats_never_exceeded_and_everyone_exactly_once(post: tuple[list[Candidate], int]) -> None:
    people, seats = post
    result = allocate(people, seats, TRAVEL)
    assert len(result.passengers) <= seats
    placed = [p.citizen_id for p in result.all()]
    assert sorted(placed) == sorted(c.citizen_id for c in people)
    assert [p.rank for p in result.passengers] == list(range(1, len(result.passengers) + 1))
    assert [p.rank for p in result.waiting] == list(range(1, len(result.waiting) + 1))


@settings(max_examples=100, deadline=None)
@given(posts())
def test_households_whole_unless_split_or_already_boarding(post: tuple[list[Candidate], int]) -> None:
    people, seats = post
    by_id = {c.citizen_id: c for c in people}
    result = allocate(people, seats, TRAVEL)
    for members in _units(result, by_id).values():
        lists = {p.list for p in members}
        holders = [p for p in members if by_id[p.citizen_id].keeps_seat]
        if len(lists) > 1:
            # Only a household some of whose members already hold a seat may be split, and then only
            # the holders are seated.
            assert holders
            assert {p.citizen_id for p in members if p.list is ManifestList.PASSENGER} == {
                p.citizen_id for p in holders
            }
        assert len({p.priority for p in members}) == 1


@settings(max_examples=100, deadline=None)
@given(posts())
def test_order_respected_and_no_fitting_unit_waits(post: tuple[list[Candidate], int]) -> None:
    people, seats = post
    by_id = {c.citizen_id: c for c in people}
    result = allocate(people, seats, TRAVEL)
    free = seats - len(result.passengers)
    for members in _units(result, by_id).values():
        waiting = [p for p in members if p.list is ManifestList.WAITING]
        if waiting and not any(by_id[p.citizen_id].keeps_seat for p in members):
            assert len(waiting) > free  # it did not fit, even in the seats left at the end
    for listed in (result.passengers, result.waiting):
        priorities = [RANK[p.priority] for p in listed]
        assert priorities == sorted(priorities)  # each list in the stated order
    # A unit's priority is its most urgent member's own priority.
    for members in _units(result, by_id).values():
        own = min(RANK[person_priority(by_id[p.citizen_id], TRAVEL)] for p in members)
        assert RANK[members[0].priority] == own


@settings(max_examples=100, deadline=None)
@given(posts())
def test_flags_are_the_passport_rule_and_nobody_is_dropped_for_them(
    post: tuple[list[Candidate], int],
) -> None:
    people, seats = post
    by_id = {c.citizen_id: c for c in people}
    result = allocate(people, seats, TRAVEL)
    for p in result.all():
        c = by_id[p.citizen_id]
        expected = None
        if not c.passport_number or c.passport_expiry is None:
            expected = PassportFlag.MISSING
        elif c.passport_expiry <= TRAVEL:
            expected = PassportFlag.EXPIRED
        assert p.passport_flag is expected
    # Flags change nothing about who sits where.
    unflagged = [
        Candidate(**{**c.__dict__, "passport_number": "N1", "passport_expiry": date(2030, 1, 1)})
        for c in people
    ]
    again = allocate(unflagged, seats, TRAVEL)
    assert [p.citizen_id for p in again.passengers] == [p.citizen_id for p in result.passengers]
    assert [p.citizen_id for p in again.waiting] == [p.citizen_id for p in result.waiting]
