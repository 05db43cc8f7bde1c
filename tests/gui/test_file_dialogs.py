"""File dialogs open in the folder last used for the same purpose (Documents the first time)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.gui import file_dialogs
from embassy_desk.gui.admin.backup_tab import BackupTab
from embassy_desk.gui.file_dialogs import Purpose, existing_folder, open_file, save_file
from embassy_desk.gui.shell.file_actions import FileActions
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.services import audit_log
from embassy_desk.services.session import Session
from tests.gui.conftest import DialogWatcher

Answer = Callable[[QFileDialog], None]


@pytest.fixture(autouse=True)
def _qt_dialogs_and_a_home(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Qt's own dialog (a widget a test can drive, as on a desktop without a native one), and a
    home folder with Documents in it."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    before = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield home
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)


def answer_next_dialog(answer: Answer, opened_in: list[Path]) -> None:
    """When the next file dialog shows, note the folder it opened in and answer it."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                opened_in.append(Path(widget.directory().absolutePath()))
                answer(widget)
                return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def choose(path: Path) -> Answer:
    def answer(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(str(path))
        dialog.accept()

    return answer


def close(dialog: QFileDialog) -> None:
    dialog.reject()


def test_first_save_opens_in_documents_and_the_next_where_the_last_file_went(
    qtbot: QtBot, tmp_path: Path
) -> None:
    documents = tmp_path / "home" / "Documents"
    usb = tmp_path / "usb"
    usb.mkdir()
    opened_in: list[Path] = []
    answer_next_dialog(choose(usb / "list.csv"), opened_in)
    answer = save_file(None, Purpose.EXPORT, "Export", "citizens.csv", "CSV (*.csv)")
    assert answer == (usb / "list.csv", "CSV (*.csv)")
    assert opened_in == [documents]

    suggested: list[str] = []

    def read_the_suggestion(dialog: QFileDialog) -> None:
        suggested.extend(dialog.selectedFiles())
        dialog.reject()

    answer_next_dialog(read_the_suggestion, opened_in)
    assert save_file(None, Purpose.EXPORT, "Export", "citizens.csv", "CSV (*.csv)") is None
    assert opened_in[1] == usb, "the export dialog remembers the folder"
    assert suggested == [str(usb / "citizens.csv")]

    answer_next_dialog(close, opened_in)
    assert open_file(None, Purpose.IMPORT, "Import", "Tables (*.csv)") is None
    assert opened_in[2] == documents, "each purpose remembers its own folder"


def test_a_closed_dialog_remembers_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    opened_in: list[Path] = []

    def wander_then_close(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(elsewhere))
        dialog.reject()

    answer_next_dialog(wander_then_close, opened_in)
    assert open_file(None, Purpose.IMPORT, "Import", "All files (*)") is None
    assert file_dialogs.remembered_folder(Purpose.IMPORT) == tmp_path / "home" / "Documents"


def test_an_opened_file_and_a_chosen_folder_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "from-hq" / "citizens.csv"
    source.parent.mkdir()
    source.write_text("surname\n", encoding="utf-8")
    opened_in: list[Path] = []
    answer_next_dialog(choose(source), opened_in)
    assert open_file(None, Purpose.IMPORT, "Import", "Tables (*.csv)") == source
    assert file_dialogs.remembered_folder(Purpose.IMPORT) == source.parent

    batch = tmp_path / "notices-today"
    batch.mkdir()

    def pick_folder(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(batch))
        dialog.accept()

    answer_next_dialog(pick_folder, opened_in)
    assert existing_folder(None, Purpose.NOTICE_FOLDER, "Folder") == batch
    assert file_dialogs.remembered_folder(Purpose.NOTICE_FOLDER) == batch


def test_a_folder_that_is_gone_falls_back_to_the_default(tmp_path: Path) -> None:
    unplugged = tmp_path / "usb-stick"
    unplugged.mkdir()
    file_dialogs.remember(Purpose.BACKUP, unplugged / "copy.edbk")
    assert file_dialogs.remembered_folder(Purpose.BACKUP) == unplugged
    unplugged.rmdir()
    backups = tmp_path / "backups"
    backups.mkdir()
    assert file_dialogs.remembered_folder(Purpose.BACKUP, default=backups) == backups
    assert file_dialogs.remembered_folder(Purpose.BACKUP) == tmp_path / "home" / "Documents"


def test_without_documents_the_home_folder_is_the_default(tmp_path: Path) -> None:
    (tmp_path / "home" / "Documents").rmdir()
    assert file_dialogs.default_folder() == tmp_path / "home"


def test_backups_start_in_the_backups_folder_then_where_the_last_one_went(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    tab = BackupTab(admin)
    qtbot.addWidget(tab)
    admin.paths.backups.mkdir(exist_ok=True)
    disk = tmp_path / "backup-disk"
    disk.mkdir()
    opened_in: list[Path] = []
    answer_next_dialog(choose(disk / "monday.edbk"), opened_in)
    tab.ask()
    qtbot.waitUntil(lambda: (disk / "monday.edbk").exists(), timeout=30_000)
    assert opened_in == [admin.paths.backups]
    qtbot.waitUntil(lambda: tab.create_button.isEnabled(), timeout=30_000)

    answer_next_dialog(close, opened_in)
    tab.ask()
    assert opened_in[1] == disk


def test_export_from_the_menu_asks_in_the_remembered_folder(
    qtbot: QtBot, admin: Session, tmp_path: Path, dialogs: DialogWatcher
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    files = FileActions(window, TaskRunner(window))
    reports = tmp_path / "reports"
    reports.mkdir()
    file_dialogs.remember(Purpose.EXPORT, reports)
    opened_in: list[Path] = []

    def choose_xlsx(dialog: QFileDialog) -> None:
        dialog.selectNameFilter("Excel workbook (*.xlsx)")
        dialog.selectFile(str(reports / "night-list"))
        dialog.accept()

    answer_next_dialog(choose_xlsx, opened_in)
    files.ask_export(admin)
    qtbot.waitUntil(lambda: bool(dialogs.seen), timeout=30_000)
    assert opened_in == [reports]
    assert (reports / "night-list.xlsx").is_file(), "the chosen type gives the missing suffix"
    assert audit_log.recent_entries(admin)[0].action == "registry.export"


def test_no_screen_calls_qfiledialog_directly() -> None:
    gui = Path(file_dialogs.__file__).parent
    direct = [
        str(path.relative_to(gui))
        for path in gui.rglob("*.py")
        if path.name != "file_dialogs.py" and "QFileDialog" in path.read_text(encoding="utf-8")
    ]
    assert direct == [], "use embassy_desk.gui.file_dialogs, which remembers the folder"
