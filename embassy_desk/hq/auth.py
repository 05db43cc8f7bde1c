"""Admission of a request to HQ's API: body limits, gzip, versions, signatures, nonces, rate limits.

Each step is a FastAPI dependency, so a handler states what it needs and the order is fixed: the
protocol header first (a client too old to speak today's protocol is told so, not that its signature
is bad), then the client address's budget of refused requests, then the body as sent (size caps,
gzip), then the signature (SECURITY.md promise 18) with the key of a known, unrevoked device and its
nonce (a reused one is refused), then the device's rate limit, and only then the body's JSON and its
model (promise 23: a malformed body is a 4xx naming the field, never a 5xx). Every refusal is an
:class:`ApiError`, which app.py turns into ``ErrorBody``.

Nothing here logs a body, a header value or a key: only codes (promise 16).
"""

import email.message
import logging
import time
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, Protocol, TypeVar

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import Depends, Header, Request
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from starlette.concurrency import run_in_threadpool

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.ratelimit import TokenBuckets, retry_after_header
from embassy_desk.sync import keys as sync_keys
from embassy_desk.sync import signing, wire

log = logging.getLogger("embassy_desk.hq.api")

ModelT = TypeVar("ModelT", bound=BaseModel)

MIB = 1024 * 1024
# Version headers are small whole numbers; the OpenAPI schema gives the same bounds.
MAX_HEADER_INT = 2**31 - 1
# Whole numbers in bodies: 64-bit columns, except the versions (32-bit).
MAX_BODY_INT = 2**63 - 1
SMALL_INT_FIELDS = frozenset({"protocol", "schema_version"})
# Levels of nesting a body may have (PushRequest > entries > [i] > fields > value > ... ).
MAX_DEPTH = 32


@dataclass(frozen=True)
class ApiSettings:
    """Limits of HQ's API. The defaults suit production; tests loosen or tighten them.

    ``max_body``: bytes of a request body after gzip is undone (a gzip bomb stops here, 413);
    ``max_wire_body``: bytes as sent. A push of 5,000 entries is a few megabytes, so 64 MiB leaves
    room without letting one request take the server's memory. ``device_rate``/``device_burst``:
    each device's token bucket (requests per second, bucket size); ``enroll_rate``/``enroll_burst``:
    the same per client address for refused enrollments (not signed: a flood would guess codes);
    ``refusal_rate``/``refusal_burst``: signed requests refused (401/403) per client address, after
    which that address gets 429 until its bucket refills (a flood of forged requests costs HQ a
    database look-up each).
    ``clock``: HQ's wall clock in seconds (tests move it).
    """

    max_body: int = 64 * MIB
    max_wire_body: int = 64 * MIB
    device_rate: float = 20.0
    device_burst: int = 120
    enroll_rate: float = 10 / 60
    enroll_burst: int = 10
    refusal_rate: float = 1.0
    refusal_burst: int = 60
    max_skew: int = wire.MAX_SKEW_SECONDS
    clock: Callable[[], float] = field(default=time.time)


