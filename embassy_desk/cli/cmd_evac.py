"""CLI: ``embassy-desk evac``: flights and buses, their manifests, boarding, the carrier's CSV, the printed
manifest and the boarding notices (issue 12; rules in services/evacuation.py and docs/evacuation.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from embassy_desk.cli.context import add_auth_options, print_json, signed_in
from embassy_desk.cli.output import say, tell


def cmd_flight_add(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        flight = evacuation.add_flight(
            session,
            kind="bus" if args.bus else "flight",
            carrier=args.carrier,
            number=args.number,
            origin=args.origin,
            destination=args.destination,
            departs_at=args.departs,
            seats=args.seats,
            assembly_point=args.assembly,
        )
    tell("evac.flight_added", number=flight.number, seats=flight.seats)
    print(flight.id)
    return 0


def cmd_flight_list(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        flights = evacuation.list_flights(session)
    if args.json:
        print_json([evacuation.flight_json(f) for f in flights])
        return 0
    if not flights:
        tell("evac.no_flights")
    for f in flights:
        print(
            f"{f.id}  {f.kind.value:<6} {f.carrier} {f.number}  {f.origin} → {f.destination}  {f.departs_at}"
            f"  {f.passengers}/{f.seats} (+{f.waiting})  {f.status.value}"
        )
    return 0


def cmd_manifest_build(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        m = evacuation.build_manifest(session, args.flight)
        off = len(evacuation.removed(session, args.flight))
    tell("evac.built", passengers=len(m.passengers), waiting=len(m.waiting), removed=off)
    return 0


def cmd_manifest_show(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        m = evacuation.manifest(session, args.flight)
    if args.json:
        print_json(evacuation.manifest_json(m))
        return 0
    f = m.flight
    print(f"{f.carrier} {f.number}  {f.origin} → {f.destination}  {f.departs_at}  {f.passengers}/{f.seats}")
    for title, rows in ((say("evac.list.passenger"), m.passengers), (say("evac.list.waiting"), m.waiting)):
        print(f"\n{title} ({len(rows)})")
        for n, r in enumerate(rows, start=1):
            flag = say(f"evac.flag.{r.passport_flag.value}") if r.passport_flag else ""
            name = " ".join(p for p in (r.surname_latin, r.given_names_latin) if p) or r.full_name
            print(
                f"{n:>4}  {r.citizen_id}  {name:<32} {say(f'evac.priority.{r.priority.value}'):<12}"
                f" {say(f'evac.status.{r.status.value}'):<14} {flag}"
            )
    return 0


def cmd_manifest_move(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        evacuation.move(session, args.flight, args.citizen, args.to, split_household=args.split_household)
    tell("evac.moved", to=say(f"evac.list.{args.to.strip().casefold()}"))
    return 0


def cmd_manifest_export(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        count = evacuation.export_manifest_csv(session, args.flight, Path(args.file))
    tell("evac.exported", count=count, path=args.file)
    return 0


def cmd_manifest_print(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    with signed_in(args) as session:
        pages = evacuation.print_manifest(session, args.flight, Path(args.output), language=args.lang)
    tell("evac.printed", path=args.output, pages=pages)
    return 0


def cmd_notices(args: argparse.Namespace) -> int:
    from embassy_desk.services import evacuation

    languages = [lang for part in args.lang for lang in part.split(",") if lang.strip()] or ["auto"]
    with signed_in(args) as session:
        count = evacuation.issue_boarding_notices(
            session, args.flight, Path(args.output), languages=languages
        )
    tell("evac.notices_issued", count=count, path=args.output)
    return 0


def cmd_board(args: argparse.Namespace) -> int:
    from embassy_desk.domain.enums import PassengerStatus
    from embassy_desk.services import evacuation

    status = PassengerStatus.BOARDED
    if args.no_show:
        status = PassengerStatus.NO_SHOW
    elif args.checked_in:
        status = PassengerStatus.CHECKED_IN
    with signed_in(args) as session:
        row = evacuation.board(session, args.flight, args.citizen, status)
    tell("evac.boarding_set", id=row.citizen_id, status=say(f"evac.status.{row.status.value}"))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``evac`` command and its sub-commands to the CLI."""
    top = sub.add_parser("evac", help="evacuation flights and buses, manifests and boarding")
    cmds = top.add_subparsers(dest="evac_cmd", metavar="SUBCOMMAND", required=True)

    flight = cmds.add_parser("flight", help="add and list flights or buses")
    fl = flight.add_subparsers(dest="flight_cmd", metavar="SUBCOMMAND", required=True)
    p = fl.add_parser("add", help="add a flight (or a bus) and print its id (officers)")
    p.add_argument("--carrier", required=True, help="the airline or bus company")
    p.add_argument("--number", required=True, help="the flight or bus number")
    p.add_argument("--from", dest="origin", required=True, metavar="A", help="where it leaves from")
    p.add_argument("--to", dest="destination", required=True, metavar="B", help="where it goes")
    p.add_argument(
        "--departs", required=True, metavar="ISO", help="departure date and time, e.g. 2026-12-02T06:30"
    )
    p.add_argument("--seats", required=True, type=int, metavar="N", help="seats for evacuees")
    p.add_argument("--assembly", required=True, metavar="TEXT", help="where passengers gather")
    p.add_argument("--bus", action="store_true", help="a bus, not a flight")
    add_auth_options(p)
    p.set_defaults(func=cmd_flight_add)
    p = fl.add_parser("list", help="every flight and bus, soonest first")
    p.add_argument("--json", action="store_true", help="print the flights as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_flight_list)

    manifest = cmds.add_parser("manifest", help="build, show, change, export and print a manifest")
    mf = manifest.add_subparsers(dest="manifest_cmd", metavar="SUBCOMMAND", required=True)
    p = mf.add_parser("build", help="fill the flight from the candidates in the stated order (officers)")
    p.add_argument("flight", help="the flight's id")
    add_auth_options(p)
    p.set_defaults(func=cmd_manifest_build)
    p = mf.add_parser("show", help="the passengers and the waiting list")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("--json", action="store_true", help="print flight, passengers and waiting as JSON")
    add_auth_options(p)
    p.set_defaults(func=cmd_manifest_show)
    p = mf.add_parser("move", help="move a person and their household to another list (officers)")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("citizen", help="the citizen's id")
    p.add_argument("--to", required=True, metavar="passenger|waiting|removed", help="the list to move to")
    p.add_argument(
        "--split-household", action="store_true", help="move this person alone, apart from their household"
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_manifest_move)
    p = mf.add_parser("export", help="write the passenger list as the carrier's CSV (officers)")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("file", metavar="FILE.csv", help="the CSV file to write")
    add_auth_options(p)
    p.set_defaults(func=cmd_manifest_export)
    p = mf.add_parser("print", help="write the manifest as a PDF (officers)")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument("--lang", default="en", metavar="en|ru|kk", help="the language of the headings")
    add_auth_options(p)
    p.set_defaults(func=cmd_manifest_print)

    p = cmds.add_parser("board", help="record boarding: boarded, or checked in, or no-show")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("citizen", help="the citizen's id")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--no-show", action="store_true", help="the passenger did not come")
    group.add_argument("--checked-in", action="store_true", help="the passenger checked in")
    add_auth_options(p)
    p.set_defaults(func=cmd_board)

    p = cmds.add_parser("notices", help="issue a boarding notice to every passenger into one PDF (officers)")
    p.add_argument("flight", help="the flight's id")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF file to write")
    p.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="LANG",
        help="languages of each notice, the first the main one (auto: the citizen's own; default auto)",
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_notices)
