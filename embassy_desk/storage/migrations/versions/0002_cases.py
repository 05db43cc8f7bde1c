"""Assistance cases with their timeline, and remembered "not a duplicate" decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE cases (
        id VARCHAR NOT NULL PRIMARY KEY, citizen_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        priority VARCHAR NOT NULL, status VARCHAR NOT NULL, assignee VARCHAR,
        summary TEXT NOT NULL, opened_at VARCHAR NOT NULL, closed_at VARCHAR,
        created_by VARCHAR NOT NULL, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_cases_citizen ON cases (citizen_id)",
    "CREATE INDEX ix_cases_status ON cases (status, priority)",
    """CREATE TABLE case_events (
        id VARCHAR NOT NULL PRIMARY KEY, case_id VARCHAR NOT NULL, at VARCHAR NOT NULL,
        staff VARCHAR NOT NULL, kind VARCHAR NOT NULL, text TEXT)""",
    "CREATE INDEX ix_case_events_case ON case_events (case_id, at)",
    """CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events
        BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END""",
    """CREATE TABLE duplicate_decisions (
        first_id VARCHAR NOT NULL, second_id VARCHAR NOT NULL, decided_by VARCHAR NOT NULL,
        decided_at VARCHAR NOT NULL, PRIMARY KEY (first_id, second_id))""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
