"""``embassy-desk hq ...``: run headquarters (HQ): its database and keys, posts, devices, statistics,
publications and bundles. Every command takes ``--hq-dir`` (default ``$EMBASSY_DESK_HQ_DIR``) and
``--db`` (default ``$EMBASSY_DESK_HQ_DB``, else a SQLite file in the HQ folder).

Machine output (``--json``, tables, the enrollment code on the last line) is never translated.
"""

from __future__ import annotations

import argparse
import hashlib
import tomllib
from pathlib import Path
from typing import Any

from embassy_desk.cli.context import print_json
from embassy_desk.cli.output import tell
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.hq.config import DB_ENV, DIR_ENV, HQConfig
from embassy_desk.hq.errors import HQNotReady
from embassy_desk.hq.store import HQStore

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_PUBLIC_PORT = 8766
# A notice template file is a few kilobytes of TOML; anything far larger is not one.
MAX_TEMPLATE_BYTES = 1024 * 1024


def _config(args: argparse.Namespace) -> HQConfig:
    return HQConfig.resolve(getattr(args, "hq_dir", None), getattr(args, "db", None))


def _store(args: argparse.Namespace) -> HQStore:
    return _config(args).open_store()


def cmd_init(args: argparse.Namespace) -> int:
    from embassy_desk.hq.database import make_engine, upgrade
    from embassy_desk.hq.keys import create_keys

    config = _config(args)
    _keys, made = create_keys(config.hq_dir)
    tell("hq.keys_made" if made else "hq.keys_kept", path=str(config.hq_dir))
    engine = make_engine(config.db_url)
    try:
        _before, after = upgrade(engine)
    finally:
        engine.dispose()
    tell("hq.initialised", path=str(config.hq_dir), db=config.safe_url(), revision=after)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from embassy_desk.hq.database import make_engine, upgrade

    config = _config(args)
    if config.is_sqlite and not config.hq_dir.is_dir():
        # The default database lives in the HQ folder, which only `hq init` makes.
        raise HQNotReady(Msg("hq.not_initialised", path=str(config.hq_dir)))
    engine = make_engine(config.db_url)
    try:
        before, after = upgrade(engine)
    finally:
        engine.dispose()
    tell("hq.migrated", db=config.safe_url(), before=before or "-", revision=after)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from embassy_desk.hq.server import serve

    certfile = Path(args.certfile) if args.certfile else None
    keyfile = Path(args.keyfile) if args.keyfile else None
    serve(
        _config(args),
        args.host,
        args.port,
        certfile,
        keyfile,
        public_port=args.public_port,
        public_host=args.public_host,
    )
    return 0


def cmd_serve_public(args: argparse.Namespace) -> int:
    from embassy_desk.hq.server import serve_public

    certfile = Path(args.certfile) if args.certfile else None
    keyfile = Path(args.keyfile) if args.keyfile else None
    return serve_public(_config(args), args.host, args.port, certfile, keyfile, workers=args.workers)


