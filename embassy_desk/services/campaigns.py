"""Welfare campaigns: who to call, in what order, by whom, and what each call gave (docs/campaigns.md).

The order and the split are :mod:`embassy_desk.domain.campaigns` (vulnerable people, children and
the elderly first, then the longest without a contact, then the name; a household to one caller,
every list starting with its most urgent people). Working a list and recording outcomes is in
:mod:`embassy_desk.services.campaign_calls`; both are re-exported here.

Every write goes through the unit of work: a campaign and its call list are created in one
transaction, their change-log entries written in bulk (a campaign over 100,000 people stays fast).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson
from sqlalchemy import text

from embassy_desk.domain.campaigns import (
    CALL_LANGUAGES,
    AgeCuts,
    CampaignCriteria,
    Candidate,
    plan,
    target_id,
)
from embassy_desk.domain.enums import CampaignStatus, Role, TargetState
from embassy_desk.domain.errors import NotFoundError, ValidationError
from embassy_desk.domain.ids import uuid7, uuid7_many
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.regions import normalize_region
from embassy_desk.services.campaign_calls import (
    CaseDraft,
    RecordResult,
    follow_up_list,
    next_call,
    record_outcome,
)
from embassy_desk.services.campaign_cards import (
    CallCard,
    HouseholdMember,
    campaign_row,
    open_campaign_row,
)
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import changelog
from embassy_desk.storage.engine import large_cache

MAX_NAME = 200
MAX_SCRIPT = 4000


@dataclass(frozen=True)
class Campaign:
    """A campaign as services hand it out; ``total`` counts the people on its lists."""

    id: str
    name: str
    criteria: CampaignCriteria
    status: CampaignStatus
    created_at: str
    created_by: str  # username
    closed_at: str | None
    total: int


@dataclass(frozen=True)
class StaffProgress:
    """One caller's share: people assigned to them and how many of those are done."""

    assigned: int
    done: int


@dataclass(frozen=True)
class CampaignProgress:
    """Where a campaign stands. ``done``: reached (safe or needs help); ``remaining``: still to call;
    ``follow_up``: off the call list after a third no-answer or a wrong number."""

    campaign_id: str
    total: int
    done: int
    remaining: int
    follow_up: int
    outcomes: dict[str, int]  # CallOutcome value -> people whose latest outcome it is
    staff: dict[str, StaffProgress]  # username -> counts


def _campaign(row: Sequence[Any]) -> Campaign:
    return Campaign(
        id=str(row[0]),
        name=str(row[1]),
        criteria=CampaignCriteria.from_json(str(row[2])),
        status=CampaignStatus(str(row[3])),
        created_at=str(row[4]),
        created_by=str(row[5]),
        closed_at=None if row[6] is None else str(row[6]),
        total=int(row[8]),
    )


def check_caller(uow: UnitOfWork, username: str, *, field: str) -> str:
    """The username of an active staff account that may work call lists; refused by name otherwise."""
    wanted = username.strip().casefold()
    row = uow.conn.execute(
        text("SELECT username, role, disabled FROM staff_users WHERE username = :u"), {"u": wanted}
    ).first()
    if row is None:
        raise ValidationError(field, Msg("campaign.no_user", name=username))
    if row[2]:
        raise ValidationError(field, Msg("campaign.user_disabled", name=username))
    if not is_allowed(Role(str(row[1])), Action.CAMPAIGN_WORK):
        raise ValidationError(field, Msg("campaign.user_role", name=username))
    return str(row[0])


def _check_script(script: Mapping[str, str] | None) -> str | None:
    if not script:
        return None
    kept: dict[str, str] = {}
    for lang, body in script.items():
        if lang not in CALL_LANGUAGES:
            raise ValidationError("script", Msg("campaign.script_language", lang=lang))
        if len(body) > MAX_SCRIPT:
            raise ValidationError("script", Msg("value.too_long", max=MAX_SCRIPT))
        if body.strip():
            kept[lang] = body.strip()
    return json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None


