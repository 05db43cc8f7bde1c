"""Issuing notices and handing them over: to a printer, to a PDF file, or a batch for a selection.

Every way out of the screen issues first (the notice is recorded and audited by the service) and runs
on the task runner, so the window never freezes and long work shows progress with Cancel. The print
dialog and the file dialog come before anything is issued: closing them issues nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from embassy_desk.gui.file_dialogs import Purpose, existing_folder, save_file
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.notices.labels import kind_label
from embassy_desk.gui.notices.printing import prepare_printer, print_pdf
from embassy_desk.gui.notices.request import NoticeRequest
from embassy_desk.gui.tasks import Progress, Task, TaskRunner, Work
from embassy_desk.services import notices
from embassy_desk.services.notices import IssueResult, Selection
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class Printed:
    """What a print run issued and sent to the printer."""

    references: list[str]
    pages: int
    printer: str


def _references(references: Sequence[str]) -> str:
    if len(references) == 1:
        return references[0]
    return f"{references[0]} … {references[-1]}"


def issue_pdf(
    session: Session, request: NoticeRequest, citizen_ids: Sequence[str]
) -> tuple[list[str], bytes]:
    """Issue the notice (one, general, or one per listed citizen) and return its references and PDF."""
    if len(citizen_ids) <= 1:
        issued, data = notices.issue_one(
            session,
            kind=request.kind,
            languages=list(request.languages),
            citizen_id=citizen_ids[0] if citizen_ids else None,
            params=dict(request.params),
            paper=request.paper,
        )
        return [issued.reference], data
    # Several at once are one batch; its PDF waits in a private (0700) folder removed after printing.
    with tempfile.TemporaryDirectory(prefix="embassy-desk-") as folder:
        target = Path(folder) / "notices.pdf"
        result = notices.issue(
            session,
            kind=request.kind,
            languages=list(request.languages),
            target=target,
            selection=Selection(citizen_ids=tuple(citizen_ids)),
            params=dict(request.params),
            paper=request.paper,
        )
        return result.references, target.read_bytes()


class NoticeDelivery(QObject):
    """Runs the issuing work for a view or dialog and tells the officer, plainly, what happened."""

    delivered = Signal(str)  # the summary shown at the end

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._window = parent
        self.task: Task | None = None
        self.last_summary = ""

    # ----------------------------------------------------------------------------------------
    # Printing

    def print_with_dialog(self, request: NoticeRequest, citizen_ids: Sequence[str]) -> Task | None:
        """Ask for a printer with the system print dialog, then issue and print; None if closed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, paper=request.paper, title=kind_label(request.kind))
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print notice"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer, request, citizen_ids)

    def print_to(self, printer: QPrinter, request: NoticeRequest, citizen_ids: Sequence[str]) -> Task:
        """Issue and print on ``printer`` (already set up) without asking anything."""
        issued: list[str] = []
        session = self._session
        name = printer.printerName() or printer.outputFileName()

        def work(progress: Progress) -> Printed:
            references, data = issue_pdf(session, request, citizen_ids)
            issued.extend(references)
            return Printed(references, print_pdf(data, printer, progress), name)

        task = self._start(work, self.tr("Printing notices"))
        task.finished.connect(self._printed)
        task.cancelled.connect(lambda: self._print_cancelled(issued))
        return task

    def _printed(self, result: Printed) -> None:
        self._say(
            self.tr("Issued {count} notice(s), {references}, and sent {pages} page(s) to {printer}.").format(
                count=format_number(len(result.references)),
                references=_references(result.references),
                pages=format_number(result.pages),
                printer=result.printer or self.tr("the printer"),
            )
        )

    def _print_cancelled(self, issued: list[str]) -> None:
        if issued:
            text = self.tr(
                "Printing was cancelled. The notice(s) {references} stay recorded as issued; "
                "print them again from the record's notices."
            ).format(references=_references(issued))
        else:
            text = self.tr("Cancelled: no notice was issued.")
        self._say(text)

    # ----------------------------------------------------------------------------------------
    # Saving

    def save_with_dialog(self, request: NoticeRequest, citizen_ids: Sequence[str]) -> Task | None:
        """Ask where to save the PDF, then issue into it; None if the file dialog was closed."""
        path = self._ask_file(request)
        return None if path is None else self.save_as(path, request, citizen_ids)

    def save_as(self, path: Path, request: NoticeRequest, citizen_ids: Sequence[str]) -> Task:
        """Issue into the PDF file ``path`` (written privately and atomically by the service)."""
        selection = Selection(citizen_ids=tuple(citizen_ids)) if citizen_ids else None
        return self._issue_into(path, request, selection, per_person=False, total=max(len(citizen_ids), 1))

    # ----------------------------------------------------------------------------------------
    # Batches

    def ask_batch_target(self, request: NoticeRequest, *, per_person: bool) -> Path | None:
        """The PDF file, or with ``per_person`` the folder, a batch goes to; None if closed."""
        if not per_person:
            return self._ask_file(request)
        return existing_folder(
            self._window, Purpose.NOTICE_FOLDER, self.tr("Folder for the notices (one PDF each)")
        )

    def issue_batch(
        self,
        target: Path,
        request: NoticeRequest,
        selection: Selection,
        *,
        per_person: bool,
        total: int | None,
    ) -> Task:
        """Issue a notice to everyone ``selection`` names, into ``target``, with progress and Cancel."""
        return self._issue_into(target, request, selection, per_person=per_person, total=total)

    def _issue_into(
        self,
        target: Path,
        request: NoticeRequest,
        selection: Selection | None,
        *,
        per_person: bool,
        total: int | None,
    ) -> Task:
        session = self._session

        def work(progress: Progress) -> IssueResult:
            return notices.issue(
                session,
                kind=request.kind,
                languages=list(request.languages),
                target=target,
                selection=selection,
                params=dict(request.params),
                per_person=per_person,
                paper=request.paper,
                progress=lambda done, _total: progress(done),
            )

        task = self._start(work, self.tr("Issuing notices"), total=total)
        task.finished.connect(self._issued)
        task.cancelled.connect(
            lambda: self._say(self.tr("Cancelled: no notice was issued and no file was written."))
        )
        return task

    def _issued(self, result: IssueResult) -> None:
        where = (
            self.tr("one PDF per person in {folder}").format(folder=result.target)
            if result.files
            else str(result.target)
        )
        self._say(
            self.tr("Issued {count} notice(s) ({pages} page(s)), {references}, saved to {where}.").format(
                count=format_number(result.notices),
                pages=format_number(result.pages),
                references=_references(result.references),
                where=where,
            )
        )

    # ----------------------------------------------------------------------------------------

    def _ask_file(self, request: NoticeRequest) -> Path | None:
        # The suggested name carries the kind only: file names must not hold personal data.
        answer = save_file(
            self._window,
            Purpose.NOTICE_PDF,
            self.tr("Save notice as PDF"),
            f"{request.kind}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if answer is None:
            return None
        path = answer[0]
        return path if path.suffix.casefold() == ".pdf" else path.with_name(f"{path.name}.pdf")

    def _start(self, work: Work, title: str, *, total: int | None = None) -> Task:
        self.task = self._runner.start(work, title=title, total=total)
        return self.task

    def _say(self, text: str) -> None:
        # Said once, in the line the screen or dialog keeps for it (it stays to be read again); a
        # message box on top repeated the same words and had to be clicked away.
        self.last_summary = text
        self.delivered.emit(text)
