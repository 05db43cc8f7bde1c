"""HQ migration 0002 (the web console) on a database that already holds synced records: the welfare
counters start equal to a recount, and campaign list places get their state copied out."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from embassy_desk.hq.database import make_engine, sqlite_url, upgrade
from tests.hq_db import BACKENDS, PG_ADMIN, _pg_unreachable


@pytest.fixture(params=BACKENDS)
def engine_at_0001(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh HQ database of each backend, migrated to 0001 only."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url(tmp_path / "hq.sqlite3"))
        upgrade(engine, "0001")
        yield engine
        engine.dispose()
        return
    import psycopg

    name = f"hq_mig_{secrets.token_hex(6)}"
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True)
    except psycopg.OperationalError as exc:
        _pg_unreachable(str(exc).strip().splitlines()[0])
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
    try:
        upgrade(engine, "0001")
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _record(
    post: str, entity: str, record_id: str, values: dict[str, object], **columns: object
) -> dict[str, object]:
    return {
        "post": post,
        "entity": entity,
        "record_id": record_id,
        "state": json.dumps({"values": values}, sort_keys=True),
        "deleted": bool(columns.get("deleted", False)),
        "welfare_status": columns.get("welfare_status"),
        "status": columns.get("status"),
        "updated_seq": 1,
        "digest": "0" * 64,
    }


def test_0002_counts_the_citizens_already_synced_and_copies_list_places_states(
    engine_at_0001: Engine,
) -> None:
    rows = [
        _record("SEL", "citizen", "c1", {"welfare_status": "safe"}, welfare_status="safe"),
        _record("SEL", "citizen", "c2", {"welfare_status": "safe"}, welfare_status="safe"),
        _record("SEL", "citizen", "c3", {}),
        _record("SEL", "citizen", "c4", {}, deleted=True),
        _record(
            "BUS", "citizen", "c5", {"welfare_status": "needs_assistance"}, welfare_status="needs_assistance"
        ),
        _record("SEL", "campaign_target", "k1:c1", {"state": "done", "outcome": "safe"}),
        _record("SEL", "campaign_target", "k1:c3", {"state": "pending"}),
    ]
    with engine_at_0001.begin() as conn:
        for code in ("SEL", "BUS"):
            conn.execute(
                text(
                    "INSERT INTO posts (code, name, created_at) VALUES (:c, :c, '2026-12-07T00:00:00.000Z')"
                ),
                {"c": code},
            )
        conn.execute(
            text(
                "INSERT INTO records (post, entity, record_id, state, deleted, welfare_status, status, "
                "updated_seq, digest) VALUES (:post, :entity, :record_id, :state, :deleted, "
                ":welfare_status, :status, :updated_seq, :digest)"
            ),
            rows,
        )
    upgrade(engine_at_0001)
    with engine_at_0001.connect() as conn:
        counts = {
            (post, status): int(count)
            for post, status, count in conn.execute(text("SELECT post, status, count FROM welfare_counts"))
        }
        states: dict[str, str] = dict(
            conn.execute(text("SELECT record_id, status FROM records WHERE entity = 'campaign_target'")).all()
        )
    assert counts == {("SEL", "safe"): 2, ("SEL", "unknown"): 1, ("BUS", "needs_assistance"): 1}
    assert states == {"k1:c1": "done", "k1:c3": "pending"}
