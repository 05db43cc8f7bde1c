"""Real processes for the sync tests: HQ under uvicorn, encrypted workstations, a fault-injecting proxy.

* :func:`postgres_url` makes a fresh PostgreSQL database (dropped afterwards); with ``CI=true`` an
  unreachable server fails the test instead of skipping it.
* :class:`Hq` runs ``embassy-desk hq ...`` commands and ``hq serve`` as a subprocess on a free loopback
  port; it can be SIGKILLed and restarted on the same port.
* :class:`Workstation` is a real SQLCipher workstation (made with the test KDF, so unlocking is quick)
  driven through the ``embassy-desk`` command as a person would; :meth:`Workstation.snapshot` reads
  what must agree between replicas.
* :class:`FaultProxy` sits between workstations and HQ: it cuts a connection after N bytes in either
  direction, delays, delivers every request twice, or calls back when N bytes went by (to SIGKILL HQ
  in the middle of a batch).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_PASSPHRASE

PG_DSN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
_CUT = object()


def letters(number: int, alphabet: str = "абвгдежзик") -> str:
    """``number`` spelt with letters (names may not hold digits): 0 -> "а", 12 -> "бв"."""
    return "".join(alphabet[int(d)] for d in str(number))


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of an ``embassy-desk`` process in these tests: English, no screen."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    if os.environ.get("SYNC_TESTS_DEBUG") != "1":  # SYNC_TESTS_DEBUG=1: let tracebacks through
        env.pop("EMBASSY_DESK_DEBUG", None)
    env.update(extra or {})
    return env


@dataclass
class Done:
    """What a command left: its exit code and its output (as ``subprocess.CompletedProcess``)."""

    returncode: int
    stdout: str
    stderr: str


_main_lock = threading.Lock()


def run_main(argv: list[str], env: dict[str, str], stdin: str | None = None) -> Done:
    """Run ``embassy-desk ARGV`` in this process: the command's own code path (argument parsing,
    sign-in, the service, its messages and exit code) without two seconds of interpreter start-up
    per call. The environment, standard streams, umask and the app's logger are restored after."""
    import io
    import logging

    from embassy_desk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    logger = logging.getLogger("embassy_desk")
    with _main_lock:
        saved_env = dict(os.environ)
        saved_log = (list(logger.handlers), logger.propagate, logger.level)
        saved_stdin = sys.stdin
        os.environ.clear()
        os.environ.update(env)
        umask = os.umask(0o077)
        sys.stdin = io.StringIO(stdin or "")
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exc:  # argparse's usage errors
                    code = int(exc.code or 0)
        finally:
            sys.stdin = saved_stdin
            os.umask(umask)
            os.environ.clear()
            os.environ.update(saved_env)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
                if handler not in saved_log[0]:
                    handler.close()
            for handler in saved_log[0]:
                logger.addHandler(handler)
            logger.propagate, logger.level = saved_log[1], saved_log[2]
    return Done(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one HQ; dropped afterwards."""
    try:
        import psycopg

        admin = psycopg.connect(PG_DSN, autocommit=True)
    except Exception as exc:  # psycopg missing or server down
        if os.environ.get("CI") == "true":
            raise AssertionError(f"PostgreSQL at 127.0.0.1:5432 is needed in CI: {exc}") from exc
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is not reachable: {exc}")
    name = f"edhq_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def hq_database(backend: str, root: Path) -> Iterator[str | None]:
    """The ``--db`` URL of a fresh HQ database: PostgreSQL, or None for the default SQLite file."""
    if backend == "postgresql":
        with postgres_url() as url:
            yield url
    else:
        yield None


class Hq:
    """One HQ: its folder, database, keys and (once started) its uvicorn process."""

    def __init__(self, root: Path, db_url: str | None) -> None:
        self.root = root
        self.hq_dir = root / "hq"
        self.db_url = db_url
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = root / "hq-serve.log"
        self._front: FaultProxy | None = None
        env = {"EMBASSY_DESK_HQ_DIR": str(self.hq_dir)}
        if db_url:
            env["EMBASSY_DESK_HQ_DB"] = db_url
        self.env = cli_env(env)

    @property
    def url(self) -> str:
        """Where workstations reach HQ: through its front proxy (see :class:`FaultProxy`)."""
        if self._front is None:
            self._front = FaultProxy(self.port, forwarded=True)
        return self._front.url

    @property
    def direct_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str, check: bool = True, separate: bool = False) -> Done:
        """``embassy-desk hq ARGS`` against this HQ (in a process of its own with ``separate``)."""
        if separate:
            run = subprocess.run(
                [sys.executable, "-m", "embassy_desk", "hq", *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                env=self.env,
                timeout=120,
            )
            done = Done(run.returncode, run.stdout, run.stderr)
        else:
            done = run_main(["hq", *args], self.env)
        if check:
            assert done.returncode == 0, f"hq {' '.join(args)}: {done.stdout}\n{done.stderr}"
        return done

    def init(self) -> Hq:
        self.cli("init")
        return self

    def add_post(self, code: str, name: str) -> None:
        self.cli("post", "add", code, "--name", name)

    def enroll_code(self, post: str) -> str:
        out = self.cli("enroll-code", "--post", post).stdout.strip().splitlines()
        return out[-1].strip()

    def enroll(self, ws: Workstation, post: str, *, url: str | None = None) -> None:
        """Enroll ``ws`` in ``post`` (through ``url``, e.g. a proxy's, else HQ's own address)."""
        ws.enroll(url or self.url, self.enroll_code(post))

    def devices(self) -> list[dict[str, Any]]:
        return list(json.loads(self.cli("devices", "--json").stdout))

    def start(self) -> None:
        """``hq serve`` on this HQ's port; returns once ``/health`` answers."""
        assert self.process is None or self.process.poll() is not None
        handle = self.log.open("ab")
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
                str(self.port),
            ],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=self.env,
        )
        handle.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"hq serve exited {self.process.returncode}: {self.log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.direct_url}/health", timeout=1.0).status_code == 200:
                    return
            time.sleep(0.1)
        raise AssertionError(f"hq serve did not answer /health: {self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush, as a power cut would leave it."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self._front is not None:
            self._front.close()
            self._front = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def restart(self) -> None:
        self.kill()
        self.start()


class Workstation:
    """A real encrypted workstation driven by the ``embassy-desk`` command."""

    def __init__(self, root: Path, post_name: str) -> None:
        from embassy_desk.services.session import PostInfo
        from embassy_desk.services.workstation import init_workstation
        from embassy_desk.storage.kdf import TEST_KDF

        self.root = root
        result = init_workstation(
            root,
            post=PostInfo(name=post_name, home_country="KZ", host_country="KR"),
            admin_username="admin",
            admin_display_name=f"Admin of {root.name}",
            passphrase=ADMIN_PASSPHRASE,
            kdf=TEST_KDF,
        )
        self.paths = result.paths
        self.env = cli_env({"EMBASSY_DESK_PASSPHRASE": ADMIN_PASSPHRASE, "EMBASSY_DESK_USER": "admin"})
        self._key: bytes | None = None

    def cli(self, *args: str, stdin: str | None = None, separate: bool = False) -> Done:
        """``embassy-desk --data-dir ROOT ARGS``: in this process (see :func:`run_main`), or with
        ``separate`` in a process of its own, exactly as a person's shell runs it."""
        argv = ["--data-dir", str(self.root), *args]
        if not separate:
            return run_main(argv, self.env, stdin)
        run = subprocess.run(
            [sys.executable, "-m", "embassy_desk", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            timeout=180,
        )
        return Done(run.returncode, run.stdout, run.stderr)

    def ok(self, *args: str, stdin: str | None = None, separate: bool = False) -> str:
        done = self.cli(*args, stdin=stdin, separate=separate)
        assert done.returncode == 0, f"{' '.join(args)} -> {done.returncode}: {done.stdout}\n{done.stderr}"
        return done.stdout

    def enroll(self, url: str, code: str) -> None:
        self.ok("sync", "enroll", url, code)

    def sync(self, *, separate: bool = False) -> dict[str, Any]:
        """One ``embassy-desk sync --json`` that must succeed."""
        return dict(json.loads(self.ok("sync", "--json", separate=separate)))

    # Data entry and inspection go through the services with the data key unwrapped once (the
    # passphrase's Argon2 costs a fifth of a second per sign-in); sync itself goes through commands.

    def add_citizen(self, allow_duplicate: bool = False, **fields: object) -> str:
        from embassy_desk.services import registry

        with self.session() as session:
            return registry.register_citizen(session, fields, allow_duplicate=allow_duplicate).id

    def edit(self, citizen_id: str, **values: str) -> None:
        from embassy_desk.services import registry

        with self.session() as session:
            registry.edit_citizen(session, citizen_id, values)

    def delete(self, citizen_id: str) -> None:
        from embassy_desk.services import registry

        with self.session() as session:
            registry.delete_citizen(session, citizen_id)

    def show(self, citizen_id: str) -> dict[str, Any] | None:
        from embassy_desk.domain.errors import NotFoundError
        from embassy_desk.services import registry

        with self.session() as session:
            try:
                return dict(registry.get_citizen(session, citizen_id).to_json())
            except NotFoundError:
                return None

    @contextlib.contextmanager
    def session(self) -> Iterator[Any]:
        """The administrator's session (the key is unwrapped with the passphrase the first time)."""
        from embassy_desk.services.workstation import open_session, unlock

        if self._key is None:
            session = unlock(self.paths, "admin", ADMIN_PASSPHRASE)
            self._key = session.data_key
        else:
            session = open_session(self.paths, self._key, "admin")
        try:
            yield session
        finally:
            session.lock()

    def snapshot(self) -> Snapshot:
        """What must be the same on every replica of a post: records, values, counts, digest."""
        from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS
        from embassy_desk.sync import digest

        tables: dict[str, list[tuple[Any, ...]]] = {}
        with self.session() as session, session.read() as conn:
            columns = ", ".join(("id", *CITIZEN_DATA_COLUMNS))
            tables["citizens"] = [
                tuple(r) for r in conn.exec_driver_sql(f"SELECT {columns} FROM citizens ORDER BY id")
            ]
            for table, cols in _REPLICATED.items():
                tables[table] = [
                    tuple(r)
                    for r in conn.exec_driver_sql(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1, 2")
                ]
            summary = digest.local_summary(conn)
            pending = int(conn.exec_driver_sql("SELECT count(*) FROM change_log WHERE sent = 0").scalar_one())
            conflicts = [
                tuple(r) for r in conn.exec_driver_sql("SELECT id, status FROM sync_conflicts ORDER BY id")
            ]
        counts = {k: v for k, v in summary.counts.items() if v}
        return Snapshot(tables, counts, summary.digest, pending, conflicts)


# Columns of the replicated tables that every replica must hold alike (local bookkeeping excluded).
_REPLICATED: dict[str, tuple[str, ...]] = {
    "contacts": ("id", "citizen_id", "at", "channel", "direction", "outcome", "welfare_status", "note"),
    "cases": ("id", "citizen_id", "kind", "status", "priority", "summary"),
    "households": ("id", "name"),
}


@dataclass
class Snapshot:
    """One replica's state as the convergence checks compare it."""

    tables: dict[str, list[tuple[Any, ...]]]
    counts: dict[str, int]
    digest: str
    pending: int
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)

    def same_data(self, other: Snapshot) -> bool:
        return self.tables == other.tables and self.counts == other.counts and self.digest == other.digest


def assert_converged(hq_summary: Any, *stations: Workstation) -> list[Snapshot]:
    """Every workstation holds the same records with the same values, counts and digest as each
    other and as HQ's summary; nothing waits to be sent."""
    shots = [ws.snapshot() for ws in stations]
    first = shots[0]
    for ws, shot in zip(stations, shots, strict=True):
        assert shot.pending == 0, f"{ws.root.name}: {shot.pending} entries not acknowledged"
        for table in first.tables:
            assert shot.tables[table] == first.tables[table], f"{ws.root.name}: {table} differs"
        assert shot.counts == first.counts, f"{ws.root.name}: counts differ"
        assert shot.digest == first.digest, f"{ws.root.name}: digest differs"
        # Nothing duplicated: every id at most once.
        for table, rows in shot.tables.items():
            ids = [row[0] for row in rows]
            assert len(ids) == len(set(ids)), f"{ws.root.name}: duplicate ids in {table}"
    if hq_summary is not None:
        theirs = {k: v for k, v in hq_summary.counts.items() if v}
        assert theirs == first.counts, f"HQ counts {theirs} != {first.counts}"
        assert hq_summary.digest == first.digest, "HQ digest differs"
    return shots


def hq_summary(ws: Workstation) -> Any:
    """HQ's Summary of the post, asked with the workstation's own keys (a real signed request)."""
    from embassy_desk.services import sync
    from embassy_desk.sync.client import HqClient

    with ws.session() as session:
        enrollment = sync.enrollment_of(session)
        device = session.device_id
    with HqClient(enrollment.hq_url, device_id=device, signing_key=enrollment.device_signing_key) as client:
        return client.summary()


# The fault-injecting proxy -------------------------------------------------------------------------


@dataclass
class _Rule:
    direction: str  # "up" (workstation -> HQ) or "down"
    at: int  # cumulative bytes in that direction when it fires
    action: Callable[[], None] | None  # None: cut the connection


class FaultProxy:
    """A TCP proxy on a loopback port in front of ``upstream_port``.

    Bytes are counted per direction across all connections since the last :meth:`reset`, so a rule
    "cut after N bytes up" fires at one precise point of a whole sync, whatever connection carries it.
    Rules fire once. A cut closes both sides with RST (SO_LINGER 0), as a dropped line looks.
    """

    def __init__(self, upstream_port: int, *, forwarded: bool = False) -> None:
        self.upstream_port = upstream_port
        # Name each connection's client with an X-Forwarded-For address of its own, as a TLS
        # terminator in front of HQ does (HQ trusts it from loopback): HQ's per-address limit on
        # enrollments then sees many clients rather than one 127.0.0.1.
        self.forwarded = forwarded
        self._connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._server.getsockname()[1])
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self.delay = 0.0
        self.duplicate = False
        self.counted = {"up": 0, "down": 0}
        self.fired: list[str] = []
        self._open: set[socket.socket] = set()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        """Forget rules, counters and settings."""
        with self._lock:
            self._rules.clear()
            self.counted = {"up": 0, "down": 0}
            self.fired.clear()
            self.delay = 0.0
            self.duplicate = False

    def cut_after(self, direction: str, count: int) -> None:
        """Cut the connection carrying byte ``count`` (from now) in ``direction``."""
        with self._lock:
            self._rules.append(_Rule(direction, self.counted[direction] + count, None))

    def when(self, direction: str, count: int, action: Callable[[], None]) -> None:
        """Call ``action`` (once, from the proxy's thread) when ``count`` more bytes went ``direction``."""
        with self._lock:
            self._rules.append(_Rule(direction, self.counted[direction] + count, action))

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._server.close()
        for sock in list(self._open):
            with contextlib.suppress(OSError):
                sock.close()

    # Internals

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            except OSError:
                _reset(client)
                continue
            upstream.settimeout(None)
            shadow = None
            if self.duplicate:
                with contextlib.suppress(OSError):
                    shadow = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
                    shadow.settimeout(None)
                    threading.Thread(target=_drain, args=(shadow,), daemon=True).start()
            self._open.update({client, upstream})
            pair = (client, upstream)
            self._connections += 1
            if self.forwarded:
                client = _Forwarding(
                    client, f"10.{self._connections // 250 % 250}.{self._connections % 250}.1"
                )
            threading.Thread(
                target=self._pump, args=(client, upstream, "up", pair, shadow), daemon=True
            ).start()
            threading.Thread(
                target=self._pump, args=(upstream, client, "down", pair, None), daemon=True
            ).start()

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        direction: str,
        pair: tuple[socket.socket, socket.socket],
        shadow: socket.socket | None,
    ) -> None:
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    with contextlib.suppress(OSError):
                        target.shutdown(socket.SHUT_WR)
                    return
                if self.delay:
                    time.sleep(self.delay)
                forward, actions, cut = self._account(direction, chunk)
                if forward:
                    target.sendall(forward)
                    if shadow is not None:
                        with contextlib.suppress(OSError):
                            shadow.sendall(forward)
                for action in actions:
                    action()
                if cut:
                    for sock in pair:
                        _reset(sock)
                    return
        except OSError:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.close()

    def _account(self, direction: str, chunk: bytes) -> tuple[bytes, list[Callable[[], None]], bool]:
        """How much of ``chunk`` to forward, which callbacks are due, and whether to cut after it."""
        with self._lock:
            start = self.counted[direction]
            end = start + len(chunk)
            actions: list[Callable[[], None]] = []
            cut_at: int | None = None
            for rule in list(self._rules):
                if rule.direction != direction or rule.at > end:
                    continue
                self._rules.remove(rule)
                if rule.action is None:
                    cut_at = rule.at if cut_at is None else min(cut_at, rule.at)
                    self.fired.append(f"cut {direction} at {rule.at}")
                else:
                    actions.append(rule.action)
                    self.fired.append(f"action {direction} at {rule.at}")
            if cut_at is not None:
                keep = max(0, cut_at - start)
                self.counted[direction] = start + keep
                return chunk[:keep], actions, True
            self.counted[direction] = end
            return chunk, actions, False


class _Forwarding:
    """A client socket whose first request gets an ``X-Forwarded-For`` header after its request line."""

    def __init__(self, sock: socket.socket, address: str) -> None:
        self._sock = sock
        self._header = f"X-Forwarded-For: {address}\r\n".encode("ascii")
        self._done = False

    def recv(self, size: int) -> bytes:
        if self._done:
            return self._sock.recv(size)
        data = b""
        while True:
            chunk = self._sock.recv(size)
            if not chunk:
                self._done = True
                return data
            data += chunk
            line_end = data.find(b"\r\n")
            if line_end >= 0 or len(data) > 8192:
                self._done = True
                if line_end >= 0:
                    data = data[: line_end + 2] + self._header + data[line_end + 2 :]
                return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _reset(sock: socket.socket) -> None:
    """Close with RST, so the peer sees a dropped connection rather than a clean end."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    # SHUT_RD wakes the other pump thread blocked in recv() on this socket (it holds the socket
    # open, so close() alone would send nothing until it returns); it sends nothing itself.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)
    with contextlib.suppress(OSError):
        sock.close()


def _drain(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while sock.recv(65536):
            pass
    with contextlib.suppress(OSError):
        sock.close()


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()
