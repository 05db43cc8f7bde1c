"""The SMS gateway's inbound webhook (issue 14): ``POST /sms/inbound``.

Skeleton: the route exists and answers 404 (webhook off) until the handler lands.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.store import HQStore

__all__ = ["SmsSettings", "sms_router"]

PATH = "/sms/inbound"


def sms_router(store: HQStore, settings: SmsSettings | None = None) -> APIRouter:
    """The webhook's router over HQ's store; off (404) when ``settings`` holds no secret."""
    del store
    settings = settings or SmsSettings()
    router = APIRouter(tags=["sms"])

    @router.post(PATH, include_in_schema=False)
    async def inbound() -> Response:
        return Response(status_code=404)

    return router
