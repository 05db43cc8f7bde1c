"""The console's ASGI app, mounted by hq/app.py at ``/console``: its own FastAPI app, so its HTML
error pages, security headers and OpenAPI schema (``/console/openapi.json``: the JSON endpoints only)
never mix with the sync API's."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from embassy_desk.hq.clock import Clock, system_clock
from embassy_desk.hq.console import (
    advisory_pages,
    audit_pages,
    auth_pages,
    overview_pages,
    post_admin_pages,
    post_pages,
    record_pages,
)
from embassy_desk.hq.console.context import STATIC, ConsoleContext
from embassy_desk.hq.console.deps import CsrfRefused, Forbidden, SignInRequired, session_of
from embassy_desk.hq.console.headers import SecurityHeaders
from embassy_desk.hq.console.render import base_path, page
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.store import HQStore


def create_console_app(
    store: HQStore, *, settings: ConsoleSettings | None = None, clock: Clock = system_clock
) -> FastAPI:
    """The web console over HQ's store."""
    app = FastAPI(
        title="Embassy Desk headquarters console",
        version="1",
        description="The JSON endpoints of HQ's web console (a signed-in session cookie is required).",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.console = ConsoleContext(store=store, settings=settings or ConsoleSettings(), clock=clock)
    # post_admin_pages before post_pages: /posts/new is not a post called "new".
    pages = (
        auth_pages,
        overview_pages,
        post_admin_pages,
        post_pages,
        advisory_pages,
        audit_pages,
        record_pages,
    )
    for module in pages:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _install_error_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(base_path(request) + "/api/")


def _install_error_pages(app: FastAPI) -> None:
    async def sign_in_required(request: Request, _exc: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"code": "sign_in_required"}, status_code=401)
        return RedirectResponse(base_path(request) + "/login", status_code=303)

    async def forbidden(request: Request, exc: Exception) -> Response:
        code = "csrf" if isinstance(exc, CsrfRefused) else "forbidden"
        if _wants_json(request):
            return JSONResponse({"code": code}, status_code=403)
        message = "console.csrf_refused" if code == "csrf" else "console.forbidden"
        return page(request, "error.html", session_of(request), status=403, message=message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if _wants_json(request) or exc.status_code not in (404, 405):
            return JSONResponse(
                {"code": "http", "status": exc.status_code}, status_code=exc.status_code, headers=exc.headers
            )
        response = page(
            request, "error.html", session_of(request), status=exc.status_code, message="console.not_found"
        )
        response.headers.update(exc.headers or {})  # a 405's Allow (RFC 9110)
        return response

    app.add_exception_handler(SignInRequired, sign_in_required)
    app.add_exception_handler(Forbidden, forbidden)
    app.add_exception_handler(CsrfRefused, forbidden)
    app.add_exception_handler(StarletteHTTPException, http_error)
