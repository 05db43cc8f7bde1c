"""HQ databases for tests: a fresh PostgreSQL database per test session (127.0.0.1:5432, user
postgres; created with a random name and dropped at the end) and SQLite files.

With ``CI=true`` an unreachable PostgreSQL is a failure; elsewhere the PostgreSQL cases are skipped
with the reason. Use the ``hq_backend`` fixture (parametrised "sqlite" / "postgresql") and
``hq_url`` (a migrated, empty HQ database of that backend for one test), or ``hq_store``.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from embassy_desk.hq.database import make_engine, sqlite_url, upgrade
from embassy_desk.hq.keys import HQKeys
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import metadata
from embassy_desk.sync import keys as sync_keys

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
BACKENDS = ("sqlite", "postgresql")


def _pg_unreachable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL at 127.0.0.1:5432 is required with CI=true: {reason}")
    pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is not reachable: {reason}")


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str]:
    """A fresh, migrated HQ database on PostgreSQL for the whole test session (dropped afterwards)."""
    import psycopg

    name = f"hq_test_{secrets.token_hex(6)}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
    except psycopg.OperationalError as exc:
        _pg_unreachable(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    engine = make_engine(url)
    try:
        upgrade(engine)
        engine.dispose()
        yield url
    finally:
        engine.dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _empty_pg(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
            conn.exec_driver_sql(f"TRUNCATE {names} CASCADE")
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def hq_backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgresql" (tests using it run on both)."""
    return str(request.param)


@pytest.fixture
def hq_url(hq_backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty HQ database of ``hq_backend`` for this test."""
    if hq_backend == "postgresql":
        url = str(request.getfixturevalue("pg_session_url"))
        _empty_pg(url)
        return url
    url = sqlite_url(tmp_path / "hq.sqlite3")
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


@dataclass
class MovableClock:
    """HQ's clock in tests: starts now, moved by hand."""

    moment: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def hq_clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def hq_store(hq_url: str, hq_clock: MovableClock) -> Iterator[HQStore]:
    """An HQ store on an empty database of each backend, with fresh keys and a movable clock."""
    keys = HQKeys(sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    store = HQStore(make_engine(hq_url), keys, clock=hq_clock)
    yield store
    store.close()
