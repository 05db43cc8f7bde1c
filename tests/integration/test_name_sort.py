"""The registry sorts names in Kazakh/Russian alphabet order: every write path fills the sort key,
and migration 0005 fills it for citizens registered before it."""

from __future__ import annotations

from pathlib import Path

from embassy_desk.domain.collation import name_sort_key
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import browse, importer, registry
from embassy_desk.services.browse import BrowseQuery
from embassy_desk.services.session import PostInfo, Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage import audit, meta, migrate
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.files import ensure_private_dir
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.vault import Vault, generate_data_key, generate_recovery_code
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim

SURNAMES = ["Яковлев", "Өтепова", "Ізбасаров", "Абаев", "Ыбыраев", "Оспанов", "Қасымов", "Кенжебаев"]
IN_ORDER = ["Абаев", "Кенжебаев", "Қасымов", "Оспанов", "Өтепова", "Ыбыраев", "Ізбасаров", "Яковлев"]


def _register(session: Session, surname: str, **more: object) -> str:
    data = aigerim(surname=surname, national_id=None, passport_number=None, **more)
    return registry.register_citizen(session, data, allow_duplicate=True).id


def _surnames(session: Session, *, descending: bool = False) -> list[str]:
    rids = [
        r
        for chunk in browse.ordered_rids(session, BrowseQuery(sort="name", descending=descending))
        for r in chunk
    ]
    return [(row.name or row.name_latin).split()[0] for row in browse.rows_by_rid(session, rids) if row]


def _stored_key(session: Session, citizen_id: str) -> str:
    with session.read() as conn:
        return str(
            conn.exec_driver_sql("SELECT name_sort FROM citizens WHERE id = ?", (citizen_id,)).scalar_one()
        )


def test_the_name_column_sorts_in_alphabet_order(admin: Session) -> None:
    for surname in SURNAMES:
        _register(admin, surname)
    assert _surnames(admin) == IN_ORDER
    assert _surnames(admin, descending=True) == IN_ORDER[::-1]


def test_the_sort_uses_its_index(admin: Session) -> None:
    with admin.read() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN SELECT rid FROM citizens ORDER BY {browse.SORT_KEYS['name'].sql}, rid"
            )
        )
    assert "ix_citizens_name_sort" in plan and "TEMP B-TREE" not in plan


def test_every_write_path_fills_the_key(admin: Session) -> None:
    created = _register(admin, "Өтепова", given_names="Әсел")
    assert _stored_key(admin, created) == name_sort_key("Өтепова", "Әсел", "Серикқызы")

    registry.edit_citizen(admin, created, {"surname": "Ізбасарова"})
    assert _stored_key(admin, created) == name_sort_key("Ізбасарова", "Әсел", "Серикқызы")

    rows = [(2, {"surname": "Ыбыраев", "given_names": "Ерлан", "sex": "M", "birth_date": "1990-01-02"})]
    for parallel in (False, True):
        report = importer.import_rows(admin, rows, parallel=parallel, allow_duplicates=True)
        assert report.imported == 1
    with admin.read() as conn:
        keys = {
            str(k)
            for (k,) in conn.exec_driver_sql("SELECT name_sort FROM citizens WHERE surname = 'Ыбыраев'")
        }
    assert keys == {name_sort_key("Ыбыраев", "Ерлан")}

    # A merge keeps the kept record's name; its key is written again with the merged fields.
    dropped = _register(admin, "Абаев", patronymic=None)
    kept = registry.merge_citizens(admin, created, dropped)
    assert _stored_key(admin, kept.id) == name_sort_key("Ізбасарова", "Әсел", "Серикқызы")

    latin_only = registry.register_citizen(
        admin,
        {"surname_latin": "SMITH", "given_names_latin": "JOHN", "sex": "M", "birth_date": "1980-05-05"},
        allow_duplicate=True,
    )
    assert _stored_key(admin, latin_only.id) == name_sort_key("SMITH", "JOHN")


def test_migration_fills_the_key_of_citizens_registered_before_it(tmp_path: Path) -> None:
    paths = WorkstationPaths(tmp_path / "old")
    ensure_private_dir(paths.root)
    key = generate_data_key()
    vault = Vault.create(paths.vault, data_key=key, kdf=TEST_KDF)
    vault.add_user_slot("admin", ADMIN_PASSPHRASE, key)
    vault.set_recovery_slot(generate_recovery_code(), key)
    engine = make_engine(paths.database, key, create=True)
    migrate.upgrade(engine, "0004")  # a database of the release before the sort key
    with engine.connect() as raw, raw.execution_options(write=True).begin():
        meta.put(raw, "post", PostInfo("Old post").to_dict())
        meta.put(raw, "device_id", uuid7())
        raw.exec_driver_sql(
            "INSERT INTO staff_users VALUES (?, 'admin', 'Admin', 'administrator', 0, 'now', 'now')",
            (uuid7(),),
        )
        for rid, surname in enumerate(SURNAMES, start=1):
            raw.exec_driver_sql(
                "INSERT INTO citizens (rid, id, surname, given_names, status, welfare_status, created_at,"
                " updated_at, created_by, updated_by) VALUES (?, ?, ?, 'Айгерім', 'active', 'unknown',"
                " 'now', 'now', 'admin', 'admin')",
                (rid, uuid7(), surname),
            )
        raw.exec_driver_sql(
            "INSERT INTO citizens (rid, id, surname_latin, given_names_latin, created_at, updated_at,"
            " created_by, updated_by) VALUES (99, ?, 'SMITH', 'JOHN', 'now', 'now', 'admin', 'admin')",
            (uuid7(),),
        )
        audit.append(raw, actor="admin", action="workstation.init")
    engine.dispose()

    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        with session.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            indexes = {
                r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            }
            latin = conn.exec_driver_sql("SELECT name_sort FROM citizens WHERE rid = 99").scalar_one()
        assert "ix_citizens_name_sort" in indexes and "ix_citizens_name" not in indexes
        assert latin == name_sort_key("SMITH", "JOHN")
        # Latin letters come before Cyrillic ones.
        assert _surnames(session) == ["SMITH", *IN_ORDER]
    finally:
        session.lock()
