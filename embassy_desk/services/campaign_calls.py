"""Working a campaign's call list: the next person, recording what the call gave, the follow-up list.

Outcomes (:func:`embassy_desk.domain.campaigns.transition`): each is a contact in the contact log
(channel phone unless given, the campaign's id on it). safe: reached, welfare safe, done. needs
help: reached, welfare needs assistance, done, an assistance case opened. no answer: the third
one in the campaign makes the person unreachable and moves them to the follow-up list. wrong
number: follow-up list. message left: still to call. The contact, the welfare status, the case
and the list change commit together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.campaigns import REACHING, parse_outcome, target_id, transition
from embassy_desk.domain.enums import CallOutcome, CaseKind, CasePriority, Channel, TargetState
from embassy_desk.domain.errors import NotFoundError, ValidationError
from embassy_desk.domain.messages import Msg, render
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services import cases, contacts
from embassy_desk.services.campaign_cards import (
    CallCard,
    build_card,
    campaign_row,
    open_campaign_row,
    own_script,
    post_names,
)
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork

#: Someone who did not answer (or got a message) comes back after this, or once nobody else is left.
RETRY_AFTER = timedelta(minutes=30)
FOLLOW_UP_LIMIT = 500


@dataclass(frozen=True)
class CaseDraft:
    """The assistance case "needs help" opens; an empty summary names the campaign (not the person)."""

    kind: CaseKind = CaseKind.OTHER
    priority: CasePriority = CasePriority.HIGH
    summary: str = ""


@dataclass(frozen=True)
class RecordResult:
    """What recording an outcome did, and who to call next."""

    contact_id: str
    case_id: str | None
    state: TargetState
    recorded_for: tuple[str, ...]  # the person called, then the household members recorded with them
    next: CallCard | None


_TARGET = "SELECT citizen_id, position, attempts, state, assignee, outcome FROM campaign_targets"


def _pick(
    conn: Connection, campaign_id: str, assignee: str | None, skip: Sequence[str], cutoff: str
) -> dict[str, Any] | None:
    """The first person still to call on ``assignee``'s list (None: the unassigned list): in order,
    those not tried since ``cutoff`` first, then the ones tried longest ago."""
    who = "assignee IS NULL" if assignee is None else "assignee = :me"
    params: dict[str, Any] = {"c": campaign_id, "me": assignee, "cutoff": cutoff, "pending": "pending"}
    skipped = ""
    if skip:
        names = [f"s{i}" for i in range(len(skip))]
        params.update(zip(names, skip, strict=True))
        skipped = f" AND citizen_id NOT IN ({', '.join(':' + n for n in names)})"
    base = f"{_TARGET} WHERE campaign_id = :c AND {who} AND state = :pending{skipped}"
    # The index (campaign_id, assignee, state, position) walks the list in order; only people tried
    # in the last half hour are stepped over, so this stays fast on a list of any length.
    row = conn.execute(
        text(f"{base} AND (last_attempt_at IS NULL OR last_attempt_at < :cutoff) ORDER BY position LIMIT 1"),
        params,
    ).first()
    if row is None:
        row = conn.execute(text(f"{base} ORDER BY last_attempt_at, position LIMIT 1"), params).first()
    return None if row is None else dict(row._mapping)


def _cutoff() -> str:
    return (datetime.now(UTC) - RETRY_AFTER).isoformat(timespec="milliseconds")


def next_call(session: Session, campaign_id: str, *, skip: Sequence[str] = ()) -> CallCard | None:
    """The next person on the signed-in person's list (None when it is done or the campaign closed).

    In list order, except that someone tried in the last half hour (no answer, message left) waits
    until the others are called; ``skip`` (citizen ids) leaves people out for this sitting. Someone
    with no list of their own in the campaign works the unassigned list, if it has one.
    """
    session.require(Action.CAMPAIGN_WORK)
    with session.read() as conn:
        row = campaign_row(conn, campaign_id)
        if row[3] == "closed":
            return None
        cutoff = _cutoff()
        target = _pick(conn, campaign_id, session.user.username, skip, cutoff)
        if target is None:
            target = _pick(conn, campaign_id, None, skip, cutoff)
        if target is None:
            return None
        post = post_names(conn, session.post.name)
        return build_card(
            conn, campaign_id, target, own_script=own_script(row[7]), post=post, today=date.today()
        )


def follow_up_list(session: Session, campaign_id: str, *, limit: int = FOLLOW_UP_LIMIT) -> list[CallCard]:
    """People moved off the call list (a third no-answer, a wrong number), in list order."""
    session.require(Action.CAMPAIGN_WORK)
    with session.read() as conn:
        row = campaign_row(conn, campaign_id)
        targets = conn.execute(
            text(f"{_TARGET} WHERE campaign_id = :c AND state = 'follow_up' ORDER BY position LIMIT :n"),
            {"c": campaign_id, "n": limit},
        ).all()
        post = post_names(conn, session.post.name)
        today = date.today()
        return [
            build_card(
                conn, campaign_id, dict(t._mapping), own_script=own_script(row[7]), post=post, today=today
            )
            for t in targets
        ]


def _target(uow: UnitOfWork, campaign_id: str, citizen_id: str) -> dict[str, Any]:
    row = uow.conn.execute(
        text(f"{_TARGET} WHERE id = :id"), {"id": target_id(campaign_id, citizen_id)}
    ).first()
    if row is None:
        raise NotFoundError(Msg("campaign.not_in_campaign", citizen=citizen_id))
    return dict(row._mapping)


def _no_answers(uow: UnitOfWork, campaign_id: str, citizen_id: str) -> int:
    # ix_contacts_citizen narrows this to the person's own contacts.
    return int(
        uow.conn.execute(
            text(
                "SELECT count(*) FROM contacts WHERE citizen_id = :p AND campaign_id = :c"
                " AND outcome = 'no_answer'"
            ),
            {"p": citizen_id, "c": campaign_id},
        ).scalar_one()
    )


def _update_target(uow: UnitOfWork, campaign_id: str, citizen_id: str, changes: dict[str, Any]) -> None:
    record_id = target_id(campaign_id, citizen_id)
    sets = ", ".join(f"{k} = :{k}" for k in changes)
    uow.conn.execute(
        text(
            f"UPDATE campaign_targets SET {sets}, updated_at = :now_, version = version + 1 WHERE id = :id_"
        ),
        {**changes, "now_": uow.now, "id_": record_id},
    )
    uow.change("campaign_target", record_id, "update", changes)


def _household_members(uow: UnitOfWork, citizen_id: str, members: Sequence[str]) -> list[str]:
    """``members`` checked to be other members of the called person's household."""
    wanted = [m for m in dict.fromkeys(members) if m != citizen_id]
    if not wanted:
        return []
    household = uow.conn.execute(
        text("SELECT household_id FROM citizens WHERE id = :id"), {"id": citizen_id}
    ).scalar_one_or_none()
    for member in wanted:
        theirs = uow.conn.execute(
            text("SELECT household_id FROM citizens WHERE id = :id"), {"id": member}
        ).scalar_one_or_none()
        if household is None or theirs != household:
            raise ValidationError("household", Msg("campaign.not_household", citizen=member))
    return wanted


