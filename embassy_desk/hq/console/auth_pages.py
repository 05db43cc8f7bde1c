"""Sign-in, sign-out and the operator's language.

The sign-in page is a plain HTML form that works without JavaScript. Before anyone is signed in there
is no session to hold a CSRF token, so the form carries a signed double-submit token: a random nonce
in a short-lived cookie (path /console/login) and, in the form, its HMAC under the console's
``form_key``; a forged cross-site post has neither. Every other form carries its session's token
(deps.CsrfChecked).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from embassy_desk.domain.messages import Msg
from embassy_desk.hq import audit
from embassy_desk.hq.clock import iso
from embassy_desk.hq.console.context import ConsoleContext, console_of
from embassy_desk.hq.console.deps import CsrfChecked
from embassy_desk.hq.console.model import CONSOLE_LANGUAGES
from embassy_desk.hq.console.operators import set_language, sign_in
from embassy_desk.hq.console.render import base_path, page
from embassy_desk.hq.console.sessions import (
    clear_session_cookie,
    cookie_name,
    create_session,
    end_session,
    set_session_cookie,
)

router = APIRouter(include_in_schema=False)

LOGIN_COOKIE = "hq-console-login"


def login_cookie_name(console: ConsoleContext) -> str:
    """``__Secure-`` when cookies are secure (``__Host-`` would need Path=/; this one is for the
    sign-in form's path only)."""
    return "__Secure-" + LOGIN_COOKIE if console.settings.secure_cookies else LOGIN_COOKIE


def _form_token(key: bytes, nonce: str) -> str:
    return hmac.new(key, nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest()


def _browser_language(request: Request) -> str | None:
    """The first of the browser's languages the console speaks (for the sign-in page only)."""
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in CONSOLE_LANGUAGES:
            return tag
    return None


def _login_page(
    request: Request, nonce: str, *, status: int = 200, error: Msg | None = None, retry_after: int = 0
) -> Response:
    console = console_of(request)
    response = page(
        request,
        "login.html",
        None,
        status=status,
        language=_browser_language(request),
        form_csrf=_form_token(console.form_key, nonce),
        error=error,
    )
    response.set_cookie(
        login_cookie_name(console),
        nonce,
        max_age=3600,
        httponly=True,
        secure=console.settings.secure_cookies,
        samesite="strict",
        path=base_path(request) + "/login",
    )
    if retry_after:
        response.headers["retry-after"] = str(retry_after)
    return response


@router.get("/login")
async def login_form(request: Request) -> Response:
    """The sign-in form."""
    return _login_page(request, secrets.token_urlsafe(16))


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    """Check the form; on success a new session (a new token even if the browser had one: no
    fixation) and a redirect to the overview. A plain ``def``: the Argon2 check runs in a thread."""
    console = console_of(request)
    nonce = request.cookies.get(login_cookie_name(console), "")
    expected = _form_token(console.form_key, nonce)
    if not nonce or not hmac.compare_digest(csrf.encode(), expected.encode()):
        return _login_page(request, secrets.token_urlsafe(16), status=403, error=Msg("console.csrf_refused"))
    engine = console.store.engine
    now = console.clock()
    outcome = sign_in(engine, username.strip(), password, console.settings, now)
    if outcome.operator is None:
        status = 429 if outcome.retry_after else 401
        return _login_page(
            request, nonce, status=status, error=outcome.refusal, retry_after=outcome.retry_after
        )
    old = request.cookies.get(cookie_name(console.settings))
    if old:
        end_session(engine, old)
    token, _csrf = create_session(engine, outcome.operator.name, console.settings, now)
    response = RedirectResponse(base_path(request) + "/", status_code=303)
    set_session_cookie(response, token, console.settings)
    response.delete_cookie(
        login_cookie_name(console),
        path=base_path(request) + "/login",
        secure=console.settings.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    return response


@router.post("/logout")
def logout(request: Request, session: CsrfChecked) -> Response:
    """Sign out: the session's row and the cookie go."""
    console = console_of(request)
    token = request.cookies.get(cookie_name(console.settings), "")
    if end_session(console.store.engine, token) is not None:
        with console.store.engine.begin() as conn:
            audit.append(
                conn,
                at=iso(console.clock()),
                actor=session.operator.name,
                action="console.sign_out",
                entity="operator",
                entity_id=session.operator.name,
            )
    response = RedirectResponse(base_path(request) + "/login", status_code=303)
    clear_session_cookie(response, console.settings)
    return response


def _safe_next(request: Request, target: str) -> str:
    """Where to go back to after a form: a path of this console only (never another site)."""
    root = base_path(request)
    if target.startswith(root + "/") and not target.startswith("//") and "\\" not in target:
        return target
    return root + "/"


@router.post("/language")
def language(
    request: Request,
    session: CsrfChecked,
    lang: Annotated[str, Form(max_length=8)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Store the operator's language; the pages speak it from the next one on."""
    console = console_of(request)
    if lang not in CONSOLE_LANGUAGES:
        return page(request, "error.html", session, status=400, message="consoleauth.bad_language_form")
    set_language(console.store.engine, session.operator.name, lang)
    return RedirectResponse(_safe_next(request, next), status_code=303)
