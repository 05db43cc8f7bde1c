"""HQ's HTTP API: the FastAPI app the workstations sync with (SYNC.md, issue 11).

``create_app(store, settings=...)`` builds the app over HQ's store (hq/store.py). Endpoints::

    GET  /health        200 {"status": "ok", "protocol": 1}   no authentication
    POST /v1/enroll     EnrollRequest -> EnrollResponse          one-time code, rate-limited per address
    POST /v1/push       PushRequest   -> PushResponse            signed
    POST /v1/pull       PullRequest   -> PullResponse            signed
    POST /v1/summary    {}            -> Summary                 signed

Admission (size caps, gzip, versions, RFC 9421 signatures, nonces, rate limits) is in hq/auth.py as
dependencies; the handlers only call the store, in a worker thread (the store is synchronous). Every
refusal is ``ErrorBody {code, message}`` with a 4xx status; an unexpected failure is a 500 whose log
line names the exception's class and the route, never its text (which may quote data: promise 16).
"""

import logging
import time
from typing import Annotated, Any, Protocol

import orjson
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.hq.auth import (
    MAX_BODY_INT,
    MAX_HEADER_INT,
    SMALL_INT_FIELDS,
    Admission,
    ApiError,
    ApiSettings,
    AuthStore,
    SignedDevice,
    contains_nul,
    validation_refusal,
)
from embassy_desk.hq.console.app import create_console_app
from embassy_desk.hq.console.settings import ConsoleSettings
from embassy_desk.hq.public.app import PublicSettings, public_router
from embassy_desk.hq.public.sms import sms_router
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import wire

__all__ = ["ApiSettings", "HqApiStore", "create_app"]

log = logging.getLogger("embassy_desk.hq.api")
access_log = logging.getLogger("embassy_desk.hq.access")

JSON = "application/json"


class HqApiStore(AuthStore, Protocol):
    """What the API needs of HQ's store (hq/store.py); each call is its own transaction."""

    def enroll(self, req: wire.EnrollRequest) -> wire.EnrollResponse: ...

    def push(self, device_id: str, req: wire.PushRequest) -> wire.PushResponse: ...

    def pull(self, device_id: str, req: wire.PullRequest) -> wire.PullResponse: ...

    def summary(self, device_id: str) -> wire.Summary: ...


class Health(BaseModel):
    """The answer of ``GET /health``: HQ is up, and the protocol it speaks."""

    model_config = ConfigDict(extra="forbid")

    status: str
    protocol: int


