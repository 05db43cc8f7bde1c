"""Closed vocabularies typed in three languages, host-country regions, and the hybrid clock."""

from __future__ import annotations

from enum import StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from embassy_desk.domain import vocab
from embassy_desk.domain.enums import (
    CasePriority,
    CaseStatus,
    Channel,
    CitizenStatus,
    Outcome,
    PhoneKind,
    PurposeOfStay,
    Role,
    Sex,
    Vulnerability,
    WelfareStatus,
)
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.hlc import HybridClock, parse_stamp
from embassy_desk.domain.regions import (
    KR_REGIONS,
    REGIONS_BY_COUNTRY,
    normalize_region,
    region_name,
)
from embassy_desk.domain.vocab import parse_choice

# --- parse_choice ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("enum_type", "typed", "expected"),
    [
        (Sex, "F", Sex.FEMALE),
        (Sex, "female", Sex.FEMALE),
        (Sex, "Ж", Sex.FEMALE),
        (Sex, "женский", Sex.FEMALE),
        (Sex, "әйел", Sex.FEMALE),
        (Sex, "м", Sex.MALE),
        (Sex, "Еркек", Sex.MALE),
        (Sex, "<", Sex.UNSPECIFIED),
        (PurposeOfStay, "Study", PurposeOfStay.STUDY),
        (PurposeOfStay, "учеба", PurposeOfStay.STUDY),
        (PurposeOfStay, "УЧЁБА", PurposeOfStay.STUDY),
        (PurposeOfStay, "оқу", PurposeOfStay.STUDY),
        (PurposeOfStay, "работа", PurposeOfStay.WORK),
        (PurposeOfStay, "жұмыс", PurposeOfStay.WORK),
        (PurposeOfStay, "ПМЖ", PurposeOfStay.RESIDENCE),
        (CitizenStatus, "в  стране", CitizenStatus.PRESENT),
        (CitizenStatus, "выбыл", CitizenStatus.DEPARTED),
        (CitizenStatus, "переведён", CitizenStatus.TRANSFERRED),
        (CitizenStatus, "қайтыс болды", CitizenStatus.DECEASED),
        (WelfareStatus, "needs_assistance", WelfareStatus.NEEDS_ASSISTANCE),
        (WelfareStatus, "Needs Assistance", WelfareStatus.NEEDS_ASSISTANCE),
        (WelfareStatus, "нужна помощь", WelfareStatus.NEEDS_ASSISTANCE),
        (WelfareStatus, "көмек қажет", WelfareStatus.NEEDS_ASSISTANCE),
        (WelfareStatus, "OK", WelfareStatus.SAFE),
        (WelfareStatus, "эвакуирован", WelfareStatus.EVACUATED),
        (Vulnerability, "беременна", Vulnerability.PREGNANCY),
        (Vulnerability, "жүкті", Vulnerability.PREGNANCY),
        (Vulnerability, "ребёнок", Vulnerability.MINOR),
        (Vulnerability, "ребенок", Vulnerability.MINOR),
        (Vulnerability, "бала", Vulnerability.MINOR),
        (Vulnerability, "  Пожилой ", Vulnerability.ELDERLY),
    ],
)
def test_aliases_in_english_russian_kazakh(enum_type: type[StrEnum], typed: str, expected: StrEnum) -> None:
    assert parse_choice(enum_type, typed, field="f") is expected


ALIASED = (Sex, PurposeOfStay, CitizenStatus, WelfareStatus, Vulnerability)


@pytest.mark.parametrize("enum_type", ALIASED)
def test_stored_values_accepted_in_any_case(enum_type: type[StrEnum]) -> None:
    for member in enum_type:
        for typed in (member.value, member.value.upper(), member.value.replace("_", " ").title()):
            assert parse_choice(enum_type, typed, field="f") is member


@pytest.mark.parametrize("enum_type", ALIASED)
def test_no_alias_means_two_things(enum_type: type[StrEnum]) -> None:
    seen: dict[str, str] = {}
    for value, words in vocab._ALIASES[enum_type].items():
        for word in (value, *words):
            key = " ".join(word.replace("_", " ").split()).casefold()
            assert seen.setdefault(key, value) == value, f"{word!r} means {seen[key]} and {value}"


@pytest.mark.parametrize("enum_type", ALIASED)
def test_every_member_has_aliases(enum_type: type[StrEnum]) -> None:
    assert set(vocab._ALIASES[enum_type]) == {member.value for member in enum_type}


