"""PDF pages as pictures, through pdfium (PySide6-Essentials has no QtPdf).

pdfium is not thread-safe, and the preview renders on a worker while printing may run on another, so
every call into it holds one lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.messages import Msg

POINTS_PER_INCH = 72.0
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class PageSize:
    """A page's size in PDF points (1/72 inch)."""

    width: float
    height: float


def _open(pdf: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        raise EmbassyDeskError(Msg("print.not_pdf")) from None


def page_sizes(pdf: bytes) -> list[PageSize]:
    """The size of every page of ``pdf``."""
    with _PDFIUM:
        document = _open(pdf)
        try:
            sizes = []
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                page.close()
                sizes.append(PageSize(float(width), float(height)))
            return sizes
        finally:
            document.close()


def _to_image(bitmap: pdfium.PdfBitmap) -> QImage:
    # The buffer belongs to pdfium: copy it into an image that owns its pixels before closing it.
    view = QImage(
        bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    )
    return view.copy()


def render_page(
    pdf: bytes, index: int, dpi: float, *, top: float = 0.0, bottom: float | None = None
) -> QImage:
    """Page ``index`` at ``dpi``; with ``top``/``bottom`` (points from the top) only that band of it."""
    with _PDFIUM:
        document = _open(pdf)
        try:
            page = document[index]
            try:
                height = float(page.get_size()[1])
                crop = (0.0, height - bottom if bottom is not None else 0.0, 0.0, top)
                bitmap = page.render(
                    scale=dpi / POINTS_PER_INCH,
                    crop=crop,
                    rev_byteorder=True,
                    prefer_bgrx=True,
                )
                try:
                    return _to_image(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            document.close()


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of ``pdf`` at ``dpi`` (QImage may be made off the GUI thread, unlike QPixmap)."""
    return [render_page(pdf, index, dpi) for index in range(len(page_sizes(pdf)))]
