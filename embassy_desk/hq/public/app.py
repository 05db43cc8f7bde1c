"""The public listener's app (issue 14): the check-in page ``/c/{token}``, the SMS webhook, /health.

Routes::

    GET  /c/{token}[?lang=kk|ru|en|ko]   200 the page with three answers; 404 for any link that is
                                          not live (wrong, malformed, expired, revoked: one page)
    POST /c/{token}                       form: answer, csrf, lang, message, callback, phone
                                          200 confirmation, 400 naming the field, 403 cross-site,
                                          404 as above, 413 too large, 429 rate limited
    POST /sms/inbound                     the SMS gateway's webhook (hq/public/sms.py)
    GET  /health                          200 {"status": "ok"}

Each page request is one key lookup of the link and one of the person's name and latest answer; an
answer is one lookup and one insert, committed before the confirmation is sent. Neither touches the
post's log (hq/checkin_drain.py does, later, in batches). No OpenAPI, docs, console or sync API here.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import Connection, select
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from embassy_desk.domain.checkin import DEFAULT_LANGUAGE, LANGUAGES, token_hash, well_formed
from embassy_desk.domain.enums import CheckinAnswer
from embassy_desk.domain.translit import passport_latin
from embassy_desk.hq import checkin
from embassy_desk.hq.clock import Clock, iso, parse_moment
from embassy_desk.hq.public import csrf, forms, page
from embassy_desk.hq.public.headers import PublicEdge, security_headers
from embassy_desk.hq.public.settings import PublicSettings
from embassy_desk.hq.public.sms import sms_router
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.ratelimit import TokenBuckets, retry_after_header
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import checkin_answers, posts, records

__all__ = ["PublicSettings", "create_public_app", "public_router"]

log = logging.getLogger("embassy_desk.hq.public")

PAGE_PATH = "/c/{token}"
T = TypeVar("T")
# The embassy's name changes perhaps once in years: read it once every few minutes, not per page.
_EMBASSY_SECONDS = 300.0


@dataclass
class _Public:
    """What the page's handlers share: the store, the settings, the clock and the buckets."""

    store: HQStore
    settings: PublicSettings
    clock: Clock
    by_address: TokenBuckets = field(init=False)
    by_token: TokenBuckets = field(init=False)
    _embassies: dict[str, tuple[str, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _limiter: CapacityLimiter | None = None

    def __post_init__(self) -> None:
        s = self.settings
        self.by_address = TokenBuckets(rate=s.address_rate, burst=s.address_burst)
        self.by_token = TokenBuckets(rate=s.token_rate, burst=s.token_burst)

    async def in_thread(self, call: Callable[..., T], *args: Any) -> T:
        """``call(*args)`` in a worker thread, at most ``db_workers`` at once: a flood of answers
        queues here instead of opening (and closing) a database connection beyond the pool per
        request, which costs PostgreSQL far more than the lookup itself."""
        if self._limiter is None:  # made on the event loop's thread, on first use
            self._limiter = CapacityLimiter(self.settings.db_workers)
        return await anyio.to_thread.run_sync(functools.partial(call, *args), limiter=self._limiter)

    def embassy(self, conn: Connection, post: str) -> str:
        """The post's name (cached a few minutes)."""
        now = time.monotonic()
        cached = self._embassies.get(post)
        if cached is not None and now - cached[1] < _EMBASSY_SECONDS:
            return cached[0]
        name = conn.execute(select(posts.c.name).where(posts.c.code == post)).scalar_one_or_none()
        with self._lock:
            self._embassies[post] = (str(name or post), now)
        return str(name or post)


@dataclass(frozen=True)
class _Shown:
    """What a page about a live link shows: the embassy, the name, the latest answer, the expiry."""

    link: checkin.Link
    embassy: str
    given_name: str
    given_name_latin: str
    current: CheckinAnswer | None

    def name(self, lang: str) -> str:
        """The given name in the script that fits ``lang``: Cyrillic for kk/ru, Latin for en/ko."""
        if lang in ("kk", "ru"):
            return self.given_name or self.given_name_latin
        if self.given_name_latin:
            return self.given_name_latin
        return " ".join(w.capitalize() for w in passport_latin(self.given_name).split(" "))

    @property
    def expires(self) -> datetime | None:
        return parse_moment(self.link.expires_at)


def _shown(public: _Public, conn: Connection, link: checkin.Link) -> _Shown:
    # One statement for the person's name and their latest answer (two scalar subqueries, no FROM).
    state = (
        select(records.c.state)
        .where(
            records.c.post == link.post,
            records.c.entity == "citizen",
            records.c.record_id == link.citizen_id,
            records.c.deleted.is_(False),
        )
        .scalar_subquery()
    )
    latest = (
        select(checkin_answers.c.answer)
        .where(checkin_answers.c.token_hash == link.token_hash)
        .order_by(checkin_answers.c.at.desc(), checkin_answers.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    row = conn.execute(select(state.label("state"), latest.label("answer"))).one()
    values: dict[str, Any] = {}
    if row.state:
        loaded = json.loads(row.state).get("values", {})
        values = loaded if isinstance(loaded, dict) else {}
    current = None
    if row.answer:
        try:
            current = CheckinAnswer(row.answer)
        except ValueError:
            current = None
    return _Shown(
        link=link,
        embassy=public.embassy(conn, link.post),
        given_name=_first_text(values.get("given_names")),
        given_name_latin=_first_text(values.get("given_names_latin")),
        current=current,
    )


def _first_text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


# --- responses ------------------------------------------------------------------------------------


def _html(request: Request, body: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """An HTML response with the public headers (also when served by the main app's listener)."""
    response = HTMLResponse(body, status_code=status, headers=headers)
    for name, value in security_headers(request.url.scheme):
        response.headers[name.decode("ascii")] = value.decode("ascii")
    return response


def _language(request: Request, *candidates: str | None) -> str:
    """The first of ``candidates`` the page speaks, else the browser's first, else Russian."""
    for candidate in candidates:
        if candidate in LANGUAGES:
            return str(candidate)
    for part in request.headers.get("accept-language", "").split(",")[:8]:
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def _not_found(request: Request, lang: str) -> Response:
    return _html(request, page.message_page(lang, "not-found"), 404)


def _too_many(request: Request, lang: str, wait: float) -> Response:
    return _html(
        request, page.message_page(lang, "too-many"), 429, headers={"Retry-After": retry_after_header(wait)}
    )


def _client(request: Request) -> str:
    # uvicorn puts the real client here (X-Forwarded-For only from FORWARDED_ALLOW_IPS: server.py).
    return request.client.host if request.client else "-"


def _cross_site(request: Request) -> bool:
    """Whether a form post comes from another site. Browsers that send Fetch Metadata are believed;
    for older ones, an ``Origin`` (other than ``null``, which a no-referrer page's own form sends)
    must name the host the request was sent to."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return False
    host = request.headers.get("x-forwarded-host") or request.headers.get("host") or ""
    return urlsplit(origin).netloc.lower() != host.split(",")[0].strip().lower()


async def _body(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is larger than ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


# --- the page -------------------------------------------------------------------------------------


def public_router(
    store: HQStore, *, settings: PublicSettings | None = None, clock: Clock | None = None
) -> APIRouter:
    """The check-in page's routes (GET and POST ``/c/{token}``) over HQ's store; hq/app.py includes
    them in the main app too, for a trial on one listener."""
    public = _Public(store, settings or PublicSettings(), clock or store.clock)
    router = APIRouter()

    def limited(request: Request, hashed: str | None, lang: str) -> Response | None:
        wait = public.by_address.take(_client(request))
        if not wait and hashed is not None:
            wait = public.by_token.take(hashed)
        return _too_many(request, lang, wait) if wait else None

    @router.get(PAGE_PATH, include_in_schema=False)
    async def show(request: Request, token: str) -> Response:
        asked = request.query_params.get("lang")
        if not well_formed(token):
            return limited(request, None, _language(request, asked)) or _not_found(
                request, _language(request, asked)
            )
        hashed = token_hash(token)
        refused = limited(request, hashed, _language(request, asked))
        if refused is not None:
            return refused
        moment = public.clock()
        shown = await public.in_thread(_look_up, public, hashed, iso(moment))
        if shown is None:
            return _not_found(request, _language(request, asked))
        lang = _language(request, asked, shown.link.language)
        body = page.checkin_page(
            lang,
            embassy=shown.embassy,
            name=shown.name(lang),
            csrf=csrf.issue(public.settings.secret, hashed, moment.timestamp()),
            max_message=public.settings.max_message,
            current=shown.current,
            expires=shown.expires,
        )
        return _html(request, body)

    @router.post(PAGE_PATH, include_in_schema=False)
    async def answer(request: Request, token: str) -> Response:
        asked = request.query_params.get("lang")
        hashed = token_hash(token) if well_formed(token) else None
        refused = limited(request, hashed, _language(request, asked))
        if refused is not None:
            return refused
        if hashed is None:
            return _not_found(request, _language(request, asked))
        if _cross_site(request):
            return _html(request, page.message_page(_language(request, asked), "refused"), 403)
        body = await _body(request, public.settings.max_body)
        if body is None:
            return _html(request, page.message_page(_language(request, asked), "refused"), 413)
        form = forms.parse(body)
        moment = public.clock()
        problem: str | None = None
        submission: forms.Submission | None = None
        settings = public.settings
        if not csrf.valid(
            settings.secret, hashed, form.get("csrf", ""), moment.timestamp(), settings.csrf_max_age
        ):
            problem = "csrf"
        else:
            try:
                submission = forms.check(
                    form, max_message=public.settings.max_message, region=public.settings.default_region
                )
            except forms.FormProblem as exc:
                problem = exc.field
        outcome = await public.in_thread(_keep, public, hashed, iso(moment), submission, form.get("lang"))
        if outcome is None:
            return _not_found(request, _language(request, form.get("lang"), asked))
        lang = _language(request, form.get("lang"), asked, outcome.link.language)
        if submission is None:
            # The form comes back with what was typed and the field to fix named at the top.
            filled = page.Filled(
                message=forms.clean_text(form.get("message", ""))[: public.settings.max_message * 2],
                callback=forms.clean_text(form.get("callback", ""))[:40],
                phone=forms.clean_text(form.get("phone", ""))[:40],
            )
            html = page.checkin_page(
                lang,
                embassy=outcome.embassy,
                name=outcome.name(lang),
                csrf=csrf.issue(public.settings.secret, hashed, moment.timestamp()),
                max_message=public.settings.max_message,
                current=outcome.current,
                expires=outcome.expires,
                error_field=problem or "answer",
                filled=filled,
            )
            return _html(request, html, 400)
        done = page.done_page(
            lang, embassy=outcome.embassy, answer=submission.answer, expires=outcome.expires
        )
        return _html(request, done)

    return router


def _look_up(public: _Public, hashed: str, now: str) -> _Shown | None:
    with public.store.engine.connect() as conn:
        link = checkin.find_link(conn, hashed, now)
        return None if link is None else _shown(public, conn, link)


def _keep(
    public: _Public, hashed: str, now: str, submission: forms.Submission | None, language: str | None
) -> _Shown | None:
    """Record ``submission`` on the live link ``hashed`` (committed on return); what to show. Without
    a submission (the form is wrong), only look the link up for the page that names the field."""
    if submission is None:
        return _look_up(public, hashed, now)
    with public.store.engine.begin() as conn:
        link = checkin.find_link(conn, hashed, now)
        if link is None:
            return None
        checkin.record_answer(
            conn,
            link,
            submission.answer,
            now=now,
            language=language if language in LANGUAGES else link.language,
            source="web",
            message=submission.message,
            callback=submission.callback,
            phone=submission.phone,
        )
        embassy = public.embassy(conn, link.post)
    # The confirmation names the answer just given; the person's name is not shown on it.
    return _Shown(link=link, embassy=embassy, given_name="", given_name_latin="", current=submission.answer)


# --- the app --------------------------------------------------------------------------------------


def create_public_app(
    store: HQStore,
    *,
    settings: PublicSettings | None = None,
    sms: SmsSettings | None = None,
    clock: Clock | None = None,
) -> FastAPI:
    """HQ's public face: the check-in page, the SMS webhook (off without its secret) and /health,
    and nothing else (no console, no sync API, no OpenAPI schema or docs)."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None, swagger_ui_oauth2_redirect_url=None)
    app.include_router(public_router(store, settings=settings, clock=clock))
    app.include_router(sms_router(store, sms or SmsSettings()))

    @app.get("/health", include_in_schema=False)
    async def health() -> Response:
        return JSONResponse({"status": "ok"})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        lang = _language(request, request.query_params.get("lang"))
        if exc.status_code in (404, 405):
            response = _html(request, page.message_page(lang, "not-found"), exc.status_code)
            response.headers.update(exc.headers or {})  # a 405's Allow
            return response
        return _html(request, page.message_page(lang, "refused"), exc.status_code)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(PublicEdge)
    return app
