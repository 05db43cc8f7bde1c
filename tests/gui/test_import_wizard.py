"""The import wizard (issue 12): an old Windows-1251 file with semicolons and only a city column
goes through every page; the mapping is remembered; Cancel keeps the registry as it was; the
record editor fills the region from the city."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QTableWidget, QWidget, QWizard
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.gui.citizen.form import CitizenForm
from embassy_desk.gui.importing import ImportWizard
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.services import importer, registry
from embassy_desk.services.importer import ImportReport
from embassy_desk.services.session import Session
from tests.conftest import aigerim

HEADER = ["Фамилия", "Имя", "Пол", "Дата рождения", "Номер паспорта", "Город", "Доп. сведения"]
ROWS = [
    ["Абаева", "Айгерим", "Ж", "14.03.1990", "N11111111", "Сеул", "студентка"],
    ["Бекова", "Дана", "Ж", "02.05.1988", "N22222222", "Сувон-си", ""],
    ["Серикова", "Алия", "Ж", "31.02.1990", "N33333333", "Пусан", ""],  # no 31 February: rejected
    ["Нурланова", "Айгерим", "Ж", "14.03.1998", "N12345678", "г. Инчхон", ""],  # already registered
    ["Жанова", "Асель", "Ж", "07.07.1977", "N44444444", "г. Чеджу", ""],
]


def write_cp1251(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    lines = [";".join(header), *(";".join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def header_text(table: QTableWidget, column: int) -> str:
    item = table.horizontalHeaderItem(column)
    assert item is not None
    return item.text()


def _open(
    qtbot: QtBot, window: QWidget, session: Session | None = None
) -> tuple[ImportWizard, list[ImportReport]]:
    assert session is not None
    wizard = ImportWizard(session, window, runner=TaskRunner(window))
    qtbot.addWidget(wizard)
    reports: list[ImportReport] = []
    wizard.imported.connect(reports.append)
    wizard.show()
    return wizard, reports


def _choose(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path.setText(str(path))
    wizard.file_page.path.editingFinished.emit()


def _to_check(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    _choose(wizard, path)
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=30_000)


def _regions(session: Session) -> dict[str, str | None]:
    with session.read() as conn:
        return dict(conn.exec_driver_sql("SELECT surname, region FROM citizens").all())


def test_every_page_with_an_old_windows_file_and_a_city_column(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    registry.register_citizen(admin, aigerim())
    path = write_cp1251(tmp_path / "список.csv", ROWS)
    window = QWidget()
    qtbot.addWidget(window)
    wizard, reports = _open(qtbot, window, admin)

    # 1. The file: what was recognised is said.
    _choose(wizard, path)
    info = wizard.file_page.info.text()
    assert "Windows-1251" in info and "semicolons" in info and "Header on row 1" in info
    wizard.next()

    # 2. The preview shows the rows as read, Cyrillic intact.
    preview = wizard.preview_page.table
    assert preview.rowCount() == 5
    assert header_text(preview, 5) == "Город"
    assert cell(preview, 0, 5) == "Сеул"
    wizard.next()

    # 3. The mapping: suggested from the headers; the unknown column is ignored until chosen.
    page = wizard.mapping_page
    assert page.combo("Город").currentData() == "city"
    assert page.combo("Фамилия").currentData() == "surname"
    assert page.combo("Доп. сведения").currentData() == "-"
    assert "Suggested from the headers" in page.note.text()
    # Choosing one field for two columns is refused with the reason.
    page.combo("Доп. сведения").setCurrentIndex(page.combo("Доп. сведения").findData("city"))
    assert not wizard.validateCurrentPage()
    assert "two columns" in page.error.text() and page.error.isVisible()
    page.combo("Доп. сведения").setCurrentIndex(page.combo("Доп. сведения").findData("notes"))
    wizard.next()

    # 4. The check: nothing written, every rejected row and why, the duplicates and the regions counted.
    check = wizard.check_page
    qtbot.waitUntil(check.isComplete, timeout=30_000)
    assert registry.count_citizens(admin) == 1
    summary = check.summary.text()
    assert "Rows that can be imported: 3." in summary
    assert "Rejected rows: 1." in summary and "Likely duplicates: 1." in summary
    assert "Regions filled from the city: 3." in summary
    assert check.table.rowCount() == 1 and cell(check.table, 0, 0) == "4"
    assert "'31.02.1990' is not a date" in cell(check.table, 0, 1)
    assert check.good_rows.isChecked()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()

    # 5. The likely duplicate, named, with why; left out unless ticked.
    dups = wizard.duplicates_page
    assert dups.table.rowCount() == 1
    assert cell(dups.table, 0, 1) == "5"
    assert "Нурланова Айгерим" in cell(dups.table, 0, 2)
    assert "same passport number" in cell(dups.table, 0, 3)
    assert not dups.checkbox(5).isChecked()
    assert "To leave out: 1" in dups.summary.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).text().replace("&", "") == "Import"
    wizard.next()

    # 6. The import and its report.
    run = wizard.run_page
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    report = reports[0]
    assert (report.imported, report.skipped, report.regions_filled) == (3, 1, 3)
    assert [r.row for r in report.rejected] == [4]
    assert run.report_view.isVisible()
    text = run.report_view.summary.text()
    assert "Imported: 3. Rejected rows: 1." in text
    assert "Regions filled from the city: 3" in text and "Likely duplicates left out as you chose: 1." in text
    assert cell(run.report_view.table, 0, 0) == "4"
    assert "'31.02.1990' is not a date" in cell(run.report_view.table, 0, 1)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    regions = _regions(admin)
    assert regions == {"Нурланова": "KR-11", "Абаева": "KR-11", "Бекова": "KR-41", "Жанова": "KR-49"}

    # The mapping is remembered for the next file with the same columns.
    wizard.accept()
    again, _ = _open(qtbot, window, admin)
    _choose(again, write_cp1251(tmp_path / "next.csv", ROWS[:1]))
    again.next()
    again.next()
    assert again.mapping_page.combo("Доп. сведения").currentData() == "notes"
    assert "Remembered from the last file" in again.mapping_page.note.text()


def test_a_duplicate_ticked_is_imported(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    registry.register_citizen(admin, aigerim())
    window = QWidget()
    qtbot.addWidget(window)
    wizard, reports = _open(qtbot, window, admin)
    _to_check(qtbot, wizard, write_cp1251(tmp_path / "one.csv", ROWS[3:4]))
    wizard.next()
    wizard.duplicates_page.import_all.click()
    assert wizard.duplicates_page.checkbox(2).isChecked()
    wizard.next()
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert (reports[0].imported, reports[0].skipped) == (1, 0)
    assert registry.count_citizens(admin) == 2


def test_all_or_nothing_is_still_there(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    wizard, reports = _open(qtbot, window, admin)
    _to_check(qtbot, wizard, write_cp1251(tmp_path / "some-bad.csv", ROWS[:3]))
    wizard.check_page.all_or_nothing.setChecked(True)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert reports[0].rolled_back and registry.count_citizens(admin) == 0
    assert wizard.run_page.report_view.summary.text().startswith("Nothing was imported")


@pytest.mark.parametrize("how", ["button", "wizard cancel"])
def test_cancel_during_the_import_leaves_the_registry_as_it_was(
    qtbot: QtBot, admin: Session, tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry.register_citizen(admin, aigerim())
    rows = [
        [f"Абаева{'а' * (i % 3)}", "Айгерим", "Ж", f"{1 + i % 28:02d}.{1 + i % 12:02d}.{1950 + i % 50}",
         f"N{50_000_000 + i}", "Сеул", ""]
        for i in range(8000)
    ]  # fmt: skip
    window = QWidget()
    qtbot.addWidget(window)
    wizard, reports = _open(qtbot, window, admin)
    _to_check(qtbot, wizard, write_cp1251(tmp_path / "big.csv", rows))
    # The real import, held after its first progress report until Cancel has been pressed: without
    # the hold, a loaded machine could deliver that report after the import had already finished.
    gate = threading.Event()
    real_import = importer.import_file

    def held(*args: Any, progress: Callable[[int], None], **kwargs: Any) -> Any:
        reported: list[int] = []

        def report(done: int) -> None:
            progress(done)
            if not reported:
                reported.append(done)
                gate.wait(30)

        return real_import(*args, progress=report, **kwargs)

    monkeypatch.setattr(importer, "import_file", held)
    wizard.next()
    wizard.next()
    run = wizard.run_page
    assert run.task is not None
    with qtbot.waitSignal(run.task.progress, timeout=30_000):
        pass
    if how == "button":
        run.cancel_button.click()
    else:
        wizard.reject()
        assert wizard.isVisible(), "the wizard waits for the import to roll back"
    gate.set()
    task = run.task
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    assert reports == []
    assert registry.count_citizens(admin) == 1
    if how == "button":
        assert "cancelled: nothing was imported" in run.status.text()
    else:
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)


def test_the_record_editor_fills_the_region_from_the_city_and_says_so(qtbot: QtBot) -> None:
    form = CitizenForm(home_country="KZ", host_country="KR")
    qtbot.addWidget(form)
    form.show()
    form.set_text("city", "Сеул")
    form.editor("city").editingFinished.emit()  # type: ignore[attr-defined]
    assert form.values()["region"] == "KR-11"
    assert form.region_note.isVisible() and "from the city" in form.region_note.text()
    # A region already chosen is never changed by the city.
    form.set_text("city", "Пусан")
    form.editor("city").editingFinished.emit()  # type: ignore[attr-defined]
    assert form.values()["region"] == "KR-11"
    # The region stays editable: the person's choice wins and the note goes.
    form.set_text("region", "KR-41")
    form._field_edited("region")
    assert form.values()["region"] == "KR-41" and not form.region_note.isVisible()
    # An unknown city fills nothing.
    form.load({})
    form.set_text("city", "Almaty")
    form.editor("city").editingFinished.emit()  # type: ignore[attr-defined]
    assert form.values()["region"] == "" and not form.region_note.isVisible()


ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own catalogues
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") != "unfinished"
            text = translation.text if translation is not None and finished else ""
            found[(name, message.findtext("source") or "")] = text or ""
    return found


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_every_text_of_the_wizard_is_translated(tmp_path: Path, language: str) -> None:
    found = tmp_path / "found.ts"
    files = sorted(str(p) for p in (ROOT / "embassy_desk" / "gui" / "importing").glob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *files, "-ts", str(found)], check=True, capture_output=True
    )
    catalogue = _messages(CATALOGUES / f"importing_{language}.ts")
    wanted = set(_messages(found)) | {
        (
            "ImportReportDialog",
            "Regions filled from the city: %1 (a region given in the file was kept as it was).",
        ),
        ("ImportReportDialog", "Likely duplicates left out as you chose: %1."),
        ("CitizenForm", "Filled in from the city; change it if it is wrong."),
    }
    assert sorted(key for key in wanted if not catalogue.get(key)) == []
    for (_context, source), translation in catalogue.items():
        assert sorted(re.findall(r"%\d", translation)) == sorted(re.findall(r"%\d", source)), source
        if language == "kk":
            assert re.search("[әғқңөұүһі]", translation) or len(translation) < 25, translation


def test_the_wizard_speaks_russian(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    qm = tmp_path / "importing_ru.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(CATALOGUES / "importing_ru.ts"), "-qm", str(qm)],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        wizard, _ = _open(qtbot, window, admin)
        _choose(wizard, write_cp1251(tmp_path / "ru.csv", ROWS[:2]))
        assert wizard.file_page.title() == "Выбор файла"
        assert "точкой с запятой" in wizard.file_page.info.text()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_file_whose_headers_name_no_field_is_mapped_by_hand(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    wizard, reports = _open(qtbot, window, admin)
    path = write_cp1251(
        tmp_path / "odd.csv", [["Абаева", "Айгерим", "Пусан"]], header=["Кол1", "Кол2", "Кол3"]
    )
    _choose(wizard, path)
    assert "not recognised" in wizard.file_page.info.text()
    wizard.next()
    assert header_text(wizard.preview_page.table, 2) == "Кол3"
    wizard.next()
    page = wizard.mapping_page
    assert not wizard.validateCurrentPage(), "no name column: refused with the reason"
    assert page.error.isVisible()
    for header, target in (("Кол1", "surname"), ("Кол2", "given_names"), ("Кол3", "city")):
        page.combo(header).setCurrentIndex(page.combo(header).findData(target))
    wizard.next()
    qtbot.waitUntil(wizard.check_page.isComplete, timeout=30_000)
    assert "Regions filled from the city: 1." in wizard.check_page.summary.text()
    wizard.next()
    assert "No row looks like" in wizard.duplicates_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: bool(reports), timeout=30_000)
    assert _regions(admin) == {"Абаева": "KR-26"}


def test_only_staff_who_may_import_get_the_wizard(session_for: Callable[[Role], Session]) -> None:
    with pytest.raises(PermissionDeniedError):
        ImportWizard(session_for(Role.CLERK))


def test_an_excel_workbook_with_a_title_row_is_previewed_from_its_header(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Граждане"
    sheet.append(["Список граждан на 01.03.2026"])
    sheet.append(HEADER)
    for row in ROWS[:2]:
        sheet.append(row)
    path = tmp_path / "list.xlsx"
    book.save(path)
    window = QWidget()
    qtbot.addWidget(window)
    wizard, _ = _open(qtbot, window, admin)
    _choose(wizard, path)
    assert "Excel workbook, sheet “Граждане”" in wizard.file_page.info.text()
    assert "Header on row 2" in wizard.file_page.info.text()
    wizard.next()
    assert wizard.preview_page.table.rowCount() == 2
    assert cell(wizard.preview_page.table, 0, 0) == "Абаева"
    wizard.next()
    assert wizard.mapping_page.combo("Город").currentData() == "city"