def _selection(criteria: CampaignCriteria, cuts: AgeCuts) -> tuple[str, dict[str, Any]]:
    """The SQL that finds the campaign's people: present on the register and matching every criterion."""
    where = ["coalesce(status, 'present') = 'present'"]
    params: dict[str, Any] = {}

    def among(column: str, values: Sequence[str], prefix: str) -> None:
        names = [f"{prefix}{i}" for i in range(len(values))]
        params.update(zip(names, values, strict=True))
        where.append(f"{column} IN ({', '.join(':' + n for n in names)})")

    if criteria.regions:
        among("region", criteria.regions, "r")
    if criteria.purposes:
        among("purpose_of_stay", [p.value for p in criteria.purposes], "p")
    if criteria.welfare:
        among("coalesce(welfare_status, 'unknown')", [w.value for w in criteria.welfare], "w")
    if criteria.vulnerable_only:
        where.append(
            "(coalesce(vulnerabilities, '') <> '' OR substr(birth_date, 1, 10) > :child"
            " OR substr(birth_date, 1, 10) <= :elder)"
        )
        params.update(child=cuts.child_after, elder=cuts.elderly_by)
    if criteria.not_reached_since is not None:
        where.append(
            "NOT EXISTS (SELECT 1 FROM contacts k WHERE k.citizen_id = citizens.id"
            " AND k.outcome = 'reached' AND k.at >= :since)"
        )
        params["since"] = criteria.not_reached_since.isoformat()
    sql = (
        "SELECT id, household_id, coalesce(vulnerabilities, '') <> '', birth_date, last_contact_at,"
        f" coalesce(name_sort, '') FROM citizens WHERE {' AND '.join(where)}"
    )
    return sql, params


def create_campaign(
    session: Session,
    name: str,
    criteria: CampaignCriteria,
    *,
    assignees: Sequence[str] = (),
    script: Mapping[str, str] | None = None,
    today: date | None = None,
) -> Campaign:
    """Make a campaign of everyone present who matches ``criteria``, ordered and split among
    ``assignees`` (usernames of active staff; none: anyone may work the list).

    Order: vulnerable people, children (under 18 on the day) and the elderly (65 or over) first;
    then whoever has gone longest without a contact (never contacted first); then by name. A
    household goes to one caller, right after its most urgent member; each caller's list starts
    with their most urgent people. ``script``: the campaign's own script per language (kk, ru, en,
    ko), else the standard one. Refused when nobody matches.
    """
    session.require(Action.CAMPAIGN_MANAGE)
    title = name.strip()
    if not title:
        raise ValidationError("name", Msg("campaign.name_required"))
    if len(title) > MAX_NAME:
        raise ValidationError("name", Msg("value.too_long", max=MAX_NAME))
    host = session.post.host_country
    criteria = CampaignCriteria(
        regions=tuple(dict.fromkeys(normalize_region(r, host_country=host) for r in criteria.regions)),
        purposes=tuple(dict.fromkeys(criteria.purposes)),
        welfare=tuple(dict.fromkeys(criteria.welfare)),
        vulnerable_only=criteria.vulnerable_only,
        not_reached_since=criteria.not_reached_since,
    )
    script_json = _check_script(script)
    day = today or date.today()
    campaign_id = uuid7()
    with session.write(Action.CAMPAIGN_MANAGE) as uow:
        callers = list(dict.fromkeys(check_caller(uow, a, field="assign") for a in assignees))
        sql, params = _selection(criteria, AgeCuts.on(day))
        # The SQL gives each value in the shape Candidate holds (text or NULL, the vulnerable flag as
        # 0/1): 100,000 tuples are made without a conversion each.
        people = list(map(Candidate._make, uow.conn.execute(text(sql), params).all()))
        if not people:
            raise ValidationError("criteria", Msg("campaign.nobody"))
        values = {
            "name": title,
            "criteria": criteria.to_json(),
            "script": script_json,
            "status": CampaignStatus.OPEN.value,
            "created_at": uow.now,
            "created_by": session.user.username,
            "closed_at": None,
        }
        uow.conn.execute(
            text(
                "INSERT INTO campaigns(id, name, criteria, script, status, created_at, created_by,"
                " closed_at, updated_at, version) VALUES (:id, :name, :criteria, :script, :status,"
                " :created_at, :created_by, :closed_at, :created_at, 1)"
            ),
            {"id": campaign_id, **values},
        )
        uow.change("campaign", campaign_id, "create", values)
        _insert_targets(uow, campaign_id, plan(people, callers, day))
        uow.audit(
            "campaign.create",
            entity="campaign",
            entity_id=campaign_id,
            details={"targets": len(people), "assignees": len(callers)},
        )
    return get_campaign(session, campaign_id)


