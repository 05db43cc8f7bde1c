"""Small SQL helpers that differ by engine (PostgreSQL, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")
# Parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
CHUNK = 500


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT many rows (executemany: psycopg pipelines them, SQLite runs them in one call)."""
    if not rows:
        return
    conn.execute(table.insert(), list(rows))
