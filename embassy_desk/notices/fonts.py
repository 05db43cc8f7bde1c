"""The shipped TrueType fonts, registered once per process, and text split into runs by glyph coverage.

Noto Sans covers Latin, Russian and Kazakh Cyrillic; Nanum Gothic covers Hangul. A line may mix scripts
(a Korean page quoting a Cyrillic name), so text is cut into runs, each set in the first font that has
every glyph of the run. reportlab embeds only the glyphs used (subsets).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from embassy_desk.resources import fonts_dir


@dataclass(frozen=True)
class Face:
    """A font family as registered with reportlab."""

    regular: str
    bold: str
    regular_file: str
    bold_file: str


LATIN_CYRILLIC = Face("EDNotoSans", "EDNotoSans-Bold", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
HANGUL = Face("EDNanumGothic", "EDNanumGothic-Bold", "NanumGothic.ttf", "NanumGothicBold.ttf")
# First font that has a character wins: Noto for Latin and Cyrillic (Nanum lacks the Kazakh letters).
FALLBACK_ORDER = (LATIN_CYRILLIC, HANGUL)
_lock = threading.Lock()
_registered: set[str] = set()
_coverage: dict[str, frozenset[int]] = {}
_latin_cyrillic_chars: frozenset[str] = frozenset()


def _register(face: Face) -> None:
    with _lock:
        if face.regular in _registered:
            return
        folder = fonts_dir()
        pdfmetrics.registerFont(TTFont(face.regular, str(folder / face.regular_file)))
        pdfmetrics.registerFont(TTFont(face.bold, str(folder / face.bold_file)))
        pdfmetrics.registerFontFamily(
            face.regular, normal=face.regular, bold=face.bold, italic=face.regular, boldItalic=face.bold
        )
        font = pdfmetrics.getFont(face.regular)
        _coverage[face.regular] = frozenset(font.face.charToGlyph)
        if face is LATIN_CYRILLIC:
            global _latin_cyrillic_chars
            _latin_cyrillic_chars = frozenset(map(chr, _coverage[face.regular]))
        _registered.add(face.regular)


def ensure_fonts() -> None:
    """Register every shipped font (cheap after the first call)."""
    for face in FALLBACK_ORDER:
        _register(face)


def primary_face(language: str) -> Face:
    """The font family a page in ``language`` is set in."""
    return HANGUL if language == "ko" else LATIN_CYRILLIC


def _covers(face: Face, codepoint: int) -> bool:
    return codepoint in _coverage[face.regular]


def _face_for(char: str, current: Face | None, preferred: Face) -> Face:
    if char.isspace():
        return current or preferred
    # Latin, Cyrillic and digits always in Noto (Nanum's ASCII would make "<" look like "〈"); Hangul
    # and whatever else Noto lacks in the first font that has it.
    code = ord(char)
    for face in FALLBACK_ORDER:
        if _covers(face, code):
            return face
    return preferred  # no shipped font has it; the preferred font shows its missing-glyph box


def runs(text: str, preferred: Face) -> Iterator[tuple[Face, str]]:
    """Consecutive pieces of ``text`` with the font family that can show each of them."""
    ensure_fonts()
    if _latin_cyrillic_chars.issuperset(text):  # the common case, decided in C
        if text:
            yield LATIN_CYRILLIC, text
        return
    current: Face | None = None
    start = 0
    for i, char in enumerate(text):
        face = _face_for(char, current, preferred)
        if face is not current:
            if current is not None and i > start:
                yield current, text[start:i]
            current, start = face, i
    if current is not None and start < len(text):
        yield current, text[start:]


def markup(text: str, preferred: Face, *, bold: bool = False) -> str:
    """Paragraph markup that prints ``text`` literally: escaped, with a font switch per script run.

    Nothing in ``text`` is ever read as markup (SECURITY.md promise 22).
    """
    pieces = []
    for face, piece in runs(text, preferred):
        escaped = escape(piece).replace("\n", "<br/>")
        name = face.bold if bold else face.regular
        pieces.append(f'<font face="{name}">{escaped}</font>')
    return "".join(pieces)


def string_width(text: str, preferred: Face, size: float, *, bold: bool = False) -> float:
    """Width in points of ``text`` set with font fallback."""
    return sum(
        float(pdfmetrics.stringWidth(piece, face.bold if bold else face.regular, size))
        for face, piece in runs(text, preferred)
    )
