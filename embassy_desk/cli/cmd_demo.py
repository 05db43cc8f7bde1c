"""CLI: the synthetic demo post."""

from __future__ import annotations

import argparse
import shutil
import time

from embassy_desk.cli.context import has_display, paths
from embassy_desk.cli.output import say, tell
from embassy_desk.demo.generator import DemoSettings
from embassy_desk.demo.post import DEMO_ACCOUNTS, DEMO_PASSPHRASE, DEMO_POST, build_demo_post
from embassy_desk.services import registry
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.kdf import calibrate
from embassy_desk.storage.workstation import WorkstationPaths, resolve_data_dir


def demo_dir(args: argparse.Namespace) -> WorkstationPaths:
    """The demo lives in its own folder so it never mixes with a real workstation."""
    if args.data_dir:
        return paths(args)
    return WorkstationPaths(resolve_data_dir(None).parent / "EmbassyDeskDemo")


def _holds_other_files(where: WorkstationPaths) -> bool:
    """True when the folder holds anything but the workstation's own log folder.

    The CLI opens its log in an existing --data-dir before the command runs, so an empty folder
    chosen for the demo already has ``logs/`` in it by the time it is checked.
    """
    if not where.root.is_dir():
        return False
    return any(entry != where.logs or not entry.is_dir() for entry in where.root.iterdir())


def _credentials_text() -> str:
    names = ", ".join(f"{u} ({r.value})" for u, _, r in DEMO_ACCOUNTS)
    return say("cli.demo_accounts", accounts=names, passphrase=DEMO_PASSPHRASE)


def cmd_demo(args: argparse.Namespace) -> int:
    where = demo_dir(args)
    if where.exists() and args.reset:
        shutil.rmtree(where.root)
    if not where.exists():
        if where.root.exists() and not where.root.is_dir():
            tell("cli.demo_is_file", path=str(where.root))
            return 2
        if _holds_other_files(where):
            tell("cli.demo_not_empty", path=str(where.root))
            return 2
        started = time.perf_counter()
        kdf = calibrate(args.kdf_target_ms / 1000) if args.kdf_target_ms else None
        result = build_demo_post(where.root, DemoSettings(args.citizens, args.seed), kdf=kdf, progress=print)
        took = time.perf_counter() - started
        tell(
            "cli.demo_ready",
            seconds=f"{took:.1f}",
            citizens=result.report.imported,
            contacts=result.contacts,
            cases=result.cases,
            path=str(where.root),
        )
        if result.report.rejected:
            tell("cli.demo_rejected", count=len(result.report.rejected))
        tell("cli.demo_recovery", code=result.recovery_code)
    else:
        tell("cli.demo_existing", path=str(where.root))
    print(_credentials_text())
    tell(
        "cli.demo_try",
        command=f".venv/bin/embassy-desk --data-dir {where.root} search Айгерим --user officer",
    )
    if not args.open:
        return 0
    if not has_display():
        print()
        tell("cli.demo_no_screen")
        _show(where)
        return 0
    # Imported here so that every other command starts without loading Qt.
    from embassy_desk.gui.app import DemoMode, run_app

    accounts = tuple((user, role.value) for user, _name, role in DEMO_ACCOUNTS)
    return run_app(where.root, demo=DemoMode(accounts, DEMO_PASSPHRASE, DEMO_POST.name))


def _show(where: WorkstationPaths) -> None:
    session = unlock(where, "officer", DEMO_PASSPHRASE)
    try:
        total = registry.count_citizens(session)
        print()
        tell("cli.demo_count", post=session.post.name, count=total)
        for query in ("Айгерим", "nurlan", "5678"):
            found = registry.search(session, query, limit=3)
            tell("cli.demo_search", query=query, names="; ".join(c.display_name for c in found))
    finally:
        session.lock()


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's commands to the CLI."""
    p = sub.add_parser("demo", help="build (or open) the synthetic demo post")
    p.add_argument("--citizens", type=int, default=30_000)
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--reset", action="store_true", help="delete and rebuild the demo post")
    p.add_argument("--open", action="store_true", help="open the demo post in the window when it is ready")
    p.add_argument("--kdf-target-ms", type=int, default=0, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_demo)
