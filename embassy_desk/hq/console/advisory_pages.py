"""The advisories page: write an advisory or pick a notice template version, choose posts, publish,
and see which workstations have received each publication (the advisories engineer owns this module)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
