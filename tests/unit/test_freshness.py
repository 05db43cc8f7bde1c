"""The freshness rule: a reach is fresh for 72 hours (included), stale after, never without one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from embassy_desk.domain.freshness import FRESH_FOR, Freshness, freshness

NOW = datetime(2026, 12, 7, 18, 30, tzinfo=UTC)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))
MS = timedelta(milliseconds=1)


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def test_fresh_for_is_three_days() -> None:
    assert timedelta(hours=72) == FRESH_FOR


@given(now=moments, age=st.timedeltas(min_value=timedelta(0), max_value=FRESH_FOR))
def test_a_reach_up_to_72_hours_old_is_fresh(now: datetime, age: timedelta) -> None:
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    age = timedelta(milliseconds=age // MS)  # stored to the millisecond
    assert freshness(stamp(now - age), now) is Freshness.FRESH


@given(now=moments, extra=st.timedeltas(min_value=MS, max_value=timedelta(days=3650)))
def test_a_reach_older_than_72_hours_is_stale(now: datetime, extra: timedelta) -> None:
    at = now - FRESH_FOR - extra
    at = at.replace(microsecond=at.microsecond // 1000 * 1000)  # stored to the millisecond
    assert freshness(stamp(at), now) is Freshness.STALE


@given(now=moments)
def test_the_boundary_to_the_millisecond(now: datetime) -> None:
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    assert freshness(stamp(now - FRESH_FOR), now) is Freshness.FRESH
    assert freshness(stamp(now - FRESH_FOR - MS), now) is Freshness.STALE


@given(now=moments, ahead=st.timedeltas(min_value=MS, max_value=timedelta(days=2)))
def test_a_reach_in_the_future_is_fresh(now: datetime, ahead: timedelta) -> None:
    assert freshness(stamp(now + ahead), now) is Freshness.FRESH


@given(hours=st.integers(min_value=1, max_value=500), age=st.integers(min_value=0, max_value=1000))
def test_the_window_is_a_parameter(hours: int, age: int) -> None:
    at = stamp(NOW - timedelta(hours=age))
    expected = Freshness.FRESH if age <= hours else Freshness.STALE
    assert freshness(at, NOW, fresh_for=timedelta(hours=hours)) is expected


def test_never_reached_and_unreadable_times() -> None:
    assert freshness(None, NOW) is Freshness.NEVER
    assert freshness("", NOW) is Freshness.NEVER
    assert freshness("yesterday", NOW) is Freshness.STALE, "no claim of safety on an unreadable time"


def test_offsets_and_naive_times_compare_as_moments() -> None:
    seoul = timezone(timedelta(hours=9))
    # 72 h before NOW, written in Seoul time: the same moment.
    assert freshness((NOW - FRESH_FOR).astimezone(seoul).isoformat(), NOW) is Freshness.FRESH
    assert freshness("2026-12-04T18:29:00", NOW) is Freshness.STALE, "no offset: UTC"
    assert freshness(stamp(NOW - timedelta(hours=1)), NOW.replace(tzinfo=None)) is Freshness.FRESH
