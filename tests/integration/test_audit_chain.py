"""SECURITY.md promise 15: an append-only audit log whose chain catches any quiet edit."""

from __future__ import annotations

import pytest

from embassy_desk.services import registry
from embassy_desk.services.session import Session
from embassy_desk.storage import audit
from tests.conftest import aigerim


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
