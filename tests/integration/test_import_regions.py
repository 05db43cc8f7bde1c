"""The import fills an empty region from a known city and says so; the wizard's service options
(duplicates imported or skipped on purpose) on a real encrypted workstation (issue 12)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from embassy_desk.cli.main import main
from embassy_desk.services import importer, registry
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim

SURNAMES = (
    "",
    "Абаева",
    "Бекова",
    "Серикова",
    "Даулетова",
    "Ержанова",
    "Жанова",
    "Касымова",
    "Лаурова",
    "Маратова",
)


def _person(i: int, **fields: str) -> dict[str, str]:
    base = {
        "surname": SURNAMES[i],
        "given_names": "Айгерим",
        "sex": "F",
        "birth_date": f"19{60 + i:02d}-03-14",
        "passport_number": f"N{10_000_000 + i}",
        "region": "",
        "city": "",
    }
    base.update(fields)
    return base


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(dict.fromkeys(key for row in rows for key in row)))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _regions(session: Session) -> dict[str, tuple[str | None, str | None]]:
    with session.read() as conn:
        return {
            str(surname): (city, region)
            for surname, city, region in conn.exec_driver_sql("SELECT surname, city, region FROM citizens")
        }


CITY_ONLY = [
    _person(1, city="Сеул"),
    _person(2, city="서울시"),
    _person(3, city="Suwon-si"),
    _person(4, city="г. Пусан"),
    _person(5, city="Чеджу қаласы"),
    _person(6, city="Almaty"),  # not a city of the host country: stays without a region
    _person(7, city="Seoul", region="Gyeonggi"),  # the file's region is kept though the city disagrees
    _person(8, city="광주시"),  # two cities of that name: nothing is guessed
    _person(9, city="Incheon", birth_date="not a date"),  # rejected: not counted as filled
]


@pytest.mark.parametrize("parallel", [False, True])
def test_the_import_fills_an_empty_region_from_the_city_and_counts_it(admin: Session, parallel: bool) -> None:
    rows = [(i + 2, row) for i, row in enumerate(CITY_ONLY)]
    dry = importer.import_rows(admin, rows, dry_run=True, parallel=parallel)
    assert (dry.imported, dry.regions_filled, [r.row for r in dry.rejected]) == (8, 5, [10])
    assert registry.count_citizens(admin) == 0
    report = importer.import_rows(admin, rows, parallel=parallel)
    assert (report.imported, report.regions_filled) == (8, 5)
    stored = _regions(admin)
    assert stored[SURNAMES[1]] == ("Сеул", "KR-11")
    assert stored[SURNAMES[2]] == ("서울시", "KR-11")
    assert stored[SURNAMES[3]] == ("Suwon-si", "KR-41")
    assert stored[SURNAMES[4]] == ("г. Пусан", "KR-26")
    assert stored[SURNAMES[5]] == ("Чеджу қаласы", "KR-49")
    assert stored[SURNAMES[6]] == ("Almaty", None)
    assert stored[SURNAMES[7]] == ("Seoul", "KR-41"), "a region given in the file is never overwritten"
    assert stored[SURNAMES[8]] == ("광주시", None)


def test_what_sync_sends_carries_the_filled_region(admin: Session) -> None:
    importer.import_rows(admin, [(2, _person(1, city="Сувон"))])
    with admin.read() as conn:
        payload = conn.exec_driver_sql(
            "SELECT fields FROM change_log WHERE entity = 'citizen' ORDER BY seq DESC LIMIT 1"
        ).scalar_one()
    assert '"region":"KR-41"' in payload.replace(" ", "")


def test_an_all_or_nothing_import_that_is_refused_fills_no_region(admin: Session) -> None:
    rows = [(i + 2, row) for i, row in enumerate(CITY_ONLY)]
    report = importer.import_rows(admin, rows, all_or_nothing=True)
    assert report.rolled_back and report.imported == 0 and report.regions_filled == 0
    assert registry.count_citizens(admin) == 0


def test_the_audit_entry_counts_the_filled_regions_and_names_nobody(admin: Session) -> None:
    importer.import_rows(admin, [(2, _person(1, city="Seoul")), (3, _person(2, city="Busan"))])
    with admin.read() as conn:
        details = conn.exec_driver_sql(
            "SELECT details FROM audit_log WHERE action = 'registry.import' ORDER BY rowid DESC LIMIT 1"
        ).scalar_one()
    assert '"regions_filled": 2' in details or '"regions_filled":2' in details
    assert "Абаева" not in details and "Seoul" not in details


def test_likely_duplicates_are_listed_and_can_be_imported_or_skipped_one_by_one(
    admin: Session, tmp_path: Path
) -> None:
    registry.register_citizen(admin, aigerim())
    stored_twin = aigerim(surname="Нурланова", phone="", email="", region="", city="Busan")
    rows = [
        _person(1, city="Seoul"),
        {k: str(v) for k, v in stored_twin.items()},  # same IIN as the stored person
        _person(1, city="Seoul", passport_number="N77777777"),  # same name and birth date as row 2
        _person(4, city="Ulsan"),
    ]
    path = _write(tmp_path / "dups.csv", rows)
    dry = importer.import_file(admin, path, dry_run=True)
    assert [d.row for d in dry.duplicates] == [3, 4]
    assert [r.row for r in dry.rejected] == [3, 4]
    assert "same national id" in dry.duplicates[0].reason
    # The person imports row 4 anyway and skips row 3.
    report = importer.import_file(admin, path, allow_duplicate_rows=[4], skip_rows=[3])
    assert (report.imported, report.skipped, report.rejected, report.rejects_file) == (3, 1, [], None)
    assert report.regions_filled == 3
    assert registry.count_citizens(admin) == 4


def test_the_command_line_says_how_many_regions_were_filled(
    admin: Session, paths: WorkstationPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = _write(tmp_path / "cities.csv", [_person(1, city="Сеул"), _person(2, city="Busan")])
    monkeypatch.setenv("EMBASSY_DESK_USER", "admin")
    monkeypatch.setenv("EMBASSY_DESK_PASSPHRASE", ADMIN_PASSPHRASE)
    monkeypatch.setenv("LANGUAGE", "en")
    for lang, expected in (("en", "Regions filled from the city: 2"), ("ru", "Регион заполнен по городу: 2")):
        monkeypatch.setenv("LANGUAGE", lang)
        code = main(["--data-dir", str(paths.root), "import", "citizens", str(path), "--dry-run"])
        assert code == 0
        assert expected in capsys.readouterr().out
