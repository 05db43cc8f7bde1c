"""CLI: ``embassy-desk report sitrep -o FILE.pdf [--csv FILE.csv] [--lang en|ru|kk]``.

The situation report (services/sitrep.py): the dashboard's figures now, as a PDF for the ministry
and, with ``--csv``, one row per figure. Exit 2 for a bad language or a folder that does not exist.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from embassy_desk.cli.context import add_auth_options, signed_in
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg

LANGUAGES = ("en", "ru", "kk")


def _target(path: str, field: str) -> Path:
    target = Path(path).expanduser()
    if not target.parent.is_dir():
        raise ValidationError(field, Msg("sitrep.no_folder", path=str(target.parent)))
    return target


def cmd_report_sitrep(args: argparse.Namespace) -> int:
    from embassy_desk.services.sitrep import check_language, write_sitrep

    language = check_language(args.lang)
    pdf = _target(args.output, "output")
    csv_path = _target(args.csv, "csv") if args.csv else None
    with signed_in(args) as session:
        result = write_sitrep(session, pdf, csv_path=csv_path, lang=language)
    tell("sitrep.written", path=str(result.pdf), pages=result.pages, as_of=result.as_of)
    if result.csv is not None:
        tell("sitrep.csv_written", path=str(result.csv), rows=len(result.lines))
    return 0


def register(sub: Any) -> None:
    """Add the ``report`` command to the top-level parser's sub-parsers."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "report", help="reports for headquarters and the ministry"
    )

    def usage(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(func=usage)
    cmds = parser.add_subparsers(dest="report_cmd")
    p = cmds.add_parser("sitrep", help="the situation report now: a PDF and, with --csv, its figures")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--csv", metavar="FILE.csv", help="also write the figures as CSV, one row per figure")
    p.add_argument("--lang", default="en", metavar="en|ru|kk", help="the language of the report (default en)")
    add_auth_options(p)
    p.set_defaults(func=cmd_report_sitrep)
