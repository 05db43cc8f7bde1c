"""Sync without a network: write this workstation's changes to a bundle file for HQ, and read the
bundle HQ wrote for this post (a USB stick carries both). Files are chosen with the file dialogs that
remember their own folder; the work runs on the pool; a refused bundle is said in plain words."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.file_dialogs import Purpose, open_file, save_file
from embassy_desk.gui.sync.state import problem_of
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.logs import safe_traceback
from embassy_desk.services import sync as service
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.gui")

BUNDLE_SUFFIX = ".edsync"


class BundlesView(QWidget):
    """Two buttons and what the last one did. ``imported`` after a bundle from HQ was applied,
    ``exported`` after one was written (the history and the state read again)."""

    imported = Signal(object)  # service.BundleReport
    exported = Signal(object)  # service.BundleReport

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBundlesView")
        self._session = session
        self._post = ""
        self.runner = TaskRunner(self)
        self.explain = named(QLabel(self), "syncBundlesExplain")
        self.explain.setWordWrap(True)
        self.export_button = named(QPushButton(self), "syncExportBundle")
        self.import_button = named(QPushButton(self), "syncImportBundle")
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        self.banner = named(MessageBanner(self), "syncBundleBanner")
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        self.set_enrolled(False)
        self.retranslate()

    def set_enrolled(self, enrolled: bool, post: str = "") -> None:
        """Bundles need the keys of an enrolled workstation."""
        self._post = post
        idle = not self.runner.running
        self.export_button.setEnabled(enrolled and idle)
        self.import_button.setEnabled(enrolled and idle)
        self._enrolled = enrolled

    def retranslate(self) -> None:
        self.explain.setText(
            self.tr(
                "When there is no connection, carry the changes on a USB stick: write a bundle here and"
                " take it to headquarters; bring back the bundle headquarters writes for this post and"
                " read it here. Bundles are encrypted and signed: one altered on the way is refused."
            )
        )
        self.export_button.setText(self.tr("&Write bundle for headquarters…"))
        self.import_button.setText(self.tr("&Read bundle from headquarters…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _filters(self) -> str:
        return self.tr("Embassy Desk sync bundles (*%1);;All files (*)").replace("%1", BUNDLE_SUFFIX)

    # -- export ---------------------------------------------------------------------------------
    def ask_export(self) -> Task | None:
        """Ask where to write the bundle, then write it."""
        name = f"{self._post or 'post'}-{date.today().isoformat()}{BUNDLE_SUFFIX}"
        answer = save_file(
            self, Purpose.SYNC_BUNDLE, self.tr("Write a bundle for headquarters"), name, self._filters()
        )
        if answer is None:
            return None
        path = answer[0]
        if not path.suffix:
            path = path.with_suffix(BUNDLE_SUFFIX)
        return self.export_to(path)

    def export_to(self, path: Path) -> Task:
        """Write this workstation's unsent changes to the bundle ``path``."""
        session = self._session
        task = self._start(lambda _p: service.export_bundle(session, path), self.tr("Writing the bundle"))
        task.finished.connect(lambda report: self._exported(report, path))
        return task

    def _exported(self, report: object, path: Path) -> None:
        assert isinstance(report, service.BundleReport)
        self.banner.show_info(
            self.tr("Bundle %1 written to %2: %n change(s) for headquarters.", "", report.entries)
            .replace("%1", str(report.number))
            .replace("%2", str(path))
        )
        self.exported.emit(report)

    # -- import ---------------------------------------------------------------------------------
    def ask_import(self) -> Task | None:
        """Ask for the bundle HQ wrote, then read it."""
        path = open_file(
            self, Purpose.SYNC_BUNDLE, self.tr("Read a bundle from headquarters"), self._filters()
        )
        return None if path is None else self.import_from(path)

    def import_from(self, path: Path) -> Task:
        """Apply the bundle ``path`` from HQ (a bundle read before changes nothing)."""
        session = self._session
        task = self._start(lambda _p: service.import_bundle(session, path), self.tr("Reading the bundle"))
        task.finished.connect(self._imported)
        return task

    def _imported(self, report: object) -> None:
        assert isinstance(report, service.BundleReport)
        if report.already:
            text = self.tr("Bundle %1 from headquarters was read before; nothing changed.")
        else:
            text = self.tr("Bundle %1 from headquarters read: %n change(s) received.", "", report.entries)
        self.banner.show_info(text.replace("%1", str(report.number)))
        self.imported.emit(report)

    # -- both -----------------------------------------------------------------------------------
    def _start(self, work: object, title: str) -> Task:
        assert callable(work)
        self.banner.clear_message()
        task = self.runner.start(work, title=title, cancellable=False)
        task.show_errors = False
        task.failed.connect(self._failed)
        task.ended.connect(lambda: self.set_enrolled(self._enrolled, self._post))
        self.set_enrolled(self._enrolled, self._post)
        return task

    def _failed(self, error: object) -> None:
        if not isinstance(error, BaseException):
            return
        problem = problem_of(error)
        if problem.message is None:
            log.error("bundle failed\n%s", safe_traceback(type(error), error, error.__traceback__))
        self.banner.show_error(problem.text())
