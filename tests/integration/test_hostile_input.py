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


# --------------------------------------------------------------------------- killed imports (defect 7)


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()  # state, ppid, ...


def _workers_of(pid: int) -> list[int]:
    """Processes forked by ``pid`` that run what it runs (its import workers)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and int(fields[1]) == pid:
                try:
                    if (entry / "cmdline").read_bytes() == command:
                        found.append(int(entry.name))
                except OSError:
                    continue
    return found


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def write_citizens_csv(path: Path, count: int, seed: int = 11) -> Path:
    import csv

    from embassy_desk.demo.generator import DemoSettings, synthetic_rows

    rows = list(synthetic_rows(DemoSettings(count, seed)))
    columns = sorted({key for row in rows for key in row})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_import_workers_die_with_a_killed_import(cli: Cli, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    big = write_citizens_csv(tmp_path / "big.csv", 30_000)
    assert big.stat().st_size // 150 >= 20_000  # large enough for the parallel import
    command = [sys.executable, "-m", "embassy_desk", "--data-dir", str(cli.data_dir)]
    process = subprocess.Popen(
        [*command, "import", "citizens", str(big), "--dry-run"],
        env=cli.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not workers and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            workers = _workers_of(process.pid)
        assert workers, "the import never started its worker processes"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived the killed import"
    finally:
        for pid in [process.pid, *workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


# --------------------------------------------------------------------------- killed exports (defect 6)


def test_a_killed_xlsx_export_leaves_nothing_in_temp_and_its_scratch_goes_at_the_next_unlock(
    cli: Cli, tmp_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    source = write_citizens_csv(tmp_path / "people.csv", 6_000, seed=23)
    done = cli("import", "citizens", str(source))
    assert done.returncode in (0, 7), done.stderr
    temp = tmp_path / "tmp"
    temp.mkdir()
    scratch = cli.data_dir / "scratch"
    command = [sys.executable, "-m", "embassy_desk", "--data-dir", str(cli.data_dir)]
    process = subprocess.Popen(
        [*command, "export", "citizens", str(tmp_path / "e.xlsx")],
        env={**cli.env, "TMPDIR": str(temp)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        spilled: list[Path] = []
        while not spilled and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
            spilled = [*scratch.glob("*/openpyxl.*"), *temp.rglob("openpyxl.*")]
        assert spilled, "the export finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert not (tmp_path / "e.xlsx").exists()
    assert list(temp.rglob("*")) == []  # nothing in the shared temp folder
    left = list(scratch.glob("*/openpyxl.*"))
    assert left, "the spill files should have been in the scratch area when it was killed"
    assert cli("search", "nobody").returncode == 0  # the next unlock
    assert list(scratch.iterdir()) == []


# --------------------------------------------------------------------------- rejected rows (issue 9, 14)


def test_import_keeps_good_rows_writes_the_rejects_and_offers_all_or_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    import csv
    import stat

    from embassy_desk.demo.generator import DemoSettings, synthetic_rows

    rows = list(synthetic_rows(DemoSettings(6, 97)))
    rows[1]["surname"] = "=HYPERLINK(1)"
    columns = sorted({key for row in rows for key in row})
    source = tmp_path / "list.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    done = cli("import", "citizens", str(source))
    assert done.returncode == 7, done.stderr
    assert "5 rows imported; 1 rejected." in done.stdout
    assert "row 3: surname:" in done.stdout
    rejects = tmp_path / "list.rejected.csv"
    assert f"Rejected rows with their reasons: {rejects}" in done.stdout
    assert "private to you" in done.stdout
    assert stat.S_IMODE(rejects.stat().st_mode) == 0o600
    with rejects.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == [*columns, "reason"] and len(written) == 2
    assert written[1][columns.index("surname")] == "'=HYPERLINK(1)"  # inert in a spreadsheet

    strict_rows = list(synthetic_rows(DemoSettings(3, 98)))
    strict_rows[2]["birth_date"] = "31.02.1990"
    strict = tmp_path / "strict.csv"
    with strict.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=sorted({k for r in strict_rows for k in r}))
        writer.writeheader()
        writer.writerows(strict_rows)
    done = cli("import", "citizens", str(strict), "--all-or-nothing")
    assert done.returncode == 7, done.stderr
    assert (
        "Nothing imported (--all-or-nothing): 1 rows rejected, 2 good rows not imported either."
        in done.stdout
    )
    found = cli("search", strict_rows[0]["passport_number"])
    assert found.returncode == 0 and found.stdout.strip() == ""


_DIE_MID_EXPORT = """
import os, sys
from pathlib import Path
from embassy_desk.services import exporter
from embassy_desk.services.workstation import unlock
rows = 0
real = exporter._flatten
def flatten(row):
    global rows
    rows += 1
    if rows == 100:
        os._exit(9)  # as kill -9 would: no cleanup runs
    return real(row)
exporter._flatten = flatten
from embassy_desk.storage.workstation import WorkstationPaths
session = unlock(WorkstationPaths(Path(sys.argv[1])), "admin", os.environ["EMBASSY_DESK_PASSPHRASE"])
exporter.export_citizens(session, Path(sys.argv[2]))
"""


def test_a_killed_csv_export_leaves_no_half_copy_beside_its_target_after_the_next_unlock(
    cli: Cli, tmp_path: Path
) -> None:
    import subprocess
    import sys

    done = cli("import", "citizens", str(write_citizens_csv(tmp_path / "few.csv", 300, seed=31)))
    assert done.returncode in (0, 7), done.stderr
    exports = tmp_path / "usb"
    exports.mkdir()
    died = subprocess.run(
        [sys.executable, "-c", _DIE_MID_EXPORT, str(cli.data_dir), str(exports / "e.csv")],
        env=cli.env,
        capture_output=True,
        timeout=120,
    )
    assert died.returncode == 9, died.stderr
    half = [entry.name for entry in exports.iterdir()]
    assert len(half) == 1 and half[0].startswith(".e.csv.") and half[0].endswith(".tmp")
    assert cli("search", "nobody").returncode == 0  # the next unlock
    assert list(exports.iterdir()) == []
    assert list((cli.data_dir / "exports-pending").iterdir()) == []
    # A finished export is left alone, and leaves no note behind.
    assert cli("export", "citizens", str(exports / "done.csv")).returncode == 0
    assert cli("search", "nobody").returncode == 0
    assert [entry.name for entry in exports.iterdir()] == ["done.csv"]
