"""QR codes for notices: what they carry (a tel: link, the embassy as a vCard) and how they are drawn.

The codes are made by segno (a maintained QR encoder); this module only draws them, fast.
"""

from __future__ import annotations

import functools
import re

import segno
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


def tel_uri(phone: str) -> str:
    """``tel:+82...`` for a phone number as people write it."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}"


def _vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def vcard(*, name: str, phone: str, hotline: str, email: str, address: str) -> str:
    """The embassy as a vCard 3.0 that a phone adds to its contacts."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_escape(name)}", f"ORG:{_vcard_escape(name)}"]
    if phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{tel_uri(phone)[4:]}")
    if hotline:
        lines.append(f"TEL;TYPE=CELL,VOICE:{tel_uri(hotline)[4:]}")
    if email:
        lines.append(f"EMAIL:{_vcard_escape(email)}")
    if address:
        lines.append(f"ADR;TYPE=WORK:;;{_vcard_escape(address)};;;;")
    lines.append("END:VCARD")
    return "\r\n".join(lines)


# Error correction M as before: segno would otherwise raise the level when the code's size allows
# (boost_error), which would change the codes' look for nothing a reader needs. Text goes in byte mode as
# UTF-8 (as reportlab's encoder wrote it), never Kanji mode, which segno would pick for pure Cyrillic.
_ERROR = "m"
_QUIET = 4  # modules of light margin on each side, drawn inside the given square
_DARK_RUN = re.compile(b"\x01+")


@functools.lru_cache(maxsize=8)
def _rows(payload: str) -> tuple[bytes, ...]:
    """The code's rows (one byte per module, 1 dark), made once per process per payload: every page of
    a run prints the same embassy vCard, and each language's page of a notice the same link."""
    code = segno.make(payload, error=_ERROR, boost_error=False, micro=False, encoding="utf-8")
    return tuple(bytes(row) for row in code.matrix)


def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``payload``'s QR code (error correction M), without the quiet zone; made by segno."""
    return tuple(tuple(bool(m) for m in row) for row in _rows(payload))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code in a ``size`` square at (x, y), quiet zone of four modules included; dark runs of
    a row become one rectangle each, so the code is a single small path. The rectangles are written
    in module units under one transformation (whole numbers, no per-number formatting by reportlab):
    a notice with a personal link draws a code on every page."""
    rows = _rows(payload)
    count = len(rows)
    module = size / (count + 2 * _QUIET)
    parts = [
        f"{run.start()} {count - 1 - r} {run.end() - run.start()} 1 re"
        for r, row in enumerate(rows)
        for run in _DARK_RUN.finditer(row)
    ]
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.transform(module, 0, 0, module, x + _QUIET * module, y + _QUIET * module)
    canvas.addLiteral("\n".join(parts) + "\nf")
    canvas.restoreState()


class QrFlowable(Flowable):  # type: ignore[misc]
    """A QR code as a platypus flowable (for tables)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.width)
