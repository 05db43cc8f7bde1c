"""CLI: ``embassy-desk sync`` and its sub-commands (enroll, status, conflicts, resolve, bundles).

``embassy-desk sync`` alone runs one network sync. A refused or failed sync exits with one plain
sentence: 8 when HQ cannot be reached (run it again later), 9 when HQ refused (revoked device, clock
skew, client too old, not enrolled), 4 for an altered or forged bundle.

The services are imported inside each command: the other commands start without loading the HTTP
client, pydantic and the signature library.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import say, tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg


def cmd_sync_run(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync

    with signed_in(args) as session:
        report = sync.run_sync(session)
    if args.json:
        print_json(
            {
                "pushed": report.pushed,
                "pulled": report.pulled,
                "conflicts": report.conflicts,
                "verified": report.verified,
            }
        )
    else:
        tell("sync.done", pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts)
        if report.conflicts:
            tell("sync.conflicts_hint")
    if not report.verified:
        tell("sync.unverified", err=True)
    return 0


def cmd_sync_enroll(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync

    with signed_in(args) as session:
        state = sync.enroll(session, args.url, args.code)
    tell("sync.enrolled", url=state.hq_url, post=state.post, name=state.post_name)
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync

    with signed_in(args) as session:
        state = sync.status(session)
        reachable = sync.probe(session) if state.enrolled else None
    if args.json:
        print_json(
            {
                "enrolled": state.enrolled,
                "post": state.post,
                "pending": state.pending,
                "last_sync": state.last_sync,
                "conflicts": state.conflicts,
                "hq_reachable": reachable,
            }
        )
        return 0
    if not state.enrolled:
        tell("sync.status_not_enrolled", pending=state.pending)
        return 0
    tell("sync.status_post", post=state.post, name=state.post_name, url=state.hq_url)
    tell(
        "sync.status_line",
        pending=state.pending,
        conflicts=state.conflicts,
        last=state.last_sync or say("sync.never"),
        reachable=say("sync.reachable" if reachable else "sync.not_reachable"),
    )
    return 0


def _conflict_json(view: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(view) and not isinstance(view, type):
        return dataclasses.asdict(view)
    return dict(vars(view))


def cmd_sync_conflicts(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync_conflicts

    with signed_in(args) as session:
        views = sync_conflicts.list_open(session)
    if args.json:
        print_json([_conflict_json(v) for v in views])
        return 0
    if not views:
        tell("sync.no_conflicts")
        return 0
    for view in views:
        data = _conflict_json(view)
        group = data.get("group", data.get("grp", ""))
        record = f"{data.get('entity', '')} {data.get('record_id', '')}"
        print(f"{data.get('id', '')}  {record} {data.get('label', '')}  [{group}, {data.get('kind', '')}]")
        for side in ("local", "remote"):
            who = f"{data.get(side + '_staff', '')}, {data.get(side + '_hlc', '')}"
            print(f"    {side:<6}: {data.get(side + '_value')}  ({who})")
    return 0


def cmd_sync_resolve(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync_conflicts

    keep = args.keep.strip().lower()
    if keep not in ("local", "remote"):
        raise ValidationError("keep", Msg("sync.bad_keep", value=args.keep))
    with signed_in(args) as session:
        sync_conflicts.resolve(session, args.id, keep)
    tell("sync.resolved", id=args.id, side=Msg(f"sync.side_{keep}"))
    return 0


def cmd_sync_export(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync

    with signed_in(args) as session:
        report = sync.export_bundle(session, Path(args.file))
    tell("sync.bundle_written", number=report.number, path=str(args.file), count=report.entries)
    return 0


def cmd_sync_import(args: argparse.Namespace) -> int:
    from embassy_desk.services import sync

    with signed_in(args) as session:
        report = sync.import_bundle(session, Path(args.file))
    if report.already:
        tell("sync.bundle_already", number=report.number)
    else:
        tell("sync.bundle_imported", number=report.number, count=report.entries)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sync`` and its sub-commands to the CLI."""
    top = sub.add_parser("sync", help="sync with headquarters (alone: push and pull now)")
    top.add_argument("--json", action="store_true", help="print pushed, pulled, conflicts as JSON")
    # The nested parsers get --data-dir from main; ``sync`` alone is a command of its own too.
    top.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="workstation folder")
    add_auth_options(top)
    top.set_defaults(func=cmd_sync_run)
    cmds = top.add_subparsers(dest="sync_cmd", metavar="SUBCOMMAND")

    p = cmds.add_parser("enroll", help="join this workstation to its post at HQ (administrators)")
    p.add_argument("url", help="HQ's address, e.g. https://hq.example.org")
    p.add_argument("code", help="the one-time enrollment code from 'embassy-desk hq enroll-code'")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_enroll)

    p = cmds.add_parser("status", help="enrollment, entries waiting, last sync, conflicts, HQ reachable")
    p.add_argument("--json", action="store_true")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_status)

    p = cmds.add_parser("conflicts", help="list open conflicts with both values")
    p.add_argument("--json", action="store_true")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_conflicts)

    p = cmds.add_parser("resolve", help="settle a conflict by keeping the local or the remote value")
    p.add_argument("id", help="the conflict's id (see 'sync conflicts')")
    p.add_argument("--keep", required=True, metavar="local|remote", help="which value to keep")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_resolve)

    p = cmds.add_parser("export-bundle", help="write the changes waiting for HQ to a file (no network)")
    p.add_argument("file")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_export)

    p = cmds.add_parser("import-bundle", help="apply a bundle HQ wrote for this post")
    p.add_argument("file")
    add_auth_options(p)
    p.set_defaults(func=cmd_sync_import)
