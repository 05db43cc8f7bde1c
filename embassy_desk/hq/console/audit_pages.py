"""HQ's audit log page and its JSON twin (the advisories engineer owns this module).

Admins only. The page shows the newest entries, a page at a time (``?before=SEQ``), under the chain's
state verified at this moment (hq/audit.verify walks the whole chain).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from embassy_desk.hq import audit
from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.deps import AdminOnly
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.render import page
from embassy_desk.hq.store import HQStore

router = APIRouter()

PAGE_SIZE = 50
# hq_audit.seq is a BIGINT: a larger ?before= would be a database error (500) on PostgreSQL.
BIGINT_MAX = 2**63 - 1


def read_page(
    store: HQStore, before: int | None, limit: int
) -> tuple[audit.ChainState, list[audit.AuditEntry], int | None]:
    """The chain's state, one page of entries (newest first) and the ``before`` of the next page."""
    with store.engine.connect() as conn:
        state = audit.verify(conn)
        rows = audit.entries(conn, before=before, limit=limit + 1)
    more = len(rows) > limit
    shown = rows[:limit]
    return state, shown, (shown[-1].seq if more and shown else None)


def _render(request: Request, session: Session, before: int | None) -> Response:
    state, rows, next_before = read_page(console_of(request).store, before, PAGE_SIZE)
    return page(
        request,
        "audit.html",
        session,
        chain=state,
        entries=rows,
        next_before=next_before,
        before=before,
        details_text=lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True),
    )


@router.get("/audit", include_in_schema=False)
async def audit_page(
    request: Request, session: AdminOnly, before: int | None = Query(default=None, ge=1, le=BIGINT_MAX)
) -> Response:
    """HQ's audit log, newest first, with the chain state at the top."""
    return await run_in_threadpool(_render, request, session, before)


class ChainOut(BaseModel):
    """The chain as verified now: entries checked and the first broken seq (None: intact)."""

    entries: int
    intact: bool
    broken_at: int | None


class AuditEntryOut(BaseModel):
    """One audit entry as stored (ids only, never personal data)."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]
    hash: str


class AuditPageOut(BaseModel):
    """A page of the log, newest first; ``next_before``: pass it as ``before`` for the next page."""

    chain: ChainOut
    entries: list[AuditEntryOut]
    next_before: int | None


def audit_json(store: HQStore, before: int | None, limit: int) -> AuditPageOut:
    """The JSON twin's answer."""
    state, rows, next_before = read_page(store, before, limit)
    return AuditPageOut(
        chain=ChainOut(entries=state.entries, intact=state.ok, broken_at=state.broken_at),
        entries=[
            AuditEntryOut(
                seq=e.seq,
                at=e.at,
                actor=e.actor,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                details=e.details,
                hash=e.hash,
            )
            for e in rows
        ],
        next_before=next_before,
    )


@router.get("/api/audit", response_model=AuditPageOut, tags=["audit"])
async def api_audit(
    request: Request,
    _session: AdminOnly,
    before: int | None = Query(default=None, ge=1, le=BIGINT_MAX),
    limit: int = Query(default=PAGE_SIZE, ge=1, le=500),
) -> AuditPageOut:
    """HQ's audit log, newest first, with the chain state verified now."""
    return await run_in_threadpool(audit_json, console_of(request).store, before, limit)
