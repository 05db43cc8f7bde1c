"""The search index forgets a deleted citizen's tokens; deleted records' change-log entries become tombstones.

The index was built with ``contentless_delete=1``, which only marks a deleted row and keeps its tokens
(passport numbers, IIN, names) in the raw segment blocks until a merge that may never come
(issue 10, defect 3). It is rebuilt without that option: rows now leave through FTS5's 'delete'
command with 'secure-delete' on, which rewrites the segment without them. Dropping the old index
frees its pages, which ``secure_delete`` zeroes. Change-log entries of records deleted earlier keep
only their ``delete`` entry (entity, id, op, stamp), as new deletions now do.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from alembic import op

from embassy_desk.storage import search_index

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    search_index.rebuild(conn)
    deleted = "SELECT record_id FROM change_log AS d WHERE d.op = 'delete' AND d.entity = change_log.entity"
    conn.exec_driver_sql(f"DELETE FROM change_log WHERE op <> 'delete' AND record_id IN ({deleted})")
    # Contacts deleted with their citizen left no delete entry of their own: their entries go too.
    conn.exec_driver_sql(
        "DELETE FROM change_log WHERE entity = 'contact' AND record_id NOT IN (SELECT id FROM contacts)"
    )


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