class ApiError(Exception):
    """A refused request: HTTP ``status``, the wire ``code`` (ErrorBody.code) and a coded message."""

    def __init__(
        self, status: int, code: str, message: Msg, *, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(str(message))
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


class DeviceKeys(Protocol):
    """What HQ's store says about a device (store.DeviceInfo satisfies this)."""

    @property
    def post(self) -> str: ...

    @property
    def signing_key(self) -> str: ...

    @property
    def revoked(self) -> bool: ...


class AuthStore(Protocol):
    """The part of HQ's store that admission needs."""

    def device(self, device_id: str) -> DeviceKeys | None: ...

    def remember_nonce(self, device_id: str, nonce: str, created: int) -> bool: ...

    def note_request(self, device_id: str) -> None: ...


@dataclass(frozen=True)
class Body:
    """A request body: ``wire`` as sent (what Content-Digest covers), ``content`` with gzip undone."""

    wire: bytes
    content: bytes


@dataclass(frozen=True)
class SignedDevice:
    """The device a verified request comes from."""

    device_id: str
    post: str


# --- headers (declared so the OpenAPI schema describes them) --------------------------------------

SIGNATURE_DOC = (
    "RFC 9421 HTTP message signature (`sig1=:base64:`), alg ed25519 by the device key enrolled with "
    "HQ. Required: a request without it is refused with 401 `signature_missing`."
)
SIGNATURE_INPUT_DOC = (
    'RFC 9421 signature input: covered components ("@method" "@path" "content-digest") and the '
    "parameters created (UNIX seconds, within 300 s of HQ's clock), nonce (never reused), "
    'keyid (the device id) and alg="ed25519". Required.'
)
CONTENT_DIGEST_DOC = (
    "RFC 9530 digest of the body as sent (after gzip), `sha-256=:base64:`. Required; covered by "
    "the signature."
)
PROTOCOL_DOC = (
    f"The client's sync protocol version (HQ speaks {wire.PROTOCOL_VERSION}; older than "
    f"{wire.MIN_PROTOCOL_VERSION} is refused with 426 `client_too_old`)."
)
SCHEMA_DOC = "The client's database schema version (also in the body as schema_version)."

SignatureHeader = Annotated[str | None, Header(alias="Signature", description=SIGNATURE_DOC)]
SignatureInputHeader = Annotated[str | None, Header(alias="Signature-Input", description=SIGNATURE_INPUT_DOC)]
ContentDigestHeader = Annotated[str | None, Header(alias="Content-Digest", description=CONTENT_DIGEST_DOC)]
ProtocolHeader = Annotated[str | None, Header(alias=wire.PROTOCOL_HEADER, description=PROTOCOL_DOC)]
SchemaHeader = Annotated[str | None, Header(alias=wire.SCHEMA_HEADER, description=SCHEMA_DOC)]


# --- the body ---------------------------------------------------------------------------------------


async def read_body(request: Request, settings: ApiSettings) -> Body:
    """The request's body, read at most once per request, with gzip undone within the size caps."""
    cached = getattr(request.state, "hq_body", None)
    if isinstance(cached, Body):
        return cached
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > settings.max_wire_body:
        raise _too_large(settings.max_wire_body)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > settings.max_wire_body:
            raise _too_large(settings.max_wire_body)
        chunks.append(chunk)
    data = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        if len(data) > settings.max_body:
            raise _too_large(settings.max_body)
        content = data
    elif encoding in ("gzip", "x-gzip"):
        content = gunzip(data, limit=settings.max_body)
    else:
        raise ApiError(415, "unsupported_encoding", Msg("hqapi.bad_encoding", encoding=encoding[:40]))
    body = Body(wire=data, content=content)
    request.state.hq_body = body
    return body


def gunzip(data: bytes, *, limit: int) -> bytes:
    """Undo gzip (one member or several, RFC 1952) without ever holding more than ``limit`` bytes.

    A gzip bomb is refused with 413 as soon as its output passes the limit; anything that is not
    gzip, or is cut short, is 400.
    """
    out: list[bytes] = []
    total = 0
    rest = data
    while True:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            # max_length bounds each step's output, so the memory used never passes limit + 1 byte.
            piece = inflater.decompress(rest, limit + 1 - total)
            while True:
                total += len(piece)
                if total > limit:
                    raise _too_large(limit)
                out.append(piece)
                if inflater.eof or not inflater.unconsumed_tail:
                    break
                piece = inflater.decompress(inflater.unconsumed_tail, limit + 1 - total)
        except zlib.error as exc:
            raise ApiError(400, "malformed", Msg("hqapi.bad_gzip")) from exc
        if not inflater.eof:
            raise ApiError(400, "malformed", Msg("hqapi.bad_gzip"))
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):
            # Trailing zero padding after the last member is tolerated, as gzip(1) does.
            return b"".join(out)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", Msg("hqapi.too_large", max=limit))


def parse_json_object(content: bytes) -> dict[str, Any]:
    """The body as a JSON object (orjson); 400 if it is not JSON or not an object."""
    try:
        value = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "malformed", Msg("hqapi.malformed")) from exc
    if not isinstance(value, dict):
        raise ApiError(400, "malformed", Msg("hqapi.not_an_object"))
    return value


