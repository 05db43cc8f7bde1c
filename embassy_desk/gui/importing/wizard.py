"""The import as a wizard (issue 12): choose a file, preview it, map its columns, check every row
without writing, review the likely duplicates, then import with progress and Cancel and read the
report. A cancelled or failed import leaves nothing behind: the importer writes in one
transaction and rolls it back (see :mod:`embassy_desk.services.importer`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from embassy_desk.gui.importing.check_pages import (
    ImportCheckPage,
    ImportDuplicatesPage,
    ImportRunPage,
    _TaskPage,
)
from embassy_desk.gui.importing.file_pages import ImportFilePage, ImportMappingPage, ImportPreviewPage
from embassy_desk.gui.importing.state import WizardState
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session


class ImportWizard(QWizard):
    """Import citizens step by step. ``imported`` is emitted with the report once rows were stored
    (or an all-or-nothing import was refused); the caller refreshes its views."""

    imported = Signal(object)

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        session.require(Action.IMPORT)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import citizens"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.state = WizardState(session=session, runner=runner or TaskRunner(self))
        self.file_page = ImportFilePage(self.state)
        self.preview_page = ImportPreviewPage(self.state)
        self.mapping_page = ImportMappingPage(self.state)
        self.check_page = ImportCheckPage(self.state)
        self.duplicates_page = ImportDuplicatesPage(self.state)
        self.run_page = ImportRunPage(self.state)
        for page in (
            self.file_page,
            self.preview_page,
            self.mapping_page,
            self.check_page,
            self.duplicates_page,
            self.run_page,
        ):
            self.addPage(page)
        self._close_when_stopped = False
        self.resize(860, 560)
        if path is not None:
            self.file_page.load(path)

    def _busy_page(self) -> _TaskPage | None:
        for page in (self.check_page, self.run_page):
            if page.running:
                return page
        return None

    def reject(self) -> None:
        """Cancel (or Escape) while work runs asks it to stop and closes once it has rolled back."""
        busy = self._busy_page()
        if busy is not None and busy.task is not None:
            if not self._close_when_stopped:
                self._close_when_stopped = True
                busy.task.ended.connect(self.reject)
                if busy is self.run_page:
                    self.run_page._cancel()
                else:
                    busy.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy_page() is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
