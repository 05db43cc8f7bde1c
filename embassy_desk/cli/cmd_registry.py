"""CLI: citizens, search, contacts, cases, import, export and MRZ parsing."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import tell
from embassy_desk.domain.citizen import Citizen
from embassy_desk.domain.dates import parse_date
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg, as_msg, language_from_environment
from embassy_desk.domain.mrz import parse_mrz
from embassy_desk.importing.tabular import parse_mapping_option
from embassy_desk.services import cases, contacts, exporter, importer, registry


def _read_json_object(source: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ValidationError("json", Msg("cli.cannot_read", path=source, reason=exc.strerror or "")) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError("json", Msg("cli.json_line", line=exc.lineno, detail=exc.msg)) from exc
    if not isinstance(data, dict):
        raise ValidationError("json", Msg("cli.json_citizen"))
    return data


def _summary(citizen: Citizen) -> str:
    f = citizen.fields
    bits = [citizen.id, citizen.display_name]
    if f.get("birth_date"):
        bits.append(str(f["birth_date"]))
    if f.get("passport_number"):
        bits.append(str(f["passport_number"]))
    return "  ".join(bits)


def cmd_citizen_add(args: argparse.Namespace) -> int:
    data = _read_json_object(args.json)
    with signed_in(args) as session:
        citizen = registry.register_citizen(session, data, allow_duplicate=args.allow_duplicate)
    print(citizen.id)
    return 0


def cmd_citizen_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        citizen = registry.get_citizen(session, args.id)
    if args.json:
        print_json(citizen.to_json())
    else:
        for key, value in citizen.to_json().items():
            if value not in (None, "", []):
                print(f"{key:<24} {value}")
    return 0


def _parse_sets(pairs: list[str]) -> dict[str, str]:
    changes: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError("--set", Msg("cli.not_pair", value=pair))
        changes[key.strip()] = value
    return changes


def cmd_citizen_edit(args: argparse.Namespace) -> int:
    changes = _parse_sets(args.set or [])
    if not changes:
        raise ValidationError("--set", Msg("cli.no_changes"))
    with signed_in(args) as session:
        citizen = registry.edit_citizen(session, args.id, changes)
    tell("cli.saved_version", id=citizen.id, version=citizen.version)
    return 0


def cmd_citizen_delete(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        registry.delete_citizen(session, args.id)
    tell("cli.deleted", id=args.id)
    return 0


def cmd_citizen_not_duplicate(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        registry.mark_not_duplicate(session, args.first, args.second)
    tell("cli.not_duplicate")
    return 0


def cmd_citizen_merge(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        citizen = registry.merge_citizens(session, args.keep, args.drop)
    tell("cli.merged", id=citizen.id)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        found = registry.search(session, args.query, limit=args.limit)
    if args.json:
        print_json([c.to_json() for c in found])
    else:
        for citizen in found:
            print(_summary(citizen))
        if not found:
            tell("cli.no_one_found", err=True)
    return 0


_TIME_OF_DAY = re.compile(r"^(?P<day>.+?)[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})$")


def _follow_up(value: str | None) -> date | None:
    """A follow-up day (``2026-12-07``) or a day and a local time (``2026-12-07 14:30``)."""
    if not value:
        return None
    value = value.strip()
    timed = _TIME_OF_DAY.match(value)
    if timed is None:
        return parse_date(value, field="follow_up")
    day = parse_date(timed["day"], field="follow_up")
    hour, minute = int(timed["hour"]), int(timed["minute"])
    if hour > 23 or minute > 59:
        raise ValidationError("follow_up", Msg("date.bad_time", value=f"{timed['hour']}:{timed['minute']}"))
    return datetime(day.year, day.month, day.day, hour, minute)


def cmd_contact_log(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        entry = contacts.log_contact(
            session,
            args.citizen_id,
            channel=args.channel,
            outcome=args.outcome,
            welfare=args.welfare,
            note=args.note or "",
            direction=args.direction,
            follow_up_due=_follow_up(args.follow_up),
        )
    tell(
        "cli.logged",
        outcome=Msg(f"outcome.{entry.outcome.value}"),
        channel=Msg(f"channel.{entry.channel.value}"),
        at=datetime.fromisoformat(entry.at),
    )
    return 0


def _print_contacts(entries: list[contacts.ContactEntry], *, with_citizen: bool = False) -> None:
    for e in entries:
        welfare = f" welfare={e.welfare_status.value}" if e.welfare_status else ""
        due = f" due={e.follow_up_due}" if e.follow_up_due else ""
        who = f"{e.citizen_id}  " if with_citizen else ""
        print(f"{who}{e.at}  {e.channel.value:<9} {e.outcome.value:<12}{welfare}{due}  {e.note}")


def cmd_contact_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        _print_contacts(contacts.contact_history(session, args.citizen_id))
    return 0


def cmd_contact_due(args: argparse.Namespace) -> int:
    day = parse_date(args.date, field="date") if args.date else date.today()
    with signed_in(args) as session:
        due = contacts.follow_ups_due(session, on_or_before=day)
    _print_contacts(due, with_citizen=True)
    if not due:
        tell("cli.no_follow_ups", err=True, date=day)
    return 0


def cmd_case_open(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        case = cases.open_case(
            session, args.citizen_id, kind=args.kind, summary=args.summary, priority=args.priority
        )
    print(case.id)
    return 0


def cmd_case_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        found = cases.list_cases(session, status=args.status)
    for c in found:
        print(f"{c.id}  {c.priority.value:<7} {c.status.value:<12} {c.kind.value:<15} {c.summary}")
    return 0


def cmd_case_update(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        case = cases.update_case(
            session,
            args.case_id,
            status=args.status,
            assignee=args.assign,
            priority=args.priority,
            note=args.note or "",
        )
    tell("cli.case_status", id=case.id, status=Msg(f"case_status.{case.status.value}"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    mapping = parse_mapping_option(args.mapping) if args.mapping else None
    language = language_from_environment()
    with signed_in(args) as session:
        report = importer.import_file(
            session,
            Path(args.file),
            mapping=mapping,
            dry_run=args.dry_run,
            allow_duplicates=args.allow_duplicates,
            all_or_nothing=args.all_or_nothing,
            language=language,
        )
    if report.rolled_back:
        code = "cli.import_refused_dry" if report.dry_run else "cli.import_refused"
        tell(code, rejected=len(report.rejected), held=report.held_back)
    else:
        code = "cli.import_dry" if report.dry_run else "cli.import_done"
        tell(code, count=report.imported, rejected=len(report.rejected))
    if report.regions_filled:
        tell("regions.import_filled", count=report.regions_filled)
    for rejected in report.rejected:
        tell("frame.row", row=rejected.row, message=as_msg(rejected.reason))
    if report.unmapped:
        tell("cli.columns_ignored", columns=", ".join(report.unmapped))
    if report.rejects_file is not None:
        tell("cli.rejects_file", path=str(report.rejects_file))
    return 0 if not report.rejected else 7


def cmd_export(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        count = exporter.export_citizens(session, Path(args.file))
    tell("cli.exported", count=count, path=str(args.file))
    return 0


def cmd_mrz_parse(args: argparse.Namespace) -> int:
    print_json(parse_mrz(args.lines).to_json_dict())
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands to the CLI."""
    cz = sub.add_parser("citizen", help="register, show, edit, delete citizens").add_subparsers(
        dest="citizen_cmd", required=True
    )
    p = cz.add_parser("add", help="register a citizen from a JSON object")
    p.add_argument("--json", required=True, metavar="FILE", help="JSON file, or - for stdin")
    p.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="register even if the person looks already registered",
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_add)
    p = cz.add_parser("show", help="show one citizen")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_show)
    p = cz.add_parser("edit", help="change fields of a citizen")
    p.add_argument("id")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE")
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_edit)
    p = cz.add_parser("delete", help="delete a citizen and every trace in the search index")
    p.add_argument("id")
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_delete)
    p = cz.add_parser("not-duplicate", help="remember that two records are different people")
    p.add_argument("first")
    p.add_argument("second")
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_not_duplicate)
    p = cz.add_parser("merge", help="merge two records of one person")
    p.add_argument("keep")
    p.add_argument("drop")
    add_auth_options(p)
    p.set_defaults(func=cmd_citizen_merge)

    p = sub.add_parser("search", help="find citizens by name (any script), document or phone")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=registry.DEFAULT_SEARCH_LIMIT)
    p.add_argument("--json", action="store_true")
    add_auth_options(p)
    p.set_defaults(func=cmd_search)

    ct = sub.add_parser("contact", help="the contact log").add_subparsers(dest="contact_cmd", required=True)
    p = ct.add_parser("log", help="log a contact with a citizen")
    p.add_argument("citizen_id")
    p.add_argument("--channel", required=True, help="phone, sms, email, visit, messenger, letter")
    p.add_argument(
        "--outcome",
        required=True,
        help="reached, no_answer, wrong_number, message_left, busy, declined",
    )
    p.add_argument("--welfare", help="safe, needs_assistance, unreachable, evacuated, unknown")
    p.add_argument("--note")
    p.add_argument("--direction", default="outgoing", help="outgoing or incoming")
    p.add_argument(
        "--follow-up", metavar="DATE[ HH:MM]", help="follow-up due: a day, or a day and a local time"
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_contact_log)
    p = ct.add_parser("list", help="a citizen's contacts, newest first")
    p.add_argument("citizen_id")
    add_auth_options(p)
    p.set_defaults(func=cmd_contact_list)
    p = ct.add_parser("due", help="follow-ups due today (or by --date)")
    p.add_argument("--date", metavar="DATE", help="list follow-ups due on or before this day")
    add_auth_options(p)
    p.set_defaults(func=cmd_contact_due)

    cs = sub.add_parser("case", help="assistance cases").add_subparsers(dest="case_cmd", required=True)
    p = cs.add_parser("open", help="open an assistance case")
    p.add_argument("citizen_id")
    p.add_argument("--kind", required=True)
    p.add_argument("--summary", required=True)
    p.add_argument("--priority", default="normal")
    add_auth_options(p)
    p.set_defaults(func=cmd_case_open)
    p = cs.add_parser("list", help="list cases, most urgent first")
    p.add_argument("--status")
    add_auth_options(p)
    p.set_defaults(func=cmd_case_list)
    p = cs.add_parser("update", help="change status, owner or priority, or add a note")
    p.add_argument("case_id")
    p.add_argument("--status")
    p.add_argument("--assign", metavar="USERNAME")
    p.add_argument("--priority")
    p.add_argument("--note")
    add_auth_options(p)
    p.set_defaults(func=cmd_case_update)

    im = sub.add_parser("import", help="import from CSV or XLSX").add_subparsers(
        dest="import_cmd", required=True
    )
    p = im.add_parser("citizens", help="import citizens from a CSV or XLSX file")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check everything, change nothing")
    p.add_argument("--mapping", help="'Header=field,...' or a JSON file mapping headers to fields")
    p.add_argument("--allow-duplicates", action="store_true")
    p.add_argument(
        "--all-or-nothing",
        action="store_true",
        help="import nothing unless every row is good (default: import the good rows and write "
        "the rejected ones with their reasons to FILE.rejected.csv beside the file)",
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_import)

    ex = sub.add_parser("export", help="export to CSV or XLSX").add_subparsers(
        dest="export_cmd", required=True
    )
    p = ex.add_parser("citizens", help="export all citizens (officers; audited)")
    p.add_argument("file", help="a .csv or .xlsx file")
    add_auth_options(p)
    p.set_defaults(func=cmd_export)

    mz = sub.add_parser("mrz", help="machine-readable zones").add_subparsers(dest="mrz_cmd", required=True)
    p = mz.add_parser("parse", help="parse a passport or ID card MRZ and print JSON")
    p.add_argument("lines", nargs="+", metavar="LINE")
    p.set_defaults(func=cmd_mrz_parse)
