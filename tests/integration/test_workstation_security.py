"""SECURITY.md promises 1-6, 9, 11, 12 on a real SQLCipher workstation."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from embassy_desk.domain.errors import UnlockError
from embassy_desk.services import registry
from embassy_desk.services.integrity import check_database
from embassy_desk.services.session import LockedError, Session
from embassy_desk.services.workstation import WorkstationExists, init_workstation, unlock
from embassy_desk.storage.engine import DatabaseRefused, connect
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.vault import BackoffActive, Vault
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, POST, aigerim

MARKERS = ("Нурланова", "NURLANOVA", "N12345678", "980314400046", "1012345678")


def _all_bytes(paths: WorkstationPaths) -> bytes:
    blob = b""
    for path in paths.root.rglob("*"):
        if path.is_file():
            blob += path.read_bytes()
    return blob


def test_database_is_sqlcipher_and_plain_sqlite_cannot_read_it(paths: WorkstationPaths) -> None:
    assert paths.database.read_bytes()[:16] != b"SQLite format 3\x00"
    plain = sqlite3.connect(paths.database)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()


def test_every_connection_has_the_promised_cipher_settings(paths: WorkstationPaths, admin: Session) -> None:
    with admin.read() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
        assert raw.execute("PRAGMA cipher_use_hmac").fetchone()[0] == "1"
        assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert raw.execute("PRAGMA temp_store").fetchone()[0] == 2
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_plaintext_sqlite_file_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(DatabaseRefused, match="plaintext"):
        connect(plain, os.urandom(32))


def test_wrong_key_is_refused_with_a_clear_message(paths: WorkstationPaths) -> None:
    with pytest.raises(DatabaseRefused, match="cannot be opened with this key"):
        connect(paths.database, os.urandom(32))


def test_missing_database_is_not_silently_created(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused):
        connect(tmp_path / "nothing.db", os.urandom(32))
    assert not (tmp_path / "nothing.db").exists()


def test_no_personal_data_in_any_file_after_a_workflow(paths: WorkstationPaths, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    registry.edit_citizen(admin, citizen.id, {"notes": "met at the consulate"})
    registry.search(admin, "Нурланова")
    blob = _all_bytes(paths)
    for marker in MARKERS:
        assert marker.encode("utf-8") not in blob, marker
        assert marker.encode("utf-16-le") not in blob, marker


def test_data_key_never_on_disk_in_clear(paths: WorkstationPaths, admin: Session) -> None:
    key = admin.data_key
    blob = _all_bytes(paths)
    assert key not in blob
    assert key.hex().encode() not in blob


def test_files_and_folders_are_private(paths: WorkstationPaths, admin: Session) -> None:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    registry.register_citizen(admin, aigerim())
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700
    for path in paths.root.iterdir():
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_flipped_byte_is_reported_as_tampering(paths: WorkstationPaths, admin: Session) -> None:
    for i in range(50):
        registry.register_citizen(
            admin,
            aigerim(
                national_id=None,
                passport_number=f"N{10000000 + i}",
                birth_date=f"1990-01-{1 + i % 28:02d}",
                given_names="Айгерим" + "".join("абвгдежзий"[int(d)] for d in str(i)),  # no digits
                phone=None,
            ),
        )
    key = admin.data_key
    admin.lock()
    raw = connect(paths.database, key)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(paths.database.read_bytes())
    data[len(data) // 2] ^= 0x01
    paths.database.write_bytes(bytes(data))
    report = check_database(paths.database, key)
    assert not report.ok
    assert "altered or damaged" in report.summary


def test_deleted_citizen_leaves_no_searchable_token(paths: WorkstationPaths, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim(surname="Жұмабаева", surname_latin="ZHUMABAEVA"))
    assert registry.search(admin, "Жұмабаева")
    registry.delete_citizen(admin, citizen.id)
    assert registry.search(admin, "Жұмабаева") == []
    assert registry.search(admin, "zhumab") == []
    with admin.read() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, 'citizen_fts', 'row')")
        terms = {row[0] for row in raw.execute("SELECT term FROM temp.v")}
    assert not any(term.startswith("zhumab") for term in terms)


def test_wrong_passphrase_then_back_off_survives_restart(paths: WorkstationPaths) -> None:
    for _ in range(3):
        with pytest.raises(UnlockError):
            unlock(paths, "admin", "wrong passphrase entirely")
    with pytest.raises(UnlockError):
        unlock(paths, "admin", "wrong passphrase entirely")
    # A fresh load of the vault (a restarted app) still enforces the delay.
    vault = Vault.load(paths.vault)
    with pytest.raises(BackoffActive):
        vault.unlock("admin", ADMIN_PASSPHRASE)


def test_failed_logins_are_audited_at_next_login(paths: WorkstationPaths) -> None:
    with pytest.raises(UnlockError):
        unlock(paths, "admin", "wrong passphrase entirely")
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        with session.read() as conn:
            actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log ORDER BY seq")]
    finally:
        session.lock()
    assert actions[-2:] == ["login.failed", "login"]


def test_lock_closes_the_database_and_drops_the_key(admin: Session) -> None:
    admin.lock()
    assert admin.locked
    with pytest.raises(LockedError):
        registry.count_citizens(admin)
    with pytest.raises(LockedError):
        _ = admin.data_key


def test_init_refuses_to_overwrite(paths: WorkstationPaths) -> None:
    with pytest.raises(WorkstationExists):
        init_workstation(
            paths.root,
            post=POST,
            admin_username="x",
            admin_display_name="x",
            passphrase=ADMIN_PASSPHRASE,
            kdf=TEST_KDF,
        )


def _plaintext_copy(paths: WorkstationPaths, key: bytes, target: Path) -> bytes:
    """Every page of the database, decrypted: ``sqlcipher_export`` into a plaintext file, read raw."""
    raw = connect(paths.database, key)
    try:
        raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        raw.execute("SELECT sqlcipher_export('plain')")
        raw.execute("DETACH DATABASE plain")
    finally:
        raw.close()
    blob = target.read_bytes()
    assert blob.startswith(b"SQLite format 3\x00")
    return blob


def test_deleted_citizen_leaves_no_byte_in_the_raw_pages(
    paths: WorkstationPaths, admin: Session, tmp_path: Path
) -> None:
    """Promise 6 (issue 10, defect 3): after add, passport change and delete, the decrypted pages of
    the database hold neither passport number, the IIN, nor the surname in any script or case."""
    for i in range(40):
        registry.register_citizen(
            admin,
            aigerim(
                surname="Сапарова",
                national_id=None,
                passport_number=f"N{20000000 + i}",
                birth_date=f"1991-02-{1 + i % 28:02d}",
                given_names="Айгерим" + "".join("абвгдежзий"[int(d)] for d in str(i)),
                phone=None,
            ),
        )
    citizen = registry.register_citizen(
        admin,
        aigerim(surname="Жұмабаева", surname_latin="ZHUMABAEVA", passport_number="N55501234"),
        allow_duplicate=True,
    )
    registry.edit_citizen(admin, citizen.id, {"passport_number": "N55509876"})
    registry.delete_citizen(admin, citizen.id)
    assert registry.search(admin, "zhumab") == []
    blob = _plaintext_copy(paths, admin.data_key, tmp_path / "after.db")
    # FTS5 stores a term after the prefix it shares with the term before it, so distinctive tails
    # are searched as well as whole values.
    markers = ("N55501234", "N55509876", "980314400046", "ZHUMABAEVA", "Жұмабаева")
    tails = ("5501234", "5509876", "314400046", "UMABAEVA", "умабаева")
    for marker in (*markers, *tails):
        for variant in {marker, marker.upper(), marker.lower()}:
            assert variant.encode("utf-8") not in blob, variant
    # What sync keeps of the deleted record is its tombstone: entity, id, op and stamp.
    with admin.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT op, fields FROM change_log WHERE record_id = ?", (citizen.id,)
        ).all()
    assert [tuple(r) for r in rows] == [("delete", "{}")]


def test_a_wrong_cipher_setting_is_refused(paths: WorkstationPaths, admin: Session, tmp_path: Path) -> None:
    """Promise 3: a connection that did not get the promised settings is refused, not used."""
    import sqlcipher3

    from embassy_desk.storage.engine import CipherSettingsError, _assert_cipher_settings

    # A library whose default turned page HMACs off (a process-wide SQLCipher setting).
    probe = sqlcipher3.connect(":memory:")
    probe.execute("PRAGMA cipher_default_use_hmac = OFF")
    try:
        with pytest.raises(CipherSettingsError, match="cipher_use_hmac"):
            connect(tmp_path / "new.db", admin.data_key, create=True)
    finally:
        probe.execute("PRAGMA cipher_default_use_hmac = ON")
        probe.close()
    assert not (tmp_path / "new.db").exists()
    # secure_delete or temp_store changed on an open connection: the check refuses it too.
    for pragma, value in (("secure_delete", "OFF"), ("temp_store", "FILE")):
        raw = connect(paths.database, admin.data_key)
        try:
            raw.execute(f"PRAGMA {pragma} = {value}")
            with pytest.raises(CipherSettingsError, match=pragma):
                _assert_cipher_settings(raw)
        finally:
            raw.close()


def test_no_personal_data_in_temp_backups_or_beside_an_export(
    paths: WorkstationPaths, admin: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Promise 4 over every place a workflow writes: the data folder (scratch area included), the
    system temp folder, the backup, and the exports folder beside the export the person asked for."""
    import tempfile

    from embassy_desk.services import backup, exporter

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    citizen = registry.register_citizen(admin, aigerim())
    registry.edit_citizen(admin, citizen.id, {"notes": "met at the consulate"})
    registry.search(admin, "Нурланова")
    exports = tmp_path / "exports"
    exports.mkdir()
    for name in ("e.xlsx", "e.csv"):
        exporter.export_citizens(admin, exports / name)
    backups = tmp_path / "backups"
    backup.create_backup(admin, backups / "b.edbk")
    assert sorted(p.name for p in exports.iterdir()) == ["e.csv", "e.xlsx"]
    assert "Нурланова".encode() in (exports / "e.csv").read_bytes()  # the export itself, as asked
    places = [paths.root, system_tmp, backups]
    blob = b"".join(f.read_bytes() for place in places for f in place.rglob("*") if f.is_file())
    for marker in MARKERS:
        for encoding in ("utf-8", "utf-16-le", "cp1251"):
            try:
                encoded = marker.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert encoded not in blob, (marker, encoding)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_check_reports_loosened_permissions_and_unlock_tightens_them(
    paths: WorkstationPaths, tmp_path: Path
) -> None:
    """Promise 9 kept over time: a folder or file others can read is reported by ``check`` and made
    private again at the next unlock, which says so."""
    from tests.integration.test_cli import Cli

    os.chmod(paths.root, 0o755)  # noqa: S103 - loosened by hand, as the attack did
    os.chmod(paths.vault, 0o644)
    cli = Cli(paths.root)
    done = cli("check")
    assert done.returncode == 4, done.stdout + done.stderr
    assert "could read or change" in done.stderr and "vault.json" in done.stderr
    assert stat.S_IMODE(paths.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.vault.stat().st_mode) == 0o600
    os.chmod(paths.database, 0o640)
    done = cli("search", "x")
    assert done.returncode == 0, done.stderr
    assert "registry.db" in done.stderr and "made private again" in done.stderr
    assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600
    assert cli("check").returncode == 0


