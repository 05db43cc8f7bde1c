"""``embassy-desk check``: is the file intact, is the database consistent, is the audit chain whole?"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.domain.messages import Msg, as_msg, joined
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import audit
from embassy_desk.storage.engine import DatabaseRefused, connect, make_engine
from embassy_desk.storage.files import loose_paths
from embassy_desk.storage.vault import Vault


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
            return Msg("integrity.ok", count=self.audit_entries)
        return joined(tuple(as_msg(problem) for problem in self.problems))


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
            problems.append(Msg("integrity.pages", count=len(cipher_rows)))
        try:
            sqlite_rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except Exception as exc:
            sqlite_rows = [str(exc)]
        sqlite_ok = sqlite_rows == ["ok"]
        if not sqlite_ok and cipher_ok:
            problems.append(Msg("integrity.structure", detail="; ".join(sqlite_rows[:3])))
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
                problems.append(Msg("integrity.tampered", problem=as_msg(report.problem or "")))
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
    """Recompute the audit chain and compare it with the anchors in the vault (administrators)."""
    session.require(Action.AUDIT_VIEW)
    with session.read() as conn:
        report = audit.verify(conn)
    if report.ok:
        problem = audit_anchor_problem(session)
        if problem is not None:
            return audit.ChainReport(report.entries, problem)
    return report


def audit_anchor_problem(session: Session) -> str | None:
    """Whether the chain still holds every administrator's anchored head; None if it does.

    The database's own head (``meta``) moves with whoever rewrites the database, even with the data
    key; an anchor sits in the vault under a key only that administrator's passphrase opens, so a
    tail cut or rewritten before their last session shows here (docs/security.md, threat model).
    """
    vault = Vault.load(session.paths.vault)
    keys = {session.user.username: session.anchor_key} if session.anchor_key else {}
    with session.read() as conn:
        for anchor in vault.audit_anchors(keys):
            if anchor.authentic is False:
                return Msg("audit.anchor_altered", name=anchor.username)
            row = conn.exec_driver_sql("SELECT hash FROM audit_log WHERE seq = ?", (anchor.seq,)).first()
            if row is None or row[0] != anchor.hash:
                return Msg("audit.rewritten", seq=anchor.seq, name=anchor.username)
    return None


def renew_audit_anchor(session: Session) -> None:
    """Anchor the current audit head in the vault under this administrator's key.

    Only when the chain still holds every earlier anchor: a rewritten log keeps the anchor that
    shows it until someone looks (``audit verify``, ``check``).
    """
    if session.role is not Role.ADMINISTRATOR or audit_anchor_problem(session) is not None:
        return
    with session.read() as conn:
        head = audit.head(conn)
    vault = Vault.load(session.paths.vault)
    session.anchor_key = vault.record_audit_anchor(session.user.username, session.anchor_key, *head)


def readable_by_others(root: Path) -> list[str]:
    """Names (relative to the data folder, "." for itself) that other OS users may read or change."""
    return [str(p.relative_to(root)) if p != root else "." for p in loose_paths(root)]