class SummaryRequest(BaseModel):
    """The body of ``POST /v1/summary``: ``{}``; the versions may be repeated here as in other bodies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    protocol: int | None = None
    schema_version: int | None = None


def _error(status: int, description: str, *, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {"model": wire.ErrorBody, "description": description}
    if headers:
        response["headers"] = headers
    return response


_RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}
}
_BODY_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error(400, "Malformed: not JSON, not an object, bad gzip or a bad version header (`malformed`)."),
    413: _error(413, "The body is larger than allowed, before or after gzip (`too_large`)."),
    415: _error(
        415, ("Not JSON (`unsupported_media_type`), or an encoding other than gzip (`unsupported_encoding`).")
    ),
    422: _error(422, "A field is not valid; the message names it (`invalid`)."),
    426: _error(426, "The client's protocol is older than HQ serves (`client_too_old`)."),
    429: _error(429, "Too many requests (`rate_limited`); see Retry-After.", headers=_RETRY_AFTER),
}
_SIGNED_ERRORS: dict[int | str, dict[str, Any]] = {
    **_BODY_ERRORS,
    401: _error(
        401,
        "Signature missing or invalid, body not matching Content-Digest, clock more than 300 s from "
        "HQ's (`clock_skew`) or a reused nonce (`nonce_reused`).",
    ),
    403: _error(403, "The device is unknown to HQ (`device_unknown`) or revoked (`device_revoked`)."),
}
_ENROLL_ERRORS: dict[int | str, dict[str, Any]] = {
    **_BODY_ERRORS,
    403: _error(
        403, ("The enrollment code is wrong, expired or used, or the device is refused (`enroll_refused`).")
    ),
}

SECURITY_SCHEME = "httpMessageSignature"
# A raw 32-byte public key (Ed25519, X25519) in standard base64: 43 characters and one "=".
KEY_PATTERN = r"^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$"


def create_app(
    store: HqApiStore,
    *,
    settings: ApiSettings | None = None,
    console: ConsoleSettings | None = None,
    public: PublicSettings | None = None,
    sms: SmsSettings | None = None,
) -> FastAPI:
    """HQ's API over ``store``. ``settings`` sets the limits (defaults: ApiSettings()); the web console
    (``console``: its settings) is mounted at ``/console`` when the store is HQ's database store, and
    so are the public check-in page and SMS webhook (``public``, ``sms``: their settings) for a trial
    on one listener; a deployment serves those on a listener of their own (hq/public/app.py)."""
    settings = settings or ApiSettings()
    admission = Admission.build(store, settings)

    app = FastAPI(
        title="Embassy Desk headquarters",
        version=str(wire.PROTOCOL_VERSION),
        description=(
            "The sync API of Embassy Desk's headquarters (SYNC.md). Bodies are JSON and may be gzip "
            "(`Content-Encoding: gzip`). Every /v1 request except /v1/enroll is signed with RFC 9421 "
            "HTTP Message Signatures (ed25519, covering @method, @path and content-digest) by the "
            "device key enrolled with HQ. Errors are `ErrorBody {code, message}`."
        ),
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.hq_settings = settings
    # One router per resource (STYLE.md 11); admission is shared so rate limits span them.
    app.include_router(_health_router())
    app.include_router(_enroll_router(store, admission))
    app.include_router(_sync_router(store, admission))
    if isinstance(store, HQStore):
        app.mount("/console", create_console_app(store, settings=console, clock=store.clock))
        app.include_router(public_router(store, settings=public))
        app.include_router(sms_router(store, sms or SmsSettings()))

    _install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(AccessLogAndLastResort)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


# --- routers --------------------------------------------------------------------------------------


def _health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", response_model=Health, summary="HQ is up")
    async def health() -> Response:
        return _json(200, {"status": "ok", "protocol": wire.PROTOCOL_VERSION})

    return router


def _enroll_router(store: HqApiStore, admission: Admission) -> APIRouter:
    router = APIRouter(tags=["enrollment"])
    enroll_body = admission.body_dependency(wire.EnrollRequest, after=admission.enroll_limit_dependency())

    @router.post(
        "/v1/enroll",
        response_model=wire.EnrollResponse,
        responses=_ENROLL_ERRORS,
        summary="A device joins a post with a one-time code",
        openapi_extra=_request_body(wire.EnrollRequest),
    )
    async def enroll(request: Request, req: Annotated[wire.EnrollRequest, Depends(enroll_body)]) -> Response:
        try:
            answer = await run_in_threadpool(store.enroll, req)
        except EmbassyDeskError:
            # A wrong, expired or used code (EnrollRefused, 403) or keys that are no keys (422): the
            # address is a step closer to its limit; the refusal itself is _install_error_handlers'.
            admission.note_enroll_refused(request)
            raise
        return _model(answer)

    return router


def _sync_router(store: HqApiStore, admission: Admission) -> APIRouter:
    router = APIRouter(tags=["sync"], responses=_SIGNED_ERRORS)
    signed = admission.signed_dependency()
    push_body = admission.body_dependency(wire.PushRequest, after=signed)
    pull_body = admission.body_dependency(wire.PullRequest, after=signed)
    summary_body = admission.body_dependency(SummaryRequest, after=signed, empty_ok=True)

    @router.post(
        "/v1/push",
        response_model=wire.PushResponse,
        summary="Send a batch of outbox entries",
        openapi_extra=_signed(_request_body(wire.PushRequest)),
    )
    async def push(
        device: Annotated[SignedDevice, Depends(signed)],
        req: Annotated[wire.PushRequest, Depends(push_body)],
    ) -> Response:
        # Text with a NUL character cannot be stored (PostgreSQL) and no record has one: such an
        # entry is rejected on its own, as the store rejects an invalid entry, and the batch goes on.
        unstorable = [entry for entry in req.entries if contains_nul(entry.model_dump(mode="json"))]
        if unstorable:
            req = req.model_copy(update={"entries": [e for e in req.entries if e not in unstorable]})
        answer = await run_in_threadpool(store.push, device.device_id, req)
        if unstorable:
            refused = [
                wire.Rejected(id=e.id, status=422, reason="contains a NUL character") for e in unstorable
            ]
            answer = answer.model_copy(update={"rejected": [*answer.rejected, *refused]})
        return _model(answer)

    @router.post(
        "/v1/pull",
        response_model=wire.PullResponse,
        summary="Fetch the post's entries after a cursor",
        openapi_extra=_signed(_request_body(wire.PullRequest)),
    )
    async def pull(
        device: Annotated[SignedDevice, Depends(signed)],
        req: Annotated[wire.PullRequest, Depends(pull_body)],
    ) -> Response:
        return _model(await run_in_threadpool(store.pull, device.device_id, req))

    @router.post(
        "/v1/summary",
        response_model=wire.Summary,
        summary="Counts and digest of the post's live records",
        openapi_extra=_signed(_request_body(SummaryRequest, required=False)),
    )
    async def summary(
        device: Annotated[SignedDevice, Depends(signed)],
        req: Annotated[SummaryRequest, Depends(summary_body)],
    ) -> Response:
        del req  # checked for shape and protocol; the summary is the device's post's
        return _model(await run_in_threadpool(store.summary, device.device_id))

    return router


# --- responses ------------------------------------------------------------------------------------


def _json(status: int, content: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(content), status_code=status, media_type=JSON, headers=headers)


def _model(model: BaseModel) -> Response:
    return _json(200, model.model_dump(mode="json"))


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    """An ``ErrorBody`` response."""
    return _json(status, wire.ErrorBody(code=code, message=message).model_dump(), headers)


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, str(exc.message), exc.headers)

    async def request_validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        refusal = validation_refusal(list(exc.errors()))
        return error_response(refusal.status, refusal.code, str(refusal.message))

    async def http_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        if status == 404:
            code, message = "not_found", Msg("hqapi.not_found")
        elif status == 405:
            code, message = "method_not_allowed", Msg("hqapi.method_not_allowed")
        elif status == 413:
            code, message = "too_large", Msg("hqapi.http_error", status=status)
        elif status < 500:
            code, message = (
                "malformed" if status == 400 else f"http_{status}",
                Msg("hqapi.http_error", status=status),
            )
        else:
            code, message = "internal", Msg("hqapi.internal")
        return error_response(status, code, str(message), dict(exc.headers or {}))

    async def store_refusal(_request: Request, exc: Exception) -> Response:
        # HQ's store refuses with coded errors that carry their HTTP status and wire code
        # (hq/errors.py: unknown or revoked device, used enrollment code, ...).
        assert isinstance(exc, EmbassyDeskError)
        status = getattr(exc, "http_status", None)
        code = getattr(exc, "wire_code", None)
        if not isinstance(status, int) or not isinstance(code, str):
            status, code = (422, "invalid") if isinstance(exc, ValidationError) else (400, "refused")
        return error_response(status, code, str(exc))

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(EmbassyDeskError, store_refusal)
    app.add_exception_handler(RequestValidationError, request_validation)
    app.add_exception_handler(StarletteHTTPException, http_error)


_LOGGED_PATHS = frozenset(
    {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/summary", "/openapi.json", "/sms/inbound"}
)
# A check-in page's path holds its token: it is logged by its template only.
_CHECKIN_PREFIX = "/c/"


class AccessLogAndLastResort:
    """Outermost of our middleware: one access-log line per request (method, route path, status,
    milliseconds: no query string, header, body or address, promise 16), and a 500 ``ErrorBody`` for
    any exception that escapes, logged by class name only (its text may quote a value)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        method = str(scope.get("method", "-"))[:16]
        # A path HQ does not serve is the client's text: it is logged as "(other)", not echoed.
        raw_path = str(scope.get("path", ""))
        path = raw_path if raw_path in _LOGGED_PATHS else "(other)"
        if raw_path.startswith(_CHECKIN_PREFIX):
            path = "/c/{token}"
        try:
            await self.app(scope, receive, send_noting_status)
        except Exception as exc:
            log.error("HQ API: %s on %s %s", type(exc).__name__, method, path)
            if status == 0:
                response = error_response(500, "internal", str(Msg("hqapi.internal")))
                await response(scope, receive, send_noting_status)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            # "in": the scrubber (logs.scrub) takes "200 15 ms" for a phone number and masks it.
            access_log.info("%s %s %d in %.0f ms", method, path, status, elapsed)


