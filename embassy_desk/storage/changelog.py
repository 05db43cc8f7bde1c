"""The change log (outbox) that sync reads: one entry per changed record, in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from embassy_desk.domain.ids import uuid7

SCHEMA_VERSION = 2
_INSERT = (
    "INSERT INTO change_log(id, entity, record_id, op, fields, hlc, staff, schema_version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


_INSERT_FULL = (
    "INSERT INTO change_log(id, entity, record_id, op, fields, hlc, staff, schema_version, base, epoch)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
OPS = ("create", "update", "delete", "restore")


def record(
    conn: Connection,
    *,
    entity: str,
    record_id: str,
    op: str,
    fields: Mapping[str, Any],
    hlc: str,
    staff: str,
    base: Mapping[str, str] | None = None,
    epoch: str = "",
) -> None:
    """Append one change (``op``: create, update, delete or restore). ``base``: for an update or a
    delete, the stamp of each field group the writer saw ("" for never changed since creation);
    ``epoch``: the restore the record lives under ("" before any)."""
    row = (uuid7(), entity, record_id, op, encode_fields(fields), hlc, staff, SCHEMA_VERSION)
    if base is None and not epoch:
        # The columns of every revision (older databases are written before 0008 migrates them).
        conn.exec_driver_sql(_INSERT, row)
        return
    encoded = None if base is None else orjson.dumps(dict(base), option=orjson.OPT_SORT_KEYS).decode()
    conn.exec_driver_sql(_INSERT_FULL, (*row, encoded, epoch))


def record_many(
    conn: Connection,
    changes: Iterable[tuple[str, str, str, Mapping[str, Any], str]],
    *,
    staff: str,
) -> None:
    """Append many changes at once: (entity, record_id, op, fields, hlc) tuples. For creations
    (and deletes of records never edited): no base, epoch "" (bulk paths: imports, notices)."""
    insert_ready(
        conn,
        [
            (uuid7(), entity, record_id, op, encode_fields(fields), hlc, staff, SCHEMA_VERSION)
            for entity, record_id, op, fields, hlc in changes
        ],
    )


def encode_fields(fields: Mapping[str, Any]) -> str:
    """The JSON text of a change's fields."""
    return orjson.dumps(dict(fields)).decode("utf-8")


def insert_ready(conn: Connection, rows: Sequence[tuple[str, str, str, str, str, str, str, int]]) -> None:
    """Append complete change rows: (id, entity, record_id, op, fields JSON, hlc, staff, schema
    version); their base is NULL and their epoch "" (creations: the import's path)."""
    if rows:
        conn.exec_driver_sql(_INSERT, rows)


def forget_record(conn: Connection, entity: str, record_id: str) -> None:
    """Reduce a deleted record's entries to its tombstone: drop every entry that carries its fields.

    What stays (and what the caller then appends) is the ``delete`` entry: entity, id, op and its
    stamp, without field values. It happens at once, sent or not: HQ blanks the values of a deleted
    record's earlier entries itself, and an unsent edit of the record has nowhere to go (docs/security.md,
    promise 6).
    """
    conn.exec_driver_sql(
        "DELETE FROM change_log WHERE entity = ? AND record_id = ? AND op <> 'delete'", (entity, record_id)
    )
