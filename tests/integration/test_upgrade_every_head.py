"""Upgrades keep every record (issue 15): a workstation built at every earlier schema revision, with
synthetic data written by this test in that revision's tables, opens in this release after a verified
backup, and nothing is lost.

The revisions come from Alembic's script directory (``migrate.revisions()``), so the day 0010 lands
0009 joins the list without an edit here. The writer reads each table's columns with
``PRAGMA table_info``: a column a revision did not have is left out, and a NOT NULL column without a
default that this test has no value for gets a filler (so a later revision's new column does not
break it).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine

from embassy_desk.cli import credentials
from embassy_desk.domain.citizen import name_key
from embassy_desk.domain.ids import uuid7
from embassy_desk.services import backup, registry
from embassy_desk.services.workstation import unlock
from embassy_desk.storage import audit, changelog, meta, migrate, search_index
from embassy_desk.storage.citizens import name_sort
from embassy_desk.storage.engine import make_engine
from embassy_desk.storage.files import ensure_private_dir
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.vault import Vault, generate_data_key, generate_recovery_code
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE
from tests.sync_harness import cli_env, run_main

HEAD = migrate.head_revision()
EARLIER = migrate.revisions()[:-1]
DEVICE = "0192f5a0c3d47a1b8e2f000000000001"
AUDIT_ROWS = (
    "SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_log ORDER BY seq"
)
T0 = "2026-11-20T09:00:00.000+00:00"

# Synthetic citizens (invented names and numbers), one Cyrillic-only, one Latin-only, one with both.
CITIZENS: list[dict[str, Any]] = [
    {
        "surname": "Нурланова",
        "given_names": "Айгерим",
        "patronymic": "Болатовна",
        "surname_latin": "NURLANOVA",
        "given_names_latin": "AIGERIM",
        "sex": "F",
        "birth_date": "1998-03-14",
        "national_id": "980314400046",
        "passport_number": "N12345678",
        "purpose_of_stay": "study",
        "city": "Seoul",
        "region": "Seoul",
        "phones": json.dumps([{"number": "+821012345678", "kind": "mobile"}]),
        "languages": json.dumps(["kk", "ru"]),
        "vulnerabilities": json.dumps([]),
        "status": "active",
        "welfare_status": "unknown",
        "nationality": "KZ",
        "notes": "Synthetic person for the upgrade test",
    },
    {
        "surname_latin": "ZHAKSYBEKOV",
        "given_names_latin": "ERLAN",
        "sex": "M",
        "birth_date": "1985-07-02",
        "passport_number": "N87654321",
        "purpose_of_stay": "work",
        "city": "Busan",
        "region": "Busan",
        "phones": json.dumps([{"number": "+821099887766", "kind": "mobile"}]),
        "status": "active",
        "welfare_status": "safe",
        "welfare_checked_at": "2026-11-20T10:00:00+00:00",
        "welfare_checked_by": "officer",
    },
    {
        "surname": "Сапарова",
        "given_names": "Дана",
        "sex": "F",
        "birth_date": "2015-01-30",
        "purpose_of_stay": "family",
        "city": "Seoul",
        "region": "Seoul",
        "status": "active",
        "welfare_status": "needs_help",
        "vulnerabilities": json.dumps(["minor"]),
    },
]


@dataclass
class Written:
    """What the test wrote at the old revision: the rows per table as inserted, the audit entries and
    the (entity, record id) of each change-log entry."""

    revision: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    audit: list[tuple[Any, ...]] = field(default_factory=list)
    changes: list[tuple[str, str]] = field(default_factory=list)


def _tables(conn: Connection) -> set[str]:
    return {str(r[0]) for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn: Connection, table: str) -> list[tuple[str, str, bool, bool]]:
    """(name, type, not null, has default) of each column, as that revision made the table."""
    return [
        (str(r[1]), str(r[2]).upper(), bool(r[3]), r[4] is not None)
        for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")
    ]


def _insert(conn: Connection, written: Written, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Insert ``values`` into ``table`` as this revision has it; returns the row as written."""
    row: dict[str, Any] = {}
    for name, kind, not_null, has_default in _columns(conn, table):
        if name in values:
            row[name] = values[name]
        elif not_null and not has_default:
            row[name] = 0 if "INT" in kind else f"{name}-filler"
    names = ", ".join(row)
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
    )
    written.rows.setdefault(table, []).append(row)
    return row


