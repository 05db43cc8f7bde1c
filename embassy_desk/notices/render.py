"""Laying notices out on paper with reportlab.

Speed comes from drawing what is the same on every page once: the header and footer of a language, a
letter's title, a body that merges no personal field, the static side of a card with its QR code are
each a reportlab form (a PDF XObject) made once per document and placed on every page that needs it.
Only what differs per person (name, address, reference number, page number) is drawn per page, with
plain text calls that never read markup. Bodies that do merge personal fields are laid out per notice
through the same code path (the form cache simply misses).

Every string from records goes through :func:`fonts.markup` (escaped, one font per script run) or is
drawn as plain text, so ``<b>O'Neil & Sons</b>`` prints exactly as written (SECURITY.md promise 22).
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table, TableStyle

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.notices import fonts
from embassy_desk.notices.fonts import Face, markup, primary_face, string_width
from embassy_desk.notices.kinds import KindSpec, Layout, Qr, kind_spec
from embassy_desk.notices.link_panel import CHECKIN_URL, CheckinPanel, LinkSlot
from embassy_desk.notices.qr import QrFlowable, draw_qr
from embassy_desk.notices.templates import Block, Template, TemplateBundle, load_bundle
from embassy_desk.notices.text import fill

# Binary (Flate only) streams: a quarter smaller and faster to write than ASCII85.
rl_config.useA85 = 0

PAPERS = {"a4": A4, "letter": LETTER}
CARD_W, CARD_H = 85.6 * mm, 54 * mm
_MARGIN_X, _MARGIN_TOP, _MARGIN_BOTTOM = 20 * mm, 14 * mm, 16 * mm
_GREY = colors.Color(0.35, 0.35, 0.35)
_LIGHT = colors.Color(0.75, 0.75, 0.75)
_BODY_CACHE_SIZE = 16


def paper_size(paper: str) -> tuple[float, float]:
    """Width and height in points of ``a4`` or ``letter``."""
    try:
        width, height = PAPERS[paper.casefold()]
        return float(width), float(height)
    except KeyError:
        raise ValidationError("paper", Msg("notice.bad_paper", paper=paper)) from None


@dataclass(frozen=True)
class NoticeData:
    """One notice: its reference, languages (first is the main one) and fields merged per language."""

    reference: str
    languages: tuple[str, ...]
    values: Mapping[str, Mapping[str, str]]  # language -> field -> text
    personal: bool = True  # addressed to someone (the greeting names them)


@dataclass(frozen=True)
class RenderJob:
    """What is the same for every notice of one run."""

    kind: str
    paper: str
    sources: Mapping[str, str]  # template sources (see TemplateBundle)
    languages: tuple[str, ...]  # every language any notice of the run uses
    qr_payload: str = ""
    title: str = ""  # PDF metadata title (never personal data)

    def bundle(self) -> TemplateBundle:
        return load_bundle(self.kind, self.languages, sources=self.sources)


# --- plain text drawing ---------------------------------------------------------------------------


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    face: Face,
    size: float,
    *,
    bold: bool = False,
    align: str = "left",
    max_width: float | None = None,
    color: colors.Color | None = None,
) -> None:
    """Draw one line as plain text (never markup), switching fonts per script; shrink to ``max_width``."""
    if not text:
        return
    width = string_width(text, face, size, bold=bold)
    if max_width and width > max_width:
        size, width = size * max_width / width, max_width
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    text_object = canvas.beginText(x, y)
    if color is not None:
        text_object.setFillColor(color)
    for run_face, piece in fonts.runs(text, face):
        text_object.setFont(run_face.bold if bold else run_face.regular, size)
        text_object.textOut(piece)
    canvas.drawText(text_object)


def wrap_lines(text: str, face: Face, size: float, width: float, max_lines: int) -> list[str]:
    """Greedy word wrap of plain text; the last line is kept whole and shrunk when drawn."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and string_width(candidate, face, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        if current:
            lines.append(current)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return lines


def _reference(notice: NoticeData, values: Mapping[str, str]) -> str:
    """The reference as printed: the merged one, which a preview replaces with its label."""
    return values.get("reference") or notice.reference


# --- styles ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    face: Face
    body: ParagraphStyle
    heading: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    state: ParagraphStyle
    post: ParagraphStyle
    code: ParagraphStyle
    card_statement: ParagraphStyle


