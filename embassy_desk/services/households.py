"""Households: a family registered and moved together."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import text

from embassy_desk.domain.errors import NotFoundError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import changelog


@dataclass(frozen=True)
class HouseholdMember:
    """A member of a household as the citizen record lists them."""

    citizen_id: str
    display_name: str
    birth_date: str | None
    is_head: bool


@dataclass(frozen=True)
class Household:
    """A household with its members, oldest first."""

    id: str
    name: str
    head_id: str | None
    members: tuple[HouseholdMember, ...]


def household_of(session: Session, citizen_id: str) -> Household | None:
    """The household a citizen belongs to, with every member, or None if they have none."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        found = conn.execute(
            text(
                "SELECT h.id, h.name, h.head_id FROM citizens c JOIN households h ON h.id = c.household_id"
                " WHERE c.id = :id"
            ),
            {"id": citizen_id},
        ).first()
        if found is None:
            return None
        rows = conn.execute(
            text(
                "SELECT id, surname, given_names, patronymic, surname_latin, given_names_latin, birth_date"
                " FROM citizens WHERE household_id = :h ORDER BY coalesce(birth_date, ''), rid"
            ),
            {"h": found[0]},
        ).all()
    head_id = None if found[2] is None else str(found[2])
    members = []
    for cid, surname, given, patronymic, surname_latin, given_latin, birth in rows:
        name = " ".join(str(p) for p in (surname, given, patronymic) if p)
        name = name or " ".join(str(p) for p in (surname_latin, given_latin) if p)
        members.append(HouseholdMember(str(cid), name, birth, str(cid) == head_id))
    return Household(str(found[0]), str(found[1]), head_id, tuple(members))


def resolve_household(uow: UnitOfWork, data: Mapping[str, object]) -> str | None:
    """The household id for a record: an existing id, or a label that names (or creates) one."""
    given_id = str(data.get("household_id") or "").strip()
    if given_id:
        if uow.conn.execute(text("SELECT 1 FROM households WHERE id = :id"), {"id": given_id}).first():
            return given_id
        raise NotFoundError(Msg("household.not_found", id=given_id))
    label = str(data.get("household") or "").strip()
    if not label:
        return None
    row = uow.conn.execute(text("SELECT id FROM households WHERE name = :n"), {"n": label}).first()
    if row is not None:
        return str(row[0])
    household_id = _create_household(uow, label)
    uow.audit("household.create", entity="household", entity_id=household_id)
    return household_id


def _create_household(uow: UnitOfWork, label: str) -> str:
    """Insert a household and announce it to sync, in the caller's transaction."""
    household_id = uuid7()
    uow.conn.execute(
        text(
            "INSERT INTO households(id, name, created_at, updated_at, version)"
            " VALUES (:id, :n, :now, :now, 1)"
        ),
        {"id": household_id, "n": label, "now": uow.now},
    )
    uow.change("household", household_id, "create", {"name": label})
    return household_id


class HouseholdResolver:
    """Household labels to ids for a bulk import: one lookup of existing names, new households
    created in the import's transaction and announced to sync; the import's audit entry counts them.
    """

    def __init__(self, uow: UnitOfWork, *, dry_run: bool) -> None:
        self.uow = uow
        self.dry_run = dry_run
        self.created = 0
        self.ids: dict[str, str | None] = {
            str(name): str(hid) for name, hid in uow.conn.execute(text("SELECT name, id FROM households"))
        }

    def resolve(self, label: str) -> str | None:
        """The id of the household called ``label``, creating it if needed (not in a dry run)."""
        return self.resolve_all([label])[label]

    def resolve_all(self, labels: Iterable[str]) -> Mapping[str, str | None]:
        """Ids of every label (None in a dry run for new ones); missing households are created
        together, with one statement for the rows and one for their change-log entries."""
        missing = [label for label in dict.fromkeys(labels) if label not in self.ids]
        if not missing:
            return self.ids
        if self.dry_run:
            self.ids.update(dict.fromkeys(missing))
            return self.ids
        uow = self.uow
        made = [(uuid7(), label) for label in missing]
        uow.conn.exec_driver_sql(
            "INSERT INTO households(id, name, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)",
            [(household_id, label, uow.now, uow.now) for household_id, label in made],
        )
        stamps = uow.stamps(len(made))
        changelog.record_many(
            uow.conn,
            (
                ("household", household_id, "create", {"name": label}, stamp)
                for (household_id, label), stamp in zip(made, stamps, strict=True)
            ),
            staff=uow.user.id,
        )
        self.created += len(made)
        self.ids.update((label, household_id) for household_id, label in made)
        return self.ids
