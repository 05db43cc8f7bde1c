"""Alembic migrations: they build exactly the declared schema, and an older database is
migrated only after a verified backup."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from embassy_desk.domain.ids import uuid7
from embassy_desk.services import backup, registry
from embassy_desk.services.session import PostInfo
from embassy_desk.services.workstation import unlock
from embassy_desk.storage import audit, meta, migrate
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.files import ensure_private_dir
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.schema import metadata
from embassy_desk.storage.vault import Vault, generate_data_key, generate_recovery_code
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim


def test_migrations_match_the_declared_schema(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", generate_data_key(), create=True)
    try:
        migrate.upgrade(engine)
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    # 0005 replaced the NOCASE name index (an expression index Alembic cannot compare) by a plain one.
    relevant = [d for d in diffs if "citizen_fts" not in str(d)]
    assert relevant == []


def test_older_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    paths = WorkstationPaths(tmp_path / "old")
    ensure_private_dir(paths.root)
    key = generate_data_key()
    vault = Vault.create(paths.vault, data_key=key, kdf=TEST_KDF)
    vault.add_user_slot("admin", ADMIN_PASSPHRASE, key)
    vault.set_recovery_slot(generate_recovery_code(), key)
    engine = make_engine(paths.database, key, create=True)
    migrate.upgrade(engine, "0001")  # a database made by the first release
    with engine.connect() as raw, raw.execution_options(write=True).begin():
        meta.put(raw, "post", PostInfo("Old post").to_dict())
        meta.put(raw, "device_id", uuid7())
        raw.exec_driver_sql(
            "INSERT INTO staff_users VALUES (?, 'admin', 'Admin', 'administrator', 0, 'now', 'now')",
            (uuid7(),),
        )
        audit.append(raw, actor="admin", action="workstation.init")
    engine.dispose()

    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        with session.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
        registry.register_citizen(session, aigerim())
        backups = list(paths.backups.glob("before-migration-0001-to-*.edbk"))
        assert len(backups) == 1
        info = backup.verify_backup(backups[0], session.data_key)
        assert info.schema_revision == "0001"
    finally:
        session.lock()
