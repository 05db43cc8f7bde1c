"""Printable notices: the templates they were made from, batches, and every notice issued.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE notice_templates (
        sha256 VARCHAR NOT NULL PRIMARY KEY, kind VARCHAR NOT NULL, versions TEXT NOT NULL,
        sources TEXT NOT NULL, first_used_at VARCHAR NOT NULL)""",
    """CREATE TABLE notice_batches (
        id VARCHAR NOT NULL PRIMARY KEY, kind VARCHAR NOT NULL, languages VARCHAR NOT NULL,
        paper VARCHAR NOT NULL, template_sha256 VARCHAR NOT NULL, shared TEXT NOT NULL,
        output VARCHAR NOT NULL, status VARCHAR NOT NULL, notices INTEGER DEFAULT '0' NOT NULL,
        pages INTEGER DEFAULT '0' NOT NULL, pdf_sha256 VARCHAR, issued_at VARCHAR NOT NULL,
        issued_by VARCHAR NOT NULL)""",
    """CREATE TABLE notices_issued (
        id VARCHAR NOT NULL PRIMARY KEY, reference VARCHAR NOT NULL UNIQUE,
        batch_id VARCHAR NOT NULL, citizen_id VARCHAR, languages VARCHAR NOT NULL,
        personal TEXT NOT NULL, pages INTEGER DEFAULT '0' NOT NULL, pdf_sha256 VARCHAR,
        issued_at VARCHAR NOT NULL, issued_by VARCHAR NOT NULL)""",
    "CREATE INDEX ix_notices_issued_citizen ON notices_issued (citizen_id)",
    "CREATE INDEX ix_notices_issued_batch ON notices_issued (batch_id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
