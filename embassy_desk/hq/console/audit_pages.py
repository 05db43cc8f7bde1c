"""HQ's audit log page and its JSON twin (the advisories engineer owns this module)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
