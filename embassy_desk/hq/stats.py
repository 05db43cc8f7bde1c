"""Per-post statistics: the ONE query layer of ``hq stats`` and of every page of the web console, so a
figure on a page always equals what ``hq stats --json`` says at the same moment.

Per post: ``citizens`` and ``welfare`` (live citizens by welfare status, from the ``welfare_counts``
counters the push keeps; no status counts as "unknown"), ``open_cases`` (live cases not closed) and
``cases_by_priority``, ``contacts_24h`` (contacts whose moment ``at`` lies at or after 24 hours before
now), ``devices`` (each device's last sync and audit chain), ``last_sync`` (the newest sync of a device
not revoked), ``stale`` (no sync for ``stale_hours``, or never), ``audit_chain`` ("ok", or "break"
when any device's chain broke) and ``checkins`` (citizens' check-in answers HQ received for the post:
``total``, by answer ``safe`` / ``needs_help`` / ``phone_changed``, and ``last_24h``; issue 14).

Every function reads a fixed number of grouped queries whatever the number of posts (no query per post).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, false, func, or_, select

from embassy_desk.domain.enums import CasePriority, CheckinAnswer, WelfareStatus
from embassy_desk.hq.clock import iso, parse_moment
from embassy_desk.hq.sql import one_of
from embassy_desk.hq.tables import checkin_answers, devices, posts, records, welfare_counts, welfare_hours

UNKNOWN = WelfareStatus.UNKNOWN.value
WELFARE = tuple(s.value for s in WelfareStatus)
PRIORITIES = tuple(p.value for p in CasePriority)
CAMPAIGN_STATES = ("pending", "done", "follow_up")
# The keys of a post's ``checkins`` figure (the answers, then the two sums).
CHECKIN_KEYS = ("total", *(a.value for a in CheckinAnswer), "last_24h")
# The console's default; ``hq stats`` uses it too, so the two agree on which post is stale.
DEFAULT_STALE_HOURS = 3.0


@dataclass(frozen=True)
class DeviceSync:
    """One device of a post: when it enrolled and last synced, its audit chain, whether revoked."""

    device: str
    name: str
    last_sync: str | None
    revoked: bool
    enrolled_at: str = ""
    audit_state: str = "ok"
    revoked_at: str | None = None


@dataclass(frozen=True)
class PostStats:
    """The figures of one post (JSON keys: see :func:`as_json`). ``last_sync_age`` is seconds between
    ``last_sync`` and the moment the figures were read (None: never synced)."""

    post: str
    name: str
    citizens: int
    welfare: dict[str, int]
    open_cases: int
    contacts_24h: int
    devices: list[DeviceSync] = field(default_factory=list)
    cases_by_priority: dict[str, int] = field(default_factory=dict)
    last_sync: str | None = None
    last_sync_age: float | None = None
    stale: bool = True
    audit_chain: str = "ok"
    checkins: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKIN_KEYS, 0))


@dataclass(frozen=True)
class Totals:
    """Sums over posts: what the overview's totals row shows."""

    posts: int
    citizens: int
    welfare: dict[str, int]
    open_cases: int
    cases_by_priority: dict[str, int]
    contacts_24h: int
    stale: int
    audit_breaks: int
    checkins: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHECKIN_KEYS, 0))


