"""``embassy-desk hq operator add|list|unlock|remove: the web console's operator accounts (issue 13).``"""

from __future__ import annotations

import argparse


def register(hq: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands to ``embassy-desk hq``."""
