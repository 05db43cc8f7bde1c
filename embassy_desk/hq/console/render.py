"""Rendering a page: the template, the operator's language, the CSRF token and the navigation."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from embassy_desk.hq.console.context import console_of
from embassy_desk.hq.console.i18n import language_or_default, number, translate
from embassy_desk.hq.console.model import Session

# (path under /console, message code, admin only)
NAVIGATION: tuple[tuple[str, str, bool], ...] = (
    ("/", "console.nav_overview", False),
    ("/advisories", "console.nav_advisories", True),
    ("/audit", "console.nav_audit", True),
)


def base_path(request: Request) -> str:
    """Where the console is mounted (``/console``), for links that work under any mount point."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def page(
    request: Request,
    template: str,
    session: Session | None,
    *,
    status: int = 200,
    language: str | None = None,
    **values: Any,
) -> HTMLResponse:
    """``template`` rendered for this request. Templates get ``t(code, **params)`` (the operator's
    language), ``n(number)``, ``url(path)``, ``session``, ``csrf``, ``lang`` and ``nav``."""
    console = console_of(request)
    lang = language_or_default(language or (session.operator.language if session else None))
    root = base_path(request)
    nav = [
        (root + path, translate(lang, code))
        for path, code, admin in NAVIGATION
        if session is not None and (session.operator.is_admin or not admin)
    ]
    html = console.templates.get_template(template).render(
        t=lambda code, **params: translate(lang, code, **params),
        n=lambda value: number(lang, value),
        url=lambda path="/": root + path,
        session=session,
        csrf=session.csrf if session else "",
        lang=lang,
        nav=nav,
        request_path=request.url.path,
        **values,
    )
    return HTMLResponse(html, status_code=status)
