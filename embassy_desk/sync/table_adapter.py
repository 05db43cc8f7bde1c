"""The contract of a synced entity's place at a workstation: its table, its synced fields, and how
its records are read, inserted, updated and deleted (sync/local_tables.py holds the entities)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Connection

from embassy_desk.domain.hlc import parse_stamp
from embassy_desk.storage import changelog

# Ids per IN (...) query: well below SQLite's limit on bound parameters.
CHUNK = 500

Values = dict[str, Any]


def stamp_time(hlc: str) -> str:
    """The wall time of a stamp as the ISO text the tables keep (UTC, milliseconds)."""
    wall_ms = parse_stamp(hlc)[0]
    return datetime.fromtimestamp(wall_ms / 1000, UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Creation:
    """A record to insert: its id, its merged values, and who made it when (from the entry)."""

    record_id: str
    values: Values
    staff: str
    hlc: str


class Adapter:
    """A synced entity kept in one table keyed by ``id``, every synced field a column of it."""

    entity = ""
    table = ""
    columns: tuple[str, ...] = ()
    # Needed by the table (NOT NULL without default): a create without them is malformed.
    required: tuple[str, ...] = ()
    # Created once, never edited: an update entry for one is malformed.
    append_only = False
    # Extra SET clauses when a record changes (bookkeeping columns of the table).
    touch = ""
    # Columns holding a closed vocabulary: the screens read them back as enums.
    vocabularies: ClassVar[Mapping[str, type[StrEnum]]] = {}
    # Columns whose text has a shape of its own to check (besides the vocabularies).
    shaped: ClassVar[frozenset[str]] = frozenset()

    @functools.cached_property
    def column_set(self) -> frozenset[str]:
        """The synced fields, as a set."""
        return frozenset(self.columns)

    @functools.cached_property
    def checked(self) -> frozenset[str]:
        """Columns whose text values :meth:`check_value` must look at."""
        return frozenset(self.vocabularies) | self.shaped

    def check_value(self, column: str, value: Any) -> str | None:
        """Why a field value cannot be stored (None if it can); never quotes the value (promise 16)."""
        if value is None:
            return None
        if not isinstance(value, str):
            return f"{column} must be text"
        vocabulary = self.vocabularies.get(column)
        if vocabulary is not None and value not in vocabulary._value2member_map_:
            return f"{column} is not one of the known values"
        return None

    def load(self, conn: Connection, ids: Sequence[str]) -> dict[str, tuple[Values, Any]]:
        """Stored records among ``ids``: id -> (synced values, the row handle for update/delete)."""
        found: dict[str, tuple[Values, Any]] = {}
        select = ", ".join(("id", *self.columns))
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            marks = ",".join("?" * len(part))
            sql = f"SELECT {select} FROM {self.table} WHERE id IN ({marks})"
            for row in conn.exec_driver_sql(sql, tuple(part)):
                found[str(row[0])] = (dict(zip(self.columns, row[1:], strict=True)), str(row[0]))
        return found

    def live_ids(self, conn: Connection) -> Iterable[str]:
        """Every stored record's id (the summary digest)."""
        return (str(r[0]) for r in conn.exec_driver_sql(f"SELECT id FROM {self.table}"))

    def insert(self, conn: Connection, creations: Sequence[Creation]) -> None:
        """Insert new records (their ids are not stored yet)."""
        names = ("id", *self.columns, *self.extra_insert_columns())
        sql = f"INSERT INTO {self.table}({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        conn.exec_driver_sql(
            sql,
            [
                (c.record_id, *(c.values.get(col) for col in self.columns), *self.extra_insert_values(c))
                for c in creations
            ],
        )

    def extra_insert_columns(self) -> tuple[str, ...]:
        return ()

    def extra_insert_values(self, creation: Creation) -> tuple[Any, ...]:
        return ()

    def update(
        self,
        conn: Connection,
        handle: Any,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        *,
        staff: str,
        now: str,
    ) -> None:
        """Write the changed values of a stored record."""
        changed = [col for col in self.columns if new.get(col) != old.get(col)]
        if not changed:
            return
        sets = ", ".join(f"{col} = ?" for col in changed)
        touch = f", {self.touch}" if self.touch else ""
        params: list[Any] = [new.get(col) for col in changed]
        if self.touch:
            params.append(now)
        conn.exec_driver_sql(f"UPDATE {self.table} SET {sets}{touch} WHERE id = ?", (*params, handle))

    def delete(self, conn: Connection, record_id: str, handle: Any) -> None:
        """Remove a stored record (a tombstone arrived) and its change-log values."""
        conn.exec_driver_sql(f"DELETE FROM {self.table} WHERE id = ?", (handle,))
        changelog.forget_record(conn, self.entity, record_id)
