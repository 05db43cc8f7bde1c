"""Hostile files built for tests: an XLSX decompression bomb written without holding it in memory."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_CHUNK = 1 << 20


def _local_header(name: bytes, crc: int, packed: int, size: int) -> bytes:
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, packed, size, len(name), 0) + name


def _central_header(name: bytes, crc: int, packed: int, size: int, offset: int) -> bytes:
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            packed,
            size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )


def _deflate_repeated(head: bytes, fill: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of ``head + b"A" * fill + tail`` (fill a multiple of 1 MiB) and its CRC and size.

    After a full flush the compressor forgets what came before, so one compressed 1 MiB block of
    "A" can be repeated as many times as wanted: a 1 GB part costs 1 MB and no gigabyte of work.
    """
    chunk = b"A" * _CHUNK
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.compress(tail) + compressor.flush()
    count = fill // _CHUNK
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return start + block * count + end, crc, len(head) + count * _CHUNK + len(tail)


def write_zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> None:
    """Write a zip of already deflated parts: (name, raw deflate data, crc32, unpacked size)."""
    central = b""
    with path.open("wb") as out:
        for name, data, crc, size in parts:
            offset = out.tell()
            raw = name.encode()
            out.write(_local_header(raw, crc, len(data), size))
            out.write(data)
            central += _central_header(raw, crc, len(data), size, offset)
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), start, 0))


def _plain(name: str, text: str) -> tuple[str, bytes, int, int]:
    data = text.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def xlsx_with_one_cell(path: Path, cell_chars: int, *, sheet_prefix: str = "") -> Path:
    """A valid workbook: a header row and one data row whose surname cell has ``cell_chars``
    letters (a multiple of 1 MiB for a bomb; any size below 1 MiB is written as is)."""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Surname</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Given names</t></is></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>{sheet_prefix}'
    ).encode()
    tail = b'</t></is></c><c r="B2" t="inlineStr"><is><t>Aigerim</t></is></c></row></sheetData></worksheet>'
    if cell_chars >= _CHUNK:
        data, crc, size = _deflate_repeated(head, cell_chars, tail)
        sheet = ("xl/worksheets/sheet1.xml", data, crc, size)
    else:
        sheet = _plain("xl/worksheets/sheet1.xml", (head + b"A" * cell_chars + tail).decode())
    write_zip(
        path,
        [
            _plain(
                "[Content_Types].xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                '<Override PartName="/xl/worksheets/sheet1.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                "</Types>",
            ),
            _plain(
                "_rels/.rels",
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                "</Relationships>",
            ),
            _plain(
                "xl/workbook.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
                '<sheets><sheet name="Citizens" sheetId="1" r:id="rId1"/></sheets></workbook>',
            ),
            _plain(
                "xl/_rels/workbook.xml.rels",
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
                f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                "</Relationships>",
            ),
            sheet,
        ],
    )
    return path
