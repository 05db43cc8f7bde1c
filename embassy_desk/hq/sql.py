"""Small SQL helpers that differ by engine (PostgreSQL, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import psycopg
from sqlalchemy import ColumnElement, Connection, String, Table, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")
# Parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
CHUNK = 500


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def one_of(conn: Connection, column: Any, values: Sequence[str]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``column = ANY(:array)``, one parameter however many values
    (the server parses one short statement instead of hundreds of placeholders)."""
    if conn.dialect.name == "postgresql":
        array = bindparam(None, list(values), type_=postgresql.ARRAY(String))
        return column == any_(array)  # type: ignore[no-any-return]
    return column.in_(list(values))  # type: ignore[no-any-return]


def _insert(conn: Connection, table: Table) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """INSERT ... ON CONFLICT DO NOTHING; the number of rows inserted (one row: 1 or 0)."""
    if not rows:
        return 0
    # preserve_rowcount: with psycopg 3 SQLAlchemy reports rowcount -1 for an INSERT unless asked.
    stmt = _insert(conn, table).on_conflict_do_nothing().execution_options(preserve_rowcount=True)
    if len(rows) == 1:
        return conn.execute(stmt, dict(rows[0])).rowcount
    return conn.execute(stmt, list(rows)).rowcount


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, keys: Sequence[str]) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET every other column given in the rows."""
    if not rows:
        return
    stmt = _insert(conn, table)
    columns = [name for name in rows[0] if name not in keys]
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys), set_={name: stmt.excluded[name] for name in columns}
    )
    conn.execute(stmt, list(rows))


def increment(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, keys: Sequence[str], column: str
) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET column = column + excluded.column (counters)."""
    if not rows:
        return
    stmt = _insert(conn, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys), set_={column: table.c[column] + stmt.excluded[column]}
    )
    conn.execute(stmt, list(rows))


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT many new rows: COPY on PostgreSQL (one stream, several times faster than a pipeline
    of INSERTs for a push of hundreds of entries), executemany on SQLite. Same transaction either way."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), list(rows))
        return
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, psycopg.Connection)
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in columns))
