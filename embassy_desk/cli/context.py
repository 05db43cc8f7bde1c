"""Shared plumbing of CLI commands: the data directory, signing in, printing."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from embassy_desk.cli import credentials
from embassy_desk.cli.output import tell
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import load_vault, open_session, unlock
from embassy_desk.storage.workstation import WorkstationPaths, resolve_data_dir


def has_display() -> bool:
    """False on a Linux machine with no screen (and no Qt platform chosen), where Qt would abort."""
    if sys.platform.startswith("linux"):
        return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    return True


def paths(args: argparse.Namespace) -> WorkstationPaths:
    """The workstation named by ``--data-dir`` / ``EMBASSY_DESK_DATA_DIR`` / the platform folder."""
    return WorkstationPaths(resolve_data_dir(getattr(args, "data_dir", None)))


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[Session]:
    """Unlock the workstation for one command and lock it again afterwards."""
    where = paths(args)
    load_vault(where)  # fail with "no workstation" before asking for a passphrase
    user = credentials.username(getattr(args, "user", None))
    secret = credentials.passphrase(getattr(args, "passphrase_file", None))
    session = unlock(where, user, secret)
    if session.tightened:
        tell("cli.made_private", err=True, paths=", ".join(session.tightened))
    try:
        yield session
    finally:
        session.lock()


@contextmanager
def session_with_key(where: WorkstationPaths, data_key: bytes, user: str) -> Iterator[Session]:
    """A session opened with an already unwrapped key; locked afterwards."""
    session = open_session(where, data_key, user.strip().casefold())
    try:
        yield session
    finally:
        session.lock()


def print_json(value: Any) -> None:
    """Print JSON for scripts: UTF-8, Cyrillic and Hangul as themselves."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def add_auth_options(parser: argparse.ArgumentParser) -> None:
    """``--user`` and ``--passphrase-file`` for commands that sign in."""
    parser.add_argument("--user", help=f"staff user name (or set {credentials.USER_ENV})")
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the passphrase from FILE (or set {credentials.PASSPHRASE_ENV}; else a prompt)",
    )
