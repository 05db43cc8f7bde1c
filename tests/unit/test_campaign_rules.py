"""The campaign rules on their own: criteria round trip, outcomes as typed, the order, the split and
the outcome table (domain/campaigns.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.campaigns import (
    NO_ANSWER_LIMIT,
    AgeCuts,
    CampaignCriteria,
    Candidate,
    call_language,
    order_units,
    parse_outcome,
    plan,
    split_units,
    transition,
    urgent,
)
from embassy_desk.domain.enums import CallOutcome, Outcome, PurposeOfStay, TargetState, WelfareStatus
from embassy_desk.domain.errors import ValidationError

TODAY = date(2026, 12, 7)
CUTS = AgeCuts.on(TODAY)

criteria = st.builds(
    CampaignCriteria,
    regions=st.lists(st.sampled_from(["KR-11", "KR-26", "KR-41", "KR-49"]), unique=True).map(tuple),
    purposes=st.lists(st.sampled_from(list(PurposeOfStay)), unique=True).map(tuple),
    welfare=st.lists(st.sampled_from(list(WelfareStatus)), unique=True).map(tuple),
    vulnerable_only=st.booleans(),
    not_reached_since=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1)),
)


@given(criteria)
def test_criteria_survive_their_json(value: CampaignCriteria) -> None:
    assert CampaignCriteria.from_json(value.to_json()) == value


def test_criteria_from_an_older_record_mean_any() -> None:
    assert CampaignCriteria.from_json("{}") == CampaignCriteria()
    with pytest.raises(ValidationError):
        CampaignCriteria.from_json('{"purposes": ["sailing"]}')


@pytest.mark.parametrize("typed", ["needs-help", "needs_help", "Needs help", " NEEDS-HELP "])
def test_outcomes_are_read_as_people_type_them(typed: str) -> None:
    assert parse_outcome(typed) is CallOutcome.NEEDS_HELP


def test_an_unknown_outcome_names_the_field_and_the_choices() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_outcome("maybe")
    assert refused.value.field == "outcome"
    assert "needs-help" in str(refused.value)


# People: a birth date that may make them a child or elderly, maybe a vulnerability, maybe a last
# contact, maybe one of a few households.
birth_dates = st.none() | st.sampled_from(
    ["2015-05-01", "2008-12-08", "2008-12-07", "1990-01-01", "1961-12-07", "1950-01-01"]
)
people = st.lists(
    st.builds(
        Candidate,
        citizen_id=st.uuids().map(str),
        household_id=st.none() | st.sampled_from(["h1", "h2", "h3", "h4"]),
        vulnerable=st.booleans(),
        birth_date=birth_dates,
        last_contact_at=st.none()
        | st.sampled_from(["2026-01-01T10:00", "2026-06-01T10:00", "2026-12-01T10:00"]),
        name_sort=st.text(alphabet="abcdef", max_size=4),
    ),
    max_size=40,
    unique_by=lambda p: p.citizen_id,
)
callers = st.lists(st.sampled_from(["aigerim", "duty", "officer", "clerk1"]), unique=True, max_size=4)


def test_children_are_under_18_and_the_elderly_65_on_the_day() -> None:
    assert CUTS.is_child("2008-12-08") and not CUTS.is_child("2008-12-07")
    assert CUTS.is_elderly("1961-12-07") and not CUTS.is_elderly("1961-12-08")
    assert not CUTS.is_child(None) and not CUTS.is_elderly(None)


@given(people)
def test_units_are_ordered_urgent_first_then_longest_without_contact_then_name(
    group: list[Candidate],
) -> None:
    units = order_units(group, TODAY)
    heads = [unit[0] for unit in units]
    keys = [
        (not urgent(p, CUTS), p.last_contact_at is not None, p.last_contact_at or "", p.name_sort)
        for p in heads
    ]
    assert keys == sorted(keys)
    for unit in units:
        # The unit's head is its most urgent member; everyone of it shares the household.
        assert len({p.household_id for p in unit}) == 1
        assert all(p.household_id is not None for p in unit) or len(unit) == 1
        assert not any(urgent(p, CUTS) for p in unit) or urgent(unit[0], CUTS)


@given(people, callers)
def test_the_split_gives_everyone_once_keeps_households_whole_and_balances(
    group: list[Candidate], names: list[str]
) -> None:
    planned = plan(group, names, TODAY)
    assert sorted(p.citizen_id for p, _, _ in planned) == sorted(p.citizen_id for p in group)
    assert [position for _, position, _ in planned] == list(range(1, len(group) + 1))
    by_household: dict[str, set[str | None]] = {}
    for person, _, caller in planned:
        if person.household_id:
            by_household.setdefault(person.household_id, set()).add(caller)
    assert all(len(owners) == 1 for owners in by_household.values())
    if not names:
        assert all(caller is None for _, _, caller in planned)
        return
    loads = Counter(caller for _, _, caller in planned)
    biggest = max((len(u) for u in order_units(group, TODAY)), default=0)
    counts = [loads.get(name, 0) for name in names]
    assert max(counts) - min(counts) <= biggest


@given(people, callers)
def test_each_list_starts_with_its_most_urgent_people(group: list[Candidate], names: list[str]) -> None:
    units = order_units(group, TODAY)
    owners = split_units(units, names)
    # The first units in the order go to different callers: nobody waits behind another's urgent ones.
    first = owners[: len(names)]
    assert len(set(first)) == len(first)
    for name in names:
        mine = [p for unit, owner in zip(units, owners, strict=True) if owner == name for p in unit]
        flags = [urgent(p, CUTS) for p in mine if p.household_id is None]
        assert flags == sorted(flags, reverse=True)


def test_a_household_follows_its_most_urgent_member() -> None:
    grandmother = Candidate("g", "h", birth_date="1950-01-01", name_sort="z")
    son = Candidate("s", "h", birth_date="1990-01-01", name_sort="a")
    stranger = Candidate("x", None, birth_date="1990-01-01", name_sort="b")
    assert [p.citizen_id for p, _, _ in plan([stranger, son, grandmother], ["a", "b"], TODAY)] == [
        "g",
        "s",
        "x",
    ]


@pytest.mark.parametrize(
    ("outcome", "contact", "welfare", "state"),
    [
        (CallOutcome.SAFE, Outcome.REACHED, WelfareStatus.SAFE, TargetState.DONE),
        (CallOutcome.NEEDS_HELP, Outcome.REACHED, WelfareStatus.NEEDS_ASSISTANCE, TargetState.DONE),
        (CallOutcome.NO_ANSWER, Outcome.NO_ANSWER, None, TargetState.PENDING),
        (CallOutcome.WRONG_NUMBER, Outcome.WRONG_NUMBER, None, TargetState.FOLLOW_UP),
        (CallOutcome.MESSAGE_LEFT, Outcome.MESSAGE_LEFT, None, TargetState.PENDING),
    ],
)
def test_the_outcome_table(
    outcome: CallOutcome, contact: Outcome, welfare: WelfareStatus | None, state: TargetState
) -> None:
    step = transition(outcome, state=TargetState.PENDING, attempts=0)
    assert (step.contact_outcome, step.welfare, step.state, step.attempts) == (contact, welfare, state, 1)
    assert step.opens_case is (outcome is CallOutcome.NEEDS_HELP)


@given(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=6))
def test_the_third_no_answer_makes_the_person_unreachable(before: int, attempts: int) -> None:
    step = transition(
        CallOutcome.NO_ANSWER, state=TargetState.PENDING, attempts=attempts, no_answers_before=before
    )
    third = before + 1 >= NO_ANSWER_LIMIT
    assert step.state is (TargetState.FOLLOW_UP if third else TargetState.PENDING)
    assert step.welfare is (WelfareStatus.UNREACHABLE if third else None)
    assert step.attempts == attempts + 1


@given(st.sampled_from(list(CallOutcome)))
def test_someone_reached_stays_done(outcome: CallOutcome) -> None:
    step = transition(outcome, state=TargetState.DONE, attempts=1, no_answers_before=5)
    assert step.state is TargetState.DONE
    assert step.welfare is not WelfareStatus.UNREACHABLE


def test_the_call_language_is_the_first_callable_one() -> None:
    assert call_language(["de", "ko", "ru"]) == "ko"
    assert call_language(["de"]) == "ru"
    assert call_language([]) == "ru"
