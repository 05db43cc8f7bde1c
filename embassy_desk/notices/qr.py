"""QR codes for notices: what they carry (a tel: link, the embassy as a vCard) and how they are drawn."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

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


_FINDER_LIKE = re.compile("10111010000")  # the one orientation reportlab's rule 3 looks for
_RUNS = re.compile(r"0{5,}|1{5,}")


def _runs(lines: str) -> int:
    """Rule 1 over lines joined by newlines ('1' dark, '0' light): each run of five or more alike,
    3 + its length beyond five."""
    found = _RUNS.findall(lines)
    return sum(map(len, found)) - 2 * len(found)


def _finder_like(rows: str, n: int) -> int:
    """Rule 3 as reportlab counts it, over rows joined by newlines: 40 per finder-like pattern found
    left to right, not overlapping, never ending at a row's last module. (Its columns never match:
    it compares a tuple with a list there, so columns add nothing, and neither do they here.)"""
    return 40 * sum(1 for m in _FINDER_LIKE.finditer(rows) if m.end() % (n + 1) != n)


def _penalty(rows: list[str]) -> int:
    """``QRUtil.getLostPoint`` of a matrix, counted on strings and integers instead of per module."""
    n = len(rows)
    joined = "\n".join(rows)
    columns = "\n".join(map("".join, zip(*rows, strict=True)))
    score = _runs(joined) + _finder_like(joined, n) + _runs(columns)
    # Rule 2: 2x2 blocks of one colour, 3 each.
    full = (1 << (n - 1)) - 1
    values = [int(row, 2) for row in rows]
    for upper, lower in itertools.pairwise(values):
        dark = upper & (upper >> 1) & lower & (lower >> 1) & full
        light = ~upper & ~(upper >> 1) & ~lower & ~(lower >> 1) & full
        score += 3 * (dark.bit_count() + light.bit_count())
    # Rule 4: the share of dark modules away from half.
    dark_modules = joined.count("1")
    return score + 10 * (abs(100 * dark_modules // (n * n) - 50) // 5)


_LEVEL = qrencoder.QRErrorCorrectLevel.M


def _as_int(row: list[bool]) -> int:
    return int("".join("1" if m else "0" for m in row), 2)


@dataclass(frozen=True)
class _Layout:
    """What a QR code of one version looks like before any data: the same for every code of it."""

    size: int
    positions: tuple[tuple[int, int], ...]  # (col, row) of the data modules, in reportlab's order
    scored: tuple[int, ...]  # per row (bit ``size-1-col``): function patterns, format bits blank
    final: tuple[tuple[int, ...], ...]  # per mask: function patterns with that mask's format bits
    masks: tuple[tuple[int, ...], ...]  # per mask: the data modules it darkens


@functools.lru_cache(maxsize=16)
def _layout(version: int) -> _Layout:
    code = qrencoder.QRCode(version, _LEVEL)
    n = code.moduleCount = version * 4 + 17
    positions = tuple(code.dataPosIterator())
    data_bits = [0] * n
    for col, row in positions:
        data_bits[row] |= 1 << (n - 1 - col)

    def patterns(test: bool, mask: int) -> tuple[int, ...]:
        # reportlab's own steps of makeImpl, without the data.
        code.modules = [[False] * n for _ in range(n)]
        code.setupPositionProbePattern(0, 0)
        code.setupPositionProbePattern(n - 7, 0)
        code.setupPositionProbePattern(0, n - 7)
        code.setupPositionAdjustPattern()
        code.setupTimingPattern()
        code.setupTypeInfo(test, mask)
        if version >= 7:
            code.setupTypeNumber(test)
        return tuple(_as_int(row) & ~d for row, d in zip(code.modules, data_bits, strict=True))

    masks = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        rows = [0] * n
        for col, row in positions:
            if mask(row, col):
                rows[row] |= 1 << (n - 1 - col)
        masks.append(tuple(rows))
    return _Layout(n, positions, patterns(True, 0), tuple(patterns(False, m) for m in range(8)), tuple(masks))


@functools.lru_cache(maxsize=8)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The modules of ``payload``'s QR code (error correction M), computed once per process.

    The same code reportlab's encoder makes (its data, layout and choice of mask; a test compares them),
    several times faster: reportlab lays the whole code out again and scores it module by module for
    each of the eight masks, which took most of the time of a notice that prints a personal link.
    Here the layout of a version is made once per process, rows are integers, a mask flips the data
    bits of a row in one operation, and the score is counted on strings and integers."""
    code = qrencoder.QRCode(None, _LEVEL)
    code.addData(payload)
    version = code.calculate_version()
    layout = _layout(version)
    n = layout.size
    bits = code._dataBitIterator(qrencoder.QRCode.createData(version, _LEVEL, code.dataList))
    data = [0] * n
    for (col, row), dark in zip(layout.positions, bits, strict=False):
        if dark:
            data[row] |= 1 << (n - 1 - col)
    best, best_score = 0, -1
    for pattern, mask in enumerate(layout.masks):
        rows = [format(f | (d ^ m), f"0{n}b") for f, d, m in zip(layout.scored, data, mask, strict=True)]
        score = _penalty(rows)
        if best_score < 0 or score < best_score:
            best, best_score = pattern, score
    final = zip(layout.final[best], data, layout.masks[best], strict=True)
    return tuple(tuple(ch == "1" for ch in format(f | (d ^ m), f"0{n}b")) for f, d, m in final)


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
