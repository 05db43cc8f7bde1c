"""``embassy-desk hq serve`` as a real uvicorn process on a loopback port (issue 11, Proof): /health
answers 200 with no authentication, a device enrolls and makes a signed request over the network,
TLS works with a certificate the test makes (``cryptography``), the access log holds method, path and
status only (promise 16), SIGTERM stops it cleanly, and wrong TLS options are one plain sentence.

Runs on SQLite and on PostgreSQL (a fresh database per test; with CI=true PostgreSQL must be there).
"""

import datetime
import ipaddress
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from embassy_desk.sync import keys as sync_keys
from embassy_desk.sync import signing, wire
from tests.integration.test_hq_api import hq_database

CLI = [sys.executable, "-m", "embassy_desk"]
POST = "KZ-SEL"


def free_port() -> int:
    """A TCP port nobody listens on now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def hq_cli(hq_dir: Path, db: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``embassy-desk hq ARGS`` against this HQ."""
    return subprocess.run(
        [*CLI, "hq", *args, "--hq-dir", str(hq_dir), "--db", db],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@dataclass
class Server:
    """A running ``hq serve``: its base URL, process and log file."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serving(
    hq_dir: Path, db: str, *extra: str, scheme: str = "http", verify: object = False
) -> Iterator[Server]:
    """Start ``embassy-desk hq serve`` on a free loopback port; wait for /health; stop it after."""
    port = free_port()
    log = hq_dir / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*CLI, "hq", "serve", "--hq-dir", str(hq_dir), "--db", db, "--port", str(port), *extra],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"{scheme}://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"hq serve exited with {process.returncode}:\n{server.log_text()}")
            try:
                if httpx.get(server.url + "/health", verify=verify, timeout=1).status_code == 200:  # type: ignore[arg-type]
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"hq serve did not answer /health within 30 s:\n{server.log_text()}")
            time.sleep(0.1)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(params=["sqlite", "postgresql"])
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An initialised HQ (keys, database, one post): its folder and database URL."""
    with hq_database(request.param) as db:
        hq_dir = tmp_path / "hq"
        for args in (("init",), ("post", "add", POST, "--name", "Embassy of Kazakhstan in Seoul")):
            done = hq_cli(hq_dir, db, *args)
            assert done.returncode == 0, done.stderr
        yield hq_dir, db


def enroll_code(hq_dir: Path, db: str) -> str:
    done = hq_cli(hq_dir, db, "enroll-code", "--post", POST)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, and its key (PEM files)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hq-cert.pem", folder / "hq-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    os.chmod(key_path, 0o600)
    return cert_path, key_path


def enroll_and_pull(server: Server, code: str, verify: object = False) -> None:
    """Enroll a device over the network, then make a signed pull and an unsigned one."""
    key = sync_keys.new_signing_key()
    device_id = str(uuid.uuid4())
    with httpx.Client(base_url=server.url, verify=verify, timeout=30) as client:  # type: ignore[arg-type]
        enrolled = client.post(
            "/v1/enroll",
            json={
                "protocol": wire.PROTOCOL_VERSION,
                "schema_version": 8,
                "code": code,
                "device_id": device_id,
                "signing_key": sync_keys.public_b64(key),
                "bundle_key": sync_keys.public_b64(sync_keys.new_bundle_key()),
            },
        )
        assert enrolled.status_code == 200, enrolled.text
        assert enrolled.json()["post"] == POST
        body = orjson.dumps({"protocol": wire.PROTOCOL_VERSION, "schema_version": 8, "cursor": 0})
        headers = {"Content-Type": "application/json", wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
        headers |= signing.sign_request(
            "POST", server.url + "/v1/pull?ignored=1", headers, body, key_id=device_id, private_key=key
        )
        pulled = client.post("/v1/pull?ignored=1", content=body, headers=headers)
        assert pulled.status_code == 200, pulled.text
        assert wire.PullResponse.model_validate(pulled.json()).entries == []
        unsigned = client.post("/v1/pull", content=body, headers={"Content-Type": "application/json"})
        assert unsigned.status_code == 401
        assert unsigned.json()["code"] == "signature_missing"


def test_hq_serve_over_http_answers_health_and_signed_requests(hq: tuple[Path, str]) -> None:
    hq_dir, db = hq
    code = enroll_code(hq_dir, db)
    with serving(hq_dir, db) as server:
        health = httpx.get(server.url + "/health", timeout=5)
        assert health.status_code == 200
        assert health.json() == {"status": "ok", "protocol": wire.PROTOCOL_VERSION}
        assert "server" not in health.headers  # no software banner
        enroll_and_pull(server, code)
        schema = httpx.get(server.url + "/openapi.json", timeout=5).json()
        assert "/v1/push" in schema["paths"]
        server.process.send_signal(signal.SIGTERM)
        # uvicorn shuts down cleanly, then re-raises the signal it caught (so the exit says SIGTERM).
        assert server.process.wait(timeout=15) in (0, -signal.SIGTERM)
    log = server.log_text()
    assert "Application shutdown complete" in log
    assert "POST /v1/enroll 200" in log
    assert "POST /v1/pull 200" in log
    assert "POST /v1/pull 401" in log
    # Method, path and status only: no query string, no client address, no code, no traceback.
    assert "ignored=1" not in log
    assert code not in log
    access = [line for line in log.splitlines() if "/v1/" in line]
    assert access
    assert not [line for line in access if "127.0.0.1" in line or "HTTP/1.1" in line]
    assert "Traceback" not in log


def test_hq_serve_speaks_tls_with_its_own_certificate(hq: tuple[Path, str], tmp_path: Path) -> None:
    hq_dir, db = hq
    cert, key = self_signed(tmp_path)
    trust = ssl.create_default_context(cafile=str(cert))
    code = enroll_code(hq_dir, db)
    with serving(
        hq_dir, db, "--certfile", str(cert), "--keyfile", str(key), scheme="https", verify=trust
    ) as server:
        health = httpx.get(server.url + "/health", verify=trust, timeout=5)
        assert health.status_code == 200
        assert health.json()["status"] == "ok"
        enroll_and_pull(server, code, verify=trust)
        # Plain HTTP to the TLS port gets no answer, and a client that does not trust the
        # certificate refuses to talk.
        with pytest.raises(httpx.HTTPError):
            httpx.get(server.url.replace("https", "http") + "/health", timeout=5)
        with pytest.raises(httpx.ConnectError):
            httpx.get(server.url + "/health", timeout=5)
        # Old protocols are not offered.
        old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        old.load_verify_locations(cafile=str(cert))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # naming TLS 1.0/1.1 is deprecated
            old.maximum_version = ssl.TLSVersion.TLSv1_1
            old.minimum_version = ssl.TLSVersion.TLSv1
        with pytest.raises(httpx.ConnectError):
            httpx.get(server.url + "/health", verify=old, timeout=5)


@pytest.mark.parametrize("hq", ["sqlite"], indirect=True)  # refused before the database matters
@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--certfile", "cert.pem"], "give both --certfile and --keyfile"),
        (["--certfile", "missing.pem", "--keyfile", "missing.pem"], "cannot be read"),
    ],
)
def test_hq_serve_with_wrong_tls_options_says_so_in_one_sentence(
    hq: tuple[Path, str], tmp_path: Path, options: list[str], words: str
) -> None:
    hq_dir, db = hq
    done = hq_cli(
        hq_dir,
        db,
        "serve",
        "--port",
        str(free_port()),
        *[str(tmp_path / o) if o.endswith(".pem") else o for o in options],
    )
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert words in done.stderr
    assert "Traceback" not in done.stderr
