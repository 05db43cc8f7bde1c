"""HQ's own audit chain (hq/audit.py) on SQLite and PostgreSQL: tampering (a changed, deleted or
reordered entry) is found at the right seq; appends from many threads at once keep one unbroken chain;
the console's audit page and JSON page through the log under the chain's state; ``hq audit verify``
exits 0 / 4 (as the workstation's ``audit verify``) and ``hq audit show`` prints the entries."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, update

from embassy_desk.hq import audit
from embassy_desk.hq.app import create_app
from embassy_desk.hq.clock import iso
from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.console.model import OperatorRole
from embassy_desk.hq.database import make_engine
from embassy_desk.hq.store import HQStore
from embassy_desk.hq.tables import hq_audit
from tests.hq_db import MovableClock, hq_backend, hq_clock, hq_store, hq_url, pg_session_url
from tests.integration.test_hq_console_advisories import SETTINGS, sign_in, text_of
from tests.sync_harness import Hq, hq_database

__all__ = ["hq_backend", "hq_clock", "hq_store", "hq_url", "pg_session_url"]  # fixtures used here


def fill(engine: Engine, count: int, clock: MovableClock, *, actor: str = "ops-admin") -> None:
    """``count`` entries, one transaction each (as requests write them)."""
    for number in range(count):
        with engine.begin() as conn:
            audit.append(
                conn,
                at=iso(clock()),
                actor=actor,
                action="device.revoke" if number % 2 else "console.sign_in",
                entity="device" if number % 2 else "operator",
                entity_id=f"dev-{number}" if number % 2 else actor,
                details={"n": number},
            )


def state(engine: Engine) -> audit.ChainState:
    with engine.connect() as conn:
        return audit.verify(conn)


def test_an_untouched_chain_is_intact_and_every_kind_of_tampering_is_found(
    hq_store: HQStore, hq_clock: MovableClock
) -> None:
    engine = hq_store.engine
    assert state(engine) == audit.ChainState(0, None)
    fill(engine, 6, hq_clock)
    assert state(engine) == audit.ChainState(6, None) and state(engine).ok
    with engine.connect() as conn:
        assert audit.count(conn) == 6
        assert [e.seq for e in audit.entries(conn, limit=3)] == [6, 5, 4]
        assert [e.seq for e in audit.entries(conn, before=4, limit=10)] == [3, 2, 1]

    # A changed detail of entry 3.
    with engine.begin() as conn:
        original = conn.execute(hq_audit.select().where(hq_audit.c.seq == 3)).mappings().one()
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 3).values(details='{"n": 99}'))
    assert state(engine).broken_at == 3 and not state(engine).ok
    with engine.begin() as conn:
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 3).values(details=original["details"]))
    assert state(engine).ok

    # A changed actor with the hash recomputed over it: the next entry's prev_hash no longer matches.
    from embassy_desk.storage.audit import entry_hash

    with engine.begin() as conn:
        row = conn.execute(hq_audit.select().where(hq_audit.c.seq == 2)).mappings().one()
        forged = entry_hash(
            row["prev_hash"],
            row["at"],
            "someone-else",
            row["action"],
            row["entity"],
            row["entity_id"],
            row["details"],
        )
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 2).values(actor="someone-else", hash=forged))
    assert state(engine).broken_at == 3
    with engine.begin() as conn:
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 2).values(actor=row["actor"], hash=row["hash"]))

    # Two entries swapped (their seqs exchanged).
    with engine.begin() as conn:
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 4).values(seq=-4))
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 5).values(seq=4))
        conn.execute(update(hq_audit).where(hq_audit.c.seq == -4).values(seq=5))
    assert state(engine).broken_at == 4
    with engine.begin() as conn:
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 4).values(seq=-4))
        conn.execute(update(hq_audit).where(hq_audit.c.seq == 5).values(seq=4))
        conn.execute(update(hq_audit).where(hq_audit.c.seq == -4).values(seq=5))
    assert state(engine).ok

    # A middle entry deleted: the chain breaks where it was.
    with engine.begin() as conn:
        conn.execute(delete(hq_audit).where(hq_audit.c.seq == 3))
    assert state(engine) == audit.ChainState(3, 4)


def test_appends_from_many_threads_at_once_keep_one_chain(hq_store: HQStore, hq_clock: MovableClock) -> None:
    # PostgreSQL: the table lock in append serialises appenders; SQLite: BEGIN IMMEDIATE does.
    engine = hq_store.engine
    threads, each = 6, 15
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def work(number: int) -> None:
        try:
            start.wait(timeout=30)
            fill(engine, each, hq_clock, actor=f"op-{number}")
        except BaseException as exc:  # reported below, with the thread's number
            failures.append(exc)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert not failures, failures
    assert state(engine) == audit.ChainState(threads * each, None)
    with engine.connect() as conn:
        seqs = [e.seq for e in audit.entries(conn, limit=1000)]
    assert sorted(seqs) == list(range(1, threads * each + 1))


# -- the console's audit page ---------------------------------------------------------------------------


def test_the_audit_page_pages_through_the_log_under_the_chain_state(
    hq_store: HQStore, hq_clock: MovableClock
) -> None:
    hq_store.add_post("KZ-SEL", "Embassy in Seoul (test)")
    fill(hq_store.engine, 118, hq_clock)
    with TestClient(create_app(hq_store, console=SETTINGS), base_url="http://127.0.0.1") as client:
        admin = sign_in(hq_store, "ops-admin", OperatorRole.ADMIN, client)
        first = admin.get("/audit")
        assert first.status_code == 200
        assert "Audit chain intact, 118 entries" in text_of(first.text)
        assert 'class="chain ok"' in first.text
        assert 'href="/console/audit?before=69"' in first.text and "device.revoke" in first.text
        second = admin.get("/audit?before=69")
        assert 'href="/console/audit?before=19"' in second.text
        third = admin.get("/audit?before=19")
        assert 'rel="next"' not in third.text and '<td class="num">1</td>' in third.text

        page = admin.get("/api/audit?limit=50").json()
        assert page["chain"] == {"entries": 118, "intact": True, "broken_at": None}
        assert [e["seq"] for e in page["entries"]] == list(range(118, 68, -1)) and page["next_before"] == 69
        assert page["entries"][0]["details"] == {"n": 117}
        last = admin.get("/api/audit?before=19&limit=50").json()
        assert [e["seq"] for e in last["entries"]] == list(range(18, 0, -1)) and last["next_before"] is None
        assert admin.get("/api/audit?before=0").status_code == 422
        assert admin.get("/api/audit?limit=501").status_code == 422

        with hq_store.engine.begin() as conn:
            conn.execute(update(hq_audit).where(hq_audit.c.seq == 40).values(actor="intruder"))
            conn.execute(update(hq_audit).where(hq_audit.c.seq == 41).values(details="[not json"))
        broken = admin.get("/audit")
        assert 'class="chain broken"' in broken.text and "BROKEN at entry 40" in text_of(broken.text)
        assert admin.get("/api/audit").json()["chain"] == {"entries": 40, "intact": False, "broken_at": 40}
        assert admin.get("/api/audit?limit=100").json()["entries"][118 - 41]["details"] == {
            "unreadable": "[not json"
        }


# -- the commands ---------------------------------------------------------------------------------------


def test_hq_audit_verify_and_show(hq_backend: str, tmp_path: Path, hq_clock: MovableClock) -> None:
    with hq_database(hq_backend, tmp_path) as db_url:
        hq = Hq(tmp_path, db_url).init()
        engine = make_engine(db_url or HQConfig.resolve(hq.hq_dir).db_url)
        try:
            empty = hq.cli("audit", "verify")
            assert "intact: 0 entries" in empty.stdout
            assert "empty" in hq.cli("audit", "show").stdout
            fill(engine, 5, hq_clock)
            assert "intact: 5 entries" in hq.cli("audit", "verify").stdout
            shown = json.loads(hq.cli("audit", "show", "--json", "--limit", "2").stdout)
            assert [e["seq"] for e in shown] == [5, 4] and shown[0]["action"] == "console.sign_in"
            lines = hq.cli("audit", "show", "--limit", "3").stdout.splitlines()
            assert len(lines) == 3 and "device.revoke" in lines[1] and "dev-3" in lines[1]
            assert hq.cli("audit", "show", "--limit", "0", check=False).returncode == 2

            with engine.begin() as conn:
                conn.execute(update(hq_audit).where(hq_audit.c.seq == 2).values(details="{}"))
            done = hq.cli("audit", "verify", check=False)
            assert done.returncode == 4 and "broken at entry 2" in done.stderr
        finally:
            engine.dispose()


@pytest.mark.parametrize("hq_backend", ["sqlite"])
def test_hq_audit_verify_in_russian(hq_backend: str, tmp_path: Path) -> None:
    with hq_database(hq_backend, tmp_path) as db_url:
        hq = Hq(tmp_path, db_url).init()
        hq.env["LANG"] = "ru_RU.UTF-8"
        assert "Цепочка аудита центра цела" in hq.cli("audit", "verify").stdout
