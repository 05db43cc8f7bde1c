"""The ``embassy-desk`` command as a person or a script runs it: real processes, real files."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSPHRASE
from tests.notice_pdf import page_texts, squash

TD3 = (
    "P<KAZNURLANOVA<<AIGERIM<<<<<<<<<<<<<<<<<<<<<",
    "N123456785KAZ9803145F3011250980314400046<<16",
)


class Cli:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.env = {
            **os.environ,
            "EMBASSY_DESK_PASSPHRASE": ADMIN_PASSPHRASE,
            "EMBASSY_DESK_USER": "admin",
            "PYTHONIOENCODING": "utf-8",
        }
        self.env.pop("EMBASSY_DESK_DEBUG", None)
        # The command speaks the locale's language; these tests read its English.
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            self.env.pop(name, None)
        self.env["LANG"] = "C.UTF-8"
        # No screen for these processes: with one (or the offscreen platform the GUI tests set in this
        # same pytest run), `embassy-desk` without a sub-command would open the window and wait.
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
            self.env.pop(name, None)

    def __call__(
        self, *args: str, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "embassy_desk", "--data-dir", str(self.data_dir), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**self.env, **(env or {})},
            timeout=300,
        )


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    runner = Cli(tmp_path_factory.mktemp("cli") / "ws")
    sheet = runner.data_dir.parent / "recovery-sheet.pdf"
    done = runner(
        "init",
        "--recovery-sheet",
        str(sheet),
        "--post-name",
        "Embassy of Kazakhstan in Seoul",
        "--admin",
        "admin",
        "--kdf-target-ms",
        "50",
    )
    assert done.returncode == 0, done.stderr
    assert "RECOVERY CODE" in done.stdout
    code = re.search(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}", done.stdout)
    assert code is not None
    assert code.group(0) in squash(page_texts(sheet.read_bytes())[0])
    return runner


def _add(cli: Cli, **fields: str) -> str:
    done = cli("citizen", "add", "--json", "-", stdin=json.dumps(fields, ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_wrong_passphrase_is_one_line_and_exit_3(cli: Cli) -> None:
    done = cli(
        "search",
        "x",
        env={"EMBASSY_DESK_PASSPHRASE": "not the passphrase at all", "EMBASSY_DESK_USER": "nobody"},
    )
    assert done.returncode == 3
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_no_passphrase_without_a_terminal_is_a_clear_error(cli: Cli) -> None:
    env = {k: v for k, v in cli.env.items() if k != "EMBASSY_DESK_PASSPHRASE"}
    done = subprocess.run(
        [sys.executable, "-m", "embassy_desk", "--data-dir", str(cli.data_dir), "search", "x"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 2 and "EMBASSY_DESK_PASSPHRASE" in done.stderr


def test_citizen_add_show_edit_search_delete(cli: Cli) -> None:
    cid = _add(
        cli,
        surname="Сейтқали",
        given_names="Ерболат",
        sex="M",
        birth_date="12.05.1991",
        phone="010-3333-4444",
        region="Gyeonggi",
    )
    shown = json.loads(cli("citizen", "show", cid, "--json").stdout)
    assert shown["phones"][0]["number"] == "+821033334444" and shown["region"] == "KR-41"
    done = cli("citizen", "edit", cid, "--set", "region=Busan", "--set", "notes=moved")
    assert done.returncode == 0, done.stderr
    for query in ("Сейтқали", "SEITKALI", "Seitkali", "3334444"):
        found = json.loads(cli("search", query, "--json").stdout)
        assert [c["id"] for c in found] == [cid], query
        assert found[0]["region"] == "KR-26"
    bad = cli("citizen", "edit", cid, "--set", "birth_date=1991-13-01")
    assert bad.returncode == 2 and "birth_date" in bad.stderr
    assert cli("citizen", "edit", cid, "--set", "nationality=kaz").returncode == 0
    assert json.loads(cli("citizen", "show", cid, "--json").stdout)["nationality"] == "KAZ"
    assert "KAZ" in cli("citizen", "show", cid).stdout
    assert cli("citizen", "delete", cid).returncode == 0
    assert json.loads(cli("search", "Seitkali", "--json").stdout) == []
    missing = cli("citizen", "show", cid)
    assert missing.returncode == 2 and "no citizen" in missing.stderr


def test_duplicate_exit_code_and_override(cli: Cli) -> None:
    fields = {"surname": "Бекова", "given_names": "Дана", "birth_date": "2001-02-03", "sex": "F"}
    _add(cli, **fields)
    dup = cli("citizen", "add", "--json", "-", stdin=json.dumps(fields, ensure_ascii=False))
    assert dup.returncode == 6 and "possible duplicate" in dup.stderr
    ok = cli(
        "citizen",
        "add",
        "--json",
        "-",
        "--allow-duplicate",
        stdin=json.dumps(fields, ensure_ascii=False),
    )
    assert ok.returncode == 0


def test_contact_log_and_case(cli: Cli) -> None:
    cid = _add(cli, surname="Оспанов", given_names="Марат", sex="M", birth_date="1980-01-01")
    done = cli(
        "contact",
        "log",
        cid,
        "--channel",
        "phone",
        "--outcome",
        "reached",
        "--welfare",
        "safe",
        "--note",
        "all fine",
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("citizen", "show", cid, "--json").stdout)["welfare_status"] == "safe"
    later = cli(
        "contact", "log", cid, "--channel", "sms", "--outcome", "no_answer", "--follow-up", "2030-01-02"
    )
    assert later.returncode == 0, later.stderr
    assert cid not in cli("contact", "due", "--date", "2030-01-01").stdout
    assert cid in cli("contact", "due", "--date", "2030-01-02").stdout
    timed = cli(
        "contact", "log", cid, "--channel", "phone", "--outcome", "busy", "--follow-up", "2030-02-03 14:30"
    )
    assert timed.returncode == 0, timed.stderr
    due = cli("contact", "due", "--date", "2030-02-03").stdout
    assert cid in due and "14:30" in due
    late = cli(
        "contact", "log", cid, "--channel", "phone", "--outcome", "busy", "--follow-up", "2030-02-03 25:00"
    )
    assert late.returncode == 2 and "follow_up" in late.stderr and "25:00" in late.stderr
    bad = cli("contact", "log", cid, "--channel", "pigeon", "--outcome", "reached")
    assert bad.returncode == 2 and "channel" in bad.stderr
    case_id = cli("case", "open", cid, "--kind", "medical", "--summary", "hospital").stdout.strip()
    assert cli("case", "update", case_id, "--status", "closed").returncode == 0


def test_mrz_parse_prints_json_and_rejects_bad_check_digit(cli: Cli) -> None:
    done = cli("mrz", "parse", *TD3)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["surname"] == "NURLANOVA" and data["document_number"] == "N12345678"
    assert data["birth_date"] == "1998-03-14"
    bad = cli("mrz", "parse", TD3[0], TD3[1].replace("9803145", "9803146"))
    assert bad.returncode == 2 and "check digit" in bad.stderr


def test_import_reports_rejected_rows_and_dry_run_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    rows = [
        ["Фамилия", "Имя", "Дата рождения", "Пол", "Телефон", "Регион"],
        ["Абенова", "Мадина", "01.02.1999", "Ж", "010-1111-2222", "Сеул"],
        ["Жаксылыков", "Тимур", "31.02.1999", "М", "010-1111-3333", "Сеул"],
        ["Нурланов", "Асхат", "1995-07-07", "М", "12", "Seoul"],
    ]
    with path.open("w", encoding="cp1251", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    dry = cli("import", "citizens", str(path), "--dry-run")
    assert dry.returncode == 7, dry.stderr
    assert "1 rows would be imported" in dry.stdout and "row 3:" in dry.stdout
    assert json.loads(cli("search", "Абенова", "--json").stdout) == []
    real = cli("import", "citizens", str(path))
    assert "1 rows imported" in real.stdout
    assert len(json.loads(cli("search", "Abenova", "--json").stdout)) == 1


def test_export_is_written_and_audited(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    done = cli("export", "citizens", str(target))
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("id,surname,")
    assert cli("audit", "verify").returncode == 0


def test_users_roles_and_disable(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "new.txt"
    secret.write_text("violet harbor kettle 19\n", encoding="utf-8")
    done = cli("user", "add", "dana", "--role", "viewer", "--new-passphrase-file", str(secret))
    assert done.returncode == 0, done.stderr
    as_viewer = {"EMBASSY_DESK_USER": "dana", "EMBASSY_DESK_PASSPHRASE": "violet harbor kettle 19"}
    refused = cli("citizen", "add", "--json", "-", stdin="{}", env=as_viewer)
    assert refused.returncode == 5 and "viewer" in refused.stderr
    assert cli("search", "a", env=as_viewer).returncode == 0
    listing = json.loads(cli("user", "list", "--json").stdout)
    assert {
        "username": "dana",
        "display_name": "dana",
        "role": "viewer",
        "disabled": False,
    } in listing
    assert cli("user", "disable", "dana").returncode == 0
    assert cli("search", "a", env=as_viewer).returncode == 3


def test_disable_with_rekey_changes_the_key_and_keeps_the_data(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "new.txt"
    secret.write_text("amber lighthouse violin 62\n", encoding="utf-8")
    assert (
        cli("user", "add", "erbol", "--role", "clerk", "--new-passphrase-file", str(secret)).returncode == 0
    )
    before = cli("search", "a", "--json").stdout
    done = cli("user", "disable", "erbol", "--rekey")
    assert done.returncode == 0, done.stderr
    assert "Data key changed (generation" in done.stdout
    assert cli("search", "a", "--json").stdout == before
    assert cli("check").returncode == 0
    again = cli("rekey")
    assert again.returncode == 0 and "Data key changed" in again.stdout


def test_backup_create_verify_restore(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "b.edbk"
    assert cli("backup", "create", str(target)).returncode == 0
    assert cli("backup", "verify", str(target)).returncode == 0
    restored = Cli(tmp_path / "restored")
    done = restored("backup", "restore", str(target))
    assert done.returncode == 0, done.stderr
    assert restored("check").returncode == 0


def test_check_reports_a_flipped_byte_with_exit_4(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "b.edbk"
    assert cli("backup", "create", str(target)).returncode == 0
    copy = Cli(tmp_path / "copy")
    assert copy("backup", "restore", str(target)).returncode == 0
    db = copy.data_dir / "registry.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x04
    db.write_bytes(bytes(data))
    done = copy("check")
    assert done.returncode == 4, done.stdout + done.stderr
    assert "altered or damaged" in done.stderr
    assert "Traceback" not in done.stderr


def test_no_subcommand_without_a_screen_prints_the_commands(cli: Cli) -> None:
    done = cli()
    assert done.returncode == 0
    assert "No screen here for the desktop window" in done.stdout and "search" in done.stdout


def test_logs_hold_no_personal_data_after_error_paths(cli: Cli, tmp_path: Path) -> None:
    """SECURITY.md promise 16: a marker record pushed through error paths never reaches a log."""
    marker = {
        "surname": "Маркерова",
        "given_names": "Зейнеп",
        "sex": "F",
        "birth_date": "1977-07-17",
        "national_id": "770717499999",
        "passport_number": "N77071717",
        "phone": "010-7707-1717",
        "email": "zeinep.marker@example.com",
    }
    cli("citizen", "add", "--json", "-", stdin=json.dumps(marker, ensure_ascii=False))  # bad IIN
    marker.pop("national_id")
    cid = _add(cli, **marker)
    cli("citizen", "add", "--json", "-", stdin=json.dumps(marker, ensure_ascii=False))  # duplicate
    cli("citizen", "edit", cid, "--set", "phone=Маркерова 0107707")
    cli("search", "Маркерова")
    cli("search", "770717", env={"EMBASSY_DESK_PASSPHRASE": "Маркерова wrong passphrase"})
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text("Фамилия;Имя;Телефон\nМаркерова;Зейнеп;N77071717\n", encoding="utf-8")
    cli("import", "citizens", str(bad_csv))
    logs = list((cli.data_dir / "logs").glob("*"))
    assert logs, "the CLI should keep a log"
    text = "\n".join(p.read_text(encoding="utf-8") for p in logs)
    assert "command citizen add" in text and "refused" in text
    for secret in (
        "Маркерова",
        "MARKEROVA",
        "Зейнеп",
        "770717",
        "N77071717",
        "7707",
        "zeinep",
        ADMIN_PASSPHRASE,
        "wrong passphrase",
    ):
        assert secret not in text, secret


def test_demo_builds_a_small_post_and_opens_it(tmp_path: Path) -> None:
    runner = Cli(tmp_path / "demo")
    done = runner("demo", "--citizens", "200", "--kdf-target-ms", "50", "--open")
    assert done.returncode == 0, done.stderr
    assert "200 citizens" in done.stdout
    assert "seoul-demo-post-2024" in done.stdout
    found = runner(
        "search",
        "a",
        "--json",
        env={"EMBASSY_DESK_USER": "viewer", "EMBASSY_DESK_PASSPHRASE": "seoul-demo-post-2024"},
    )
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)