def post_stats(
    conn: Connection,
    *,
    now: datetime,
    post: str | None = None,
    stale_hours: float = DEFAULT_STALE_HOURS,
) -> list[PostStats]:
    """The statistics of one post (``post``) or of every post, by code. Six queries in all."""
    post_rows = conn.execute(
        select(posts.c.code, posts.c.name)
        .where(posts.c.code == post if post is not None else posts.c.code.is_not(None))
        .order_by(posts.c.code)
    ).all()
    codes = [row[0] for row in post_rows]
    if not codes:
        return []

    def only(column: ColumnElement[str]) -> ColumnElement[bool]:
        return column == post if post is not None else column.is_not(None)

    welfare: dict[str, dict[str, int]] = {code: dict.fromkeys(WELFARE, 0) for code in codes}
    for code, status, count in conn.execute(
        select(welfare_counts.c.post, welfare_counts.c.status, welfare_counts.c.count).where(
            only(welfare_counts.c.post)
        )
    ):
        if code in welfare and (count or status in welfare[code]):
            welfare[code][status] = int(count)
    open_cases = dict.fromkeys(codes, 0)
    by_priority: dict[str, dict[str, int]] = {code: dict.fromkeys(PRIORITIES, 0) for code in codes}
    for code, priority, count in conn.execute(
        select(records.c.post, records.c.priority, func.count())
        .where(
            # The codes, not "every post": a probe of ix_records_post_entity_deleted per post instead
            # of a scan of every record.
            one_of(conn, records.c.post, codes),
            records.c.entity == "case",
            records.c.deleted == false(),
            or_(records.c.status.is_(None), records.c.status != "closed"),
        )
        .group_by(records.c.post, records.c.priority)
    ):
        if code not in open_cases:
            continue
        open_cases[code] += int(count)
        if priority in by_priority[code]:
            by_priority[code][priority] += int(count)
    # From 24 h ago on: a contact stamped a little ahead of HQ's clock (a workstation's clock may be up
    # to 5 minutes off) is recent too. No "deleted" test: a deleted contact's ``at`` is NULL
    # (records.materialised_columns), so this is an index-only range scan of ix_records_entity_at.
    recent = dict.fromkeys(codes, 0)
    for code, count in conn.execute(
        select(records.c.post, func.count())
        .where(
            records.c.entity == "contact",
            records.c.at >= iso(now - timedelta(hours=24)),
            only(records.c.post),
        )
        .group_by(records.c.post)
    ):
        if code in recent:
            recent[code] = int(count)
    checkins = checkin_figures(conn, codes, now=now, only=only(checkin_answers.c.post))
    per_post: dict[str, list[DeviceSync]] = {code: [] for code in codes}
    for row in conn.execute(
        select(
            devices.c.post,
            devices.c.id,
            devices.c.name,
            devices.c.last_sync_at,
            devices.c.revoked_at,
            devices.c.enrolled_at,
            devices.c.audit_state,
        )
        .where(only(devices.c.post))
        .order_by(devices.c.post, devices.c.enrolled_at, devices.c.id)
    ):
        if row[0] in per_post:
            per_post[row[0]].append(
                DeviceSync(row[1], row[2], row[3], row[4] is not None, row[5], row[6], row[4])
            )
    result = []
    for code, name in post_rows:
        synced = [d.last_sync for d in per_post[code] if not d.revoked and d.last_sync]
        last = max(synced) if synced else None
        age = _age(now, last)
        result.append(
            PostStats(
                post=code,
                name=name,
                citizens=sum(welfare[code].values()),
                welfare=welfare[code],
                open_cases=open_cases[code],
                contacts_24h=recent[code],
                devices=per_post[code],
                cases_by_priority=by_priority[code],
                last_sync=last,
                last_sync_age=age,
                stale=age is None or age > stale_hours * 3600,
                audit_chain="ok" if all(d.audit_state == "ok" for d in per_post[code]) else "break",
                checkins=checkins[code],
            )
        )
    return result


def checkin_figures(
    conn: Connection, codes: list[str], *, now: datetime, only: ColumnElement[bool]
) -> dict[str, dict[str, int]]:
    """Check-in answers received per post (drained or not): total, by answer, in the last 24 hours.
    One grouped query over ``checkin_answers`` (index ix_checkin_answers_post_at)."""
    found = {code: dict.fromkeys(CHECKIN_KEYS, 0) for code in codes}
    recent = case((checkin_answers.c.at >= iso(now - timedelta(hours=24)), 1), else_=0)
    for code, answer, count, last_day in conn.execute(
        select(checkin_answers.c.post, checkin_answers.c.answer, func.count(), func.sum(recent))
        .where(only)
        .group_by(checkin_answers.c.post, checkin_answers.c.answer)
    ):
        figures = found.get(code)
        if figures is None:
            continue
        figures["total"] += int(count)
        figures["last_24h"] += int(last_day or 0)
        if answer in figures:
            figures[answer] += int(count)
    return found


