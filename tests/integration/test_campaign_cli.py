"""``embassy-desk campaign ...`` through the real command-line entry, as a duty officer or a script
runs it: ids on the last line, JSON keys, exit codes, Russian messages."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable

import pytest

from embassy_desk.cli.main import main
from embassy_desk.domain.enums import Role
from embassy_desk.services import users
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE
from tests.integration.test_campaigns import person, register

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(paths: WorkstationPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line in this process as ``user`` (admin by default): (exit code, out, err)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)

    def call(*argv: str, user: str = "admin", lang: str = "C.UTF-8") -> tuple[int, str, str]:
        monkeypatch.setenv("LANG", lang)
        monkeypatch.setenv("EMBASSY_DESK_USER", user)
        monkeypatch.setenv(
            "EMBASSY_DESK_PASSPHRASE", ADMIN_PASSPHRASE if user == "admin" else STAFF_PASSPHRASE
        )
        code = main(["--data-dir", str(paths.root), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


@pytest.fixture
def seoul(admin: Session) -> dict[str, str]:
    users.add_user(
        admin, username="duty", display_name="Duty", role=Role.OFFICER, passphrase=STAFF_PASSPHRASE
    )
    return register(
        admin,
        person("Адамова", birth_date="1950-01-01", messengers="telegram:@adamova_demo"),
        person("Бекова", household="Бековы"),
        person("Бекова-Кызы", household="Бековы"),
        person("Ваганова"),
        person("Гусева", region="Busan"),
    )


def test_create_status_next_record_close(run: Run, seoul: dict[str, str]) -> None:
    code, out, _ = run("campaign", "create", "Seoul night", "--region", "Сеул", "--assign", "admin", "duty")
    assert code == 0
    campaign_id = out.strip().splitlines()[-1]
    assert "Seoul night" in out and "4 people" in out
    code, out, _ = run("campaign", "status", campaign_id, "--json")
    status = json.loads(out)
    assert {"total", "done", "remaining", "outcomes", "staff"} <= set(status)
    assert (status["total"], status["done"], status["remaining"], status["outcomes"]) == (4, 0, 4, {})
    assert {u: s["assigned"] for u, s in status["staff"].items()} == {"admin": 2, "duty": 2}

    code, out, _ = run("campaign", "next", campaign_id, "--json")
    card = json.loads(out)
    assert card["citizen_id"] == seoul["Адамова"]  # the elderly first
    assert card["name"].startswith("Адамова") and card["phones"][0].startswith("+82")
    assert card["messengers"] == ["telegram: @adamova_demo"]
    code, out, _ = run(
        "campaign", "record", campaign_id, card["citizen_id"], "--outcome", "needs-help", "--note", "no water"
    )
    assert code == 0 and "needs-help" in out and "Assistance case" in out
    code, out, _ = run("campaign", "record", campaign_id, seoul["Ваганова"], "--outcome", "maybe")
    assert code == 2 and "not a call outcome" in out + _

    # The duty officer works their own list: the household first, recorded together.
    code, out, _ = run("campaign", "next", campaign_id, "--json", user="duty")
    theirs = json.loads(out)
    member = theirs["household"][0]["citizen_id"]
    code, out, _ = run(
        "campaign",
        "record",
        campaign_id,
        theirs["citizen_id"],
        "--outcome",
        "safe",
        "--household",
        member,
        user="duty",
    )
    assert code == 0 and "1 other household member(s)" in out
    code, out, _ = run("campaign", "next", campaign_id, "--json", user="duty")
    assert out.strip() == "null"

    status = json.loads(run("campaign", "status", campaign_id, "--json")[1])
    assert (status["done"], status["remaining"]) == (3, 1)
    assert status["outcomes"] == {"needs_help": 1, "safe": 2}
    assert status["staff"]["duty"] == {"assigned": 2, "done": 2}

    code, out, _ = run("campaign", "close", campaign_id)
    assert code == 0 and "1 people were still to call" in out
    code, out, err = run("campaign", "record", campaign_id, seoul["Ваганова"], "--outcome", "safe")
    assert code == 2 and "is closed" in out + err
    listed = json.loads(run("campaign", "list", "--json")[1])
    assert [(c["id"], c["status"], c["total"]) for c in listed] == [(campaign_id, "closed", 4)]


def test_reassign_and_refusals_name_the_user(run: Run, seoul: dict[str, str]) -> None:
    campaign_id = run("campaign", "create", "Seoul", "--region", "KR-11", "--assign", "admin", "duty")[
        1
    ].split()[-1]
    code, out, _ = run("campaign", "reassign", campaign_id, "--to", "duty", "--from", "admin")
    assert code == 0 and "2 person(s) moved to duty" in out
    code, out, err = run("campaign", "reassign", campaign_id, "--to", "ghost", "--citizen", seoul["Ваганова"])
    assert code == 2 and "'ghost'" in out + err
    code, out, err = run("campaign", "create", "Jeju", "--region", "Jeju")
    assert code == 2 and "nobody on the register" in out + err
    code, out, err = run("campaign", "create", "Mars", "--region", "Mars")
    assert code == 2
    code, out, err = run("campaign", "create", "Late", "--not-reached-since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in out + err


def test_roles_and_russian(
    run: Run,
    seoul: dict[str, str],
    session_for: Callable[[Role], Session],
    capsys: pytest.CaptureFixture[str],
) -> None:
    session_for(Role.CLERK)
    code, _out, _err = run("campaign", "create", "Seoul", "--region", "Seoul", user="clerk1")
    assert code == 5
    campaign_id = run("campaign", "create", "Seoul", "--vulnerable")[1].split()[-1]
    code, out, _err = run("campaign", "export-messages", campaign_id, "/tmp/never.csv", user="clerk1")
    assert code == 5
    code, out, _ = run(
        "campaign", "reassign", campaign_id, "--to", "duty", "--from", "admin", lang="ru_RU.UTF-8"
    )
    assert code == 0 and "Передано людей: 0" in out
    with pytest.raises(SystemExit):
        run("campaign", "create", "--help", lang="kk_KZ.UTF-8")
    assert "науқанның атауы" in capsys.readouterr().out


def test_export_messages(run: Run, seoul: dict[str, str], tmp_path: pytest.TempPathFactory) -> None:
    campaign_id = run("campaign", "create", "Seoul", "--region", "Seoul")[1].split()[-1]
    target = tmp_path / "gateway.csv"  # type: ignore[operator]
    code, out, _ = run("campaign", "export-messages", campaign_id, str(target))
    assert code == 0 and "Wrote 4 message(s)" in out
    with open(target, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["citizen_id"] == seoul["Адамова"]
    assert rows[0]["messenger"] == "telegram:@adamova_demo"
    assert "check-in links" not in out
    # With check-in on, the list carries links, and the officer is told how many.
    assert run("checkin", "address", "https://checkin.mfa.example")[0] == 0
    code, out, _ = run("campaign", "export-messages", campaign_id, str(target))
    assert code == 0 and "personal check-in links in the list: 4" in out


def test_the_id_is_the_last_line_in_a_real_process(paths: WorkstationPaths, seoul: dict[str, str]) -> None:
    env = {"EMBASSY_DESK_USER": "admin", "EMBASSY_DESK_PASSPHRASE": ADMIN_PASSPHRASE, "LANG": "C.UTF-8"}
    import os

    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "DISPLAY")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "embassy_desk",
            "--data-dir",
            str(paths.root),
            "campaign",
            "create",
            "Seoul",
            "--region",
            "Seoul",
            "--assign",
            "admin",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**clean, **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert len(last) == 36 and last.count("-") == 4


def test_a_campaign_of_its_own_script_and_a_bad_script_option(run: Run, seoul: dict[str, str]) -> None:
    scripts = [f"{lang}=Night check for {{name}}, from {{post}}." for lang in ("kk", "ru", "en", "ko")]
    code, out, _ = run(
        "campaign", "create", "Seoul night", "--region", "Seoul", *(f"--script={s}" for s in scripts)
    )
    assert code == 0
    campaign_id = out.strip().splitlines()[-1]
    code, out, _ = run("campaign", "next", campaign_id, "--json")
    card = json.loads(out)
    assert card["script"].startswith("Night check for ") and "{name}" not in card["script"]
    code, _, err = run("campaign", "create", "Bad", "--script", "xx=Hello")
    assert code == 2 and "'xx=Hello' is not a script" in err
