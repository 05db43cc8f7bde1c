"""HQ's public listener as real uvicorn processes on PostgreSQL (issue 14, part C): ``hq serve
--public-port`` serves the check-in page on a second listener where the console and the sync API answer
404, while the main listener keeps both; ``hq serve-public`` serves only the page, the webhook and
/health. An answer given on the public listener is drained into the post's log by ``hq serve``'s
drainer; the access log names the route, never the token; SIGTERM stops both listeners cleanly."""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from embassy_desk.domain.checkin import new_token, token_hash
from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.tables import checkin_answers
from tests.hq_devices import POST, enroll, entry, push
from tests.integration.test_hq_server import CLI, Server, free_port, hq_cli
from tests.sync_harness import postgres_url

SAME_ORIGIN = {"sec-fetch-site": "same-origin"}
NOT_PUBLIC = (
    ("GET", "/console/"),
    ("GET", "/console/login"),
    ("POST", "/v1/push"),
    ("POST", "/v1/enroll"),
    ("POST", "/v1/summary"),
    ("GET", "/openapi.json"),
    ("GET", "/docs"),
)


@contextmanager
def serving(hq_dir: Path, db: str, *extra: str, command: str = "serve") -> Iterator[Server]:
    """``embassy-desk hq COMMAND`` on a free loopback port until /health answers; stopped after."""
    port = free_port()
    log = hq_dir / f"{command}-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*CLI, "hq", command, "--hq-dir", str(hq_dir), "--db", db, "--port", str(port), *extra],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"hq {command} exited with {process.returncode}:\n{server.log_text()}")
            with suppress(httpx.HTTPError):
                if httpx.get(server.url + "/health", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"hq {command} did not answer /health within 60 s:\n{server.log_text()}")
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


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An initialised HQ on a fresh PostgreSQL database with one post: its folder and database URL."""
    with postgres_url() as db:
        hq_dir = tmp_path / "hq"
        for args in (("init",), ("post", "add", POST, "--name", "Embassy of Kazakhstan in Seoul")):
            done = hq_cli(hq_dir, db, *args)
            assert done.returncode == 0, done.stderr
        yield hq_dir, db


def a_link(hq_dir: Path, db: str) -> str:
    """A citizen and a live check-in link pushed by a workstation of the post; the link's token."""
    store = HQConfig.resolve(hq_dir, db).open_store()
    try:
        device = enroll(store)
        citizen, token = uuid7(), new_token()
        fields = {
            "token_hash": token_hash(token),
            "citizen_id": citizen,
            "campaign_id": None,
            "language": "ko",
            "phone": "+821012345678",
            "expires_at": (datetime.now(UTC) + timedelta(days=7)).isoformat(timespec="milliseconds"),
            "created_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "created_by": "officer",
        }
        names = {"surname": "Тестова", "given_names": "Айгерим", "given_names_latin": "Aigerim"}
        made = push(
            store,
            device,
            [
                entry(device, "citizen", citizen, "create", names),
                entry(device, "checkin_link", uuid7(), "create", fields),
            ],
        )
        assert not made.rejected
    finally:
        store.close()
    return token


def answer_safe(base: str, token: str) -> httpx.Response:
    with httpx.Client(base_url=base, timeout=10) as web:
        page = web.get(f"/c/{token}")
        assert page.status_code == 200 and "Aigerim 님" in page.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        return web.post(f"/c/{token}", data={"answer": "safe", "csrf": csrf.group(1)}, headers=SAME_ORIGIN)


def pending_and_drained(db: str, hq_dir: Path) -> list[str | None]:
    store = HQConfig.resolve(hq_dir, db).open_store()
    try:
        with store.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(checkin_answers.c.drained_at))]
    finally:
        store.close()


def test_serve_with_a_public_port_keeps_the_console_and_api_off_the_public_listener(
    hq: tuple[Path, str],
) -> None:
    hq_dir, db = hq
    token = a_link(hq_dir, db)
    public_port = free_port()
    public = f"http://127.0.0.1:{public_port}"
    with serving(hq_dir, db, "--public-port", str(public_port)) as server, httpx.Client(timeout=10) as web:
        # The main listener: console, API and (for a one-listener trial) the page.
        assert web.get(server.url + "/console/login").status_code == 200
        assert web.post(server.url + "/v1/summary", json={}).status_code == 401
        assert web.get(server.url + "/openapi.json").status_code == 200
        assert web.get(f"{server.url}/c/{token}").status_code == 200
        # The public listener: the page, the webhook's path and /health only.
        assert web.get(public + "/health").status_code == 200
        for method, path in NOT_PUBLIC:
            got = web.request(method, public + path, json={} if method == "POST" else None)
            assert got.status_code == 404, (method, path, got.status_code)
            assert "set-cookie" not in got.headers
        done = answer_safe(public, token)
        assert done.status_code == 200 and 'data-answer="safe"' in done.text
        assert "set-cookie" not in done.headers
        # hq serve's drainer turns the answer into the post's records within a few seconds.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and None in pending_and_drained(db, hq_dir):
            time.sleep(0.3)
        drained = pending_and_drained(db, hq_dir)
        assert len(drained) == 1 and drained[0] is not None, "the drainer of hq serve took the answer"
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=20) == 0, server.log_text()
        log = server.log_text()
    assert "GET /c/{token} 200" in log and "POST /c/{token} 200" in log
    assert token not in log and token_hash(token) not in log
    with pytest.raises(httpx.HTTPError):
        httpx.get(public + "/health", timeout=2)  # the second listener stopped with the first


def test_serve_public_serves_only_the_page_and_needs_no_keys(hq: tuple[Path, str], tmp_path: Path) -> None:
    hq_dir, db = hq
    token = a_link(hq_dir, db)
    dmz = tmp_path / "dmz"  # the DMZ machine's folder: no copy of HQ's private keys
    dmz.mkdir()
    with serving(dmz, db, command="serve-public") as server, httpx.Client(timeout=10) as web:
        for method, path in NOT_PUBLIC:
            got = web.request(method, server.url + path, json={} if method == "POST" else None)
            assert got.status_code == 404, (method, path, got.status_code)
        assert web.get(f"{server.url}/c/{new_token()}").status_code == 404
        done = answer_safe(server.url, token)
        assert done.status_code == 200 and "저는 안전합니다" in done.text
        assert done.headers["content-security-policy"].startswith("default-src 'none'")
        # No drainer on the DMZ machine: the answer waits for hq serve.
        time.sleep(2.5)
        assert pending_and_drained(db, hq_dir) == [None]
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=20) == 0, server.log_text()
        log = server.log_text()
    assert "POST /c/{token} 200" in log and token not in log
