"""Welfare campaigns as pure rules: the criteria, who is called first, how a list is split among the
staff on duty, and what each call outcome does (docs/campaigns.md).

Order: people with a recorded vulnerability, children (under 18 on the day) and the elderly (65 or
over) first; then whoever has gone longest without a contact (never contacted first); then by name.
A household is one unit: its members follow their most urgent member and go to one caller.
Split: each unit, in order, goes to the caller with the fewest people so far (ties: the order the
callers were named in), so every list starts with its most urgent people and lists stay balanced.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from embassy_desk.domain.enums import (
    CallOutcome,
    Outcome,
    PurposeOfStay,
    TargetState,
    WelfareStatus,
)
from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.domain.ids import pair_id
from embassy_desk.domain.messages import Msg

CHILD_UNDER = 18
ELDERLY_FROM = 65
#: The no-answer that makes a person unreachable and moves them to the follow-up list.
NO_ANSWER_LIMIT = 3
#: Languages a call can be made in (the standard script exists in each); others are called in Russian.
CALL_LANGUAGES = ("kk", "ru", "en", "ko")
DEFAULT_CALL_LANGUAGE = "ru"


class CampaignClosed(EmbassyDeskError):
    """A closed campaign takes no more outcomes and moves nobody."""

    exit_code = 2


def target_id(campaign_id: str, citizen_id: str) -> str:
    """A campaign target's record id (``domain.ids.pair_id``)."""
    return pair_id(campaign_id, citizen_id)


