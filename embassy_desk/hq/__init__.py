"""Headquarters (HQ): the server every post's workstations sync with (SYNC.md, issue 11).

No Qt here. ``tables`` is the schema (SQLAlchemy Core, PostgreSQL first, SQLite for a trial),
``database`` opens it and runs HQ's own Alembic migrations, ``store`` is the API the HTTP layer
(``app``) and the ``embassy-desk hq`` commands call, ``stats`` the read-only query layer of the
statistics, ``bundles`` the USB path.
"""
