"""The Notices screen: compose a notice (kind, languages, fields, paper), pick whom it is for (one
citizen, a selection, or no one in particular), see it in a live preview, then print it, save it as a
PDF, or issue it for every citizen of a selection with progress and Cancel.

What a role may not do is disabled here and refused by the service anyway.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.notices.delivery import NoticeDelivery
from embassy_desk.gui.notices.embassy_details import EmbassyDetailsDialog
from embassy_desk.gui.notices.form import NoticeForm
from embassy_desk.gui.notices.hq_publications import HqPublications
from embassy_desk.gui.notices.preview import PreviewPane
from embassy_desk.gui.notices.preview_worker import PreviewRenderer, PreviewResult
from embassy_desk.gui.notices.recipient import RecipientMode, RecipientPicker
from embassy_desk.gui.notices.request import NoticeRequest, preview_maker
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.notices.kinds import Recipient
from embassy_desk.services import notices
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class NoticesView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticesView")
        self._session = session
        self.runner = TaskRunner(self)
        self.delivery = NoticeDelivery(session, self.runner, self)
        self.delivery.delivered.connect(self._delivered)
        self.embassy_dialog: EmbassyDetailsDialog | None = None
        self.last_preview: PreviewResult | None = None

        self.banner = MessageBanner(self)
        # Advisories and templates headquarters published (issue 11); hidden while there are none.
        self.publications = HqPublications(session, self)
        self.form = NoticeForm(self)
        self.form.set_languages(notices.AUTO, "ko")
        # Counting a selection is quick background reading; it must not look like issuing in progress.
        self.count_runner = TaskRunner(self)
        self.recipient = RecipientPicker(session, self.count_runner, self)
        self.per_person = named(QCheckBox(self), "noticePerPerson")
        self.notice_group = QGroupBox(self)
        QVBoxLayout(self.notice_group).addWidget(self.form)
        self.recipient_group = QGroupBox(self)
        recipient_layout = QVBoxLayout(self.recipient_group)
        recipient_layout.addWidget(self.recipient)
        recipient_layout.addWidget(self.per_person)

        self.print_button = named(QPushButton(self), "noticePrint")
        self.save_button = named(QPushButton(self), "noticeSave")
        self.batch_button = named(QPushButton(self), "noticeIssueBatch")
        self.embassy_button = named(QPushButton(self), "noticeEmbassyDetails")
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save_pdf)
        self.batch_button.clicked.connect(self.issue_batch)
        self.embassy_button.clicked.connect(self.edit_embassy_details)
        self.embassy_button.setVisible(is_allowed(session.role, Action.SETTINGS_EDIT))
        for keys, slot in (("Ctrl+P", self.print_notice), ("Ctrl+Shift+S", self.save_pdf)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.summary = named(QLabel(self), "noticeSummaryLine")
        self.summary.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.notice_group)
        left_layout.addWidget(self.recipient_group)
        left_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(420)
        self.preview_note = named(QLabel(self), "noticePreviewNote")
        self.preview_note.setWordWrap(True)
        self.preview = PreviewPane(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_note)
        right_layout.addWidget(self.preview, 1)
        splitter = QSplitter(self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.embassy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.batch_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.publications)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

        self.renderer = PreviewRenderer(self)
        self.renderer.ready.connect(self._preview_ready)
        self.renderer.failed.connect(self._preview_failed)
        self.renderer.busy.connect(self.preview.set_busy)
        self.form.changed.connect(self._changed)
        self.recipient.changed.connect(self._changed)
        self.retranslate()
        self._changed()

    # ----------------------------------------------------------------------------------------
    # Text

    def retranslate(self) -> None:
        self.notice_group.setTitle(self.tr("Notice"))
        self.recipient_group.setTitle(self.tr("For"))
        self.per_person.setText(self.tr("One PDF file per &person"))
        self.per_person.setToolTip(self.tr("Files are named by reference number, never by name"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Issue the notice and print it (Ctrl+P)"))
        self.save_button.setText(self.tr("Save as P&DF…"))
        self.save_button.setToolTip(self.tr("Issue the notice and save it as a PDF file (Ctrl+Shift+S)"))
        self.embassy_button.setText(self.tr("&Embassy details…"))
        self.embassy_button.setToolTip(self.tr("How notices name and reach the embassy"))
        if not is_allowed(self._session.role, Action.NOTICE_ISSUE):
            for button in (self.print_button, self.save_button):
                button.setToolTip(self.tr("Your role may see notices but not issue them"))
        if not is_allowed(self._session.role, Action.NOTICE_BATCH):
            self.batch_button.setToolTip(
                self.tr("Notices for a region, a status or everyone are issued by officers")
            )
        self._update_buttons()
        self._update_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._request_preview()  # the preview's own messages ("Pick a citizen…") follow too
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # What is being composed

    def request(self) -> NoticeRequest:
        return self.form.request()

    def choose_citizen(self, citizen_id: str) -> None:
        """Compose for one citizen (from the registry or a record)."""
        self.recipient.choose_citizen(citizen_id)

    def _recipients(self) -> list[str]:
        citizen = self.recipient.citizen_id
        return [citizen] if citizen else []

    def _changed(self) -> None:
        spec = self.form.request().spec
        self.recipient.allow_general(spec.recipient is Recipient.OPTIONAL)
        self.per_person.setVisible(self.recipient.mode is RecipientMode.SELECTION)
        self.banner.clear_message()
        self._update_buttons()
        self._update_note()
        self._request_preview()

    def _ready_for_one(self) -> bool:
        mode = self.recipient.mode
        return mode is RecipientMode.GENERAL or (
            mode is RecipientMode.CITIZEN and self.recipient.citizen_id is not None
        )

    def _update_buttons(self) -> None:
        role = self._session.role
        idle = not self.runner.running
        one = self.recipient.mode is not RecipientMode.SELECTION
        self.print_button.setVisible(one)
        self.save_button.setVisible(one)
        self.batch_button.setVisible(not one)
        can_issue = is_allowed(role, Action.NOTICE_ISSUE)
        self.print_button.setEnabled(idle and can_issue and self._ready_for_one())
        self.save_button.setEnabled(idle and can_issue and self._ready_for_one())
        count = self.recipient.selection_count
        if count is None:
            self.batch_button.setText(self.tr("Issue for the selection…"))
        else:
            self.batch_button.setText(self.tr("Issue for %n citizen(s)…", "", count.total))
        self.batch_button.setEnabled(
            idle and is_allowed(role, Action.NOTICE_BATCH) and count is not None and count.total > 0
        )

    def _update_note(self) -> None:
        mode = self.recipient.mode
        count = self.recipient.selection_count
        if mode is RecipientMode.SELECTION and count is not None and count.total:
            self.preview_note.setText(
                self.tr("Preview of the first of %n notice(s); each citizen gets their own.", "", count.total)
            )
            self.preview_note.show()
        else:
            self.preview_note.hide()

    # ----------------------------------------------------------------------------------------
    # Preview

    def _request_preview(self) -> None:
        request = self.form.request()
        mode = self.recipient.mode
        citizen_id: str | None = None
        if mode is RecipientMode.CITIZEN:
            citizen_id = self.recipient.citizen_id
            if citizen_id is None:
                self.renderer.cancel()
                self.preview.clear(self.tr("Pick a citizen to see the notice."))
                return
        elif mode is RecipientMode.SELECTION:
            count = self.recipient.selection_count
            if count is None:
                self.renderer.cancel()
                self.preview.show_message(self.tr("Counting the citizens of the selection…"))
                return
            if not count.first_id:
                self.renderer.cancel()
                self.preview.clear(self.tr("No citizen matches this selection."))
                return
            citizen_id = count.first_id
        session = self._session
        self.renderer.request(preview_maker(session, request, citizen_id))

    def _preview_ready(self, result: PreviewResult) -> None:
        self.last_preview = result
        self.preview.show_pages(result.pages)

    def _preview_failed(self, message: str) -> None:
        self.preview.show_message(message)

    def wait_for_preview(self, timeout_ms: int = 10_000) -> bool:
        """Block until the preview being made is shown (tests)."""
        return self.renderer.wait(timeout_ms)

    # ----------------------------------------------------------------------------------------
    # Issuing

    def _check(self, request: NoticeRequest, *, batch: bool) -> bool:
        """Whether the notice can be issued now; if not, the banner says what is missing."""
        if self.runner.running:
            self.banner.show_info(self.tr("Wait for the notices being issued to finish."))
            return False
        if batch != (self.recipient.mode is RecipientMode.SELECTION):
            return False  # the button for this is hidden; a shortcut must not issue the wrong thing
        problem = self.form.missing_message(request)
        if problem is not None:
            self.banner.show_error(problem)
            return False
        if not batch and not self._ready_for_one():
            self.banner.show_error(self.tr("Pick the citizen the notice is for first."))
            return False
        self.banner.clear_message()
        return True

    def _track(self, task: Task | None) -> Task | None:
        """Keep the issuing buttons off while ``task`` runs, so one click issues one notice."""
        if task is not None:
            task.ended.connect(self._update_buttons)
            self._update_buttons()
        return task

    def print_notice(self) -> Task | None:
        """Issue the notice and print it through the system print dialog (Ctrl+P)."""
        request = self.form.request()
        if not self._check(request, batch=False):
            return None
        return self._track(self.delivery.print_with_dialog(request, self._recipients()))

    def print_to(self, printer: QPrinter) -> Task | None:
        """Issue the notice and print it on ``printer`` without asking."""
        request = self.form.request()
        if not self._check(request, batch=False):
            return None
        return self._track(self.delivery.print_to(printer, request, self._recipients()))

    def save_pdf(self) -> Task | None:
        """Issue the notice and save it where the officer chooses."""
        request = self.form.request()
        if not self._check(request, batch=False):
            return None
        return self._track(self.delivery.save_with_dialog(request, self._recipients()))

    def save_as(self, path: Path) -> Task | None:
        """Issue the notice into the PDF file ``path``."""
        request = self.form.request()
        if not self._check(request, batch=False):
            return None
        return self._track(self.delivery.save_as(path, request, self._recipients()))

    def issue_batch(self) -> Task | None:
        """Issue the notice for every citizen of the selection, into a PDF or a folder chosen now."""
        request = self.form.request()
        if not self._check(request, batch=True):
            return None
        target = self.delivery.ask_batch_target(request, per_person=self.per_person.isChecked())
        return None if target is None else self.issue_batch_to(target)

    def issue_batch_to(self, target: Path) -> Task | None:
        """Issue the notice for every citizen of the selection into ``target`` (a file, or a folder
        when "one PDF per person" is ticked)."""
        request = self.form.request()
        if not self._check(request, batch=True):
            return None
        count = self.recipient.selection_count
        task = self.delivery.issue_batch(
            target,
            request,
            self.recipient.selection(),
            per_person=self.per_person.isChecked(),
            total=count.total if count else None,
        )
        return self._track(task)

    def _delivered(self, text: str) -> None:
        self.summary.setText(text)

    def stop_work(self, timeout_ms: int = 30_000) -> bool:
        """Cancel a batch in progress (it rolls back) and the preview, and wait for both (before a lock)."""
        self.runner.cancel_all()
        self.renderer.cancel()
        done = self.runner.wait(timeout_ms)
        return self.renderer.wait(timeout_ms) and done

    # ----------------------------------------------------------------------------------------

    def edit_embassy_details(self) -> EmbassyDetailsDialog:
        """Open the embassy details notices print (administrators)."""
        dialog = EmbassyDetailsDialog(self._session, self)
        dialog.accepted.connect(self._changed)
        self.embassy_dialog = dialog
        dialog.open()
        return dialog
