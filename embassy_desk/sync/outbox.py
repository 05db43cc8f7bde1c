"""The outbox: change-log entries not yet acknowledged by HQ, read in batches for a push or a bundle.

Entries are read in change-log order (``seq``) and marked sent only once HQ acknowledged a batch
(``mark_sent``), so an interrupted sync sends the same entries again; HQ recognises them by id.
"""

from __future__ import annotations

import logging

import orjson
from pydantic import ValidationError
from sqlalchemy import Connection

from embassy_desk.storage import meta
from embassy_desk.sync.wire import Entry

log = logging.getLogger(__name__)

# Everything up to this change-log seq was acknowledged: counting what is pending starts after it.
SENT_THROUGH = "sync.sent_through"
_SELECT = (
    "SELECT seq, id, entity, record_id, op, fields, hlc, staff, schema_version, base, epoch"
    " FROM change_log WHERE seq > ? AND sent = 0 ORDER BY seq LIMIT ?"
)


def _entry(row: tuple[object, ...]) -> Entry | None:
    base = None if row[9] is None else orjson.loads(str(row[9]))
    try:
        return Entry(
            id=str(row[1]),
            entity=str(row[2]),  # type: ignore[arg-type]  # validated by the model
            record_id=str(row[3]),
            op=str(row[4]),  # type: ignore[arg-type]
            fields=orjson.loads(str(row[5])),
            hlc=str(row[6]),
            staff=str(row[7]),
            schema_version=int(str(row[8])),
            base=base,
            epoch=str(row[10] or ""),
        )
    except ValidationError as exc:
        # Only a defect writes such an entry; it cannot travel, and it must not hold up the rest.
        log.warning("change-log entry %s cannot be sent and is skipped: %s", row[1], exc.error_count())
        return None


def pending_batch(conn: Connection, after_seq: int, limit: int) -> tuple[list[Entry], int]:
    """Up to ``limit`` unsent entries after change-log seq ``after_seq``, oldest first, and the seq of
    the last one read (``after_seq`` when none is left): what ``mark_sent`` takes once HQ acknowledged
    them, and where the next batch starts."""
    rows = conn.exec_driver_sql(_SELECT, (after_seq, limit)).all()
    entries = [entry for entry in (_entry(tuple(row)) for row in rows) if entry is not None]
    through = int(rows[-1][0]) if rows else after_seq
    return entries, through


def mark_sent(conn: Connection, through: int) -> None:
    """Mark every entry up to change-log seq ``through`` sent (HQ acknowledged them)."""
    before = int(meta.get(conn, SENT_THROUGH, 0))
    # Everything up to ``before`` is sent already: only the new range is read.
    conn.exec_driver_sql(
        "UPDATE change_log SET sent = 1 WHERE seq > ? AND seq <= ? AND sent = 0", (before, through)
    )
    if through > before:
        meta.put(conn, SENT_THROUGH, through)


def rewind(conn: Connection) -> None:
    """Mark every entry unsent again: HQ lost some of what it had acknowledged (it was restored from
    an older backup), so the next push sends the whole log and HQ keeps what it already had as
    duplicates."""
    conn.exec_driver_sql("UPDATE change_log SET sent = 0 WHERE sent = 1")
    meta.put(conn, SENT_THROUGH, 0)


def pending_count(conn: Connection) -> int:
    """How many entries wait to be sent."""
    after = int(meta.get(conn, SENT_THROUGH, 0))
    return int(
        conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE seq > ? AND sent = 0", (after,)
        ).scalar_one()
    )


def unsent_stamps(conn: Connection) -> set[str]:
    """Stamps of the local changes HQ has not acknowledged yet (``merge.apply``'s ``local_unsent``)."""
    after = int(meta.get(conn, SENT_THROUGH, 0))
    return {
        str(r[0])
        for r in conn.exec_driver_sql("SELECT hlc FROM change_log WHERE seq > ? AND sent = 0", (after,))
    }
