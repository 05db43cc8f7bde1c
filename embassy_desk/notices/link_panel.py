"""The check-in panel of a notice (issue 14): "tell us you are safe", the person's link and its QR code.

The panel's frame and words are the same on every notice of a run, so they are laid out once inside the
cached body form (render.py); only the URL and its QR code differ per person. The panel therefore
records where on the page its link goes (a :class:`LinkSlot`) while the body form is drawn, and the
renderer draws the URL and the code there on each page, as it draws the name and the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from embassy_desk.notices import fonts
from embassy_desk.notices.qr import draw_qr

#: The merged field holding the person's check-in URL (never part of a template's wording).
CHECKIN_URL = "checkin_url"

_PAD = 4 * mm
_QR = 32 * mm  # ~0.8 mm a module for a 33-module code: read by any phone camera at arm's length
_GAP = 5 * mm
_URL_SIZE = 10.5
_URL_LINE = 18.0
_FILL = colors.Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class LinkSlot:
    """Where a page's link goes, in page coordinates."""

    qr_x: float
    qr_y: float
    qr_size: float
    url_x: float
    url_y: float  # baseline
    url_width: float

    def draw(self, canvas: Canvas, url: str) -> None:
        """The URL (plain text, one line, shrunk to fit: it must extract and read as one piece) and
        its QR code."""
        face = fonts.LATIN_CYRILLIC
        size = _URL_SIZE
        width = fonts.string_width(url, face, size, bold=True)
        if width > self.url_width:
            size *= self.url_width / width
        text = canvas.beginText(self.url_x, self.url_y)
        text.setFont(face.bold, size)
        text.textOut(url)
        canvas.drawText(text)
        draw_qr(canvas, url, self.qr_x, self.qr_y, self.qr_size)


class CheckinPanel(Flowable):  # type: ignore[misc]
    """A framed panel: room for the QR code on the left; heading, texts and the URL's line on the right.

    ``place`` is told the panel's :class:`LinkSlot` when it is drawn (into a body form).
    """

    def __init__(
        self, heading: Paragraph, texts: Sequence[Paragraph], place: Callable[[LinkSlot], None]
    ) -> None:
        super().__init__()
        self.heading = heading
        self.texts = list(texts)
        self.place = place
        self._text_height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        column = self._column_width()
        self._text_height = sum(p.wrap(column, available_height)[1] for p in (self.heading, *self.texts))
        inner = max(_QR, self._text_height + 6 + _URL_LINE)
        self.height = inner + 2 * _PAD
        return self.width, self.height

    def _column_width(self) -> float:
        return float(self.width - 2 * _PAD - _QR - _GAP)

    def draw(self) -> None:
        c = self.canv
        column = self._column_width()
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(1.2)
        c.roundRect(0, 0, self.width, self.height, 2 * mm)
        x = _PAD + _QR + _GAP
        y = self.height - _PAD
        for paragraph in (self.heading, *self.texts):
            _, h = paragraph.wrap(column, self.height)
            paragraph.drawOn(c, x, y - h)
            y -= h
        # The address's own line: a light band the URL is printed on.
        band_top = y - 4
        c.setFillColor(_FILL)
        c.roundRect(x - 2, band_top - _URL_LINE, column + 2, _URL_LINE, 1.5 * mm, stroke=0, fill=1)
        c.restoreState()
        # Inside a form the page is the coordinate system: the flowable's origin is the translation.
        origin_x, origin_y = c._currentMatrix[4], c._currentMatrix[5]
        self.place(
            LinkSlot(
                qr_x=origin_x + _PAD,
                qr_y=origin_y + (self.height - _QR) / 2,
                qr_size=_QR,
                url_x=origin_x + x + 2,
                url_y=origin_y + band_top - _URL_LINE + 5.5,
                url_width=column - 4,
            )
        )
