"""Hostile input through the real ``embassy-desk`` command: secrets on the command line,
decompression bombs, formula injection, killed imports and exports (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_cli import Cli


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    runner = Cli(tmp_path_factory.mktemp("hostile") / "ws")
    done = runner(
        "init",
        "--post-name",
        "Embassy of Kazakhstan in Seoul",
        "--admin",
        "admin",
        "--kdf-target-ms",
        "50",
    )
    assert done.returncode == 0, done.stderr
    return runner


# --------------------------------------------------------------------------- secrets (defect 10)

SECRET = "steppe-SECRET-lantern 42"


@pytest.mark.parametrize(
    "args",
    [
        ("search", "x", "--passphrase", SECRET),
        ("search", "x", f"--passphrase={SECRET}"),
        ("search", "x", "--passphrase-f", SECRET),
        ("user", "passwd", "admin", "--recovery-code", SECRET),
    ],
)
def test_a_secret_typed_on_the_command_line_is_refused_and_never_echoed(
    cli: Cli, args: tuple[str, ...]
) -> None:
    done = cli(*args)
    assert done.returncode == 2, done.stderr
    assert "unrecognized arguments" in done.stderr
    for part in SECRET.split():
        assert part not in done.stderr + done.stdout
    assert "<hidden>" in done.stderr


def test_a_missing_secret_file_is_not_named_in_the_error(cli: Cli) -> None:
    done = cli("search", "x", "--passphrase-file", SECRET, env={"EMBASSY_DESK_PASSPHRASE": ""})
    assert done.returncode == 2, done.stderr
    assert "SECRET" not in done.stderr


def test_every_parser_refuses_abbreviations() -> None:
    import argparse

    from embassy_desk.cli.main import build_parser

    def walk(parser: argparse.ArgumentParser) -> int:
        assert parser.allow_abbrev is False, parser.prog
        seen = 1
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                seen += sum(walk(child) for child in action.choices.values())
        return seen

    assert walk(build_parser()) > 20


# --------------------------------------------------------------------------- XLSX bomb (defect 4)

_MEASURE = """
import resource, subprocess, sys
# A safety net for the run before the fix (12.7 GB): fail with MemoryError, not take the machine.
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, encoding="utf-8")
sys.stdout.write(f"{done.returncode}\\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.stdout.write(done.stderr)
"""


def test_an_xlsx_bomb_is_refused_with_exit_2_in_bounded_memory(cli: Cli, tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.hostile_files import xlsx_with_one_cell

    bomb = xlsx_with_one_cell(tmp_path / "bomb.xlsx", 1 << 30)
    assert bomb.stat().st_size < 1_100_000  # about 1 MB holding a 1 GB cell
    command = [sys.executable, "-m", "embassy_desk", "--data-dir", str(cli.data_dir)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command, "import", "citizens", str(bomb), "--dry-run"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli.env,
        timeout=300,
    )
    code, peak_kib, stderr = done.stdout.split("\n", 2)
    assert int(code) == 2, stderr
    assert "bomb.xlsx" in stderr and "1.0 GB" in stderr and "decompression bomb" in stderr
    # The whole process (Python, SQLCipher, the Argon2id unlock) stays far below the 1 GB cell.
    assert int(peak_kib) < 400 * 1024, f"peak RSS {int(peak_kib) // 1024} MB"
