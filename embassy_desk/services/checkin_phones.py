"""The phone numbers citizens reported by check-in ("my number has changed"), waiting for staff.

HQ writes each report as a ``phone_change`` record (status ``pending``) into the post's log; sync
brings it here. Nothing is applied silently: a member of staff looks at the person, the old numbers
and the reported one, then applies it (the number becomes the person's first mobile; the old ones
stay, after it) or dismisses it. Applying goes through the registry's edit path
(:func:`embassy_desk.services.registry.apply_edit`: validated, synced, audited as ``citizen.edit``)
in the same transaction as the decision, so a crash never leaves one without the other.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from embassy_desk.domain.citizen import InvalidRecord
from embassy_desk.domain.enums import PhoneChangeStatus
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.campaign_cards import display_name, phones_of
from embassy_desk.services.permissions import Action
from embassy_desk.services.registry import apply_edit
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import citizens


class PhoneChangeResolved(EmbassyDeskError):
    """Someone (maybe at another workstation) applied or dismissed this report already."""

    exit_code = 2


@dataclass(frozen=True)
class PendingPhoneChange:
    """One reported number waiting for review, with what the register holds now."""

    id: str
    citizen_id: str
    name: str  # the person's name as the registry shows it ("" when they are no longer on it)
    phones: tuple[str, ...]  # their current numbers (E.164), mobiles first
    phone: str  # the number they reported
    reported_at: str
    source: str  # "web" | "sms"


_PENDING = (
    "SELECT p.id, p.citizen_id, c.surname, c.given_names, c.patronymic,"
    " trim(coalesce(c.surname_latin, '') || ' ' || coalesce(c.given_names_latin, '')), c.phones,"
    " p.phone, p.reported_at, p.source"
    " FROM phone_changes p LEFT JOIN citizens c ON c.id = p.citizen_id"
    " WHERE p.status = 'pending' ORDER BY p.reported_at, p.id"
)


def _pending(row: Sequence[Any]) -> PendingPhoneChange:
    return PendingPhoneChange(
        id=str(row[0]),
        citizen_id=str(row[1]),
        name=display_name(row[2], row[3], row[4], str(row[5] or "")),
        phones=tuple(number for number, _kind in phones_of(row[6])),
        phone=str(row[7]),
        reported_at=str(row[8]),
        source=str(row[9]),
    )


def pending_phone_changes(session: Session) -> list[PendingPhoneChange]:
    """Reported numbers waiting for review, oldest first (staff)."""
    session.require(Action.CHECKIN_PHONES)
    with session.read() as conn:
        return [_pending(tuple(r)) for r in conn.execute(text(_PENDING)).all()]


def _open_change(uow: UnitOfWork, change_id: str) -> tuple[str, str]:
    """(citizen id, reported number) of a pending report; refused when unknown or already decided."""
    row = uow.conn.execute(
        text("SELECT citizen_id, phone, status, resolved_at, resolved_by FROM phone_changes WHERE id = :id"),
        {"id": change_id},
    ).first()
    if row is None:
        raise NotFoundError(Msg("checkin.phone_not_found", id=change_id))
    if row[2] != PhoneChangeStatus.PENDING.value:
        raise PhoneChangeResolved(Msg("checkin.phone_resolved", at=str(row[3] or ""), by=str(row[4] or "")))
    return str(row[0]), str(row[1])


def _resolve(uow: UnitOfWork, change_id: str, status: PhoneChangeStatus) -> None:
    values = {"status": status.value, "resolved_at": uow.now, "resolved_by": uow.user.username}
    uow.conn.execute(
        text(
            "UPDATE phone_changes SET status = :status, resolved_at = :resolved_at,"
            " resolved_by = :resolved_by, updated_at = :resolved_at, version = version + 1 WHERE id = :id"
        ),
        {"id": change_id, **values},
    )
    uow.change("phone_change", change_id, "update", values)


def apply_phone_change(session: Session, change_id: str) -> str:
    """Make the reported number the person's first mobile (older numbers kept after it), mark the
    report applied; return the number as stored (E.164). Staff; audited (``citizen.edit`` and
    ``checkin.phone_apply``, with ids only)."""
    session.require(Action.CHECKIN_PHONES)
    with session.write(Action.CHECKIN_PHONES) as uow:
        citizen_id, reported = _open_change(uow, change_id)
        row = citizens.get(uow.conn, citizen_id)
        if row is None:
            raise NotFoundError(Msg("checkin.phone_citizen_gone"))
        kept = [{"number": number, "kind": kind} for number, kind in phones_of(row.get("phones"))]
        try:
            # The validator drops a repeated number after its first place: the new one leads.
            edited = apply_edit(
                uow, session, citizen_id, {"phones": [{"number": reported, "kind": "mobile"}, *kept]}
            )
        except InvalidRecord:
            raise ValidationError("phone", Msg("checkin.phone_invalid", value=reported)) from None
        _resolve(uow, change_id, PhoneChangeStatus.APPLIED)
        uow.audit(
            "checkin.phone_apply", entity="citizen", entity_id=citizen_id, details={"change": change_id}
        )
    stored = json.loads(str(edited.fields.get("phones") or "[]"))
    return str(stored[0]["number"]) if stored else reported


def dismiss_phone_change(session: Session, change_id: str) -> None:
    """Leave the record as it is and mark the report dismissed (staff; audited with ids)."""
    session.require(Action.CHECKIN_PHONES)
    with session.write(Action.CHECKIN_PHONES) as uow:
        citizen_id, _reported = _open_change(uow, change_id)
        _resolve(uow, change_id, PhoneChangeStatus.DISMISSED)
        uow.audit(
            "checkin.phone_dismiss", entity="citizen", entity_id=citizen_id, details={"change": change_id}
        )
