"""The situation report: its PDF (text read back in en, ru and kk) carries the figures, its CSV has one
row per figure, the command line writes both and refuses what it cannot do with the right exit code."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from embassy_desk.services import cases, contacts, registry
from embassy_desk.services.session import Session
from embassy_desk.services.sitrep import CSV_HEADER, write_sitrep
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.notice_pdf import squash

TITLES = {"en": "Situation report", "ru": "Оперативная сводка", "kk": "Жағдай туралы жедел есеп"}
SAFE = {"en": "Confirmed safe", "ru": "Подтверждено: в безопасности", "kk": "Қауіпсіз екені расталды"}
SEOUL = {"en": "Seoul", "ru": "Сеул", "kk": "Сеул"}


def _post(admin: Session) -> None:
    first = registry.register_citizen(admin, aigerim(), allow_duplicate=True).id
    for n in range(3):
        person = aigerim(
            national_id="",
            passport_number=f"N2000000{n}",
            given_names=["Дана", "Марат", "Ерлан"][n],
            region="Busan",
        )
        registry.register_citizen(admin, person, allow_duplicate=True)
    contacts.log_contact(admin, first, channel="phone", outcome="reached", welfare="safe")
    cases.open_case(admin, first, kind="medical", summary="synthetic", priority="urgent")


def _pdf_text(path: Path) -> str:
    import pypdf

    return squash(" ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages))


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_report_carries_the_figures_in_its_language(admin: Session, tmp_path: Path, lang: str) -> None:
    _post(admin)
    pdf, csv_path = tmp_path / "sitrep.pdf", tmp_path / "sitrep.csv"
    result = write_sitrep(admin, pdf, csv_path=csv_path, lang=lang)
    body = _pdf_text(pdf)
    assert squash(TITLES[lang]) in body
    assert squash(SAFE[lang]) in body
    assert squash(SEOUL[lang]) in body
    assert result.reference in body
    assert squash(result.as_of) in body
    assert "Admin" in body  # the reporting officer
    pct = "25.0%" if lang == "en" else "25,0\u00a0%"
    assert squash(f"1 ({pct})") in body  # one of four confirmed safe
    rows = list(csv.reader(csv_path.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    by_item = {row[1]: row for row in rows[1:]}
    assert by_item[SAFE[lang]][2:] == ["1", "25.0"]
    assert by_item[SEOUL[lang]][2] == "1"
    assert len(rows) - 1 == len(result.lines)
    assert all(len(row) == 4 for row in rows)


def test_flights_add_an_evacuation_section_and_the_report_is_audited(admin: Session, tmp_path: Path) -> None:
    _post(admin)
    with admin.write(
        __import__("embassy_desk.services.permissions", fromlist=["Action"]).Action.EVAC_MANAGE
    ) as uow:
        uow.conn.execute(
            text(
                "INSERT INTO flights (id, carrier, number, origin, destination, departs_at, seats,"
                " created_at, created_by, updated_at) VALUES ('f1', 'Air Astana', 'KC910', 'ICN', 'ALA',"
                " '2026-03-01T10:00:00+00:00', 180, 'x', 'x', 'x')"
            )
        )
    write_sitrep(admin, tmp_path / "a.pdf", csv_path=tmp_path / "a.csv", lang="en")
    body = _pdf_text(tmp_path / "a.pdf")
    assert "7.Evacuation" in body and "Seats180" in body
    with admin.read() as conn:
        details = conn.execute(
            text("SELECT details FROM audit_log WHERE action = 'report.sitrep' ORDER BY rowid DESC")
        ).scalar_one()
    assert "Нурланова" not in str(details) and '"citizens": 4' in str(details).replace("'", '"')


def _cli(paths: WorkstationPaths, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    secret = tmp_path / "pass"
    secret.write_text(ADMIN_PASSPHRASE)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "embassy_desk",
            "--data-dir",
            str(paths.root),
            "report",
            "sitrep",
            *args,
            "--user",
            "admin",
            "--passphrase-file",
            str(secret),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )


def test_the_command_line_writes_both_files_and_refuses_bad_input(
    paths: WorkstationPaths, admin: Session, tmp_path: Path
) -> None:
    _post(admin)
    done = _cli(
        paths, tmp_path, "-o", str(tmp_path / "s.pdf"), "--csv", str(tmp_path / "s.csv"), "--lang", "ru"
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("section,item,count,percent")
    bad = _cli(paths, tmp_path, "-o", str(tmp_path / "x.pdf"), "--lang", "de")
    assert bad.returncode == 2 and "de" in bad.stderr
    nowhere = _cli(paths, tmp_path, "-o", str(tmp_path / "no" / "x.pdf"))
    assert nowhere.returncode == 2 and not (tmp_path / "no").exists()
    missing = subprocess.run(
        [sys.executable, "-m", "embassy_desk", "report", "sitrep"], capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2
