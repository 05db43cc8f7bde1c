"""QR codes for notices: what they carry (a tel: link, the embassy as a vCard) and how they are drawn."""

from __future__ import annotations

import functools
import re

from reportlab.graphics.barcode import qrencoder
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


@functools.lru_cache(maxsize=8)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``payload``'s QR code (error correction M), computed once per process:
    reportlab's encoder takes most of a second, and a batch places the same code on every page."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(count)) for r in range(count))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code in a ``size`` square at (x, y), quiet zone of four modules included; dark runs of
    a row become one rectangle each, so the code is a single small path."""
    matrix = qr_matrix(payload)
    count = len(matrix)
    module = size / (count + 8)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 4) * module
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                path.rect(x + (start + 4) * module, top - module, (c - start) * module, module)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
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
