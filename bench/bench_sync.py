"""Sync benchmark: the demo post through a real HQ on PostgreSQL, beside a raw ``COPY`` baseline.

    python3 dev.py bench --only sync

What is measured (issue 11's goals), HQ served by ``embassy-desk hq serve`` (uvicorn) on a fresh
PostgreSQL database at 127.0.0.1:5432, workstations are real SQLCipher files:

* first push: the demo post (30,000 citizens with their contacts and cases) from its workstation to
  HQ with ``services.sync.run_sync`` (push, pull of its own entries back, summary check); goal <= 60 s;
* first pull: a second workstation of the post enrolls and runs its first sync; goal <= 60 s;
* 100 changes: edits on the first workstation, then its sync and the second one's; goal <= 1 s;
* bytes on the wire per change (both directions, counted by a TCP relay in front of HQ);
* raw baseline: the same entries (as HQ stores them) and the same materialised records written with
  psycopg ``COPY`` into the same HQ tables of another post; ratio = ours / raw.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from bench_report import Line

from embassy_desk.demo.generator import DemoSettings
from embassy_desk.demo.post import DEMO_PASSPHRASE, build_demo_post
from embassy_desk.services import registry
from embassy_desk.services import sync as sync_service
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage.kdf import TEST_KDF
from embassy_desk.storage.workstation import WorkstationPaths

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
POST_CODE = "KZ-SEL"
RAW_POST = "RAW-COPY"
GOAL_FIRST_S = 60.0
GOAL_ROUND_TRIP_S = 1.0
CHANGES = 100
SECOND_PASSPHRASE = "harbour lantern violet 58"  # noqa: S105 - a throw-away benchmark workstation


class CountingRelay:
    """A TCP relay in front of HQ that counts the bytes going each way."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.sent = 0  # workstation -> HQ
        self.received = 0  # HQ -> workstation
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._server.getsockname()[1])
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self) -> tuple[int, int]:
        with self._lock:
            counts = (self.sent, self.received)
            self.sent = self.received = 0
        return counts

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, outbound: bool) -> None:
        try:
            while data := source.recv(65536):
                with self._lock:
                    if outbound:
                        self.sent += len(data)
                    else:
                        self.received += len(data)
                target.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self._server.close()


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    import psycopg

    name = f"edbench_{secrets.token_hex(5)}"
    with psycopg.connect(PG_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class HqProcess:
    """``embassy-desk hq`` commands and ``hq serve`` against one HQ folder and database."""

    def __init__(self, root: Path, db_url: str) -> None:
        self.env = {**os.environ, "EMBASSY_DESK_HQ_DIR": str(root), "EMBASSY_DESK_HQ_DB": db_url}
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root.parent / "hq-serve.log"

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "embassy_desk", "hq", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"hq {' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
        return done.stdout

    def start(self) -> None:
        with self.log.open("ab") as handle:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "embassy_desk", "hq", "serve", "--port", str(self.port)],
                env=self.env,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"hq serve did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(20)


def _timed_sync(session: Session) -> tuple[float, Any]:
    start = time.perf_counter()
    report = sync_service.run_sync(session)
    return time.perf_counter() - start, report


def _raw_copy(db_name: str) -> dict[str, Any]:
    """The post's entries and records as HQ stored them, written again with COPY under another post."""
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port=5432 user=postgres dbname={db_name}") as conn:
        entry_cols = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'entries'"
                " ORDER BY ordinal_position"
            )
        ]
        record_cols = [
            r[0]
            for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'records'"
                " ORDER BY ordinal_position"
            )
        ]
        entries = conn.execute(
            f"SELECT {', '.join(entry_cols)} FROM entries WHERE post = %s ORDER BY seq", (POST_CODE,)
        ).fetchall()
        records = conn.execute(
            f"SELECT {', '.join(record_cols)} FROM records WHERE post = %s", (POST_CODE,)
        ).fetchall()
        conn.execute(
            "INSERT INTO posts (code, name, next_seq, created_at) SELECT %s, 'raw', 0, created_at"
            " FROM posts WHERE code = %s",
            (RAW_POST, POST_CODE),
        )
        conn.commit()
        post_e, post_r = entry_cols.index("post"), record_cols.index("post")
        start = time.perf_counter()
        with conn.cursor() as cur:
            with cur.copy(f"COPY entries ({', '.join(entry_cols)}) FROM STDIN") as copy:
                for row in entries:
                    values = list(row)
                    values[post_e] = RAW_POST
                    copy.write_row(values)
            with cur.copy(f"COPY records ({', '.join(record_cols)}) FROM STDIN") as copy:
                for row in records:
                    values = list(row)
                    values[post_r] = RAW_POST
                    copy.write_row(values)
        conn.commit()
        seconds = time.perf_counter() - start
        pulled_start = time.perf_counter()
        rows = conn.execute(
            f"SELECT {', '.join(entry_cols)} FROM entries WHERE post = %s ORDER BY seq", (RAW_POST,)
        ).fetchall()
        read_seconds = time.perf_counter() - pulled_start
    return {
        "entries": len(entries),
        "records": len(records),
        "copy_seconds": seconds,
        "read_seconds": read_seconds,
        "read_rows": len(rows),
    }


