"""Assistance cases: a request for help with a priority, an owner, a status and a timeline."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from embassy_desk.domain.enums import CaseKind, CasePriority, CaseStatus, Role
from embassy_desk.domain.errors import EmbassyDeskError, NotFoundError, ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session, UnitOfWork


@dataclass(frozen=True)
class CaseEvent:
    """One entry of a case's timeline."""

    at: str
    staff: str
    kind: str
    text: str


@dataclass(frozen=True)
class AssistanceCase:
    """A case as services hand it out."""

    id: str
    citizen_id: str
    kind: CaseKind
    priority: CasePriority
    status: CaseStatus
    assignee: str | None
    summary: str
    opened_at: str
    closed_at: str | None
    version: int


_COLUMNS = "id, citizen_id, kind, priority, status, assignee, summary, opened_at, closed_at, version"


def _case(row: tuple[object, ...]) -> AssistanceCase:
    return AssistanceCase(
        str(row[0]),
        str(row[1]),
        CaseKind(str(row[2])),
        CasePriority(str(row[3])),
        CaseStatus(str(row[4])),
        None if row[5] is None else str(row[5]),
        str(row[6]),
        str(row[7]),
        None if row[8] is None else str(row[8]),
        int(str(row[9])),
    )


def _event(uow: UnitOfWork, case_id: str, kind: str, note: str) -> None:
    event_id = uuid7()
    values = {
        "id": event_id,
        "case_id": case_id,
        "at": uow.now,
        "staff": uow.user.id,
        "kind": kind,
        "text": note,
    }
    uow.conn.execute(
        text(
            "INSERT INTO case_events(id, case_id, at, staff, kind, text) VALUES"
            " (:id, :case_id, :at, :staff, :kind, :text)"
        ),
        values,
    )
    uow.change("case_event", event_id, "create", {k: v for k, v in values.items() if k != "id"})


def may_be_assigned(role: Role, *, disabled: bool = False) -> bool:
    """Whether an account of ``role`` can own cases: it must be active and allowed to work them."""
    return not disabled and is_allowed(role, Action.CASE_UPDATE)


def _check_assignee(uow: UnitOfWork, assignee: str) -> None:
    # Owners are kept by user name (older rows may hold the staff id): accept either.
    row = uow.conn.execute(
        text("SELECT role, disabled FROM staff_users WHERE username = :a OR id = :a"), {"a": assignee}
    ).first()
    if row is None:
        raise ValidationError("assignee", Msg("case.no_assignee", name=assignee))
    role = Role(str(row[0]))
    if row[1]:
        raise ValidationError("assignee", Msg("case.assignee_disabled", name=assignee))
    if not may_be_assigned(role):
        raise ValidationError(
            "assignee", Msg("case.assignee_role", name=assignee, role=Msg(f"role.{role.value}"))
        )


def open_case(
    session: Session, citizen_id: str, *, kind: str, summary: str, priority: str = "normal"
) -> AssistanceCase:
    """Open a case for a citizen."""
    session.require(Action.CASE_OPEN)
    case_kind = parse_choice(CaseKind, kind, field="kind")
    case_priority = parse_choice(CasePriority, priority, field="priority")
    if not summary.strip():
        raise ValidationError("summary", Msg("case.summary_required"))
    with session.write(Action.CASE_OPEN) as uow:
        case_id = insert_case(
            uow, citizen_id, kind=case_kind, priority=case_priority, summary=summary.strip()
        )
        uow.audit("case.open", entity="case", entity_id=case_id, details={"kind": case_kind.value})
    return get_case(session, case_id)


def insert_case(
    uow: UnitOfWork, citizen_id: str, *, kind: CaseKind, priority: CasePriority, summary: str
) -> str:
    """Open a case inside the caller's transaction and return its id (no audit entry: the caller
    writes its own). Shared with the call bank, where "needs help" opens a case together with the
    contact and the call-list change."""
    if not summary.strip():
        raise ValidationError("summary", Msg("case.summary_required"))
    if uow.conn.execute(text("SELECT 1 FROM citizens WHERE id = :id"), {"id": citizen_id}).first() is None:
        raise NotFoundError(Msg("citizen.not_found", id=citizen_id))
    case_id = uuid7()
    values = {
        "id": case_id,
        "citizen_id": citizen_id,
        "kind": kind.value,
        "priority": priority.value,
        "status": CaseStatus.OPEN.value,
        "summary": summary,
        "now": uow.now,
        "by": uow.user.id,
    }
    uow.conn.execute(
        text(
            "INSERT INTO cases(id, citizen_id, kind, priority, status, summary, opened_at,"
            " created_by, updated_at, version) VALUES (:id, :citizen_id, :kind, :priority,"
            " :status, :summary, :now, :by, :now, 1)"
        ),
        values,
    )
    _event(uow, case_id, "opened", "")
    synced = {k: v for k, v in values.items() if k not in ("id", "now", "by")}
    uow.change("case", case_id, "create", {**synced, "opened_at": uow.now, "created_by": uow.user.id})
    return case_id


