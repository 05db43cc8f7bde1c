"""Reading the audit log for people (administrators): the latest entries, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class AuditEntry:
    """One audit entry as the administration screen shows it (ids and actions, no personal data)."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    details: str


def recent_entries(session: Session, *, limit: int = 200) -> list[AuditEntry]:
    """The last ``limit`` audit entries, newest first (administrators)."""
    session.require(Action.AUDIT_VIEW)
    with session.read() as conn:
        rows = conn.execute(
            text(
                "SELECT seq, at, actor, action, entity, entity_id, details FROM audit_log"
                " ORDER BY seq DESC LIMIT :limit"
            ),
            {"limit": max(1, limit)},
        ).all()
    return [AuditEntry(int(r[0]), r[1], r[2], r[3], r[4] or "", r[5] or "", r[6] or "") for r in rows]