def _positive_int(text: str) -> int:
    """argparse type of ``--workers``: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def cmd_post_add(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        info = store.add_post(args.code, args.name)
    finally:
        store.close()
    tell("hq.post_added", code=info.code, name=info.name)
    return 0


def cmd_posts(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        found = store.posts()
    finally:
        store.close()
    if args.json:
        print_json(
            [
                {
                    "code": p.code,
                    "name": p.name,
                    "created_at": p.created_at,
                    "devices": p.devices,
                    "last_seq": p.last_seq,
                }
                for p in found
            ]
        )
    elif not found:
        tell("hq.no_posts_yet")
    else:
        for p in found:
            print(f"{p.code:<12} {p.devices:>3} {p.last_seq:>9}  {p.name}")
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        code, expires = store.new_enroll_code(args.post)
        post = store.post(args.post).code
    finally:
        store.close()
    tell("hq.enroll_code_for", post=post, expires=expires)
    print(code)  # the last line: scripts take it from here
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        found = store.devices(args.post)
    finally:
        store.close()
    rows = [
        {
            "post": d.post,
            "device": d.device_id,
            "name": d.name,
            "enrolled_at": d.enrolled_at,
            "last_sync": d.last_sync,
            "audit_chain": d.audit_state,
            "revoked": d.revoked,
            "revoked_at": d.revoked_at,
        }
        for d in found
    ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            state = "revoked" if r["revoked"] else "active"
            print(
                f"{r['post']:<12} {r['device']:<38} {r['enrolled_at']:<25} "
                f"{r['last_sync'] or '-':<25} {state:<8} audit: {r['audit_chain']}  {r['name']}"
            )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        info = store.revoke(args.device)
    finally:
        store.close()
    tell("hq.revoked", device=info.device_id, post=info.post)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from embassy_desk.hq import stats

    store = _store(args)
    try:
        code = store.post(args.post).code if args.post else None
        with store.engine.connect() as conn:
            figures = stats.post_stats(conn, now=store.clock(), post=code)
    finally:
        store.close()
    if args.json:
        # One post asked for: its object; otherwise a list of every post's.
        values = [stats.as_json(f) for f in figures]
        print_json(values[0] if code is not None and values else values)
        return 0
    print(
        f"{'post':<12} {'citizens':>9} {'safe':>8} {'help':>6} {'unreach':>7} {'unknown':>7} {'evac':>6} "
        f"{'open':>6} {'urgent':>6} {'high':>5} {'contacts24h':>11} {'checkins':>8}  {'last sync':<24} "
        f"{'chain':<5}"
    )
    for f in figures:
        w = f.welfare
        synced = f.last_sync or "never"
        flag = " STALE" if f.stale else ""
        print(
            f"{f.post:<12} {f.citizens:>9} {w.get('safe', 0):>8} {w.get('needs_assistance', 0):>6} "
            f"{w.get('unreachable', 0):>7} {w.get('unknown', 0):>7} {w.get('evacuated', 0):>6} "
            f"{f.open_cases:>6} {f.cases_by_priority.get('urgent', 0):>6} "
            f"{f.cases_by_priority.get('high', 0):>5} {f.contacts_24h:>11} {f.checkins.get('total', 0):>8}  "
            f"{synced:<24} "
            f"{f.audit_chain:<5}{flag}"
        )
    for f in figures:
        for d in f.devices:
            state = "revoked" if d.revoked else d.audit_state
            print(f"  {f.post} device {d.device} ({state}): last sync {d.last_sync or '-'}")
    return 0


def cmd_export_bundle(args: argparse.Namespace) -> int:
    from embassy_desk.hq.bundles import export_bundle

    store = _store(args)
    try:
        report = export_bundle(store, args.post, Path(args.file), everything=args.from_start)
    finally:
        store.close()
    tell(
        "hq.bundle_written",
        number=report.number,
        post=report.post,
        path=str(args.file),
        count=report.entries,
        devices=report.recipients,
    )
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    from embassy_desk.hq.bundles import import_bundle

    data = _read_file(Path(args.file), limit=None)
    store = _store(args)
    try:
        report = import_bundle(store, data)
    finally:
        store.close()
    if report.already:
        tell("hq.bundle_already", number=report.number, device=report.device)
        return 0
    tell(
        "hq.bundle_imported",
        number=report.number,
        device=report.device,
        post=report.post,
        accepted=report.accepted,
        duplicates=report.duplicates,
        rejected=report.rejected,
    )
    if report.audit_chain != "ok":
        tell("hq.audit_break", err=True, device=report.device)
    return 0


def _read_file(path: Path, *, limit: int | None) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read() if limit is None else handle.read(limit + 1)
    except OSError as exc:
        raise ValidationError(
            "file", Msg("hq.file_unreadable", path=str(path), reason=exc.strerror or "")
        ) from exc
    if limit is not None and len(data) > limit:
        raise ValidationError("file", Msg("hq.file_too_large", path=str(path), max=limit))
    return data


def _texts(args: argparse.Namespace, prefix: str) -> dict[str, str]:
    return {
        lang: value
        for lang in ("kk", "ru", "en")
        if (value := getattr(args, f"{prefix}_{lang}", None)) is not None and value.strip()
    }


def cmd_publish(args: argparse.Namespace) -> int:
    from embassy_desk.hq.publish import publish

    title = _texts(args, "title")
    body: dict[str, Any]
    if args.template:
        path = Path(args.template)
        raw = _read_file(path, limit=MAX_TEMPLATE_BYTES)
        try:
            source = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError("file", Msg("hq.template_not_text", path=str(path))) from exc
        body = template_body(path, source, hashlib.sha256(raw).hexdigest())
        title = title or {"en": f"{body['template']} v{body['version']} ({body['language']})"}
        kind = "template"
    else:
        body = _texts(args, "text")
        kind = "advisory"
    store = _store(args)
    try:
        done = publish(store, kind=kind, title=title, body=body, targets=None if args.all else args.post)
    finally:
        store.close()
    tell("hq.published", posts=", ".join(sorted(done.seqs)), id=done.record_id)
    return 0


def template_body(path: Path, source: str, sha256: str) -> dict[str, Any]:
    """A notice template file as a publication body: the template's id, version and language (read
    from its TOML, which must have them) and the file's text; ValidationError otherwise."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError("file", Msg("hq.template_not_toml", path=str(path))) from exc
    template, version, lang = data.get("id"), data.get("version"), data.get("language")
    if not isinstance(template, str) or not isinstance(version, int) or not isinstance(lang, str):
        raise ValidationError("file", Msg("hq.template_not_toml", path=str(path)))
    return {
        "template": template,
        "version": version,
        "language": lang,
        "file": path.name,
        "source": source,
        "sha256": sha256,
    }