def get_case(session: Session, case_id: str) -> AssistanceCase:
    """One case by id."""
    session.require(Action.CASE_VIEW)
    with session.read() as conn:
        row = conn.execute(text(f"SELECT {_COLUMNS} FROM cases WHERE id = :id"), {"id": case_id}).first()
    if row is None:
        raise NotFoundError(Msg("case.not_found", id=case_id))
    return _case(tuple(row))


def list_cases(
    session: Session, *, status: str | None = None, citizen_id: str | None = None
) -> list[AssistanceCase]:
    """Cases, most urgent and oldest first."""
    session.require(Action.CASE_VIEW)
    clauses, params = [], {}
    if status:
        clauses.append("status = :status")
        params["status"] = parse_choice(CaseStatus, status, field="status").value
    if citizen_id:
        clauses.append("citizen_id = :cid")
        params["cid"] = citizen_id
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = "CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, opened_at"
    with session.read() as conn:
        rows = conn.execute(text(f"SELECT {_COLUMNS} FROM cases {where} ORDER BY {order}"), params)
        return [_case(tuple(r)) for r in rows]


def timeline(session: Session, case_id: str) -> list[CaseEvent]:
    """A case's events, oldest first."""
    session.require(Action.CASE_VIEW)
    with session.read() as conn:
        rows = conn.execute(
            text("SELECT at, staff, kind, text FROM case_events WHERE case_id = :id ORDER BY at, id"),
            {"id": case_id},
        )
        return [CaseEvent(str(r[0]), str(r[1]), str(r[2]), str(r[3] or "")) for r in rows]


def update_case(
    session: Session,
    case_id: str,
    *,
    status: str | None = None,
    assignee: str | None = None,
    priority: str | None = None,
    note: str = "",
) -> AssistanceCase:
    """Change status, owner or priority and/or add a note; each becomes a timeline event."""
    session.require(Action.CASE_UPDATE)
    new_status = parse_choice(CaseStatus, status, field="status") if status else None
    action = Action.CASE_CLOSE if new_status is CaseStatus.CLOSED else Action.CASE_UPDATE
    with session.write(action) as uow:
        row = uow.conn.execute(text(f"SELECT {_COLUMNS} FROM cases WHERE id = :id"), {"id": case_id}).first()
        if row is None:
            raise NotFoundError(Msg("case.not_found", id=case_id))
        current = _case(tuple(row))
        if current.status is CaseStatus.CLOSED and new_status is not CaseStatus.OPEN and not note:
            raise EmbassyDeskError(Msg("case.closed"))
        changes: dict[str, object] = {}
        if new_status and new_status is not current.status:
            changes["status"] = new_status.value
            changes["closed_at"] = uow.now if new_status is CaseStatus.CLOSED else None
            _event(uow, case_id, "status", new_status.value)
        if assignee is not None and assignee != current.assignee:
            if assignee:
                _check_assignee(uow, assignee)
            changes["assignee"] = assignee or None
            _event(uow, case_id, "assigned", assignee)
        if priority:
            new_priority = parse_choice(CasePriority, priority, field="priority")
            if new_priority is not current.priority:
                changes["priority"] = new_priority.value
                _event(uow, case_id, "priority", new_priority.value)
        if note.strip():
            _event(uow, case_id, "note", note.strip())
        if changes:
            sets = ", ".join(f"{k} = :{k}" for k in changes)
            uow.conn.execute(
                text(f"UPDATE cases SET {sets}, updated_at = :now, version = version + 1 WHERE id = :id"),
                {**changes, "now": uow.now, "id": case_id},
            )
            uow.change("case", case_id, "update", changes)
        uow.audit("case.update", entity="case", entity_id=case_id, details={"fields": sorted(changes)})
    return get_case(session, case_id)
