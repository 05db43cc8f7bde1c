"""The nationality an MRZ gives is kept with the citizen.

The nationality was shown when a passport's MRZ was read and then lost on save.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE citizens ADD COLUMN nationality TEXT")


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