def _hq_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hq-dir", metavar="DIR", help=f"HQ folder (default: ${DIR_ENV})")
    parser.add_argument(
        "--db",
        metavar="URL",
        help=f"HQ database URL (default: ${DB_ENV}, else a SQLite file in the HQ folder)",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``embassy-desk hq ...`` to the CLI."""
    hq = sub.add_parser("hq", help="run headquarters: posts, devices, statistics, bundles").add_subparsers(
        dest="hq_cmd", required=True
    )
    p = hq.add_parser("init", help="make HQ's keys and database")
    _hq_options(p)
    p.set_defaults(func=cmd_init)
    p = hq.add_parser("migrate", help="bring HQ's database to this version's schema")
    _hq_options(p)
    p.set_defaults(func=cmd_migrate)

    p = hq.add_parser("serve", help="serve HQ's sync API over HTTP(S)")
    p.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="port to listen on (default: 8765)")
    p.add_argument("--certfile", metavar="FILE", help="TLS certificate (PEM); without it, plain HTTP")
    p.add_argument("--keyfile", metavar="FILE", help="TLS private key (PEM)")
    p.add_argument(
        "--public-port",
        type=int,
        metavar="PORT",
        help="also serve the public check-in page on this port (a second listener)",
    )
    p.add_argument(
        "--public-host", metavar="HOST", help="address of the public listener (default: the --host address)"
    )
    _hq_options(p)
    p.set_defaults(func=cmd_serve)

    p = hq.add_parser(
        "serve-public", help="serve only the public check-in page and SMS webhook (a machine in a DMZ)"
    )
    p.add_argument("--host", default=DEFAULT_HOST, help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PUBLIC_PORT, help="port to listen on (default: 8766)")
    p.add_argument("--certfile", metavar="FILE", help="TLS certificate (PEM); without it, plain HTTP")
    p.add_argument("--keyfile", metavar="FILE", help="TLS private key (PEM)")
    p.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        metavar="N",
        help="processes sharing the port (default: 1; the machine's number of cores for the most answers)",
    )
    _hq_options(p)
    p.set_defaults(func=cmd_serve_public)

    post = hq.add_parser("post", help="posts (embassies, consulates)").add_subparsers(
        dest="post_cmd", required=True
    )
    p = post.add_parser("add", help="add a post")
    p.add_argument("code", help="post code, e.g. KZ-SEL")
    p.add_argument("--name", required=True, help="the post's name")
    _hq_options(p)
    p.set_defaults(func=cmd_post_add)
    p = hq.add_parser("posts", help="list the posts")
    p.add_argument("--json", action="store_true", help="print JSON")
    _hq_options(p)
    p.set_defaults(func=cmd_posts)

    p = hq.add_parser("enroll-code", help="make a one-time enrollment code (24 h) for a post's workstation")
    p.add_argument("--post", required=True, metavar="CODE", help="post code, e.g. KZ-SEL")
    _hq_options(p)
    p.set_defaults(func=cmd_enroll_code)
    p = hq.add_parser("devices", help="list enrolled devices with their last sync and audit chain state")
    p.add_argument("--post", metavar="CODE", help="only this post")
    p.add_argument("--json", action="store_true", help="print JSON")
    _hq_options(p)
    p.set_defaults(func=cmd_devices)
    p = hq.add_parser("revoke", help="revoke a device: HQ refuses its requests")
    p.add_argument("device", help="device id")
    _hq_options(p)
    p.set_defaults(func=cmd_revoke)

    p = hq.add_parser("stats", help="per-post statistics")
    p.add_argument("--post", metavar="CODE", help="only this post")
    p.add_argument("--json", action="store_true", help="print JSON")
    _hq_options(p)
    p.set_defaults(func=cmd_stats)

    p = hq.add_parser("export-bundle", help="write a post's changes to a bundle file for its workstations")
    p.add_argument("--post", required=True, metavar="CODE", help="post code, e.g. KZ-SEL")
    p.add_argument(
        "--from-start", action="store_true", help="every entry of the post, not only what its devices lack"
    )
    p.add_argument("file", help="bundle file to write")
    _hq_options(p)
    p.set_defaults(func=cmd_export_bundle)
    p = hq.add_parser("import-bundle", help="import a workstation's bundle file")
    p.add_argument("file", help="bundle file to read")
    _hq_options(p)
    p.set_defaults(func=cmd_import_bundle)

    p = hq.add_parser("publish", help="publish an advisory or a notice template to posts")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--post", metavar="CODE", action="append", help="a post (repeat for several)")
    target.add_argument("--all", action="store_true", help="every post")
    for lang in ("kk", "ru", "en"):
        p.add_argument(f"--title-{lang}", metavar="TEXT", help=f"title in {lang}")
        p.add_argument(f"--text-{lang}", metavar="TEXT", help=f"advisory text in {lang}")
    p.add_argument("--template", metavar="FILE", help="publish this notice template file instead of a text")
    _hq_options(p)
    p.set_defaults(func=cmd_publish)

    # The web console's commands live beside their own code (issue 13).
    from embassy_desk.cli import cmd_hq_audit, cmd_hq_operator

    cmd_hq_operator.register(hq)
    cmd_hq_audit.register(hq)
