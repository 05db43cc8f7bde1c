"""``embassy-desk hq operator add|list|unlock|remove|language``: the web console's operator accounts
(issue 13).

The password comes as ``user add`` takes a passphrase (cli/credentials.new_passphrase): a file given
with ``--new-passphrase-file``, else ``EMBASSY_DESK_NEW_PASSPHRASE``, else a hidden prompt, typed twice;
never a command-line argument. It must pass the workstation's policy (domain/passphrase). add, unlock
and remove are written to HQ's audit log with the actor ``cli``.
"""

from __future__ import annotations

import argparse

from embassy_desk.cli import credentials
from embassy_desk.cli.cmd_hq import _hq_options, _store
from embassy_desk.cli.context import print_json
from embassy_desk.cli.output import tell
from embassy_desk.domain.passphrase import check_passphrase
from embassy_desk.hq.console import operators
from embassy_desk.hq.console.model import CONSOLE_LANGUAGES, OperatorRole

ACTOR = "cli"


def cmd_add(args: argparse.Namespace) -> int:
    name = operators.check_name(args.name)
    secret = credentials.new_passphrase(args.new_passphrase_file)
    check_passphrase(secret, username=name)
    store = _store(args)
    try:
        made = operators.add_operator(
            store.engine, name, OperatorRole(args.role), secret, args.language, actor=ACTOR, now=store.clock()
        )
    finally:
        store.close()
    tell("consoleauth.cli_added", name=made.name, role=made.role.value, language=made.language)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        found = operators.list_operators(store.engine)
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {
                    "name": o.name,
                    "role": o.role,
                    "language": o.language,
                    "created_at": o.created_at,
                    "failures": o.failures,
                    "locked": o.locked_at is not None,
                    "locked_at": o.locked_at,
                }
                for o in found
            ]
        )
    elif not found:
        tell("consoleauth.cli_no_operators")
    else:
        for o in found:
            state = "locked" if o.locked_at else "active"
            print(
                f"{o.name:<24} {o.role:<8} {o.language:<3} {state:<7} failures {o.failures:<3} {o.created_at}"
            )
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        operators.unlock(store.engine, args.name, actor=ACTOR, now=store.clock())
    finally:
        store.close()
    tell("consoleauth.cli_unlocked", name=args.name)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        operators.remove(store.engine, args.name, actor=ACTOR, now=store.clock())
    finally:
        store.close()
    tell("consoleauth.cli_removed", name=args.name)
    return 0


def cmd_language(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        operators.set_language(store.engine, args.name, args.language)
    finally:
        store.close()
    tell("consoleauth.cli_language", name=args.name, language=args.language)
    return 0


def register(hq: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands to ``embassy-desk hq``."""
    op = hq.add_parser("operator", help="the web console's operator accounts").add_subparsers(
        dest="operator_cmd", required=True
    )
    p = op.add_parser(
        "add", help="add an operator (the password from a prompt or $EMBASSY_DESK_NEW_PASSPHRASE)"
    )
    p.add_argument("name", help="the operator's user name")
    p.add_argument("--role", required=True, choices=[r.value for r in OperatorRole], help="admin or analyst")
    p.add_argument("--language", default="en", choices=CONSOLE_LANGUAGES, help="the console's language (en)")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read the password from FILE")
    _hq_options(p)
    p.set_defaults(func=cmd_add)
    p = op.add_parser("list", help="list the operators")
    p.add_argument("--json", action="store_true", help="print JSON")
    _hq_options(p)
    p.set_defaults(func=cmd_list)
    p = op.add_parser("unlock", help="reopen an account locked after wrong passwords")
    p.add_argument("name", help="the operator's user name")
    _hq_options(p)
    p.set_defaults(func=cmd_unlock)
    p = op.add_parser("remove", help="delete an operator; their sessions end at once")
    p.add_argument("name", help="the operator's user name")
    _hq_options(p)
    p.set_defaults(func=cmd_remove)
    p = op.add_parser("language", help="set the language an operator sees the console in")
    p.add_argument("name", help="the operator's user name")
    p.add_argument("language", choices=CONSOLE_LANGUAGES, help="en, ru or kk")
    _hq_options(p)
    p.set_defaults(func=cmd_language)
