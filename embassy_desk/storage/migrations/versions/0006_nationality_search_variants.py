"""The nationality an MRZ gives is kept with the citizen; the search index learns more romanisations.

The nationality was shown when a passport's MRZ was read and then lost on save. The search index
now also holds the common romanisations of ambiguous letters (Ё as YO, Қ as KH, Ң as NG, Ь before
a vowel as Y), so existing citizens whose names carry those letters are indexed again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from alembic import op

from embassy_desk.storage import search_index

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE citizens ADD COLUMN nationality TEXT")
    search_index.refresh_variants(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
