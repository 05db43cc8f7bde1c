"""Where the CLI gets secrets: a prompt, or for scripts an environment variable or a file.

Never from a plain command-line argument: those end up in shell history and process lists.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg

PASSPHRASE_ENV = "EMBASSY_DESK_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret
NEW_PASSPHRASE_ENV = "EMBASSY_DESK_NEW_PASSPHRASE"  # noqa: S105 - a variable name
USER_ENV = "EMBASSY_DESK_USER"
RECOVERY_ENV = "EMBASSY_DESK_RECOVERY_CODE"


class MissingCredential(EmbassyDeskError):
    """No way to ask for a secret (no terminal, no variable, no file)."""

    exit_code = 2


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        # The name is not repeated: a secret typed where its file was expected would be printed.
        raise MissingCredential(Msg("cli.secret_file", reason=exc.strerror or "")) from exc
    return text.rstrip("\r\n")


def username(explicit: str | None) -> str:
    """``--user``, else ``EMBASSY_DESK_USER``, else a prompt."""
    name = explicit or os.environ.get(USER_ENV)
    if name:
        return name
    if _interactive():
        return input("User: ").strip()
    raise MissingCredential(Msg("cli.no_user", env=USER_ENV))


def passphrase(file: str | None, *, prompt: str = "Passphrase: ") -> str:
    """``--passphrase-file``, else ``EMBASSY_DESK_PASSPHRASE``, else a hidden prompt."""
    if file:
        return _read_secret_file(file)
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if _interactive():
        return getpass.getpass(prompt)
    raise MissingCredential(Msg("cli.no_passphrase", env=PASSPHRASE_ENV))


def new_passphrase(file: str | None, *, env: str = NEW_PASSPHRASE_ENV) -> str:
    """A new passphrase from a file, an environment variable, or typed twice at a prompt."""
    if file:
        return _read_secret_file(file)
    value = os.environ.get(env)
    if value is not None:
        return value
    if _interactive():
        first = getpass.getpass("New passphrase (12+ characters): ")
        if getpass.getpass("Repeat it: ") != first:
            raise MissingCredential(Msg("cli.passphrases_differ"))
        return first
    raise MissingCredential(Msg("cli.no_new_passphrase", env=env))


def recovery_code(file: str | None) -> str:
    """The recovery code from a file, ``EMBASSY_DESK_RECOVERY_CODE``, or a prompt."""
    if file:
        return _read_secret_file(file)
    env = os.environ.get(RECOVERY_ENV)
    if env:
        return env
    if _interactive():
        return getpass.getpass("Recovery code: ")
    raise MissingCredential(Msg("cli.no_recovery_code", env=RECOVERY_ENV))
