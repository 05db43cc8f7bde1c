"""``embassy-desk hq serve``: HQ's API under uvicorn, with TLS of its own or behind a TLS terminator.

TLS: give ``certfile`` and ``keyfile`` (PEM) and uvicorn speaks HTTPS itself (TLS 1.2 or newer,
forward-secret AEAD ciphers). Without them HQ speaks plain HTTP and must sit behind a TLS terminator
(nginx, a load balancer) on the same machine or a private network: docs/hq.md says how. Behind one,
the client address (for enrollment's rate limit) comes from ``X-Forwarded-For``, trusted only from
the addresses in ``$FORWARDED_ALLOW_IPS`` (uvicorn's setting; default 127.0.0.1).

Logs (promise 16): uvicorn's own access log is off (it writes the client address and the query
string); hq/app.py writes one line per request with the method, the path, the status and the time,
and uvicorn's error log names no body. One process: the rate limits and the nonce window live in it.
"""

import copy
import logging
import os
import signal
import ssl
import threading
from pathlib import Path
from typing import Any

import uvicorn

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.hq.app import create_app
from embassy_desk.hq.auth import ApiSettings
from embassy_desk.hq.config import HQConfig

__all__ = ["serve"]

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
) -> None:
    """Serve HQ's API on ``host:port`` until interrupted (SIGINT/SIGTERM stop it cleanly).

    HTTPS when ``certfile`` and ``keyfile`` are given, plain HTTP (for a TLS terminator) when neither
    is. Raises ValidationError if only one is given or they cannot be read, HQNotReady (from the
    store) if HQ is not initialised or its database is behind.
    """
    if (certfile is None) != (keyfile is None):
        missing = "keyfile" if keyfile is None else "certfile"
        raise ValidationError(missing, Msg("hqapi.tls_pair"))
    store = config.open_store()
    try:
        app = create_app(store, settings=settings)
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
            # A guard against a flood of connections; a post has a handful of workstations.
            limit_concurrency=1000,
        )
        if certfile is not None:
            _load_tls(server_config, certfile)
        log.info("HQ serves %s on %s:%d", "HTTPS" if certfile else "HTTP", host, port)
        _run_until_stopped(uvicorn.Server(server_config))
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()


def _run_until_stopped(server: uvicorn.Server) -> None:
    """Run ``server``; after SIGTERM (``systemctl stop``) and a clean shutdown, return normally.

    uvicorn raises the signal that stopped it again once it has shut down, so the process would die
    by SIGTERM; a no-op handler while it runs makes a clean stop end with exit code 0.
    """
    if threading.current_thread() is not threading.main_thread():
        server.run()  # signals are the main thread's business (an in-process HQ, in tests)
        return
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: None)
    try:
        server.run()
    finally:
        signal.signal(signal.SIGTERM, previous)


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
