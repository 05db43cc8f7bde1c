"""``embassy-desk --version`` and ``embassy-desk self-test`` as an IT person runs them after installing:
real processes, a real encrypted workstation, a real HQ in the process, real PDFs, a real log file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from embassy_desk.logs import LOG_NAME
from embassy_desk.resources import resource_dir
from embassy_desk.storage.migrate import head_revision
from tests.conftest import ADMIN_PASSPHRASE
from tests.sync_harness import cli_env, run_main

STEPS = (
    "Make a temporary folder",
    "Create an encrypted workstation",
    "Register a synthetic citizen and find them by the Latin spelling",
    "Issue a bilingual notice (Kazakh and Russian) as a PDF",
    "Verify the audit chain",
    "Start a headquarters server in this process",
    "Sync the citizen to headquarters",
    "Stop headquarters and delete the temporary folder",
)
# The marker citizen of the workflow before the self-test: none of it may reach the log.
MARKER = {
    "surname": "Бейсекова",
    "given_names": "Шолпан",
    "sex": "F",
    "birth_date": "1981-08-18",
    "passport_number": "N81081818",
    "phone": "010-8108-1818",
    "email": "sholpan.marker@example.com",
}
MARKER_TRACES = ("Бейсекова", "BEISEKOVA", "Beisekova", "Шолпан", "SHOLPAN", "N81081818", "8108", "sholpan")


def _self_test(
    data_dir: Path, temp: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``embassy-desk self-test`` in a process of its own, as the installed app runs it."""
    return subprocess.run(
        [sys.executable, "-m", "embassy_desk", "--data-dir", str(data_dir), "self-test", *extra],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env({"TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp), **(env or {})}),
        timeout=120,
    )


def test_version_names_the_package_and_the_schema_head() -> None:
    done = run_main(["--version"], cli_env())
    assert done.returncode == 0
    assert re.fullmatch(r"embassy-desk \d+\.\d+\.\d+ \(schema \d{4}\)\n", done.stdout), done.stdout
    assert f"(schema {head_revision()})" in done.stdout


def test_self_test_passes_every_step_leaves_nothing_and_logs_no_personal_data(tmp_path: Path) -> None:
    data_dir, temp = tmp_path / "ws", tmp_path / "temp"
    temp.mkdir()
    env = cli_env({"EMBASSY_DESK_USER": "admin", "EMBASSY_DESK_PASSPHRASE": ADMIN_PASSPHRASE})
    # A short workflow on a real workstation first, with a marker citizen found by its Latin spelling.
    init = [
        "--data-dir",
        str(data_dir),
        "init",
        "--post-name",
        "Post",
        "--admin",
        "admin",
        "--kdf-target-ms",
        "50",
    ]
    assert run_main(init, env).returncode == 0
    added = run_main(
        ["--data-dir", str(data_dir), "citizen", "add", "--json", "-"], env, stdin=json.dumps(MARKER)
    )
    assert added.returncode == 0, added.stderr
    found = run_main(["--data-dir", str(data_dir), "search", "Beisekova"], env)
    assert found.returncode == 0 and "Бейсекова" in found.stdout

    done = _self_test(data_dir, temp)

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Embassy Desk self-test: embassy-desk ")
    for n, step in enumerate(STEPS, start=1):
        assert any(
            re.fullmatch(rf"\[{n}/8\] {re.escape(step)} \.\.\. OK \(\d+\.\d s\)", line) for line in lines
        ), step
    assert lines[-1].startswith("Self-test passed: every step worked")
    assert "Traceback" not in done.stdout + done.stderr
    assert list(temp.iterdir()) == [], "the temporary workstation and HQ are deleted"
    log_text = "\n".join(p.read_text(encoding="utf-8") for p in (data_dir / "logs").iterdir())
    assert "self-test step sync: ok" in log_text and "command search" in log_text
    for trace in (*MARKER_TRACES, "Сынақбаев", "Тексерім"):
        assert trace not in log_text


def test_a_failing_step_is_named_later_ones_skipped_and_the_folder_still_deleted(tmp_path: Path) -> None:
    # A real installation whose notice templates went missing: resources without notices/.
    resources = tmp_path / "resources"
    for part in ("fonts", "messages"):
        shutil.copytree(resource_dir() / part, resources / part)
    (resources / "notices").mkdir()
    data_dir, temp = tmp_path / "ws", tmp_path / "temp"
    data_dir.mkdir()
    temp.mkdir()

    done = _self_test(data_dir, temp, env={"EMBASSY_DESK_RESOURCES": str(resources)})

    assert done.returncode == 1
    out = done.stdout
    assert re.search(r"\[2/8\] Create an encrypted workstation \.\.\. OK", out)
    assert re.search(r"\[4/8\] Issue a bilingual notice \(Kazakh and Russian\) as a PDF \.\.\. FAILED", out)
    assert re.search(r"\n    reason: .+\n", out)
    assert "[5/8] Verify the audit chain ... skipped" in out
    assert re.search(r"\[8/8\] Stop headquarters and delete the temporary folder \.\.\. OK", out)
    assert "Self-test FAILED at step: Issue a bilingual notice" in out
    assert str(data_dir / "logs") in out
    assert "Traceback" not in out + done.stderr
    assert list(temp.iterdir()) == []
    assert "self-test step notice: failed" in (data_dir / "logs" / LOG_NAME).read_text(encoding="utf-8")


def test_an_unusable_temporary_folder_fails_the_first_step(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    done = run_main(["--data-dir", str(tmp_path), "self-test", "--temp-dir", str(not_a_folder)], cli_env())
    assert done.returncode == 1
    assert "[1/8] Make a temporary folder ... FAILED" in done.stdout
    assert f"reason: cannot make a temporary folder in {not_a_folder}" in done.stdout
    assert "[2/8] Create an encrypted workstation ... skipped" in done.stdout
    assert "Self-test FAILED at step: Make a temporary folder" in done.stdout
