"""The overview: every post's figures in one sortable table, with totals and a welfare chart, and its
JSON twin ``GET /api/overview`` (the same objects ``hq stats --json`` prints, plus the totals).

Every number comes from :mod:`embassy_desk.hq.stats` (the one query layer of the CLI and the pages).
Sorting is plain links (``?sort=col&dir=asc|desc``): no JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import Response

from embassy_desk.hq import stats
from embassy_desk.hq.console import svg
from embassy_desk.hq.console.context import ConsoleContext, console_of
from embassy_desk.hq.console.deps import SignedIn
from embassy_desk.hq.console.i18n import language_or_default, number, translate
from embassy_desk.hq.console.render import base_path, page

router = APIRouter()


class DeviceFigures(BaseModel):
    """A device as ``hq stats --json`` lists it."""

    device: str
    name: str
    last_sync: str | None
    revoked: bool


class PostFigures(BaseModel):
    """One post's figures: exactly an object of ``hq stats --json``."""

    post: str
    citizens: int
    welfare: dict[str, int]
    open_cases: int
    contacts_24h: int
    devices: list[DeviceFigures]
    name: str
    cases_by_priority: dict[str, int]
    last_sync: str | None
    stale: bool
    audit_chain: str
    checkins: dict[str, int]


class TotalFigures(BaseModel):
    """Sums over every post."""

    posts: int
    citizens: int
    welfare: dict[str, int]
    open_cases: int
    cases_by_priority: dict[str, int]
    contacts_24h: int
    stale: int
    audit_breaks: int
    checkins: dict[str, int]


class Overview(BaseModel):
    """``posts``: the list ``hq stats --json`` prints (by code); ``totals``: their sums."""

    posts: list[PostFigures]
    totals: TotalFigures


def read_figures(console: ConsoleContext) -> list[stats.PostStats]:
    """Every post's figures now (the console's clock and stale threshold)."""
    with console.store.engine.connect() as conn:
        return stats.post_stats(conn, now=console.clock(), stale_hours=console.settings.stale_hours)


def _welfare_key(status: str) -> Callable[[stats.PostStats], int]:
    return lambda f: f.welfare.get(status, 0)


def _priority_key(priority: str) -> Callable[[stats.PostStats], int]:
    return lambda f: f.cases_by_priority.get(priority, 0)


# Sort keys: column name -> key of a post's figures. Text columns sort by code/name; "last_sync" by the
# moment (never synced sorts as oldest).
SORT_KEYS: dict[str, Callable[[stats.PostStats], Any]] = {
    "post": lambda f: f.post,
    "name": lambda f: f.name.casefold(),
    "citizens": lambda f: f.citizens,
    **{f"welfare_{s}": _welfare_key(s) for s in stats.WELFARE},
    "open_cases": lambda f: f.open_cases,
    **{f"priority_{p}": _priority_key(p) for p in stats.PRIORITIES},
    "contacts_24h": lambda f: f.contacts_24h,
    "checkins": lambda f: f.checkins.get("total", 0),
    "last_sync": lambda f: f.last_sync or "",
    "audit_chain": lambda f: f.audit_chain,
}
# The table's welfare columns, in the order the issue names them.
WELFARE_COLUMNS = ("safe", "needs_assistance", "unreachable", "unknown", "evacuated")


def sort_figures(figures: list[stats.PostStats], column: str, direction: str) -> list[stats.PostStats]:
    """``figures`` sorted by ``column`` (unknown: by code), ties by code; ``direction`` asc or desc."""
    key = SORT_KEYS.get(column, SORT_KEYS["post"])
    ordered = sorted(figures, key=lambda f: f.post)
    return sorted(ordered, key=key, reverse=direction == "desc")


def age_text(lang: str, seconds: float | None) -> str:
    """How long ago a post last synced, in the operator's language."""
    if seconds is None:
        return translate(lang, "figures.never_synced")
    minutes = int(seconds // 60)
    if minutes < 60:
        return translate(lang, "figures.age_minutes", minutes=minutes)
    hours = minutes // 60
    if hours < 48:
        return translate(lang, "figures.age_hours", hours=hours, minutes=minutes % 60)
    return translate(lang, "figures.age_days", days=hours // 24, hours=hours % 24)


def welfare_chart(request: Request, lang: str, figures: list[stats.PostStats]) -> Any:
    """Every post's welfare shares, most citizens first (the container scrolls past ~25 rows)."""
    root = base_path(request)
    rows = [
        svg.BarRow(label=f.post, href=f"{root}/posts/{f.post}", counts=f.welfare)
        for f in sorted(figures, key=lambda f: (-f.citizens, f.post))
    ]
    labels = {s: translate(lang, f"figures.welfare_{s}") for s in WELFARE_COLUMNS}
    return svg.stacked_bars(
        rows,
        list(WELFARE_COLUMNS),
        labels,
        title=translate(lang, "figures.chart_welfare"),
        n=lambda value: number(lang, value),
    )


@router.get("/", include_in_schema=False)
def overview(request: Request, session: SignedIn, sort: str = "post", dir: str = "asc") -> Response:
    console = console_of(request)
    lang = language_or_default(session.operator.language)
    figures = read_figures(console)
    column = sort if sort in SORT_KEYS else "post"
    direction = "desc" if dir == "desc" else "asc"
    return page(
        request,
        "overview.html",
        session,
        figures=sort_figures(figures, column, direction),
        total=stats.totals(figures),
        sort=column,
        direction=direction,
        welfare_columns=WELFARE_COLUMNS,
        priorities=stats.PRIORITIES,
        stale_hours=console.settings.stale_hours,
        age=lambda seconds: age_text(lang, seconds),
        chart=welfare_chart(request, lang, figures),
    )


@router.get("/api/overview", response_model=Overview)
def overview_json(request: Request, _session: SignedIn) -> Overview:
    """Every post's figures (the list ``hq stats --json`` prints) and their totals."""
    figures = read_figures(console_of(request))
    return Overview(
        posts=[PostFigures.model_validate(stats.as_json(f)) for f in figures],
        totals=TotalFigures.model_validate(stats.totals_json(stats.totals(figures))),
    )
