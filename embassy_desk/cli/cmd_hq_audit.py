"""``embassy-desk hq audit verify|show: HQ's own audit log (issue 13).``"""

from __future__ import annotations

import argparse


def register(hq: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands to ``embassy-desk hq``."""
