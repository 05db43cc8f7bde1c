"""HQ's own Alembic environment (version table ``hq_alembic_version``); run through hq.database."""
