"""CLI: ``embassy-desk campaign`` and its sub-commands (issue 12; docs/campaigns.md).

``campaign create`` prints the new campaign's id as its last line, for scripts. ``--json`` output is
never translated; ``outcomes`` are keyed by the stored outcome values (``needs_help``, ...).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("not-reached-since", Msg("campaign.bad_date", value=text)) from None


def cmd_create(args: argparse.Namespace) -> int:
    from embassy_desk.domain.campaigns import CampaignCriteria
    from embassy_desk.domain.enums import PurposeOfStay, WelfareStatus
    from embassy_desk.domain.regions import normalize_region
    from embassy_desk.domain.vocab import parse_choice
    from embassy_desk.services import campaigns

    since = _date(args.not_reached_since) if args.not_reached_since else None
    with signed_in(args) as session:
        host = session.post.host_country
        criteria = CampaignCriteria(
            regions=tuple(normalize_region(r, host_country=host) for r in args.region),
            purposes=tuple(parse_choice(PurposeOfStay, p, field="purpose") for p in args.purpose),
            welfare=tuple(parse_choice(WelfareStatus, w, field="welfare") for w in args.welfare),
            vulnerable_only=args.vulnerable,
            not_reached_since=since,
        )
        made = campaigns.create_campaign(
            session, args.name, criteria, assignees=args.assign, script=_scripts(args.script)
        )
        progress = campaigns.campaign_progress(session, made.id)
    if progress.staff:
        tell("campaign.created", name=made.name, count=made.total, callers=", ".join(progress.staff))
    else:
        tell("campaign.created_unassigned", name=made.name, count=made.total)
    print(made.id)
    return 0


def _scripts(given: list[str]) -> dict[str, str] | None:
    """``LANG=TEXT`` options as the campaign's own script per language (None: the standard one)."""
    scripts: dict[str, str] = {}
    for item in given:
        language, sep, text = item.partition("=")
        if not sep or language.strip() not in ("kk", "ru", "en", "ko"):
            raise ValidationError("script", Msg("campaign.script_option", value=item))
        scripts[language.strip()] = text
    return scripts or None


