"""Migration 0008 (sync): old ``upsert`` change-log entries become creations and updates, deletions
before sync keep their tombstone, and the new tables exist."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson

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


def test_old_entries_are_renamed_to_the_synced_fields_and_decisions_announced(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "r.db", generate_data_key(), create=True)
    try:
        migrate.upgrade(engine, "0007")
        case, contact = uuid7(), uuid7()
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('device_id', '\"dev-1\"')")
            for status, batch in (("issued", "b-ok"), ("cancelled", "b-gone")):
                conn.exec_driver_sql(
                    "INSERT INTO notice_batches(id, kind, languages, paper, template_sha256, shared,"
                    " output, status, issued_at, issued_by) VALUES (?, 'letter-welfare', 'kk', 'a4', 'x',"
                    " '{}', 'pdf', ?, '2026-12-01T10:00:00+00:00', 's')",
                    (batch, status),
                )
            conn.exec_driver_sql(
                "INSERT INTO notices_issued(id, reference, batch_id, citizen_id, languages, personal, pages,"
                " issued_at, issued_by) VALUES ('n1', 'EVB-1', 'b-ok', 'c1', 'kk', '{}', 2,"
                " '2026-12-01T10:00:00+00:00', 's')"
            )
            conn.exec_driver_sql(
                "INSERT INTO duplicate_decisions VALUES ('a', 'b', 's', '2026-12-01T10:00:00.000+00:00')"
            )
            old = [
                ("case", case, {"id": case, "citizen_id": "c1", "kind": "medical", "now": "T", "by": "s"}),
                ("contact", contact, {"id": contact, "citizen_id": "c1", "at": "T", "note": "n"}),
                ("notice", "EVB-1", {"kind": "letter-welfare", "citizen_id": "c1", "batch_id": "b-ok"}),
                ("notice", "EVB-2", {"kind": "letter-welfare", "citizen_id": "c1", "batch_id": "b-gone"}),
            ]
            for n, (entity, record_id, values) in enumerate(old, start=1):
                changelog.record(
                    conn,
                    entity=entity,
                    record_id=record_id,
                    op="upsert",
                    fields=values,
                    hlc=f"17800000000{n:02d}-00000-dev-1",
                    staff="s",
                )
        migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT entity, record_id, op, fields, hlc FROM change_log ORDER BY seq"
            )
            got = {(r[0], r[1]): (r[2], orjson.loads(r[3]), r[4]) for r in rows}
    finally:
        engine.dispose()
    assert got[("case", case)][1] == {
        "citizen_id": "c1",
        "kind": "medical",
        "opened_at": "T",
        "created_by": "s",
    }
    assert got[("contact", contact)][1] == {"citizen_id": "c1", "at": "T", "note": "n"}
    assert got[("notice", "EVB-1")][1] == {
        "kind": "letter-welfare",
        "citizen_id": "c1",
        "batch_id": "b-ok",
        "languages": "kk",
        "pages": 2,
        "issued_at": "2026-12-01T10:00:00+00:00",
        "issued_by": "s",
    }
    assert ("notice", "EVB-2") not in got  # its batch was cancelled
    op, fields, stamp = got[("duplicate_decision", "a:b")]
    assert (op, fields) == ("create", {"first_id": "a", "second_id": "b"})
    taken = datetime(2026, 12, 1, 10, tzinfo=UTC).timestamp()
    assert stamp == f"{int(taken * 1000):013d}-00000-dev-1"  # stamped when it was decided
