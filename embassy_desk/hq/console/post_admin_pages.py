"""Adding a post from the console (admins): the form and its answer, audited ``post.add``."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import render
from embassy_desk.hq import audit
from embassy_desk.hq.clock import iso
from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.deps import AdminOnly, CsrfChecked
from embassy_desk.hq.console.i18n import language_or_default
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.render import base_path, page

router = APIRouter(include_in_schema=False)
log = logging.getLogger("embassy_desk.hq.console")


def _form(
    request: Request,
    session: Session,
    *,
    code: str = "",
    name: str = "",
    error: tuple[str, str] | None = None,
) -> Response:
    return page(
        request,
        "post_new.html",
        session,
        status=422 if error else 200,
        code=code,
        name=name,
        error_field=error[0] if error else "",
        error_text=error[1] if error else "",
    )


@router.get("/posts/new")
def new_post_form(request: Request, session: AdminOnly) -> Response:
    """The empty form."""
    return _form(request, session)


@router.post("/posts/new")
def add_post(
    request: Request,
    _admin: AdminOnly,
    session: CsrfChecked,
    code: Annotated[str, Form(max_length=100)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Add the post and go to its page; a bad or taken code or an empty name comes back on the form,
    naming the field, and nothing is added."""
    console = console_of(request)
    lang = language_or_default(session.operator.language)
    if not name.strip():
        return _form(request, session, code=code, name=name, error=("name", "console.post_name_empty"))
    try:
        info = console.store.add_post(code, name)
    except EmbassyDeskError as exc:  # a bad code, or PostExists
        return _form(request, session, code=code, name=name, error=("code", render(exc, lang)))
    with console.store.engine.begin() as conn:
        audit.append(
            conn,
            at=iso(console.clock()),
            actor=session.operator.name,
            action="post.add",
            entity="post",
            entity_id=info.code,
        )
    log.info("console: post %s added", info.code)
    return RedirectResponse(f"{base_path(request)}/posts/{info.code}", status_code=303)