def test_unknown_word_lists_allowed_values() -> None:
    with pytest.raises(ValidationError) as info:
        parse_choice(PurposeOfStay, "  holiday ", field="purpose_of_stay")
    err = info.value
    assert err.field == "purpose_of_stay"
    assert err.message == "'holiday' is not one of: visit, study, work, family, residence, other"
    assert str(err) == f"purpose_of_stay: {err.message}"


def test_unknown_sex_lists_codes() -> None:
    with pytest.raises(ValidationError, match=r"'Q' is not one of: M, F, X"):
        parse_choice(Sex, "Q", field="sex")


@pytest.mark.parametrize("typed", ["", "   ", "_"])
def test_blank_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_choice(WelfareStatus, typed, field="welfare_status")


def test_enum_without_aliases_takes_exact_value() -> None:
    assert parse_choice(Outcome, "no_answer", field="outcome") is Outcome.NO_ANSWER
    assert parse_choice(PhoneKind, " home ", field="kind") is PhoneKind.HOME


@pytest.mark.parametrize(
    ("enum_type", "typed", "expected"),
    [
        (PhoneKind, "Home", PhoneKind.HOME),
        (Channel, "Phone", Channel.PHONE),
        (Outcome, "no answer", Outcome.NO_ANSWER),
        (CasePriority, "URGENT", CasePriority.URGENT),
        (CaseStatus, "In progress", CaseStatus.IN_PROGRESS),
        (Role, "Officer", Role.OFFICER),
    ],
)
def test_enums_without_aliases_ignore_case_and_spaces(
    enum_type: type[StrEnum], typed: str, expected: StrEnum
) -> None:
    assert parse_choice(enum_type, typed, field="f") is expected


# --- regions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["Сеул", "서울", "Seoul", "KR-11", "kr11", "KR 11", " seoul ", "서울특별시", "Сеул қаласы"],
)
def test_seoul_in_every_form(typed: str) -> None:
    assert normalize_region(typed, host_country="KR") == "KR-11"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Gyeonggi-do", "KR-41"),
        ("gyeonggi do", "KR-41"),
        ("경기도", "KR-41"),
        ("Пусан", "KR-26"),
        ("Бусан", "KR-26"),
        ("Чеджу", "KR-49"),
        ("KR-42", "KR-51"),
        ("Gangwon", "KR-51"),
        ("KR-45", "KR-52"),
    ],
)
def test_region_names_and_old_codes(typed: str, code: str) -> None:
    assert normalize_region(typed, host_country="KR") == code


def test_every_code_normalises_to_itself() -> None:
    for code in KR_REGIONS:
        assert normalize_region(code, host_country="KR") == code
        assert normalize_region(code.lower(), host_country="KR") == code


