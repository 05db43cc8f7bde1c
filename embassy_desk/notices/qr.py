"""QR codes for notices: what they carry (a tel: link, the embassy as a vCard) and how they are drawn."""

from __future__ import annotations

import functools
import itertools
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


_FINDER_LIKE = "10111010000"  # the one orientation reportlab's rule 3 looks for
_RUNS = re.compile(r"0{5,}|1{5,}")


def _runs(line: str) -> int:
    """Rule 1 for one row or column ('1' dark, '0' light): each run of five or more alike, 3 + its
    length beyond five."""
    return sum(len(m) - 2 for m in _RUNS.findall(line))


def _finder_like(row: str) -> int:
    """Rule 3 for one row as reportlab counts it: 40 per finder-like pattern found left to right, not
    overlapping, never at the row's last position. (Its columns never match: it compares a tuple
    with a list there, so columns add nothing, and neither do they here.)"""
    score = 0
    end = len(row) - 1
    j = row.find(_FINDER_LIKE, 0, end)
    while j >= 0:
        score += 40
        j = row.find(_FINDER_LIKE, j + len(_FINDER_LIKE), end)
    return score


def _penalty(rows: list[str]) -> int:
    """``QRUtil.getLostPoint`` of a matrix, counted on strings and integers instead of per module."""
    n = len(rows)
    columns = ["".join(col) for col in zip(*rows, strict=True)]
    score = sum(_runs(line) + _finder_like(line) for line in rows) + sum(_runs(line) for line in columns)
    # Rule 2: 2x2 blocks of one colour, 3 each.
    full = (1 << (n - 1)) - 1
    values = [int(row, 2) for row in rows]
    for upper, lower in itertools.pairwise(values):
        dark = upper & (upper >> 1) & lower & (lower >> 1) & full
        light = ~upper & ~(upper >> 1) & ~lower & ~(lower >> 1) & full
        score += 3 * (dark.bit_count() + light.bit_count())
    # Rule 4: the share of dark modules away from half.
    dark_modules = sum(row.count("1") for row in rows)
    return score + 10 * (abs(100 * dark_modules // (n * n) - 50) // 5)


@functools.lru_cache(maxsize=40)
def _mask_rows(version: int, positions: tuple[tuple[int, int], ...]) -> tuple[tuple[int, ...], ...]:
    """For each of the eight masks, per row, the data modules that mask darkens (bit ``n-1-col``)."""
    n = version * 4 + 17
    out = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        rows = [0] * n
        for col, row in positions:
            if mask(row, col):
                rows[row] |= 1 << (n - 1 - col)
        out.append(tuple(rows))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``payload``'s QR code (error correction M), computed once per process.

    The same code reportlab's encoder makes (its data, layout and choice of mask; a test compares them),
    several times faster: reportlab lays the whole code out again and scores it module by module for
    each of the eight masks, which took most of the time of a notice that prints a personal link.
    Here the layout is made once, rows are integers, a mask flips the data bits of a row in one
    operation, and the score is counted on strings and integers."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(True, 0)  # function patterns with blank format bits, as reportlab scores masks
    n = code.getModuleCount()
    positions = tuple(code.dataPosIterator())
    bits = code.dataBitIterator(code.dataCache)
    fixed = [int("".join("1" if m else "0" for m in row), 2) for row in code.modules]
    data = [0] * n
    for col, row in positions:
        bit = 1 << (n - 1 - col)
        fixed[row] &= ~bit  # a data module: not part of the fixed patterns
        if next(bits, False):
            data[row] |= bit
    best, best_score = 0, -1
    for pattern, mask in enumerate(_mask_rows(code.version, positions)):
        rows = [format(f | (d ^ m), f"0{n}b") for f, d, m in zip(fixed, data, mask, strict=True)]
        score = _penalty(rows)
        if best_score < 0 or score < best_score:
            best, best_score = pattern, score
    code.makeImpl(False, best)
    return tuple(tuple(bool(code.isDark(r, c)) for c in range(n)) for r in range(n))


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code in a ``size`` square at (x, y), quiet zone of four modules included; dark runs of
    a row become one rectangle each, so the code is a single small path. The rectangles are written
    in module units under one transformation (whole numbers, no per-number formatting by reportlab):
    a notice with a personal link draws a code on every page."""
    matrix = qr_matrix(payload)
    count = len(matrix)
    module = size / (count + 8)
    parts: list[str] = []
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                parts.append(f"{start} {count - 1 - r} {c - start} 1 re")
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.transform(module, 0, 0, module, x + 4 * module, y + 4 * module)
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
