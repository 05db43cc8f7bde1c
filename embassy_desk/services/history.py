"""A citizen record's history, read from the audit log (who did what to the record, and when).

Audit entries name records by id and carry no personal data (SECURITY.md promise 15), so the
history says *which fields* changed, never their old or new values. Besides the entries about the
citizen itself, it takes in the entries about the citizen's assistance cases and the duplicate
decisions and merges that name the citizen in their details.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from embassy_desk.domain.errors import NotFoundError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

# Actions whose details name a second citizen ({"other": id} or {"merged": id}).
_NAMING_OTHERS = ("duplicate.dismiss", "citizen.merge")


@dataclass(frozen=True)
class HistoryEntry:
    """One audit entry about a record: ``fields`` lists changed field names; ``details`` holds ids only."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    fields: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)


def _details(raw: object) -> dict[str, Any]:
    try:
        loaded = json.loads(str(raw or "{}"))
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def record_history(session: Session, citizen_id: str) -> list[HistoryEntry]:
    """Everything the audit log holds about one citizen and their cases, oldest first.

    A citizen who arrived through a bulk import has no entry of their own (the import's entry
    counts rows); for them the first entry is made from the record's own creation stamp, with
    ``details == {"source": "import"}`` and ``seq == 0``.
    """
    session.require(Action.CITIZEN_VIEW)
    with session.read() as conn:
        created = conn.execute(
            text(
                "SELECT c.created_at, coalesce(s.username, c.created_by) FROM citizens c"
                " LEFT JOIN staff_users s ON s.id = c.created_by WHERE c.id = :id"
            ),
            {"id": citizen_id},
        ).first()
        if created is None:
            raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
        rows = conn.execute(
            text(
                "SELECT seq, at, actor, action, entity, entity_id, details FROM audit_log"
                " WHERE (entity = 'citizen' AND entity_id = :id)"
                " OR (entity = 'case' AND entity_id IN (SELECT id FROM cases WHERE citizen_id = :id))"
                " OR (action IN ('duplicate.dismiss', 'citizen.merge') AND instr(details, :id) > 0)"
                " ORDER BY seq"
            ),
            {"id": citizen_id},
        ).all()
    entries: list[HistoryEntry] = []
    for seq, at, actor, action, entity, entity_id, raw_details in rows:
        details = _details(raw_details)
        if action in _NAMING_OTHERS and entity_id != citizen_id and citizen_id not in details.values():
            continue  # the id only appeared inside some other value
        changed = details.pop("fields", [])
        entries.append(
            HistoryEntry(
                seq=int(seq),
                at=str(at),
                actor=str(actor),
                action=str(action),
                entity=str(entity),
                entity_id=str(entity_id),
                fields=tuple(str(f) for f in changed) if isinstance(changed, list) else (),
                details=details,
            )
        )
    if not any(e.action == "citizen.create" and e.entity_id == citizen_id for e in entries):
        entries.insert(
            0,
            HistoryEntry(
                seq=0,
                at=str(created[0]),
                actor=str(created[1]),
                action="citizen.create",
                entity="citizen",
                entity_id=citizen_id,
                details={"source": "import"},
            ),
        )
    return entries
