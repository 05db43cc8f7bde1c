"""``embassy-desk checkin ...``: personal check-in links and the phone numbers citizens reported."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``checkin`` command and its sub-commands to the top-level parser's sub-parsers."""
    top = sub.add_parser("checkin", help="check-in links citizens answer themselves")
    top.add_subparsers(dest="checkin_cmd", metavar="SUBCOMMAND")

    def usage(_args: argparse.Namespace) -> int:
        top.print_help()
        return 2

    top.set_defaults(func=usage)
