"""Per-record merge state of synced records (table ``sync_state``, migration 0008).

A row exists only for a record edited after its creation, deleted or restored: a record created and
never touched again has empty stamps and epoch "", so creations (imports, first pulls) write nothing
here. The record's values live in its own table; this keeps the rest of ``merge.RecordState``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import orjson
from sqlalchemy import Connection

_COLUMNS = "record_id, epoch, stamps, writers, deleted, deleted_hlc, merged_into"
_UPSERT = (
    "INSERT INTO sync_state(entity, record_id, epoch, stamps, writers, deleted, deleted_hlc, merged_into)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(entity, record_id) DO UPDATE SET epoch = excluded.epoch,"
    " stamps = excluded.stamps, writers = excluded.writers, deleted = excluded.deleted,"
    " deleted_hlc = excluded.deleted_hlc, merged_into = excluded.merged_into"
)
# Ids per IN (...) query: well below SQLite's limit on bound parameters.
_CHUNK = 500


class StateLike(Protocol):
    """What is stored of a record's merge state (``merge.RecordState`` has these attributes)."""

    @property
    def epoch(self) -> str: ...
    @property
    def stamps(self) -> dict[str, str]: ...
    @property
    def writers(self) -> dict[str, str]: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def deleted_hlc(self) -> str: ...
    @property
    def merged_into(self) -> str | None: ...


@dataclass
class StoredState:
    """A ``sync_state`` row."""

    epoch: str = ""
    stamps: dict[str, str] = field(default_factory=dict)
    writers: dict[str, str] = field(default_factory=dict)
    deleted: bool = False
    deleted_hlc: str = ""
    merged_into: str | None = None


def is_plain(state: StateLike) -> bool:
    """Whether ``state`` is that of a live record as created (nothing worth a row)."""
    return not state.stamps and not state.epoch and not state.deleted and not state.merged_into


def _row(row: Sequence[object]) -> StoredState:
    return StoredState(
        epoch=str(row[1]),
        stamps=orjson.loads(str(row[2])),
        writers=orjson.loads(str(row[3])),
        deleted=bool(row[4]),
        deleted_hlc=str(row[5]),
        merged_into=None if row[6] is None else str(row[6]),
    )


def get(conn: Connection, entity: str, record_id: str) -> StoredState | None:
    """The stored state of one record, or None (created and never touched again, or unknown)."""
    row = conn.exec_driver_sql(
        f"SELECT {_COLUMNS} FROM sync_state WHERE entity = ? AND record_id = ?", (entity, record_id)
    ).first()
    return None if row is None else _row(tuple(row))


def get_many(conn: Connection, entity: str, record_ids: Iterable[str]) -> dict[str, StoredState]:
    """Stored states of the given records that have one, by record id."""
    ids = list(dict.fromkeys(record_ids))
    found: dict[str, StoredState] = {}
    for at in range(0, len(ids), _CHUNK):
        part = ids[at : at + _CHUNK]
        marks = ",".join("?" * len(part))
        for row in conn.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM sync_state WHERE entity = ? AND record_id IN ({marks})", (entity, *part)
        ):
            found[str(row[0])] = _row(tuple(row))
    return found


def put(conn: Connection, entity: str, record_id: str, state: StateLike) -> None:
    """Store a record's state; a plain state (as created) removes its row instead."""
    put_many(conn, [(entity, record_id, state)])


def put_many(conn: Connection, states: Iterable[tuple[str, str, StateLike]]) -> None:
    """Store many (entity, record id, state) at once; plain states remove their rows."""
    upserts: list[tuple[object, ...]] = []
    plain: list[tuple[str, str]] = []
    for entity, record_id, state in states:
        if is_plain(state):
            plain.append((entity, record_id))
            continue
        upserts.append(
            (
                entity,
                record_id,
                state.epoch,
                orjson.dumps(state.stamps, option=orjson.OPT_SORT_KEYS).decode(),
                orjson.dumps(state.writers, option=orjson.OPT_SORT_KEYS).decode(),
                int(state.deleted),
                state.deleted_hlc,
                state.merged_into,
            )
        )
    if upserts:
        conn.exec_driver_sql(_UPSERT, upserts)
    if plain:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE entity = ? AND record_id = ?", plain)


def tombstones(conn: Connection, entity: str) -> set[str]:
    """Ids of the entity's deleted records."""
    return {
        str(r[0])
        for r in conn.exec_driver_sql(
            "SELECT record_id FROM sync_state WHERE entity = ? AND deleted = 1", (entity,)
        )
    }


def all_for(conn: Connection, entity: str) -> dict[str, StoredState]:
    """Every stored state of an entity (for the summary digest), by record id."""
    return {
        str(row[0]): _row(tuple(row))
        for row in conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM sync_state WHERE entity = ?", (entity,))
    }
