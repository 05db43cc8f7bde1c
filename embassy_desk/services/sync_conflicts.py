"""The sync conflict queue: what a person must settle, and settling it (SYNC.md "Merging").

Two kinds. ``edit``: one field group was changed here and elsewhere at once (an identity group, or a
change HQ had not seen yet); the later change already stands, both values are kept for review.
``restore``: a change met a deleted record (or a delete met changes its author had not seen); the
delete already stands, the values of the other side are kept. Resolving is itself a change that syncs:
an update of the group with the value chosen (a new stamp, so it wins everywhere), or the record
brought back with ``restore``, plus a ``conflict_resolution`` that closes the conflict on every
workstation that has it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import orjson
from sqlalchemy import Connection

from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
from embassy_desk.sync import merge
from embassy_desk.sync.local_tables import ADAPTERS, Creation

Keep = Literal["local", "remote"]
_COLUMNS = (
    "id, entity, record_id, grp, kind, local_value, remote_value, local_hlc, remote_hlc, local_staff,"
    " remote_staff, created_at"
)


@dataclass(frozen=True)
class ConflictView:
    """An open conflict as the window and the command line show it. ``local`` is this workstation's
    side, ``remote`` the other; ``label`` names the record (a citizen's name, else its id)."""

    id: str
    entity: str
    record_id: str
    group: str
    kind: str
    local_value: dict[str, Any]
    remote_value: dict[str, Any]
    local_hlc: str
    remote_hlc: str
    local_staff: str
    remote_staff: str
    created_at: str
    label: str


def _label(conn: Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> str:
    if entity == "citizen":
        row = conn.exec_driver_sql(
            "SELECT surname, given_names, surname_latin, given_names_latin FROM citizens WHERE id = ?",
            (record_id,),
        ).first()
        parts = (
            tuple(row)
            if row is not None
            else tuple(
                values.get(k) for k in ("surname", "given_names", "surname_latin", "given_names_latin")
            )
        )
        name = " ".join(str(p) for p in parts[:2] if p) or " ".join(str(p) for p in parts[2:] if p)
        if name:
            return name
    return record_id


def _view(conn: Connection, row: tuple[Any, ...]) -> ConflictView:
    local, remote = orjson.loads(row[5]), orjson.loads(row[6])
    return ConflictView(
        id=str(row[0]),
        entity=str(row[1]),
        record_id=str(row[2]),
        group=str(row[3]),
        kind=str(row[4]),
        local_value=local,
        remote_value=remote,
        local_hlc=str(row[7]),
        remote_hlc=str(row[8]),
        local_staff=str(row[9]),
        remote_staff=str(row[10]),
        created_at=str(row[11]),
        label=_label(conn, str(row[1]), str(row[2]), {**remote, **local}),
    )


def list_open(session: Session) -> list[ConflictView]:
    """Open conflicts, oldest first."""
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM sync_conflicts WHERE status = 'open' ORDER BY created_at, id"
        ).all()
        return [_view(conn, tuple(r)) for r in rows]


def count_open(conn: Connection) -> int:
    """How many conflicts wait for a person."""
    return int(conn.exec_driver_sql("SELECT count(*) FROM sync_conflicts WHERE status = 'open'").scalar_one())


def resolve(session: Session, conflict_id: str, keep: str) -> None:
    """Settle a conflict by keeping this workstation's side (``local``) or the other (``remote``).

    The chosen value is written as a new change of the group (or the record comes back with
    ``restore``) and a ``conflict_resolution`` syncs, so every workstation ends alike.
    """
    if keep not in ("local", "remote"):
        raise ValidationError("keep", Msg("conflict.bad_keep", value=keep))
    with session.write(Action.CITIZEN_EDIT) as uow:
        row = uow.conn.exec_driver_sql(
            f"SELECT {_COLUMNS}, status FROM sync_conflicts WHERE id = ?", (conflict_id,)
        ).first()
        if row is None:
            raise NotFoundError(Msg("conflict.not_found", id=conflict_id))
        if row[12] != "open":
            raise EmbassyDeskError(Msg("conflict.not_open", id=conflict_id))
        conflict = _view(uow.conn, tuple(row[:12]))
        chosen = conflict.local_value if keep == "local" else conflict.remote_value
        _write_choice(uow, conflict, chosen)
        fields = {
            "entity": conflict.entity,
            "record_id": conflict.record_id,
            "group": conflict.group,
            "keep": keep,
        }
        uow.change("conflict_resolution", conflict_id, "create", fields)
        # The clock's current stamp is the one the change just took.
        uow.conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_resolutions(id, fields, hlc, staff) VALUES (?, ?, ?, ?)",
            (conflict_id, orjson.dumps(fields).decode(), uow.clock.stamp(), uow.user.id),
        )
        uow.conn.exec_driver_sql(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_at = ?, resolved_by = ?, resolution = ?"
            " WHERE id = ?",
            (uow.now, uow.user.id, keep, conflict_id),
        )
        uow.audit(
            "sync.conflict_resolve",
            entity=conflict.entity,
            entity_id=conflict.record_id,
            details={"conflict": conflict_id, "group": conflict.group, "kind": conflict.kind, "keep": keep},
        )


def _write_choice(uow: UnitOfWork, conflict: ConflictView, chosen: Mapping[str, Any]) -> None:
    """Make the chosen side the record's state here, as a change that syncs."""
    adapter = ADAPTERS.get(conflict.entity)
    if adapter is None or not chosen:
        return  # the chosen side is "deleted" (or nothing): the record stays as it is
    values = {k: v for k, v in chosen.items() if k in adapter.columns}
    stored = adapter.load(uow.conn, [conflict.record_id]).get(conflict.record_id)
    if stored is None:
        if conflict.kind != "restore":
            return  # deleted since: nothing left to edit (a restore conflict of its own may follow)
        full = {name: values.get(name) for name in adapter.columns}
        if conflict.entity == "citizen":
            full = {name: values.get(name) for name in CITIZEN_DATA_COLUMNS}
        adapter.insert(uow.conn, [Creation(conflict.record_id, full, uow.user.id, uow.stamp())])
        uow.change(
            conflict.entity, conflict.record_id, "restore", {k: v for k, v in full.items() if v is not None}
        )
        return
    current, handle = stored
    new = {**current, **values}
    adapter.update(uow.conn, handle, current, new, staff=uow.user.id, now=uow.now)
    groups = merge.groups_of(conflict.entity, values)
    fields = {
        name: new.get(name) for group in sorted(groups) for name in merge.group_fields(conflict.entity, group)
    }
    uow.change(conflict.entity, conflict.record_id, "update", fields)
