"""The workstation's HTTP client for HQ's sync API (SYNC.md "Push and pull", promise 18).

Every ``/v1`` request except enrollment is signed with the device's Ed25519 key
(:func:`embassy_desk.sync.signing.sign_request`, RFC 9421) and carries the protocol and schema
versions in its body and headers. Request bodies are JSON (orjson), gzip-compressed; the
``Content-Digest`` covers the bytes as sent (RFC 9530: the content, after content coding).

What can go wrong is said in one plain sentence, never a traceback:

* :class:`SyncUnreachable` (exit 8): no connection, a timeout, a cut line, HQ busy or failing (5xx,
  429): nothing was lost, the sync can simply be run again.
* :class:`SyncRefused` (exit 9): HQ answered and said no: revoked or unknown device, a bad enrollment
  code, a clock more than 5 minutes off, a client too old, a refused signature.

Nothing here logs a body, a header value or an address with credentials (promise 16).
"""

from __future__ import annotations

import functools
import gzip
import logging
import os
import ssl
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import BaseModel, ValidationError

from embassy_desk import __version__
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg
from embassy_desk.sync.wire import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SCHEMA_HEADER,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Summary,
)

log = logging.getLogger("embassy_desk")

# Bodies smaller than this go uncompressed: gzip would only add bytes.
_GZIP_FROM = 512
# Seconds: connecting is quick or HQ is not there; a large pull may take a while to answer.
_TIMEOUT = httpx.Timeout(60.0, connect=10.0)

_Model = TypeVar("_Model", bound=BaseModel)


class SyncUnreachable(EmbassyDeskError):
    """HQ could not be reached or did not answer usefully; running the sync again is safe."""

    exit_code = 8


