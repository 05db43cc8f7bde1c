"""SMS replies end to end (issue 14) on PostgreSQL: a real encrypted workstation makes a campaign's
check-in links with ``embassy-desk checkin links`` and syncs; ``hq serve --public-port`` runs with the
gateway's secret in its environment; the gateway posts signed replies to the public listener ("1" from
one person's number written as dialled at home, "2" from another's, one from a number nobody was sent
a link); after the workstation's next sync the first is safe with a check-in contact and done in the
campaign, the second has an open high-priority case naming the number to call back, and neither HQ's
log file nor its output holds any of the numbers. A secret too short to trust stops HQ from
starting."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import hmac
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.public.sms import PATH
from embassy_desk.hq.public.sms_settings import SECRET_ENV
from tests.sync_harness import Hq, Workstation, free_port, postgres_url

POST = "KZ-SEL"
SECRET = "e2e-gateway-secret-0123456789abcdef"
SAFE_PHONE = "+821055501001"
HELP_PHONE = "+821055501002"
STRANGER = "+821055509999"


def spellings(e164: str) -> list[str]:
    """The ways a Korean mobile number could show up in a log."""
    national = "0" + e164[3:]
    return [e164, e164[1:], e164[3:], national, f"{national[:3]}-{national[3:7]}-{national[7:]}"]


class PublicHq:
    """``hq serve --public-port`` as a subprocess, with an environment of its own (the SMS secret)."""

    def __init__(self, hq: Hq, root: Path, extra_env: dict[str, str]) -> None:
        self.hq = hq
        self.public_port = free_port()
        data_dir = root / "hq-data"  # where the command's log file goes (logs/)
        data_dir.mkdir()
        self.env = {**hq.env, "EMBASSY_DESK_DATA_DIR": str(data_dir), **extra_env}
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def public_url(self) -> str:
        return f"http://127.0.0.1:{self.public_port}"

    def start(self) -> None:
        with self.hq.log.open("ab") as handle:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "embassy_desk",
                    "hq",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.hq.port),
                    "--public-port",
                    str(self.public_port),
                ],
                stdout=handle,
                stderr=subprocess.STDOUT,
                env=self.env,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.hq.log.read_text()
            with contextlib.suppress(httpx.HTTPError):
                up = [
                    httpx.get(f"{u}/health", timeout=1.0).status_code
                    for u in (self.hq.direct_url, self.public_url)
                ]
                if up == [200, 200]:
                    return
            time.sleep(0.1)
        raise AssertionError(f"hq serve did not answer: {self.hq.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@contextlib.contextmanager
def running_hq(tmp_path: Path, extra_env: dict[str, str]) -> Iterator[PublicHq]:
    with postgres_url() as url:
        hq = Hq(tmp_path, url).init()
        hq.add_post(POST, "Embassy of Kazakhstan in Seoul")
        served = PublicHq(hq, tmp_path, extra_env)
        served.start()
        try:
            yield served
        finally:
            served.stop()
            hq.stop()


def deliver(url: str, text: str, sender: str) -> httpx.Response:
    """What the gateway does for one inbound SMS: a signed POST."""
    body = orjson.dumps(
        {"id": f"gw-{uuid7()}", "from": sender, "text": text, "received_at": "2026-12-07T07:00:00Z"}
    )
    stamp = str(int(time.time()))
    signature = hmac.new(SECRET.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Timestamp": stamp, "X-Signature": "sha256=" + signature}
    return httpx.post(url + PATH, content=body, headers=headers, timeout=10)


def query(ws: Workstation, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with ws.session() as session, session.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql, params)]


def wait_until_drained(ws: Workstation, expected: int) -> None:
    """Sync until the drained answers have come (a pull drains the post first, so one is enough)."""
    ws.sync()
    got = query(ws, "SELECT count(*) FROM contacts WHERE channel = 'check-in'")[0][0]
    assert got == expected, f"{got} check-in contacts after a sync, expected {expected}"


def test_sms_replies_reach_the_post_at_its_next_sync(tmp_path: Path) -> None:
    with running_hq(tmp_path, {SECRET_ENV: SECRET}) as served:
        ws = Workstation(tmp_path / "ws", "Embassy of Kazakhstan in Seoul")
        served.hq.enroll(ws, POST, url=served.hq.direct_url)
        person = {"sex": "F", "birth_date": "1990-01-01", "region": "Seoul"}
        safe = ws.add_citizen(surname="Смсова", given_names="Айгерим", phone="010-5550-1001", **person)
        helpless = ws.add_citizen(surname="Смсова", given_names="Динара", phone=HELP_PHONE, **person)
        ws.ok("checkin", "address", served.public_url)
        campaign = ws.ok("campaign", "create", "SMS check-in").strip().splitlines()[-1]
        links_csv = tmp_path / "links.csv"
        ws.ok("checkin", "links", "--campaign", campaign, str(links_csv))
        with links_csv.open(newline="", encoding="utf-8") as handle:
            phones = {row["citizen_id"]: row["phone"] for row in csv.DictReader(handle)}
        assert phones == {safe: SAFE_PHONE, helpless: HELP_PHONE}
        ws.sync()  # the links reach HQ
        before = json.loads(ws.ok("campaign", "status", campaign, "--json"))
        assert (before["total"], before["done"], before["remaining"]) == (2, 0, 2)

        # The gateway delivers three replies to the public listener.
        assert deliver(served.public_url, "1", "010-5550-1001").json() == {
            "status": "taken",
            "answer": "safe",
        }
        assert deliver(served.public_url, " 2.", HELP_PHONE).json() == {
            "status": "taken",
            "answer": "needs_help",
        }
        assert deliver(served.public_url, "1", STRANGER).json() == {
            "status": "ignored",
            "reason": "unknown_number",
        }
        # Unsigned, the same request answers for nobody.
        refused = httpx.post(
            served.public_url + PATH, json={"id": "x", "from": SAFE_PHONE, "text": "2"}, timeout=10
        )
        assert refused.status_code == 401

        wait_until_drained(ws, 2)
        welfare = dict(query(ws, "SELECT id, welfare_status FROM citizens"))
        assert welfare[safe] == "safe" and welfare[helpless] == "needs_assistance"
        after = json.loads(ws.ok("campaign", "status", campaign, "--json"))
        assert (after["done"], after["remaining"]) == (2, 0)  # nobody left to call
        cases = query(ws, "SELECT citizen_id, priority, status, summary FROM cases")
        assert [(c[0], c[1], c[2]) for c in cases] == [(helpless, "high", "open")]
        assert HELP_PHONE in cases[0][3]

    # Nothing HQ wrote holds a number: its output (uvicorn's access lines) and its log file.
    written = served.hq.log.read_text(encoding="utf-8", errors="replace")
    for log_file in (tmp_path / "hq-data").rglob("*.log*"):
        written += log_file.read_text(encoding="utf-8", errors="replace")
    # The outcomes are there (the unknown number's too), the numbers are not.
    assert "sms webhook: ignored a reply from a number with no live link" in written
    assert "sms webhook: refused (bad_signature)" in written
    for e164 in (SAFE_PHONE, HELP_PHONE, STRANGER):
        for form in spellings(e164):
            assert form not in written, f"{form} is in HQ's log"


def test_a_short_secret_stops_hq_from_starting_with_a_clear_message(tmp_path: Path) -> None:
    hq = Hq(tmp_path, None).init()
    # serve-public reads the settings the same way (hq/server.py), so one command is tried.
    done = subprocess.run(
        [sys.executable, "-m", "embassy_desk", "hq", "serve", "--port", str(free_port())],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**hq.env, SECRET_ENV: "short"},
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"secret ({SECRET_ENV}) must be at least 16 characters" in done.stderr
    assert "Traceback" not in done.stderr
