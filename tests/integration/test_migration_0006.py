"""Migration 0006 on a database made before it: the nationality column appears, and citizens
indexed before the alternative romanisations existed are found by them afterwards."""

from __future__ import annotations

from pathlib import Path

from embassy_desk.domain import translit
from embassy_desk.storage import migrate, search_index
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.vault import generate_data_key

NAMES = {1: ("Семёнов", "Пётр"), 2: ("Тоқтаров", "Жеңіс"), 3: ("Ким", "Ирина"), 4: ("Сергей", "Ананьев")}


def test_existing_citizens_are_indexed_again_and_keep_their_rows(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "old.db", generate_data_key(), create=True)
    try:
        migrate.upgrade(engine, "0005")
        with engine.connect() as conn, conn.begin():
            for rid, (surname, given) in NAMES.items():
                conn.exec_driver_sql(
                    "INSERT INTO citizens (rid, id, surname, given_names, name_key, created_at,"
                    " updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, '', 'now', 'now', 's', 's')",
                    (rid, f"id-{rid}", surname, given),
                )
                # As the index was written before 0006: the plain keys only.
                names = " ".join((*translit.search_token_tuple(surname), *translit.search_token_tuple(given)))
                conn.exec_driver_sql(
                    "INSERT INTO citizen_fts(rowid, names, docs, phone_rev) VALUES (?, ?, '', '')",
                    (rid, names),
                )
            for query in ("Tokhtarov", "Zhengis", "Ananyev"):
                assert search_index.search_rids(conn, query, limit=10) == [], query

        migrate.upgrade(engine)
        with engine.connect() as conn:
            assert search_index.search_rids(conn, "Semyonov", limit=10) == [1]
            assert search_index.search_rids(conn, "Pyotr", limit=10) == [1]
            assert search_index.search_rids(conn, "Tokhtarov", limit=10) == [2]
            assert search_index.search_rids(conn, "Zhengis", limit=10) == [2]
            assert search_index.search_rids(conn, "Ananyev", limit=10) == [4]
            # Untouched rows are still found as before, and no row was indexed twice.
            assert search_index.search_rids(conn, "Ким Ирина", limit=10) == [3]
            assert search_index.search_rids(conn, "Семёнов", limit=10) == [1]
            rows = conn.exec_driver_sql("SELECT rid, nationality FROM citizens ORDER BY rid").all()
            assert [tuple(r) for r in rows] == [(1, None), (2, None), (3, None), (4, None)]
    finally:
        engine.dispose()
