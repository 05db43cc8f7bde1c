"""Migration 0008 (sync): old ``upsert`` change-log entries become creations and updates, deletions
before sync keep their tombstone, and the new tables exist."""

from __future__ import annotations

from pathlib import Path

from embassy_desk.domain.citizen import ValidationContext, validate_citizen
from embassy_desk.domain.ids import uuid7
from embassy_desk.storage import changelog, citizens, migrate
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.vault import generate_data_key
from tests.conftest import aigerim

CONTEXT = ValidationContext(home_country="KZ", host_country="KR")


def test_old_entries_become_creations_and_updates_and_deletions_tombstones(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db", generate_data_key(), create=True)
    try:
        migrate.upgrade(engine, "0007")
        kept, gone, merged = uuid7(), uuid7(), uuid7()
        fields = validate_citizen(aigerim(), CONTEXT)
        with engine.connect() as conn, conn.begin():
            citizens.insert_many(conn, [(kept, fields)], staff="s", now="2026-01-01")
            for n, (record_id, op, values) in enumerate(
                [
                    (kept, "upsert", {"surname": "Нурланова"}),
                    (gone, "upsert", {"surname": "Жумабаева"}),
                    (kept, "upsert", {"region": "Busan"}),
                    (kept, "upsert", {"notes": "x"}),
                    (gone, "delete", {}),
                    (merged, "delete", {"merged_into": kept}),
                ],
                start=1,
            ):
                hlc = f"17800000000{n:02d}-00000-dev"
                changelog.record(
                    conn, entity="citizen", record_id=record_id, op=op, fields=values, hlc=hlc, staff="s"
                )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT record_id, op, base, epoch FROM change_log ORDER BY seq"
            ).all()
            tombstones = conn.exec_driver_sql(
                "SELECT record_id, deleted, deleted_hlc, merged_into, stamps FROM sync_state"
            ).all()
            tables = {
                str(r[0]) for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == [
        (kept, "create", None, ""),
        (gone, "create", None, ""),
        (kept, "update", "{}", ""),
        (kept, "update", "{}", ""),
        (gone, "delete", "{}", ""),
        (merged, "delete", "{}", ""),
    ]
    assert sorted(tuple(r) for r in tombstones) == sorted(
        [
            (gone, 1, "1780000000005-00000-dev", None, "{}"),
            (merged, 1, "1780000000006-00000-dev", kept, "{}"),
        ]
    )
    assert {"sync_state", "sync_conflicts", "sync_resolutions", "sync_history", "hq_publications"} <= tables
