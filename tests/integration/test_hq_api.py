"""HQ's HTTP API (hq/app.py, hq/auth.py) driven through httpx against a real store on SQLite and on
PostgreSQL: enrollment, signed push/pull/summary, and every way a request is refused (promises 16, 18,
23): 401 for a missing or bad signature, clock skew or a reused nonce, 403 for an unknown or revoked
device, 426 for an old client, 429 with Retry-After, 400/413/415/422 for bodies, never a 5xx.

PostgreSQL runs at 127.0.0.1:5432 (trust auth, user postgres); each test makes a database with a
random name and drops it. With CI=true PostgreSQL must be there; otherwise its cases skip.
"""

import gzip
import json
import logging
import os
import secrets
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from psycopg import sql

from embassy_desk.hq.app import create_app
from embassy_desk.hq.auth import ApiError, ApiSettings, gunzip
from embassy_desk.hq.database import make_engine, sqlite_url, upgrade
from embassy_desk.hq.keys import create_keys
from embassy_desk.hq.ratelimit import TokenBuckets
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import keys as sync_keys
from embassy_desk.sync import signing, wire

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
POST = "KZ-SEL"
BASE = "http://hq.test"
MARKER = "ZZMARKERSURNAME"


# --- a real HQ ---------------------------------------------------------------------------------------


def postgres_reachable() -> bool:
    """Whether the test PostgreSQL answers."""
    try:
        with psycopg.connect(PG_DSN):
            return True
    except psycopg.Error:
        return False


@contextmanager
def hq_database(kind: str) -> Iterator[str]:
    """A fresh, empty HQ database URL of ``kind`` ("sqlite" or "postgresql"), dropped afterwards."""
    if kind == "sqlite":
        folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"hq-api-{uuid.uuid4().hex}"
        folder.mkdir()
        try:
            yield sqlite_url(folder / "hq.sqlite3")
        finally:
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
        return
    if not postgres_reachable():
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is not reachable, and CI=true needs it")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    name = f"hq_api_{secrets.token_hex(6)}"
    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_DSN, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def hq_store(kind: str, hq_dir: Path) -> Iterator[HQStore]:
    """HQ's real store on a fresh database of ``kind``, with HQ's keys in ``hq_dir`` and one post."""
    with hq_database(kind) as url:
        keys, _ = create_keys(hq_dir)
        engine = make_engine(url)
        upgrade(engine)
        store = HQStore(engine, keys)
        store.add_post(POST, "Embassy of Kazakhstan in Seoul")
        try:
            yield store
        finally:
            store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[HQStore]:
    with hq_store(request.param, tmp_path / "hq") as real:
        yield real


def client_for(store: HQStore, **limits: Any) -> TestClient:
    """A TestClient (httpx) over the app on ``store``; ``limits`` override ApiSettings."""
    app = create_app(store, settings=ApiSettings(**limits))
    return TestClient(app, base_url=BASE, raise_server_exceptions=False)


@pytest.fixture
def client(store: HQStore) -> Iterator[TestClient]:
    with client_for(store) as test_client:
        yield test_client


# --- a device ----------------------------------------------------------------------------------------


@dataclass
class Device:
    """An enrolled device: its id and private signing key."""

    device_id: str
    key: Ed25519PrivateKey


def enroll_body(store: HQStore, *, code: str | None = None, device_id: str | None = None) -> dict[str, Any]:
    """An EnrollRequest body with a fresh code and fresh keys."""
    return {
        "protocol": wire.PROTOCOL_VERSION,
        "schema_version": 8,
        "code": code or store.new_enroll_code(POST)[0],
        "device_id": device_id or str(uuid.uuid4()),
        "device_name": "desk-1",
        "signing_key": sync_keys.public_b64(sync_keys.new_signing_key()),
        "bundle_key": sync_keys.public_b64(sync_keys.new_bundle_key()),
        "app_version": "test",
    }


