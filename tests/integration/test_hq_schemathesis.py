"""schemathesis against HQ's own OpenAPI schema (issue 11, Proof): no request, well-formed or not,
signed or not, gets a 5xx; every malformed or unsigned request is answered 4xx with an ErrorBody; every
answer matches the schema (status codes, bodies, headers).

Two runs over a real HQ store, on SQLite and on PostgreSQL:
``test_unsigned_requests`` sends what schemathesis generates as it is (positive and negative data,
missing headers, wrong methods), so every /v1 call but enrollment must be refused 401 (or 4xx before
that); ``test_signed_requests`` signs each generated request with an enrolled device's key (RFC 9421,
as the sync client does), so the generated bodies reach the model and the store.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import missing_required_header, negative_data_rejection

from embassy_desk.hq.app import create_app
from embassy_desk.hq.auth import ApiSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import signing, wire
from tests.integration.test_hq_api import BASE, Device, enroll, hq_store

# Rate limits high enough that schemathesis' volume is not refused (429 is tested elsewhere).
LOOSE = ApiSettings(device_burst=1_000_000, enroll_burst=1_000_000, refusal_burst=1_000_000)
_SIGNATURE_HEADERS = {"signature", "signature-input", "content-digest"}


class LateStore:
    """HQ's real store, opened by the module's fixture after collection: the app (and so its OpenAPI
    schema, which schemathesis reads when the module is imported) exists before any database."""

    def __init__(self) -> None:
        self.store: HQStore | None = None

    def __getattr__(self, name: str) -> Any:
        assert self.store is not None, "the hq fixture opens the store"
        return getattr(self.store, name)


LATE = LateStore()
APP = create_app(LATE, settings=LOOSE)  # type: ignore[arg-type]
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
# HQ's refusals beyond schemathesis' default list, all documented in the schema: 413 (too large) and
# 426 (client too old: the schema's minimum protocol is what a too-old client breaks).
_REFUSALS = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "426", "429"]
schema.config.checks.negative_data_rejection.expected_statuses = _REFUSALS
schema.config.checks.missing_required_header.expected_statuses = _REFUSALS


@pytest.fixture(scope="module", autouse=True, params=["sqlite", "postgresql"])
def hq(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Device]:
    """Open a real HQ store behind the app and enroll one device; the device."""
    with hq_store(request.param, Path(tmp_path_factory.mktemp("hq")) / "hq") as store:
        LATE.store = store
        try:
            with TestClient(APP, base_url=BASE) as client:
                yield enroll(client, store)
        finally:
            LATE.store = None


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_unsigned_requests(case: Any) -> None:
    response = case.call_and_validate()
    assert response.status_code < 500, response.text
    if case.path != "/health":
        assert response.status_code >= 400 or case.path == "/v1/enroll", response.text
    if response.status_code >= 400:
        wire.ErrorBody.model_validate(response.json())


def _body_bytes(case: Any) -> bytes:
    """The generated body as JSON bytes (orjson, or json for what orjson refuses, e.g. huge ints)."""
    body = case.body
    if type(body).__name__ == "NotSet":  # no body at all; None is JSON null
        return b""
    if isinstance(body, bytes):
        return body
    try:
        return orjson.dumps(body)
    except TypeError:
        return json.dumps(body).encode()


def _ascii(value: Any) -> bool:
    try:
        str(value).encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


@schema.include(path_regex=r"^/v1/(push|pull|summary)$").parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_signed_requests(case: Any, hq: Device) -> None:
    device = hq
    body = _body_bytes(case)
    headers = {
        name: str(value)
        for name, value in (case.headers or {}).items()
        if name.lower() not in _SIGNATURE_HEADERS and _ascii(value)
    }
    # The client's own framing: JSON, and the body as sent (gzip only if the case asks for it).
    headers.setdefault("Content-Type", case.media_type or "application/json")
    if headers.get("Content-Encoding", "").lower() == "gzip":
        headers.pop("Content-Encoding")
    headers |= signing.sign_request(
        case.method,
        BASE + case.formatted_path,
        headers,
        body,
        key_id=device.device_id,
        private_key=device.key,
    )
    with TestClient(APP, base_url=BASE, raise_server_exceptions=False) as client:
        response = client.request(case.method, case.formatted_path, content=body, headers=headers)
    assert response.status_code < 500, response.text
    assert response.status_code not in (401, 403), response.text  # the signature is good
    if response.status_code >= 400:
        wire.ErrorBody.model_validate(response.json())
    # This test signs every request, so a case "without" a signature header is sent with one: the
    # unsigned test above is where missing signature headers are checked.
    excluded = [missing_required_header]
    meta = case.meta
    if meta is not None and not meta.is_negative_at(ParameterLocation.BODY):
        # Only headers were made invalid (an unknown header, a version header left out): HTTP lets
        # a server ignore those, and this test re-frames the headers to sign them anyway.
        excluded.append(negative_data_rejection)
    case.validate_response(response, headers=headers, excluded_checks=excluded)
