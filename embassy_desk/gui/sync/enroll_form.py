"""Enrollment: an administrator connects this workstation to HQ with HQ's address and a one-time code.

The device key is made and kept on the workstation by the service; only its public half goes to HQ.
The call reaches the network, so it runs on the pool; a refusal (a wrong or used code, HQ not
answering) is shown in place, in the window's language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.sync.state import Failure, SyncProblem
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.logs import safe_traceback
from embassy_desk.services import sync as service
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.gui")


class EnrollForm(QGroupBox):
    """HQ address, enrollment code and a button; ``enrolled`` once HQ accepted this workstation."""

    enrolled = Signal(object)  # service.SyncStatus

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncEnrollForm")
        self._session = session
        self.runner = TaskRunner(self)
        self.explain = named(QLabel(self), "syncEnrollExplain")
        self.explain.setWordWrap(True)
        self.url = named(QLineEdit(self), "syncEnrollUrl")
        self.url.setPlaceholderText("https://hq.example.org:8765")
        self.code = named(QLineEdit(self), "syncEnrollCode")
        self.url_label = QLabel(self)
        self.code_label = QLabel(self)
        self.url_label.setBuddy(self.url)
        self.code_label.setBuddy(self.code)
        self.banner = named(MessageBanner(self), "syncEnrollBanner")
        self.button = named(QPushButton(self), "syncEnroll")
        self.button.clicked.connect(self.submit)
        for field in (self.url, self.code):
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.url_label, self.url)
        form.addRow(self.code_label, self.code)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connect to headquarters"))
        self.explain.setText(
            self.tr(
                "Headquarters gives the address of its server and a one-time enrollment code (valid for"
                " 24 hours). This workstation makes its own key and sends headquarters only the public"
                " half; the first sync then brings the post's whole registry."
            )
        )
        self.url_label.setText(self.tr("Headquarters &address:"))
        self.code_label.setText(self.tr("Enrollment &code:"))
        self.button.setText(self.tr("&Enroll this workstation"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self) -> None:
        ready = bool(self.url.text().strip() and self.code.text().strip())
        self.button.setEnabled(ready and not self.runner.running)

    def submit(self) -> Task | None:
        """Enroll with the address and code typed; None if a field is empty or one is running."""
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code or self.runner.running:
            return None
        session = self._session
        self.banner.clear_message()
        task = self.runner.start(
            lambda _p: service.enroll(session, url, code),
            title=self.tr("Connecting to headquarters"),
            cancellable=False,
        )
        task.show_errors = False
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.ended.connect(self._update)
        self._update()
        return task

    def _done(self, status: object) -> None:
        self.code.clear()  # it works once; keeping it on screen helps nobody
        self.banner.show_info(self.tr("This workstation is enrolled. The first sync starts now."))
        self.enrolled.emit(status)

    def _failed(self, error: object) -> None:
        if isinstance(error, EmbassyDeskError):
            self.banner.show_error(error_text(error))
            return
        if isinstance(error, BaseException):
            log.error("enrollment failed\n%s", safe_traceback(type(error), error, error.__traceback__))
        self.banner.show_error(SyncProblem(Failure.UNEXPECTED).text())
