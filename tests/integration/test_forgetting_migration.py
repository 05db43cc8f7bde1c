"""Migration 0007 (issue 10, defect 3): an index built with ``contentless_delete=1`` kept deleted
citizens' tokens in its raw blocks; the upgrade leaves none, and search still finds the living."""

from __future__ import annotations

from pathlib import Path

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.citizen import ValidationContext, validate_citizen
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import importer, registry
from embassy_desk.services.session import Session
from embassy_desk.storage import changelog, citizens, migrate, search_index
from embassy_desk.storage.engine import connect, make_engine
from embassy_desk.storage.vault import generate_data_key
from tests.conftest import aigerim


def _plain(db: Path, key: bytes, target: Path) -> bytes:
    raw = connect(db, key)
    try:
        raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        raw.execute("SELECT sqlcipher_export('plain')")
        raw.execute("DETACH DATABASE plain")
    finally:
        raw.close()
    return target.read_bytes()


def test_upgrade_to_0007_forgets_what_the_old_index_kept(tmp_path: Path) -> None:
    db, key = tmp_path / "r.db", generate_data_key()
    engine = make_engine(db, key, create=True)
    try:
        migrate.upgrade(engine, "0006")
        context = ValidationContext(home_country="KZ", host_country="KR")
        gone = validate_citizen(aigerim(surname_latin="ZHUMABAEVA", passport_number="N55501234"), context)
        kept = validate_citizen(
            aigerim(
                surname="Сапарова", national_id=None, passport_number="N20000001", birth_date="1991-02-03"
            ),
            context,
        )
        gone_id, kept_id = uuid7(), uuid7()
        with engine.connect() as conn, conn.begin():
            rid_gone, _ = citizens.insert_many(
                conn, [(gone_id, gone), (kept_id, kept)], staff="s", now="2026-01-01"
            )
            changelog.record(
                conn, entity="citizen", record_id=gone_id, op="upsert", fields=gone, hlc="1", staff="s"
            )
            row = citizens.get(conn, gone_id)
            assert row is not None
            # What deleting did in that release (it had no call lists or manifests to clear).
            search_index.unindex(conn, [row["rid"]])
            conn.exec_driver_sql("DELETE FROM citizens WHERE rid = ?", (row["rid"],))
            changelog.record(
                conn, entity="citizen", record_id=gone_id, op="delete", fields={}, hlc="2", staff="s"
            )
        before = _plain(db, key, tmp_path / "before.db")
        # FTS5 stores a term after the prefix it shares with the previous one, so the scan looks for
        # distinctive tails as well as whole values.
        assert b"55501234" in before  # the old index kept the deleted passport number
        migrate.upgrade(engine)
        after = _plain(db, key, tmp_path / "after.db")
        for marker in (b"55501234", b"umabaeva", b"UMABAEVA", b"314400046"):
            assert marker not in after, marker
        with engine.connect() as conn:
            assert search_index.search_rids(conn, "Сапарова", limit=5) == [rid_gone + 1]
            assert search_index.search_rids(conn, "zhumab", limit=5) == []
            conn.exec_driver_sql("INSERT INTO citizen_fts(citizen_fts) VALUES('integrity-check')")
    finally:
        engine.dispose()


def test_deleting_every_imported_and_edited_citizen_leaves_an_empty_index(admin: Session) -> None:
    """The 'delete' command must be given exactly the tokens that were indexed, whichever path
    indexed them (import workers, registration, edits): after deleting everyone, no term is left."""
    rows = [(i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(200, 5)))]
    importer.import_rows(admin, rows, parallel=False)
    registry.register_citizen(admin, aigerim())
    with admin.read() as conn:
        ids = [str(r[0]) for r in conn.exec_driver_sql("SELECT id FROM citizens ORDER BY rid")]
    for citizen_id in ids[::7]:
        registry.edit_citizen(admin, citizen_id, {"region": "Busan", "passport_number": None})
    for citizen_id in ids:
        registry.delete_citizen(admin, citizen_id)
    with admin.read() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("INSERT INTO citizen_fts(citizen_fts) VALUES('integrity-check')")
        raw.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, 'citizen_fts', 'row')")
        assert raw.execute("SELECT count(*) FROM temp.v").fetchone()[0] == 0
