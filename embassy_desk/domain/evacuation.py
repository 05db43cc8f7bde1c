"""Filling an evacuation flight: who gets a seat, in what order, and who waits (pure rules, no storage).

The stated order, first to last (``EvacPriority``):

1. **medical**: a person with a medical need (vulnerability ``medical`` or ``mobility``);
2. **pregnant**: vulnerability ``pregnancy``;
3. **children with their families**: a person under 18 on the travel date (or marked ``minor``);
4. **the elderly**: 65 or older on the travel date (or marked ``elderly``);
5. **others**.

A household travels together: its priority is its most urgent member's, and it is seated whole or waits
whole. A member a person has set apart (``split_override``) is placed on their own, with their own
priority. Between households of the same priority, the one whose need was recorded first goes first
(``since``: when the case was opened or the call recorded), then by household (or person) id so the
order never depends on chance.

Seats are never exceeded. Households are taken in order; one that does not fit in the seats left waits,
and a smaller household later in the order may still take the seats that remain (so no seat stays empty
while someone who fits waits). The waiting list keeps the same order.

People already checked in or boarded keep their seats on a rebuild; the rest of their household joins them
if it fits, otherwise the rest waits (boarding already split that household). People a person took off
the manifest stay off. Passports are checked against the travel date: no number or no expiry date
→ ``PassportFlag.MISSING``; an expiry on or before the travel date → ``PassportFlag.EXPIRED``. A flag
never drops anyone: the person keeps their place in the order and is shown flagged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from embassy_desk.domain.enums import EvacPriority, ManifestList, PassengerStatus, PassportFlag

__all__ = [
    "CHILD_UNDER",
    "ELDERLY_FROM",
    "FLIGHT_FIELDS",
    "PRIORITY_ORDER",
    "Allocation",
    "Candidate",
    "Placement",
    "Previous",
    "age_on",
    "allocate",
    "passport_flag",
    "person_priority",
]

CHILD_UNDER = 18  # a child: younger than this on the travel date
ELDERLY_FROM = 65  # the elderly: this age or older on the travel date
PRIORITY_ORDER: tuple[EvacPriority, ...] = tuple(EvacPriority)  # medical first, others last
_RANK = {p: n for n, p in enumerate(PRIORITY_ORDER)}
# Statuses that hold a seat whatever a rebuild decides.
KEEPS_SEAT = frozenset({PassengerStatus.CHECKED_IN, PassengerStatus.BOARDED})


# A flight's fields a person sets (services/evacuation.py); the synced record adds who made it when.
FLIGHT_FIELDS = (
    "kind",
    "carrier",
    "number",
    "origin",
    "destination",
    "departs_at",
    "seats",
    "assembly_point",
    "status",
)


@dataclass(frozen=True)
class Previous:
    """What the manifest said about a person before this build."""

    list: ManifestList
    status: PassengerStatus = PassengerStatus.CONFIRMED
    split_override: bool = False
    removed_by_person: bool = False  # list REMOVED because a person took them off (kept off)


@dataclass(frozen=True)
class Candidate:
    """A person who may travel, with what the rules read."""

    citizen_id: str
    household_id: str | None = None
    birth_date: date | None = None
    vulnerabilities: frozenset[str] = frozenset()
    sex: str = ""
    passport_number: str | None = None
    passport_expiry: date | None = None
    since: str = ""  # when their need was recorded (ISO text; "" when only family of someone who asked)
    previous: Previous | None = None

    @property
    def split(self) -> bool:
        return self.previous is not None and self.previous.split_override

    @property
    def keeps_seat(self) -> bool:
        p = self.previous
        return p is not None and p.list is ManifestList.PASSENGER and p.status in KEEPS_SEAT

    @property
    def kept_off(self) -> bool:
        p = self.previous
        return p is not None and p.list is ManifestList.REMOVED and p.removed_by_person


@dataclass(frozen=True)
class Placement:
    """Where the build put one person."""

    citizen_id: str
    household_id: str | None
    list: ManifestList
    rank: int  # 1-based place in its list (0 for people taken off by a person)
    priority: EvacPriority  # of their unit: the household's most urgent member's, or their own if split
    status: PassengerStatus
    passport_flag: PassportFlag | None
    split_override: bool


@dataclass(frozen=True)
class Allocation:
    """The result: passengers and the waiting list in order, and the people kept off."""

    passengers: list[Placement] = field(default_factory=list)
    waiting: list[Placement] = field(default_factory=list)
    removed: list[Placement] = field(default_factory=list)

    def all(self) -> list[Placement]:
        return [*self.passengers, *self.waiting, *self.removed]


def age_on(birth: date, day: date) -> int:
    """Completed years on ``day`` (someone born on 29 February turns a year older on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def person_priority(candidate: Candidate, travel: date) -> EvacPriority:
    """One person's own priority on the travel date (see the module's stated order)."""
    tags = candidate.vulnerabilities
    if "medical" in tags or "mobility" in tags:
        return EvacPriority.MEDICAL
    if "pregnancy" in tags:
        return EvacPriority.PREGNANT
    age = age_on(candidate.birth_date, travel) if candidate.birth_date else None
    if "minor" in tags or (age is not None and age < CHILD_UNDER):
        return EvacPriority.CHILD_FAMILY
    if "elderly" in tags or (age is not None and age >= ELDERLY_FROM):
        return EvacPriority.ELDERLY
    return EvacPriority.OTHER


def passport_flag(number: str | None, expiry: date | None, travel: date) -> PassportFlag | None:
    """MISSING without a number or an expiry date; EXPIRED if it expires on or before ``travel``."""
    if not (number or "").strip() or expiry is None:
        return PassportFlag.MISSING
    if expiry <= travel:
        return PassportFlag.EXPIRED
    return None


@dataclass
class _Unit:
    key: str
    members: list[Candidate]
    priority: EvacPriority
    since: str
    split: bool

    def order_key(self) -> tuple[int, int, str, str]:
        # A recorded need before family members only (since ""), then oldest need, then id.
        return (_RANK[self.priority], 0 if self.since else 1, self.since, self.key)


def _units(candidates: Iterable[Candidate], travel: date) -> list[_Unit]:
    households: dict[str, list[Candidate]] = {}
    alone: list[Candidate] = []
    for c in candidates:
        if c.household_id and not c.split:
            households.setdefault(c.household_id, []).append(c)
        else:
            alone.append(c)
    units = []
    for key, members in households.items():
        units.append(_make_unit(f"h:{key}", members, travel, split=False))
    for c in alone:
        units.append(_make_unit(f"p:{c.citizen_id}", [c], travel, split=c.split))
    units.sort(key=_Unit.order_key)
    return units


def _make_unit(key: str, members: list[Candidate], travel: date, *, split: bool) -> _Unit:
    members = sorted(members, key=lambda c: (c.birth_date or date.max, c.citizen_id))
    priority = min((person_priority(c, travel) for c in members), key=_RANK.__getitem__)
    stamps = [c.since for c in members if c.since]
    return _Unit(key, members, priority, min(stamps) if stamps else "", split)


def allocate(candidates: Sequence[Candidate], seats: int, travel: date) -> Allocation:
    """Seat ``candidates`` on a flight of ``seats`` departing on ``travel`` (see the module's rules).

    Every candidate appears exactly once in the result. Raises ``ValueError`` if more people already
    hold a seat (checked in or boarded) than there are seats, or if a citizen id repeats.
    """
    if seats < 0:
        raise ValueError("seats must not be negative")
    ids = [c.citizen_id for c in candidates]
    if len(set(ids)) != len(ids):
        raise ValueError("a candidate is listed twice")
    holding = sum(1 for c in candidates if c.keeps_seat)
    if holding > seats:
        raise ValueError(f"{holding} people hold a seat but the flight has {seats}")
    kept_off = [c for c in candidates if c.kept_off and not c.keeps_seat]
    units = _units((c for c in candidates if not (c.kept_off and not c.keeps_seat)), travel)

    # Seats held by people already checked in or boarded are taken before anyone else is placed.
    free = seats - holding
    seated: dict[str, bool] = {}  # unit key -> whole unit seated
    for unit in units:
        holders = sum(1 for c in unit.members if c.keeps_seat)
        if not holders:
            continue
        rest = len(unit.members) - holders
        if rest <= free:
            free -= rest
            seated[unit.key] = True
        else:
            seated[unit.key] = False  # the holders stay; the rest of the household waits
    for unit in units:
        if unit.key in seated:
            continue
        size = len(unit.members)
        if size <= free:
            free -= size
            seated[unit.key] = True
        else:
            seated[unit.key] = False

    result = Allocation()
    for unit in units:
        for c in unit.members:
            on_board = seated[unit.key] or c.keeps_seat
            target = result.passengers if on_board else result.waiting
            previous = c.previous
            # A passenger status (checked in, no-show) stays with a seat; a waiting person is confirmed.
            status = PassengerStatus.CONFIRMED
            if previous is not None and previous.list is ManifestList.PASSENGER and on_board:
                status = previous.status
            target.append(
                Placement(
                    citizen_id=c.citizen_id,
                    household_id=c.household_id,
                    list=ManifestList.PASSENGER if on_board else ManifestList.WAITING,
                    rank=len(target) + 1,
                    priority=unit.priority,
                    status=status,
                    passport_flag=passport_flag(c.passport_number, c.passport_expiry, travel),
                    split_override=c.split,
                )
            )
    for c in sorted(kept_off, key=lambda c: c.citizen_id):
        own = person_priority(c, travel)
        result.removed.append(
            Placement(
                citizen_id=c.citizen_id,
                household_id=c.household_id,
                list=ManifestList.REMOVED,
                rank=0,
                priority=own,
                status=c.previous.status if c.previous else PassengerStatus.CONFIRMED,
                passport_flag=passport_flag(c.passport_number, c.passport_expiry, travel),
                split_override=c.split,
            )
        )
    return result
