""" "Print notice…" for one citizen (from their record) or for the citizens picked in the registry:
choose the kind and languages, see the preview, then print or save as PDF."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.notices.delivery import NoticeDelivery
from embassy_desk.gui.notices.form import NoticeForm
from embassy_desk.gui.notices.preview import PreviewPane
from embassy_desk.gui.notices.preview_worker import PreviewRenderer, PreviewResult
from embassy_desk.gui.notices.request import NoticeRequest, preview_maker
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import notices, registry
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class PrintNoticeDialog(QDialog):
    def __init__(self, session: Session, citizen_ids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printNoticeDialog")
        self._session = session
        self._citizen_ids = list(dict.fromkeys(citizen_ids))
        self._name = ""
        self.last_preview: PreviewResult | None = None
        if len(self._citizen_ids) == 1:
            try:
                self._name = registry.get_citizen(session, self._citizen_ids[0]).display_name
            except EmbassyDeskError:
                self._name = ""
        self.runner = TaskRunner(self)
        self.delivery = NoticeDelivery(session, self.runner, self)
        self.delivery.delivered.connect(self._delivered)

        self.banner = MessageBanner(self)
        self.recipients = named(QLabel(self), "printNoticeRecipients")
        self.form = NoticeForm(self)
        self.form.set_languages(notices.AUTO, "ko")
        self.preview = PreviewPane(self)
        self.print_button = named(QPushButton(self), "noticePrint")
        self.save_button = named(QPushButton(self), "noticeSave")
        self.close_button = named(QPushButton(self), "noticeClose")
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_notice)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.save_pdf)
        self._update_buttons()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.recipients)
        left_layout.addWidget(self.form)
        left_layout.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1100, 800)

        self.renderer = PreviewRenderer(self)
        self.renderer.ready.connect(self._preview_ready)
        self.renderer.failed.connect(self.preview.show_message)
        self.renderer.busy.connect(self.preview.set_busy)
        self.form.changed.connect(self._request_preview)
        self.retranslate()
        self._request_preview()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print notice"))
        if len(self._citizen_ids) == 1:
            self.recipients.setText(self.tr("For: {name}").format(name=self._name))
        else:
            self.recipients.setText(
                self.tr("For %n selected citizen(s); each gets their own notice.", "", len(self._citizen_ids))
            )
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Issue the notice and print it (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.save_button.setToolTip(self.tr("Issue the notice and save it as a PDF file (Ctrl+Shift+S)"))
        self.close_button.setText(self.tr("Close"))
        if not is_allowed(self._session.role, Action.NOTICE_ISSUE):
            self.banner.show_info(self.tr("Your role may see notices but not issue them."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------

    def _request_preview(self) -> None:
        if not self._citizen_ids:
            self.preview.clear(self.tr("No citizen was picked."))
            return
        request = self.form.request()
        session, citizen_id = self._session, self._citizen_ids[0]
        self.renderer.request(preview_maker(session, request, citizen_id))

    def _preview_ready(self, result: PreviewResult) -> None:
        self.last_preview = result
        self.preview.show_pages(result.pages)

    def wait_for_preview(self, timeout_ms: int = 10_000) -> bool:
        """Block until the preview being made is shown (tests)."""
        return self.renderer.wait(timeout_ms)

    # ----------------------------------------------------------------------------------------

    def _check(self, request: NoticeRequest) -> bool:
        if self.runner.running:
            self.banner.show_info(self.tr("Wait for the notice being issued to finish."))
            return False
        problem = self.form.missing_message(request)
        if problem is not None:
            self.banner.show_error(problem)
            return False
        self.banner.clear_message()
        return True

    def _update_buttons(self) -> None:
        allowed = is_allowed(self._session.role, Action.NOTICE_ISSUE) and bool(self._citizen_ids)
        idle = not self.runner.running
        self.print_button.setEnabled(allowed and idle)
        self.save_button.setEnabled(allowed and idle)

    def _track(self, task: Task | None) -> Task | None:
        """Keep the buttons off while ``task`` runs, so one click issues one notice."""
        if task is not None:
            task.ended.connect(self._update_buttons)
            self._update_buttons()
        return task

    @property
    def citizen_ids(self) -> Sequence[str]:
        return tuple(self._citizen_ids)

    def print_notice(self) -> Task | None:
        """Issue and print through the system print dialog (Ctrl+P)."""
        request = self.form.request()
        if not self._check(request):
            return None
        return self._track(self.delivery.print_with_dialog(request, self._citizen_ids))

    def print_to(self, printer: QPrinter) -> Task | None:
        """Issue and print on ``printer`` without asking."""
        request = self.form.request()
        if not self._check(request):
            return None
        return self._track(self.delivery.print_to(printer, request, self._citizen_ids))

    def save_pdf(self) -> Task | None:
        """Issue and save as a PDF where the officer chooses."""
        request = self.form.request()
        if not self._check(request):
            return None
        return self._track(self.delivery.save_with_dialog(request, self._citizen_ids))

    def save_as(self, path: Path) -> Task | None:
        """Issue into the PDF file ``path``."""
        request = self.form.request()
        if not self._check(request):
            return None
        return self._track(self.delivery.save_as(path, request, self._citizen_ids))

    def _delivered(self, text: str) -> None:
        self.banner.show_info(text)
