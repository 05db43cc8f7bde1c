"""The last pages of the import wizard: every row checked without writing, the likely duplicates
reviewed one by one, then the import itself with progress, Cancel and the report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from embassy_desk.gui.errors import error_text
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.importing.state import WizardState
from embassy_desk.gui.shell.import_report import ImportReportView, fill_rejected
from embassy_desk.gui.tasks import Task
from embassy_desk.gui.widgets import named
from embassy_desk.importing.headers import FULL_NAME
from embassy_desk.services import importer
from embassy_desk.services.importer import ImportReport

_ERROR_STYLE = "color: #b3261e;"
_NAME_FIELDS = ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin", FULL_NAME)


class _TaskPage(QWizardPage):
    """A page that runs one piece of work off the GUI thread and is complete when it has ended."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.task: Task | None = None
        self.bar = named(QProgressBar(), f"{type(self).__name__}Progress")
        self.bar.setTextVisible(True)
        self.bar.hide()

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def cancel(self) -> None:
        """Ask the work to stop (it rolls back at its next progress report)."""
        if self.task is not None and self.task.running:
            self.task.cancel()

    def isComplete(self) -> bool:
        return self.task is None or not self.task.running

    def _start(self, work: object, title: str, total: int) -> Task:
        assert callable(work)
        self.bar.setRange(0, total)
        self.bar.setValue(0)
        self.bar.show()
        task = self._state.runner.start(work, title=title, show_progress=False)
        task.show_errors = False
        task.progress.connect(lambda done: self.bar.setValue(min(done, total) if total else 0))
        task.ended.connect(self.bar.hide)
        task.ended.connect(self.completeChanged.emit)
        self.task = task
        self.completeChanged.emit()
        return task