def test_a_failure_counter_rolled_back_in_the_vault_is_restored_from_a_secure_keyring(
    paths: WorkstationPaths,
) -> None:
    """Promise 11 (issue 10 gap): where a secure keyring exists it keeps a copy of the counter, so
    editing ``vault.json`` back to zero failures does not reopen guessing at the screen."""
    import json

    import keyring

    from embassy_desk.storage import vault as vault_module
    from tests.integration.test_os_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        for _ in range(3):
            with pytest.raises(UnlockError):
                unlock(paths, "admin", "wrong passphrase here")
        doc = json.loads(paths.vault.read_text(encoding="utf-8"))
        for slot in doc["slots"]:
            slot["failures"], slot["last_failure_at"], slot["failures_since_login"] = 0, None, 0
        doc["checksum"] = vault_module._checksum(doc)
        paths.vault.write_text(json.dumps(doc), encoding="utf-8")
        assert Vault.load(paths.vault).slot_status("admin").failures == 0
        from embassy_desk.services.workstation import unwrap_key

        try:
            result = unwrap_key(paths, "admin", ADMIN_PASSPHRASE)
        except BackoffActive:
            # Within the back-off: refused, and the header carries the count again.
            assert Vault.load(paths.vault).slot_status("admin").failures == 3
        else:
            # After it (a slow machine): the restored failures are reported at this sign-in.
            assert result.failures_since_login == 3
    finally:
        keyring.set_keyring(previous)
