"""A post's page: its figures, welfare status and contacts per hour since a date (SVG charts), its
devices (admins: a new enrollment code, revoke) and its campaigns' progress, and the JSON twin
``GET /api/posts/{code}``. Every number comes from :mod:`embassy_desk.hq.stats`.

Enrollment codes and revocations are audited at HQ (``device.enroll_code`` naming the post,
``device.revoke`` naming the device); the code itself is shown once, on the page that answers the form,
and is never written to the audit log or HQ's log.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from embassy_desk.hq import audit, stats
from embassy_desk.hq.clock import iso
from embassy_desk.hq.console import svg
from embassy_desk.hq.console.context import ConsoleContext, console_of
from embassy_desk.hq.console.deps import AdminOnly, CsrfChecked, SignedIn
from embassy_desk.hq.console.i18n import language_or_default, number, translate
from embassy_desk.hq.console.model import Session
from embassy_desk.hq.console.overview_pages import WELFARE_COLUMNS, PostFigures, age_text
from embassy_desk.hq.console.render import base_path, page

log = logging.getLogger("embassy_desk.hq.console")
router = APIRouter()

DEFAULT_SINCE = timedelta(hours=48)
# The charts draw one point per hour: a month at most keeps them readable and the page quick.
MAX_SINCE_DAYS = 31


class DeviceRow(BaseModel):
    """A device of the post as its page shows it."""

    device: str
    name: str
    enrolled_at: str
    last_sync: str | None
    audit_chain: str
    revoked: bool


class SeriesOut(BaseModel):
    """Per hour (``YYYY-MM-DDTHH``, UTC) since ``since``: live citizens by welfare status at the end of
    each hour, and contacts whose moment lies in it."""

    since: str
    hours: list[str]
    welfare: dict[str, list[int]]
    contacts: list[int]


class CampaignOut(BaseModel):
    """A campaign's list places by state, as synced."""

    campaign: str
    name: str
    status: str
    targets: int
    pending: int
    done: int
    follow_up: int


class PostDetail(BaseModel):
    """One post: its figures (an object of ``hq stats --json``), devices, series and campaigns."""

    figures: PostFigures
    devices: list[DeviceRow]
    series: SeriesOut
    campaigns: list[CampaignOut]


