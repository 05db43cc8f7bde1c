"""Citizens check in themselves (issue 14): personal check-in links (only the SHA-256 of each token
is kept) and the phone numbers citizens reported, waiting for staff in a review queue.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

STATEMENTS = [
    # One personal link: made at the post, never edited (append-only in sync); the token itself is
    # shown once (CSV, message list, printed notice) and never stored anywhere.
    """CREATE TABLE checkin_links (
        id VARCHAR NOT NULL PRIMARY KEY, token_hash VARCHAR NOT NULL, citizen_id VARCHAR NOT NULL,
        campaign_id VARCHAR, language VARCHAR NOT NULL, phone VARCHAR, expires_at VARCHAR NOT NULL,
        created_at VARCHAR NOT NULL, created_by VARCHAR NOT NULL)""",
    "CREATE UNIQUE INDEX ix_checkin_links_token_hash ON checkin_links (token_hash)",
    "CREATE INDEX ix_checkin_links_citizen ON checkin_links (citizen_id)",
    "CREATE INDEX ix_checkin_links_campaign ON checkin_links (campaign_id) WHERE campaign_id IS NOT NULL",
    # The dashboard's check-in count reads these alone, not every contact ever logged.
    "CREATE INDEX ix_contacts_checkin ON contacts (welfare_status, at) WHERE channel = 'check-in'",
    # A phone number a citizen reported: pending until a person applies or dismisses it.
    """CREATE TABLE phone_changes (
        id VARCHAR NOT NULL PRIMARY KEY, citizen_id VARCHAR NOT NULL, phone VARCHAR NOT NULL,
        reported_at VARCHAR NOT NULL, source VARCHAR NOT NULL, status VARCHAR DEFAULT 'pending' NOT NULL,
        resolved_at VARCHAR, resolved_by VARCHAR, updated_at VARCHAR NOT NULL,
        version INTEGER DEFAULT '1' NOT NULL)""",
    "CREATE INDEX ix_phone_changes_status ON phone_changes (status, reported_at)",
    "CREATE INDEX ix_phone_changes_citizen ON phone_changes (citizen_id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
