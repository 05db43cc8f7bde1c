"""Settings of the SMS gateway's inbound webhook (issue 14, ``POST /sms/inbound``).

The shared secret comes from ``$EMBASSY_DESK_SMS_SECRET``, else from the file named by
``$EMBASSY_DESK_SMS_SECRET_FILE``, else from ``sms-secret`` in HQ's folder. Without a secret the
webhook is off (404): nobody can answer for a citizen through an unsigned door. A secret shorter
than MIN_SECRET characters is refused (HQNotReady) rather than trusted. ``$EMBASSY_DESK_SMS_REGION``,
else the page's ``$EMBASSY_DESK_PUBLIC_REGION`` (ISO code, default KR), is the country in which a
sender number without "+" is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.errors import HQNotReady

SECRET_ENV = "EMBASSY_DESK_SMS_SECRET"  # noqa: S105 - the name of a variable, not a secret
SECRET_FILE_ENV = "EMBASSY_DESK_SMS_SECRET_FILE"  # noqa: S105 - a variable name
SECRET_FILE = "sms-secret"  # noqa: S105 - a file name
REGION_ENV = "EMBASSY_DESK_SMS_REGION"
# The public page's setting for the same thing (hq/public/settings.py): one answer serves both.
PAGE_REGION_ENV = "EMBASSY_DESK_PUBLIC_REGION"
MIN_SECRET = 16
# A signed delivery older or newer than this (seconds) is refused as a possible replay.
MAX_SKEW_SECONDS = 300
# The region a gateway's number without "+" is read in (the host country: Korea for the demo).
DEFAULT_REGION = "KR"


@dataclass(frozen=True)
class SmsSettings:
    """The webhook's secret (None: webhook off), clock tolerance and the region of national numbers."""

    secret: bytes | None = None
    max_skew: int = MAX_SKEW_SECONDS
    default_region: str = DEFAULT_REGION

    def __post_init__(self) -> None:
        if self.default_region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"unknown phone region {self.default_region!r}")

    @property
    def enabled(self) -> bool:
        """Whether the webhook answers at all (a secret is configured)."""
        return bool(self.secret)

    @classmethod
    def resolve(cls, hq_dir: str | Path | None = None) -> SmsSettings:
        """From the environment, else the secret file in HQ's folder; off when neither holds one.
        HQNotReady for a secret that is too short or a region libphonenumber does not know."""
        secret = os.environ.get(SECRET_ENV, "").strip()
        if not secret:
            named = os.environ.get(SECRET_FILE_ENV)
            path = Path(named) if named else (Path(hq_dir) / SECRET_FILE if hq_dir else None)
            if path is not None and path.is_file():
                secret = path.read_text(encoding="utf-8").strip()
        if secret and len(secret) < MIN_SECRET:
            raise HQNotReady(Msg("hqcheckin.sms_secret_short", min=MIN_SECRET, env=SECRET_ENV))
        region = (
            os.environ.get(REGION_ENV, "").strip().upper()
            or os.environ.get(PAGE_REGION_ENV, "").strip().upper()
            or DEFAULT_REGION
        )
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise HQNotReady(Msg("hqcheckin.sms_region", region=region, env=REGION_ENV))
        return cls(secret=secret.encode("utf-8") or None, default_region=region)
