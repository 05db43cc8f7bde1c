"""CLI: printable notices (list the kinds, render and issue, list issued, re-print, post details)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from embassy_desk.cli.context import add_auth_options, signed_in
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.notices.templates import load_bundle
from embassy_desk.notices.text import LANGUAGES
from embassy_desk.storage.files import atomic_write_bytes

if TYPE_CHECKING:
    from embassy_desk.services import notices

# The notices service loads reportlab; each command imports it itself, so that every other command
# (this module is imported at every start of the CLI) does not pay for it.


def _pairs(items: list[str] | None, option: str) -> list[tuple[str, str]]:
    out = []
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValidationError(option, Msg("cli.not_name_value", value=item))
        out.append((key.strip(), value))
    return out


def _params(args: argparse.Namespace) -> dict[str, notices.ParamValue]:
    """``--fields FILE`` (JSON: a text or {lang: text} per field), then ``--field name[.lang]=text``."""
    params: dict[str, notices.ParamValue] = {}
    if args.fields:
        try:
            data = json.loads(Path(args.fields).read_text(encoding="utf-8-sig"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValidationError(
                "--fields", Msg("cli.cannot_read", path=str(args.fields), reason=str(exc))
            ) from exc
        if not isinstance(data, dict):
            raise ValidationError("--fields", Msg("cli.json_fields"))
        params.update(data)
    for key, value in _pairs(args.field, "--field"):
        name, _, lang = key.partition(".")
        if lang:
            current = params.get(name)
            per_lang = dict(current) if isinstance(current, dict) else {}
            per_lang[lang] = value
            params[name] = per_lang
        else:
            params[name] = value
    return params


def cmd_list_kinds(args: argparse.Namespace) -> int:
    from embassy_desk.services import notices

    for spec in notices.kinds():
        bundle = load_bundle(spec.id, list(LANGUAGES))
        versions = " ".join(f"{lang}:v{v}" for lang, v in bundle.versions.items())
        # A field written per language is given once per language of the notice (--field name.ko=…).
        fields = ", ".join(f"{p}.LANG" if p in spec.translated else p for p in spec.params) or "-"
        print(
            f"{spec.id:<26} {spec.layout.value:<7} for {spec.recipient.value:<9}"
            f" fields: {fields}  [{versions}]"
        )
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    from embassy_desk.services import notices

    selection = None
    if args.citizen or args.region or args.welfare or args.campaign or args.all:
        selection = notices.Selection(
            citizen_ids=tuple(args.citizen or ()),
            region=args.region,
            welfare_status=args.welfare,
            campaign=args.campaign,
            everyone=args.all,
        )
    if bool(args.output) == bool(args.per_person):
        raise ValidationError("-o", Msg("cli.output_choice"))
    target = Path(args.output or args.per_person)
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = done * 100 // total
        if total > 1000 and percent // 10 != shown[0]:
            shown[0] = percent // 10
            tell("cli.notices_progress", err=True, done=done, total=total)

    with signed_in(args) as session:
        result = notices.issue(
            session,
            kind=args.kind,
            languages=args.lang.split(","),
            target=target,
            selection=selection,
            params=_params(args),
            per_person=bool(args.per_person),
            paper=args.paper,
            progress=progress,
        )
    where = f"{len(result.files)} files in {target}" if args.per_person else str(target)
    tell("cli.issued", count=result.notices, kind=result.kind, pages=result.pages, path=str(where))
    if result.notices == 1:
        tell("cli.reference", reference=result.references[0])
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from embassy_desk.services import notices

    with signed_in(args) as session:
        found = notices.list_issued(session, citizen_id=args.citizen, limit=args.limit)
    for n in found:
        who = n.citizen_id or "-"
        print(
            f"{n.reference}  {n.kind:<24} {','.join(n.languages):<6} {n.issued_at}  {n.issued_by:<10} {who}"
        )
    if not found:
        tell("cli.no_notices", err=True)
    return 0


def cmd_reprint(args: argparse.Namespace) -> int:
    from embassy_desk.services import notices

    with signed_in(args) as session:
        data = notices.reprint(session, args.reference)
    atomic_write_bytes(Path(args.output), data)
    tell("cli.reprinted", reference=args.reference, path=str(args.output))
    return 0


def cmd_post_details(args: argparse.Namespace) -> int:
    from embassy_desk.services import notices

    names = dict(_pairs(args.name, "--name")) if args.name else None
    addresses = dict(_pairs(args.address, "--address")) if args.address else None
    with signed_in(args) as session:
        post = notices.set_notice_post(
            session,
            names=names,
            addresses=addresses,
            phone=args.phone,
            hotline=args.hotline,
            email=args.email,
        )
    for lang in LANGUAGES:
        print(f"{lang}: {post.name(lang)} | {post.address(lang)}")
    print(f"phone {post.phone} | hotline {post.hotline} | e-mail {post.email}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``notice`` commands to the CLI."""
    nt = sub.add_parser("notice", help="printable notices").add_subparsers(dest="notice_cmd", required=True)
    p = nt.add_parser("list-kinds", help="the kinds of notice, their fields and template versions")
    p.set_defaults(func=cmd_list_kinds)

    p = nt.add_parser("render", help="issue notices into a PDF (recorded and audited)")
    p.add_argument("kind")
    p.add_argument(
        "--lang",
        required=True,
        help="languages, main first: kk, ru, en, ko; 'auto' = each citizen's own (e.g. auto,ko)",
    )
    p.add_argument("--citizen", action="append", metavar="ID", help="a citizen (repeat for several)")
    p.add_argument("--region", help="everyone in a region of the host country")
    p.add_argument("--welfare", help="everyone with this welfare status")
    p.add_argument("--campaign", help="everyone contacted in this campaign")
    p.add_argument("--all", action="store_true", help="every citizen on the register")
    p.add_argument("-o", "--output", metavar="FILE.pdf", help="write every notice into this one PDF")
    p.add_argument(
        "--per-person", metavar="DIR", help="instead: one PDF per notice in DIR, named by reference"
    )
    p.add_argument(
        "--field",
        action="append",
        metavar="NAME[.LANG]=TEXT",
        help="a field the notice needs (see list-kinds); one listed as NAME.LANG is written per"
        " language: give it for each language of the notice",
    )
    p.add_argument("--fields", metavar="FILE", help="JSON object of fields (text, or {lang: text})")
    p.add_argument("--paper", default="a4", help="a4 or letter")
    add_auth_options(p)
    p.set_defaults(func=cmd_render)

    p = nt.add_parser("list", help="notices issued, newest first")
    p.add_argument("--citizen", metavar="ID")
    p.add_argument("--limit", type=int, default=50)
    add_auth_options(p)
    p.set_defaults(func=cmd_list)

    p = nt.add_parser("reprint", help="print an issued notice again, exactly as issued")
    p.add_argument("reference")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    add_auth_options(p)
    p.set_defaults(func=cmd_reprint)

    p = nt.add_parser("post-details", help="how notices name and reach the post (administrators)")
    p.add_argument("--name", action="append", metavar="LANG=TEXT")
    p.add_argument("--address", action="append", metavar="LANG=TEXT")
    p.add_argument("--phone")
    p.add_argument("--hotline")
    p.add_argument("--email")
    add_auth_options(p)
    p.set_defaults(func=cmd_post_details)
