"""The web console (issue 13): operators, console sessions, HQ's own audit log, the welfare counters
and their hourly changes, an index on contacts' moments, and campaign list places' states
(pending, done, follow_up) copied out into ``records.status`` (see embassy_desk/hq/tables.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operators",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("language", sa.String(8), nullable=False, server_default="en"),
        sa.Column("password_hash", sa.String(400), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_failure_at", sa.String(40)),
        sa.Column("locked_at", sa.String(40)),
        sa.Column("disabled_at", sa.String(40)),
        sa.PrimaryKeyConstraint("name", name="pk_operators"),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("operator", sa.String(100), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("last_seen_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator"],
            ["operators.name"],
            name="fk_console_sessions_operator_operators",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_console_sessions"),
    )
    op.create_index("ix_console_sessions_operator", "console_sessions", ["operator"])
    op.create_table(
        "hq_audit",
        sa.Column("seq", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("entity", sa.String(100), nullable=False),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_hq_audit"),
    )
    op.create_table(
        "welfare_counts",
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_welfare_counts_post_posts"),
        sa.PrimaryKeyConstraint("post", "status", name="pk_welfare_counts"),
    )
    op.create_table(
        "welfare_hours",
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("hour", sa.String(13), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_welfare_hours_post_posts"),
        sa.PrimaryKeyConstraint("post", "hour", "status", name="pk_welfare_hours"),
    )
    op.create_index("ix_records_entity_at", "records", ["entity", "at", "post"])
    # The counters start from the records already materialised.
    op.execute(
        "INSERT INTO welfare_counts (post, status, count) "
        "SELECT post, COALESCE(welfare_status, 'unknown'), COUNT(*) FROM records "
        "WHERE entity = 'citizen' AND deleted = false "
        "GROUP BY post, COALESCE(welfare_status, 'unknown')"
    )
    # A list place's state, for campaigns' progress (hq/records.materialised_columns does it from now on).
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT post, record_id, state FROM records WHERE entity = 'campaign_target' AND deleted = false"
        )
    ).all()
    for post, record_id, state in rows:
        place = json.loads(state).get("values", {}).get("state")
        if isinstance(place, str) and len(place) <= 40:
            conn.execute(
                sa.text(
                    "UPDATE records SET status = :status WHERE post = :post "
                    "AND entity = 'campaign_target' AND record_id = :id"
                ),
                {"status": place, "post": post, "id": record_id},
            )


def downgrade() -> None:
    op.drop_index("ix_records_entity_at", table_name="records")
    for table in ("welfare_hours", "welfare_counts", "hq_audit", "console_sessions", "operators"):
        op.drop_table(table)
