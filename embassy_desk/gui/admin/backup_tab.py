"""Backups: create an encrypted, verified backup off the GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import backup
from embassy_desk.services.backup import BackupInfo
from embassy_desk.services.session import Session


class BackupTab(QWidget):
    """One button, and what the last backup wrote."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.runner = TaskRunner(self)
        self.explain = named(QLabel(wordWrap=True), "backupExplain")
        self.create_button = named(QPushButton(), "createBackup")
        self.result = named(QLabel(wordWrap=True), "backupResult")
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.create_button.clicked.connect(self.ask)
        self.retranslate()

    def retranslate(self) -> None:
        self.explain.setText(
            self.tr(
                "A backup is encrypted with the same key: the same passphrases and the recovery code "
                "open it. Keep backups on a removable disk stored apart from this computer."
            )
        )
        self.create_button.setText(self.tr("&Create backup…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def ask(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        answer = save_file(
            self,
            Purpose.BACKUP,
            self.tr("Back up the workstation"),
            f"embassy-desk-{stamp}.edbk",
            self.tr("Embassy Desk backups (*.edbk)"),
            default=self._session.paths.backups,
        )
        if answer is not None:
            self.back_up_to(answer[0])

    def back_up_to(self, target: Path) -> Task:
        """Write and verify a backup at ``target`` on a worker thread."""
        session = self._session
        self.create_button.setEnabled(False)
        task = self.runner.start(
            lambda _p: backup.create_backup(session, target), title=self.tr("Backing up"), cancellable=False
        )
        task.finished.connect(self._done)
        task.ended.connect(lambda: self.create_button.setEnabled(True))
        self._target = target
        return task

    def _done(self, info: object) -> None:
        assert isinstance(info, BackupInfo)
        citizens = "?" if info.citizens is None else format_number(info.citizens)
        self.result.setText(
            self.tr("Backup written and verified: %1 (%2 citizens).")
            .replace("%1", str(self._target))
            .replace("%2", citizens)
        )
