"""SECURITY.md promise 15: an append-only audit log whose chain catches any quiet edit."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.services import integrity, registry, users
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage import audit
from embassy_desk.storage import vault as vault_module
from embassy_desk.storage.engine import connect, make_engine
from embassy_desk.storage.vault import Vault
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim


@pytest.fixture
def busy(admin: Session) -> Session:
    citizen = registry.register_citizen(admin, aigerim())
    for region in ("Busan", "Daegu", "Incheon"):
        registry.edit_citizen(admin, citizen.id, {"region": region})
    return admin


def _tamper(session: Session, *statements: str) -> audit.ChainReport:
    with session.engine.connect() as raw:
        conn = raw.execution_options(write=True)
        with conn.begin():
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_update")
            conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
            for statement in statements:
                conn.exec_driver_sql(statement)
    with session.read() as conn:
        return audit.verify(conn)


def test_intact_chain_verifies(busy: Session) -> None:
    with busy.read() as conn:
        report = audit.verify(conn)
    assert report.ok and report.entries >= 6


def test_update_and_delete_are_refused_by_triggers(busy: Session) -> None:
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log WHERE seq = 1"):
        with busy.engine.connect() as raw, pytest.raises(Exception, match="append-only"):
            raw.exec_driver_sql(statement)


def test_edited_entry_is_detected(busy: Session) -> None:
    report = _tamper(busy, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
    assert not report.ok and report.bad_seq == 3 and "altered" in str(report.problem)


def test_deleted_entry_is_detected(busy: Session) -> None:
    report = _tamper(busy, "DELETE FROM audit_log WHERE seq = 4")
    assert not report.ok and "missing" in str(report.problem)


def test_reordered_entries_are_detected(busy: Session) -> None:
    report = _tamper(
        busy,
        "UPDATE audit_log SET seq = -1 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 4",
        "UPDATE audit_log SET seq = 4 WHERE seq = -1",
    )
    assert not report.ok


def test_truncated_tail_is_detected(busy: Session) -> None:
    with busy.read() as conn:
        last = int(conn.exec_driver_sql("SELECT max(seq) FROM audit_log").scalar_one())
    report = _tamper(busy, f"DELETE FROM audit_log WHERE seq = {last}")
    assert not report.ok and "ends at entry" in str(report.problem)


def test_hash_is_domain_separated_sha256() -> None:
    import hashlib
    import json

    expected = hashlib.sha256(
        b"\x00" + bytes(32) + json.dumps(["t", "a", "x", "", "", "{}"], separators=(",", ":")).encode()
    ).hexdigest()
    assert audit.entry_hash(audit.GENESIS, "t", "a", "x", "", "", "{}") == expected


# -------------------------------------------------------------------------------------------------
# Insiders with the data key (issue 10 gap): the head anchored in the vault catches a rewritten tail.


def _insider_cuts_the_tail(paths: WorkstationPaths, data_key: bytes, keep: int) -> None:
    """What a clerk can do with the shared data key and SQLCipher, outside the app: cut the log
    after entry ``keep`` and move the database's own head so its chain verifies again."""
    raw = connect(paths.database, data_key)
    try:
        raw.execute("BEGIN")
        raw.execute("DROP TRIGGER audit_log_no_delete")
        raw.execute("DELETE FROM audit_log WHERE seq > ?", (keep,))
        (last,) = raw.execute("SELECT hash FROM audit_log WHERE seq = ?", (keep,)).fetchone()
        raw.execute(
            "UPDATE meta SET value = ? WHERE key = ?",
            (json.dumps({"seq": keep, "hash": last}), audit.HEAD_KEY),
        )
        raw.execute("COMMIT")
    finally:
        raw.close()


def test_a_tail_rewritten_with_the_data_key_is_caught_by_the_administrators_anchor(
    paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    clerk = session_for(Role.CLERK)
    registry.register_citizen(clerk, aigerim())
    with clerk.read() as conn:
        keep = audit.head(conn)[0]
    data_key = admin.data_key
    clerk.lock()
    admin.lock()
    # The administrator signs in and out again: their session anchors the head in the vault.
    later = unlock(paths, "admin", ADMIN_PASSPHRASE)
    registry.register_citizen(
        later, aigerim(surname="Сапарова", national_id=None, passport_number="N20000001")
    )
    later.lock()
    _insider_cuts_the_tail(paths, data_key, keep)
    # The database alone no longer shows it ...
    raw = make_engine(paths.database, data_key)
    try:
        with raw.connect() as conn:
            assert audit.verify(conn).ok
    finally:
        raw.dispose()
    # ... the anchor does, and signing in again does not overwrite the evidence.
    for _ in range(2):
        session = unlock(paths, "admin", ADMIN_PASSPHRASE)
        try:
            report = integrity.verify_audit_chain(session)
        finally:
            session.lock()
        assert not report.ok
        assert "rewritten" in str(report.problem)


def test_an_anchor_edited_in_the_vault_is_caught(paths: WorkstationPaths, admin: Session) -> None:
    admin.lock()
    unlock(paths, "admin", ADMIN_PASSPHRASE).lock()
    doc = json.loads(paths.vault.read_text(encoding="utf-8"))
    anchor = doc["audit_anchors"]["admin"]
    anchor["seq"] = 1
    anchor["hash"] = _entry_hash(paths, admin_key=None, seq=1)
    doc["checksum"] = vault_module._checksum(doc)  # whoever edits the file can redo the checksum
    paths.vault.write_text(json.dumps(doc), encoding="utf-8")
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        report = integrity.verify_audit_chain(session)
    finally:
        session.lock()
    assert not report.ok and "altered" in str(report.problem)


def _entry_hash(paths: WorkstationPaths, admin_key: bytes | None, seq: int) -> str:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE) if admin_key is None else None
    assert session is not None
    try:
        with session.read() as conn:
            return str(conn.exec_driver_sql("SELECT hash FROM audit_log WHERE seq = ?", (seq,)).scalar_one())
    finally:
        session.lock()


def test_a_passphrase_change_keeps_the_anchor_and_a_clerk_has_none(
    paths: WorkstationPaths, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.CLERK)
    admin.lock()
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        users.change_passphrase(session, username="admin", new_passphrase="a new long passphrase 77")
    finally:
        session.lock()
    session = unlock(paths, "admin", "a new long passphrase 77")
    try:
        assert session.anchor_key is not None
        assert integrity.verify_audit_chain(session).ok
    finally:
        session.lock()
    anchors = Vault.load(paths.vault).audit_anchors()
    assert [a.username for a in anchors] == ["admin"]