class SinceError(ValueError):
    """``since`` is not a usable moment: ``code`` is the message to show."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_since(text: str | None, now: datetime) -> datetime:
    """The moment of the ``since`` field (``2026-12-06``, ``2026-12-06T14:00``, with or without a
    zone; naive means UTC), 48 hours ago when empty. SinceError when it is not a moment or lies in the
    future or more than MAX_SINCE_DAYS back."""
    if text is None or not text.strip():
        return now - DEFAULT_SINCE
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise SinceError("figures.bad_since") from exc
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment > now or moment < now - timedelta(days=MAX_SINCE_DAYS):
        raise SinceError("figures.since_range")
    return moment


def _post_or_404(console: ConsoleContext, code: str, now: datetime) -> stats.PostStats:
    with console.store.engine.connect() as conn:
        found = stats.post_stats(
            conn, now=now, post=code.strip().upper(), stale_hours=console.settings.stale_hours
        )
    if not found:
        raise HTTPException(404)
    return found[0]


def _detail(console: ConsoleContext, code: str, since: datetime, now: datetime) -> dict[str, Any]:
    figures = _post_or_404(console, code, now)
    with console.store.engine.connect() as conn:
        series = stats.post_series(conn, figures.post, since=since, now=now)
        campaigns = stats.campaigns(conn, figures.post)
    return {"figures": figures, "series": series, "campaigns": campaigns}


def _render(
    request: Request,
    session: Session,
    code: str,
    *,
    since_text: str | None,
    status: int = 200,
    **extra: Any,
) -> Response:
    console = console_of(request)
    lang = language_or_default(session.operator.language)
    now = console.clock()
    error = None
    try:
        since = parse_since(since_text, now)
    except SinceError as exc:
        error, since, status = exc.code, now - DEFAULT_SINCE, 400
    detail = _detail(console, code, since, now)
    series: stats.Series = detail["series"]
    # The table's order (safe first), then any status outside the vocabulary.
    ordered = {s: series.welfare[s] for s in (*WELFARE_COLUMNS, *series.welfare) if s in series.welfare}
    labels = {s: translate(lang, f"figures.welfare_{s}") if s in WELFARE_COLUMNS else s for s in ordered}
    welfare_chart = svg.lines(
        series.hours,
        ordered,
        labels,
        title=translate(lang, "figures.welfare_over_time"),
        n=lambda value: number(lang, value),
    )
    contacts_chart = svg.bars(
        series.hours,
        series.contacts,
        key="contacts",
        title=translate(lang, "figures.contacts_per_hour"),
        n=lambda value: number(lang, value),
    )
    return page(
        request,
        "post.html",
        session,
        status=status,
        f=detail["figures"],
        campaigns=detail["campaigns"],
        welfare_columns=WELFARE_COLUMNS,
        priorities=stats.PRIORITIES,
        since_value=(since_text if error else iso(since)[:16]),
        since_error=error,
        welfare_chart=welfare_chart,
        contacts_chart=contacts_chart,
        age=lambda seconds: age_text(lang, seconds),
        is_admin=session.operator.is_admin,
        new_code=extra.get("new_code"),
        confirm_device=extra.get("confirm_device"),
        revoked=extra.get("revoked"),
    )


@router.get("/posts/{code}", include_in_schema=False)
def post_page(request: Request, session: SignedIn, code: str, since: str | None = None) -> Response:
    revoked = request.query_params.get("revoked")
    return _render(request, session, code, since_text=since, revoked=revoked)


class Problem(BaseModel):
    """A refusal: ``code`` names it, ``field`` the request field at fault."""

    code: str
    field: str | None = None


@router.get(
    "/api/posts/{code}",
    response_model=PostDetail,
    responses={404: {"model": Problem}, 422: {"model": Problem}},
)
def post_json(request: Request, _session: SignedIn, code: str, since: str | None = None) -> Response:
    """One post's figures, devices, welfare and contacts per hour since ``since`` (default 48 h ago),
    and campaigns' progress. 404 for an unknown post; 422 naming ``since`` when it is no moment."""
    console = console_of(request)
    now = console.clock()
    try:
        moment = parse_since(since, now)
    except SinceError as exc:
        return JSONResponse({"code": exc.code.removeprefix("figures."), "field": "since"}, status_code=422)
    detail = _detail(console, code, moment, now)
    figures: stats.PostStats = detail["figures"]
    series: stats.Series = detail["series"]
    body = PostDetail(
        figures=PostFigures.model_validate(stats.as_json(figures)),
        devices=[
            DeviceRow(
                device=d.device,
                name=d.name,
                enrolled_at=d.enrolled_at,
                last_sync=d.last_sync,
                audit_chain=d.audit_state,
                revoked=d.revoked,
            )
            for d in figures.devices
        ],
        series=SeriesOut(
            since=iso(moment), hours=series.hours, welfare=series.welfare, contacts=series.contacts
        ),
        campaigns=[CampaignOut(**vars(c)) for c in detail["campaigns"]],
    )
    return JSONResponse(body.model_dump(mode="json"))


@router.post("/posts/{code}/enroll-code", include_in_schema=False)
def enroll_code(request: Request, _admin: AdminOnly, session: CsrfChecked, code: str) -> Response:
    """A new one-time enrollment code, shown once on the answering page; audited without the code."""
    console = console_of(request)
    post = _post_or_404(console, code, console.clock()).post
    new_code, expires = console.store.new_enroll_code(post)
    with console.store.engine.begin() as conn:
        audit.append(
            conn,
            at=iso(console.clock()),
            actor=session.operator.name,
            action="device.enroll_code",
            entity="post",
            entity_id=post,
            details={"expires_at": expires},
        )
    log.info("console: enrollment code made (post %s)", post)
    return _render(request, session, post, since_text=None, new_code=(new_code, expires))


@router.post("/posts/{code}/devices/{device_id}/revoke", include_in_schema=False)
def revoke(
    request: Request,
    _admin: AdminOnly,
    session: CsrfChecked,
    code: str,
    device_id: str,
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """Revoke a device of this post: the first press asks to confirm, the confirmed form revokes
    (audited ``device.revoke``) and returns to the post's page."""
    console = console_of(request)
    post = _post_or_404(console, code, console.clock())
    known = {d.device: d for d in post.devices}
    if device_id not in known:
        raise HTTPException(404)
    if known[device_id].revoked:
        # Already revoked (a form sent twice): nothing to do or audit.
        return RedirectResponse(
            f"{base_path(request)}/posts/{post.post}?revoked={device_id}", status_code=303
        )
    if confirm != "yes":
        return _render(request, session, post.post, since_text=None, confirm_device=device_id)
    info = console.store.revoke(device_id)
    with console.store.engine.begin() as conn:
        audit.append(
            conn,
            at=iso(console.clock()),
            actor=session.operator.name,
            action="device.revoke",
            entity="device",
            entity_id=device_id,
            details={"post": info.post},
        )
    log.info("console: device revoked (post %s)", info.post)
    return RedirectResponse(f"{base_path(request)}/posts/{post.post}?revoked={device_id}", status_code=303)
