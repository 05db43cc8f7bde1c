"""Printing a notice's PDF on a QPrinter: each page rasterised by pdfium at the printer's resolution
and painted in bands, so a 1200 dpi printer never needs a whole page in memory at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg
from embassy_desk.gui.notices.pdf_pages import POINTS_PER_INCH, page_sizes, render_page

# Toner does not resolve finer than this; a 1200 dpi raster would only make print jobs four times larger.
MAX_PRINT_DPI = 600
BAND_ROWS = 1024  # pixel rows rendered at a time (an A4 band at 600 dpi is about 20 MB)
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def prepare_printer(printer: QPrinter, *, paper: str, title: str) -> None:
    """Offer the notice's own paper and name in the print dialog, and print edge to edge."""
    printer.setPageSize(QPageSize(PAPERS.get(paper.casefold(), QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(title)


def print_dpi(printer: QPrinter) -> int:
    """The resolution pages are rasterised at for ``printer``."""
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def print_pdf(pdf: bytes, printer: QPrinter, progress: Callable[[int], None] | None = None) -> int:
    """Print every page of ``pdf``; returns the number printed. ``progress(pages_done)`` may raise
    to stop, and the print job is then aborted rather than half sent."""
    sizes = page_sizes(pdf)
    resolution = printer.resolution()
    dpi = print_dpi(printer)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise EmbassyDeskError(Msg("print.not_started"))
    try:
        paper = printer.pageLayout().fullRectPoints()
        band = BAND_ROWS * POINTS_PER_INCH / dpi
        for index, size in enumerate(sizes):
            if index and not printer.newPage():
                raise EmbassyDeskError(Msg("print.stopped"))
            # An A4 notice printed on Letter (or the reverse) shrinks to fit rather than losing an edge.
            fit = min(paper.width() / size.width, paper.height() / size.height, 1.0)
            if fit > 0.99:
                fit = 1.0
            painter.save()
            painter.scale(fit * resolution / dpi, fit * resolution / dpi)
            row = 0
            while row * POINTS_PER_INCH / dpi < size.height:
                top = row * POINTS_PER_INCH / dpi
                image = render_page(pdf, index, dpi, top=top, bottom=min(size.height, top + band))
                painter.drawImage(QPointF(0.0, float(row)), image)
                row += BAND_ROWS
            painter.restore()
            if progress is not None:
                progress(index + 1)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return len(sizes)
