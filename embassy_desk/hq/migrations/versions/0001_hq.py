"""HQ's first schema: posts, devices, enrollment codes, the per-post entry log, materialised records,
rejections, nonces, staff names and pushed audit entries (see embassy_desk/hq/tables.py).

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ZERO_HASH = "0" * 64


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("next_seq", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("hq_bundle_number", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("hq_bundle_hash", sa.String(64), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("code", name="pk_posts"),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False, server_default=""),
        sa.Column("signing_key", sa.String(64), nullable=False),
        sa.Column("bundle_key", sa.String(64), nullable=False),
        sa.Column("app_version", sa.String(50), nullable=False, server_default=""),
        sa.Column("enrolled_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40)),
        sa.Column("last_sync_at", sa.String(40)),
        sa.Column("cursor", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("through", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("audit_seq", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("audit_hash", sa.String(64), nullable=False, server_default=ZERO_HASH),
        sa.Column("audit_state", sa.String(40), nullable=False, server_default="ok"),
        sa.Column("bundle_number", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("bundle_hash", sa.String(64), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_devices_post_posts"),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
    )
    op.create_index("ix_devices_post", "devices", ["post"])
    op.create_table(
        "enroll_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("used_at", sa.String(40)),
        sa.Column("used_by", sa.String(100)),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_enroll_codes_post_posts"),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enroll_codes"),
    )
    op.create_table(
        "entries",
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.String(100), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(100), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("hlc", sa.String(100), nullable=False),
        sa.Column("staff", sa.String(100), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("base", sa.Text()),
        sa.Column("epoch", sa.String(100), nullable=False, server_default=""),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("blanked", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_entries_post_posts"),
        sa.PrimaryKeyConstraint("post", "seq", name="pk_entries"),
        sa.UniqueConstraint("post", "id", name="uq_entries_post_id"),
    )
    op.create_index("ix_entries_post_entity_record", "entries", ["post", "entity", "record_id"])
    op.create_table(
        "records",
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(100), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("welfare_status", sa.String(40)),
        sa.Column("status", sa.String(40)),
        sa.Column("priority", sa.String(40)),
        sa.Column("at", sa.String(40)),
        sa.Column("updated_seq", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_records_post_posts"),
        sa.PrimaryKeyConstraint("post", "entity", "record_id", name="pk_records"),
    )
    op.create_index("ix_records_post_entity_deleted", "records", ["post", "entity", "deleted"])
    op.create_table(
        "rejections",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("entry_id", sa.String(100), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejections"),
    )
    op.create_index("ix_rejections_device", "rejections", ["device"])
    op.create_table(
        "nonces",
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("nonce", sa.String(200), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("device", "nonce", name="pk_nonces"),
    )
    op.create_index("ix_nonces_created", "nonces", ["created"])
    op.create_table(
        "staff",
        sa.Column("post", sa.String(32), nullable=False),
        sa.Column("staff_id", sa.String(100), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["post"], ["posts.code"], name="fk_staff_post_posts"),
        sa.PrimaryKeyConstraint("post", "staff_id", name="pk_staff"),
    )
    op.create_table(
        "audit_entries",
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("entity", sa.String(100), nullable=False),
        sa.Column("entity_id", sa.String(100), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("chain_ok", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["device"], ["devices.id"], name="fk_audit_entries_device_devices"),
        sa.PrimaryKeyConstraint("device", "seq", name="pk_audit_entries"),
    )


def downgrade() -> None:
    raise NotImplementedError("HQ databases only move forward; restore a pg_dump backup instead")
