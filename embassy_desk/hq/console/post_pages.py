"""A post's page: figures over time, devices (enroll code, revoke) and campaigns' progress, and
their JSON twins (the figures engineer owns this module)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
