"""CLI: ``embassy-desk duty note TEXT`` and ``duty log [--json]`` (the duty log, docs/duty-log.md)."""

from __future__ import annotations

import argparse

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import language, tell
from embassy_desk.domain.freshness import parse_moment
from embassy_desk.domain.messages import format_datetime
from embassy_desk.services import duty_log


def cmd_duty_note(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        note = duty_log.write_note(session, args.text)
    print(note.id)
    return 0


def _when(at: str) -> str:
    moment = parse_moment(at)
    return format_datetime(moment, language()) if moment is not None else at


def cmd_duty_log(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        notes = duty_log.recent_notes(session)
    if args.json:
        print_json([note.to_json() for note in notes])
        return 0
    if not notes:
        tell("duty.log_empty", err=True)
    for note in notes:
        print(f"{_when(note.at)}  {note.staff_name} ({note.staff})")
        for line in note.text.splitlines() or [""]:
            print(f"    {line}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``duty`` command and its sub-commands to the top-level parser's sub-parsers."""
    top = sub.add_parser("duty", help="the duty log: shift handover notes")
    cmds = top.add_subparsers(dest="duty_cmd", metavar="SUBCOMMAND")

    def usage(_args: argparse.Namespace) -> int:
        top.print_help()
        return 2

    top.set_defaults(func=usage)

    p = cmds.add_parser("note", help="append a note to the duty log (staff)")
    p.add_argument("text", help="what happened and what is pending, for the next shift")
    add_auth_options(p)
    p.set_defaults(func=cmd_duty_note)

    p = cmds.add_parser("log", help="the latest notes, newest first")
    p.add_argument(
        "--json", action="store_true", help="print the notes as JSON (id, at, staff, staff_name, text)"
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_duty_log)
