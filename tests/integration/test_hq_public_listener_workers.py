"""``hq serve-public --workers N`` as real processes on PostgreSQL (issue 14): the worker processes share
one port and all answer; a form from a page one worker made is taken by another (one form key, made by
the parent when none is configured); SIGTERM stops every worker and the listener exits 0; a worker that
dies on its own takes the others down with it (exit 1) so a service manager restarts the listener."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.integration.test_hq_public_listener import (
    SAME_ORIGIN,
    a_link,
    hq,
    pending_and_drained,
    serving,
)

__all__ = ["hq"]


def workers_of(parent: int, count: int) -> list[int]:
    """The ``count`` worker processes ``parent`` forked (waits for them to appear)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        if len(children) == count:
            return [int(pid) for pid in children]
        time.sleep(0.1)
    pytest.fail(f"{parent} has not {count} workers")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def fresh_get(url: str) -> httpx.Response:
    # A new connection each time: a stopped worker cannot accept it, so the other one answers.
    with httpx.Client(timeout=10) as web:
        return web.get(url)


@pytest.fixture(autouse=True)
def no_configured_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMBASSY_DESK_PUBLIC_SECRET", raising=False)


def test_two_workers_share_the_port_and_take_each_others_forms(hq: tuple[Path, str], tmp_path: Path) -> None:
    hq_dir, db = hq
    token = a_link(hq_dir, db)
    dmz = tmp_path / "dmz"
    dmz.mkdir()
    with serving(dmz, db, "--workers", "2", command="serve-public") as server:
        first, second = workers_of(server.process.pid, 2)
        # Only the second worker can take connections: the page comes from it.
        os.kill(first, signal.SIGSTOP)
        try:
            page = fresh_get(f"{server.url}/c/{token}")
            assert fresh_get(server.url + "/health").status_code == 200
        finally:
            os.kill(first, signal.SIGCONT)
        assert page.status_code == 200 and "Aigerim 님" in page.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        # Now only the first worker can: the form made by the second is taken there.
        os.kill(second, signal.SIGSTOP)
        try:
            with httpx.Client(timeout=10) as web:
                done = web.post(
                    f"{server.url}/c/{token}",
                    data={"answer": "safe", "csrf": csrf.group(1)},
                    headers=SAME_ORIGIN,
                )
                forged = web.post(
                    f"{server.url}/c/{token}",
                    data={"answer": "safe", "csrf": csrf.group(1)[:-2] + "AA"},
                    headers=SAME_ORIGIN,
                )
        finally:
            os.kill(second, signal.SIGCONT)
        assert done.status_code == 200 and 'data-answer="safe"' in done.text
        assert forged.status_code == 400
        assert pending_and_drained(db, hq_dir) == [None]
        # Both answer again, many times over fresh connections.
        assert all(fresh_get(server.url + "/health").status_code == 200 for _ in range(10))
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=40) == 0, server.log_text()
        log = server.log_text()
    assert not alive(first) and not alive(second)
    assert "with 2 worker processes (httptools, uvloop)" in log
    assert log.count("Started server process") == 2
    assert "POST /c/{token} 200" in log and token not in log and csrf.group(1) not in log


def test_a_worker_that_dies_stops_the_listener(hq: tuple[Path, str], tmp_path: Path) -> None:
    _hq_dir, db = hq
    dmz = tmp_path / "dmz"
    dmz.mkdir()
    with serving(dmz, db, "--workers", "2", command="serve-public") as server:
        first, second = workers_of(server.process.pid, 2)
        os.kill(first, signal.SIGKILL)
        assert server.process.wait(timeout=40) == 1, server.log_text()
        assert not alive(second)
        assert "stopping the others" in server.log_text()
