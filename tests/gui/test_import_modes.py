"""Import from the window (issue 9 item 14): the good rows or all or nothing, and a report that
says where the rejected rows went."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.gui.shell.file_actions import FileActions
from embassy_desk.gui.shell.import_report import ImportReportDialog
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.services import registry
from embassy_desk.services.importer import ImportReport
from embassy_desk.services.session import Session
from tests.conftest import aigerim
from tests.gui.test_tasks import write_csv


def _source(tmp_path: Path) -> Path:
    return write_csv(
        tmp_path / "two.csv",
        [aigerim(), aigerim(national_id="", passport_number="N87654321", surname="Серікова7")],
    )


def _import(qtbot: QtBot, admin: Session, source: Path, *, all_or_nothing: bool) -> ImportReport:
    window = QWidget()
    qtbot.addWidget(window)
    files = FileActions(window, TaskRunner(window))
    finished: list[ImportReport] = []
    dialogs: list[ImportReportDialog] = []

    def close_report() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ImportReportDialog) and widget.isVisible():
                dialogs.append(widget)
                widget.accept()
                return
        QTimer.singleShot(30, close_report)

    task = files.import_file(admin, source, all_or_nothing=all_or_nothing)
    task.finished.connect(finished.append)
    QTimer.singleShot(30, close_report)
    qtbot.waitUntil(lambda: bool(finished) and bool(dialogs), timeout=30_000)
    return finished[0]


def test_the_good_rows_land_and_the_report_names_the_private_rejects_file(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    report = _import(qtbot, admin, _source(tmp_path), all_or_nothing=False)
    assert report.imported == 1 and [r.row for r in report.rejected] == [3]
    assert report.rejects_file == tmp_path / "two.rejected.csv"
    assert stat.S_IMODE(report.rejects_file.stat().st_mode) == 0o600
    assert registry.count_citizens(admin) == 1
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert "two.rejected.csv" in dialog.summary.text()
    assert "only you can read it" in dialog.summary.text()


def test_all_or_nothing_from_the_window_imports_nothing_and_says_so(
    qtbot: QtBot, admin: Session, tmp_path: Path
) -> None:
    report = _import(qtbot, admin, _source(tmp_path), all_or_nothing=True)
    assert report.rolled_back and report.imported == 0 and report.held_back == 1
    assert registry.count_citizens(admin) == 0
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith("Nothing was imported: every row must be good (all or nothing).")


def test_the_window_asks_how_to_import(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    files = FileActions(window, TaskRunner(window))
    answers: list[bool | None] = []
    for choice in ("All or nothing", "Import the good rows", "Cancel"):

        def press(choice: str = choice) -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, press)
                return
            assert "people.csv" in box.text()
            for button in box.buttons():
                if button.text().replace("&", "") == choice:
                    button.click()
                    return
            raise AssertionError([b.text() for b in box.buttons()])

        QTimer.singleShot(20, press)
        answers.append(files.ask_import_mode(tmp_path / "people.csv"))
    assert answers == [True, False, None]