def _change(
    conn: Connection,
    written: Written,
    revision: str,
    entity: str,
    record_id: str,
    fields: Mapping[str, Any],
    n: int,
) -> None:
    """A change-log entry as the release of ``revision`` wrote it (0008 renamed 'upsert' to create)."""
    op = "upsert" if revision < "0008" else "create"
    if revision >= "0008":  # since sync, entries carry the synced fields only, named as the tables do
        fields = {k: v for k, v in fields.items() if k not in ("id", "now", "by")}
    hlc = f"{1763629200000 + n:013d}-{n:05d}-{DEVICE}"
    conn.exec_driver_sql(
        "INSERT INTO change_log (id, entity, record_id, op, fields, hlc, staff, schema_version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            uuid7(),
            entity,
            record_id,
            op,
            changelog.encode_fields(fields),
            hlc,
            "admin",
            1 if revision < "0008" else changelog.SCHEMA_VERSION,
        ),
    )
    written.changes.append((entity, record_id))


def write_synthetic(engine: Engine, revision: str, vault_id: str) -> Written:
    """Everything a post would have at ``revision``: staff, citizens (indexed for search), a household,
    contacts, a case and its timeline, a duplicate decision, notices issued, change log and audit."""
    written = Written(revision)
    with engine.connect() as raw, raw.execution_options(write=True).begin():
        conn = raw
        tables = _tables(conn)
        meta.put(conn, "post", {"name": "Embassy (upgrade test)", "home_country": "KZ", "host_country": "KR"})
        meta.put(conn, "device_id", DEVICE)
        meta.put(conn, "vault_id", vault_id)
        meta.put(conn, "settings", {"idle_lock_minutes": 10, "keyring_allowed": False})
        admin_id, officer_id = uuid7(), uuid7()
        for uid, username, role in ((admin_id, "admin", "administrator"), (officer_id, "officer", "officer")):
            _insert(
                conn,
                written,
                "staff_users",
                {
                    "id": uid,
                    "username": username,
                    "display_name": username.title(),
                    "role": role,
                    "disabled": 0,
                    "created_at": T0,
                    "updated_at": T0,
                },
            )
        audit.append(conn, actor="admin", action="workstation.init", at=T0)
        audit.append(
            conn,
            actor="admin",
            action="user.add",
            entity="staff_user",
            entity_id=officer_id,
            details={"role": "officer"},
            at=T0,
        )
        household = uuid7()
        _insert(
            conn,
            written,
            "households",
            {
                "id": household,
                "name": "Household (test)",
                "head_id": None,
                "created_at": T0,
                "updated_at": T0,
                "version": 1,
            },
        )
        n = 0
        citizen_ids: list[str] = []
        for rid, person in enumerate(CITIZENS, start=1):
            cid = uuid7()
            citizen_ids.append(cid)
            values = {
                **person,
                "rid": rid,
                "id": cid,
                "household_id": household if rid in (1, 3) else None,
                "name_key": name_key(
                    person.get("surname_latin") or person.get("surname") or "",
                    person.get("given_names_latin") or person.get("given_names") or "",
                ),
                "name_sort": name_sort(person),
                "created_at": T0,
                "updated_at": T0,
                "created_by": "admin",
                "updated_by": "admin",
                "version": 1,
            }
            row = _insert(conn, written, "citizens", values)
            names, docs, phones = search_index.document(row)
            conn.exec_driver_sql(
                "INSERT INTO citizen_fts(rowid, names, docs, phone_rev) VALUES (?, ?, ?, ?)",
                (rid, names, docs, phones),
            )
            n += 1
            _change(conn, written, revision, "citizen", cid, {k: v for k, v in row.items() if k != "rid"}, n)
            audit.append(
                conn,
                actor="admin",
                action="citizen.add",
                entity="citizen",
                entity_id=cid,
                details={"source": "upgrade-test"},
                at=T0,
            )
        for i, cid in enumerate(citizen_ids):
            contact = _insert(
                conn,
                written,
                "contacts",
                {
                    "id": uuid7(),
                    "citizen_id": cid,
                    "at": f"2026-11-2{i}T11:00:00+00:00",
                    "channel": "phone",
                    "direction": "outbound",
                    "staff": "officer",
                    "outcome": "reached",
                    "welfare_status": "safe",
                    "note": f"Call {i} (synthetic)",
                    "follow_up_due": "2026-12-01" if i == 0 else None,
                    "campaign_id": None,
                },
            )
            n += 1
            _change(conn, written, revision, "contact", contact["id"], contact, n)
        if "cases" in tables:
            case = _insert(
                conn,
                written,
                "cases",
                {
                    "id": uuid7(),
                    "citizen_id": citizen_ids[0],
                    "kind": "lost_passport",
                    "priority": "high",
                    "status": "open",
                    "assignee": "officer",
                    "summary": "Passport lost in Seoul (synthetic)",
                    "opened_at": T0,
                    "closed_at": None,
                    "created_by": "admin",
                    "updated_at": T0,
                    "version": 1,
                },
            )
            n += 1
            _change(conn, written, revision, "case", case["id"], {**case, "now": T0, "by": "admin"}, n)
            audit.append(conn, actor="admin", action="case.open", entity="case", entity_id=case["id"], at=T0)
            for j, kind in enumerate(("note", "status")):
                event = _insert(
                    conn,
                    written,
                    "case_events",
                    {
                        "id": uuid7(),
                        "case_id": case["id"],
                        "at": f"2026-11-21T0{j}:00:00+00:00",
                        "staff": "officer",
                        "kind": kind,
                        "text": f"Timeline entry {j} (synthetic)",
                    },
                )
                n += 1
                _change(conn, written, revision, "case_event", event["id"], event, n)
            first, second = sorted(citizen_ids[:2])
            _insert(
                conn,
                written,
                "duplicate_decisions",
                {"first_id": first, "second_id": second, "decided_by": "admin", "decided_at": T0},
            )
        if "notices_issued" in tables:
            template = "ab" * 32
            _insert(
                conn,
                written,
                "notice_templates",
                {
                    "sha256": template,
                    "kind": "welfare",
                    "versions": "{}",
                    "sources": "{}",
                    "first_used_at": T0,
                },
            )
            batch = _insert(
                conn,
                written,
                "notice_batches",
                {
                    "id": uuid7(),
                    "kind": "welfare",
                    "languages": "kk,en",
                    "paper": "A4",
                    "template_sha256": template,
                    "shared": "{}",
                    "output": "notices.pdf",
                    "status": "issued",
                    "notices": 2,
                    "pages": 2,
                    "pdf_sha256": "cd" * 32,
                    "issued_at": T0,
                    "issued_by": "admin",
                },
            )
            for k, cid in enumerate(citizen_ids[:2]):
                notice = _insert(
                    conn,
                    written,
                    "notices_issued",
                    {
                        "id": uuid7(),
                        "reference": f"KZ-SEL-2026-{k + 1:05d}",
                        "batch_id": batch["id"],
                        "citizen_id": cid,
                        "languages": "kk,en",
                        "personal": json.dumps({"n": k}),
                        "pages": 1,
                        "pdf_sha256": "ef" * 32,
                        "issued_at": T0,
                        "issued_by": "admin",
                    },
                )
                n += 1
                _change(conn, written, revision, "notice", notice["reference"], {"batch_id": batch["id"]}, n)
            audit.append(
                conn,
                actor="admin",
                action="notice.issue",
                entity="notice_batch",
                entity_id=batch["id"],
                details={"notices": 2},
                at=T0,
            )
        if "sync_history" in tables:
            _insert(
                conn,
                written,
                "sync_history",
                {
                    "id": 1,
                    "kind": "push",
                    "started_at": T0,
                    "finished_at": T0,
                    "pushed": n,
                    "pulled": 0,
                    "conflicts": 0,
                },
            )
        written.audit = [tuple(r) for r in conn.exec_driver_sql(AUDIT_ROWS)]
    return written


