"""Households: a family registered and moved together."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import text

from embassy_desk.domain.errors import NotFoundError
from embassy_desk.domain.ids import uuid7
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork


def resolve_household(uow: UnitOfWork, data: Mapping[str, object]) -> str | None:
    """The household id for a record: an existing id, or a label that names (or creates) one."""
    given_id = str(data.get("household_id") or "").strip()
    if given_id:
        if uow.conn.execute(text("SELECT 1 FROM households WHERE id = :id"), {"id": given_id}).first():
            return given_id
        raise NotFoundError(f"household_id: no household with id {given_id}")
    label = str(data.get("household") or "").strip()
    if not label:
        return None
    row = uow.conn.execute(text("SELECT id FROM households WHERE name = :n"), {"n": label}).first()
    if row is not None:
        return str(row[0])
    household_id = uuid7()
    uow.conn.execute(
        text(
            "INSERT INTO households(id, name, created_at, updated_at, version)"
            " VALUES (:id, :n, :now, :now, 1)"
        ),
        {"id": household_id, "n": label, "now": uow.now},
    )
    uow.change("household", household_id, "upsert", {"name": label})
    uow.audit("household.create", entity="household", entity_id=household_id)
    return household_id


def household_members(session: Session, household_id: str) -> list[str]:
    """Ids of the citizens in a household."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.execute(
            text("SELECT id FROM citizens WHERE household_id = :h ORDER BY birth_date"),
            {"h": household_id},
        )
        return [str(r[0]) for r in rows]
