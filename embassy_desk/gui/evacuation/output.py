"""What leaves the screen for a flight: the manifest as a PDF (saved, or printed), the carrier's CSV,
and the boarding notices. Each runs on the task runner so the window never freezes; the file dialog
comes first, so closing it writes nothing. File names suggested carry the flight number only, never
a person's name."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.file_dialogs import Purpose, save_file
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.notices.printing import prepare_printer, print_pdf
from embassy_desk.gui.tasks import Progress, Task, TaskRunner, Work
from embassy_desk.services import evacuation
from embassy_desk.services.evacuation import Flight
from embassy_desk.services.session import Session

MANIFEST_LANGUAGES = ("en", "ru", "kk")


def file_stem(flight: Flight) -> str:
    """A safe file name part from the flight's number (KC 910 -> KC-910)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", f"{flight.carrier} {flight.number}").strip("-") or "flight"


def manifest_language() -> str:
    """The manifest prints in the window's language (English when the window speaks another)."""
    language = current_language()
    return language if language in MANIFEST_LANGUAGES else "en"


@dataclass(frozen=True)
class Saved:
    path: Path
    count: int  # pages, passengers or notices, as the action says


@dataclass(frozen=True)
class Printed:
    pages: int
    printer: str


class ManifestOutput(QObject):
    """Runs the output work for the evacuation screen and says, plainly, what happened."""

    delivered = Signal(str)  # the summary, for the screen's message line

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._window = parent
        self.last_summary = ""

    # ----------------------------------------------------------------------------------------
    # The manifest as a PDF

    def ask_pdf(self, flight: Flight) -> Path | None:
        answer = save_file(
            self._window,
            Purpose.NOTICE_PDF,
            self.tr("Save the manifest as PDF"),
            f"manifest-{file_stem(flight)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return None if answer is None else _with_suffix(answer[0], ".pdf")

    def save_pdf(self, flight: Flight, path: Path) -> Task:
        session, language = self._session, manifest_language()

        def work(_progress: Progress) -> Saved:
            return Saved(path, evacuation.print_manifest(session, flight.id, path, language=language))

        task = self._start(work, self.tr("Printing the manifest"))
        task.finished.connect(
            lambda saved: self._say(
                self.tr("Manifest saved: {pages} page(s) in {path}.").format(
                    pages=format_number(saved.count), path=saved.path
                )
            )
        )
        return task

    def print_with_dialog(self, flight: Flight) -> Task | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, paper="a4", title=self.tr("Manifest {number}").format(number=flight.number))
        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print the manifest"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(flight, printer)

    def print_to(self, flight: Flight, printer: QPrinter) -> Task:
        """Print the manifest on ``printer`` (already set up) without asking."""
        session, language = self._session, manifest_language()
        name = printer.printerName() or printer.outputFileName()

        def work(progress: Progress) -> Printed:
            # The PDF waits in a private folder removed after printing: it holds passport numbers.
            with tempfile.TemporaryDirectory(prefix="embassy-desk-") as folder:
                target = Path(folder) / "manifest.pdf"
                evacuation.print_manifest(session, flight.id, target, language=language)
                data = target.read_bytes()
            return Printed(print_pdf(data, printer, progress), name)

        task = self._start(work, self.tr("Printing the manifest"))
        task.finished.connect(
            lambda printed: self._say(
                self.tr("Sent {pages} page(s) of the manifest to {printer}.").format(
                    pages=format_number(printed.pages), printer=printed.printer or self.tr("the printer")
                )
            )
        )
        return task

    # ----------------------------------------------------------------------------------------
    # The carrier's CSV

    def ask_csv(self, flight: Flight) -> Path | None:
        answer = save_file(
            self._window,
            Purpose.EXPORT,
            self.tr("Export the manifest for the carrier"),
            f"manifest-{file_stem(flight)}.csv",
            self.tr("CSV files (*.csv)"),
        )
        return None if answer is None else _with_suffix(answer[0], ".csv")

    def export_csv(self, flight: Flight, path: Path) -> Task:
        session = self._session

        def work(_progress: Progress) -> Saved:
            return Saved(path, evacuation.export_manifest_csv(session, flight.id, path))

        task = self._start(work, self.tr("Exporting the manifest"))
        task.finished.connect(
            lambda saved: self._say(
                self.tr("Exported {count} passenger(s) for the carrier to {path}.").format(
                    count=format_number(saved.count), path=saved.path
                )
            )
        )
        return task

    # ----------------------------------------------------------------------------------------
    # Boarding notices

    def ask_notices_pdf(self, flight: Flight) -> Path | None:
        answer = save_file(
            self._window,
            Purpose.NOTICE_PDF,
            self.tr("Save the boarding notices as PDF"),
            f"boarding-{file_stem(flight)}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        return None if answer is None else _with_suffix(answer[0], ".pdf")

    def issue_notices(self, flight: Flight, path: Path, languages: Sequence[str]) -> Task:
        session, chosen = self._session, list(languages)

        def work(_progress: Progress) -> Saved:
            return Saved(path, evacuation.issue_boarding_notices(session, flight.id, path, languages=chosen))

        task = self._start(work, self.tr("Issuing boarding notices"))
        task.finished.connect(self._notices_issued)
        return task

    def _notices_issued(self, saved: Saved) -> None:
        notify(DataChange(frozenset({Kind.NOTICES}), origin=self))
        self._say(
            self.tr("Boarding notices issued for {count} passenger(s), saved to {path}.").format(
                count=format_number(saved.count), path=saved.path
            )
        )

    # ----------------------------------------------------------------------------------------

    def _start(self, work: Work, title: str) -> Task:
        return self._runner.start(work, title=title, cancellable=False)

    def _say(self, text: str) -> None:
        self.last_summary = text
        self.delivered.emit(text)


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.casefold() == suffix else path.with_name(f"{path.name}{suffix}")
