"""Sign-in and sign-out pages (the auth engineer owns this module).

GROUNDWORK: a working minimal sign-in (a plain HTML form with a signed CSRF token, no JavaScript) and
sign-out; back-off, lock-out, auditing and the language switch come with the auth work.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.deps import CsrfChecked
from embassy_desk.hq.console.operators import check_password
from embassy_desk.hq.console.render import base_path, page
from embassy_desk.hq.console.sessions import cookie_name, create_session, end_session

router = APIRouter(include_in_schema=False)

LOGIN_COOKIE = "hq-console-login"


def _form_token(key: bytes, nonce: str) -> str:
    return hmac.new(key, nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest()


@router.get("/login")
async def login_form(request: Request) -> Response:
    console = console_of(request)
    nonce = secrets.token_urlsafe(16)
    response = page(request, "login.html", None, form_csrf=_form_token(console.form_key, nonce), error=None)
    response.set_cookie(
        LOGIN_COOKIE,
        nonce,
        httponly=True,
        secure=console.settings.secure_cookies,
        samesite="strict",
        path=base_path(request) + "/login",
    )
    return response


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    console = console_of(request)
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not nonce or not hmac.compare_digest(csrf, _form_token(console.form_key, nonce)):
        return page(request, "login.html", None, status=403, form_csrf="", error="console.csrf_refused")
    operator = check_password(console.store.engine, username, password)
    if operator is None:
        fresh = _form_token(console.form_key, nonce)
        return page(request, "login.html", None, status=401, form_csrf=fresh, error="consoleauth.wrong")
    token, _csrf = create_session(console.store.engine, operator.name, console.settings, console.clock())
    response = RedirectResponse(base_path(request) + "/", status_code=303)
    response.set_cookie(
        cookie_name(console.settings),
        token,
        httponly=True,
        secure=console.settings.secure_cookies,
        samesite="strict",
        path="/",
    )
    response.delete_cookie(LOGIN_COOKIE, path=base_path(request) + "/login")
    return response


@router.post("/logout")
async def logout(request: Request, _session: CsrfChecked) -> Response:
    console = console_of(request)
    token = request.cookies.get(cookie_name(console.settings), "")
    end_session(console.store.engine, token)
    response = RedirectResponse(base_path(request) + "/login", status_code=303)
    response.delete_cookie(cookie_name(console.settings), path="/", secure=console.settings.secure_cookies)
    return response