def check_media_type(request: Request) -> None:
    """Bodies are JSON: a body declared as something else is 415 (no Content-Type is accepted)."""
    value = request.headers.get("content-type")
    if not value:
        return
    parsed = email.message.Message()
    parsed["content-type"] = value
    subtype = parsed.get_content_subtype()
    if parsed.get_content_maintype() != "application" or not (subtype == "json" or subtype.endswith("+json")):
        raise ApiError(415, "unsupported_media_type", Msg("hqapi.bad_media_type"))


def validate_model(model: type[ModelT], data: dict[str, Any]) -> ModelT:
    """``data`` as ``model``; 426 for a protocol older than HQ serves, else 422 naming the field."""
    check_shape(data)
    data = integral_floats_as_ints(data)
    check_protocol(data.get("protocol"))
    check_numbers(data)
    try:
        # Strict: the schema says integer, so ``false`` or ``1.0`` is refused, not taken as 0 or 1.
        return model.model_validate(data, strict=True)
    except PydanticValidationError as exc:
        raise validation_refusal(exc.errors(include_input=False, include_url=False)) from exc


def check_shape(data: Any) -> None:
    """422 for what no record holds and the database refuses (a 500 otherwise): a body nested deeper
    than MAX_DEPTH (a record's fields are flat or one level down; deeper would exhaust the recursion
    of the checks below, or of orjson when the store hashes it), or text with a NUL character
    (PostgreSQL's text and jsonb cannot store one). Iterative, so any depth orjson parsed is safe."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            _refuse_shape(path[:MAX_DEPTH], f"is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key and path[:1] != ("entries",):
                    _refuse_shape(path, "has a name with a NUL character")
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, str(index))) for index, item in enumerate(value))
        elif isinstance(value, str) and "\x00" in value and path[:1] != ("entries",):
            # An entry with one is refused alone (app.py: Rejected 422), never the whole batch.
            _refuse_shape(path, "contains a NUL character")


def contains_nul(value: Any) -> bool:
    """Whether any text in ``value`` (a JSON-like value: strings, keys, nested) has a NUL character."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


def _refuse_shape(path: tuple[str, ...], problem: str) -> None:
    where = ".".join(path) or "body"
    raise ApiError(422, "invalid", Msg("hqapi.invalid", field=where, problem=problem))


# Free-form values (a record's fields) are kept exactly as sent: their content is hashed.
_FREE_FORM = frozenset({"fields"})


def integral_floats_as_ints(data: dict[str, Any]) -> dict[str, Any]:
    """``2.0`` as ``2`` outside free-form values: JSON Schema counts it an integer, so the strict
    validation that refuses ``true`` for an integer must take it (JSON has one number type)."""

    def walk(value: Any) -> Any:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: item if key in _FREE_FORM else walk(item) for key, item in value.items()}
        return value

    result: dict[str, Any] = walk(data)
    return result