def phase_sync(bench: Any) -> None:
    """Run the sync measurements inside ``bench/run.py``'s phase machinery."""
    with bench.phase("sync") as data, postgres_database() as db_name:
        root = bench.tmp / "sync"
        root.mkdir(parents=True, exist_ok=True)
        hq = HqProcess(root / "hq", f"postgresql+psycopg://postgres@127.0.0.1:5432/{db_name}")
        hq.cli("init")
        hq.cli("post", "add", POST_CODE, "--name", "Embassy of Kazakhstan in Seoul (benchmark)")
        hq.start()
        relay = CountingRelay(hq.port)
        url = f"http://127.0.0.1:{relay.port}"
        try:
            bench.say("building the demo post (30,000 citizens, contacts, cases; not timed) ...")
            demo = build_demo_post(root / "ws1", DemoSettings(), kdf=TEST_KDF)
            first = unlock(demo.paths, "admin", DEMO_PASSPHRASE)
            with first.read() as conn:
                pending = int(conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar_one())
            bench.say(f"  {pending:,} change-log entries to push")
            sync_service.enroll(first, url, hq.cli("enroll-code", "--post", POST_CODE).splitlines()[-1])
            relay.reset()
            push_s, push = _timed_sync(first)
            push_up, push_down = relay.reset()
            bench.say(f"first push: {push_s:.1f} s, {push.pushed:,} entries, {push_up / 2**20:.1f} MiB up")

            init_workstation(
                root / "ws2",
                post=first.post,
                admin_username="deskb",
                admin_display_name="Second desk",
                passphrase=SECOND_PASSPHRASE,
                kdf=TEST_KDF,
            )
            second = unlock(WorkstationPaths(root / "ws2"), "deskb", SECOND_PASSPHRASE)
            sync_service.enroll(second, url, hq.cli("enroll-code", "--post", POST_CODE).splitlines()[-1])
            relay.reset()
            pull_s, pull = _timed_sync(second)
            _pull_up, pull_down = relay.reset()
            bench.say(
                f"first pull: {pull_s:.1f} s, {pull.pulled:,} entries, {pull_down / 2**20:.1f} MiB down"
            )
            with second.read() as conn:
                citizens_second = int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())

            with first.read() as conn:
                ids = [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM citizens LIMIT {CHANGES}")]
            for n, citizen_id in enumerate(ids):
                registry.edit_citizen(first, citizen_id, {"notes": f"benchmark change {n}"})
            relay.reset()
            start = time.perf_counter()
            a = sync_service.run_sync(first)
            b = sync_service.run_sync(second)
            round_trip_s = time.perf_counter() - start
            rt_up, rt_down = relay.reset()
            bench.say(
                f"{CHANGES} changes: {round_trip_s * 1000:.0f} ms round trip (pushed {a.pushed}, pulled"
                f" {b.pulled}), {(rt_up + rt_down) / CHANGES:.0f} bytes/change on the wire"
            )
            first.lock()
            second.lock()
        finally:
            relay.close()
            hq.stop()
        bench.say("raw baseline: COPY of the same entries and records into HQ's tables ...")
        raw = _raw_copy(db_name)
        bench.say(f"  {raw['entries']:,} entries + {raw['records']:,} records in {raw['copy_seconds']:.2f} s")
        entries = max(push.pushed, 1)
        data.update(
            {
                "entries_pushed": push.pushed,
                "first_push_seconds": round(push_s, 2),
                "first_push_bytes_up": push_up,
                "first_push_bytes_down": push_down,
                "first_pull_entries": pull.pulled,
                "first_pull_seconds": round(pull_s, 2),
                "first_pull_bytes_down": pull_down,
                "second_workstation_citizens": citizens_second,
                "round_trip_changes": CHANGES,
                "round_trip_seconds": round(round_trip_s, 3),
                "round_trip_bytes": rt_up + rt_down,
                "raw": raw,
            }
        )
        bench.lines += [
            Line(
                "sync: first push of the demo post",
                f"{push_s:.1f} s ({push.pushed:,} entries)",
                f"{raw['copy_seconds']:.2f} s COPY",
                push_s / raw["copy_seconds"],
                f"<= {GOAL_FIRST_S:.0f} s",
                push_s <= GOAL_FIRST_S,
            ),
            Line(
                "sync: second workstation's first pull",
                f"{pull_s:.1f} s ({pull.pulled:,} entries)",
                f"{raw['read_seconds']:.2f} s SELECT",
                pull_s / max(raw["read_seconds"], 1e-6),
                f"<= {GOAL_FIRST_S:.0f} s",
                pull_s <= GOAL_FIRST_S,
            ),
            Line(
                f"sync: {CHANGES} changes round trip",
                f"{round_trip_s * 1000:.0f} ms",
                "-",
                None,
                f"<= {GOAL_ROUND_TRIP_S * 1000:.0f} ms",
                round_trip_s <= GOAL_ROUND_TRIP_S,
            ),
            Line(
                "sync: bytes on the wire per change",
                f"{(rt_up + rt_down) / CHANGES:.0f} B (first push {push_up / entries:.0f} B up)",
                "-",
                None,
                "-",
                None,
            ),
        ]
