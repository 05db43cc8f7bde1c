"""Settings of the public check-in page (issue 14): the form key, rate limits and body bounds.

Defaults are the documented ones (docs/checkin-page.md); ``PublicSettings.from_env`` lets an
operator (or the load benchmark) change them through the environment of ``hq serve`` /
``hq serve-public``:

* ``EMBASSY_DESK_PUBLIC_SECRET``: the key that signs the forms' hidden ``csrf`` field. Without it a
  random key is made per process: a restart only costs a citizen one more tap. Set it when several
  ``hq serve-public`` processes sit behind one load balancer, so a form from one is taken by another.
* ``EMBASSY_DESK_PUBLIC_ADDRESS_RATE`` / ``_ADDRESS_BURST``: requests per second (and burst) one
  client address may make. A mobile carrier puts thousands of phones behind one address (carrier
  NAT), so the default is generous; it guards the database against a flood, not against guessing
  (a 128-bit token cannot be guessed).
* ``EMBASSY_DESK_PUBLIC_TOKEN_RATE`` / ``_TOKEN_BURST``: requests per second (and burst) on one link.
* ``EMBASSY_DESK_PUBLIC_REGION``: the country a callback or new number without ``+`` is read in.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

SECRET_ENV = "EMBASSY_DESK_PUBLIC_SECRET"  # noqa: S105 (a variable's name)
ADDRESS_RATE_ENV = "EMBASSY_DESK_PUBLIC_ADDRESS_RATE"
ADDRESS_BURST_ENV = "EMBASSY_DESK_PUBLIC_ADDRESS_BURST"
TOKEN_RATE_ENV = "EMBASSY_DESK_PUBLIC_TOKEN_RATE"  # noqa: S105
TOKEN_BURST_ENV = "EMBASSY_DESK_PUBLIC_TOKEN_BURST"  # noqa: S105
REGION_ENV = "EMBASSY_DESK_PUBLIC_REGION"


@dataclass(frozen=True)
class PublicSettings:
    """How the public listener treats requests.

    ``address_rate``/``address_burst``: 50 requests a second per client address, 500 at once: a
    carrier NAT address shared by a city's phones, each opening the page and answering once, stays
    well under it. ``token_rate``/``token_burst``: one link may be opened or answered 20 times at
    once and then once every 10 seconds: a person reloading and changing their mind never meets it.
    ``csrf_max_age``: how long a page's form stays valid (seconds). ``max_body``: the largest form
    taken (bytes; the longest real one is 500 characters of text and two numbers).
    """

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    csrf_max_age: int = 12 * 3600
    address_rate: float = 50.0
    address_burst: int = 500
    token_rate: float = 0.1
    token_burst: int = 20
    max_body: int = 8 * 1024
    max_message: int = 500
    # Page lookups and answers running at once; more wait their turn. Within HQ's database pool
    # (hq/database.py: 5 kept), so none opens a connection of its own.
    db_workers: int = 4
    default_region: str = "KR"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> PublicSettings:
        """The defaults, changed by the ``EMBASSY_DESK_PUBLIC_*`` variables that are set (module
        docstring); ValidationError names a variable that holds no positive number."""
        env = dict(os.environ) if environ is None else environ
        values: dict[str, object] = {}
        secret = env.get(SECRET_ENV, "").strip()
        if secret:
            values["secret"] = secret.encode("utf-8")
        for name, key, kind in (
            (ADDRESS_RATE_ENV, "address_rate", float),
            (ADDRESS_BURST_ENV, "address_burst", int),
            (TOKEN_RATE_ENV, "token_rate", float),
            (TOKEN_BURST_ENV, "token_burst", int),
        ):
            text = env.get(name, "").strip()
            if not text:
                continue
            try:
                number = kind(text)
            except ValueError:
                number = 0
            if not number > 0 or number == float("inf"):
                raise ValidationError(name, Msg("hqcheckin.bad_setting", name=name, value=text))
            values[key] = number
        region = env.get(REGION_ENV, "").strip().upper()
        if region:
            values["default_region"] = region
        return cls(**values)  # type: ignore[arg-type]
