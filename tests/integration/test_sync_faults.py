"""Sync under faults, with real processes (issue 11, "Proof: Faults").

The workstations talk to HQ through :class:`tests.sync_harness.FaultProxy`. The connection is cut at
several points of a push and of a pull, HQ is SIGKILLed in the middle of a batch and restarted, and
requests are delivered twice and batches out of order. After each fault a plain sync resumes, and
all databases converge: the same records with the same values, counts and digest as HQ's, nothing
lost, nothing duplicated.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync_harness import (
    FaultProxy,
    Hq,
    Workstation,
    assert_converged,
    hq_database,
    hq_summary,
    letters,
)

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hq]:
    """HQ on a fresh PostgreSQL database."""
    root = tmp_path_factory.mktemp("hq-faults")
    with hq_database("postgresql", root) as url:
        server = Hq(root, url).init()
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def proxy(hq: Hq) -> Iterator[FaultProxy]:
    faulty = FaultProxy(hq.port)
    yield faulty
    faulty.close()


def _pair(hq: Hq, proxy: FaultProxy, tmp_path: Path) -> tuple[Workstation, Workstation]:
    """A fresh post with two workstations that reach HQ only through the proxy."""
    code = f"KZ-{secrets.token_hex(3).upper()}"
    name = f"Faulty post {code}"
    hq.add_post(code, name)
    stations = (Workstation(tmp_path / "ws1", name), Workstation(tmp_path / "ws2", name))
    for ws in stations:
        hq.enroll(ws, code, url=proxy.url)
    return stations


def _people(ws: Workstation, count: int, tag: str) -> list[str]:
    return [
        ws.add_citizen(
            allow_duplicate=True,
            surname=f"Тест{tag}{letters(i)}",
            given_names="Айгерим",
            sex="F",
            birth_date=f"19{70 + i % 30}-0{1 + i % 9}-1{i % 10}",
            notes=secrets.token_hex(150),  # bodies of a few kilobytes (incompressible), so cuts land inside
            region="Seoul",
        )
        for i in range(count)
    ]


def _failed_cleanly(done: object) -> None:
    """A sync cut by a fault exits 8 with one sentence (or, if the cut missed it, succeeds)."""
    rc = done.returncode  # type: ignore[attr-defined]
    err = done.stderr  # type: ignore[attr-defined]
    assert rc in (0, 8), err
    assert "Traceback" not in err
    if rc == 8:
        assert len(err.strip().splitlines()) == 1, err


def test_connection_cut_at_every_step_of_push_and_pull(hq: Hq, proxy: FaultProxy, tmp_path: Path) -> None:
    a, b = _pair(hq, proxy, tmp_path)
    # One clean round measures how many bytes a push (a's sync) and a pull (b's) move each way.
    _people(a, 4, "мера")
    proxy.reset()
    a.sync()
    pushed = dict(proxy.counted)
    proxy.reset()
    b.sync()
    pulled = dict(proxy.counted)
    # Then the same amount of work, cut at points spread over each sync: in its requests (the push
    # body, the pull and summary requests) and in its answers (acknowledgement, pulled batch, summary).
    steps = [("push", "up", f) for f in (0.05, 0.35, 0.65, 0.95)]
    steps += [("push", "down", f) for f in (0.2, 0.8)]
    steps += [("pull", "down", f) for f in (0.05, 0.35, 0.65, 0.95)]
    steps += [("pull", "up", f) for f in (0.2, 0.8)]
    for number, (side, direction, fraction) in enumerate(steps):
        _people(a, 4, letters(number, "абвгдежзик"))
        if side == "pull":
            a.sync()
        ws = a if side == "push" else b
        total = (pushed if side == "push" else pulled)[direction]
        proxy.reset()
        proxy.cut_after(direction, max(1, int(total * fraction)))
        done = ws.cli("sync")
        assert proxy.fired, f"{side} {direction} {fraction}: the cut missed ({proxy.counted} of {total})"
        assert done.returncode == 8, (side, direction, fraction, done.stdout, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        proxy.reset()
        # The next plain sync resumes; nothing is lost or duplicated anywhere.
        ws.sync()
        (b if ws is a else a).sync()
        assert_converged(hq_summary(a), a, b)


def test_hq_killed_mid_batch_and_restarted(hq: Hq, proxy: FaultProxy, tmp_path: Path) -> None:
    a, b = _pair(hq, proxy, tmp_path)
    _people(a, 10, "мера")
    proxy.reset()
    a.sync()
    pushed = proxy.counted["up"]  # the push request is most of it
    b.sync()
    # SIGKILL while the push body is on its way (HQ has part of the batch), and once HQ has taken
    # all of it and starts to answer (committed, but the workstation never hears so).
    for number, (direction, count) in enumerate((("up", pushed // 4), ("up", pushed * 3 // 5), ("down", 1))):
        _people(a, 10, f"к{letters(number)}")
        proxy.reset()
        proxy.when(direction, count, hq.kill)
        done = a.cli("sync")
        assert done.returncode == 8, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
        proxy.reset()
        hq.start()
        a.sync()
        b.sync()
        assert_converged(hq_summary(a), a, b)
    # And during a pull: b's answer is on its way when HQ dies.
    _people(a, 5, "пул")
    a.sync()
    proxy.reset()
    proxy.delay = 0.05
    proxy.when("down", 400, hq.kill)
    _failed_cleanly(b.cli("sync"))
    proxy.reset()
    hq.start()
    b.sync()
    a.sync()
    assert_converged(hq_summary(a), a, b)


def test_requests_delivered_twice_and_batches_out_of_order(hq: Hq, proxy: FaultProxy, tmp_path: Path) -> None:
    from embassy_desk.services import sync
    from embassy_desk.sync import outbox
    from embassy_desk.sync.client import HqClient
    from embassy_desk.sync.wire import PROTOCOL_VERSION, PushRequest

    a, b = _pair(hq, proxy, tmp_path)
    # Every request reaches HQ twice (a replay on a second connection).
    _people(a, 5, "дуп")
    proxy.reset()
    proxy.duplicate = True
    _failed_cleanly(a.cli("sync"))
    _failed_cleanly(b.cli("sync"))
    proxy.reset()
    a.sync()
    b.sync()
    assert_converged(hq_summary(a), a, b)

    # Batches out of order, and the first one again: HQ keeps each entry once.
    _people(a, 6, "оор")
    with a.session() as session:
        enrollment = sync.enrollment_of(session)
        device = session.device_id
        with session.read() as conn:
            entries, _through = outbox.pending_batch(conn, 0, 1000)
    assert len(entries) >= 6
    half = len(entries) // 2
    batches = [entries[half:], entries[:half], entries[half:]]
    with HqClient(hq.url, device_id=device, signing_key=enrollment.device_signing_key) as client:
        answers = [
            client.push(
                PushRequest(
                    protocol=PROTOCOL_VERSION,
                    schema_version=entries[0].schema_version,
                    entries=batch,
                    through=0,
                )
            )
            for batch in batches
        ]
    assert answers[0].accepted == len(entries) - half and answers[1].accepted == half
    assert answers[2].accepted == 0 and answers[2].duplicates == len(entries) - half
    # The same id with other content is refused and named, and does not block the batch.
    changed = entries[0].model_copy(update={"fields": {**entries[0].fields, "notes": "other"}})
    with HqClient(hq.url, device_id=device, signing_key=enrollment.device_signing_key) as client:
        answer = client.push(
            PushRequest(
                protocol=PROTOCOL_VERSION,
                schema_version=entries[0].schema_version,
                entries=[changed],
                through=0,
            )
        )
    assert [r.status for r in answer.rejected] == [409]
    a.sync()  # pushes them all again (not marked sent): all duplicates
    b.sync()
    shots = assert_converged(hq_summary(a), a, b)
    assert json.loads(a.ok("sync", "status", "--json"))["pending"] == 0
    assert len(shots[0].tables["citizens"]) == 11


def test_hq_restored_from_an_older_backup_gets_everything_back(tmp_path: Path) -> None:
    """HQ's database is put back to a copy taken before the last syncs (docs/hq.md, Backups): the
    next syncs notice HQ's log ends before their cursors, send their whole logs again and pull
    everything again; nothing the workstations had is lost, and HQ's audit chains stay intact."""
    import shutil

    root = tmp_path / "hq-restore"
    with hq_database("sqlite", root) as url:
        server = Hq(root, url).init()
        server.start()
        try:
            server.add_post("KZ-RST", "Restored post")
            a = Workstation(tmp_path / "ws1", "Restored post")
            b = Workstation(tmp_path / "ws2", "Restored post")
            server.enroll(a, "KZ-RST")
            server.enroll(b, "KZ-RST")
            _people(a, 3, "до")
            a.sync()
            b.sync()
            # A crash-consistent copy of the database and its write-ahead log (HQ stopped hard, so
            # the workstations' proxy in front of HQ stays where they know it).
            server.kill()
            backup = tmp_path / "backup"
            backup.mkdir()
            for file in server.hq_dir.glob("hq.sqlite3*"):
                shutil.copy2(file, backup / file.name)
            server.start()
            _people(a, 4, "после")
            _people(b, 2, "втор")
            a.sync()
            b.sync()
            a.sync()
            server.kill()  # the restore: the database as it was before the last syncs
            for file in server.hq_dir.glob("hq.sqlite3*"):
                file.unlink()
            for file in backup.iterdir():
                shutil.copy2(file, server.hq_dir / file.name)
            server.start()
            # a cannot be verified yet: it holds b's records that HQ lost and only b can send again.
            a.sync()
            assert b.sync()["verified"]
            assert a.sync()["verified"]
            shots = assert_converged(hq_summary(a), a, b)
            assert shots[0].counts["citizen"] == 9
            assert all(d["audit_chain"] == "ok" for d in server.devices()), server.devices()
        finally:
            server.stop()
