"""The overview: every post's figures in one sortable table, with totals and a welfare chart, and its
JSON twin ``GET /api/overview`` (the figures engineer owns this module).

GROUNDWORK: a placeholder page so the other parts can be built and signed in to."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from embassy_desk.hq.console.deps import SignedIn
from embassy_desk.hq.console.render import page

router = APIRouter()


@router.get("/", include_in_schema=False)
async def overview(request: Request, session: SignedIn) -> Response:
    return page(request, "overview.html", session)