def _insert_targets(
    uow: UnitOfWork, campaign_id: str, planned: Sequence[tuple[Candidate, int, str | None]]
) -> None:
    """The call list in one executemany, and its change-log creates in another (no per-row query)."""
    now, staff, version = uow.now, uow.user.id, changelog.SCHEMA_VERSION
    pending = TargetState.PENDING.value
    rows = []
    changes = []
    stamps = uow.stamps(len(planned))
    entry_ids = uuid7_many(len(planned))
    dumps = orjson.dumps
    # The fields' JSON around each person's id and place: one template per caller instead of a dict
    # and a serialisation per person (ids are JSON-encoded; the rest is fixed). Fields still empty
    # are left out (every side reads a missing field as empty).
    head = '{"campaign_id":' + dumps(campaign_id).decode() + ',"citizen_id":'
    tails = {
        caller: f',"assignee":{dumps(caller).decode()},"state":{dumps(pending).decode()},"attempts":0}}'
        for caller in {caller for _, _, caller in planned}
    }
    for (person, position, caller), stamp, entry_id in zip(planned, stamps, entry_ids, strict=True):
        citizen_id = person.citizen_id
        record_id = target_id(campaign_id, citizen_id)
        rows.append((record_id, campaign_id, citizen_id, position, caller, pending, now))
        fields = f'{head}{dumps(citizen_id).decode()},"position":{position}{tails[caller]}'
        changes.append((entry_id, "campaign_target", record_id, "create", fields, stamp, staff, version))
    # In key order the id, person and citizen indexes grow at their ends instead of splitting pages
    # all over a large table (several times faster on a 100,000-person list).
    rows.sort()
    with large_cache(uow.conn):
        uow.conn.exec_driver_sql(
            "INSERT INTO campaign_targets(id, campaign_id, citizen_id, position, assignee, state, attempts,"
            " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 1)",
            rows,
        )
        changelog.insert_ready(uow.conn, changes)


def list_campaigns(session: Session, *, include_closed: bool = True) -> list[Campaign]:
    """Campaigns, open ones first, newest first."""
    session.require(Action.CAMPAIGN_WORK)
    where = "" if include_closed else "WHERE status = 'open'"
    with session.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, name, criteria, status, created_at, created_by, closed_at, script,"
                " (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id)"
                f" FROM campaigns c {where} ORDER BY status = 'closed', created_at DESC, id DESC"
            )
        ).all()
    return [_campaign(tuple(r)) for r in rows]


def get_campaign(session: Session, campaign_id: str) -> Campaign:
    """One campaign by id."""
    session.require(Action.CAMPAIGN_WORK)
    with session.read() as conn:
        return _campaign(campaign_row(conn, campaign_id, total=True))


def campaign_progress(session: Session, campaign_id: str) -> CampaignProgress:
    """Done, remaining and follow-up counts, people per latest outcome, and each caller's share."""
    session.require(Action.CAMPAIGN_WORK)
    with session.read() as conn:
        campaign_row(conn, campaign_id)
        by_state = conn.execute(
            text(
                "SELECT assignee, state, count(*) FROM campaign_targets WHERE campaign_id = :id"
                " GROUP BY assignee, state"
            ),
            {"id": campaign_id},
        ).all()
        outcomes = conn.execute(
            text(
                "SELECT outcome, count(*) FROM campaign_targets WHERE campaign_id = :id"
                " AND outcome IS NOT NULL GROUP BY outcome ORDER BY outcome"
            ),
            {"id": campaign_id},
        ).all()
    states = {state.value: 0 for state in TargetState}
    staff: dict[str, list[int]] = {}
    for assignee, state, count in by_state:
        states[str(state)] = states.get(str(state), 0) + int(count)
        if assignee is not None:
            share = staff.setdefault(str(assignee), [0, 0])
            share[0] += int(count)
            if state == TargetState.DONE.value:
                share[1] += int(count)
    return CampaignProgress(
        campaign_id=campaign_id,
        total=sum(states.values()),
        done=states[TargetState.DONE.value],
        remaining=states[TargetState.PENDING.value],
        follow_up=states[TargetState.FOLLOW_UP.value],
        outcomes={str(o): int(n) for o, n in outcomes},
        staff={name: StaffProgress(a, d) for name, (a, d) in sorted(staff.items())},
    )


