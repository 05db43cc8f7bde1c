"""Alembic environment of HQ: migrations run on a connection hq.database opened (PostgreSQL or SQLite)."""

from __future__ import annotations

from alembic import context

from embassy_desk.hq.tables import VERSION_TABLE, metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("HQ migrations run through `embassy-desk hq migrate` (embassy_desk.hq.database)")
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    # SQLite cannot ALTER most things; batch mode copies the table there and is a no-op on PostgreSQL.
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