def _age(now: datetime, moment: str | None) -> float | None:
    when = parse_moment(moment) if moment else None
    return None if when is None else max(0.0, (now - when).total_seconds())


def totals(figures: list[PostStats]) -> Totals:
    """The sums of ``figures`` (no query: the same numbers the rows show)."""
    welfare: dict[str, int] = dict.fromkeys(WELFARE, 0)
    by_priority: dict[str, int] = dict.fromkeys(PRIORITIES, 0)
    checkins: dict[str, int] = dict.fromkeys(CHECKIN_KEYS, 0)
    for f in figures:
        for key, count in f.checkins.items():
            checkins[key] = checkins.get(key, 0) + count
        for status, count in f.welfare.items():
            welfare[status] = welfare.get(status, 0) + count
        for priority, count in f.cases_by_priority.items():
            by_priority[priority] = by_priority.get(priority, 0) + count
    return Totals(
        posts=len(figures),
        citizens=sum(f.citizens for f in figures),
        welfare=welfare,
        open_cases=sum(f.open_cases for f in figures),
        cases_by_priority=by_priority,
        contacts_24h=sum(f.contacts_24h for f in figures),
        stale=sum(1 for f in figures if f.stale),
        audit_breaks=sum(1 for f in figures if f.audit_chain != "ok"),
        checkins=checkins,
    )


def as_json(stats: PostStats) -> dict[str, Any]:
    """The JSON object of ``hq stats --json``: keys post, citizens, welfare, open_cases, contacts_24h,
    devices (each device: device, name, last_sync, revoked, as before the console) and then name,
    cases_by_priority, last_sync, stale, audit_chain, checkins."""
    return {
        "post": stats.post,
        "citizens": stats.citizens,
        "welfare": dict(stats.welfare),
        "open_cases": stats.open_cases,
        "contacts_24h": stats.contacts_24h,
        "devices": [
            {"device": d.device, "name": d.name, "last_sync": d.last_sync, "revoked": d.revoked}
            for d in stats.devices
        ],
        "name": stats.name,
        "cases_by_priority": dict(stats.cases_by_priority),
        "last_sync": stats.last_sync,
        "stale": stats.stale,
        "audit_chain": stats.audit_chain,
        "checkins": dict(stats.checkins),
    }


def totals_json(total: Totals) -> dict[str, Any]:
    """The totals as JSON (the overview's JSON twin)."""
    return {
        "posts": total.posts,
        "citizens": total.citizens,
        "welfare": dict(total.welfare),
        "open_cases": total.open_cases,
        "cases_by_priority": dict(total.cases_by_priority),
        "contacts_24h": total.contacts_24h,
        "stale": total.stale,
        "audit_breaks": total.audit_breaks,
        "checkins": dict(total.checkins),
    }


# -- a post over time --------------------------------------------------------------------------------


def hour_of(moment: datetime) -> str:
    """``YYYY-MM-DDTHH`` (UTC): the hour HQ files welfare changes under."""
    return iso(moment)[:13]


def _hours(since: datetime, now: datetime) -> list[str]:
    start = since.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    end = now.astimezone(UTC)
    hours = []
    moment = start
    while moment <= end:
        hours.append(hour_of(moment))
        moment += timedelta(hours=1)
    return hours or [hour_of(end)]


@dataclass(frozen=True)
class Series:
    """A post's figures per hour from ``since`` to now: ``welfare[status][i]`` is the number of live
    citizens in that status at the end of ``hours[i]`` (as HQ knew them), ``contacts[i]`` the contacts
    whose moment lies in ``hours[i]``."""

    hours: list[str]
    welfare: dict[str, list[int]]
    contacts: list[int]


