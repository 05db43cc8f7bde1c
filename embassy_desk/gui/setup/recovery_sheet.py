"""The recovery sheet (the notices package's PDF): saved where the person chooses, or printed.

Printing sends the very PDF that "Save as PDF" writes, rasterised page by page for the printer, so
paper and file never differ.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from embassy_desk.gui.notices.printing import prepare_printer, print_pdf
from embassy_desk.notices import recovery_sheet_pdf


def sheet_pdf(post_name: str, recovery_code: str, created: datetime, *, lang: str) -> bytes:
    """The recovery sheet as PDF bytes, in ``lang``."""
    return recovery_sheet_pdf(post_name, recovery_code, created, lang=lang)


def print_sheet_to(printer: QPrinter, pdf: bytes) -> int:
    """Print the sheet on a printer already chosen; returns the pages printed."""
    return print_pdf(pdf, printer)


def print_sheet(parent: QWidget | None, pdf: bytes) -> bool:
    """Ask for a printer with the system print dialog and print the sheet; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, paper="a4", title="recovery-sheet")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("recovery_sheet", "Print recovery sheet"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_sheet_to(printer, pdf)
    return True


def write_sheet_pdf(target: Path, pdf: bytes) -> Path:
    """Write the sheet where the person chose, readable only by this OS user."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf)
    return target
