"""CLI: ``embassy-desk evac`` and its sub-commands (issue 12)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add the ``evac`` command to the top-level parser's sub-parsers."""
    parser: argparse.ArgumentParser = sub.add_parser("evac")

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=usage)
