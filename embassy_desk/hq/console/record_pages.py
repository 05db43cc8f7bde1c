"""One citizen's record, for admins only, every view audited at HQ (the advisories engineer
owns this module)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