# --- OpenAPI ------------------------------------------------------------------------------------------


def _request_body(model: type[BaseModel], *, required: bool = True) -> dict[str, Any]:
    """An ``openapi_extra`` naming ``model`` as the JSON request body.

    The body is parsed by hq/auth.py after the signature is checked (FastAPI would parse it first),
    so it is described here rather than as a handler parameter; _openapi adds the schemas.
    """
    return {
        "requestBody": {
            # Content-Encoding is not a parameter here: a generated request could not honour it.
            "description": (
                "JSON (orjson on both sides). May be sent gzip-compressed with `Content-Encoding: "
                "gzip`; HQ undoes it before parsing and refuses more than 64 MiB either way (413)."
            ),
            "required": required,
            "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
        },
        "x-request-model": model.__name__,
    }


def _signed(extra: dict[str, Any]) -> dict[str, Any]:
    return {**extra, "security": [{SECURITY_SCHEME: []}]}


_REQUEST_MODELS: tuple[type[BaseModel], ...] = (
    wire.EnrollRequest,
    wire.PushRequest,
    wire.PullRequest,
    SummaryRequest,
)
# Headers that carry the signature: the dependency reads them as optional (a missing one is a 401,
# not a 422), but a request without them is refused, so the schema says they are required.
_REQUIRED_HEADERS = ("Signature", "Signature-Input", "Content-Digest")


