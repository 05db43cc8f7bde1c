"""``embassy-desk check``: is the file intact, is the database consistent, is the audit chain whole?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import audit
from embassy_desk.storage.engine import DatabaseRefused, connect, make_engine
from embassy_desk.storage.files import loose_paths


@dataclass(frozen=True)
class IntegrityReport:
    """Results of the three checks; ``problems`` is empty when all passed."""

    cipher_ok: bool
    sqlite_ok: bool
    audit_ok: bool
    audit_entries: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        if self.ok:
            return f"database intact; audit chain of {self.audit_entries} entries verified"
        return "; ".join(self.problems)


def check_database(path: Path, data_key: bytes) -> IntegrityReport:
    """Run ``cipher_integrity_check``, ``integrity_check`` and the audit chain on a database file."""
    problems: list[str] = []
    try:
        conn = connect(path, data_key, wal=False)
    except DatabaseRefused as exc:
        return IntegrityReport(False, False, False, 0, [str(exc)])
    try:
        cipher_rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        cipher_ok = not cipher_rows
        if not cipher_ok:
            problems.append(
                f"the database file was altered or damaged: {len(cipher_rows)} encrypted page(s) "
                "fail their integrity check"
            )
        try:
            sqlite_rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except Exception as exc:
            sqlite_rows = [str(exc)]
        sqlite_ok = sqlite_rows == ["ok"]
        if not sqlite_ok and cipher_ok:
            problems.append("the database structure is damaged: " + "; ".join(sqlite_rows[:3]))
    finally:
        conn.close()
    audit_ok, entries = False, 0
    if cipher_ok and sqlite_ok:
        engine = make_engine(path, data_key)
        try:
            with engine.connect() as sa_conn:
                report = audit.verify(sa_conn)
            audit_ok, entries = report.ok, report.entries
            if not report.ok:
                problems.append(f"the audit log was tampered with: {report.problem}")
        finally:
            engine.dispose()
    return IntegrityReport(cipher_ok, sqlite_ok, audit_ok, entries, problems)


def check_workstation(session: Session) -> IntegrityReport:
    """Check the open workstation's database (officers and administrators); audited."""
    session.require(Action.INTEGRITY_CHECK)
    report = check_database(session.paths.database, session.data_key)
    record_check(session, report)
    return report


def record_check(session: Session, report: IntegrityReport) -> None:
    """Audit a check already run on this workstation; a failed one raises :class:`IntegrityFailure`."""
    session.require(Action.INTEGRITY_CHECK)
    if not report.ok:
        raise IntegrityFailure(report.summary)
    with session.write(Action.INTEGRITY_CHECK) as uow:
        uow.audit("integrity.check", details={"ok": report.ok})


def verify_audit_chain(session: Session) -> audit.ChainReport:
    """Recompute the audit chain (administrators)."""
    session.require(Action.AUDIT_VIEW)
    with session.read() as conn:
        return audit.verify(conn)


def readable_by_others(root: Path) -> list[str]:
    """Names (relative to the data folder, "." for itself) that other OS users may read or change."""
    return [str(p.relative_to(root)) if p != root else "." for p in loose_paths(root)]
