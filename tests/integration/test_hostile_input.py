"""Hostile input through the real ``embassy-desk`` command: secrets on the command line,
decompression bombs, formula injection, killed imports and exports (issue 10)."""

from __future__ import annotations

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
