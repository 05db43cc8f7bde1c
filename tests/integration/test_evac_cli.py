"""``embassy-desk evac ...`` as a duty officer runs it: real processes on a real workstation."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.conftest import aigerim
from tests.integration.test_cli import Cli
from tests.notice_pdf import page_texts, squash


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    runner = Cli(tmp_path_factory.mktemp("evac-cli") / "ws")
    done = runner(
        "init", "--post-name", "Embassy of Kazakhstan in Seoul", "--admin", "admin", "--kdf-target-ms", "50"
    )
    assert done.returncode == 0, done.stderr
    return runner


def _add(cli: Cli, **overrides: object) -> str:
    data = aigerim(national_id=None, **overrides)
    done = cli(
        "citizen", "add", "--json", "-", "--allow-duplicate", stdin=json.dumps(data, ensure_ascii=False)
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _ask(cli: Cli, citizen_id: str) -> None:
    done = cli("case", "open", citizen_id, "--kind", "evacuation", "--summary", "evacuation requested")
    assert done.returncode == 0, done.stderr


def test_the_whole_cycle(cli: Cli, tmp_path: Path) -> None:
    a = _add(
        cli,
        surname="Бекова",
        household="Cycle family",
        passport_number="N22221111",
        passport_expiry_date="2031-01-01",
    )
    b = _add(
        cli,
        surname="Бекова",
        given_names="Әлия",
        household="Cycle family",
        birth_date="2015-05-05",
        passport_number="N22223333",
        passport_expiry_date="2026-12-01",
    )
    solo = _add(
        cli, surname="Серіков", sex="M", passport_number="N22224444", passport_expiry_date="2031-01-01"
    )
    _ask(cli, a)
    _ask(cli, solo)
    done = cli(
        "evac", "flight", "add", "--carrier", "Qazaq Air", "--number", "IQ 77", "--from", "ICN",
        "--to", "NQZ", "--departs", "2026-12-05T10:00", "--seats", "2", "--assembly", "Embassy gate",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    flight = done.stdout.strip().splitlines()[-1]
    listed = cli("evac", "flight", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert flight in [f["id"] for f in json.loads(listed.stdout)]
    built = cli("evac", "manifest", "build", flight)
    assert built.returncode == 0, built.stderr
    assert "2 passengers, 1 waiting" in built.stdout
    shown = cli("evac", "manifest", "show", flight, "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert set(data) == {"flight", "passengers", "waiting"}
    for item in data["passengers"] + data["waiting"]:
        assert {"citizen_id", "household_id", "priority", "status", "passport_flag"} <= set(item)
    # The family (a child: "children with their families") fills both seats; the single man waits.
    assert sorted(p["citizen_id"] for p in data["passengers"]) == sorted([a, b])
    assert [p["citizen_id"] for p in data["waiting"]] == [solo]
    flags = {p["citizen_id"]: p["passport_flag"] for p in data["passengers"]}
    assert flags == {a: None, b: "expired"}
    assert {p["priority"] for p in data["passengers"]} == {"child_family"}
    assert data["passengers"][0]["household_id"] == data["passengers"][1]["household_id"]

    # Seats are full: moving the waiting man on is refused with exit 2 and names the field.
    refused = cli("evac", "manifest", "move", flight, solo, "--to", "passenger")
    assert refused.returncode == 2
    assert "seats" in refused.stderr
    moved = cli("evac", "manifest", "move", flight, a, "--to", "waiting", "--split-household")
    assert moved.returncode == 0, moved.stderr
    assert cli("evac", "manifest", "move", flight, solo, "--to", "passenger").returncode == 0

    assert cli("evac", "board", flight, solo).returncode == 0
    noshow = cli("evac", "board", flight, b, "--no-show")
    assert noshow.returncode == 0, noshow.stderr
    data = json.loads(cli("evac", "manifest", "show", flight, "--json").stdout)
    status = {p["citizen_id"]: p["status"] for p in data["passengers"]}
    assert status == {solo: "boarded", b: "no_show"}

    target = tmp_path / "manifest.csv"
    exported = cli("evac", "manifest", "export", flight, str(target))
    assert exported.returncode == 0, exported.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 and rows[0]["document_type"] == "P"

    pdf = tmp_path / "manifest.pdf"
    printed = cli("evac", "manifest", "print", flight, "-o", str(pdf), "--lang", "kk")
    assert printed.returncode == 0, printed.stderr
    text = squash(" ".join(page_texts(pdf.read_bytes())))
    assert squash("Эвакуацияланатын жолаушылар тізімі") in text
    assert "IQ77" in text


def test_bad_input_a_bus_and_translated_help(cli: Cli) -> None:
    bad = cli(
        "evac", "flight", "add", "--carrier", "X", "--number", "1", "--from", "A", "--to", "B",
        "--departs", "soon", "--seats", "3", "--assembly", "Here",
    )  # fmt: skip
    assert bad.returncode == 2
    assert "departs_at" in bad.stderr
    help_ru = cli("evac", "--help", env={"LANG": "ru_RU.UTF-8"})
    assert "добавить рейсы или автобусы" in help_ru.stdout
