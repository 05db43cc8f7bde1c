"""``embassy-desk hq audit verify|show``: HQ's own audit log (issue 13).

``verify`` exits 0 when the chain is intact and 4 (IntegrityFailure, as the workstation's
``audit verify``) naming the first broken entry otherwise. ``show`` prints the newest entries (ids and
actions only: the log never holds personal data), ``--json`` for scripts.
"""

from __future__ import annotations

import argparse

from embassy_desk.cli.context import print_json
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.domain.messages import Msg


def cmd_verify(args: argparse.Namespace) -> int:
    from embassy_desk.cli.cmd_hq import _store
    from embassy_desk.hq import audit

    store = _store(args)
    try:
        with store.engine.connect() as conn:
            state = audit.verify(conn)
    finally:
        store.close()
    if not state.ok:
        raise IntegrityFailure(Msg("advisories.cli_chain_broken", seq=state.broken_at or 0))
    tell("advisories.cli_chain_intact", count=state.entries)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from embassy_desk.cli.cmd_hq import _store
    from embassy_desk.hq import audit

    store = _store(args)
    try:
        with store.engine.connect() as conn:
            rows = audit.entries(conn, before=args.before, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {
                    "seq": e.seq,
                    "at": e.at,
                    "actor": e.actor,
                    "action": e.action,
                    "entity": e.entity,
                    "entity_id": e.entity_id,
                    "details": e.details,
                    "hash": e.hash,
                }
                for e in rows
            ]
        )
    elif not rows:
        tell("advisories.cli_audit_empty")
    else:
        for e in rows:
            target = f"{e.entity} {e.entity_id}".strip()
            print(f"{e.seq:>7}  {e.at}  {e.actor:<20} {e.action:<26} {target}")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def register(hq: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands to ``embassy-desk hq``."""
    from embassy_desk.cli.cmd_hq import _hq_options

    sub = hq.add_parser(
        "audit", help="HQ's own audit log (console sign-ins, record views, ...)"
    ).add_subparsers(dest="hq_audit_cmd", required=True)
    p = sub.add_parser("verify", help="verify HQ's audit hash chain (exit 4 if it is broken)")
    _hq_options(p)
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("show", help="print the newest entries of HQ's audit log")
    p.add_argument("--limit", type=_positive, default=50, metavar="N", help="how many entries (default: 50)")
    p.add_argument("--before", type=_positive, default=None, metavar="SEQ", help="only entries before SEQ")
    p.add_argument("--json", action="store_true", help="print JSON")
    _hq_options(p)
    p.set_defaults(func=cmd_show)