@dataclass(frozen=True)
class CampaignCriteria:
    """Who a campaign calls. Empty tuples mean "any"; every given criterion must hold."""

    regions: tuple[str, ...] = ()  # ISO 3166-2 codes (KR-11); a person counts if their region is one
    purposes: tuple[PurposeOfStay, ...] = ()
    welfare: tuple[WelfareStatus, ...] = ()
    vulnerable_only: bool = False  # a recorded vulnerability, a child or an elderly person
    not_reached_since: date | None = None  # nobody reached them (a contact with outcome reached) since

    def to_json(self) -> str:
        """The stored (and synced) form: a JSON object with every key."""
        return json.dumps(
            {
                "regions": list(self.regions),
                "purposes": [p.value for p in self.purposes],
                "welfare": [w.value for w in self.welfare],
                "vulnerable_only": self.vulnerable_only,
                "not_reached_since": self.not_reached_since.isoformat() if self.not_reached_since else None,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> CampaignCriteria:
        """Read :meth:`to_json`'s form back; missing keys mean "any" (a record from an older client)."""
        try:
            data: Any = json.loads(text or "{}")
            since = data.get("not_reached_since")
            return cls(
                regions=tuple(str(r) for r in data.get("regions") or ()),
                purposes=tuple(PurposeOfStay(p) for p in data.get("purposes") or ()),
                welfare=tuple(WelfareStatus(w) for w in data.get("welfare") or ()),
                vulnerable_only=bool(data.get("vulnerable_only", False)),
                not_reached_since=date.fromisoformat(since) if since else None,
            )
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValidationError("criteria", Msg("campaign.bad_criteria")) from exc


def parse_outcome(text: str | CallOutcome) -> CallOutcome:
    """A call outcome as typed: ``needs-help``, ``needs_help``, ``Needs help`` all mean NEEDS_HELP."""
    if isinstance(text, CallOutcome):
        return text
    key = "_".join(str(text).strip().casefold().replace("-", " ").replace("_", " ").split())
    try:
        return CallOutcome(key)
    except ValueError:
        choices = ", ".join(o.value.replace("_", "-") for o in CallOutcome)
        raise ValidationError("outcome", Msg("campaign.bad_outcome", value=text, choices=choices)) from None


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class AgeCuts:
    """Birth dates (ISO text) that make someone a child or elderly on a given day."""

    child_after: str  # born after this: under 18
    elderly_by: str  # born on or before this: 65 or over

    @classmethod
    def on(cls, today: date) -> AgeCuts:
        return cls(
            years_before(today, CHILD_UNDER).isoformat(), years_before(today, ELDERLY_FROM).isoformat()
        )

    def is_child(self, birth_date: str | None) -> bool:
        return bool(birth_date) and str(birth_date)[:10] > self.child_after

    def is_elderly(self, birth_date: str | None) -> bool:
        return bool(birth_date) and str(birth_date)[:10] <= self.elderly_by


class Candidate(NamedTuple):
    """What the order and the split need to know about one person (a tuple: 100,000 of them are
    made when a large campaign is created)."""

    citizen_id: str
    household_id: str | None = None
    vulnerable: bool = False  # any recorded vulnerability
    birth_date: str | None = None
    last_contact_at: str | None = None
    name_sort: str = ""


def urgent(person: Candidate, cuts: AgeCuts) -> bool:
    """Vulnerable, a child or elderly: called first."""
    return person.vulnerable or cuts.is_child(person.birth_date) or cuts.is_elderly(person.birth_date)


def order_key(person: Candidate, cuts: AgeCuts) -> tuple[int, int, str, str, str]:
    """Urgent first; then never contacted, then the oldest last contact; then the name."""
    last = person.last_contact_at
    return (
        0 if urgent(person, cuts) else 1,
        0 if last is None else 1,
        last or "",
        person.name_sort,
        person.citizen_id,
    )


def order_units(people: Sequence[Candidate], today: date) -> list[list[Candidate]]:
    """The people in calling order, grouped into units: a household's members together, at the
    place of its most urgent member (who comes first in the unit); a person without one alone."""
    cuts = AgeCuts.on(today)
    child_after, elderly_by = cuts.child_after, cuts.elderly_by

    def key(p: Candidate) -> tuple[bool, bool, str, str, str]:
        # order_key, inlined: this runs once per person of a 100,000-person campaign.
        birth = (p.birth_date or "")[:10]
        pressing = p.vulnerable or (birth != "" and (birth > child_after or birth <= elderly_by))
        last = p.last_contact_at
        return (not pressing, last is not None, last or "", p.name_sort, p.citizen_id)

    ranked = sorted(people, key=key)
    units: list[list[Candidate]] = []
    by_household: dict[str, list[Candidate]] = {}
    for person in ranked:
        if person.household_id is None:
            units.append([person])
            continue
        unit = by_household.get(person.household_id)
        if unit is None:
            unit = by_household[person.household_id] = []
            units.append(unit)
        unit.append(person)
    return units


def split_units(units: Sequence[Sequence[Candidate]], callers: Sequence[str]) -> list[str | None]:
    """The caller of each unit, in order: the one with the fewest people so far (ties: the first
    named). No callers: None for every unit (anyone may work the list)."""
    if not callers:
        return [None] * len(units)
    # A heap of (people so far, place in the naming, caller): the least loaded on top, ties to
    # the first named; one pop and push per unit of a 100,000-person campaign.
    heap = [(0, rank, name) for rank, name in enumerate(dict.fromkeys(callers))]
    chosen: list[str | None] = []
    for unit in units:
        load, rank, caller = heap[0]
        heapq.heapreplace(heap, (load + len(unit), rank, caller))
        chosen.append(caller)
    return chosen


def plan(
    people: Sequence[Candidate], callers: Sequence[str], today: date
) -> list[tuple[Candidate, int, str | None]]:
    """Every person with their position (1, 2, ...) and caller: the order and the split together."""
    units = order_units(people, today)
    out: list[tuple[Candidate, int, str | None]] = []
    for unit, caller in zip(units, split_units(units, callers), strict=True):
        for person in unit:
            out.append((person, len(out) + 1, caller))
    return out


@dataclass(frozen=True)
class Transition:
    """What recording one outcome does."""

    contact_outcome: Outcome  # the contact log's outcome
    welfare: WelfareStatus | None  # the person's new welfare status, None: unchanged
    state: TargetState  # where they now stand on the campaign's lists
    attempts: int  # calls made to them in this campaign
    opens_case: bool = False


_CONTACT_OUTCOME = {
    CallOutcome.SAFE: Outcome.REACHED,
    CallOutcome.NEEDS_HELP: Outcome.REACHED,
    CallOutcome.NO_ANSWER: Outcome.NO_ANSWER,
    CallOutcome.WRONG_NUMBER: Outcome.WRONG_NUMBER,
    CallOutcome.MESSAGE_LEFT: Outcome.MESSAGE_LEFT,
}
REACHING = frozenset({CallOutcome.SAFE, CallOutcome.NEEDS_HELP})


def transition(
    outcome: CallOutcome, *, state: TargetState, attempts: int, no_answers_before: int = 0
) -> Transition:
    """The outcome table.

    safe: reached, welfare safe, done. needs help: reached, welfare needs assistance, done, a case
    opened. no answer: the third one in this campaign makes the person unreachable and puts them
    on the follow-up list. wrong number: follow-up list. message left: stays where they are.
    Every call counts as an attempt. Someone already reached stays done whatever a later call
    gives, and a follow-up person stays there until reached.
    """
    calls = attempts + 1
    contact = _CONTACT_OUTCOME[outcome]
    if outcome is CallOutcome.SAFE:
        return Transition(contact, WelfareStatus.SAFE, TargetState.DONE, calls)
    if outcome is CallOutcome.NEEDS_HELP:
        return Transition(contact, WelfareStatus.NEEDS_ASSISTANCE, TargetState.DONE, calls, opens_case=True)
    if state is TargetState.DONE:
        return Transition(contact, None, TargetState.DONE, calls)
    if outcome is CallOutcome.NO_ANSWER:
        if no_answers_before + 1 >= NO_ANSWER_LIMIT:
            return Transition(contact, WelfareStatus.UNREACHABLE, TargetState.FOLLOW_UP, calls)
        return Transition(contact, None, state, calls)
    if outcome is CallOutcome.WRONG_NUMBER:
        return Transition(contact, None, TargetState.FOLLOW_UP, calls)
    return Transition(contact, None, state, calls)


def call_language(languages: Sequence[str]) -> str:
    """The first of the person's languages a call can be made in; Russian otherwise."""
    for code in languages:
        if code in CALL_LANGUAGES:
            return code
    return DEFAULT_CALL_LANGUAGE


#: The standard script in Korean (the message catalogs hold en, ru and kk).
KOREAN_SCRIPT = (
    "안녕하세요, {name} 님. {post}입니다. 현재 상황 때문에 안부를 확인하고 있습니다. "
    "지금 안전하신가요? 도움이 필요하신가요? 현재 계신 곳과 연락 가능한 번호를 알려 주세요."
)
