"""Headers and log lines of the public listener: what every response carries, what the log keeps.

* Security headers on every response (pages, 404s, the webhook's answers): a Content-Security-Policy
  that lets in nothing but the page's own inline style (by its hash) and forms posted to the page
  itself, no framing, no referrer (the address holds the token), no MIME sniffing, no caching.
* No cookies: a ``Set-Cookie`` from anywhere inside is dropped (the page needs none).
* One access-log line per request: method, the route's template (``/c/{token}``, never the token or
  the query), status and milliseconds. A path that is no route is logged as ``(other)``.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from embassy_desk.hq.plain_500 import send_plain_500
from embassy_desk.hq.public.page import CSS_HASH

access_log = logging.getLogger("embassy_desk.hq.public.access")
log = logging.getLogger("embassy_desk.hq.public")

CSP = (
    f"default-src 'none'; style-src '{CSS_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    (b"cache-control", b"no-store"),
    (b"x-robots-tag", b"noindex, nofollow"),
)
HSTS = (b"strict-transport-security", b"max-age=31536000")


def security_headers(scheme: str) -> list[tuple[bytes, bytes]]:
    """The headers every public response carries (HSTS too over HTTPS)."""
    return [*HEADERS, HSTS] if scheme == "https" else list(HEADERS)


def route_template(scope: Scope) -> str:
    """The template of the route that served ``scope`` (``/c/{token}``), else ``(other)``."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(other)"


class PublicEdge:
    """Outermost middleware of the public app: headers, no cookies, the access log, and a plain 500
    for an exception that escapes (logged by its class only: its text may quote a value)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        wanted = security_headers(str(scope.get("scheme", "http")))

        async def edge_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"set-cookie"]
                present = {name.lower() for name, _ in kept}
                message["headers"] = kept + [(k, v) for k, v in wanted if k not in present]
            await send(message)

        method = str(scope.get("method", "-"))[:16]
        try:
            await self.app(scope, receive, edge_send)
        except Exception as exc:
            log.error("public listener: %s on %s %s", type(exc).__name__, method, route_template(scope))
            if status == 0:
                await send_plain_500(edge_send)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            # "in": the scrubber (logs.scrub) takes "404 12 ms" for a phone number and masks it.
            access_log.info("%s %s %d in %.0f ms", method, route_template(scope), status, elapsed)