def check_numbers(value: Any, path: tuple[str, ...] = ()) -> None:
    """422 for a whole number the database cannot hold: a version above 2**31 - 1 (``protocol``,
    ``schema_version``: 32-bit columns) or any other outside 64 bits. The OpenAPI schema states the
    same bounds (app.py); pydantic's own int has none."""
    if isinstance(value, dict):
        for key, item in value.items():
            check_numbers(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_numbers(item, (*path, str(index)))
    elif isinstance(value, int) and not isinstance(value, bool):
        small = bool(path) and path[-1] in SMALL_INT_FIELDS
        low, high = (-(2**31), MAX_HEADER_INT) if small else (-(2**63), MAX_BODY_INT)
        if not low <= value <= high:
            where = ".".join(path) or "body"
            raise ApiError(
                422, "invalid", Msg("hqapi.invalid", field=where, problem=f"is not within {low}..{high}")
            )


def validation_refusal(errors: list[Any]) -> ApiError:
    """A 422 whose message names the first field at fault (``entries.3.hlc: ...``)."""
    first = errors[0] if errors else {"loc": ("body",), "msg": "is not valid"}
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body") or "body"
    problem = str(first.get("msg", "is not valid"))
    message = (
        Msg("hqapi.invalid", field=where, problem=problem)
        if len(errors) <= 1
        else Msg("hqapi.invalid_more", field=where, problem=problem, more=len(errors) - 1)
    )
    return ApiError(422, "invalid", message)


# --- versions ---------------------------------------------------------------------------------------


def check_protocol(value: object) -> None:
    """426 ``client_too_old`` for a whole-number protocol older than HQ serves; other values are left
    to the model (a body) or refused as a bad header by :func:`header_int`."""
    if isinstance(value, int) and not isinstance(value, bool) and value < wire.MIN_PROTOCOL_VERSION:
        raise ApiError(
            426,
            "client_too_old",
            Msg("hqapi.client_too_old", protocol=value, min=wire.MIN_PROTOCOL_VERSION),
        )


def header_int(name: str, value: str | None) -> int | None:
    """A whole-number header (versions); 400 if present and not a whole number 0..2**31-1."""
    if value is None:
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_HEADER_INT:
        raise ApiError(400, "malformed", Msg("hqapi.bad_header", header=name))
    return int(text)


def check_version_headers(protocol: str | None, schema: str | None) -> None:
    """The version headers: well-formed, and a protocol HQ still serves."""
    check_protocol(header_int(wire.PROTOCOL_HEADER, protocol))
    header_int(wire.SCHEMA_HEADER, schema)


# --- signatures ---------------------------------------------------------------------------------------


def public_key(encoded: str) -> Ed25519PublicKey | None:
    """A device's Ed25519 public key from its stored form (raw 32 bytes, base64); None if damaged."""
    try:
        return sync_keys.signing_public_key(encoded)
    except sync_keys.BadKey:
        return None


def verify_signed(
    store: AuthStore,
    settings: ApiSettings,
    *,
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
) -> SignedDevice:
    """Check the RFC 9421 signature and the nonce; the device it comes from, or an ApiError.

    Runs in a worker thread: it reads the store. 401 for a missing or bad signature, a body that does
    not match its digest, clock skew and a reused nonce; 403 for an unknown or revoked device.
    """
    seen: dict[str, DeviceKeys | None] = {}

    def resolve_key(key_id: str) -> Ed25519PublicKey | None:
        info = store.device(key_id)
        seen[key_id] = info
        if info is None or info.revoked:
            return None
        return public_key(info.signing_key)

    now = settings.clock()
    try:
        verified = signing.verify_request(
            method, url, headers, body, resolve_key=resolve_key, now=now, max_skew=settings.max_skew
        )
    except signing.SignatureRefused as exc:
        raise _signature_refusal(exc.code, seen, now, settings) from exc
    info = seen.get(verified.key_id)
    if info is None:
        # verify_request asked another key id than it reports: refuse rather than guess.
        raise ApiError(401, "signature_invalid", Msg("hqapi.signature_invalid"))
    if not store.remember_nonce(verified.key_id, verified.nonce, verified.created):
        raise ApiError(401, "nonce_reused", Msg("hqapi.nonce_reused"))
    return SignedDevice(device_id=verified.key_id, post=info.post)


def _signature_refusal(
    code: str, seen: Mapping[str, DeviceKeys | None], now: float, settings: ApiSettings
) -> ApiError:
    if code == "unknown_key":
        if any(info is not None and info.revoked for info in seen.values()):
            return ApiError(403, "device_revoked", Msg("hqapi.device_revoked"))
        if any(info is not None for info in seen.values()):
            # A known device whose stored key cannot be read: its signatures cannot be checked.
            return ApiError(401, "signature_invalid", Msg("hqapi.signature_invalid"))
        return ApiError(403, "unknown_device", Msg("hqapi.device_unknown"))
    if code == "clock_skew":
        hq_time = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d %H:%M:%S")
        return ApiError(401, "clock_skew", Msg("hqapi.clock_skew", max=settings.max_skew, hq_time=hq_time))
    if code == "signature_missing":
        return ApiError(401, "signature_missing", Msg("hqapi.signature_missing"))
    if code == "digest_mismatch":
        return ApiError(401, "digest_mismatch", Msg("hqapi.digest_mismatch"))
    return ApiError(401, "signature_invalid", Msg("hqapi.signature_invalid"))


# --- the dependencies --------------------------------------------------------------------------------


@dataclass
class Admission:
    """The dependencies of one app: its store, settings and rate limits (made by create_app)."""

    store: AuthStore
    settings: ApiSettings
    device_buckets: TokenBuckets
    enroll_buckets: TokenBuckets
    refusal_buckets: TokenBuckets

    @classmethod
    def build(cls, store: AuthStore, settings: ApiSettings) -> "Admission":
        """Admission for ``store`` with fresh rate-limit buckets."""
        return cls(
            store=store,
            settings=settings,
            device_buckets=TokenBuckets(rate=settings.device_rate, burst=settings.device_burst),
            enroll_buckets=TokenBuckets(rate=settings.enroll_rate, burst=settings.enroll_burst),
            refusal_buckets=TokenBuckets(rate=settings.refusal_rate, burst=settings.refusal_burst),
        )

    def signed_dependency(self) -> Callable[..., Awaitable[SignedDevice]]:
        """The dependency for a signed endpoint: the verified device, or an ApiError."""

        async def signed_device(
            request: Request,
            signature: SignatureHeader = None,
            signature_input: SignatureInputHeader = None,
            content_digest: ContentDigestHeader = None,
            protocol: ProtocolHeader = None,
            schema: SchemaHeader = None,
        ) -> SignedDevice:
            # The header parameters are read from request.headers below (all of them, as signed);
            # naming them here puts them into the OpenAPI schema.
            del signature, signature_input, content_digest
            check_version_headers(protocol, schema)
            address = _client_address(request)
            refused_wait = self.refusal_buckets.wait(address)
            if refused_wait > 0:
                raise _rate_limited(refused_wait)
            body = await read_body(request, self.settings)
            try:
                device = await run_in_threadpool(
                    verify_signed,
                    self.store,
                    self.settings,
                    method=request.method,
                    url=str(request.url),
                    headers=request.headers,
                    body=body.wire,
                )
            except ApiError as exc:
                if exc.status in (401, 403):
                    self.refusal_buckets.take(address)
                raise
            wait = self.device_buckets.take(device.device_id)
            if wait > 0:
                raise _rate_limited(wait)
            await run_in_threadpool(self.store.note_request, device.device_id)
            return device

        return signed_device

    def enroll_limit_dependency(self) -> Callable[..., Awaitable[None]]:
        """The dependency for enrollment: version headers, and a rate limit per client address."""

        async def enroll_admission(
            request: Request,
            protocol: ProtocolHeader = None,
            schema: SchemaHeader = None,
        ) -> None:
            check_version_headers(protocol, schema)
            # Refused enrollments take the tokens (note_enroll_refused): guessing codes is what is
            # limited, so a ministry enrolling many workstations from one address is not held up.
            wait = self.enroll_buckets.wait(_client_address(request))
            if wait > 0:
                raise _rate_limited(wait)

        return enroll_admission

    def note_enroll_refused(self, request: Request) -> None:
        """An enrollment from this request's address was refused: it takes a token."""
        self.enroll_buckets.take(_client_address(request))

    def body_dependency(
        self, model: type[ModelT], *, after: Callable[..., Awaitable[Any]], empty_ok: bool = False
    ) -> Callable[..., Awaitable[ModelT]]:
        """The dependency that parses the body as ``model``, run after ``after`` (admission)."""

        async def parsed_body(request: Request, _admitted: Annotated[Any, Depends(after)]) -> ModelT:
            check_media_type(request)
            body = await read_body(request, self.settings)
            data: dict[str, Any] = (
                {} if empty_ok and not body.content.strip() else parse_json_object(body.content)
            )
            return validate_model(model, data)

        return parsed_body


def _client_address(request: Request) -> str:
    """The client's address (behind a trusted proxy, uvicorn puts X-Forwarded-For's here)."""
    return request.client.host if request.client is not None else "-"


def _rate_limited(wait: float) -> ApiError:
    seconds = retry_after_header(wait)
    return ApiError(
        429,
        "rate_limited",
        Msg("hqapi.rate_limited", seconds=int(seconds)),
        headers={"Retry-After": seconds},
    )
