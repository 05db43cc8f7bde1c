"""CLI: ``embassy-desk campaign`` and its sub-commands (issue 12)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add the ``campaign`` command to the top-level parser's sub-parsers."""
    parser: argparse.ArgumentParser = sub.add_parser("campaign")

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=usage)
