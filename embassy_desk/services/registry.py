"""Registering citizens: create, edit, delete, look up, search, duplicates and merges."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.citizen import (
    Citizen,
    InvalidRecord,
    input_from_stored,
    validate_citizen,
)
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import CATALOG, Msg, as_msg, joined
from embassy_desk.services.households import resolve_household
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import citizens, search_index
from embassy_desk.storage.citizens import STORED
from embassy_desk.sync import merge

DEFAULT_SEARCH_LIMIT = 50


@dataclass(frozen=True)
class DuplicateCandidate:
    """A stored citizen who may be the same person, and why we think so."""

    citizen_id: str
    reason: str
    display_name: str


class PossibleDuplicate(EmbassyDeskError):
    """The new record looks like someone already registered; the caller decides."""

    exit_code = 6

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        self.candidates = list(candidates)
        listed = joined(
            tuple(Msg("duplicate.candidate", id=c.citizen_id, reason=_reason(c.reason)) for c in candidates)
        )
        super().__init__(Msg("duplicate.possible", candidates=listed))


def _reason(reason: str) -> Msg:
    code = "duplicate." + reason.replace(" ", "_")
    return Msg(code) if code in CATALOG else as_msg(reason)


def _to_citizen(row: Mapping[str, Any]) -> Citizen:
    fields = {k: row[k] for k in STORED if k != "name_key"}
    fields["last_contact_at"] = row.get("last_contact_at")
    return Citizen(
        id=row["id"],
        fields=fields,
        version=int(row["version"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _dismissed_pairs(conn: Connection, citizen_ids: Sequence[str]) -> set[tuple[str, str]]:
    if not citizen_ids:
        return set()
    marks = ",".join("?" * len(citizen_ids))
    rows = conn.exec_driver_sql(
        f"SELECT first_id, second_id FROM duplicate_decisions WHERE first_id IN ({marks})"
        f" OR second_id IN ({marks})",
        (*citizen_ids, *citizen_ids),
    )
    return {(a, b) for a, b in rows}


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def find_duplicates(
    session: Session, fields: Mapping[str, Any], *, exclude_id: str | None = None
) -> list[DuplicateCandidate]:
    """Likely duplicates of a validated record, minus pairs staff marked "not a duplicate"."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return _duplicates(conn, fields, exclude_id=exclude_id)


def _duplicates(
    conn: Connection, fields: Mapping[str, Any], *, exclude_id: str | None
) -> list[DuplicateCandidate]:
    found = citizens.duplicate_candidates(conn, fields, exclude_id=exclude_id)
    dismissed = _dismissed_pairs(conn, [cid for cid, _ in found]) if exclude_id else set()
    out = []
    for cid, reason in found:
        if exclude_id and _pair(cid, exclude_id) in dismissed:
            continue
        row = citizens.get(conn, cid)
        if row is not None:
            out.append(DuplicateCandidate(cid, reason, _to_citizen(row).display_name))
    return out


def register_citizen(
    session: Session, data: Mapping[str, object], *, allow_duplicate: bool = False
) -> Citizen:
    """Validate and store a new citizen.

    Raises :class:`InvalidRecord` for bad input and :class:`PossibleDuplicate` when the person
    looks already registered, unless ``allow_duplicate`` (the caller has looked and decided).
    """
    session.require(Action.CITIZEN_CREATE)
    fields = validate_citizen(data, session.validation)
    citizen_id = uuid7()
    with session.write(Action.CITIZEN_CREATE) as uow:
        candidates = _duplicates(uow.conn, fields, exclude_id=None)
        if candidates and not allow_duplicate:
            raise PossibleDuplicate(candidates)
        fields["household_id"] = resolve_household(uow, data)
        citizens.insert_many(uow.conn, [(citizen_id, fields)], staff=session.user.id, now=uow.now)
        uow.change("citizen", citizen_id, "create", _synced(fields))
        uow.audit(
            "citizen.create",
            entity="citizen",
            entity_id=citizen_id,
            details={"duplicate_override": bool(candidates)},
        )
        if candidates:
            for candidate in candidates:
                _remember_not_duplicate(uow.conn, citizen_id, candidate.citizen_id, session, uow.now)
                a, b = _pair(citizen_id, candidate.citizen_id)
                uow.change("duplicate_decision", f"{a}:{b}", "create", {"first_id": a, "second_id": b})
        row = citizens.get(uow.conn, citizen_id)
    assert row is not None
    return _to_citizen(row)


def _synced(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "name_key"}