class ImportCheckPage(_TaskPage):
    """Every row checked as the import would, nothing written: the rejected rows with why, how
    many likely duplicates, how many regions the cities fill; and how to import."""

    def __init__(self, state: WizardState) -> None:
        super().__init__(state)
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr("Every row is checked as the import would check it; nothing is written yet.")
        )
        self.summary = named(QLabel(wordWrap=True), "checkSummary")
        self.error = named(QLabel(wordWrap=True), "checkError")
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.hide()
        self.table = named(QTableWidget(0, 2), "checkRejected")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.good_rows = named(QRadioButton(), "modeGoodRows")
        self.all_or_nothing = named(QRadioButton(), "modeAllOrNothing")
        self.good_rows.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.good_rows)
        self._modes.addButton(self.all_or_nothing)
        self.good_rows.setText(
            self.tr(
                "Import the good rows: the rejected rows are written, each with its reason, to a file "
                "beside this one, to be corrected and imported"
            )
        )
        self.all_or_nothing.setText(self.tr("All or nothing: nothing is imported unless every row is good"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.good_rows)
        layout.addWidget(self.all_or_nothing)

    def initializePage(self) -> None:
        state = self._state
        self.error.hide()
        self.table.setRowCount(0)
        self.table.hide()
        self.all_or_nothing.setChecked(state.all_or_nothing)
        self.good_rows.setChecked(not state.all_or_nothing)
        if state.check is not None:
            self._show(state.check)
            return
        self.summary.setText(self.tr("Checking every row…"))
        session, path, mapping = state.session, state.path, dict(state.mapping)
        assert path is not None
        task = self._start(
            lambda progress: importer.import_file(
                session, path, mapping=mapping, dry_run=True, progress=progress
            ),
            self.tr("Checking the file"),
            0,
        )
        task.finished.connect(self._checked)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.summary.setText(self.tr("The check was stopped.")))

    def cleanupPage(self) -> None:
        self.cancel()

    def _checked(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self._state.check = report
        self._show(report)

    def _failed(self, error: object) -> None:
        self.summary.clear()
        self.error.setText(error_text(error) if isinstance(error, BaseException | str) else str(error))
        self.error.show()

    def _show(self, report: ImportReport) -> None:
        duplicates = {entry.row for entry in report.duplicates}
        rejected = [entry for entry in report.rejected if entry.row not in duplicates]
        text = (
            self.tr("Rows that can be imported: %1. Rejected rows: %2. Likely duplicates: %3.")
            .replace("%1", format_number(report.imported))
            .replace("%2", format_number(len(rejected)))
            .replace("%3", format_number(len(duplicates)))
        )
        if report.regions_filled:
            text += " " + self.tr("Regions filled from the city: %1.").replace(
                "%1", format_number(report.regions_filled)
            )
        if duplicates:
            text += " " + self.tr("You choose what happens to each likely duplicate on the next page.")
        self.summary.setText(text)
        fill_rejected(self.table, rejected)
        # The task has ended before its result arrives here: say again that the page is complete.
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._state.check is not None and not self.running

    def validatePage(self) -> bool:
        self._state.all_or_nothing = self.all_or_nothing.isChecked()
        return True


class ImportDuplicatesPage(QWizardPage):
    """The rows that look like someone already registered (or an earlier row): skip or import
    each, or all. Skipping is the default."""

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self._state = state
        self.setTitle(self.tr("Likely duplicates"))
        self.setSubTitle(
            self.tr(
                "These rows look like people already registered, or like an earlier row of the file. "
                "Tick the ones to import anyway; the others are left out."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = named(QLabel(wordWrap=True), "duplicatesSummary")
        self.table = named(QTableWidget(0, 4), "duplicatesTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Import anyway"), self.tr("Row"), self.tr("Name in the file"), self.tr("Why")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.import_all = named(QPushButton(self.tr("Import all")), "importAllDuplicates")
        self.skip_all = named(QPushButton(self.tr("Skip all")), "skipAllDuplicates")
        self.import_all.clicked.connect(lambda: self._set_all(True))
        self.skip_all.clicked.connect(lambda: self._set_all(False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_all)
        buttons.addWidget(self.skip_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._checks: dict[int, QCheckBox] = {}

    def initializePage(self) -> None:
        state = self._state
        check = state.check
        duplicates = check.duplicates if check is not None else []
        names = self._names([entry.row for entry in duplicates])
        self.table.setRowCount(len(duplicates))
        self._checks = {}
        for i, entry in enumerate(duplicates):
            box = named(QCheckBox(), f"importAnyway{entry.row}")
            box.setChecked(entry.row in state.import_anyway)
            box.toggled.connect(lambda on, row=entry.row: self._choose(row, on))
            cell = QTableWidgetItem()
            self.table.setItem(i, 0, cell)
            self.table.setCellWidget(i, 0, box)
            self.table.setItem(i, 1, QTableWidgetItem(str(entry.row)))
            self.table.setItem(i, 2, QTableWidgetItem(names.get(entry.row, "")))
            reason = error_text(entry.reason)
            item = QTableWidgetItem(reason)
            item.setToolTip(reason)
            self.table.setItem(i, 3, item)
            self._checks[entry.row] = box
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(duplicates))
        self.import_all.setVisible(bool(duplicates))
        self.skip_all.setVisible(bool(duplicates))
        self._summarise()

    def _names(self, numbers: list[int]) -> dict[int, str]:
        source = self._state.source
        if source is None or not numbers:
            return {}
        columns = [i for name in _NAME_FIELDS for i, field in source.columns.items() if field == name]
        out: dict[int, str] = {}
        try:
            for number, cells in source.raw_rows(numbers):
                out[number] = " ".join(
                    cells[i].strip() for i in columns if i < len(cells) and cells[i].strip()
                )
        except Exception:  # the file changed since the check: the names are only a help
            return out
        return out

    def _choose(self, row: int, on: bool) -> None:
        if on:
            self._state.import_anyway.add(row)
        else:
            self._state.import_anyway.discard(row)
        self._summarise()

    def _set_all(self, on: bool) -> None:
        for box in self._checks.values():
            box.setChecked(on)

    def _summarise(self) -> None:
        total = len(self._checks)
        if not total:
            self.summary.setText(
                self.tr("No row looks like someone already registered or like an earlier row of the file.")
            )
            return
        chosen = len(self._state.import_anyway & set(self._checks))
        self.summary.setText(
            self.tr("Likely duplicates: %1. To import anyway: %2. To leave out: %3.")
            .replace("%1", format_number(total))
            .replace("%2", format_number(chosen))
            .replace("%3", format_number(total - chosen))
        )

    def checkbox(self, row: int) -> QCheckBox:
        """The "import anyway" box of file row ``row`` (tests)."""
        return self._checks[row]


class ImportRunPage(_TaskPage):
    """The import itself, with progress and Cancel (which leaves the registry as it was), then
    the report: how many came in, regions filled from the city, every rejected row and why."""

    def __init__(self, state: WizardState) -> None:
        super().__init__(state)
        self.setTitle(self.tr("Import"))
        self.status = named(QLabel(wordWrap=True), "runStatus")
        self.cancel_button = named(QPushButton(self.tr("Cancel the import")), "cancelImport")
        self.cancel_button.clicked.connect(self._cancel)
        self.report_view = ImportReportView(None, self)
        self.report_view.hide()
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line = QHBoxLayout()
        line.addWidget(self.bar, 1)
        line.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addWidget(self.status)
        layout.addWidget(self.report_view, 1)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        state = self._state
        assert state.path is not None
        session, path, mapping = state.session, state.path, dict(state.mapping)
        all_or_nothing, language = state.all_or_nothing, current_language()
        allow, skip = sorted(state.import_anyway), sorted(state.skipped)
        self.report_view.hide()
        self.status.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        task = self._start(
            lambda progress: importer.import_file(
                session,
                path,
                mapping=mapping,
                progress=progress,
                all_or_nothing=all_or_nothing,
                language=language,
                allow_duplicate_rows=allow,
                skip_rows=skip,
            ),
            self.tr("Importing citizens"),
            max(0, state.total_rows - len(skip)),
        )
        task.finished.connect(self._imported)
        task.cancelled.connect(self._cancelled)
        task.failed.connect(self._failed)
        task.ended.connect(self.cancel_button.hide)

    def _cancel(self) -> None:
        self.cancel()
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))

    def _imported(self, report: object) -> None:
        assert isinstance(report, ImportReport)
        self._state.report = report
        self.status.setText(self.tr("The import is done."))
        self.report_view.show_report(report)
        self.report_view.show()
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "imported"):
            wizard.imported.emit(report)

    def _cancelled(self) -> None:
        self.status.setText(
            self.tr("The import was cancelled: nothing was imported, the registry is as it was.")
        )

    def _failed(self, error: object) -> None:
        text = error_text(error) if isinstance(error, BaseException | str) else str(error)
        self.status.setText(self.tr("The import failed and nothing was imported: %1").replace("%1", text))
