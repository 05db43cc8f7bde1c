"""Citizens check in themselves (issue 14): check-in links copied out of the posts' records, the
answers citizens gave (until HQ writes them into the post's log), and SMS gateway message ids seen.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_links",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("link_id", sa.String(100), nullable=False),
        sa.Column("citizen_id", sa.String(100), nullable=False),
        sa.Column("campaign_id", sa.String(100)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("phone_hash", sa.String(64)),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_checkin_links_post_posts"),
        sa.PrimaryKeyConstraint("token_hash", name="pk_checkin_links"),
    )
    op.create_index("ix_checkin_links_phone_hash", "checkin_links", ["phone_hash"])
    op.create_index("ix_checkin_links_post_link", "checkin_links", ["post", "link_id"])
    op.create_table(
        "checkin_answers",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("citizen_id", sa.String(100), nullable=False),
        sa.Column("campaign_id", sa.String(100)),
        sa.Column("answer", sa.String(20), nullable=False),
        sa.Column("message", sa.Text()),
        sa.Column("callback", sa.String(40)),
        sa.Column("phone", sa.String(40)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("drained_at", sa.String(40)),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_checkin_answers_post_posts"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_answers"),
    )
    op.create_index("ix_checkin_answers_token", "checkin_answers", ["token_hash", "at"])
    op.create_index("ix_checkin_answers_post_at", "checkin_answers", ["post", "at"])
    op.create_index(
        "ix_checkin_answers_pending",
        "checkin_answers",
        ["post", "at"],
        postgresql_where=sa.text("drained_at IS NULL"),
        sqlite_where=sa.text("drained_at IS NULL"),
    )
    op.create_table(
        "sms_messages",
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name="pk_sms_messages"),
    )


def downgrade() -> None:
    for table in ("sms_messages", "checkin_answers", "checkin_links"):
        op.drop_table(table)
