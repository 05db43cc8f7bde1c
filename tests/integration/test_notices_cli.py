"""``embassy-desk notice ...`` as a duty officer runs it: real processes, real PDFs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import aigerim
from tests.integration.test_cli import Cli
from tests.notice_pdf import page_texts, qr_codes, squash


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    runner = Cli(tmp_path_factory.mktemp("notice-cli") / "ws")
    done = runner(
        "init", "--post-name", "Embassy of Kazakhstan in Seoul", "--admin", "admin", "--kdf-target-ms", "50"
    )
    assert done.returncode == 0, done.stderr
    return runner


def _add(cli: Cli, **overrides: object) -> str:
    done = cli("citizen", "add", "--json", "-", stdin=json.dumps(aigerim(**overrides), ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_list_kinds(cli: Cli) -> None:
    done = cli("notice", "list-kinds")
    assert done.returncode == 0, done.stderr
    for kind in (
        "advisory",
        "emergency-card",
        "registration-certificate",
        "evacuation-boarding",
        "recovery-sheet",
    ):
        assert kind in done.stdout
    assert "kk:v1 ru:v1 en:v1 ko:v1" in done.stdout


def test_render_list_and_reprint(cli: Cli, tmp_path: Path) -> None:
    # Names hold no markup characters any more; escaping of markup is tested in test_notice_render.
    hostile = _add(cli, surname="O'Neil-Sons", national_id=None, passport_number="N55554444")
    details = cli(
        "notice",
        "post-details",
        "--name",
        "ko=주한 카자흐스탄 공화국 대사관",
        "--hotline",
        "+82 10 5555 6666",
    )
    assert details.returncode == 0, details.stderr
    letter = tmp_path / "letter.pdf"
    done = cli("notice", "render", "advisory", "--lang", "kk,ko", "--citizen", hostile, "-o", str(letter))
    assert done.returncode == 0, done.stderr
    reference = done.stdout.split("Reference: ")[1].strip()
    kk, ko = page_texts(letter.read_bytes())
    assert "O'Neil-Sons" in kk and "대사관" in ko
    assert "+821055556666" in qr_codes(letter.read_bytes())[0]

    cards = tmp_path / "cards.pdf"
    done = cli("notice", "render", "emergency-card", "--lang", "ru,ko", "--all", "-o", str(cards))
    assert done.returncode == 0, done.stderr
    assert "N55554444" in page_texts(cards.read_bytes())[0]

    listed = cli("notice", "list", "--citizen", hostile)
    assert listed.returncode == 0 and reference in listed.stdout
    again = tmp_path / "again.pdf"
    done = cli("notice", "reprint", reference, "-o", str(again))
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == letter.read_bytes()


def test_fields_per_language_and_clear_errors(cli: Cli, tmp_path: Path) -> None:
    citizen = _add(
        cli, given_names="Болат", national_id=None, passport_number="N11112222", birth_date="1980-05-05"
    )
    boarding = tmp_path / "boarding.pdf"
    args = [
        "notice",
        "render",
        "evacuation-boarding",
        "--lang",
        "ru,ko",
        "--citizen",
        citizen,
        "-o",
        str(boarding),
    ]
    missing = cli(*args)
    assert missing.returncode == 2 and "flight" in missing.stderr
    fields = [
        "--field",
        "flight=KC 910",
        "--field",
        "flight_date=02.12.2026",
        "--field",
        "departure_airport=ICN",
    ]
    fields += ["--field", "assembly_point.ru=Двор посольства", "--field", "assembly_point.ko=대사관 마당"]
    done = cli(*args, *fields, "--field", "assembly_time=06:00")
    assert done.returncode == 0, done.stderr
    ru, ko = page_texts(boarding.read_bytes())
    assert "Двор посольства" in ru and "대사관마당" in squash(ko)
    wrong = cli("notice", "render", "advisory", "--lang", "de", "--all", "-o", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 2 and "kk, ru, en, ko" in wrong.stderr
    assert not (tmp_path / "x.pdf").exists()
