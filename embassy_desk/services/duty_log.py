"""The duty log: what happened on a shift and what is pending, for whoever takes over.

Notes are appended, never edited or deleted (table ``duty_notes``, synced as entity ``duty_note``, so
a note written at one workstation reaches the others of the post). Staff write (``DUTY_NOTE``);
everyone who may see citizens reads (a note may name someone). A note keeps its writer's user name,
not their account id: accounts are per workstation, and the name is what the next shift recognises
on any of them. The audit entry of a note holds its id only (the text may be personal).

The shift handover (:func:`handover_notes`): right after signing in, the person sees the notes
others wrote since their previous sign-in here (or in the last :data:`HANDOVER_FALLBACK` if they
never signed in here before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import text as sql

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import meta

MAX_TEXT = 4000
# The handover of someone who never signed in at this workstation: the last half day.
HANDOVER_FALLBACK = timedelta(hours=12)
# How many notes the handover shows at most (the duty log itself has the rest).
HANDOVER_LIMIT = 5
# meta key (per account, this workstation only) of the person's previous sign-in, for the handover.
_SIGN_IN_KEY = "duty_log/sign_in/{user_id}"


@dataclass(frozen=True)
class DutyNote:
    """One entry of the duty log. ``staff`` is the writer's user name; ``staff_name`` their display
    name where this workstation knows the account (else the user name)."""

    id: str
    at: str
    staff: str
    staff_name: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "at": self.at,
            "staff": self.staff,
            "staff_name": self.staff_name,
            "text": self.text,
        }


def write_note(session: Session, text: str) -> DutyNote:
    """Append a note (1 to 4,000 characters; blank space around it is dropped)."""
    session.require(Action.DUTY_NOTE)
    body = text.strip()
    if not body:
        raise ValidationError("text", Msg("duty.empty"))
    if len(body) > MAX_TEXT:
        raise ValidationError("text", Msg("duty.too_long", max=MAX_TEXT, length=len(body)))
    note_id = uuid7()
    with session.write(Action.DUTY_NOTE) as uow:
        values = {"at": uow.now, "staff": session.user.username, "text": body}
        uow.conn.execute(
            sql("INSERT INTO duty_notes(id, at, staff, text) VALUES (:id, :at, :staff, :text)"),
            {"id": note_id, **values},
        )
        uow.change("duty_note", note_id, "create", values)
        uow.audit("duty.note", entity="duty_note", entity_id=note_id)
    return DutyNote(note_id, uow.now, session.user.username, session.user.display_name, body)


_SELECT = (
    "SELECT d.id, d.at, d.staff, coalesce(s.display_name, d.staff), d.text FROM duty_notes d"
    " LEFT JOIN staff_users s ON s.username = d.staff"
)


def _notes(conn: Connection, where: str, params: dict[str, Any]) -> list[DutyNote]:
    rows = conn.execute(sql(f"{_SELECT} {where} ORDER BY d.at DESC, d.id DESC LIMIT :n"), params).all()
    return [DutyNote(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]


def recent_notes(session: Session, *, limit: int = 50, since: str | None = None) -> list[DutyNote]:
    """The latest notes, newest first; with ``since`` (an ISO time), only those written after it."""
    session.require(Action.CITIZEN_VIEW)
    where = ""
    params: dict[str, Any] = {"n": max(0, limit)}
    if since:
        where = "WHERE d.at > :since"
        params["since"] = since
    with session.read() as conn:
        return _notes(conn, where, params)


def count_notes(session: Session) -> int:
    """How many notes the log holds."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return int(conn.execute(sql("SELECT count(*) FROM duty_notes")).scalar_one())


@dataclass(frozen=True)
class Handover:
    """What the person who just signed in has not seen: the latest ``notes`` (at most
    :data:`HANDOVER_LIMIT`) of ``total`` written by others since ``since``."""

    since: str
    notes: list[DutyNote]
    total: int


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _previous_sign_in(conn: Connection, session: Session) -> str | None:
    """The person's sign-in before this one: kept by :func:`handover_notes`, or, the first time,
    the audit log's second latest ``login`` entry of their account (the latest is this one)."""
    kept = meta.get(conn, _SIGN_IN_KEY.format(user_id=session.user.id))
    if isinstance(kept, str) and kept:
        return kept
    rows = conn.execute(
        sql("SELECT at FROM audit_log WHERE actor = :u AND action = 'login' ORDER BY seq DESC LIMIT 2"),
        {"u": session.user.username},
    ).all()
    return str(rows[1][0]) if len(rows) > 1 else None


def handover_notes(session: Session, *, now: datetime | None = None, limit: int = HANDOVER_LIMIT) -> Handover:
    """The notes written by others since the signed-in person's previous sign-in at this workstation
    (or in the last 12 hours when there is none), newest first; and remember this sign-in for the
    next handover. Call it once per sign-in, right after it (the window does)."""
    session.require(Action.CITIZEN_VIEW)
    moment = now or datetime.now(UTC)
    with session.read() as conn:
        since = _previous_sign_in(conn, session) or _iso(moment - HANDOVER_FALLBACK)
        # Times are kept to the millisecond: a note written in the sign-in's own millisecond is
        # shown (at worst in two handovers) rather than in none.
        mine = {"me": session.user.username, "since": since}
        total = int(
            conn.execute(
                sql("SELECT count(*) FROM duty_notes WHERE at >= :since AND staff <> :me"), mine
            ).scalar_one()
        )
        notes = _notes(conn, "WHERE d.at >= :since AND d.staff <> :me", {**mine, "n": limit}) if total else []
    # Sign-in times stay on this workstation (meta is not synced) and hold no personal data.
    with session.write(Action.OWN_ACCOUNT) as uow:
        meta.put(uow.conn, _SIGN_IN_KEY.format(user_id=session.user.id), _iso(moment))
    return Handover(since, notes, total)