def whole_groups(fields: Mapping[str, Any], changed: Iterable[str]) -> dict[str, Any]:
    """The values of every field group that ``changed`` touches: a group travels whole, so the
    merge never pairs a new surname with an old given name (sync/merge.py)."""
    out: dict[str, Any] = {}
    for group in sorted(merge.groups_of("citizen", changed)):
        for name in merge.group_fields("citizen", group):
            out[name] = fields.get(name)
    return out


def get_citizen(session: Session, citizen_id: str) -> Citizen:
    """One citizen by id."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        row = citizens.get(conn, citizen_id)
    if row is None:
        raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
    return _to_citizen(row)


def edit_citizen(
    session: Session,
    citizen_id: str,
    changes: Mapping[str, object],
    *,
    expected_version: int | None = None,
) -> Citizen:
    """Apply field changes; the whole record is validated again before anything is written."""
    with session.write(Action.CITIZEN_EDIT) as uow:
        return apply_edit(uow, session, citizen_id, changes, expected_version=expected_version)


def apply_edit(
    uow: UnitOfWork,
    session: Session,
    citizen_id: str,
    changes: Mapping[str, object],
    *,
    expected_version: int | None = None,
) -> Citizen:
    """:func:`edit_citizen` inside the caller's unit of work (validated, synced, audited), for a
    service whose own write must commit with the edit (a reported phone number applied)."""
    session.require(Action.CITIZEN_EDIT)
    row = citizens.get(uow.conn, citizen_id)
    if row is None:
        raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
    if expected_version is not None and expected_version != row["version"]:
        raise EmbassyDeskError(Msg("record.changed"))
    data = input_from_stored(row)
    for key, value in changes.items():
        data[key] = value
    # Latin names follow Cyrillic edits unless the passport spelling was given too.
    for cyr, lat in (("surname", "surname_latin"), ("given_names", "given_names_latin")):
        if cyr in changes and lat not in changes:
            data.pop(lat, None)
    fields = validate_citizen(data, session.validation)
    household = resolve_household(uow, changes) if "household" in changes else row["household_id"]
    fields["household_id"] = household
    changed = [k for k in STORED if k != "name_key" and fields.get(k) != row.get(k)]
    if not changed:
        return _to_citizen(row)
    citizens.update(uow.conn, row, fields, staff=session.user.id, now=uow.now)
    uow.change("citizen", citizen_id, "update", whole_groups(fields, changed))
    uow.audit("citizen.edit", entity="citizen", entity_id=citizen_id, details={"fields": changed})
    new_row = citizens.get(uow.conn, citizen_id)
    assert new_row is not None
    return _to_citizen(new_row)


def delete_citizen(session: Session, citizen_id: str) -> None:
    """Remove a citizen and every searchable trace of them; a tombstone goes to sync."""
    with session.write(Action.CITIZEN_DELETE) as uow:
        row = citizens.get(uow.conn, citizen_id)
        if row is None:
            raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
        contact_ids = _contact_ids(uow.conn, citizen_id)
        listed = citizens.listed_records(uow.conn, citizen_id)
        citizens.delete(uow.conn, row)
        uow.change("citizen", citizen_id, "delete", {})
        # The contact log, call-list places and manifest entries go with the person, here and
        # (through these tombstones) everywhere.
        for contact_id in contact_ids:
            uow.change("contact", contact_id, "delete", {})
        for entity, record_id in listed:
            uow.change(entity, record_id, "delete", {})
        uow.audit("citizen.delete", entity="citizen", entity_id=citizen_id)


def _contact_ids(conn: Connection, citizen_id: str) -> list[str]:
    return [
        str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM contacts WHERE citizen_id = ?", (citizen_id,))
    ]


def search(session: Session, query: str, *, limit: int = DEFAULT_SEARCH_LIMIT) -> list[Citizen]:
    """Find citizens by any name part in any script, passport, national id or phone digits."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rids = search_index.search_rids(conn, query, limit=limit)
        rows = citizens.get_many_by_rid(conn, rids)
    return [_to_citizen(row) for row in rows]


