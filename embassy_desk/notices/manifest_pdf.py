"""The printed evacuation manifest: a table document (landscape A4) for the carrier and the assembly point.

The first page starts with the flight (carrier, number, from, to, departure, seats, assembly point); then
the numbered passengers with what carriers ask for (name as in the passport, sex, date of birth,
nationality, document, expiry), their family group, priority, boarding status and passport flag in words;
then the waiting list in order. Every page carries the flight in its running head and "page N of M" in
its foot. Headings are in English, Russian or Kazakh; names and values from records are set with the
shipped fonts (Latin, Cyrillic with the Kazakh letters, Hangul) and never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from embassy_desk.domain.messages import Msg, render
from embassy_desk.notices import fonts
from embassy_desk.notices.fonts import LATIN_CYRILLIC, markup
from embassy_desk.notices.render import draw_text

LANGUAGES = ("en", "ru", "kk")
PAGE = landscape(A4)
_MARGIN = 12 * mm
_GREY = colors.Color(0.4, 0.4, 0.4)
_RULE = colors.Color(0.7, 0.7, 0.7)
_SHADE = colors.Color(0.93, 0.93, 0.93)
_FLAG = colors.Color(0.7, 0.05, 0.05)
# Column widths in mm: No., name, sex, birth, nationality, document, expiry, family, priority, status, flag.
_WIDTHS = (10, 55, 17, 22, 22, 26, 26, 15, 28, 22, 24)


@dataclass(frozen=True)
class SheetFlight:
    """The flight as the header prints it (values already formatted)."""

    bus: bool
    carrier: str
    number: str
    origin: str
    destination: str
    departs: str
    seats: str
    assembly_point: str


@dataclass(frozen=True)
class SheetRow:
    """One person as a line of the table (values already formatted; codes for priority, status, flag)."""

    seq: int
    surname_latin: str
    given_names_latin: str
    full_name: str  # as written at home (Cyrillic), shown under the passport name
    sex: str
    birth_date: str
    nationality: str
    document_number: str
    document_expiry: str
    family: str
    priority: str  # EvacPriority value
    status: str  # PassengerStatus value
    passport_flag: str  # PassportFlag value or ""


# Tables set a font per cell; theirs must be the shipped one too (never an unembedded Helvetica).
_BASE: list[tuple[Any, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONTNAME", (0, 0), (-1, -1), LATIN_CYRILLIC.regular),
]


def _t(code: str, language: str, **params: Any) -> str:
    return render(Msg(code, **params), language)


class _Styles:
    def __init__(self) -> None:
        fonts.ensure_fonts()
        face = LATIN_CYRILLIC.regular
        self.title = ParagraphStyle("title", fontName=face, fontSize=15, leading=19, spaceAfter=3 * mm)
        self.heading = ParagraphStyle(
            "heading", fontName=face, fontSize=11.5, leading=15, spaceBefore=4 * mm, spaceAfter=2 * mm
        )
        self.cell = ParagraphStyle("cell", fontName=face, fontSize=8.5, leading=10.5)
        self.head = ParagraphStyle("head", fontName=face, fontSize=8, leading=10, textColor=colors.black)
        self.small = ParagraphStyle("small", fontName=face, fontSize=7.5, leading=9, textColor=_GREY)
        self.flag = ParagraphStyle("flag", parent=self.cell, textColor=_FLAG)
        self.note = ParagraphStyle("note", fontName=face, fontSize=8, leading=10, textColor=_GREY)


def _p(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    return Paragraph(markup(text, LATIN_CYRILLIC, bold=bold), style)


def _header(flight: SheetFlight, language: str, s: _Styles) -> list[Any]:
    title = _t("evac.pdf.title_bus" if flight.bus else "evac.pdf.title", language)
    pairs = [
        ("evac.pdf.carrier", flight.carrier),
        ("evac.pdf.number", flight.number),
        ("evac.pdf.from", flight.origin),
        ("evac.pdf.to", flight.destination),
        ("evac.pdf.departs", flight.departs),
        ("evac.pdf.seats", flight.seats),
    ]
    cells = [[_p(_t(code, language), s.small), _p(value, s.cell, bold=True)] for code, value in pairs]
    row = [item for pair in cells for item in pair]
    widths = [w * mm for value in (24, 18, 18, 18, 28, 12) for w in (23, value)]
    details = Table([row], colWidths=widths, hAlign="LEFT")
    details.setStyle(TableStyle([*_BASE, ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    assembly = Table(
        [[_p(_t("evac.pdf.assembly", language), s.small), _p(flight.assembly_point, s.cell, bold=True)]],
        colWidths=[23 * mm, sum(widths) - 23 * mm],
        hAlign="LEFT",
    )
    assembly.setStyle(TableStyle([*_BASE, ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    return [_p(title, s.title, bold=True), details, Spacer(1, 1.5 * mm), assembly]


def _table(rows: Sequence[SheetRow], language: str, s: _Styles) -> Table:
    heads = (
        "evac.pdf.seq",
        "evac.pdf.name",
        "evac.pdf.sex",
        "evac.pdf.birth",
        "evac.pdf.nationality",
        "evac.pdf.document",
        "evac.pdf.expiry",
        "evac.pdf.household",
        "evac.pdf.priority",
        "evac.pdf.status",
        "evac.pdf.flag",
    )
    data: list[list[Any]] = [[_p(_t(code, language), s.head, bold=True) for code in heads]]
    for r in rows:
        latin = " ".join(p for p in (r.surname_latin, r.given_names_latin) if p)
        name: list[Any] = [_p(latin or r.full_name, s.cell, bold=True)]
        if r.full_name and latin:
            name.append(_p(r.full_name, s.small))
        flag = _t(f"evac.flag.{r.passport_flag}", language) if r.passport_flag else ""
        data.append(
            [
                _p(str(r.seq), s.cell),
                name,
                _p(r.sex, s.cell),
                _p(r.birth_date, s.cell),
                _p(r.nationality, s.cell),
                _p(f"P {r.document_number}" if r.document_number else "—", s.cell),
                _p(r.document_expiry, s.cell),
                _p(r.family, s.cell),
                _p(_t(f"evac.priority.{r.priority}", language), s.cell),
                _p(_t(f"evac.status.{r.status}", language), s.cell),
                _p(flag, s.flag, bold=True),
            ]
        )
    table = Table(data, colWidths=[w * mm for w in _WIDTHS], repeatRows=1, hAlign="LEFT")
    style = [
        *_BASE,
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, _RULE),
        ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    table.setStyle(TableStyle(style))
    return table


def _numbered_canvas(running_head: str, foot: str, language: str) -> type[Canvas]:
    """A canvas that keeps its pages until the end so each can say "page N of M"."""

    class Numbered(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Never the unembedded Helvetica reportlab starts a page with.
            kwargs["initialFontName"] = LATIN_CYRILLIC.regular
            kwargs["initialFontSize"] = 10
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(n, total)
                super().showPage()
            super().save()

        def _decorate(self, page: int, pages: int) -> None:
            width, height = PAGE
            face = LATIN_CYRILLIC
            draw_text(self, _MARGIN + 6, height - 8 * mm, running_head, face, 8, color=_GREY)
            draw_text(self, _MARGIN + 6, 7 * mm, foot, face, 7.5, color=_GREY)
            text = _t("evac.pdf.page", language, page=page, pages=pages)
            draw_text(self, width - _MARGIN - 6, 7 * mm, text, face, 7.5, color=_GREY, align="right")

    return Numbered


def render_manifest(
    out: BinaryIO,
    flight: SheetFlight,
    passengers: Sequence[SheetRow],
    waiting: Sequence[SheetRow],
    *,
    language: str = "en",
    printed_at: str = "",
) -> int:
    """Write the manifest PDF to ``out`` and return its number of pages."""
    if language not in LANGUAGES:
        raise ValueError(language)
    s = _Styles()
    story: list[Any] = _header(flight, language, s)
    for code, rows in (("evac.pdf.passengers", passengers), ("evac.pdf.waiting", waiting)):
        story.append(_p(_t(code, language, count=len(rows)), s.heading, bold=True))
        story.append(_table(rows, language, s) if rows else _p(_t("evac.pdf.none", language), s.cell))
    story.append(Spacer(1, 3 * mm))
    story.append(_p(_t("evac.pdf.family_note", language), s.note))
    head = f"{flight.carrier} {flight.number} · {flight.origin} → {flight.destination} · {flight.departs}"
    foot = _t("evac.pdf.printed", language, at=printed_at) if printed_at else ""
    pages: list[int] = []
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=13 * mm,
        bottomMargin=13 * mm,
        title=_t("evac.pdf.title", language),
        author="Embassy Desk",
    )
    doc.build(
        story,
        canvasmaker=_numbered_canvas(head, foot, language),
        onLaterPages=lambda canvas, d: pages.append(d.page),
        onFirstPage=lambda canvas, d: pages.append(d.page),
    )
    return len(pages)
