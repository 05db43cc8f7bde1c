"""Settings of the SMS gateway's inbound webhook (issue 14, ``POST /sms/inbound``).

The shared secret comes from ``$EMBASSY_DESK_SMS_SECRET``, else from the file named by
``$EMBASSY_DESK_SMS_SECRET_FILE``, else from ``sms-secret`` in HQ's folder. Without a secret the
webhook is off (404): nobody can answer for a citizen through an unsigned door.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SECRET_ENV = "EMBASSY_DESK_SMS_SECRET"  # noqa: S105 (a variable's name)
SECRET_FILE_ENV = "EMBASSY_DESK_SMS_SECRET_FILE"  # noqa: S105
SECRET_FILE = "sms-secret"  # noqa: S105
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

    @property
    def enabled(self) -> bool:
        return bool(self.secret)

    @classmethod
    def resolve(
        cls, hq_dir: str | Path | None = None, *, default_region: str = DEFAULT_REGION
    ) -> SmsSettings:
        """From the environment, else the secret file in HQ's folder; off when neither holds one."""
        secret = os.environ.get(SECRET_ENV, "").strip()
        if not secret:
            path = os.environ.get(SECRET_FILE_ENV) or (str(Path(hq_dir) / SECRET_FILE) if hq_dir else "")
            if path and Path(path).is_file():
                secret = Path(path).read_text(encoding="utf-8").strip()
        return cls(secret=secret.encode("utf-8") or None, default_region=default_region)
