"""``embassy-desk self-test`` and the text of ``embassy-desk --version`` (issue 15).

The self-test prints each step as it finishes, with OK or FAILED and one line of reason, and exits 0
only if every step worked (1 otherwise, naming the failed step). What went wrong inside a step goes to
the log file, never as a traceback on the screen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from embassy_desk.cli.output import error_text, say, tell
from embassy_desk.logs import active_log_dir


def version_text() -> str:
    """``embassy-desk X.Y.Z (schema NNNN)``: the package version and the workstation schema's head."""
    from embassy_desk.services.selftest import version_line

    return version_line()


class VersionAction(argparse.Action):
    """``--version``: computed when asked (the schema head is read from the migrations), then exit 0."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=str(kwargs.get("help"))
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(version_text())
        parser.exit(0)


def cmd_selftest(args: argparse.Namespace) -> int:
    from embassy_desk.services.selftest import STEPS, StepResult, passed, run_selftest

    total = len(STEPS)
    shown = 0

    def report(result: StepResult) -> None:
        nonlocal shown
        shown += 1
        step = say(f"selftest.step.{result.step}")
        if result.skipped:
            tell("selftest.line_skipped", n=shown, total=total, step=step, outcome=say("selftest.skipped"))
            return
        outcome = say("selftest.ok" if result.ok else "selftest.failed")
        tell(
            "selftest.line", n=shown, total=total, step=step, outcome=outcome, seconds=f"{result.seconds:.1f}"
        )
        if result.reason is not None:
            tell("selftest.reason", reason=error_text(result.reason))
        sys.stdout.flush()

    tell("selftest.title", version=version_text())
    started = time.perf_counter()
    results = run_selftest(temp_parent=Path(args.temp_dir) if args.temp_dir else None, report=report)
    if passed(results):
        tell("selftest.passed", seconds=f"{time.perf_counter() - started:.1f}")
        return 0
    failed = next(r for r in results if not r.ok and not r.skipped)
    logs = active_log_dir()
    tell("selftest.failed_step", step=say(f"selftest.step.{failed.step}"), logs=str(logs) if logs else "-")
    return 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``self-test`` to the command line."""
    parser = sub.add_parser(
        "self-test",
        help="check this installation end to end in a temporary folder (deleted afterwards)",
        description=(
            "Create a temporary encrypted workstation, register and find a synthetic citizen, issue a "
            "bilingual notice, verify the audit chain, start a headquarters server in this process and "
            "sync to it, then delete everything. Exit 0 only if every step worked."
        ),
    )
    parser.add_argument(
        "--temp-dir",
        metavar="DIR",
        help="make the temporary folder inside DIR (default: the system's temporary folder)",
    )
    parser.set_defaults(func=cmd_selftest)