def record_outcome(
    session: Session,
    campaign_id: str,
    citizen_id: str,
    outcome: CallOutcome | str,
    *,
    note: str = "",
    household: Sequence[str] = (),
    case: CaseDraft | None = None,
    channel: str = "phone",
    skip: Sequence[str] = (),
) -> RecordResult:
    """Record what a call gave (see the module's outcome table) and hand back the next person.

    ``household``: other members of the person's household recorded with the same outcome (safe or
    needs help only), each with their own contact; those on this campaign's lists are done too.
    ``case``: the case "needs help" opens (default: kind other, priority high, a summary naming the
    campaign). ``skip``: passed to :func:`next_call`. A closed campaign refuses outcomes.
    """
    session.require(Action.CAMPAIGN_WORK)
    result = parse_outcome(outcome)
    chan = parse_choice(Channel, channel, field="channel")
    if len(note) > contacts.MAX_NOTE:
        raise ValidationError("note", Msg("value.too_long", max=contacts.MAX_NOTE))
    if household and result not in REACHING:
        raise ValidationError("household", Msg("campaign.household_reached_only"))
    with session.write(Action.CAMPAIGN_WORK) as uow:
        row = open_campaign_row(uow, campaign_id)
        target = _target(uow, campaign_id, citizen_id)
        before = _no_answers(uow, campaign_id, citizen_id) if result is CallOutcome.NO_ANSWER else 0
        step = transition(
            result,
            state=TargetState(target["state"]),
            attempts=int(target["attempts"]),
            no_answers_before=before,
        )
        others = _household_members(uow, citizen_id, household)
        entry = contacts.insert_contact(
            uow,
            citizen_id,
            channel=chan,
            outcome=step.contact_outcome,
            welfare=step.welfare,
            note=note.strip(),
            campaign_id=campaign_id,
        )
        changes: dict[str, Any] = {
            "outcome": result.value,
            "attempts": step.attempts,
            "last_attempt_at": uow.now,
        }
        if step.state.value != target["state"]:
            changes["state"] = step.state.value
        if step.state is TargetState.DONE and target["state"] != TargetState.DONE.value:
            changes.update(done_at=uow.now, done_by=session.user.username)
        _update_target(uow, campaign_id, citizen_id, changes)
        for member in others:
            contacts.insert_contact(
                uow,
                member,
                channel=chan,
                outcome=step.contact_outcome,
                welfare=step.welfare,
                note=note.strip(),
                campaign_id=campaign_id,
            )
            theirs = uow.conn.execute(
                text("SELECT state FROM campaign_targets WHERE id = :id"),
                {"id": target_id(campaign_id, member)},
            ).scalar_one_or_none()
            if theirs is not None:
                done: dict[str, Any] = {"outcome": result.value, "last_attempt_at": uow.now}
                if theirs != TargetState.DONE.value:
                    done.update(state=TargetState.DONE.value, done_at=uow.now, done_by=session.user.username)
                _update_target(uow, campaign_id, member, done)
        case_id = None
        if step.opens_case:
            draft = case or CaseDraft()
            summary = draft.summary.strip() or render(Msg("campaign.case_summary", name=str(row[1])), "en")
            case_id = cases.insert_case(
                uow, citizen_id, kind=draft.kind, priority=draft.priority, summary=summary
            )
            uow.audit("case.open", entity="case", entity_id=case_id, details={"kind": draft.kind.value})
        uow.audit(
            "campaign.record",
            entity="campaign",
            entity_id=campaign_id,
            details={"outcome": result.value, "contact": entry.id, "household": len(others), "case": case_id},
        )
    upcoming = next_call(session, campaign_id, skip=skip)
    return RecordResult(entry.id, case_id, step.state, (citizen_id, *others), upcoming)


__all__ = ["CaseDraft", "RecordResult", "follow_up_list", "next_call", "record_outcome"]