def reassign(
    session: Session,
    campaign_id: str,
    to_user: str,
    *,
    citizen_ids: Sequence[str] = (),
    from_user: str | None = None,
) -> int:
    """Give people to another caller; return how many moved.

    ``citizen_ids``: those people (whatever their state). ``from_user``: everyone still to call on
    that person's list (a disabled account's list too). Both: those people, if on that list.
    ``to_user`` must be an active account that may work call lists.
    """
    session.require(Action.CAMPAIGN_MANAGE)
    if not citizen_ids and not from_user:
        raise ValidationError("citizen", Msg("campaign.reassign_what"))
    with session.write(Action.CAMPAIGN_MANAGE) as uow:
        open_campaign_row(uow, campaign_id)
        to_name = check_caller(uow, to_user, field="to")
        if from_user:
            source = from_user.strip().casefold()
            known = uow.conn.execute(
                text("SELECT 1 FROM staff_users WHERE username = :u"), {"u": source}
            ).first()
            if known is None:
                raise ValidationError("from", Msg("campaign.no_user", name=from_user))
        rows = _targets_to_move(uow, campaign_id, citizen_ids)
        ids = [
            moved_id
            for moved_id, assignee, state in rows
            if assignee != to_name
            and (not from_user or assignee == from_user.strip().casefold())
            and (citizen_ids or state == TargetState.PENDING.value)
        ]
        if ids:
            uow.conn.exec_driver_sql(
                "UPDATE campaign_targets SET assignee = ?, updated_at = ?, version = version + 1"
                " WHERE id = ?",
                [(to_name, uow.now, moved_id) for moved_id in ids],
            )
            for moved_id in ids:
                uow.change("campaign_target", moved_id, "update", {"assignee": to_name})
        uow.audit(
            "campaign.reassign",
            entity="campaign",
            entity_id=campaign_id,
            details={"moved": len(ids), "whole_list": bool(from_user and not citizen_ids)},
        )
    return len(ids)


def _targets_to_move(
    uow: UnitOfWork, campaign_id: str, citizen_ids: Sequence[str]
) -> list[tuple[str, str | None, str]]:
    """(target id, assignee, state) of the named people, or of everyone on the campaign."""
    if not citizen_ids:
        rows = uow.conn.execute(
            text("SELECT id, assignee, state FROM campaign_targets WHERE campaign_id = :c"),
            {"c": campaign_id},
        )
        return [(str(r[0]), r[1], str(r[2])) for r in rows]
    out = []
    for citizen_id in dict.fromkeys(citizen_ids):
        row = uow.conn.execute(
            text("SELECT id, assignee, state FROM campaign_targets WHERE id = :id"),
            {"id": target_id(campaign_id, citizen_id)},
        ).first()
        if row is None:
            raise NotFoundError(Msg("campaign.not_in_campaign", citizen=citizen_id))
        out.append((str(row[0]), row[1], str(row[2])))
    return out


def close_campaign(session: Session, campaign_id: str) -> Campaign:
    """Close a campaign: its lists stay as they are and no more outcomes can be recorded."""
    session.require(Action.CAMPAIGN_MANAGE)
    with session.write(Action.CAMPAIGN_MANAGE) as uow:
        open_campaign_row(uow, campaign_id)
        uow.conn.execute(
            text(
                "UPDATE campaigns SET status = :s, closed_at = :now, updated_at = :now,"
                " version = version + 1 WHERE id = :id"
            ),
            {"s": CampaignStatus.CLOSED.value, "now": uow.now, "id": campaign_id},
        )
        uow.change(
            "campaign", campaign_id, "update", {"status": CampaignStatus.CLOSED.value, "closed_at": uow.now}
        )
        pending = uow.conn.execute(
            text("SELECT count(*) FROM campaign_targets WHERE campaign_id = :c AND state = 'pending'"),
            {"c": campaign_id},
        ).scalar_one()
        uow.audit("campaign.close", entity="campaign", entity_id=campaign_id, details={"pending": pending})
    return get_campaign(session, campaign_id)


__all__ = [
    "CallCard",
    "Campaign",
    "CampaignCriteria",
    "CampaignProgress",
    "CaseDraft",
    "HouseholdMember",
    "RecordResult",
    "StaffProgress",
    "campaign_progress",
    "close_campaign",
    "create_campaign",
    "follow_up_list",
    "get_campaign",
    "list_campaigns",
    "next_call",
    "reassign",
    "record_outcome",
]
