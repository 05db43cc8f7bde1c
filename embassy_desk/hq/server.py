"""``embassy-desk hq serve``: HQ's API under uvicorn, with TLS of its own or behind a TLS terminator.

TLS: give ``certfile`` and ``keyfile`` (PEM) and uvicorn speaks HTTPS itself (TLS 1.2 or newer,
forward-secret AEAD ciphers). Without them HQ speaks plain HTTP and must sit behind a TLS terminator
(nginx, a load balancer) on the same machine or a private network: docs/hq.md says how. Behind one,
the client address (for enrollment's rate limit) comes from ``X-Forwarded-For``, trusted only from
the addresses in ``$FORWARDED_ALLOW_IPS`` (uvicorn's setting; default 127.0.0.1).

Logs (promise 16): uvicorn's own access log is off (it writes the client address and the query
string); hq/app.py writes one line per request with the method, the path, the status and the time,
and uvicorn's error log names no body. One process: the rate limits and the nonce window live in it.

Speed: uvicorn's "auto" HTTP parser and event loop are httptools and uvloop (pinned in the hq extra);
the event loop is made with uvicorn's loop factory, so they are used (the start-up line names them).
``hq serve-public --workers N`` forks N processes that share one listening socket: each has its own
database pool and its own rate limits (docs/checkin-page.md), and all sign forms with one key.
"""

import asyncio
import contextlib
import copy
import logging
import os
import signal
import socket
import ssl
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.hq.app import create_app
from embassy_desk.hq.auth import ApiSettings
from embassy_desk.hq.config import HQConfig
from embassy_desk.hq.errors import HQNotReady
from embassy_desk.hq.keys import HQKeys
from embassy_desk.hq.public.app import create_public_app
from embassy_desk.hq.public.settings import PublicSettings
from embassy_desk.hq.public.sms_settings import SmsSettings
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import keys as sync_keys

__all__ = ["serve", "serve_public"]

log = logging.getLogger("embassy_desk.hq.api")

# TLS 1.2 suites with forward secrecy and AEAD only (TLS 1.3's are fixed by OpenSSL and all good).
TLS_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20"


def serve(
    config: HQConfig,
    host: str,
    port: int,
    certfile: Path | None,
    keyfile: Path | None,
    *,
    settings: ApiSettings | None = None,
    public_port: int | None = None,
    public_host: str | None = None,
) -> None:
    """Serve HQ's API on ``host:port`` until interrupted (SIGINT/SIGTERM stop it cleanly).

    HTTPS when ``certfile`` and ``keyfile`` are given, plain HTTP (for a TLS terminator) when neither
    is. With ``public_port``, the public check-in page and SMS webhook (hq/public/app.py) are served
    in the same process on a second listener (``public_host``, default ``host``), with the same TLS.
    The check-in drainer (hq/checkin_drain.py) runs beside the server and stops with it. Raises
    ValidationError if only one of the TLS files is given or they cannot be read, or a public setting
    in the environment is wrong, HQNotReady (from the store) if HQ is not initialised or its database
    is behind.
    """
    from embassy_desk.hq.checkin_drain import Drainer

    _check_tls_pair(certfile, keyfile)
    public = PublicSettings.from_env()
    sms = SmsSettings.resolve(config.hq_dir)
    store = config.open_store()
    try:
        app = create_app(store, settings=settings, public=public, sms=sms)
        servers = [uvicorn.Server(_server_config(app, host, port, certfile, keyfile))]
        if public_port is not None:
            public_app = create_public_app(store, settings=public, sms=sms)
            listen = public_host or host
            servers.append(uvicorn.Server(_server_config(public_app, listen, public_port, certfile, keyfile)))
        scheme = "HTTPS" if certfile else "HTTP"
        log.info("HQ serves %s on %s:%d (%s)", scheme, host, port, engines(servers[0].config))
        if public_port is not None:
            log.info(
                "HQ serves the public check-in page over %s on %s:%d",
                scheme,
                public_host or host,
                public_port,
            )
        drainer = Drainer(store)
        drainer.start()
        try:
            _run_until_stopped(*servers)
        finally:
            drainer.stop()
    finally:
        store.close()


