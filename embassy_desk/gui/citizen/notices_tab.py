"""The record's "notices issued" tab: what was handed to this person, and the same notice again.

"Print again…" and "Save again as PDF…" give the notice exactly as it was issued (same words,
reference and date, even if the record or the templates changed since), from the notices service's
``reprint``, which audits every copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RecordTab
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.notices.labels import kind_label
from embassy_desk.gui.notices.printing import prepare_printer, print_pdf
from embassy_desk.gui.tasks import Progress, Task, TaskRunner, Work
from embassy_desk.gui.widgets import named
from embassy_desk.services import notices
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


@dataclass(frozen=True)
class IssuedNoticeRow:
    """What the tab shows of one issued notice."""

    reference: str
    kind: str
    language: str
    issued_at: str
    issued_by: str


def issued_notices(session: Session, citizen_id: str) -> list[IssuedNoticeRow]:
    """Notices issued to a citizen, newest first."""
    return [
        IssuedNoticeRow(n.reference, n.kind, ", ".join(n.languages), n.issued_at, n.issued_by)
        for n in notices.list_issued(session, citizen_id=citizen_id)
    ]


class NoticesTab(RecordTab[IssuedNoticeRow]):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, citizen_id, parent)
        self.runner = TaskRunner(self)
        self.task: Task | None = None
        self.print_button = named(QPushButton(self), "reprintButton")
        self.save_button = named(QPushButton(self), "resaveButton")
        self.status = named(QLabel(self), "reprintStatus")
        self.status.setWordWrap(True)
        may_reprint = is_allowed(session.role, Action.NOTICE_ISSUE)
        self.buttons.addWidget(self.status, 1)
        for button, act in ((self.print_button, self.print_again), (self.save_button, self.save_again)):
            button.setVisible(may_reprint)
            button.clicked.connect(act)
            self.buttons.addWidget(button)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers(
            [self.tr("Issued"), self.tr("Reference"), self.tr("Kind"), self.tr("Language"), self.tr("By")]
        )
        self.print_button.setText(self.tr("&Print again…"))
        self.save_button.setText(self.tr("Save again as P&DF…"))
        super().retranslate()

    def none_text(self) -> str:
        return self.tr("No notice has been issued to this person.")

    def read(self) -> list[IssuedNoticeRow]:
        return issued_notices(self._session, self._citizen_id)

    def row(self, item: IssuedNoticeRow) -> tuple[str, list[str]]:
        return item.reference, [
            display_time(item.issued_at),
            item.reference,
            kind_label(item.kind),
            item.language,
            self.staff_name(item.issued_by),
        ]

    def show_items(self) -> None:
        super().show_items()
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected_reference() is not None and self.task is None
        self.print_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    def selected_reference(self) -> str | None:
        """The reference of the selected notice, if one is selected."""
        return self.table.row_id() if self.table.selectedItems() else None

    # -- the same notice again ---------------------------------------------------------------------
    def print_again(self) -> Task | None:
        """Ask for a printer, then print the selected notice as it was issued; None if closed."""
        reference = self.selected_reference()
        if reference is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, paper="A4", title=reference)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print notice again"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_again_to(printer)

    def print_again_to(self, printer: QPrinter) -> Task | None:
        """Print the selected notice on ``printer`` (already set up) without asking anything."""
        reference = self.selected_reference()
        if reference is None:
            return None
        session = self._session

        def work(progress: Progress) -> int:
            return print_pdf(notices.reprint(session, reference), printer, progress)

        task = self._start(work, self.tr("Printing notice again"))
        task.finished.connect(
            lambda pages: self._say(
                self.tr("Notice {reference} printed again ({pages} page(s)).").format(
                    reference=reference, pages=pages
                )
            )
        )
        return task

    def save_again(self) -> Task | None:
        """Ask where, then save the selected notice as it was issued; None if closed."""
        reference = self.selected_reference()
        if reference is None:
            return None
        answer = save_file(
            self,
            Purpose.NOTICE_PDF,
            self.tr("Save notice again as PDF"),
            f"{reference}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return self.save_again_as(answer[0]) if answer is not None else None

    def save_again_as(self, path: Path) -> Task | None:
        """Save the selected notice, as it was issued, to ``path``."""
        reference = self.selected_reference()
        if reference is None:
            return None
        session = self._session

        def work(_progress: Progress) -> Path:
            path.write_bytes(notices.reprint(session, reference))
            return path

        task = self._start(work, self.tr("Saving notice again"))
        task.finished.connect(
            lambda saved: self._say(
                self.tr("Notice {reference} saved again to {path}.").format(reference=reference, path=saved)
            )
        )
        return task

    def _start(self, work: Work, title: str) -> Task:
        task = self.runner.start(work, title=title)
        self.task = task
        task.ended.connect(self._ended)
        self._update_buttons()
        return task

    def _ended(self) -> None:
        self.task = None
        self._update_buttons()

    def _say(self, text: str) -> None:
        self.status.setText(text)
