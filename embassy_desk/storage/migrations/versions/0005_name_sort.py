"""Names sort in the Kazakh and Russian alphabet order: a sort key column, filled and indexed.

SQLite's NOCASE comparison orders by code point, so "Ізбасаров" came before "Абаев" and "Өтепова"
after "Яковлев". ``name_sort`` holds the key of domain/collation.py; its index replaces the
NOCASE name index of 0004 (the registry's ORDER BY was its only user), so an insert still
maintains one name index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from typing import Any

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Statements a fresh database runs too (bench/bench_workload.py reads them); the back-fill of
# existing rows runs between the first and the others, before the index is built.
STATEMENTS = [
    "ALTER TABLE citizens ADD COLUMN name_sort VARCHAR DEFAULT '' NOT NULL",
    "DROP INDEX ix_citizens_name",
    "CREATE INDEX ix_citizens_name_sort ON citizens (name_sort)",
]
_FIELDS = ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin")


def _key(*values: Any) -> str:
    from embassy_desk.storage.citizens import name_sort

    return name_sort(dict(zip(_FIELDS, values, strict=True)))


def upgrade() -> None:
    op.execute(STATEMENTS[0])
    dbapi = op.get_bind().connection.driver_connection
    assert dbapi is not None
    # One UPDATE with the key as an SQL function: the rows never travel through Python lists.
    dbapi.create_function("embassy_name_sort", len(_FIELDS), _key, deterministic=True)
    try:
        dbapi.execute(f"UPDATE citizens SET name_sort = embassy_name_sort({', '.join(_FIELDS)})")
    finally:
        dbapi.create_function("embassy_name_sort", len(_FIELDS), None)
    for statement in STATEMENTS[1:]:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("Embassy Desk databases only move forward; restore a backup instead")
