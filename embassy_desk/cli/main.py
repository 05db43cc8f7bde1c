"""``embassy-desk``: the command line. Errors people can act on become one line and an exit code.

Messages and errors are in the language of ``LANGUAGE`` / ``LC_ALL`` / ``LANG`` (ru, kk; English
otherwise); see :mod:`embassy_desk.cli.output`.

Exit codes: 0 done; 1 unexpected error; 2 bad input; 3 sign-in refused; 4 data altered or
damaged; 5 not allowed for your role; 6 possible duplicate; 7 import finished with rejected rows;
8 HQ cannot be reached (sync can be run again); 9 refused by HQ (revoked device, clock skew,
client too old, not enrolled).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from embassy_desk.cli import (
    cmd_campaign,
    cmd_checkin,
    cmd_demo,
    cmd_duty,
    cmd_evac,
    cmd_hq,
    cmd_notice,
    cmd_registry,
    cmd_report,
    cmd_selftest,
    cmd_sync,
    cmd_workstation,
)
from embassy_desk.cli.context import has_display
from embassy_desk.cli.localized import LocalizedParser
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.logs import configure_logging, log_dir_for
from embassy_desk.storage.workstation import resolve_data_dir

log = logging.getLogger("embassy_desk")


# Options whose value may be a secret (or a near miss of one, like "--passphrase" for
# "--passphrase-file"): their values never appear in an error message.
_SECRET_OPTION = re.compile(r"--?[\w-]*(?:pass|secret|recovery|code|key|token)[\w-]*", re.IGNORECASE)


def _secret_values(argv: Sequence[str]) -> list[str]:
    """The values given to secret-looking options in ``argv``, longest first."""
    found: list[str] = []
    for index, token in enumerate(argv):
        name, equals, value = token.partition("=")
        if not _SECRET_OPTION.fullmatch(name):
            continue
        if equals:
            found.append(value)
        elif index + 1 < len(argv):
            found.append(argv[index + 1])
    return sorted({value for value in found if value}, key=len, reverse=True)


class _Parser(LocalizedParser):
    """An argument parser that takes no abbreviations and never echoes a secret.

    With abbreviations ``--passphrase SECRET`` was read as ``--passphrase-file SECRET``, and the
    "cannot read SECRET" error printed the secret; sub-parsers are made of this class too. Its help
    and errors are in the command line's language (see :mod:`embassy_desk.cli.localized`); secrets are
    hidden before the message is translated, so no translation can bring one back.
    """

    hidden: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        for value in _Parser.hidden:
            message = message.replace(value, "<hidden>")
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used to render the CLI reference)."""
    parser: argparse.ArgumentParser = _Parser(
        prog="embassy-desk",
        description="Embassy Desk: the consular registry of an embassy, encrypted and offline.",
    )
    parser.add_argument(
        "--version",
        action=cmd_selftest.VersionAction,
        # Given here rather than left to argparse so that its translation is checked like ours.
        help="show program's version number and exit",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="workstation folder (default: $EMBASSY_DESK_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on the synthetic demo post (built first if missing)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cmd_workstation.register(sub)
    cmd_registry.register(sub)
    cmd_demo.register(sub)
    cmd_notice.register(sub)
    cmd_sync.register(sub)
    cmd_hq.register(sub)
    cmd_campaign.register(sub)
    cmd_duty.register(sub)
    cmd_report.register(sub)
    cmd_evac.register(sub)
    cmd_checkin.register(sub)
    cmd_selftest.register(sub)
    _accept_data_dir_anywhere(sub)
    return parser


def _accept_data_dir_anywhere(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Let ``--data-dir`` follow the sub-command too (``embassy-desk search X --data-dir D``)."""
    for parser in sub.choices.values():
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested:
                _accept_data_dir_anywhere(action)
        elif "--data-dir" not in parser._option_string_actions:
            parser.add_argument(
                "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="workstation folder"
            )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    if hasattr(os, "umask"):
        os.umask(0o077)  # everything this process writes is private to the OS user
    parser = build_parser()
    _Parser.hidden = tuple(_secret_values(sys.argv[1:] if argv is None else list(argv)))
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        return _open_window(parser, args)
    _start_logging(args)
    log.info("command %s", _command_name(args))
    try:
        code = int(args.func(args))
    except EmbassyDeskError as exc:
        # The message goes to the person at the keyboard; the log gets only its kind.
        log.info("refused: %s (exit %d)", type(exc).__name__, exc.exit_code)
        tell("cli.error", err=True, message=exc.msg)
        return exc.exit_code
    except KeyboardInterrupt:
        tell("cli.interrupted", err=True)
        return 130
    except Exception as exc:
        if os.environ.get("EMBASSY_DESK_DEBUG") == "1":
            raise
        # Only the exception type is logged: messages of low-level errors can carry data.
        log.error("unexpected error", exc_info=True)
        tell("cli.unexpected", err=True, kind=type(exc).__name__)
        return 1
    log.info("done (exit %d)", code)
    return code


def _open_window(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """No sub-command: open the desktop window (on the demo post with ``--demo``)."""
    if not has_display():
        parser.print_help()
        print()
        tell("cli.no_screen")
        return 0
    if args.demo:
        demo_args = parser.parse_args(
            [*(["--data-dir", args.data_dir] if args.data_dir else []), "demo", "--open"]
        )
        return int(cmd_demo.cmd_demo(demo_args))
    # Imported here so that every other command starts without loading Qt.
    from embassy_desk.gui.app import run_app

    _start_logging(args)
    return run_app(resolve_data_dir(args.data_dir))


def _command_name(args: argparse.Namespace) -> str:
    parts = [str(args.command)]
    for key, value in vars(args).items():
        if key.endswith("_cmd") and value:
            parts.append(str(value))
    return " ".join(parts)


def _start_logging(args: argparse.Namespace) -> None:
    root = resolve_data_dir(getattr(args, "data_dir", None))
    # The workstation's logs/ when its folder exists (never made as a side effect), else the OS log folder.
    try:
        configure_logging(log_dir_for(root))
    except OSError:
        configure_logging(None)
