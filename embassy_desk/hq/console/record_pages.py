"""One citizen's record, for admins only, every view audited at HQ (the advisories engineer
owns this module).

The record's current values come from HQ's materialised state (hq/records.state_from_json). The audit
entry "record.view" (entity "citizen", entity_id "POST:RECORD_ID", the operator as actor, no values)
is committed in the transaction that reads the record, before a byte of it is sent; if the audit
cannot be written, nothing is shown. An unknown or deleted record is a 404 page (not audited: nothing
was shown).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection, false, select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from embassy_desk.domain.messages import field_name, render
from embassy_desk.hq import audit
from embassy_desk.hq.clock import iso
from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.deps import AdminOnly
from embassy_desk.hq.console.i18n import language_or_default
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.render import base_path, page
from embassy_desk.hq.records import state_from_json
from embassy_desk.hq.tables import records

router = APIRouter(include_in_schema=False)

# Contacts and cases shown with a citizen (the newest first); a record with more says so.
RELATED_LIMIT = 100


@dataclass(frozen=True)
class Related:
    """A contact or case of the citizen: its id and values."""

    record_id: str
    values: dict[str, Any]


@dataclass(frozen=True)
class CitizenView:
    """What the record page shows."""

    post: str
    record_id: str
    values: dict[str, Any]
    contacts: list[Related]
    cases: list[Related]


def display(value: Any) -> str:
    """A stored value as text (lists and objects as JSON); the template escapes it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def label(name: str, language: str) -> str:
    """A field's name for people: the catalogue's, else the code made readable."""
    text = render(field_name(name), language)
    return text if text != name else name.replace("_", " ").capitalize()


def _related(conn: Connection, post: str, entity: str, citizen_id: str) -> list[Related]:
    # Stored states are canonical JSON (sorted keys, no spaces): the value is found as written, within
    # the post's live records of the entity (the (post, entity, deleted) index).
    literal = '"citizen_id":' + json.dumps(citizen_id, ensure_ascii=False)
    escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        select(records.c.record_id, records.c.state)
        .where(
            records.c.post == post,
            records.c.entity == entity,
            records.c.deleted == false(),
            records.c.state.like(f"%{escaped}%", escape="\\"),
        )
        .limit(RELATED_LIMIT * 4)
    )
    found = []
    for record_id, text in rows:
        state = state_from_json(text)
        if not state.deleted and state.values.get("citizen_id") == citizen_id:
            found.append(Related(str(record_id), dict(state.values)))
    key = "at" if entity == "contact" else "opened_at"
    found.sort(key=lambda r: str(r.values.get(key) or ""), reverse=True)
    return found[:RELATED_LIMIT]


def read_and_audit(request: Request, session: Session, code: str, record_id: str) -> CitizenView | None:
    """The citizen record (None: unknown or deleted), its "record.view" audit entry committed first."""
    console = console_of(request)
    post = code.strip().upper()
    with console.store.engine.begin() as conn:
        row = conn.execute(
            select(records.c.state, records.c.deleted).where(
                records.c.post == post, records.c.entity == "citizen", records.c.record_id == record_id
            )
        ).first()
        if row is None or row.deleted:
            return None
        state = state_from_json(row.state)
        if state.deleted:
            return None
        contacts = _related(conn, post, "contact", record_id)
        cases = _related(conn, post, "case", record_id)
        audit.append(
            conn,
            at=iso(console.clock()),
            actor=session.operator.name,
            action="record.view",
            entity="citizen",
            entity_id=f"{post}:{record_id}",
        )
    return CitizenView(post, record_id, dict(state.values), contacts, cases)


def _render(request: Request, session: Session, code: str, record_id: str) -> Response:
    view = read_and_audit(request, session, code, record_id)
    if view is None:
        raise HTTPException(404)
    lang = language_or_default(session.operator.language)
    rows = [
        (label(k, lang), display(v)) for k, v in sorted(view.values.items()) if v not in (None, "", [], {})
    ]
    return page(
        request,
        "citizen.html",
        session,
        view=view,
        rows=rows,
        display=display,
        label=lambda name: label(name, lang),
    )


@router.get("/posts/{code}/citizens/{record_id}")
async def citizen_record(request: Request, session: AdminOnly, code: str, record_id: str) -> Response:
    """One citizen's record (audited)."""
    return await run_in_threadpool(_render, request, session, code, record_id)


@router.get("/citizens/open")
async def open_record(
    request: Request,
    _session: AdminOnly,
    post: str = Query(default="", max_length=32),
    record: str = Query(default="", max_length=100),
) -> Response:
    """The "open a record by id" form: on to the record's page."""
    from urllib.parse import quote

    if not post.strip() or not record.strip():
        raise HTTPException(404)
    target = f"/posts/{quote(post.strip().upper(), safe='')}/citizens/{quote(record.strip(), safe='')}"
    return RedirectResponse(base_path(request) + target, status_code=303)