def count_citizens(session: Session) -> int:
    """How many citizens are registered."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        return citizens.count(conn)


def _remember_not_duplicate(conn: Connection, first: str, second: str, session: Session, now: str) -> None:
    a, b = _pair(first, second)
    conn.execute(
        text(
            "INSERT OR IGNORE INTO duplicate_decisions(first_id, second_id, decided_by, decided_at)"
            " VALUES (:a, :b, :by, :at)"
        ),
        {"a": a, "b": b, "by": session.user.id, "at": now},
    )


def mark_not_duplicate(session: Session, first_id: str, second_id: str) -> None:
    """Remember that two records are different people, so the pair is not offered again."""
    with session.write(Action.DUPLICATE_DECIDE) as uow:
        for cid in (first_id, second_id):
            if citizens.get(uow.conn, cid) is None:
                raise NotFoundError(Msg("citizen.not_found", id=cid))
        _remember_not_duplicate(uow.conn, first_id, second_id, session, uow.now)
        a, b = _pair(first_id, second_id)
        uow.change("duplicate_decision", f"{a}:{b}", "create", {"first_id": a, "second_id": b})
        uow.audit("duplicate.dismiss", entity="citizen", entity_id=first_id, details={"other": second_id})


def merge_citizens(session: Session, keep_id: str, drop_id: str) -> Citizen:
    """Merge two records of one person: empty fields of ``keep`` are filled from ``drop``,
    contacts and cases move to ``keep``, and ``drop`` is deleted."""
    if keep_id == drop_id:
        raise EmbassyDeskError(Msg("record.merge_itself"))
    with session.write(Action.CITIZEN_MERGE) as uow:
        keep, drop = citizens.get(uow.conn, keep_id), citizens.get(uow.conn, drop_id)
        if keep is None or drop is None:
            raise NotFoundError(Msg("citizen.not_found", id=keep_id if keep is None else drop_id))
        data = input_from_stored(keep)
        for key, value in input_from_stored(drop).items():
            if not data.get(key):
                data[key] = value
        try:
            fields = validate_citizen(data, session.validation)
        except InvalidRecord as exc:
            raise EmbassyDeskError(Msg("record.merge_invalid", reason=exc.msg)) from exc
        fields["household_id"] = keep["household_id"] or drop["household_id"]
        changed = [k for k in STORED if k != "name_key" and fields.get(k) != keep.get(k)]
        citizens.update(uow.conn, keep, fields, staff=session.user.id, now=uow.now)
        if changed:
            uow.change("citizen", keep_id, "update", whole_groups(fields, changed))
        case_ids = [
            str(r[0])
            for r in uow.conn.exec_driver_sql("SELECT id FROM cases WHERE citizen_id = ?", (drop_id,))
        ]
        uow.conn.execute(
            text("UPDATE cases SET citizen_id = :keep WHERE citizen_id = :drop"),
            {"keep": keep_id, "drop": drop_id},
        )
        for case_id in case_ids:
            uow.change("case", case_id, "update", {"citizen_id": keep_id})
        originals = _move_contacts(uow, keep_id, drop_id)
        # The kept record's last contact is the later of the two (as every workstation derives it).
        if drop["last_contact_at"]:
            uow.conn.exec_driver_sql(
                "UPDATE citizens SET last_contact_at = ? WHERE id = ?"
                " AND (last_contact_at IS NULL OR last_contact_at < ?)",
                (drop["last_contact_at"], keep_id, drop["last_contact_at"]),
            )
        # The merged-away record's call-list places and manifest entries are not moved (the kept
        # person may be on the same lists): they go, and the kept record's stay.
        listed = citizens.listed_records(uow.conn, drop_id)
        citizens.delete(uow.conn, drop)
        uow.change("citizen", drop_id, "delete", {"merged_into": keep_id})
        for contact_id in originals:
            uow.change("contact", contact_id, "delete", {})
        for entity, record_id in listed:
            uow.change(entity, record_id, "delete", {})
        uow.audit("citizen.merge", entity="citizen", entity_id=keep_id, details={"merged": drop_id})
        row = citizens.get(uow.conn, keep_id)
    assert row is not None
    return _to_citizen(row)


_CONTACT_COLUMNS = (
    "id",
    "citizen_id",
    "at",
    "channel",
    "direction",
    "staff",
    "outcome",
    "welfare_status",
    "note",
    "follow_up_due",
    "campaign_id",
)


def _move_contacts(uow: UnitOfWork, keep_id: str, drop_id: str) -> list[str]:
    """Copy the dropped record's contacts to the kept one under new ids (the log refuses UPDATE;
    the originals go with the dropped record), and announce the copies to sync; return the
    originals' ids."""
    columns = ", ".join(_CONTACT_COLUMNS)
    rows = uow.conn.execute(
        text(f"SELECT {columns} FROM contacts WHERE citizen_id = :drop"), {"drop": drop_id}
    ).all()
    for row in rows:
        values = dict(zip(_CONTACT_COLUMNS, row, strict=True))
        values["id"], values["citizen_id"] = uuid7(), keep_id
        uow.conn.execute(
            text(f"INSERT INTO contacts({columns}) VALUES ({', '.join(':' + c for c in _CONTACT_COLUMNS)})"),
            values,
        )
        uow.change("contact", values["id"], "create", {k: v for k, v in values.items() if k != "id"})
    return [str(row[0]) for row in rows]
