"""Per-post statistics from the materialised records: the one query layer of ``hq stats`` (and, later,
of the web console).

Per post: ``citizens`` (live citizen records), ``welfare`` (live citizens by welfare status; no
status counts as "unknown"), ``open_cases`` (live cases not closed), ``contacts_24h`` (contacts whose
moment ``at`` lies in the 24 hours before now), ``devices`` (each device's last sync).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, case, false, func, or_, select

from embassy_desk.domain.enums import WelfareStatus
from embassy_desk.hq.clock import iso
from embassy_desk.hq.tables import devices, posts, records

UNKNOWN = WelfareStatus.UNKNOWN.value


@dataclass(frozen=True)
class DeviceSync:
    """One device of a post and when it last synced."""

    device: str
    name: str
    last_sync: str | None
    revoked: bool


@dataclass(frozen=True)
class PostStats:
    """The figures of one post (JSON keys: see :func:`as_json`)."""

    post: str
    name: str
    citizens: int
    welfare: dict[str, int]
    open_cases: int
    contacts_24h: int
    devices: list[DeviceSync] = field(default_factory=list)


def post_stats(conn: Connection, *, now: datetime, post: str | None = None) -> list[PostStats]:
    """The statistics of one post (``post``) or of every post, by code. Four grouped queries in all."""
    post_rows = conn.execute(
        select(posts.c.code, posts.c.name)
        .where(posts.c.code == post if post is not None else posts.c.code.is_not(None))
        .order_by(posts.c.code)
    ).all()
    codes = [row[0] for row in post_rows]
    if not codes:
        return []
    live = (records.c.post.in_(codes), records.c.deleted == false())
    welfare_key = func.coalesce(records.c.welfare_status, UNKNOWN)
    welfare: dict[str, dict[str, int]] = {code: {s.value: 0 for s in WelfareStatus} for code in codes}
    citizens: dict[str, int] = dict.fromkeys(codes, 0)
    for code, status, count in conn.execute(
        select(records.c.post, welfare_key, func.count())
        .where(*live, records.c.entity == "citizen")
        .group_by(records.c.post, welfare_key)
    ):
        welfare[code][status] = welfare[code].get(status, 0) + int(count)
        citizens[code] += int(count)
    open_cases = dict.fromkeys(codes, 0)
    for code, count in conn.execute(
        select(records.c.post, func.count())
        .where(
            *live, records.c.entity == "case", or_(records.c.status.is_(None), records.c.status != "closed")
        )
        .group_by(records.c.post)
    ):
        open_cases[code] = int(count)
    # From 24 h ago on: a contact stamped a little ahead of HQ's clock (a workstation's clock may be
    # up to 5 minutes off) is recent too.
    since = iso(now - timedelta(hours=24))
    recent = dict.fromkeys(codes, 0)
    in_window = case((records.c.at >= since, 1), else_=0)
    for code, count in conn.execute(
        select(records.c.post, func.sum(in_window))
        .where(*live, records.c.entity == "contact", records.c.at.is_not(None))
        .group_by(records.c.post)
    ):
        recent[code] = int(count or 0)
    per_post: dict[str, list[DeviceSync]] = {code: [] for code in codes}
    for row in conn.execute(
        select(devices.c.post, devices.c.id, devices.c.name, devices.c.last_sync_at, devices.c.revoked_at)
        .where(devices.c.post.in_(codes))
        .order_by(devices.c.post, devices.c.enrolled_at, devices.c.id)
    ):
        per_post[row[0]].append(DeviceSync(row[1], row[2], row[3], row[4] is not None))
    return [
        PostStats(
            post=code,
            name=name,
            citizens=citizens[code],
            welfare=welfare[code],
            open_cases=open_cases[code],
            contacts_24h=recent[code],
            devices=per_post[code],
        )
        for code, name in post_rows
    ]


def as_json(stats: PostStats) -> dict[str, Any]:
    """The JSON object of ``hq stats --json``: keys exactly post, citizens, welfare, open_cases,
    contacts_24h, devices (each device: device, name, last_sync, revoked)."""
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
    }
