"""FastAPI dependencies of console routes: who is signed in, admin-only routes and CSRF checks.

HTML routes that need a session redirect to the sign-in page; JSON routes (``/api/...``) answer 401.
An analyst on an admin route gets 403; a form without its session's CSRF token gets 403.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.sessions import cookie_name, lookup_session


class SignInRequired(Exception):
    """No live session: the handler redirects HTML requests to /console/login, answers 401 to JSON."""


class Forbidden(Exception):
    """Signed in, but the role may not do this (403)."""


class CsrfRefused(Exception):
    """A form came without the session's CSRF token (403)."""


def session_of(request: Request) -> Session | None:
    """The request's live session, if its cookie names one."""
    console = console_of(request)
    token = request.cookies.get(cookie_name(console.settings))
    if not token:
        return None
    return lookup_session(console.store.engine, token, console.settings, console.clock())


def signed_in(request: Request) -> Session:
    """Dependency: the live session, else SignInRequired."""
    session = session_of(request)
    if session is None:
        raise SignInRequired()
    request.state.session = session
    return session


def admin_only(session: Annotated[Session, Depends(signed_in)]) -> Session:
    """Dependency: the live session of an admin, else Forbidden."""
    if not session.operator.is_admin:
        raise Forbidden()
    return session


CSRF_HEADER = "x-csrf-token"


async def csrf_checked(request: Request, session: Annotated[Session, Depends(signed_in)]) -> Session:
    """Dependency for POST forms: the form's ``csrf`` field (or, for a script's JSON request, the
    ``X-CSRF-Token`` header) must equal the session's token; else CsrfRefused before the route runs."""
    form = await request.form()
    sent = form.get("csrf")
    if sent is None:
        sent = request.headers.get(CSRF_HEADER)
    if not isinstance(sent, str) or not sent or not hmac.compare_digest(sent.encode(), session.csrf.encode()):
        raise CsrfRefused()
    return session


SignedIn = Annotated[Session, Depends(signed_in)]
AdminOnly = Annotated[Session, Depends(admin_only)]
CsrfChecked = Annotated[Session, Depends(csrf_checked)]
