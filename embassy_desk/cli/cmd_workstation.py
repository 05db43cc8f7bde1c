"""CLI: set-up, staff accounts, integrity check, audit log and backups."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from embassy_desk.cli import credentials
from embassy_desk.cli.context import (
    add_auth_options,
    paths,
    print_json,
    session_with_key,
    signed_in,
)
from embassy_desk.cli.output import tell
from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import IntegrityFailure
from embassy_desk.domain.messages import Msg, as_msg
from embassy_desk.domain.vocab import parse_choice
from embassy_desk.services import backup, integrity, rekey, users
from embassy_desk.services.session import PostInfo, Session
from embassy_desk.services.workstation import init_workstation, load_vault, unwrap_key
from embassy_desk.storage.files import atomic_write_bytes, scratch_dir
from embassy_desk.storage.kdf import calibrate


def cmd_init(args: argparse.Namespace) -> int:
    where = paths(args)
    secret = credentials.new_passphrase(args.passphrase_file, env=credentials.PASSPHRASE_ENV)
    kdf = calibrate(args.kdf_target_ms / 1000) if args.kdf_target_ms else None
    post = PostInfo(
        name=args.post_name,
        home_country=args.home_country.upper(),
        host_country=args.host_country.upper(),
    )
    result = init_workstation(
        where.root,
        post=post,
        admin_username=args.admin,
        admin_display_name=args.admin_name or args.admin,
        passphrase=secret,
        kdf=kdf,
    )
    tell("cli.workstation_created", path=str(where.root), post=post.name)
    tell("cli.administrator", name=result.admin.username)
    tell("cli.recovery_notice", code=result.recovery_code)
    if args.recovery_sheet:
        # Imported here: reportlab is only needed by this option, not by every command's start.
        from embassy_desk.notices import recovery_sheet_pdf

        sheet = recovery_sheet_pdf(post.name, result.recovery_code, datetime.now(UTC))
        atomic_write_bytes(Path(args.recovery_sheet), sheet)
        tell("cli.recovery_sheet_written", path=str(args.recovery_sheet))
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    role = parse_choice(Role, args.role, field="role")
    secret = credentials.new_passphrase(args.new_passphrase_file)
    with signed_in(args) as session:
        user = users.add_user(
            session,
            username=args.username,
            display_name=args.name or "",
            role=role,
            passphrase=secret,
        )
    tell("cli.user_added", name=user.username, role=Msg(f"role.{user.role.value}"))
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    if args.recovery:
        target = credentials.username(args.username or args.user)
        code = credentials.recovery_code(args.recovery_code_file)
        secret = credentials.new_passphrase(args.new_passphrase_file)
        users.reset_with_recovery(
            paths(args).root, username=target, recovery_code=code, new_passphrase=secret
        )
        tell("cli.passphrase_reset", name=target)
        return 0
    with signed_in(args) as session:
        target = args.username or session.user.username
        secret = credentials.new_passphrase(args.new_passphrase_file)
        users.change_passphrase(session, username=target, new_passphrase=secret)
    tell("cli.passphrase_changed", name=target)
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        users.disable_user(session, username=args.username)
        tell("cli.user_disabled", name=args.username)
        if args.rekey:
            _rekey(session)
        else:
            tell("cli.rekey_hint")
    return 0


def _rekey(session: Session) -> None:
    report = rekey.change_data_key(session)
    tell("cli.rekeyed", generation=report.generation, count=report.citizens)


def cmd_rekey(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        _rekey(session)
    return 0


def cmd_user_reopen(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        users.reopen_account(session, username=args.username)
    tell("cli.user_enabled", name=args.username)
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        accounts = users.list_users(session)
    if args.json:
        print_json(
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role.value,
                    "disabled": u.disabled,
                }
                for u in accounts
            ]
        )
    else:
        for u in accounts:
            state = " (disabled)" if u.disabled else ""
            print(f"{u.username:<20} {u.role.value:<14} {u.display_name}{state}")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        report = integrity.verify_audit_chain(session)
    if not report.ok:
        raise IntegrityFailure(Msg("cli.audit_tampered", problem=as_msg(report.problem or "")))
    tell("cli.audit_intact", count=report.entries)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    where = paths(args)
    load_vault(where)  # "no workstation" before asking for a passphrase
    user = credentials.username(args.user)
    secret = credentials.passphrase(args.passphrase_file)
    # Seen before the session below makes them private again.
    loose = integrity.readable_by_others(where.root)
    # Unwrap the key without opening a session: a damaged file must still be checkable.
    result = unwrap_key(where, user, secret)
    report = integrity.check_database(where.database, result.data_key)
    if not report.ok:
        raise IntegrityFailure(report.summary)
    with session_with_key(where, result.data_key, user) as session:
        integrity.record_check(session, report)
        session.anchor_key = result.anchor_key
        anchor_problem = integrity.audit_anchor_problem(session)
        if anchor_problem is not None:
            raise IntegrityFailure(anchor_problem)
        integrity.renew_audit_anchor(session)
    if loose:
        raise IntegrityFailure(Msg("cli.loose_files", paths=", ".join(loose)))
    tell("cli.check_ok", summary=report.summary)
    return 0


def cmd_backup_create(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        info = backup.create_backup(session, Path(args.file))
    tell(
        "cli.backup_written",
        path=str(args.file),
        count="?" if info.citizens is None else info.citizens,
        size=info.size,
    )
    return 0


def _backup_key(args: argparse.Namespace) -> backup.BackupKey:
    # The backup's vault and its failure counters are kept in the data folder (made if missing).
    file, root = Path(args.file), paths(args).root
    backup.read_backup(file)  # a file that is no backup is said before a passphrase is asked for
    if args.recovery:
        code = credentials.recovery_code(args.recovery_code_file)
        return backup.unlock_backup(file, root, recovery_code=code)
    user = credentials.username(args.user)
    secret = credentials.passphrase(args.passphrase_file)
    return backup.unlock_backup(file, root, username=user, passphrase=secret)


def cmd_backup_verify(args: argparse.Namespace) -> int:
    key = _backup_key(args)
    info = backup.verify_backup(Path(args.file), key.data_key, scratch=scratch_dir(paths(args).root))
    made = info.created_at or Msg("cli.backup_unknown_date")
    tell(
        "cli.backup_intact",
        made=made,
        count="?" if info.citizens is None else info.citizens,
        schema=str(info.schema_revision),
    )
    return 0


def cmd_backup_restore(args: argparse.Namespace) -> int:
    info = backup.restore_backup(Path(args.file), paths(args).root, _backup_key(args))
    tell("cli.restored", count="?" if info.citizens is None else info.citizens, path=str(paths(args).root))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands to the CLI."""
    p = sub.add_parser("init", help="set up a new encrypted workstation")
    p.add_argument("--post-name", required=True, help="e.g. 'Embassy of Kazakhstan in Seoul'")
    p.add_argument("--home-country", default="KZ", help="ISO code of the citizens' country")
    p.add_argument("--host-country", default="KR", help="ISO code of the country of the post")
    p.add_argument("--admin", required=True, metavar="USERNAME", help="first administrator")
    p.add_argument("--admin-name", help="administrator's display name")
    p.add_argument("--passphrase-file", metavar="FILE", help="read the new passphrase from FILE")
    p.add_argument("--recovery-sheet", metavar="FILE.pdf", help="also write the printable recovery sheet")
    p.add_argument("--kdf-target-ms", type=int, default=0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_init)

    user = sub.add_parser("user", help="staff accounts").add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="add a staff account (administrators)")
    p.add_argument("username")
    p.add_argument("--role", required=True, help="administrator, officer, clerk or viewer")
    p.add_argument("--name", help="display name")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    add_auth_options(p)
    p.set_defaults(func=cmd_user_add)
    p = user.add_parser("passwd", help="change a passphrase (or reset it with the recovery code)")
    p.add_argument("username", nargs="?")
    p.add_argument("--recovery", action="store_true", help="use the recovery code")
    p.add_argument("--recovery-code-file", metavar="FILE")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    add_auth_options(p)
    p.set_defaults(func=cmd_user_passwd)
    for name, func, text in (
        ("disable", cmd_user_disable, "disable an account and destroy its key slot"),
        ("reopen", cmd_user_reopen, "reopen an account locked after failed sign-ins"),
    ):
        p = user.add_parser(name, help=text)
        p.add_argument("username")
        if name == "disable":
            p.add_argument("--rekey", action="store_true", help="then change the data key (see 'rekey')")
        add_auth_options(p)
        p.set_defaults(func=func)
    p = user.add_parser("list", help="list staff accounts")
    p.add_argument("--json", action="store_true")
    add_auth_options(p)
    p.set_defaults(func=cmd_user_list)

    audit_parser = sub.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_cmd", required=True
    )
    p = audit_parser.add_parser("verify", help="verify the audit hash chain")
    add_auth_options(p)
    p.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser(
        "rekey", help="re-encrypt the data under a new key (after a staff member leaves; administrators)"
    )
    add_auth_options(p)
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("check", help="check the database file, its structure and the audit chain")
    add_auth_options(p)
    p.set_defaults(func=cmd_check)

    bk = sub.add_parser("backup", help="encrypted backups").add_subparsers(dest="backup_cmd", required=True)
    p = bk.add_parser("create", help="write an encrypted, verified backup")
    p.add_argument("file")
    add_auth_options(p)
    p.set_defaults(func=cmd_backup_create)
    for name, func, text in (
        ("verify", cmd_backup_verify, "check that a backup opens and is intact"),
        ("restore", cmd_backup_restore, "restore a backup into an empty data directory (administrators)"),
    ):
        p = bk.add_parser(name, help=text)
        p.add_argument("file")
        p.add_argument("--recovery", action="store_true", help="unlock with the recovery code")
        p.add_argument("--recovery-code-file", metavar="FILE")
        add_auth_options(p)
        p.set_defaults(func=func)