def serve_public(
    config: HQConfig,
    host: str,
    port: int,
    certfile: Path | None,
    keyfile: Path | None,
    *,
    workers: int = 1,
) -> int:
    """Serve only the public check-in page and SMS webhook on ``host:port`` (a machine in a DMZ with
    access to HQ's database): no console, no sync API, no drainer (``hq serve`` on the closed network
    turns the answers into records). TLS and errors as :func:`serve`.

    ``workers`` > 1 (where the system can fork): that many processes share the listening socket, so
    the page uses every core (the check-in load is CPU-bound in Python, one core per process). The
    form key is the same in all of them (``EMBASSY_DESK_PUBLIC_SECRET``, or one made here before
    they start); rate limits are counted per process. SIGTERM/SIGINT stop them all. Returns the exit
    status: 0 after a clean stop, 1 if a worker died on its own (the others are then stopped too, so
    a service manager restarts the whole listener).
    """
    _check_tls_pair(certfile, keyfile)
    # Read once, here: every worker inherits this object, so with no configured secret they still
    # share the random one PublicSettings made.
    public = PublicSettings.from_env()
    sms = SmsSettings.resolve(config.hq_dir)
    scheme = "HTTPS" if certfile else "HTTP"
    if workers > 1 and not hasattr(os, "fork"):
        log.warning("this system cannot fork: the public listener runs one process, not %d", workers)
        workers = 1
    if workers <= 1:
        store = store_without_keys(config)
        try:
            app = create_public_app(store, settings=public, sms=sms)
            server = uvicorn.Server(_server_config(app, host, port, certfile, keyfile))
            log.info(
                "HQ serves the public check-in page over %s on %s:%d (%s)",
                scheme,
                host,
                port,
                engines(server.config),
            )
            _run_until_stopped(server)
        finally:
            store.close()
        return 0
    # Refuse a database that is not ready (or a bad TLS file) once, before any worker starts.
    store_without_keys(config).close()
    probe = _server_config(FastAPI(), host, port, certfile, keyfile)
    sock = probe.bind_socket()
    log.info(
        "HQ serves the public check-in page over %s on %s:%d with %d worker processes (%s)",
        scheme,
        host,
        port,
        workers,
        engines(probe),
    )
    try:
        return _supervise(
            workers, lambda: _public_worker(config, sock, public, sms, host, port, certfile, keyfile)
        )
    finally:
        sock.close()


def _public_worker(
    config: HQConfig,
    sock: socket.socket,
    public: PublicSettings,
    sms: SmsSettings,
    host: str,
    port: int,
    certfile: Path | None,
    keyfile: Path | None,
) -> None:
    """One forked worker of ``serve_public``: its own database engine (never one made before the
    fork: pooled connections must not be shared between processes), serving on the shared socket."""
    store = store_without_keys(config)
    try:
        app = create_public_app(store, settings=public, sms=sms)
        _run_until_stopped(uvicorn.Server(_server_config(app, host, port, certfile, keyfile)), sockets=[sock])
    finally:
        store.close()


# How long stopped workers get to finish their requests before they are killed.
STOP_GRACE = 30.0


