"""Indexes the desktop app needs: the registry sorted by name or filtered by status, and a record's history.

Without them, sorting a million citizens by name took 4-10 s and filtering by status 2.3 s (full
scans), and a record's history scanned the whole audit log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATEMENTS = [
    # The same expressions as the registry table's ORDER BY (services/browse.py), or SQLite won't use it.
    "CREATE INDEX ix_citizens_name ON citizens (surname COLLATE NOCASE, given_names COLLATE NOCASE)",
    "CREATE INDEX ix_citizens_status ON citizens (status)",
    "CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