def cmd_list(args: argparse.Namespace) -> int:
    from embassy_desk.services import campaigns

    with signed_in(args) as session:
        found = campaigns.list_campaigns(session)
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "status": c.status.value,
                    "total": c.total,
                    "created_at": c.created_at,
                    "created_by": c.created_by,
                    "closed_at": c.closed_at,
                }
                for c in found
            ]
        )
        return 0
    if not found:
        tell("campaign.none")
    for c in found:
        print(f"{c.id}  {c.status.value:<6}  {c.total:>7}  {c.created_at[:16]}  {c.name}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from embassy_desk.services import campaigns

    with signed_in(args) as session:
        made = campaigns.get_campaign(session, args.id)
        progress = campaigns.campaign_progress(session, args.id)
    if args.json:
        print_json(
            {
                "campaign_id": progress.campaign_id,
                "name": made.name,
                "status": made.status.value,
                "total": progress.total,
                "done": progress.done,
                "remaining": progress.remaining,
                "follow_up": progress.follow_up,
                "outcomes": progress.outcomes,
                "staff": {u: {"assigned": s.assigned, "done": s.done} for u, s in progress.staff.items()},
            }
        )
        return 0
    tell(
        "campaign.status_line",
        name=made.name,
        done=progress.done,
        remaining=progress.remaining,
        follow_up=progress.follow_up,
        total=progress.total,
    )
    for outcome, count in progress.outcomes.items():
        print(f"  {outcome:<14} {count:>7}")
    for user, share in progress.staff.items():
        print(f"  {user:<14} {share.done:>7} / {share.assigned}")
    return 0


def _card_json(card: Any) -> dict[str, Any]:
    return {
        "citizen_id": card.citizen_id,
        "name": card.name,
        "latin_name": card.latin_name,
        "phones": [number for number, _kind in card.phones],
        "phone_kinds": [kind for _number, kind in card.phones],
        "messengers": list(card.messengers),
        "language": card.call_language,
        "script": card.script,
        "position": card.position,
        "attempts": card.attempts,
        "welfare": card.welfare.value,
        "household": [
            {"citizen_id": m.citizen_id, "name": m.name, "state": m.state.value if m.state else None}
            for m in card.household
        ],
    }


def cmd_next(args: argparse.Namespace) -> int:
    from embassy_desk.services import campaigns

    with signed_in(args) as session:
        card = campaigns.next_call(session, args.id)
    if args.json:
        print_json(None if card is None else _card_json(card))
        return 0
    if card is None:
        tell("campaign.list_done")
        return 0
    print(f"{card.citizen_id}  {card.name}  ({card.latin_name})")
    for number, kind in card.phones:
        print(f"  {number} ({kind})")
    for handle in card.messengers:
        print(f"  {handle}")
    print(f"  [{card.call_language}] {card.script}")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from embassy_desk.domain.campaigns import parse_outcome
    from embassy_desk.services import campaigns

    outcome = parse_outcome(args.outcome)
    with signed_in(args) as session:
        done = campaigns.record_outcome(
            session, args.id, args.citizen, outcome, note=args.note, household=args.household
        )
    tell(
        "campaign.recorded",
        outcome=outcome.value.replace("_", "-"),
        citizen=args.citizen,
        state=done.state.value.replace("_", "-"),
    )
    if len(done.recorded_for) > 1:
        tell("campaign.recorded_household", count=len(done.recorded_for) - 1)
    if done.case_id:
        tell("campaign.case_opened", id=done.case_id)
    return 0


def cmd_reassign(args: argparse.Namespace) -> int:
    from embassy_desk.services import campaigns

    with signed_in(args) as session:
        moved = campaigns.reassign(
            session, args.id, args.to, citizen_ids=args.citizen or (), from_user=args.from_user
        )
    tell("campaign.reassigned", count=moved, user=args.to)
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    from embassy_desk.services import campaigns

    with signed_in(args) as session:
        closed = campaigns.close_campaign(session, args.id)
        pending = campaigns.campaign_progress(session, args.id).remaining
    tell("campaign.closed", name=closed.name, pending=pending)
    return 0


def cmd_export_messages(args: argparse.Namespace) -> int:
    from embassy_desk.services import message_list

    with signed_in(args) as session:
        report = message_list.export_campaign_messages(session, args.id, Path(args.file))
    tell("campaign.messages_written", count=report.written, path=str(report.path), skipped=report.skipped)
    if report.links:
        tell("checkin.messages_links", count=report.links)
    return 0


def register(sub: Any) -> None:
    """Add the ``campaign`` command to the top-level parser's sub-parsers."""
    top: argparse.ArgumentParser = sub.add_parser(
        "campaign", help="welfare campaigns: call lists for the staff"
    )
    cmds = top.add_subparsers(dest="campaign_cmd", metavar="SUBCOMMAND")

    def usage(_args: argparse.Namespace) -> int:
        top.print_help()
        return 2

    top.set_defaults(func=usage)
    identifier = "the campaign's id (see 'campaign list')"

    p = cmds.add_parser("create", help="make a campaign from criteria and split it among callers")
    p.add_argument("name", help="the campaign's name")
    p.add_argument(
        "--region",
        action="extend",
        nargs="+",
        default=[],
        metavar="R",
        help="host-country region, as a code (KR-11) or a name (Seoul); repeatable",
    )
    p.add_argument(
        "--purpose",
        action="extend",
        nargs="+",
        default=[],
        metavar="P",
        help="purpose of stay (study, work, ...); repeatable",
    )
    p.add_argument(
        "--welfare",
        action="extend",
        nargs="+",
        default=[],
        metavar="W",
        help="current welfare status (unknown, unreachable, ...); repeatable",
    )
    p.add_argument(
        "--vulnerable", action="store_true", help="only people with a vulnerability, children and the elderly"
    )
    p.add_argument(
        "--not-reached-since", metavar="DATE", help="only people nobody has reached since DATE (YYYY-MM-DD)"
    )
    p.add_argument(
        "--assign",
        action="extend",
        nargs="+",
        default=[],
        metavar="USER",
        help="staff user names to split the list among; repeatable",
    )
    p.add_argument(
        "--script",
        action="append",
        default=[],
        metavar="LANG=TEXT",
        help="the campaign's own call script in a language (kk, ru, en, ko); {name} and {post} are filled in",
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_create)

    p = cmds.add_parser("list", help="list campaigns")
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_list)

    p = cmds.add_parser("status", help="progress: done, remaining, per outcome, per caller")
    p.add_argument("id", help=identifier)
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_status)

    p = cmds.add_parser("next", help="the next person on your call list")
    p.add_argument("id", help=identifier)
    p.add_argument("--json", action="store_true", help="print as JSON (null when your list is done)")
    add_auth_options(p)
    p.set_defaults(func=cmd_next)

    p = cmds.add_parser("record", help="record what a call gave")
    p.add_argument("id", help=identifier)
    p.add_argument("citizen", help="the citizen's id")
    p.add_argument(
        "--outcome",
        required=True,
        metavar="safe|needs-help|no-answer|wrong-number|message-left",
        help="what the call gave",
    )
    p.add_argument("--note", default="", metavar="T", help="a note for the contact log")
    p.add_argument(
        "--household",
        action="extend",
        nargs="+",
        default=[],
        metavar="ID",
        help="other household members to record with the same outcome (safe, needs-help)",
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_record)

    p = cmds.add_parser("reassign", help="move a caller's list or some people to another caller")
    p.add_argument("id", help=identifier)
    p.add_argument("--to", required=True, metavar="USER", help="the staff user who takes them over")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--from", dest="from_user", metavar="USER", help="move everyone still to call on this user's list"
    )
    which.add_argument("--citizen", action="extend", nargs="+", metavar="ID", help="move these people")
    add_auth_options(p)
    p.set_defaults(func=cmd_reassign)

    p = cmds.add_parser("close", help="close a campaign: no more outcomes are recorded")
    p.add_argument("id", help=identifier)
    add_auth_options(p)
    p.set_defaults(func=cmd_close)

    p = cmds.add_parser("export-messages", help="write the SMS / messenger gateway list (CSV)")
    p.add_argument("id", help=identifier)
    p.add_argument("file", help="the CSV file to write")
    add_auth_options(p)
    p.set_defaults(func=cmd_export_messages)
