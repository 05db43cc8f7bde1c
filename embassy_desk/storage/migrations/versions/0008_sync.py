"""Sync with headquarters: change-log entries carry what their writer saw, and the workstation keeps
per-record merge state, a conflict queue, a sync history and HQ's publications (issue 11).

``change_log`` is rebuilt so that its sequence numbers are never used twice, and gains ``base``
(JSON: the stamp of each field group the writer saw, NULL for creations and restores) and ``epoch``
(the restore the record lived under). Its old ``upsert`` entries become
``create`` (the first entry of a record) or ``update`` with an empty base (every later one), which is
what they were. ``sync_state`` holds the stamps of records edited after creation, deleted or restored
(a record created and never edited has none: imports stay fast). ``sync_resolutions`` keeps the
conflict resolutions that sync (one per conflict id), so both sides count the same records.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from datetime import datetime

from alembic import op

from embassy_desk.domain.ids import uuid7
from embassy_desk.storage import changelog, meta

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STATEMENTS = [
    # Rebuilt with AUTOINCREMENT: a deleted record's entries are removed (promise 6), and without it
    # SQLite would hand their numbers out again, below what HQ already acknowledged, so a later entry
    # could pass for sent. Sequence numbers now only grow.
    """CREATE TABLE change_log_0008 (
        seq INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, id VARCHAR NOT NULL, entity VARCHAR NOT NULL,
        record_id VARCHAR NOT NULL, op VARCHAR NOT NULL, fields TEXT NOT NULL,
        hlc VARCHAR NOT NULL, staff VARCHAR NOT NULL, schema_version INTEGER NOT NULL,
        sent INTEGER DEFAULT '0' NOT NULL, base TEXT, epoch VARCHAR DEFAULT '' NOT NULL,
        CONSTRAINT uq_change_log_id UNIQUE (id))""",
    """INSERT INTO change_log_0008 (seq, id, entity, record_id, op, fields, hlc, staff, schema_version, sent)
       SELECT seq, id, entity, record_id, op, fields, hlc, staff, schema_version, sent FROM change_log""",
    "DROP TABLE change_log",
    "ALTER TABLE change_log_0008 RENAME TO change_log",
    # The first entry of each record created it; every later one updated it without knowing the
    # stamps it overwrote (there were none: nothing had synced yet). The subquery is not correlated:
    # SQLite evaluates it once, so a million-entry log is rewritten in one pass.
    """UPDATE change_log SET op = 'update', base = '{}' WHERE op = 'upsert'
       AND seq NOT IN (SELECT min(seq) FROM change_log GROUP BY entity, record_id)""",
    "UPDATE change_log SET op = 'create' WHERE op = 'upsert'",
    "UPDATE change_log SET base = '{}' WHERE op = 'delete'",
    """CREATE TABLE sync_state (
        entity VARCHAR NOT NULL, record_id VARCHAR NOT NULL,
        epoch VARCHAR DEFAULT '' NOT NULL, stamps TEXT DEFAULT '{}' NOT NULL,
        writers TEXT DEFAULT '{}' NOT NULL, deleted INTEGER DEFAULT '0' NOT NULL,
        deleted_hlc VARCHAR DEFAULT '' NOT NULL, merged_into VARCHAR,
        PRIMARY KEY (entity, record_id))""",
    # Records deleted before sync existed keep their tombstone, so no later entry brings them back.
    """INSERT INTO sync_state (entity, record_id, deleted, deleted_hlc, merged_into)
       SELECT entity, record_id, 1, max(hlc), max(json_extract(fields, '$.merged_into'))
       FROM change_log WHERE op = 'delete' GROUP BY entity, record_id""",
    """CREATE TABLE sync_conflicts (
        id VARCHAR NOT NULL PRIMARY KEY, entity VARCHAR NOT NULL, record_id VARCHAR NOT NULL,
        grp VARCHAR NOT NULL, kind VARCHAR NOT NULL, local_value TEXT NOT NULL,
        remote_value TEXT NOT NULL, local_hlc VARCHAR NOT NULL, remote_hlc VARCHAR NOT NULL,
        local_staff VARCHAR NOT NULL, remote_staff VARCHAR NOT NULL,
        status VARCHAR DEFAULT 'open' NOT NULL, created_at VARCHAR NOT NULL, resolved_at VARCHAR,
        resolved_by VARCHAR, resolution VARCHAR)""",
    "CREATE INDEX ix_sync_conflicts_status ON sync_conflicts (status, created_at)",
    "CREATE INDEX ix_sync_conflicts_record ON sync_conflicts (entity, record_id)",
    """CREATE TABLE sync_resolutions (
        id VARCHAR NOT NULL PRIMARY KEY, fields TEXT NOT NULL, hlc VARCHAR NOT NULL,
        staff VARCHAR NOT NULL)""",
    """CREATE TABLE sync_history (
        id INTEGER NOT NULL PRIMARY KEY, kind VARCHAR NOT NULL, started_at VARCHAR NOT NULL,
        finished_at VARCHAR, pushed INTEGER DEFAULT '0' NOT NULL, pulled INTEGER DEFAULT '0' NOT NULL,
        conflicts INTEGER DEFAULT '0' NOT NULL, error_code VARCHAR, error_text TEXT)""",
    """CREATE TABLE hq_publications (
        id VARCHAR NOT NULL PRIMARY KEY, kind VARCHAR NOT NULL, title TEXT NOT NULL,
        body TEXT NOT NULL, published_at VARCHAR NOT NULL, received_at VARCHAR NOT NULL)""",
]


# Entries written before sync existed name their fields as the tables do: the record's own id,
# and for a case opened "now" and "by" for its opening time and author. They travel as the synced
# fields now named (sync/local_tables.py), or every other workstation would refuse them as malformed.
_ISSUED = (
    "SELECT n.reference FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id"
    " WHERE b.status = 'issued'"
)
ENTRY_FIXES = [
    "UPDATE change_log SET fields = json_remove(fields, '$.id')"
    " WHERE entity IN ('contact', 'case', 'case_event') AND json_type(fields, '$.id') IS NOT NULL",
    """UPDATE change_log SET fields = json_remove(
           json_set(fields, '$.opened_at', json_extract(fields, '$.now'),
                    '$.created_by', json_extract(fields, '$.by')), '$.now', '$.by')
       WHERE entity = 'case' AND json_type(fields, '$.now') IS NOT NULL""",
    # Notices of a batch that was cancelled (or never finished) were never issued.
    f"DELETE FROM change_log WHERE entity = 'notice' AND record_id NOT IN ({_ISSUED})",
    # An issued notice's entry carries what another workstation's Notices screen lists.
    f"""UPDATE change_log SET fields = (
           SELECT json_object('kind', b.kind, 'citizen_id', n.citizen_id, 'batch_id', n.batch_id,
                              'languages', n.languages, 'pages', n.pages, 'issued_at', n.issued_at,
                              'issued_by', n.issued_by)
           FROM notices_issued n JOIN notice_batches b ON b.id = n.batch_id
           WHERE n.reference = change_log.record_id)
       WHERE entity = 'notice' AND record_id IN ({_ISSUED})""",
]


SCHEMA = changelog.SCHEMA_VERSION


def _announce_duplicate_decisions() -> None:
    """Decisions "not a duplicate" taken when a record was saved anyway had no change-log entry:
    give each one, stamped at the time it was taken, so HQ and the other workstations learn them."""
    conn = op.get_bind()
    device = str(meta.get(conn, "device_id", "") or "")
    announced = {
        str(r[0])
        for r in conn.exec_driver_sql("SELECT record_id FROM change_log WHERE entity = 'duplicate_decision'")
    }
    rows = [
        row
        for row in conn.exec_driver_sql(
            "SELECT first_id, second_id, decided_by, decided_at FROM duplicate_decisions ORDER BY decided_at"
        )
        if f"{row[0]}:{row[1]}" not in announced
    ]
    if not rows or not device:
        return
    entries = []
    for counter, (first, second, by, at) in enumerate(rows):
        try:
            wall = int(datetime.fromisoformat(str(at)).timestamp() * 1000)
        except ValueError:
            wall = 0
        # Counters keep the stamps distinct; they sort before anything the clock makes later.
        stamp = f"{wall:013d}-{counter % 100_000:05d}-{device}"
        fields = changelog.encode_fields({"first_id": first, "second_id": second})
        entries.append(
            (uuid7(), "duplicate_decision", f"{first}:{second}", "create", fields, stamp, by, SCHEMA)
        )
    changelog.insert_ready(conn, entries)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
    for statement in ENTRY_FIXES:
        op.execute(statement)
    _announce_duplicate_decisions()


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