@pytest.fixture(scope="module")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """One vault (two Argon2id derivations at the test cost), copied beside every old database."""
    root = tmp_path_factory.mktemp("vault")
    key = generate_data_key()
    vault = Vault.create(root / "vault.json", data_key=key, kdf=TEST_KDF)
    vault.add_user_slot("admin", ADMIN_PASSPHRASE, key)
    vault.set_recovery_slot(generate_recovery_code(), key)
    return root / "vault.json", key


def old_workstation(
    root: Path, revision: str, vault_template: tuple[Path, bytes]
) -> tuple[WorkstationPaths, bytes, Written]:
    """A workstation as the release of ``revision`` left it: its vault, its database, its data."""
    paths = WorkstationPaths(root)
    ensure_private_dir(paths.root)
    vault_file, key = vault_template
    shutil.copyfile(vault_file, paths.vault)
    engine = make_engine(paths.database, key, create=True)
    try:
        migrate.upgrade(engine, revision)
        written = write_synthetic(engine, revision, Vault.load(paths.vault).vault_id)
    finally:
        engine.dispose()
    return paths, key, written


def _rows(conn: Connection, table: str, written: Written) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(written row, the same row read now) for each row the test wrote into ``table``."""
    keys = {"citizens": "id", "notice_templates": "sha256", "duplicate_decisions": "first_id"}
    key = keys.get(table, "id")
    for row in written.rows.get(table, []):
        cols = list(row)
        found = conn.exec_driver_sql(
            f"SELECT {', '.join(cols)} FROM {table} WHERE {key} = ?", (row[key],)
        ).first()
        yield row, ({} if found is None else dict(zip(cols, found, strict=True)))


def assert_everything_kept(conn: Connection, written: Written) -> None:
    """Every row the test wrote is there with its values; every change-log record still travels."""
    for table in written.rows:
        for before, after in _rows(conn, table, written):
            assert after == before, f"{table} row changed by the upgrade from {written.revision}"
    if written.revision < "0005":
        for person in written.rows["citizens"]:
            got = conn.exec_driver_sql(
                "SELECT name_sort FROM citizens WHERE id = ?", (person["id"],)
            ).scalar()
            assert got == name_sort(person), "0005 back-fills the sort key of older rows"
    kept = {(str(e), str(r)) for e, r in conn.exec_driver_sql("SELECT entity, record_id FROM change_log")}
    assert set(written.changes) <= kept
    ops = {str(r[0]) for r in conn.exec_driver_sql("SELECT DISTINCT op FROM change_log")}
    assert ops <= {"create", "update", "delete"}
    for (fields,) in conn.exec_driver_sql(
        "SELECT fields FROM change_log WHERE entity IN ('contact', 'case')"
    ):
        assert "id" not in json.loads(fields), "0008 names synced fields as the tables do"
    for (fields,) in conn.exec_driver_sql("SELECT fields FROM change_log WHERE entity = 'case'"):
        case = json.loads(fields)
        assert case["opened_at"] == T0 and case["created_by"] == "admin" and "now" not in case


@pytest.mark.parametrize("revision", EARLIER)
def test_a_workstation_of_every_earlier_revision_upgrades_and_keeps_every_record(
    tmp_path: Path, revision: str, vault_template: tuple[Path, bytes]
) -> None:
    paths, key, written = old_workstation(tmp_path / "ws", revision, vault_template)
    expected = {"staff_users", "households", "citizens", "contacts"}
    expected |= {"cases", "case_events", "duplicate_decisions"} if revision >= "0002" else set()
    expected |= {"notice_templates", "notice_batches", "notices_issued"} if revision >= "0003" else set()
    assert expected <= set(written.rows)

    session = unlock(paths, "admin", ADMIN_PASSPHRASE)  # the app's own way in
    try:
        with session.read() as conn:
            assert migrate.current_revision(conn) == HEAD
            assert_everything_kept(conn, written)
            stored = [tuple(r) for r in conn.exec_driver_sql(AUDIT_ROWS)]
            assert stored[: len(written.audit)] == written.audit
            upgrades = [json.loads(r[6]) for r in stored if r[3] == "schema.migrate"]
            report = audit.verify(conn)
        assert report.ok, report.problem
        assert report.entries == len(written.audit) + 2  # the upgrade, then the sign-in
        assert len(upgrades) == 1 and upgrades[0]["from"] == revision and upgrades[0]["to"] == HEAD
        # Search finds people written before the upgrade, in either script and by phone digits.
        ids = [p["id"] for p in written.rows["citizens"]]
        assert [c.id for c in registry.search(session, "Нурланова")] == [ids[0]]
        assert [c.id for c in registry.search(session, "nurlanova")] == [ids[0]]
        assert [c.id for c in registry.search(session, "Zhaksybekov")] == [ids[1]]
        assert [c.id for c in registry.search(session, "7766")] == [ids[1]]
        assert [c.id for c in registry.search(session, "Сапарова Дана")] == [ids[2]]
    finally:
        session.lock()

    # The pre-upgrade backup is there, verifies, and holds the database at the old revision.
    made = sorted(paths.backups.glob(f"{migrate.BACKUP_PREFIX}{revision}-to-{HEAD}-*.edbk"))
    assert [p.name for p in made] == [upgrades[0]["backup"]]
    info = backup.verify_backup(made[0], key)
    assert (info.schema_revision, info.citizens) == (revision, len(CITIZENS))
    restored = tmp_path / "restored"
    backup.restore_backup(made[0], restored, backup.BackupKey(key, "admin"))
    engine = make_engine(WorkstationPaths(restored).database, key)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == revision
            for table in written.rows:
                for before, after in _rows(conn, table, written):
                    assert after == before
            assert audit.verify(conn).ok
    finally:
        engine.dispose()

    # The command staff and IT use agrees; opening again changes nothing more (no second backup).
    env = cli_env(
        {
            "EMBASSY_DESK_DATA_DIR": str(paths.root),
            credentials.USER_ENV: "admin",
            credentials.PASSPHRASE_ENV: ADMIN_PASSPHRASE,
        }
    )
    done = run_main(["audit", "verify"], env)
    assert done.returncode == 0, done.stderr
    assert "intact" in done.stdout, done.stdout
    assert sorted(paths.backups.iterdir()) == made
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        with session.read() as conn:
            actions = [str(r[0]) for r in conn.exec_driver_sql("SELECT action FROM audit_log")]
    finally:
        session.lock()
    assert actions.count("schema.migrate") == 1


def test_a_backup_that_cannot_be_written_stops_the_upgrade(
    tmp_path: Path, vault_template: tuple[Path, bytes]
) -> None:
    paths, key, written = old_workstation(tmp_path / "ws", EARLIER[0], vault_template)
    paths.backups.write_text("not a folder")  # the backups folder cannot be made
    with pytest.raises(migrate.UpgradeRefused) as refused:
        unlock(paths, "admin", ADMIN_PASSPHRASE)
    assert refused.value.code == "upgrade.backup_failed"
    assert "nothing was changed" in str(refused.value)
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == EARLIER[0]
            assert audit.head(conn)[0] == len(written.audit)
    finally:
        engine.dispose()


def test_a_database_of_a_newer_release_is_not_touched(
    tmp_path: Path, vault_template: tuple[Path, bytes]
) -> None:
    paths, key, written = old_workstation(tmp_path / "ws", HEAD, vault_template)
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as raw, raw.execution_options(write=True).begin():
            raw.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    finally:
        engine.dispose()
    with pytest.raises(migrate.UpgradeRefused) as refused:
        unlock(paths, "admin", ADMIN_PASSPHRASE)
    assert refused.value.code == "upgrade.newer_database"
    assert not paths.backups.exists()
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == "9999"
            assert audit.head(conn)[0] == len(written.audit)
    finally:
        engine.dispose()


def test_a_failed_migration_leaves_the_database_as_it_was_and_names_the_backup(
    tmp_path: Path, vault_template: tuple[Path, bytes]
) -> None:
    # 0009 creates the table campaigns: made beforehand, 0009 fails after its first statements
    # (which dropped an index). Every later migration runs after it, so this stays true past 0009.
    before_head = "0008"
    paths, key, written = old_workstation(tmp_path / "ws", before_head, vault_template)
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as raw, raw.execution_options(write=True).begin():
            raw.exec_driver_sql("CREATE TABLE campaigns (id TEXT)")
            schema_before = sorted(
                tuple(r) for r in raw.exec_driver_sql("SELECT type, name, sql FROM sqlite_master")
            )
    finally:
        engine.dispose()
    with pytest.raises(migrate.UpgradeFailed) as failed:
        unlock(paths, "admin", ADMIN_PASSPHRASE)
    assert failed.value.code == "upgrade.migration_failed"
    backups = list(paths.backups.iterdir())
    assert len(backups) == 1 and backups[0].name in str(failed.value)
    assert backup.verify_backup(backups[0], key).schema_revision == before_head
    engine = make_engine(paths.database, key)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == before_head
            after = sorted(
                tuple(r) for r in conn.exec_driver_sql("SELECT type, name, sql FROM sqlite_master")
            )
            assert after == schema_before  # the dropped index is back: one transaction
            assert_everything_kept(conn, written)
    finally:
        engine.dispose()