def _bound_integers(node: Any, name: str = "") -> None:
    """Give every integer of a request schema the bounds auth.check_numbers enforces."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            small = name in SMALL_INT_FIELDS
            node.setdefault("minimum", -(2**31) if small else -(2**63))
            node.setdefault("maximum", MAX_HEADER_INT if small else MAX_BODY_INT)
        for key, value in node.items():
            # Property schemas are named by their key under "properties"; anything else passes the name on.
            if key == "properties" and isinstance(value, dict):
                for prop, sub in value.items():
                    _bound_integers(sub, prop)
            else:
                _bound_integers(value, name)
    elif isinstance(node, list):
        for item in node:
            _bound_integers(item, name)


NO_NUL = "^[^\\u0000]*$"


def _no_nul(node: Any) -> None:
    """Say in a request schema that text has no NUL character (auth.check_shape refuses it)."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "pattern" not in node:
            node["pattern"] = NO_NUL
        if node.get("type") == "object" and "additionalProperties" in node:
            node.setdefault("propertyNames", {"pattern": NO_NUL})
        for value in node.values():
            _no_nul(value)
    elif isinstance(node, list):
        for item in node:
            _no_nul(item)


def _openapi(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for model in _REQUEST_MODELS:
        definition = model.model_json_schema(ref_template="#/components/schemas/{model}", mode="validation")
        for name, sub in definition.pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        protocol = definition.get("properties", {}).get("protocol")
        if isinstance(protocol, dict):
            # Older protocols are refused with 426: the schema says what HQ accepts.
            protocol["minimum"] = wire.MIN_PROTOCOL_VERSION
        _bound_integers(definition)
        for sub in schemas.values():
            _bound_integers(sub)
        if model is not wire.PushRequest:
            _no_nul(definition)
        if model is wire.EnrollRequest:
            # The store takes raw 32-byte keys in base64 only (a 422 otherwise): say so in the schema.
            for key in ("signing_key", "bundle_key"):
                definition["properties"][key]["pattern"] = KEY_PATTERN
        schemas[model.__name__] = definition
    # Text outside entries may not hold NUL (422); an entry with one is rejected alone (200).
    _no_nul(schemas["PushRequest"]["properties"]["staff"])
    _no_nul(schemas["AuditEntry"])
    # FastAPI lists a validation-error schema of its own; HQ answers 422 with ErrorBody instead.
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    components["securitySchemes"] = {
        SECURITY_SCHEME: {
            "type": "apiKey",
            "in": "header",
            "name": "Signature",
            "description": (
                "RFC 9421 HTTP Message Signatures with ed25519: headers Signature, Signature-Input and "
                "Content-Digest (RFC 9530, sha-256 of the body as sent). Covered components: "
                '"@method", "@path", "content-digest"; parameters created, nonce, keyid (the device '
                'id) and alg="ed25519". created must be within 300 s of HQ\'s clock; a nonce is '
                "accepted once."
            ),
        }
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            operation.pop("x-request-model", None)
            responses = operation.get("responses", {})
            if "422" in responses:
                responses["422"]["content"] = {JSON: {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "header":
                    continue
                name = parameter.get("name")
                if name in _REQUIRED_HEADERS:
                    parameter["required"] = True
                    parameter["schema"] = {"type": "string"}
                elif name == wire.PROTOCOL_HEADER:
                    low = wire.MIN_PROTOCOL_VERSION
                    parameter["schema"] = {"type": "integer", "minimum": low, "maximum": MAX_HEADER_INT}
                elif name == wire.SCHEMA_HEADER:
                    parameter["schema"] = {"type": "integer", "minimum": 0, "maximum": MAX_HEADER_INT}
    app.openapi_schema = schema
    return schema
