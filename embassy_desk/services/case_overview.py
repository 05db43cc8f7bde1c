"""The assistance cases screen's reads: cases with their citizen's name, filtered in SQL."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from embassy_desk.domain.enums import CaseKind, CasePriority, CaseStatus
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session

_PRIORITY_ORDER = "CASE k.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END"
NO_OWNER = ""  # pass as ``assignee`` to list cases nobody owns


@dataclass(frozen=True)
class CaseRow:
    """One case as a list or board shows it."""

    id: str
    citizen_id: str
    citizen_name: str
    kind: CaseKind
    priority: CasePriority
    status: CaseStatus
    assignee: str | None
    summary: str
    opened_at: str
    closed_at: str | None


def _name(surname: object, given: object, surname_latin: object, given_latin: object) -> str:
    home = " ".join(str(p) for p in (surname, given) if p)
    return home or " ".join(str(p) for p in (surname_latin, given_latin) if p)


def case_rows(
    session: Session,
    *,
    status: str | None = None,
    priority: str | None = None,
    assignee: str | None = None,
    citizen_id: str | None = None,
) -> list[CaseRow]:
    """Cases, most urgent and oldest first, with the citizen's name; ``assignee=NO_OWNER`` means
    cases without an owner, ``None`` means any owner."""
    session.require(Action.CASE_VIEW)
    clauses: list[str] = []
    params: dict[str, str] = {}
    if status:
        clauses.append("k.status = :status")
        params["status"] = parse_choice(CaseStatus, status, field="status").value
    if priority:
        clauses.append("k.priority = :priority")
        params["priority"] = parse_choice(CasePriority, priority, field="priority").value
    if assignee is not None:
        clauses.append("coalesce(k.assignee, '') = :assignee")
        params["assignee"] = assignee
    if citizen_id:
        clauses.append("k.citizen_id = :cid")
        params["cid"] = citizen_id
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    with session.read() as conn:
        rows = conn.execute(
            text(
                "SELECT k.id, k.citizen_id, c.surname, c.given_names, c.surname_latin, c.given_names_latin,"
                " k.kind, k.priority, k.status, k.assignee, k.summary, k.opened_at, k.closed_at"
                f" FROM cases k LEFT JOIN citizens c ON c.id = k.citizen_id {where}"
                f" ORDER BY {_PRIORITY_ORDER}, k.opened_at"
            ),
            params,
        ).all()
    return [
        CaseRow(
            id=str(r[0]),
            citizen_id=str(r[1]),
            citizen_name=_name(r[2], r[3], r[4], r[5]),
            kind=CaseKind(str(r[6])),
            priority=CasePriority(str(r[7])),
            status=CaseStatus(str(r[8])),
            assignee=None if r[9] is None else str(r[9]),
            summary=str(r[10]),
            opened_at=str(r[11]),
            closed_at=None if r[12] is None else str(r[12]),
        )
        for r in rows
    ]