def _supervise(workers: int, work: Any) -> int:
    """Fork ``workers`` processes running ``work()`` and wait for them. SIGTERM or SIGINT here is
    passed on to every worker; a worker that ends on its own stops the others. Returns 0 after a
    requested stop, 1 after a worker's own end."""
    stopping = False
    failed = False

    def on_signal(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    alive: list[int] = []
    try:
        for _ in range(workers):
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the worker
                status = 0
                try:
                    for sig, handler in previous.items():
                        signal.signal(sig, handler)
                    work()
                except BaseException:
                    log.exception("public worker %d failed", os.getpid())
                    status = 1
                finally:
                    logging.shutdown()
                    os._exit(status)
            alive.append(pid)
        signalled_at: float | None = None
        while alive:
            for pid in list(alive):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    alive.remove(pid)
                    if not stopping and signalled_at is None:
                        log.error("public worker %d ended (status %d); stopping the others", pid, status)
                        failed = True
            if (stopping or failed) and signalled_at is None:
                signalled_at = time.monotonic()
                _signal_all(alive, signal.SIGTERM)
            elif signalled_at is not None and time.monotonic() - signalled_at > STOP_GRACE:
                _signal_all(alive, signal.SIGKILL)
            time.sleep(0.1)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 1 if failed else 0


def _signal_all(pids: Sequence[int], sig: signal.Signals) -> None:
    for pid in pids:
        # One that has just ended is collected by the wait loop.
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def store_without_keys(config: HQConfig) -> HQStore:
    """HQ's store for the public listener alone: HQ's database (HQNotReady if it is not at this
    version's schema) with throw-away keys made in memory. The public routes never sign or open
    anything, so a machine in a DMZ needs, and holds, no copy of HQ's private keys."""
    from embassy_desk.hq.database import current_revision, head_revision, make_engine

    engine = make_engine(config.db_url)
    revision = current_revision(engine)
    if revision != head_revision():
        engine.dispose()
        raise HQNotReady(Msg("hq.schema_behind", revision=revision or "-", head=head_revision()))
    return HQStore(engine, HQKeys(sync_keys.new_signing_key(), sync_keys.new_bundle_key()))


def _check_tls_pair(certfile: Path | None, keyfile: Path | None) -> None:
    if (certfile is None) != (keyfile is None):
        missing = "keyfile" if keyfile is None else "certfile"
        raise ValidationError(missing, Msg("hqapi.tls_pair"))


def _server_config(
    app: FastAPI, host: str, port: int, certfile: Path | None, keyfile: Path | None
) -> uvicorn.Config:
    server_config = uvicorn.Config(
        app,
        host=host,
        port=port,
        ssl_certfile=str(certfile) if certfile is not None else None,
        ssl_keyfile=str(keyfile) if keyfile is not None else None,
        ssl_ciphers=TLS_CIPHERS,
        access_log=False,
        log_config=log_config(),
        server_header=False,
        proxy_headers=True,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        timeout_keep_alive=30,
        # A guard against a flood of connections; a post has a handful of workstations, and the
        # public page's answers are short requests.
        limit_concurrency=1000,
    )
    if certfile is not None:
        _load_tls(server_config, certfile)
    return server_config


def engines(server_config: uvicorn.Config) -> str:
    """The HTTP parser and event loop uvicorn runs with this configuration ("httptools, uvloop" when
    both are installed), for the start-up log line."""
    if not server_config.loaded:
        server_config.load()
    protocol = server_config.http_protocol_class
    http = "httptools" if "httptools" in getattr(protocol, "__module__", "") else "h11"
    factory = server_config.get_loop_factory()
    module = (getattr(factory, "__module__", "") or "") if factory is not None else ""
    loop = "uvloop" if "uvloop" in module else "asyncio"
    return f"{http}, {loop}"


def _run_until_stopped(*servers: uvicorn.Server, sockets: list[socket.socket] | None = None) -> None:
    """Run ``servers`` (the first is the main one) in one event loop; after SIGTERM (``systemctl
    stop``) or SIGINT and a clean shutdown of all of them, return normally.

    uvicorn raises the signal that stopped it again once it has shut down, so the process would die
    by SIGTERM; a no-op handler while it runs makes a clean stop end with exit code 0. Only the main
    server listens for signals; when it stops (or any listener does), every other one stops too.
    The loop is uvicorn's choice (uvloop when installed). ``sockets``: an already bound socket for a
    single server (a forked public worker).
    """
    main = servers[0]
    loop_factory = main.config.get_loop_factory()
    if threading.current_thread() is not threading.main_thread():
        # Signals are the main thread's business (an in-process HQ, in tests).
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            runner.run(_serve_all(servers, sockets=sockets))
        return
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
    try:
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            runner.run(_serve_all(servers, signals=main, sockets=sockets))
    finally:
        signal.signal(signal.SIGTERM, previous)


async def _serve_all(
    servers: Sequence[uvicorn.Server],
    signals: uvicorn.Server | None = None,
    sockets: list[socket.socket] | None = None,
) -> None:
    async def stop_together() -> None:
        while not any(server.should_exit for server in servers):
            await asyncio.sleep(0.2)
        for server in servers:
            server.should_exit = True

    async def serving(server: uvicorn.Server) -> None:
        try:
            await server._serve(sockets)  # without its own signal capture: the main server's is enough
        finally:
            server.should_exit = True

    if signals is None:
        await asyncio.gather(*(serving(s) for s in servers), stop_together())
        return
    with signals.capture_signals():
        await asyncio.gather(*(serving(s) for s in servers), stop_together())


def _load_tls(server_config: uvicorn.Config, certfile: Path) -> None:
    """Load the certificate and key now, so a bad file is one plain sentence, not a traceback."""
    try:
        server_config.load()
    except (OSError, ssl.SSLError) as exc:
        raise ValidationError("certfile", Msg("hqapi.tls_unreadable", path=str(certfile))) from exc
    context = server_config.ssl
    if context is not None:
        context.minimum_version = ssl.TLSVersion.TLSv1_2


def log_config() -> dict[str, Any]:
    """uvicorn's logging set-up plus HQ's loggers (``embassy_desk.hq.*``) on the same stderr handler."""
    conf: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    conf["loggers"]["embassy_desk.hq"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    # uvicorn's access logger is not used (access_log=False) but keep it quiet if anything enables it.
    conf["loggers"]["uvicorn.access"]["level"] = "WARNING"
    return conf
