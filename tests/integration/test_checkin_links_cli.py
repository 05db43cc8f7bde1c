"""``embassy-desk checkin ...`` through the real command-line entry: the address, the links' CSV (one
selector, private file, persons without a phone listed), status and the phone review queue."""

from __future__ import annotations

import csv
import json
import stat
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from embassy_desk.cli.main import main
from embassy_desk.domain.checkin import token_hash
from embassy_desk.domain.enums import Role
from embassy_desk.services import users
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE
from tests.integration.test_campaigns import person, register
from tests.integration.test_checkin_phones import from_hq

ADDRESS = "https://checkin.mfa.example"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(paths: WorkstationPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """The command line in this process as ``user`` (admin by default): (exit code, out, err)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)

    def call(*argv: str, user: str = "admin", lang: str = "C.UTF-8") -> tuple[int, str, str]:
        monkeypatch.setenv("LANG", lang)
        monkeypatch.setenv("EMBASSY_DESK_USER", user)
        monkeypatch.setenv(
            "EMBASSY_DESK_PASSPHRASE", ADMIN_PASSPHRASE if user == "admin" else STAFF_PASSPHRASE
        )
        try:
            code = main(["--data-dir", str(paths.root), *argv])
        except SystemExit as exit_:  # argparse's own refusals
            code = int(exit_.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    return call


@pytest.fixture
def people(admin: Session) -> dict[str, str]:
    users.add_user(
        admin, username="duty", display_name="Duty", role=Role.OFFICER, passphrase=STAFF_PASSPHRASE
    )
    users.add_user(
        admin, username="clerk", display_name="Clerk", role=Role.CLERK, passphrase=STAFF_PASSPHRASE
    )
    return register(
        admin,
        person("Адамова", languages="kk"),
        person("Бекова", languages="ko"),
        person("Ваганова", phone=""),
        person("Гусева", region="Busan"),
    )


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_links_for_a_region_a_campaign_everyone(run: Run, people: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "links.csv"
    code, out, err = run("checkin", "links", "--all", str(target))
    assert code != 0 and "public address" in out + err and not target.exists()

    assert run("checkin", "address", ADDRESS, user="duty")[0] != 0, "administrators set the address"
    code, out, _ = run("checkin", "address", ADDRESS + "/")
    assert code == 0 and ADDRESS in out

    code, out, _ = run("checkin", "links", "--region", "Сеул", str(target), user="duty")
    assert code == 0, out
    rows = read(target)
    assert list(rows[0]) == ["citizen_id", "phone", "language", "url"]
    assert {r["citizen_id"] for r in rows} == {people[n] for n in ("Адамова", "Бекова", "Ваганова")}
    by_id = {r["citizen_id"]: r for r in rows}
    assert by_id[people["Ваганова"]]["phone"] == "", "listed without a phone"
    assert (
        by_id[people["Адамова"]]["phone"].startswith("+8210") and by_id[people["Адамова"]]["language"] == "kk"
    )
    assert by_id[people["Бекова"]]["language"] == "ko"
    assert all(r["url"].startswith(ADDRESS + "/c/") for r in rows)
    assert "3 check-in links" in out and str(target) in out and "(2 with a mobile number)" in out
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    expires = (date.today() + timedelta(days=14)).isoformat()
    assert expires in out

    code, out, _ = run("campaign", "create", "Seoul night", "--region", "KR-11", user="duty")
    campaign_id = out.strip().splitlines()[-1]
    day = (date.today() + timedelta(days=2)).isoformat()
    code, out, _ = run(
        "checkin", "links", "--campaign", campaign_id, "--expires", day, str(tmp_path / "c.csv"), user="duty"
    )
    assert code == 0 and len(read(tmp_path / "c.csv")) == 3
    assert (date.today() + timedelta(days=3)).isoformat() in out, "valid through the day given"

    code, out, _ = run("checkin", "links", "--all", str(tmp_path / "all.csv"), user="duty")
    assert code == 0 and len(read(tmp_path / "all.csv")) == 4

    code, out, _ = run("checkin", "status", "--json", user="clerk")
    status = json.loads(out)
    assert (status["enabled"], status["links"], status["live_links"], status["answers"]) == (True, 10, 10, 0)


def test_refusals(run: Run, people: dict[str, str], tmp_path: Path) -> None:
    run("checkin", "address", ADDRESS)
    code, _, err = run("checkin", "links", str(tmp_path / "x.csv"))
    assert code == 2 and "one of the arguments" in err, "a selector is required"
    code, _, err = run("checkin", "links", "--all", "--region", "KR-11", str(tmp_path / "x.csv"))
    assert code == 2 and "not allowed with" in err, "exactly one selector"
    code, out, err = run("checkin", "links", "--all", str(tmp_path / "x.xlsx"))
    assert code != 0 and "FILE.csv" in out + err
    code, out, err = run("checkin", "links", "--all", "--expires", "2020-01-01", str(tmp_path / "x.csv"))
    assert code != 0 and "has passed" in out + err
    code, out, err = run("checkin", "links", "--all", "--expires", "next week", str(tmp_path / "x.csv"))
    assert code != 0 and "YYYY-MM-DD" in out + err
    code, out, err = run("checkin", "links", "--all", str(tmp_path / "nowhere" / "x.csv"))
    assert code != 0 and "does not exist" in out + err
    code, out, err = run("checkin", "links", "--all", str(tmp_path / "x.csv"), user="clerk")
    assert code != 0, "a selection is for officers"
    code, out, err = run("checkin", "links", "--campaign", "nope", str(tmp_path / "x.csv"))
    assert code != 0 and "no campaign" in out + err
    code, out, err = run("checkin", "address", "http://checkin.mfa.example")
    assert code != 0 and "https://" in out + err
    assert not list(tmp_path.glob("*.csv"))
    code, out, _ = run("checkin", "status", "--json")
    assert json.loads(out)["links"] == 0, "nothing was made by a refused command"
    code, out, _ = run("checkin", "address", "--off")
    assert code == 0 and "off" in out
    code, out, _ = run("checkin", "status")
    assert "not enabled" in out


def test_russian_messages(run: Run, people: dict[str, str], tmp_path: Path) -> None:
    code, out, err = run("checkin", "links", "--all", str(tmp_path / "x.csv"), lang="ru_RU.UTF-8")
    assert code != 0 and "публичный адрес" in out + err
    run("checkin", "address", ADDRESS)
    code, out, _ = run("checkin", "links", "--all", str(tmp_path / "x.csv"), lang="kk_KZ.UTF-8")
    assert code == 0 and "сілтемелері жазылды" in out


def test_the_phone_queue(run: Run, admin: Session, people: dict[str, str]) -> None:
    first = from_hq(admin, people["Адамова"], "+821099998888", reported_at="2026-12-07T02:00:00.000+00:00")
    second = from_hq(
        admin, people["Бекова"], "+821011112222", reported_at="2026-12-07T03:00:00.000+00:00", source="sms"
    )
    code, out, _ = run("checkin", "phones", user="clerk")
    assert code == 0 and out.index(first) < out.index(second)
    assert "-> +821099998888" in out and "Адамова" in out and "2026-12-07 02:00 UTC" in out
    listed = json.loads(run("checkin", "phones", "--json")[1])
    assert [p["id"] for p in listed] == [first, second] and listed[1]["source"] == "sms"
    code, out, _ = run("checkin", "phone-apply", first, user="clerk")
    assert code == 0 and "+821099998888" in out and "Адамова" in out
    code, out, _ = run("checkin", "phone-dismiss", second, user="clerk")
    assert code == 0 and "dismissed" in out
    code, out, err = run("checkin", "phone-apply", second, user="clerk")
    assert code != 0 and "already" in out + err
    code, out, _ = run("checkin", "phones")
    assert "No reported phone numbers" in out


def test_the_csv_holds_the_only_copy_of_the_tokens(
    run: Run, admin: Session, people: dict[str, str], tmp_path: Path
) -> None:
    run("checkin", "address", ADDRESS)
    run("checkin", "links", "--all", str(tmp_path / "x.csv"))
    tokens = [r["url"].rsplit("/", 1)[1] for r in read(tmp_path / "x.csv")]
    with admin.read() as conn:
        hashes = {str(r[0]) for r in conn.exec_driver_sql("SELECT token_hash FROM checkin_links")}
    assert hashes == {token_hash(t) for t in tokens}