class SyncRefused(EmbassyDeskError):
    """HQ answered and refused: revoked or unknown device, clock skew, client too old, bad code."""

    exit_code = 9


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The certificates HQ's TLS certificate is checked against: ``SSL_CERT_FILE`` or ``SSL_CERT_DIR``
    (a ministry's own CA), else the public ones (certifi). Made once per process: loading the bundle
    takes a noticeable part of a short sync."""
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def schema_version() -> int:
    """The schema version of the entries this workstation writes."""
    # Imported late: storage pulls in SQLAlchemy, which a bare client (tests, HQ tools) need not load.
    from embassy_desk.storage.changelog import SCHEMA_VERSION

    return int(SCHEMA_VERSION)


def normalize_url(url: str) -> str:
    """HQ's base address without a trailing slash; refuses what is not an http(s) address."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SyncRefused(Msg("sync.bad_url", url=text))
    if parts.username or parts.password:
        # Credentials in an address end up in logs and status lines; HQ does not use them.
        raise SyncRefused(Msg("sync.bad_url", url=f"{parts.scheme}://{parts.hostname}"))
    return text.rstrip("/")


class HqClient:
    """One conversation with HQ. Use as a context manager (it keeps one connection pool).

    ``device_id`` and ``signing_key`` are needed for every call except :meth:`health` and
    :meth:`enroll`. ``transport`` lets a test put an in-process transport in place of the network.
    """

    def __init__(
        self,
        base_url: str,
        *,
        device_id: str = "",
        signing_key: Ed25519PrivateKey | None = None,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = normalize_url(base_url)
        self.device_id = device_id
        self._key = signing_key
        self._clock = clock
        self._http = httpx.Client(
            timeout=_TIMEOUT if timeout is None else timeout,
            transport=transport,
            headers={"User-Agent": f"embassy-desk/{__version__}"},
            # A redirect would move a signed request to another path: refuse it instead.
            follow_redirects=False,
            # No proxy or netrc settings from the environment: HQ's address is the one enrolled.
            trust_env=False,
            verify=_tls_context(),
        )

    def __enter__(self) -> HqClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    # The API -----------------------------------------------------------------------------------

    def health(self, timeout: float = 3.0) -> bool:
        """Whether HQ answers ``GET /health`` with 200 within ``timeout`` seconds."""
        try:
            answer = self._http.get(f"{self.base_url}/health", timeout=timeout)
        except httpx.HTTPError:
            return False
        return answer.status_code == 200

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        """Register this device's public keys with a one-time code (unsigned: the code is the
        credential)."""
        return self._call("/v1/enroll", request, EnrollResponse, signed=False)

    def push(self, request: PushRequest) -> PushResponse:
        """Send one batch of outbox entries (and audit entries); HQ acknowledges ``through``."""
        return self._call("/v1/push", request, PushResponse)

    def pull(self, request: PullRequest) -> PullResponse:
        """Fetch the post's entries after ``request.cursor``."""
        return self._call("/v1/pull", request, PullResponse)

    def summary(self) -> Summary:
        """HQ's per-entity counts and digest of the post's live records."""
        return self._call("/v1/summary", None, Summary)

    # Plumbing ----------------------------------------------------------------------------------

    def _call(
        self, path: str, body: BaseModel | None, answer: type[_Model], *, signed: bool = True
    ) -> _Model:
        raw = orjson.dumps(body.model_dump(mode="json") if body is not None else {})
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            SCHEMA_HEADER: str(schema_version()),
        }
        if len(raw) >= _GZIP_FROM:
            raw = gzip.compress(raw, compresslevel=6)
            headers["Content-Encoding"] = "gzip"
        url = f"{self.base_url}{path}"
        if signed:
            headers.update(self._signature(url, headers, raw))
        try:
            response = self._http.post(url, content=raw, headers=headers)
        except httpx.TimeoutException as exc:
            raise SyncUnreachable(Msg("sync.timeout", url=self.base_url)) from exc
        except httpx.HTTPError as exc:
            # Connection refused, reset, cut in the middle, DNS: the kind says enough.
            raise SyncUnreachable(
                Msg("sync.unreachable", url=self.base_url, reason=_network_reason(exc))
            ) from exc
        if response.status_code != 200:
            raise _refusal(self.base_url, path, response)
        try:
            return answer.model_validate(orjson.loads(response.content))
        except (orjson.JSONDecodeError, ValidationError) as exc:
            # Not HQ (a captive portal, a proxy's page) or a cut that left a truncated body.
            raise SyncUnreachable(Msg("sync.bad_answer", url=self.base_url)) from exc

    def _signature(self, url: str, headers: dict[str, str], body: bytes) -> dict[str, str]:
        if self._key is None or not self.device_id:
            raise SyncRefused(Msg("sync.not_enrolled"))
        # Imported late so that the CLI's other commands do not load the signature library.
        from embassy_desk.sync.signing import sign_request

        return sign_request(
            "POST",
            url,
            headers,
            body,
            key_id=self.device_id,
            private_key=self._key,
            now=self._clock(),
        )


def _network_reason(exc: httpx.HTTPError) -> Msg:
    if isinstance(exc, httpx.ConnectError):
        return Msg("sync.reason_connect")
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return Msg("sync.reason_cut")
    return Msg("sync.reason_network")


def _error_body(response: httpx.Response) -> ErrorBody | None:
    try:
        return ErrorBody.model_validate(orjson.loads(response.content))
    except (orjson.JSONDecodeError, ValidationError):
        pass
    # FastAPI's own answers ({"detail": ...}) name no code; keep the status alone.
    return None


def _refusal(url: str, path: str, response: httpx.Response) -> EmbassyDeskError:
    """The error a non-200 answer means, as one plain sentence."""
    status = response.status_code
    body = _error_body(response)
    code = body.code if body is not None else ""
    log.info("HQ answered %s to %s (%s)", status, path, code or "no code")
    if status == 429:
        return SyncUnreachable(Msg("sync.rate_limited"))
    if status >= 500 or status in (404, 405, 408):
        # 404/405: not HQ's API at this address (or an old HQ behind a proxy); retrying may help.
        return SyncUnreachable(Msg("sync.hq_error", url=url, status=status))
    if status == 426 or code == "client_too_old":
        return SyncRefused(Msg("sync.too_old"))
    if code == "clock_skew":
        return SyncRefused(Msg("sync.clock_skew"))
    if code == "nonce_reused":
        # Never expected (every request has a fresh nonce); a replayed request is harmless to retry.
        return SyncUnreachable(Msg("sync.nonce_reused"))
    if path == "/v1/enroll" and status in (401, 403, 404, 409, 410):
        return SyncRefused(Msg("sync.bad_code"))
    if status == 403 or code in ("revoked", "device_revoked", "unknown_device", "unknown_key"):
        if "revoked" in code:
            return SyncRefused(Msg("sync.revoked"))
        if "unknown" in code:
            return SyncRefused(Msg("sync.unknown_device"))
        return SyncRefused(Msg("sync.forbidden"))
    if status == 401:
        return SyncRefused(Msg("sync.signature", code=code or str(status)))
    return SyncRefused(Msg("sync.refused", status=status, code=code or "-"))
