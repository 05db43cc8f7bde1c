"""Small key/value settings kept inside the encrypted database (post details, device id, clocks)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text


def get(conn: Connection, key: str, default: Any = None) -> Any:
    """Read a JSON value stored under ``key``."""
    row = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": key}).first()
    return default if row is None else json.loads(row[0])


def put(conn: Connection, key: str, value: Any) -> None:
    """Store ``value`` (JSON-serialisable) under ``key`` in the caller's transaction."""
    conn.execute(
        text(
            "INSERT INTO meta(key, value) VALUES (:k, :v) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": json.dumps(value, ensure_ascii=False)},
    )
