"""The contact log: every call, visit or message, appended, never edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import text

from embassy_desk.domain.enums import Channel, Direction, Outcome, WelfareStatus
from embassy_desk.domain.errors import NotFoundError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork

MAX_NOTE = 4000
# Outcomes after which the call is tried again, and how long after by default (the quick log lets
# the officer change it).
RETRY_OUTCOMES = frozenset({Outcome.NO_ANSWER, Outcome.BUSY})
DEFAULT_RETRY = timedelta(hours=2)


def due_text(when: date) -> str:
    """The stored form of a follow-up: local date and time to the minute (``2026-12-07T14:30``).

    A plain date (older records, the CLI's ``--follow-up DATE``) is kept as the date alone and
    means "some time that day"; both forms sort together, which the range queries rely on.
    """
    if isinstance(when, datetime):
        return when.replace(tzinfo=None).isoformat(timespec="minutes")
    return when.isoformat()


def read_due(text: str) -> tuple[date, datetime | None]:
    """The day of a stored follow-up and, when it has one, its time; raises ``ValueError``."""
    if "T" in text:
        moment = datetime.fromisoformat(text)
        return moment.date(), moment
    return date.fromisoformat(text), None


@dataclass(frozen=True)
class ContactEntry:
    """One logged contact."""

    id: str
    citizen_id: str
    at: str
    channel: Channel
    direction: Direction
    staff: str
    outcome: Outcome
    welfare_status: WelfareStatus | None
    note: str
    follow_up_due: str | None


def log_contact(
    session: Session,
    citizen_id: str,
    *,
    channel: str,
    outcome: str,
    welfare: str | None = None,
    note: str = "",
    direction: str = "outgoing",
    follow_up_due: date | None = None,
    campaign_id: str | None = None,
) -> ContactEntry:
    """Append a contact; a reported welfare status also updates the citizen's welfare status.

    ``follow_up_due`` is a local date and time (a ``datetime``) or a day (a ``date``).
    """
    session.require(Action.CONTACT_LOG)
    chan = parse_choice(Channel, channel, field="channel")
    if chan is Channel.CHECK_IN:
        # Only HQ writes these, for what a citizen answered themselves (issue 14): staff saying
        # "check-in" would be counted on the dashboard as the citizen's own answer.
        raise ValidationError("channel", Msg("checkin.channel_by_citizen"))
    result = parse_choice(Outcome, outcome, field="outcome")
    way = parse_choice(Direction, direction, field="direction")
    welfare_status = parse_choice(WelfareStatus, welfare, field="welfare") if welfare else None
    if len(note) > MAX_NOTE:
        raise ValidationError("note", Msg("value.too_long", max=MAX_NOTE))
    with session.write(Action.CONTACT_LOG) as uow:
        entry = insert_contact(
            uow,
            citizen_id,
            channel=chan,
            outcome=result,
            welfare=welfare_status,
            note=note,
            direction=way,
            follow_up_due=follow_up_due,
            campaign_id=campaign_id,
        )
        uow.audit("contact.log", entity="citizen", entity_id=citizen_id, details={"contact": entry.id})
    return entry


def insert_contact(
    uow: UnitOfWork,
    citizen_id: str,
    *,
    channel: Channel,
    outcome: Outcome,
    welfare: WelfareStatus | None = None,
    note: str = "",
    direction: Direction = Direction.OUTGOING,
    follow_up_due: date | None = None,
    campaign_id: str | None = None,
) -> ContactEntry:
    """Append a contact inside the caller's transaction (no audit entry: the caller writes its own).

    Shared by :func:`log_contact` and the campaigns' call bank, whose outcome, welfare status,
    case and call-list change must commit together.
    """
    entry_id = uuid7()
    if uow.conn.execute(text("SELECT 1 FROM citizens WHERE id = :id"), {"id": citizen_id}).first() is None:
        raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
    due = due_text(follow_up_due) if follow_up_due else None
    values: dict[str, str | None] = {
        "id": entry_id,
        "citizen_id": citizen_id,
        "at": uow.now,
        "channel": channel.value,
        "direction": direction.value,
        "staff": uow.user.id,
        "outcome": outcome.value,
        "welfare_status": welfare.value if welfare else None,
        "note": note or None,
        "follow_up_due": due,
        "campaign_id": campaign_id,
    }
    uow.conn.execute(
        text(
            "INSERT INTO contacts(id, citizen_id, at, channel, direction, staff, outcome,"
            " welfare_status, note, follow_up_due, campaign_id) VALUES (:id, :citizen_id, :at,"
            " :channel, :direction, :staff, :outcome, :welfare_status, :note, :follow_up_due,"
            " :campaign_id)"
        ),
        values,
    )
    citizen_update = "UPDATE citizens SET last_contact_at = :at"
    params = {"at": uow.now, "id": citizen_id, "by": uow.user.id}
    if welfare:
        citizen_update += ", welfare_status = :w, welfare_checked_at = :at, welfare_checked_by = :by"
        params["w"] = welfare.value
    uow.conn.execute(text(citizen_update + " WHERE id = :id"), params)
    uow.change("contact", entry_id, "create", {k: v for k, v in values.items() if k != "id"})
    if welfare:
        uow.change(
            "citizen",
            citizen_id,
            "update",
            {
                "welfare_status": welfare.value,
                "welfare_checked_at": uow.now,
                "welfare_checked_by": uow.user.id,
            },
        )
    return ContactEntry(
        entry_id, citizen_id, uow.now, channel, direction, uow.user.id, outcome, welfare, note, due
    )


_SELECT = (
    "SELECT id, citizen_id, at, channel, direction, staff, outcome, welfare_status, note,"
    " follow_up_due FROM contacts"
)


def _entries(session: Session, where: str, params: dict[str, object]) -> list[ContactEntry]:
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.execute(text(f"{_SELECT} {where}"), params).all()
    return [
        ContactEntry(
            r[0],
            r[1],
            r[2],
            Channel(r[3]),
            Direction(r[4]),
            r[5],
            Outcome(r[6]),
            WelfareStatus(r[7]) if r[7] else None,
            r[8] or "",
            r[9],
        )
        for r in rows
    ]


def contact_history(session: Session, citizen_id: str, *, limit: int = 200) -> list[ContactEntry]:
    """A citizen's contacts, newest first."""
    return _entries(
        session, "WHERE citizen_id = :id ORDER BY at DESC LIMIT :n", {"id": citizen_id, "n": limit}
    )


def follow_ups_due(session: Session, *, on_or_before: date) -> list[ContactEntry]:
    """Contacts whose follow-up is due by the end of the given day (at any time of it)."""
    return follow_ups_between(session, first=None, last=on_or_before)


def follow_ups_between(
    session: Session, *, first: date | None, last: date | None, limit: int | None = None
) -> list[ContactEntry]:
    """Contacts whose follow-up falls on a day from ``first`` to ``last`` (both included; None
    leaves that end open), earliest first."""
    # "2026-12-07" < "2026-12-07T09:00" < "2026-12-08": a day's bounds cover both stored forms.
    where = ["follow_up_due IS NOT NULL"]
    params: dict[str, object] = {}
    if first is not None:
        where.append("follow_up_due >= :first")
        params["first"] = first.isoformat()
    if last is not None:
        where.append("follow_up_due < :after")
        params["after"] = (last + timedelta(days=1)).isoformat()
    tail = ""
    if limit is not None:
        tail = " LIMIT :n"
        params["n"] = limit
    return _entries(session, f"WHERE {' AND '.join(where)} ORDER BY follow_up_due, at{tail}", params)
