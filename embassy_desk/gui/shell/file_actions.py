"""File menu work that may take long: import, export and backup, each on a worker thread."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.importing import ImportWizard
from embassy_desk.gui.shell.import_report import ImportReportDialog
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.services import backup, exporter, importer
from embassy_desk.services.browse import Scope
from embassy_desk.services.importer import ImportReport
from embassy_desk.services.session import Session


class FileActions(QObject):
    """Asks for a file, runs the service off the GUI thread and reports the outcome."""

    registry_changed = Signal()

    def __init__(self, window: QWidget, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner

    def ask_import(self, session: Session) -> None:
        """Import with the wizard: file, preview, columns, check, duplicates, import, report."""
        wizard = ImportWizard(session, self._window, runner=self._runner)
        wizard.imported.connect(self._changed)
        wizard.exec()
        wizard.deleteLater()

    def _changed(self, _report: object = None) -> None:
        self.registry_changed.emit()
        notify(DataChange(frozenset({Kind.CITIZENS}), count_changed=True))

    def ask_import_mode(self, path: Path) -> bool | None:
        """Ask how to import ``path``: True for all or nothing, False for the good rows with the
        rejected ones set aside in a file to correct, None if the person cancelled."""
        box = QMessageBox(self._window)
        box.setObjectName("importMode")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import citizens"))
        box.setText(self.tr("How should %1 be imported?").replace("%1", path.name))
        box.setInformativeText(
            self.tr(
                "Import the good rows: rows with problems are not imported; they are written, each "
                "with its reason, to a file beside this one, to be corrected and imported. "
                "All or nothing: nothing is imported unless every row is good."
            )
        )
        good = box.addButton(self.tr("Import the good rows"), QMessageBox.ButtonRole.AcceptRole)
        strict = box.addButton(self.tr("All or nothing"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(good)
        box.exec()
        clicked = box.clickedButton()
        if clicked is strict:
            return True
        return False if clicked is good else None

    def import_file(self, session: Session, path: Path, *, all_or_nothing: bool = False) -> Task:
        """Import ``path``: the good rows, the rejected ones written beside it with their reasons
        (or nothing unless every row is good), then the report with every rejected row."""
        language = current_language()
        task = self._runner.start(
            lambda progress: importer.import_file(
                session, path, progress=progress, all_or_nothing=all_or_nothing, language=language
            ),
            title=self.tr("Importing citizens"),
        )
        task.finished.connect(self._imported)
        return task

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self._changed()
        ImportReportDialog(report, self._window).exec()

    def ask_export(self, session: Session, scope: Scope | None = None) -> None:
        """Ask where to export ``scope`` (everyone by default), then export it."""
        answer = save_file(
            self._window,
            Purpose.EXPORT,
            self.tr("Export citizens"),
            "citizens.csv",
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx)"),
        )
        if answer is not None:
            path, chosen = answer
            if path.suffix.casefold() not in {".csv", ".xlsx"}:
                path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".csv")
            self.export_file(session, path, scope)

    def export_file(self, session: Session, path: Path, scope: Scope | None = None) -> Task:
        """Export ``scope`` of the registry (everyone by default) to ``path`` (.csv or .xlsx)."""
        # The CSV writer reports progress (so it can stop); the XLSX writer does not.
        task = self._runner.start(
            lambda progress: exporter.export_citizens(session, path, progress=progress, scope=scope),
            title=self.tr("Exporting citizens"),
            cancellable=path.suffix.casefold() == ".csv",
        )
        task.finished.connect(
            lambda count: QMessageBox.information(
                self._window,
                self.tr("Export"),
                self.tr("%1 citizens written to %2.")
                .replace("%1", format_number(count))
                .replace("%2", path.name),
            )
        )
        return task

    def ask_backup(self, session: Session) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        answer = save_file(
            self._window,
            Purpose.BACKUP,
            self.tr("Back up the workstation"),
            f"embassy-desk-{stamp}.edbk",
            self.tr("Embassy Desk backups (*.edbk)"),
            default=session.paths.backups,
        )
        if answer is not None:
            self.backup_to(session, answer[0])

    def backup_to(self, session: Session, path: Path) -> Task:
        """Write an encrypted, verified backup to ``path``."""
        # The backup service reports no progress, so it cannot stop half-way: no Cancel button.
        task = self._runner.start(
            lambda _progress: backup.create_backup(session, path),
            title=self.tr("Backing up"),
            cancellable=False,
        )
        task.finished.connect(
            lambda info: QMessageBox.information(
                self._window,
                self.tr("Backup"),
                self.tr("Backup written and verified: %1").replace("%1", path.name),
            )
        )
        return task
