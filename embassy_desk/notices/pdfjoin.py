"""Joining PDFs made by :mod:`render` into one, streaming, without reading them into objects.

A batch is rendered as parts (in worker processes, so both cores work and no process holds more than
one part in memory) and the parts are joined here: each part's objects are copied with their numbers
shifted, its page objects re-parented under one page tree, and its catalog, page tree and info
dictionary dropped. This handles exactly what reportlab writes (a classic cross-reference table, no
object streams, no incremental updates); anything else is refused rather than mangled.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

_XREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ_HEAD = re.compile(rb"(\d+) 0 obj\r?\n")
_TRAILER_REF = {key: re.compile(rb"/" + key + rb" (\d+) 0 R") for key in (b"Root", b"Info", b"Pages")}
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")


class JoinError(ValueError):
    """A part is not a PDF this module made."""


def _objects(data: bytes) -> tuple[list[tuple[int, bytes]], bytes]:
    """(object number, body) pairs in file order, and the trailer."""
    match = _XREF.search(data[-64:])
    if match is None:
        raise JoinError("no startxref")
    xref_at = int(match.group(1))
    table = data[xref_at:]
    if not table.startswith(b"xref"):
        raise JoinError("cross-reference streams are not supported")
    lines = table.split(b"\n")
    _first, count = (int(v) for v in lines[1].split())
    offsets = []
    for n, line in enumerate(lines[2 : 2 + count]):
        fields = line.split()
        if n and fields[2] == b"n":
            offsets.append((n, int(fields[0])))
    trailer = table[table.index(b"trailer") :]
    out = []
    for number, offset in offsets:
        head = _OBJ_HEAD.match(data, offset)
        if head is None or int(head.group(1)) != number:
            raise JoinError(f"object {number} is not where the table says")
        stream_at = data.find(b"stream", head.end())
        end = data.find(b"endobj", head.end())
        if end < 0:
            raise JoinError(f"object {number} does not end")
        if 0 <= stream_at < end:
            # A stream: skip its data by /Length, since binary data may hold the bytes "endobj".
            length = re.search(rb"/Length (\d+)", data[head.end() : stream_at])
            if length is None:
                raise JoinError(f"object {number} has no direct /Length")
            data_start = (
                stream_at + len(b"stream") + (2 if data[stream_at + 6 : stream_at + 8] == b"\r\n" else 1)
            )
            end = data.index(b"endobj", data_start + int(length.group(1)))
        out.append((number, data[head.end() : end]))
    return out, trailer


def join(parts: Sequence[Path], out: BinaryIO) -> str:
    """Write the pages of ``parts``, in order, as one PDF to ``out``; return its SHA-256."""
    digest = hashlib.sha256()
    position = 0

    def write(chunk: bytes) -> None:
        nonlocal position
        out.write(chunk)
        digest.update(chunk)
        position += len(chunk)

    write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    kids: list[int] = []
    ids: list[bytes] = []
    pages_number = 1  # our page tree is object 1; our catalog and info come last
    next_number = 2
    for part in parts:
        data = part.read_bytes()
        objects, trailer = _objects(data)
        root = int(_TRAILER_REF[b"Root"].search(trailer).group(1))  # type: ignore[union-attr]
        info_match = _TRAILER_REF[b"Info"].search(trailer)
        info = int(info_match.group(1)) if info_match else -1
        bodies = dict(objects)
        pages_root = int(_TRAILER_REF[b"Pages"].search(bodies[root]).group(1))  # type: ignore[union-attr]
        kids_match = _KIDS.search(bodies[pages_root])
        if kids_match is None or b"/Kids" in bodies[pages_root][kids_match.end() :]:
            raise JoinError("nested page trees are not supported")
        skip = {root, info, pages_root}
        numbers = [n for n, _ in objects if n not in skip]
        new_number = {old: next_number + i for i, old in enumerate(numbers)}

        def renumber(
            match: re.Match[bytes], pages_root: int = pages_root, new_number: dict[int, int] = new_number
        ) -> bytes:
            old = int(match.group(1))
            return b"%d 0 R" % (pages_number if old == pages_root else new_number[old])

        for old in numbers:
            body = bodies[old]
            head_end = body.find(b"stream")
            head = body if head_end < 0 else body[:head_end]
            body = _REF.sub(renumber, head) + (b"" if head_end < 0 else body[head_end:])
            offsets.append(position)
            write(b"%d 0 obj\n" % new_number[old] + body + b"endobj\n")
        kids.extend(new_number[int(k)] for k in re.findall(rb"(\d+) 0 R", kids_match.group(1)))
        next_number += len(numbers)
        ids.append(hashlib.sha256(data).digest())
    catalog, info_number = next_number, next_number + 1
    pages_at = position
    write(
        b"1 0 obj\n<< /Type /Pages /Count %d /Kids [ %s ] >>\nendobj\n"
        % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    )
    catalog_at = position
    write(b"%d 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n" % catalog)
    info_at = position
    write(b"%d 0 obj\n<< /Producer (Embassy Desk) /Creator (Embassy Desk) >>\nendobj\n" % info_number)
    xref_at = position
    entries = [pages_at, *offsets, catalog_at, info_at]
    table = [b"xref\n0 %d\n" % (len(entries) + 1), b"0000000000 65535 f \n"]
    table.extend(b"%010d 00000 n \n" % offset for offset in entries)
    write(b"".join(table))
    file_id = hashlib.sha256(b"".join(ids)).hexdigest()[:32].encode()
    write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(entries) + 1, catalog, info_number, file_id, file_id, xref_at)
    )
    return digest.hexdigest()