@functools.lru_cache(maxsize=8)
def _styles(language: str) -> _Styles:
    face = primary_face(language)
    base = ParagraphStyle("body", fontName=face.regular, fontSize=10.5, leading=14.5, spaceAfter=5)
    return _Styles(
        face=face,
        body=base,
        heading=ParagraphStyle("heading", parent=base, fontName=face.bold, fontSize=11.5, spaceBefore=4),
        bullet=ParagraphStyle(
            "bullet", parent=base, leftIndent=14, bulletIndent=3, bulletFontName=face.regular, spaceAfter=3
        ),
        small=ParagraphStyle("small", parent=base, fontSize=9, leading=12, spaceAfter=0),
        title=ParagraphStyle(
            "title", parent=base, fontName=face.bold, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        state=ParagraphStyle(
            "state", parent=base, fontName=face.bold, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        post=ParagraphStyle(
            "post", parent=base, fontSize=10.5, leading=13, alignment=TA_CENTER, spaceAfter=0
        ),
        code=ParagraphStyle(
            "code",
            parent=base,
            fontName=face.bold,
            fontSize=15,
            leading=20,
            alignment=TA_CENTER,
            spaceAfter=0,
        ),
        card_statement=ParagraphStyle(
            "card", parent=base, fontName=face.bold, fontSize=7.8, leading=9.6, spaceAfter=0
        ),
    )


def _para(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """A paragraph that prints ``text`` literally, bold when asked or when the style is bold."""
    face = fonts.HANGUL if style.fontName.startswith(fonts.HANGUL.regular) else fonts.LATIN_CYRILLIC
    return Paragraph(markup(text, face, bold=bold or style.fontName == face.bold), style)


# --- the renderer ---------------------------------------------------------------------------------


class _WithNext(Flowable):  # type: ignore[misc]
    """A heading and the start of the block under it, moved to the next page together; a block
    too long for the page is split below the heading as it would be alone."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._sizes: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [part.wrap(avail_width, avail_height)[1] for part in self.parts]
        self.width = avail_width
        self.height = sum(self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, size in zip(self.parts, self._sizes, strict=True):
            y -= size
            part.drawOn(self.canv, 0, y)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        *heads, last = self.parts
        room = avail_height - sum(part.wrap(avail_width, avail_height)[1] for part in heads)
        pieces = last.split(avail_width, room) if room > 0 else []
        if len(pieces) < 2:
            return []
        return [_WithNext([*heads, pieces[0]]), *pieces[1:]]


@dataclass
class _LetterGeometry:
    header_bottom: float
    title_form: str
    body_top_first: float
    body_top_next: float
    greeting_lines: int


@dataclass
class _Notice:
    """One language version of a notice, ready to draw."""

    language: str
    template: Template
    values: Mapping[str, str]
    body_pages: list[str] = field(default_factory=list)


class Renderer:
    """Draws notices of one :class:`RenderJob` into one PDF, reusing forms across notices."""

    def __init__(self, job: RenderJob, out: BinaryIO) -> None:
        fonts.ensure_fonts()
        self.job = job
        self.spec: KindSpec = kind_spec(job.kind)
        self.bundle = job.bundle()
        self.width, self.height = paper_size(job.paper)
        # The initial font is ours too, or every page would name an unembedded Helvetica.
        self.canvas = Canvas(
            out,
            pagesize=(self.width, self.height),
            invariant=1,
            pageCompression=1,
            initialFontName=fonts.LATIN_CYRILLIC.regular,
            initialFontSize=10,
        )
        self.canvas.setTitle(job.title or job.kind)
        self.canvas.setAuthor("Embassy Desk")
        self.canvas.setCreator("Embassy Desk")
        self._forms: set[str] = set()
        self._geometry: dict[str, _LetterGeometry] = {}
        self._bodies: OrderedDict[str, list[str]] = OrderedDict()
        self._geometry_header: dict[str, float] = {}
        self._card_slot = 0
        self._building = ""  # the body form being laid out
        self._link_slots: dict[str, LinkSlot] = {}  # body form -> where its page's link goes

    # -- shared pieces

    def _form(self, name: str, draw: Callable[[], None]) -> str:
        if name not in self._forms:
            self.canvas.beginForm(name)
            draw()
            self.canvas.endForm()
            self._forms.add(name)
        return name

    def _qr(self, x: float, y: float, size: float) -> None:
        if self.job.qr_payload and self.spec.qr is not Qr.NONE:
            draw_qr(self.canvas, self.job.qr_payload, x, y, size)

    def _place_link(self, slot: LinkSlot) -> None:
        self._link_slots[self._building] = slot

    # -- letters

    def _header(self, language: str, template: Template, values: Mapping[str, str]) -> str:
        def draw() -> None:
            st = _styles(language)
            c = self.canvas
            top = self.height - _MARGIN_TOP
            inner = self.width - 2 * _MARGIN_X
            y = top
            for para in (
                _para(template.state_name, st.state),
                _para(values.get("post_name", ""), st.post),
            ):
                _, h = para.wrap(inner, self.height)
                para.drawOn(c, _MARGIN_X, y - h)
                y -= h + 2
            contacts = " · ".join(
                v
                for v in (values.get("post_address"), values.get("post_phone"), values.get("post_email"))
                if v
            )
            draw_text(
                c, self.width / 2, y - 9, contacts, st.face, 8, align="center", max_width=inner, color=_GREY
            )
            y -= 14
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            c.line(_MARGIN_X, y, self.width - _MARGIN_X, y)
            c.setLineWidth(0.3)
            c.line(_MARGIN_X, y - 2, self.width - _MARGIN_X, y - 2)
            self._geometry_header[language] = y - 2
            foot = _MARGIN_BOTTOM - 4 * mm
            c.setStrokeColor(_LIGHT)
            c.line(_MARGIN_X, foot + 10, self.width - _MARGIN_X, foot + 10)
            hotline = values.get("post_hotline", "")
            line = values.get("post_name", "")
            if hotline:
                line = f"{line} · {template.labels['hotline']}: {hotline}"
            draw_text(c, _MARGIN_X, foot, line, st.face, 7, max_width=inner * 0.7, color=_GREY)

        return self._form(f"hdr-{language}", draw)

    def _letter_geometry(
        self, language: str, template: Template, values: Mapping[str, str]
    ) -> _LetterGeometry:
        geometry = self._geometry.get(language)
        if geometry is not None:
            return geometry
        self._header(language, template, values)
        header_bottom = self._geometry_header[language]
        st = _styles(language)
        inner = self.width - 2 * _MARGIN_X
        title = _para(fill(template.title, values), st.title)
        _, title_height = title.wrap(inner, self.height)
        title_top = header_bottom - 8 * mm - 22 * mm  # below the addressee and reference block

        def draw_title() -> None:
            title.drawOn(self.canvas, _MARGIN_X, title_top - title_height)

        title_form = self._form(f"title-{language}", draw_title)
        greeting_lines = 2 if (template.greeting or template.greeting_general) else 0
        body_top_first = title_top - title_height - 5 * mm - greeting_lines * 14.5
        geometry = _LetterGeometry(
            header_bottom=header_bottom,
            title_form=title_form,
            body_top_first=body_top_first,
            body_top_next=header_bottom - 6 * mm,
            greeting_lines=greeting_lines,
        )
        self._geometry[language] = geometry
        return geometry

    def _flowables(self, language: str, template: Template, values: Mapping[str, str]) -> list[Flowable]:
        st = _styles(language)
        out: list[Flowable] = []
        held: list[Flowable] = []  # a heading waits for the block under it: never alone at a page's foot
        for block in template.body:
            flowables = self._block(block, st, template, values)
            if block.kind == "heading":
                held.extend(flowables)
                continue
            if held:
                out.append(_WithNext([*held, *flowables[:2]]))
                flowables, held = flowables[2:], []
            out.extend(flowables)
        out.extend(held)
        return out

    def _block(
        self, block: Block, st: _Styles, template: Template, values: Mapping[str, str]
    ) -> list[Flowable]:
        inner = self.width - 2 * _MARGIN_X
        if block.kind == "heading":
            return [_para(fill(block.text, values), st.heading)]
        if block.kind == "text":
            return [_para(fill(block.text, values), st.body)]
        if block.kind == "bullets":
            return [
                Paragraph(markup(fill(item, values), st.face), st.bullet, bulletText="•")
                for item in block.items
            ]
        if block.kind == "code":
            return [Spacer(1, 4), self._code(fill(block.text, values), st, inner), Spacer(1, 8)]
        if block.kind == "fields":
            rows = [
                [_para(fill(label, values), st.small, bold=True), _para(fill(value, values), st.small)]
                for label, value in block.pairs
            ]
            table = Table(rows, colWidths=[inner * 0.36, inner * 0.64])
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), st.face.regular),
                        ("GRID", (0, 0), (-1, -1), 0.4, _LIGHT),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("TOPPADDING", (0, 0), (-1, -1), 4),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ]
                )
            )
            return [Spacer(1, 3), table, Spacer(1, 8)]
        if block.kind == "contacts":
            return [Spacer(1, 4), self._contacts(block, st, template, values, inner), Spacer(1, 8)]
        if block.kind == "signature":
            return self._signature(block, st, template, values, inner)
        if block.kind == "checkin":
            # Only a notice that carries a link shows the panel (none: check-in off, a general notice).
            if not values.get(CHECKIN_URL):
                return []
            texts = [fill(s, values) for s in (block.text, *block.items)]
            panel = CheckinPanel(
                _para(texts[0], st.heading), [_para(t, st.small) for t in texts[1:]], self._place_link
            )
            return [Spacer(1, 8), panel, Spacer(1, 4)]
        raise ValidationError("template", Msg("notice.unknown_block", kind=block.kind))

    def _code(self, code: str, st: _Styles, inner: float) -> Flowable:
        """A secret code, one character per fixed-width cell so that it reads aloud group by group."""
        cells = [_para(ch, st.code) for ch in code]
        widths = [8.0 if ch == "-" else min(14.0, inner / max(len(code), 1)) for ch in code]
        table = Table([cells], colWidths=widths, hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st.face.regular),
                    ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return table

    def _contacts(
        self, block: Block, st: _Styles, template: Template, values: Mapping[str, str], inner: float
    ) -> Flowable:
        labels = template.labels
        rows = [
            [_para(labels[key], st.small, bold=True), _para(values.get(field_name, ""), st.small)]
            for key, field_name in (
                ("address", "post_address"),
                ("phone", "post_phone"),
                ("hotline", "post_hotline"),
                ("email", "post_email"),
            )
            if values.get(field_name)
        ]
        if block.text:
            rows.insert(0, [_para(fill(block.text, values), st.small, bold=True), ""])
        qr_size = 30 * mm
        show_qr = bool(self.job.qr_payload) and self.spec.qr is not Qr.NONE
        details = Table(
            rows or [[""]], colWidths=[inner * 0.22, inner * 0.78 - (qr_size + 6 if show_qr else 0)]
        )
        details.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st.face.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("SPAN", (0, 0), (-1, 0)) if block.text else ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        if not show_qr:
            return details
        outer = Table(
            [[details, QrFlowable(self.job.qr_payload, qr_size)]],
            colWidths=[None, qr_size + 6],
        )
        outer.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st.face.regular),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.5, _LIGHT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return outer

    def _signature(
        self, block: Block, st: _Styles, template: Template, values: Mapping[str, str], inner: float
    ) -> list[Flowable]:
        labels = template.labels
        official = fill(block.text, values) if block.text else labels["official"]
        rows = [
            [_para(official, st.small, bold=True), "", _para(labels["seal"], st.small)],
            [_para(values.get("post_name", ""), st.small), "", ""],
            ["", _para(labels["signature"], st.small), ""],
        ]
        table = Table(rows, colWidths=[inner * 0.45, inner * 0.35, inner * 0.2])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st.face.regular),
                    ("LINEABOVE", (1, 2), (1, 2), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 2), (-1, 2), 2),
                    ("ALIGN", (1, 2), (1, 2), "CENTER"),
                ]
            )
        )
        return [Spacer(1, 14 * mm), table]

    def _body_pages(self, language: str, template: Template, values: Mapping[str, str]) -> list[str]:
        """Lay the body out into one form per page; identical bodies are laid out once."""
        geometry = self._letter_geometry(language, template, values)
        # The key is the merged wording itself: a body that merges no personal field is the same for
        # every notice of a run and is laid out once; the QR payload is the same for the whole run.
        # Whether the notice has a check-in panel is part of the layout; its URL is not (drawn per page).
        with_link = "link" if values.get(CHECKIN_URL) else ""
        key_source = "\x00".join(
            [
                language,
                with_link,
                *(
                    fill(s, values)
                    for b in template.body
                    if with_link or b.kind != "checkin"
                    for s in b.strings()
                ),
            ]
        )
        key = hashlib.sha256(key_source.encode("utf-8")).hexdigest()[:24]
        cached = self._bodies.get(key)
        if cached is not None:
            self._bodies.move_to_end(key)
            return cached
        flowables = self._flowables(language, template, values)
        pages: list[str] = []
        bottom = _MARGIN_BOTTOM + 4 * mm
        width = self.width - 2 * _MARGIN_X
        while flowables:
            top = geometry.body_top_first if not pages else geometry.body_top_next
            name = f"body-{key}-{len(pages)}"
            frame = Frame(
                _MARGIN_X,
                bottom,
                width,
                top - bottom,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            self.canvas.beginForm(name)
            self._building = name
            frame.addFromList(flowables, self.canvas)
            self._building = ""
            self.canvas.endForm()
            self._forms.add(name)
            pages.append(name)
            if frame._atTop:  # nothing fitted on an empty frame
                raise ValidationError("template", Msg("notice.block_too_big"))
            if len(pages) > 50:
                raise ValidationError("template", Msg("notice.too_many_pages"))
        self._bodies[key] = pages
        if len(self._bodies) > _BODY_CACHE_SIZE:
            self._bodies.popitem(last=False)
        return pages

    def _draw_letter_page(
        self, part: _Notice, index: int, page_no: int, pages: int, notice: NoticeData
    ) -> None:
        c = self.canvas
        template, values, language = part.template, part.values, part.language
        geometry = self._letter_geometry(language, template, values)
        face = primary_face(language)
        c.doForm(f"hdr-{language}")
        labels = template.labels
        if index == 0:
            top = geometry.header_bottom - 8 * mm
            half = (self.width - 2 * _MARGIN_X) * 0.55
            if notice.personal and values.get("full_name"):
                draw_text(c, _MARGIN_X, top - 4, values["full_name"], face, 11.5, bold=True, max_width=half)
                lines = wrap_lines(values.get("address", ""), face, 9.5, half, 3)
                for n, line in enumerate(lines):
                    draw_text(c, _MARGIN_X, top - 18 - n * 12, line, face, 9.5, max_width=half)
            right = self.width - _MARGIN_X
            draw_text(
                c,
                right,
                top - 4,
                f"{labels['reference']}: {_reference(notice, values)}",
                face,
                9.5,
                align="right",
            )
            draw_text(
                c, right, top - 17, f"{labels['date']}: {values.get('date', '')}", face, 9.5, align="right"
            )
            c.doForm(geometry.title_form)
            greeting = template.greeting if notice.personal else template.greeting_general
            if greeting:
                greeting = fill(greeting, values)
                y = geometry.body_top_first + geometry.greeting_lines * 14.5 - 10.5
                for n, line in enumerate(wrap_lines(greeting, face, 11, self.width - 2 * _MARGIN_X, 2)):
                    draw_text(
                        c, _MARGIN_X, y - n * 14.5, line, face, 11, max_width=self.width - 2 * _MARGIN_X
                    )
        c.doForm(part.body_pages[index])
        slot = self._link_slots.get(part.body_pages[index])
        if slot is not None and values.get(CHECKIN_URL):
            slot.draw(c, values[CHECKIN_URL])
        foot = _MARGIN_BOTTOM - 4 * mm
        right = self.width - _MARGIN_X
        marker = _reference(notice, values)
        if pages > 1:
            marker = f"{marker} · " + fill(labels["page"], {"page": str(page_no), "pages": str(pages)})
        draw_text(c, right, foot, marker, face, 7, align="right", color=_GREY)
        c.showPage()

    def letter(self, notice: NoticeData) -> int:
        """Draw one letter-format notice (every language version); return its page count."""
        parts = []
        for language in notice.languages:
            template = self.bundle.templates[language]
            values = notice.values[language]
            part = _Notice(language, template, values)
            part.body_pages = self._body_pages(language, template, values)
            parts.append(part)
        total = sum(len(p.body_pages) for p in parts)
        page_no = 0
        for part in parts:
            for index in range(len(part.body_pages)):
                page_no += 1
                self._draw_letter_page(part, index, page_no, total, notice)
        return total

    # -- cards

    def _card_side(self, language: str, template: Template, values: Mapping[str, str]) -> str:
        def draw() -> None:
            c = self.canvas
            st = _styles(language)
            face = st.face
            texts = {k: fill(v, values) for k, v in template.texts.items()}
            pad = 3.5 * mm
            inner = CARD_W - 2 * pad
            top = CARD_H - pad
            c.setStrokeColor(_LIGHT)
            c.setLineWidth(0.4)
            c.roundRect(0.6, 0.6, CARD_W - 1.2, CARD_H - 1.2, 2.5 * mm)
            draw_text(c, pad, top - 6, template.state_name, face, 6, bold=True, max_width=inner, color=_GREY)
            draw_text(c, pad, top - 15, fill(template.title, values), face, 8, bold=True, max_width=inner)
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.5)
            c.line(pad, top - 18.5, CARD_W - pad, top - 18.5)
            draw_text(c, pad, top - 36, texts["nationality"], face, 6.5, max_width=inner)
            draw_text(c, pad, top - 44.5, texts["passport_label"], face, 6.5, color=_GREY)
            qr_size = 17 * mm
            statement = Paragraph(markup(texts["statement"], face, bold=True), st.card_statement)
            text_width = inner - qr_size - 2 * mm
            _, h = statement.wrap(text_width, CARD_H)
            statement.drawOn(c, pad, top - 53 - h)
            embassy = [texts["embassy_label"], values.get("post_phone", ""), values.get("post_hotline", "")]
            lines = [line for line in (embassy[0], " · ".join(v for v in embassy[1:] if v)) if line]
            for n, line in enumerate(lines):
                draw_text(c, pad, pad + 9 - n * 7.5, line, face, 6.2, bold=n == 1, max_width=text_width)
            self._qr(CARD_W - pad - qr_size + 1.5 * mm, pad - 1.5 * mm, qr_size)

        return self._form(f"card-{language}", draw)

    def _card_sheet_marks(self, origin_x: float, rows_top: float, rows: int) -> None:
        c = self.canvas
        c.saveState()
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.3)
        xs = (origin_x, origin_x + CARD_W, origin_x + 2 * CARD_W)
        ys = [rows_top - r * CARD_H for r in range(rows + 1)]
        mark, gap = 5 * mm, 2 * mm
        bottom = ys[-1]
        for x in xs:
            c.setDash(2, 2) if x == xs[1] else c.setDash()
            c.line(x, rows_top + gap, x, rows_top + gap + mark)
            c.line(x, bottom - gap, x, bottom - gap - mark)
        c.setDash()
        for y in ys:
            c.line(xs[0] - gap - mark, y, xs[0] - gap, y)
            c.line(xs[-1] + gap, y, xs[-1] + gap + mark, y)
        c.restoreState()

    def _card_rows(self) -> int:
        return int((self.height - 2 * 12 * mm) // CARD_H)

    def card(self, notice: NoticeData) -> int:
        """Place one fold-over card (front: first language, back: second) on the current sheet."""
        languages = (
            notice.languages if len(notice.languages) > 1 else (*notice.languages, notice.languages[0])
        )
        front, back = languages[0], languages[1]
        sides = [
            (self._card_side(lang, self.bundle.templates[lang], notice.values[lang]), lang)
            for lang in (front, back)
        ]
        rows = self._card_rows()
        origin_x = (self.width - 2 * CARD_W) / 2
        rows_top = self.height - (self.height - rows * CARD_H) / 2
        row = self._card_slot
        y = rows_top - (row + 1) * CARD_H
        c = self.canvas
        if row == 0:
            self._card_sheet_marks(origin_x, rows_top, rows)
        for column, (form, lang) in enumerate(sides):
            x = origin_x + column * CARD_W
            c.saveState()
            c.translate(x, y)
            c.doForm(form)
            values = notice.values[lang]
            face = primary_face(lang)
            pad = 3.5 * mm
            top = CARD_H - pad
            template = self.bundle.templates[lang]
            draw_text(
                c,
                pad,
                top - 28,
                values.get("full_name", ""),
                face,
                9.5,
                bold=True,
                max_width=CARD_W - 2 * pad,
            )
            label_width = string_width(template.texts["passport_label"], face, 6.5) + 3
            draw_text(c, pad + label_width, top - 44.5, values.get("passport_number", ""), face, 7, bold=True)
            draw_text(c, pad, 2.2 * mm, _reference(notice, values), face, 4.5, color=_GREY)
            c.restoreState()
        self._card_slot += 1
        if self._card_slot == rows:
            self._end_card_sheet()
        return 1

    def _end_card_sheet(self) -> None:
        if self._card_slot:
            self.canvas.showPage()
            self._card_slot = 0

    # -- driving

    def add(self, notice: NoticeData) -> int:
        """Draw one notice; return the pages it took (cards: sheets are shared, each counts 1)."""
        if self.spec.layout is Layout.CARD:
            return self.card(notice)
        return self.letter(notice)

    def finish(self) -> None:
        if self.spec.layout is Layout.CARD:
            self._end_card_sheet()
        self.canvas.save()


def render(job: RenderJob, notices: Iterable[NoticeData], out: BinaryIO) -> list[int]:
    """Render ``notices`` into one PDF written to ``out``; return the pages of each notice."""
    renderer = Renderer(job, out)
    pages = [renderer.add(notice) for notice in notices]
    renderer.finish()
    return pages