def enroll(client: TestClient, store: HQStore) -> Device:
    """Enroll a new device through the API."""
    key = sync_keys.new_signing_key()
    body = enroll_body(store) | {"signing_key": sync_keys.public_b64(key)}
    answer = client.post("/v1/enroll", json=body)
    assert answer.status_code == 200, answer.text
    assert wire.EnrollResponse.model_validate(answer.json()).post == POST
    return Device(body["device_id"], key)


def signed(
    client: TestClient,
    path: str,
    payload: dict[str, Any] | bytes,
    device: Device,
    *,
    compress: bool = False,
    now: float | None = None,
    extra: dict[str, str] | None = None,
    key: Ed25519PrivateKey | None = None,
) -> Any:
    """POST ``payload`` to ``path`` signed by ``device`` (as the sync client does)."""
    body = payload if isinstance(payload, bytes) else orjson.dumps(payload)
    headers = {
        "Content-Type": "application/json",
        wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
        wire.SCHEMA_HEADER: "8",
    }
    if compress:
        body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    headers |= extra or {}
    headers |= signing.sign_request(
        "POST", BASE + path, headers, body, key_id=device.device_id, private_key=key or device.key, now=now
    )
    return client.post(path, content=body, headers=headers)


def entry(
    record_id: str, *, surname: str = MARKER, hlc_ms: int | None = None, device: str = "d1"
) -> dict[str, Any]:
    """A citizen-create entry as a workstation's outbox holds it."""
    ms = hlc_ms or int(time.time() * 1000)
    return {
        "id": str(uuid.uuid4()),
        "entity": "citizen",
        "record_id": record_id,
        "op": "create",
        "fields": {"surname": surname, "given_names": "AIGERIM", "status": "present"},
        "hlc": f"{ms:013d}-00000-{device}",
        "staff": "staff-1",
        "schema_version": 8,
    }


def push_body(entries: list[dict[str, Any]], through: int = 1) -> dict[str, Any]:
    return {"protocol": wire.PROTOCOL_VERSION, "schema_version": 8, "entries": entries, "through": through}


def pull_body(cursor: int = 0, limit: int = 800) -> dict[str, Any]:
    return {"protocol": wire.PROTOCOL_VERSION, "schema_version": 8, "cursor": cursor, "limit": limit}


def error(answer: Any, status: int, code: str) -> str:
    """Assert ``answer`` is an ErrorBody with ``status`` and ``code``; its message."""
    assert answer.status_code == status, (answer.status_code, answer.text)
    body = wire.ErrorBody.model_validate(answer.json())
    assert body.code == code, body
    assert body.message
    return body.message


# --- the happy path ----------------------------------------------------------------------------------


def test_health_answers_without_authentication(client: TestClient) -> None:
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "protocol": wire.PROTOCOL_VERSION}


