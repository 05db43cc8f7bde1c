"""``embassy-desk checkin ...``: personal check-in links and the phone numbers citizens reported.

``checkin links`` prints the CSV's path in its message; the file is the only copy of the links (the
post keeps their hashes). ``--json`` output is never translated.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("expires", Msg("checkin.bad_date", value=text)) from None


def _shown(iso: str) -> str:
    """A stored time (…+00:00) as ``YYYY-MM-DD HH:MM UTC``."""
    return f"{iso[:10]} {iso[11:16]} UTC"


def cmd_links(args: argparse.Namespace) -> int:
    from embassy_desk.domain.regions import normalize_region
    from embassy_desk.services import checkin

    target = Path(args.file)
    expires = _date(args.expires) if args.expires else None
    # Refused before the passphrase is asked for (export_links checks again before making links).
    checkin.expiry_moment(expires)
    if target.suffix.casefold() != ".csv":
        raise ValidationError("file", Msg("checkin.file_type"))
    if not target.parent.is_dir():
        raise ValidationError("file", Msg("table.missing", path=str(target.parent)))
    with signed_in(args) as session:
        region = None
        if args.region:
            region = normalize_region(args.region, host_country=session.post.host_country)
        links = checkin.export_links(
            session, target, campaign_id=args.campaign or None, region=region, expires_at=expires
        )
    tell(
        "checkin.links_written",
        count=len(links),
        path=str(target),
        phones=sum(1 for link in links if link.phone),
        expires=_shown(links[0].expires_at) if links else "",
    )
    return 0


def cmd_address(args: argparse.Namespace) -> int:
    from embassy_desk.services import checkin

    with signed_in(args) as session:
        if args.off:
            address = checkin.set_public_address(session, None)
        elif args.url is not None:
            address = checkin.set_public_address(session, args.url)
        else:
            address = checkin.public_address(session)
    if address is None:
        tell("checkin.address_cleared" if args.off else "checkin.status_off")
    else:
        tell("checkin.address_set", address=address)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from embassy_desk.services import checkin

    with signed_in(args) as session:
        status = checkin.checkin_status(session)
    if args.json:
        print_json(
            {
                "public_address": status.public_address,
                "enabled": status.public_address is not None,
                "links": status.links,
                "live_links": status.live_links,
                "answers": status.answers,
                "answers_by_welfare": status.answers_by_outcome,
                "pending_phones": status.pending_phones,
            }
        )
        return 0
    if status.public_address is None:
        tell("checkin.status_off")
    else:
        tell("checkin.address_set", address=status.public_address)
    tell(
        "checkin.status_counts",
        links=status.links,
        live=status.live_links,
        answers=status.answers,
        phones=status.pending_phones,
    )
    for welfare, count in sorted(status.answers_by_outcome.items()):
        print(f"  {welfare:<18} {count:>7}")
    return 0


def cmd_phones(args: argparse.Namespace) -> int:
    from embassy_desk.services import checkin

    with signed_in(args) as session:
        pending = checkin.pending_phone_changes(session)
    if args.json:
        print_json(
            [
                {
                    "id": p.id,
                    "citizen_id": p.citizen_id,
                    "name": p.name,
                    "phones": list(p.phones),
                    "phone": p.phone,
                    "reported_at": p.reported_at,
                    "source": p.source,
                }
                for p in pending
            ]
        )
        return 0
    if not pending:
        tell("checkin.phones_none")
    for p in pending:
        old = ", ".join(p.phones) or "-"
        print(f"{p.id}  {_shown(p.reported_at)}  {p.source:<3}  {p.name or p.citizen_id}  {old} -> {p.phone}")
    return 0


def cmd_phone_apply(args: argparse.Namespace) -> int:
    from embassy_desk.services import checkin

    with signed_in(args) as session:
        waiting = {p.id: p for p in checkin.pending_phone_changes(session)}
        stored = checkin.apply_phone_change(session, args.id)
    change = waiting.get(args.id)
    who = (change.name or change.citizen_id) if change else ""
    tell("checkin.phone_applied", phone=stored, citizen=who)
    return 0


def cmd_phone_dismiss(args: argparse.Namespace) -> int:
    from embassy_desk.services import checkin

    with signed_in(args) as session:
        checkin.dismiss_phone_change(session, args.id)
    tell("checkin.phone_dismissed")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``checkin`` command and its sub-commands to the top-level parser's sub-parsers."""
    top = sub.add_parser("checkin", help="check-in links citizens answer themselves")
    cmds = top.add_subparsers(dest="checkin_cmd", metavar="SUBCOMMAND")

    def usage(_args: argparse.Namespace) -> int:
        top.print_help()
        return 2

    top.set_defaults(func=usage)

    p = cmds.add_parser("links", help="make one check-in link per person and write them to a CSV file")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--campaign",
        metavar="ID",
        help="everyone on this campaign's lists not yet reached (answers count for it)",
    )
    which.add_argument(
        "--region",
        metavar="R",
        help="everyone present in a host-country region (a code like KR-11 or a name)",
    )
    which.add_argument("--all", action="store_true", help="everyone present on the register")
    p.add_argument(
        "--expires", metavar="DATE", help="the links are valid through DATE (YYYY-MM-DD; default: 14 days)"
    )
    p.add_argument("file", help="the CSV file to write (citizen_id, phone, language, url)")
    add_auth_options(p)
    p.set_defaults(func=cmd_links)

    p = cmds.add_parser("address", help="show or set HQ's public address for the links (administrators)")
    p.add_argument("url", nargs="?", help="https://... where citizens open their links")
    p.add_argument("--off", action="store_true", help="turn check-in off (links already made stay valid)")
    add_auth_options(p)
    p.set_defaults(func=cmd_address)

    p = cmds.add_parser("status", help="HQ's public address, links made, answers received, numbers to review")
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_status)

    p = cmds.add_parser("phones", help="the phone numbers citizens reported, waiting for review")
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_phones)

    report = "the reported number's id (see 'checkin phones')"
    p = cmds.add_parser(
        "phone-apply", help="make a reported number the person's first mobile (old ones kept)"
    )
    p.add_argument("id", help=report)
    add_auth_options(p)
    p.set_defaults(func=cmd_phone_apply)

    p = cmds.add_parser("phone-dismiss", help="dismiss a reported number: the record stays as it is")
    p.add_argument("id", help=report)
    add_auth_options(p)
    p.set_defaults(func=cmd_phone_dismiss)