def post_series(conn: Connection, post: str, *, since: datetime, now: datetime) -> Series:
    """Welfare status and contacts per hour of ``post`` since ``since``. Welfare walks back from the
    present counters: the count at the end of an hour is the present one minus every later change
    (``welfare_hours``). Three queries."""
    hours = _hours(since, now)
    present = {
        status: int(count)
        for status, count in conn.execute(
            select(welfare_counts.c.status, welfare_counts.c.count).where(welfare_counts.c.post == post)
        )
    }
    deltas: dict[str, dict[str, int]] = {}
    for hour, status, delta in conn.execute(
        select(welfare_hours.c.hour, welfare_hours.c.status, welfare_hours.c.delta).where(
            welfare_hours.c.post == post, welfare_hours.c.hour > hours[0]
        )
    ):
        deltas.setdefault(status, {})[hour] = int(delta)
    statuses = list(WELFARE) + sorted(s for s in set(present) | set(deltas) if s not in WELFARE)
    welfare: dict[str, list[int]] = {}
    for status in statuses:
        later = deltas.get(status, {})
        value = present.get(status, 0) - sum(d for h, d in later.items() if h > hours[-1])
        column = []
        for hour in reversed(hours):
            column.append(value)
            value -= later.get(hour, 0)
        welfare[status] = column[::-1]
    bucket = func.substr(records.c.at, 1, 13)
    per_hour = dict.fromkeys(hours, 0)
    for hour, count in conn.execute(
        select(bucket, func.count())
        .where(
            # A deleted contact's ``at`` is NULL: an index-only scan of ix_records_entity_at.
            records.c.entity == "contact",
            records.c.at >= iso(since),
            records.c.post == post,
        )
        .group_by(bucket)
    ):
        # A contact stamped ahead of HQ's clock counts in the current hour.
        key = hour if hour in per_hour else hours[-1] if hour > hours[-1] else None
        if key is not None:
            per_hour[key] += int(count)
    return Series(hours=hours, welfare=welfare, contacts=[per_hour[h] for h in hours])


# -- campaigns -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignProgress:
    """A campaign as its post's workstations synced it: its list places by state."""

    campaign: str
    name: str
    status: str
    targets: int
    pending: int
    done: int
    follow_up: int


def campaigns(conn: Connection, post: str) -> list[CampaignProgress]:
    """The post's live campaigns (by name) and their list places by state; a place's record id is
    ``CAMPAIGN:CITIZEN`` and its state is in ``records.status``. Two queries."""
    found: dict[str, tuple[str, str]] = {}
    for record_id, state in conn.execute(
        select(records.c.record_id, records.c.state).where(
            records.c.post == post, records.c.entity == "campaign", records.c.deleted == false()
        )
    ):
        values = json.loads(state).get("values", {})
        found[record_id] = (str(values.get("name") or record_id), str(values.get("status") or ""))
    if conn.dialect.name == "postgresql":
        campaign_of = func.split_part(records.c.record_id, ":", 1)
    else:
        campaign_of = func.substr(records.c.record_id, 1, func.instr(records.c.record_id, ":") - 1)
    places: dict[str, dict[str, int]] = {}
    for campaign, status, count in conn.execute(
        select(campaign_of, records.c.status, func.count())
        .where(records.c.post == post, records.c.entity == "campaign_target", records.c.deleted == false())
        .group_by(campaign_of, records.c.status)
    ):
        places.setdefault(str(campaign), {})[str(status)] = int(count)
    result = []
    for campaign, (name, status) in found.items():
        by_state = places.get(campaign, {})
        result.append(
            CampaignProgress(
                campaign=campaign,
                name=name,
                status=status,
                targets=sum(by_state.values()),
                pending=by_state.get("pending", 0),
                done=by_state.get("done", 0),
                follow_up=by_state.get("follow_up", 0),
            )
        )
    return sorted(result, key=lambda c: (c.name.casefold(), c.campaign))
