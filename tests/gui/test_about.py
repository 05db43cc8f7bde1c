"""Help → About Embassy Desk and Help → Copy diagnostic report, in a real window on a real encrypted
workstation: versions, the licence table, the folders, the report's contents, and no personal data."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from embassy_desk.gui.about import AboutDialog, diagnostic_report
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.logs import configure_logging, log_dir_for
from embassy_desk.services import registry
from embassy_desk.services.selftest import app_version, schema_head, version_line
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.test_unlock_lock import sign_in

MARKER = {"surname": "Бейсекова", "given_names": "Шолпан", "passport_number": "N81081818"}
MARKER_TRACES = ("Бейсекова", "BEISEKOVA", "Шолпан", "SHOLPAN", "N81081818", "81081818")


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.set_language("en", remember=False)


@pytest.fixture
def logged(paths: WorkstationPaths) -> Iterator[Path]:
    """The app's log in the workstation's own folder, as the CLI and the window set it up."""
    folder = log_dir_for(paths.root)
    configure_logging(folder)
    yield folder
    configure_logging(None)


def test_about_shows_the_version_schema_components_and_folders(
    qtbot: QtBot, paths: WorkstationPaths, logged: Path
) -> None:
    # The log folder shown is where the log goes now (set at start-up, as here), whatever ran before.
    dialog = AboutDialog(paths.root)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "About Embassy Desk"
    assert dialog.version_label.text() == f"{app_version()} (schema {schema_head()})"
    assert app_version() in dialog.heading.text()

    table = dialog.table
    rows = {
        table.item(r, 0).text().casefold().replace("_", "-"): (
            table.item(r, 1).text(),
            table.item(r, 2).text(),
        )
        for r in range(table.rowCount())
    }
    assert table.rowCount() >= 20
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Component", "Version", "Licence"]
    version, licence = rows["pyside6-essentials"]
    assert version == PySide6.__version__ and "LGPL-3.0" in licence
    assert rows["sqlcipher3"] == ("0.6.4", "Zlib") and rows["sqlcipher"][0].startswith("4.")
    assert rows["reportlab"][0] and rows["sqlalchemy"][0]
    assert all(licence and licence != "unknown" for _version, licence in rows.values())

    assert dialog.data_row.label.text() == str(paths.root)
    qtbot.mouseClick(dialog.log_row.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(paths.root / "logs") == str(logged)
    assert dialog.log_row.copy.text() == "Copied"


@pytest.mark.parametrize(
    ("language", "title", "licence"),
    [("ru", "О программе Embassy Desk", "Лицензия"), ("kk", "Embassy Desk туралы", "Лицензия")],
)
def test_about_speaks_russian_and_kazakh(
    qtbot: QtBot, paths: WorkstationPaths, translations: Translations, language: str, title: str, licence: str
) -> None:
    dialog = AboutDialog(paths.root)
    qtbot.addWidget(dialog)
    dialog.show()
    translations.set_language(language, remember=False)
    qtbot.waitUntil(lambda: dialog.windowTitle() == title)
    assert dialog.table.horizontalHeaderItem(2).text() == licence
    assert dialog.data_row.copy.text() != "Copy path"


def test_help_menu_copies_a_report_with_versions_and_no_personal_data(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session, logged: Path
) -> None:
    registry.register_citizen(admin, aigerim(**MARKER))
    found = registry.search(admin, "Beisekova")
    assert found, "the marker citizen is found by the Latin spelling"
    # A careless log call with the marker is scrubbed on the way in (the Cyrillic and the numbers).
    logging.getLogger("embassy_desk.test").warning("rejected Бейсекова N81081818")

    window = MainWindow(paths, translations=Translations())
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.diagnostic_action.text() == "Copy &diagnostic report"
    assert window.diagnostic_action in window.help_menu.actions()
    window.diagnostic_action.trigger()

    report = QGuiApplication.clipboard().text()
    assert report.startswith("Embassy Desk diagnostic report")
    assert f"Embassy Desk: {version_line()}" in report
    assert "Qt: " in report and "PySide6: " in report and "SQLCipher: 4." in report
    assert "Idle lock: 10 min" in report and "Sync: not enrolled" in report
    assert "Interface language: en" in report
    assert "[Last " in report and re.search(
        r"\n\d{4}-\d\d-\d\d [\d:,]+ WARNING embassy_desk.test: rejected \*\*\* N\*\*\*\n", report
    )
    for trace in MARKER_TRACES:
        assert trace not in report
    assert "diagnostic report is on the clipboard" in window.status.currentMessage()


def test_report_of_a_locked_window_reads_no_settings(paths: WorkstationPaths, logged: Path) -> None:
    report = diagnostic_report(paths.root, session=None, language="kk")
    assert "Workstation: locked" in report and "Interface language: kk" in report
    assert "Idle lock" not in report
    assert QCoreApplication.instance() is not None