def test_enrolled_device_pushes_pulls_and_checks_the_summary(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    records = [str(uuid.uuid4()) for _ in range(3)]
    pushed = signed(
        client, "/v1/push", push_body([entry(r) for r in records], through=3), device, compress=True
    )
    assert pushed.status_code == 200, pushed.text
    response = wire.PushResponse.model_validate(pushed.json())
    assert (response.accepted, response.duplicates, response.rejected, response.through) == (3, 0, [], 3)

    pulled = wire.PullResponse.model_validate(signed(client, "/v1/pull", pull_body(0), device).json())
    assert [e.record_id for e in pulled.entries] == records  # seq order = push order
    assert [e.seq for e in pulled.entries] == [1, 2, 3]
    assert {e.device for e in pulled.entries} == {device.device_id}
    assert (pulled.cursor, pulled.more) == (3, False)
    paged = wire.PullResponse.model_validate(signed(client, "/v1/pull", pull_body(1, limit=1), device).json())
    assert ([e.seq for e in paged.entries], paged.more) == ([2], True)

    summary = wire.Summary.model_validate(signed(client, "/v1/summary", {}, device).json())
    assert summary.counts.get("citizen") == 3
    assert summary.cursor == 3
    empty_body = signed(client, "/v1/summary", b"", device)
    assert empty_body.status_code == 200, empty_body.text


def test_same_entry_twice_is_a_duplicate_and_other_content_is_a_409(
    client: TestClient, store: HQStore
) -> None:
    device = enroll(client, store)
    first = entry(str(uuid.uuid4()))
    assert signed(client, "/v1/push", push_body([first]), device).json()["accepted"] == 1
    again = wire.PushResponse.model_validate(signed(client, "/v1/push", push_body([first]), device).json())
    assert (again.accepted, again.duplicates, again.rejected) == (0, 1, [])
    altered = first | {"fields": {**first["fields"], "given_names": "OTHER"}}
    answer = wire.PushResponse.model_validate(signed(client, "/v1/push", push_body([altered]), device).json())
    assert [(r.id, r.status) for r in answer.rejected] == [(first["id"], 409)]


def test_large_pull_answers_gzip_when_asked(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    signed(client, "/v1/push", push_body([entry(str(uuid.uuid4())) for _ in range(40)], through=40), device)
    answer = signed(client, "/v1/pull", pull_body(0), device, extra={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200
    assert answer.headers.get("content-encoding") == "gzip"
    assert len(answer.json()["entries"]) == 40


# --- enrollment --------------------------------------------------------------------------------------


def test_an_enrollment_code_works_once_and_a_wrong_one_is_403(client: TestClient, store: HQStore) -> None:
    code = store.new_enroll_code(POST)[0]
    assert client.post("/v1/enroll", json=enroll_body(store, code=code)).status_code == 200
    error(client.post("/v1/enroll", json=enroll_body(store, code=code)), 403, "enroll_refused")
    error(client.post("/v1/enroll", json=enroll_body(store, code="WRONG-CODE-123")), 403, "enroll_refused")


def test_enrollment_with_keys_that_are_no_keys_is_422(client: TestClient, store: HQStore) -> None:
    body = enroll_body(store) | {"signing_key": "bm90IGEga2V5"}
    error(client.post("/v1/enroll", json=body), 422, "invalid")


def test_refused_enrollments_are_rate_limited_per_client_address(store: HQStore) -> None:
    with client_for(store, enroll_burst=3, enroll_rate=0.01) as limited:
        for _ in range(5):  # enrollments that succeed do not count
            enroll(limited, store)
        answers = [
            limited.post("/v1/enroll", json=enroll_body(store, code="WRONG-CODE-123")) for _ in range(4)
        ]
    assert [a.status_code for a in answers] == [403, 403, 403, 429]
    error(answers[-1], 429, "rate_limited")
    assert int(answers[-1].headers["Retry-After"]) >= 1


# --- signatures (promise 18) -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/v1/push", "/v1/pull", "/v1/summary"])
def test_an_unsigned_request_is_401_even_when_its_body_is_garbage(client: TestClient, path: str) -> None:
    error(client.post(path, json=pull_body()), 401, "signature_missing")
    error(client.post(path, content=b"\x00not json"), 401, "signature_missing")


def test_a_signature_over_another_body_or_path_or_by_another_key_is_401(
    client: TestClient, store: HQStore
) -> None:
    device = enroll(client, store)
    body = orjson.dumps(pull_body())
    headers = {"Content-Type": "application/json"}
    headers |= signing.sign_request(
        "POST", BASE + "/v1/pull", headers, body, key_id=device.device_id, private_key=device.key
    )
    error(client.post("/v1/pull", content=body + b" ", headers=headers), 401, "digest_mismatch")
    error(client.post("/v1/summary", content=body, headers=headers), 401, "signature_invalid")
    error(
        signed(client, "/v1/pull", pull_body(), device, key=Ed25519PrivateKey.generate()),
        401,
        "signature_invalid",
    )
    no_digest = {name: value for name, value in headers.items() if name.lower() != "content-digest"}
    error(client.post("/v1/pull", content=body, headers=no_digest), 401, "signature_invalid")
    broken = headers | {"Signature": "sig1=:AAAA:"}
    error(client.post("/v1/pull", content=body, headers=broken), 401, "signature_invalid")


def test_a_gzip_body_is_verified_as_sent_and_parsed_as_decoded(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    assert signed(client, "/v1/pull", pull_body(), device, compress=True).status_code == 200


@pytest.mark.parametrize("offset", [-301, 400, -3600])
def test_a_clock_more_than_300_s_off_is_401_clock_skew_saying_so(
    client: TestClient, store: HQStore, offset: int
) -> None:
    device = enroll(client, store)
    message = error(
        signed(client, "/v1/pull", pull_body(), device, now=time.time() + offset), 401, "clock_skew"
    )
    assert "clock differs" in message
    assert signed(client, "/v1/pull", pull_body(), device, now=time.time() - 250).status_code == 200


def test_a_reused_nonce_is_401_nonce_reused(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    body = orjson.dumps(pull_body())
    headers = {"Content-Type": "application/json"}
    headers |= signing.sign_request(
        "POST", BASE + "/v1/pull", headers, body, key_id=device.device_id, private_key=device.key
    )
    assert client.post("/v1/pull", content=body, headers=headers).status_code == 200
    error(client.post("/v1/pull", content=body, headers=headers), 401, "nonce_reused")


def test_an_unknown_device_and_a_revoked_one_are_403(client: TestClient, store: HQStore) -> None:
    stranger = Device(str(uuid.uuid4()), Ed25519PrivateKey.generate())
    error(signed(client, "/v1/pull", pull_body(), stranger), 403, "unknown_device")
    device = enroll(client, store)
    assert signed(client, "/v1/pull", pull_body(), device).status_code == 200
    store.revoke(device.device_id)
    for path, body in (("/v1/pull", pull_body()), ("/v1/push", push_body([])), ("/v1/summary", {})):
        error(signed(client, path, body, device), 403, "device_revoked")


def test_a_device_is_rate_limited_with_retry_after(store: HQStore) -> None:
    with client_for(store, device_burst=3, device_rate=0.01) as limited:
        device = enroll(limited, store)
        answers = [signed(limited, "/v1/pull", pull_body(), device) for _ in range(4)]
        other = enroll(limited, store)
        assert signed(limited, "/v1/pull", pull_body(), other).status_code == 200  # per device
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    error(answers[-1], 429, "rate_limited")
    assert int(answers[-1].headers["Retry-After"]) >= 1


def test_an_address_sending_refused_requests_is_slowed_down(store: HQStore) -> None:
    with client_for(store, refusal_burst=3, refusal_rate=0.01) as limited:
        device = enroll(limited, store)
        stranger = Device(str(uuid.uuid4()), Ed25519PrivateKey.generate())
        answers = [signed(limited, "/v1/pull", pull_body(), stranger) for _ in range(3)]
        assert [a.status_code for a in answers] == [403, 403, 403]
        # The address is now refused before any signature is checked, even a good one.
        error(signed(limited, "/v1/pull", pull_body(), device), 429, "rate_limited")


# --- versions ----------------------------------------------------------------------------------------


def test_a_client_too_old_is_426_in_plain_words(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    old = wire.MIN_PROTOCOL_VERSION - 1
    by_header = signed(client, "/v1/pull", pull_body(), device, extra={wire.PROTOCOL_HEADER: str(old)})
    assert "too old" in error(by_header, 426, "client_too_old")
    by_body = signed(client, "/v1/pull", pull_body() | {"protocol": old}, device)
    error(by_body, 426, "client_too_old")
    enrolling = client.post("/v1/enroll", json=enroll_body(store) | {"protocol": old})
    error(enrolling, 426, "client_too_old")
    # An unsigned old client is told it is too old before anything else.
    error(client.post("/v1/pull", json={}, headers={wire.PROTOCOL_HEADER: str(old)}), 426, "client_too_old")
    error(client.post("/v1/pull", json={}, headers={wire.PROTOCOL_HEADER: "one"}), 400, "malformed")


# --- bodies (promise 23) -------------------------------------------------------------------------------


def test_malformed_bodies_are_4xx_naming_what_is_wrong(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    error(signed(client, "/v1/pull", b"{not json", device), 400, "malformed")
    error(signed(client, "/v1/pull", b"[1, 2]", device), 400, "malformed")
    error(signed(client, "/v1/pull", b"", device), 400, "malformed")
    bad_entry = entry("r1") | {"hlc": "yesterday"}
    message = error(signed(client, "/v1/push", push_body([bad_entry]), device), 422, "invalid")
    assert message.startswith("entries.0.hlc:"), message
    message = error(signed(client, "/v1/pull", pull_body() | {"cursor": -1}, device), 422, "invalid")
    assert message.startswith("cursor:"), message
    message = error(signed(client, "/v1/pull", pull_body() | {"extra": 1}, device), 422, "invalid")
    assert message.startswith("extra:"), message
    error(
        signed(client, "/v1/pull", pull_body(), device, extra={"Content-Type": "text/plain"}),
        415,
        "unsupported_media_type",
    )
    error(client.post("/v1/enroll", content=b"\xff\xfe"), 400, "malformed")
    deep: Any = "x"
    for _ in range(400):  # deeper than orjson writes (254), shallower than it reads (1024)
        deep = [deep]
    deep_entry = entry("r1") | {"fields": {"notes": deep}}
    deep_body = json.dumps(push_body([deep_entry])).encode()  # orjson stops at 254 levels
    message = error(signed(client, "/v1/push", deep_body, device), 422, "invalid")
    assert message.startswith("entries.0.fields.notes.0.0"), message
    # NUL characters: no record has one and PostgreSQL cannot store one (it was a 500 there). An
    # entry with one is rejected alone; elsewhere the request is refused.
    good, nul_text, nul_staff = entry("r1"), entry("r2", surname="A\x00B"), entry("r3") | {"staff": "s\x00"}
    answer = signed(client, "/v1/push", push_body([nul_text, good, nul_staff], through=3), device)
    pushed = wire.PushResponse.model_validate(answer.json())
    assert (pushed.accepted, pushed.through) == (1, 3), pushed
    assert {(r.id, r.status) for r in pushed.rejected} == {(nul_text["id"], 422), (nul_staff["id"], 422)}
    nul_map = push_body([]) | {"staff": {"s\x00": "name"}}
    assert error(signed(client, "/v1/push", nul_map, device), 422, "invalid").startswith("staff")
    error(client.post("/v1/enroll", json=enroll_body(store) | {"device_name": "a\x00"}), 422, "invalid")
    for number in (b"1" * 400, b"1e999", b"-1" + b"0" * 30, b"NaN", b"1e30"):
        answer = signed(
            client, "/v1/pull", b'{"protocol": 1, "schema_version": 8, "cursor": ' + number + b"}", device
        )
        assert answer.status_code in (400, 422), (number, answer.text)
        wire.ErrorBody.model_validate(answer.json())
    # JSON has one number type: 2.0e1 is the integer 20 (as JSON Schema says).
    twenty = signed(client, "/v1/pull", b'{"protocol": 1.0, "schema_version": 8, "cursor": 2.0e1}', device)
    assert twenty.status_code == 200, twenty.text


def test_gzip_that_is_broken_or_a_bomb_is_refused(client: TestClient, store: HQStore) -> None:
    device = enroll(client, store)
    broken = gzip.compress(orjson.dumps(pull_body()))[:-9]
    error(signed(client, "/v1/pull", broken, device, extra={"Content-Encoding": "gzip"}), 400, "malformed")
    error(
        signed(client, "/v1/pull", b"plain", device, extra={"Content-Encoding": "br"}),
        415,
        "unsupported_encoding",
    )
    bomb = gzip.compress(b" " * (65 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    error(signed(client, "/v1/push", bomb, device, extra={"Content-Encoding": "gzip"}), 413, "too_large")


def test_a_body_over_the_wire_limit_is_413(store: HQStore) -> None:
    with client_for(store, max_wire_body=1000, max_body=2000) as limited:
        device = enroll(limited, store)
        big = push_body([entry(str(uuid.uuid4())) for _ in range(10)])
        error(signed(limited, "/v1/push", big, device), 413, "too_large")
        error(
            signed(limited, "/v1/push", orjson.dumps(big)[:900] + b" " * 1500, device, compress=True),
            413,
            "too_large",
        )


def test_unknown_addresses_and_methods_answer_error_bodies(client: TestClient) -> None:
    error(client.get("/v2/anything"), 404, "not_found")
    error(client.get("/v1/push"), 405, "method_not_allowed")


# --- OpenAPI ------------------------------------------------------------------------------------------


def test_openapi_describes_bodies_errors_and_signature_headers(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {"/health", "/v1/enroll", "/v1/push", "/v1/pull", "/v1/summary"}
    push = schema["paths"]["/v1/push"]["post"]
    headers = {p["name"]: p for p in push["parameters"] if p["in"] == "header"}
    for name in ("Signature", "Signature-Input", "Content-Digest"):
        assert headers[name]["required"] is True, name
        assert headers[name]["description"]
    assert wire.PROTOCOL_HEADER in headers
    assert push["security"] == [{"httpMessageSignature": []}]
    assert "RFC 9421" in schema["components"]["securitySchemes"]["httpMessageSignature"]["description"]
    assert push["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/PushRequest")
    for status in ("400", "401", "403", "413", "415", "422", "426", "429"):
        content = push["responses"][status]["content"]["application/json"]["schema"]
        assert content["$ref"].endswith("/ErrorBody"), status
    assert "Retry-After" in push["responses"]["429"]["headers"]
    for name in (
        "PushRequest",
        "PullRequest",
        "EnrollRequest",
        "Entry",
        "PushResponse",
        "PullResponse",
        "Summary",
    ):
        assert name in schema["components"]["schemas"], name
    enroll_op = schema["paths"]["/v1/enroll"]["post"]
    assert "security" not in enroll_op
    assert "Signature" not in {p["name"] for p in enroll_op.get("parameters", [])}


# --- no personal data in logs (promise 16) -------------------------------------------------------------


def test_no_personal_data_or_secrets_reach_the_logs(
    client: TestClient, store: HQStore, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    code = store.new_enroll_code(POST)[0]
    key = sync_keys.new_signing_key()
    body = enroll_body(store, code=code) | {"signing_key": sync_keys.public_b64(key)}
    assert client.post("/v1/enroll", json=body).status_code == 200
    device = Device(body["device_id"], key)
    signed(client, "/v1/push", push_body([entry(str(uuid.uuid4()))]), device)
    bad = entry("r1", surname=MARKER) | {"hlc": f"{MARKER}-1"}
    signed(client, "/v1/push", push_body([bad]), device)
    signed(client, "/v1/push", orjson.dumps(push_body([entry("r2")]))[:-3] + MARKER.encode(), device)
    client.post("/v1/push", content=MARKER.encode())
    client.get(f"/v1/{MARKER}?q={MARKER}")
    signed(client, "/v1/pull", pull_body(), device)
    client.post("/v1/enroll", json=enroll_body(store, code=code))
    # Everything HQ's side logged (httpx/httpcore are the test's own client).
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    text = "\n".join(f"{r.name} {r.getMessage()}" for r in server_side)
    assert "POST /v1/push" in text  # the access line is there
    for secret in (MARKER, code, "AIGERIM", sync_keys.private_b64(key)):
        assert secret not in text


# --- parsers (hypothesis) ------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_gunzip_of_any_bytes_is_data_or_a_4xx(data: bytes) -> None:
    status, out = 200, b""
    try:
        out = gunzip(data, limit=10_000)
    except ApiError as exc:
        status = exc.status
    assert status in (200, 400, 413)
    assert len(out) <= 10_000


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=5000), st.integers(min_value=1, max_value=6000))
def test_gunzip_round_trips_within_the_limit(payload: bytes, limit: int) -> None:
    packed = gzip.compress(payload) + gzip.compress(b"tail")
    if len(payload) + 4 > limit:
        with pytest.raises(ApiError) as refused:
            gunzip(packed, limit=limit)
        assert refused.value.status == 413
    else:
        assert gunzip(packed, limit=limit) == payload + b"tail"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_any_json_body_to_any_endpoint_is_never_a_5xx(kind: str, tmp_path: Path) -> None:
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
        max_leaves=20,
    )
    fields = st.fixed_dictionaries(
        {},
        optional={
            "protocol": st.integers(-2, 3),
            "schema_version": st.integers(-1, 10),
            "cursor": st.integers(-5, 10) | st.text(max_size=3),
            "limit": st.integers(-5, 6000),
            "entries": st.lists(
                st.dictionaries(st.sampled_from(list(wire.Entry.model_fields)), json_values), max_size=3
            ),
            "through": st.integers(-3, 3),
            "code": st.text(max_size=12),
        },
    )
    with (
        hq_store(kind, tmp_path / "hq") as real,
        client_for(real, device_burst=100_000, enroll_burst=100_000, refusal_burst=100_000) as app,
    ):
        device = enroll(app, real)

        @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
        @given(
            st.sampled_from(["/v1/push", "/v1/pull", "/v1/summary", "/v1/enroll"]),
            fields | json_values,
            st.booleans(),
        )
        def check(path: str, body: Any, compress: bool) -> None:
            if path == "/v1/enroll":
                raw = orjson.dumps(body)
                answer = app.post(
                    path,
                    content=gzip.compress(raw) if compress else raw,
                    headers={"Content-Encoding": "gzip"} if compress else {},
                )
            else:
                answer = signed(app, path, body, device, compress=compress)
            assert answer.status_code < 500, answer.text
            if answer.status_code >= 400:
                wire.ErrorBody.model_validate(answer.json())

        check()


@settings(max_examples=200, deadline=None)
@given(
    st.floats(min_value=0.1, max_value=50),
    st.integers(min_value=1, max_value=20),
    st.lists(st.floats(min_value=0, max_value=2), min_size=1, max_size=200),
)
def test_a_token_bucket_never_allows_more_than_burst_plus_rate_times_time(
    rate: float, burst: int, gaps: list[float]
) -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=rate, burst=burst, clock=lambda: now[0])
    allowed = 0
    for gap in gaps:
        now[0] += gap
        wait = buckets.take("device")
        assert wait >= 0
        if wait == 0:
            allowed += 1
        else:
            # The wait it names is enough: a retry after it is allowed.
            assert buckets.wait("device") == pytest.approx(wait)
    assert allowed <= burst + rate * now[0] + 1e-6
    assert buckets.take("other") == 0  # keys are independent


def test_token_buckets_stay_bounded_under_made_up_keys() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate=1, burst=2, max_keys=10, clock=lambda: now[0])
    for number in range(1000):
        buckets.take(f"address-{number}")
        buckets.take(f"address-{number}")
        assert len(buckets._buckets) <= 10
    # A key that is still waiting keeps its state while others come and go.
    now[0] += 0.1
    assert buckets.take("address-999") > 0