def test_region_aliases_never_collide() -> None:
    def fold(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    for country, table in REGIONS_BY_COUNTRY.items():
        seen: dict[str, str] = {}
        for code, names in table.items():
            for name in (code, *names):
                assert seen.setdefault(fold(name), code) == code, (country, name)


def test_unknown_region_lists_known_ones() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_region("Atlantis", host_country="KR")
    err = info.value
    assert err.field == "region"
    assert "'Atlantis' is not a region of KR" in err.message
    for code, names in KR_REGIONS.items():
        assert f"{code} {names[0]}" in err.message


def test_region_error_uses_given_field() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_region("Atlantis", host_country="KR", field="address_region")
    assert info.value.field == "address_region"


def test_host_without_region_table_keeps_text() -> None:
    assert normalize_region("  Bavaria ", host_country="DE") == "Bavaria"


def test_region_name() -> None:
    assert region_name("KR-11", host_country="KR") == "Seoul"
    assert region_name("KR-99", host_country="KR") == "KR-99"
    assert region_name("DE-BY", host_country="DE") == "DE-BY"


# --- hybrid logical clock ------------------------------------------------------------------------

WALL = st.integers(min_value=0, max_value=10**13 - 1)
COUNTER = st.integers(min_value=0, max_value=99_999)


def stamp_key(stamp: str) -> tuple[int, int]:
    wall, counter, _ = parse_stamp(stamp)
    return wall, counter


def test_stuck_clock_still_increases() -> None:
    clock = HybridClock("a")
    stamps = [clock.tick(1_700_000_000_000) for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5
    assert stamps[-1] == "1700000000000-00004-a"


def test_backwards_clock_still_increases() -> None:
    clock = HybridClock("a")
    first = clock.tick(1_700_000_000_000)
    second = clock.tick(1_600_000_000_000)
    third = clock.tick(1_700_000_000_000)
    assert first < second < third
    assert stamp_key(third) == (1_700_000_000_000, 2)


def test_clock_moving_forward_resets_counter() -> None:
    clock = HybridClock("a")
    clock.tick(1000)
    clock.tick(1000)
    assert clock.tick(1001) == "0000000001001-00000-a"


def test_observe_remote_ahead_pulls_local_forward() -> None:
    local = HybridClock("a")
    local.tick(1000)
    remote = "0000000005000-00007-b"
    local.observe(remote, 1001)
    assert local.tick(1002) > remote
    assert stamp_key(local.stamp()) == (5000, 9)


def test_observe_remote_behind_still_increases() -> None:
    local = HybridClock("a")
    before = local.tick(5000)
    local.observe("0000000001000-00003-b", 5000)
    assert local.tick(5000) > before


def test_parse_stamp_keeps_device_with_dashes() -> None:
    assert parse_stamp("0000000001000-00003-ws-seoul-2") == (1000, 3, "ws-seoul-2")


@st.composite
def events(draw: st.DrawFn) -> list[tuple[str, int, str]]:
    """Ticks at arbitrary (possibly stuck or backwards) times and observed remote stamps."""
    out: list[tuple[str, int, str]] = []
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        physical = draw(st.integers(min_value=0, max_value=10_000))
        if draw(st.booleans()):
            out.append(("tick", physical, ""))
        else:
            wall = draw(st.integers(min_value=0, max_value=12_000))
            counter = draw(st.integers(min_value=0, max_value=1000))
            device = draw(st.sampled_from(["b", "c", "a0", "zz"]))
            out.append(("observe", physical, f"{wall:013d}-{counter:05d}-{device}"))
    return out


@settings(max_examples=500)
@given(events())
def test_stamps_increase_and_follow_everything_observed(
    sequence: list[tuple[str, int, str]],
) -> None:
    clock = HybridClock("a")
    latest = ""  # every stamp seen so far, local or remote, sorts at or before this one
    for kind, physical, remote in sequence:
        if kind == "tick":
            stamp = clock.tick(physical)
            assert stamp > latest
            assert stamp_key(stamp) > (stamp_key(latest) if latest else (-1, -1))
            latest = stamp
        else:
            clock.observe(remote, physical)
            latest = max(latest, remote)
        assert clock.wall_ms >= physical


@given(WALL, COUNTER, WALL, COUNTER)
def test_stamp_string_order_is_wall_counter_order(
    wall1: int, counter1: int, wall2: int, counter2: int
) -> None:
    s1 = HybridClock("dev", wall1, counter1).stamp()
    s2 = HybridClock("dev", wall2, counter2).stamp()
    assert (s1 < s2) == ((wall1, counter1) < (wall2, counter2))
    assert (s1 == s2) == ((wall1, counter1) == (wall2, counter2))
    assert parse_stamp(s1) == (wall1, counter1, "dev")


def test_stamps_sort_after_counter_passes_five_digits() -> None:
    clock = HybridClock("a", wall_ms=1_700_000_000_000, counter=99_999)
    before = clock.stamp()
    assert clock.tick(1_700_000_000_000) > before


@given(
    WALL,
    COUNTER,
    st.integers(min_value=0, max_value=10**13 - 1),
    st.integers(min_value=0, max_value=5000),
)
def test_a_reserved_block_sorts_between_the_stamps_before_and_after(
    wall: int, counter: int, physical: int, count: int
) -> None:
    clock = HybridClock("a", wall, counter)
    before = clock.stamp()
    block = clock.ticks(physical, count)
    after = clock.tick(physical)
    stamps = [before, *block, after]
    assert len(block) == count
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    assert all(stamp_key(s)[1] <= 99_999 for s in stamps)


def test_a_block_that_fits_is_what_ticking_one_by_one_gives() -> None:
    batch, single = HybridClock("a", 1000, 7), HybridClock("a", 1000, 7)
    assert batch.ticks(900, 50) == [single.tick(900) for _ in range(50)]
    assert batch.stamp() == single.stamp()
