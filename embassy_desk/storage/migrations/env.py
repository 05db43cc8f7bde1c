"""Alembic environment: migrations always run on a connection the workstation opened and keyed."""

from __future__ import annotations

from alembic import context

from embassy_desk.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Embassy Desk migrations run only through the application (the database is encrypted)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
