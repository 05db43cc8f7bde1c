"""Read citizen spreadsheets (CSV in any encoding Excel produces, or XLSX) into raw rows.

This is the reading half of ``embassy-desk import citizens``: it finds the header row,
maps columns to canonical field names and yields each data row as stripped strings. It
never judges values (dates stay "01.02.1990", sexes stay "муж."): validation is done by
the caller, which reports problems with the row numbers given here.

Every problem the user can fix (missing file, unknown encoding, no header, broken quotes)
is raised as :class:`~embassy_desk.domain.errors.ValidationError` with field ``"file"``,
``"header"`` or ``"mapping"``; library exceptions do not escape.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import json
import operator
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.importing.headers import (
    FIELDS,
    FULL_NAME,
    IGNORE,
    MAPPABLE_FIELDS,
    NAME_FIELDS,
    match_header,
    normalize_header,
)

#: Bytes looked at to guess the encoding and the delimiter.
SNIFF_BYTES = 64 * 1024
#: Non-blank rows at the top of a sheet searched for the header (title rows come first).
HEADER_SEARCH_ROWS = 5

# Bounds on what an XLSX file may unpack to (SECURITY promise 23: a 973 KB file holding one
# 1 GB cell took a process to 12.7 GB). A workbook is a zip of XML parts; the registry's own
# export of 1,000,000 citizens has a sheet of about 1.3 GB that compresses about 15 times.
#: Most a worksheet part may unpack to (it is read as a stream).
MAX_SHEET_BYTES = 2 << 30
#: Most any other part may unpack to: shared strings, styles and the like are held in memory.
MAX_PART_BYTES = 256 << 20
#: Most all parts together may unpack to.
MAX_UNPACKED_BYTES = 4 << 30
#: Most a part larger than :data:`RATIO_FLOOR_BYTES` may expand over its compressed size.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 4 << 20
#: Parts in one workbook (a real one has a few dozen).
MAX_PARTS = 10_000
#: Excel's own limits: a cell holds at most 32,767 characters, a sheet 1,048,576 rows of 16,384.
MAX_CELL_CHARS = 32_767
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = (",", ";", "\t")

_ZIP_MAGIC = b"PK\x03\x04"
# Legacy .xls and password-protected .xlsx are both OLE2 compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_QUOTE = '"'
# Records scanned per candidate delimiter; enough to see a pattern, cheap on huge lines.
_SNIFF_RECORDS = 50
# Cyrillic with the Kazakh letters (Cyrillic Supplement block included).
_CYRILLIC = re.compile("[\u0400-\u052f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# "Серік ұлы" / "Айгүл қызы": Kazakh and Turkic patronymics may be written as two words.
_PATRONYMIC_SECOND_WORDS = frozenset({"ұлы", "улы", "қызы", "кызы", "оглы", "оглу", "кизи", "гызы"})
_LATIN_NAME_FIELDS = ("surname_latin", "given_names_latin")
_CYRILLIC_NAME_FIELDS = ("surname", "given_names", "patronymic")


# --------------------------------------------------------------------------- sniffing


def _decodes(sample: bytes, encoding: str, *, final: bool) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(data: bytes) -> str:
    """Guess the text encoding of a CSV file from its first bytes.

    Byte-order marks win ("utf-8-sig", "utf-16"); UTF-16 without a BOM is recognised by its
    NUL bytes ("utf-16-le"/"utf-16-be"); text that is valid UTF-8 is "utf-8"; anything else
    is taken as "cp1251", the encoding of old Russian Windows files. Only the first
    :data:`SNIFF_BYTES` are examined; a multi-byte character cut at that boundary is not held
    against UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:SNIFF_BYTES]
    final = len(data) <= SNIFF_BYTES
    if b"\x00" in sample:
        # In UTF-16 every ASCII character (delimiters, newlines, digits) carries a NUL in its
        # high byte; Cyrillic letters do not, so require only a modest share of pairs.
        pairs = max(len(sample) // 2, 1)
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        if odd * 20 >= pairs and odd >= 4 * even and _decodes(sample, "utf-16-le", final=final):
            return "utf-16-le"
        if even * 20 >= pairs and even >= 4 * odd and _decodes(sample, "utf-16-be", final=final):
            return "utf-16-be"
    if _decodes(sample, "utf-8", final=final):
        return "utf-8"
    return "cp1251"


def detect_delimiter(first_lines: str) -> str:
    """Choose ``","``, ``";"`` or ``"\\t"`` for CSV text, given its first lines.

    Each candidate splits the records (quotes respected, so delimiters inside quoted values
    do not count); the winner gives the most records with the same number of cells, then
    the most cells. Ties prefer tab and semicolon, which rarely occur unquoted inside values
    while commas do (addresses). An Excel ``sep=;`` first line is obeyed.
    """
    first = first_lines.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    if first.casefold().startswith("sep=") and first[4:] in DELIMITERS:
        return first[4:]
    text = first_lines
    if "\n" in text.rstrip("\r\n") and not text.endswith(("\n", "\r")):
        # The last line was probably cut by the caller's sample size.
        text = text[: max(text.rfind("\n"), text.rfind("\r")) + 1]
    best = ","
    best_score = (0.0, 0)
    for delimiter in ("\t", ";", ","):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=_QUOTE)
        try:
            counts = [len(r) for r in itertools.islice(reader, _SNIFF_RECORDS) if r]
        except csv.Error:
            continue
        if not counts:
            continue
        tally = Counter(counts)
        modal = max(tally, key=lambda n: (tally[n], n))
        if modal < 2:
            continue
        score = (tally[modal] / len(counts), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class SourceRow:
    """One data row: its number as the user sees it, and its non-empty raw values."""

    number: int
    values: dict[str, str]


@dataclass
class TableSource:
    """An opened citizen table: what was recognised, and a lazy reader of its rows.

    ``mapping`` is header text → field for the columns that will be read; ``unmapped``
    lists header texts that will not (unknown, or a second column for a field already
    taken). ``columns`` is the same by column index; ``header_row`` is the row (CSV: line)
    number of the header; ``sheet`` the worksheet read from an XLSX file.
    """

    path: Path
    kind: str
    encoding: str | None
    delimiter: str | None
    headers: list[str]
    mapping: dict[str, str]
    unmapped: list[str]
    columns: dict[int, str] = field(default_factory=dict)
    header_row: int = 1
    sheet: str | None = None
    # Index of the header among csv records (blank lines and multi-line cells make it
    # differ from header_row).
    _header_index: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        if not self.columns:
            for index, text in enumerate(self.headers):
                target = self.mapping.get(text)
                if target is not None and target not in self.columns.values():
                    self.columns[index] = target

    def rows(self) -> Iterator[SourceRow]:
        """Yield the data rows lazily, skipping rows with nothing in any read column.

        ``SourceRow.number`` counts like a spreadsheet (header row 1 → first data row 2); in
        CSV files it is the line on which the record starts. Raises ValidationError for
        bytes that cannot be decoded or a quote that is never closed.
        """
        if self.kind == "xlsx":
            return self._xlsx_rows()
        return self._csv_rows()

    def raw_rows(self, numbers: Collection[int]) -> Iterator[tuple[int, list[str]]]:
        """Yield the rows numbered ``numbers`` (as :meth:`rows` numbers them) with every cell
        as the text in the file, in file order; used to hand rejected rows back as they came."""
        wanted = set(numbers)
        if not wanted:
            return
        if self.kind == "xlsx":
            with _open_workbook(self.path) as workbook:
                sheet = _sheet(workbook, self.sheet)
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if number in wanted:
                        yield (
                            number,
                            [
                                _cell_text(value, self.columns.get(index, ""))
                                for index, value in enumerate(cells)
                            ],
                        )
                        wanted.discard(number)
                        if not wanted:
                            return
            return
        with _open_text(self.path, self.encoding or "utf-8") as stream:
            reader = csv.reader(stream, delimiter=self.delimiter or ",", quotechar=_QUOTE)
            line = 0
            try:
                for cells in reader:
                    start, line = line + 1, reader.line_num
                    if start in wanted:
                        yield start, cells
                        wanted.discard(start)
                        if not wanted:
                            return
            except (UnicodeDecodeError, csv.Error, OSError) as exc:
                # It was read once already; a file changed since then is said to be unreadable.
                raise ValidationError(
                    "file", f"{self.path.name} changed while it was imported ({exc})"
                ) from None

    # -- CSV

    def _csv_rows(self) -> Iterator[SourceRow]:
        encoding = self.encoding or "utf-8"
        delimiter = self.delimiter or ","
        plan = _RowPlan(self.columns)
        # Hot loop below: everything it touches is a local, and each row is built by C
        # functions only (split, itemgetter, map, zip, filter, dict).
        getter, fields, width = plan.getter, plan.fields, plan.width
        # Every column read, in order: zip stops at the last field, no need to pick cells.
        identity = sorted(self.columns) == list(range(width))
        padding = [""] * width
        full_name = plan.full_name_targets
        nonempty = operator.itemgetter(1)
        strip = str.strip
        quote = _QUOTE
        new_row = object.__new__
        row_class = SourceRow
        skip = self._header_index + 1
        number = 0
        start = 1
        with _open_text(self.path, encoding) as stream:
            lines = iter(stream)
            feed = _LineFeed(lines)
            reader = csv.reader(feed, delimiter=delimiter, quotechar=quote)
            try:
                for raw in lines:
                    number += 1
                    start = number
                    if quote in raw:
                        # Only lines with quotes need csv's parser; it may pull in more
                        # lines for a quoted cell that contains line breaks.
                        cells, used = feed.parse(raw, reader)
                        number += used - 1
                        if feed.exhausted and used > 1:
                            raise _unclosed_quote(start, number)
                    else:
                        # The line break stays on the last cell; strip() below removes it.
                        cells = raw.split(delimiter)
                    if skip:
                        skip -= 1
                        continue
                    if len(cells) < width:
                        cells += padding
                    if identity:
                        picked: Sequence[str] = cells
                    else:
                        picked = getter(cells)
                    # zip stops at the last read column on purpose (rows may have extra
                    # cells); passing strict= at all sends zip down a slower keyword path.
                    values = dict(filter(nonempty, zip(fields, map(strip, picked))))  # noqa: B905
                    if not values:
                        continue
                    if full_name is not None and FULL_NAME in values:
                        _apply_full_name(values, full_name)
                    # A frozen dataclass's __init__ (object.__setattr__ per field) costs about
                    # a seventh of the time per row; filling the new instance's dict directly
                    # gives the same object at half that cost.
                    row = new_row(row_class)
                    attributes = row.__dict__
                    attributes["number"] = start
                    attributes["values"] = values
                    yield row
            except UnicodeDecodeError as exc:
                raise _decode_error(self.path, encoding, exc, fallback_row=number + 1) from None
            except csv.Error as exc:
                raise _csv_error(exc, start) from None
            except OSError as exc:
                raise _unreadable(self.path, exc) from None

    # -- XLSX

    def _xlsx_rows(self) -> Iterator[SourceRow]:
        plan = sorted(self.columns.items())
        full_name = _RowPlan(self.columns).full_name_targets
        number = self.header_row
        with _open_workbook(self.path) as workbook:
            try:
                sheet = _sheet(workbook, self.sheet)
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                    _check_cells(cells, number, self.headers)
                    if number <= self.header_row:
                        continue
                    size = len(cells)
                    values: dict[str, str] = {}
                    for index, name in plan:
                        if index < size and cells[index] is not None:
                            text = _cell_text(cells[index], name)
                            if text:
                                values[name] = text
                    if not values:
                        continue
                    if full_name is not None and FULL_NAME in values:
                        _apply_full_name(values, full_name)
                    yield SourceRow(number, values)
            except ValidationError:
                raise
            except Exception as exc:
                # openpyxl reports damaged XML/zip content as many unrelated exception types.
                row = number + 1
                raise ValidationError(
                    "file", Msg("table.damaged_row", row=row, detail=str(exc)), row=row
                ) from None


class _LineFeed:
    """Line source for csv.reader: one given line first, then continuation lines.

    Records a quoted cell whose line breaks ran into the end of the file: csv asks for
    another line only while a quote is open, so running out means it was never closed.
    """

    __slots__ = ("_first", "_lines", "exhausted", "used")

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._first: str | None = None
        self.used = 0
        self.exhausted = False

    def __iter__(self) -> _LineFeed:
        return self

    def __next__(self) -> str:
        line = self._first
        if line is not None:
            self._first = None
        else:
            try:
                line = next(self._lines)
            except StopIteration:
                self.exhausted = True
                raise
        self.used += 1
        return line

    def parse(self, first: str, reader: Iterator[list[str]]) -> tuple[list[str], int]:
        """Parse the record starting with line ``first``; return its cells and line count."""
        self._first = first
        self.used = 0
        return next(reader, []), self.used


class _RowPlan:
    """Column indices and field names in a form the CSV hot loop can use directly."""

    def __init__(self, columns: dict[int, str]) -> None:
        ordered = sorted(columns.items())
        self.fields: list[str] = [name for _, name in ordered]
        indices = [index for index, _ in ordered]
        self.width: int = (max(indices) + 1) if indices else 0
        self.getter: Callable[[Sequence[str]], Sequence[str]]
        if len(indices) > 1:
            self.getter = operator.itemgetter(*indices)
        elif indices:
            only = indices[0]
            self.getter = lambda cells: (cells[only],)
        else:
            self.getter = lambda cells: ()
        # full_name fills only the name fields that have no column of their own.
        self.full_name_targets: frozenset[str] | None = None
        if FULL_NAME in self.fields:
            taken = set(self.fields)
            targets: set[str] = set()
            if not taken & {"surname", "given_names"}:
                targets.update(name for name in _CYRILLIC_NAME_FIELDS if name not in taken)
            if not taken & set(_LATIN_NAME_FIELDS):
                targets.update(_LATIN_NAME_FIELDS)
            self.full_name_targets = frozenset(targets)


def split_full_name(value: str) -> dict[str, str]:
    """Split "Surname Given Patronymic" into name fields by script.

    Any Cyrillic letter → ``surname``/``given_names``/``patronymic`` (the last word is the
    patronymic when there are three or more, two words for "Серік ұлы"); otherwise Latin
    letters → ``surname_latin``/``given_names_latin``. "Surname, Given names" with a comma
    is understood too. Text without letters gives ``{}``.
    """
    text = " ".join(value.split())
    if "," in text:
        head, _, tail = text.partition(",")
        surname, rest = head.strip(), tail.replace(",", " ").split()
    else:
        words = text.split()
        surname, rest = (words[0], words[1:]) if words else ("", [])
    if _CYRILLIC.search(text):
        out = {"surname": surname}
        if len(rest) >= 3 and rest[-1].casefold() in _PATRONYMIC_SECOND_WORDS:
            out["given_names"], out["patronymic"] = " ".join(rest[:-2]), " ".join(rest[-2:])
        elif len(rest) >= 2:
            out["given_names"], out["patronymic"] = " ".join(rest[:-1]), rest[-1]
        else:
            out["given_names"] = " ".join(rest)
    elif _LATIN.search(text):
        out = {"surname_latin": surname, "given_names_latin": " ".join(rest)}
    else:
        return {}
    return {name: part for name, part in out.items() if part}


def _apply_full_name(values: dict[str, str], targets: frozenset[str]) -> None:
    for name, part in split_full_name(values.pop(FULL_NAME)).items():
        if name in targets and name not in values:
            values[name] = part


# --------------------------------------------------------------------------- opening


def open_table(path: Path, *, mapping: dict[str, str] | None = None) -> TableSource:
    """Open a citizen table, find its header row and map its columns to fields.

    CSV (.csv/.txt/.tsv) and XLSX (.xlsx/.xlsm) are read; the content decides when the
    extension lies (an .xlsx renamed .csv still opens). ``mapping`` (header text → field,
    or ``"-"`` to skip a column) takes precedence over the built-in header dictionary.
    Raises ValidationError ("mapping", "file" or "header") for anything the user must fix.
    """
    explicit = _check_mapping(mapping or {})
    path = Path(path)
    head = _read_head(path)
    if not head:
        raise ValidationError("file", Msg("table.empty", file=path.name))
    if head.startswith(_OLE_MAGIC):
        raise ValidationError("file", Msg("table.old_excel", file=path.name))
    suffix = path.suffix.casefold()
    if head.startswith(_ZIP_MAGIC):
        return _open_xlsx(path, explicit)
    if suffix in XLSX_SUFFIXES:
        raise ValidationError("file", Msg("table.not_excel", file=path.name))
    if suffix not in CSV_SUFFIXES and _looks_binary(head):
        suffix = path.suffix or Msg("table.no_extension")
        raise ValidationError("file", Msg("table.unsupported", file=path.name, suffix=suffix))
    return _open_csv(path, head, explicit, tab=suffix == ".tsv")


def first_rows(path: Path, count: int = 25) -> list[list[str]]:
    """The first ``count`` non-blank rows of a table as the texts in its cells (header included),
    for a preview and for mapping a file whose header names no known field (the import wizard).

    Reads the way :func:`open_table` does (encoding, delimiter, first worksheet with rows) but
    judges nothing; undecodable bytes are shown replaced. Raises ValidationError ("file").
    """
    path = Path(path)
    head = _read_head(path)
    if not head:
        raise ValidationError("file", Msg("table.empty", file=path.name))
    if head.startswith(_OLE_MAGIC):
        raise ValidationError("file", Msg("table.old_excel", file=path.name))
    rows: list[list[str]] = []
    if head.startswith(_ZIP_MAGIC):
        with _open_workbook(path) as workbook:
            for sheet in workbook.worksheets:
                for cells in sheet.iter_rows(values_only=True):
                    texts = _trim([_cell_text(value, "") for value in cells][:MAX_SHEET_COLUMNS])
                    if texts:
                        rows.append(texts)
                        if len(rows) >= count:
                            break
                if rows:
                    break
        return rows
    encoding = detect_encoding(head)
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head[:SNIFF_BYTES], False)
    delimiter = "\t" if path.suffix.casefold() == ".tsv" else detect_delimiter(sample)
    try:
        with path.open(encoding=encoding, newline="", errors="replace") as stream:
            for cells in csv.reader(stream, delimiter=delimiter, quotechar=_QUOTE):
                texts = _trim(cells)
                if texts:
                    rows.append(texts)
                    if len(rows) >= count:
                        break
    except csv.Error as exc:
        raise _csv_error(exc, len(rows) + 1) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return rows


def _looks_binary(head: bytes) -> bool:
    return detect_encoding(head) == "cp1251" and b"\x00" in head


def _read_head(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ValidationError("file", Msg("table.folder", path=str(path)))
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES + 4)
    except FileNotFoundError:
        raise ValidationError("file", Msg("table.missing", path=str(path))) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _unreadable(path: Path, exc: OSError) -> ValidationError:
    return ValidationError("file", Msg("table.unreadable", path=str(path), reason=_reason(exc)))


def _open_text(path: Path, encoding: str) -> IO[str]:
    try:
        # newline="" hands line breaks inside quoted cells to csv untouched.
        return path.open(encoding=encoding, newline="", errors="strict")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _check_mapping(mapping: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Validate an explicit mapping; key it by normalised header for lenient matching."""
    checked: dict[str, tuple[str, str]] = {}
    for header, target in mapping.items():
        if not isinstance(header, str) or not isinstance(target, str):
            raise ValidationError("mapping", Msg("table.mapping_not_text"))
        name = target.strip()
        name = name if name == IGNORE else name.casefold().replace(" ", "_")
        if name not in MAPPABLE_FIELDS and name != IGNORE:
            raise ValidationError(
                "mapping",
                Msg(
                    "table.mapping_unknown_field",
                    header=header,
                    target=target,
                    fields=", ".join((*FIELDS, FULL_NAME)),
                ),
            )
        key = normalize_header(header)
        if not key:
            raise ValidationError("mapping", Msg("table.mapping_empty_header", header=header, target=target))
        checked[key] = (header.strip(), name)
    return checked


def _resolve_columns(
    headers: list[str], explicit: dict[str, tuple[str, str]]
) -> tuple[dict[int, str], list[str]]:
    """Map columns, explicit mapping first so it wins over a built-in match elsewhere."""
    columns: dict[int, str] = {}
    unmapped: dict[int, str] = {}
    taken: set[str] = set()
    automatic: list[tuple[int, str]] = []
    for index, text in enumerate(headers):
        label = text.strip()
        if not label:
            continue
        chosen = explicit.get(normalize_header(label))
        if chosen is None:
            automatic.append((index, label))
            continue
        target = chosen[1]
        if target == IGNORE:
            continue
        if target in taken:
            unmapped[index] = label
        else:
            taken.add(target)
            columns[index] = target
    for index, label in automatic:
        target_or_none = match_header(label)
        if target_or_none is None or target_or_none in taken:
            unmapped[index] = label
        else:
            taken.add(target_or_none)
            columns[index] = target_or_none
    return dict(sorted(columns.items())), [unmapped[i] for i in sorted(unmapped)]


def _pick_header(
    candidates: list[tuple[int, int, list[str]]], explicit: dict[str, tuple[str, str]]
) -> tuple[int, int, list[str], dict[int, str], list[str]] | None:
    """Choose the candidate row (record index, row number, cells) naming most fields."""
    best: tuple[int, int, list[str], dict[int, str], list[str]] | None = None
    for index, number, cells in candidates:
        columns, unmapped = _resolve_columns(cells, explicit)
        if columns and (best is None or len(columns) > len(best[3])):
            best = (index, number, cells, columns, unmapped)
    return best


def _finish(
    path: Path,
    kind: str,
    candidates: list[tuple[int, int, list[str]]],
    explicit: dict[str, tuple[str, str]],
    **extra: Any,
) -> TableSource:
    picked = _pick_header(candidates, explicit)
    if picked is None:
        found = candidates[0][2] if candidates else []
        shown = ", ".join(repr(text) for text in found if text.strip()) or Msg("table.nothing")
        example = next((text for text in found if text.strip()), "Header")
        raise ValidationError("header", Msg("table.no_header", file=path.name, found=shown, example=example))
    index, number, cells, columns, unmapped = picked
    headers = _trim(cells)
    named = set(columns.values())
    if not named & set(NAME_FIELDS):
        recognised = ", ".join(f"{headers[i]!r}={name}" for i, name in columns.items())
        raise ValidationError("header", Msg("table.no_name_column", file=path.name, recognised=recognised))
    has_cyrillic = bool(named & {"surname", "given_names"})
    has_latin = bool(named & set(_LATIN_NAME_FIELDS))
    if FULL_NAME in named and has_cyrillic and has_latin:
        # Every name field has its own column, so the full-name column would never be used.
        for column, name in list(columns.items()):
            if name == FULL_NAME:
                del columns[column]
                unmapped = sorted([*unmapped, headers[column]], key=headers.index)
    mapping: dict[str, str] = {}
    for column, name in columns.items():
        mapping.setdefault(headers[column], name)
    return TableSource(
        path=path,
        kind=kind,
        headers=headers,
        mapping=mapping,
        unmapped=unmapped,
        columns=columns,
        header_row=number,
        _header_index=index,
        **extra,
    )


def _trim(cells: list[str]) -> list[str]:
    texts = [cell.strip() for cell in cells]
    while texts and not texts[-1]:
        texts.pop()
    return texts


# --------------------------------------------------------------------------- CSV


def _open_csv(path: Path, head: bytes, explicit: dict[str, tuple[str, str]], *, tab: bool) -> TableSource:
    encoding = detect_encoding(head)
    if encoding == "cp1251" or (encoding == "utf-8" and len(head) > SNIFF_BYTES and head.isascii()):
        # The fallback guess, or a start with nothing to tell by: look at every line before
        # any is read, so UTF-8 rows are never read as Windows-1251 mojibake ("РђР±Р°РµРІ").
        encoding = _settle_encoding(path, encoding)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    sample = decoder.decode(head[:SNIFF_BYTES], len(head) <= SNIFF_BYTES)
    if not sample.strip(" \t\r\n,;\x00"):
        raise ValidationError("file", Msg("table.empty", file=path.name))
    delimiter = "\t" if tab else detect_delimiter(sample)
    candidates: list[tuple[int, int, list[str]]] = []
    line = 0
    with _open_text(path, encoding) as stream:
        reader = csv.reader(stream, delimiter=delimiter, quotechar=_QUOTE)
        try:
            for index, cells in enumerate(reader):
                start = line + 1
                line = reader.line_num
                if any(cell.strip() for cell in cells):
                    candidates.append((index, start, cells))
                    if len(candidates) >= HEADER_SEARCH_ROWS:
                        break
        except UnicodeDecodeError as exc:
            raise _decode_error(path, encoding, exc, fallback_row=line + 1) from None
        except csv.Error as exc:
            raise _csv_error(exc, line + 1) from None
        except OSError as exc:
            raise _unreadable(path, exc) from None
    if not candidates:
        raise ValidationError("file", Msg("table.empty", file=path.name))
    return _finish(path, "csv", candidates, explicit, encoding=encoding, delimiter=delimiter)


def _csv_error(exc: csv.Error, row: int) -> ValidationError:
    if "field larger than field limit" in str(exc):
        return ValidationError(
            "file",
            Msg("table.long_cell", row=row),
            row=row,
        )
    return ValidationError("file", Msg("table.bad_csv", row=row, detail=str(exc)), row=row)


def _unclosed_quote(start: int, end: int) -> ValidationError:
    return ValidationError(
        "file",
        Msg("table.unclosed_quote", start=start, end=end),
        row=start,
    )


def _decode_error(
    path: Path, encoding: str, exc: UnicodeDecodeError, *, fallback_row: int
) -> ValidationError:
    """Name the line holding the first undecodable bytes.

    Text streams decode ahead in chunks, so the record being read when the error surfaced
    is not where the bad bytes are; find them by decoding the file again.
    """
    if encoding in ("utf-8", "utf-8-sig"):
        _settle_encoding(path, encoding)  # names every row of each kind if the file mixes them
    row, bad = _locate_undecodable(path, encoding)
    if row is None:
        row, bad = fallback_row, exc.object[exc.start : exc.end]
    return ValidationError(
        "file",
        Msg("table.bad_bytes", row=row, bad=repr(bad), encoding=encoding),
        row=row,
    )


#: Rows of each kind named in a mixed-encoding message; the rest are counted.
_LISTED_ROWS = 10


class _Kinds:
    """Line numbers of the lines of one kind: the first few, and how many in all."""

    __slots__ = ("count", "first")

    def __init__(self) -> None:
        self.first: list[int] = []
        self.count = 0

    def add(self, number: int) -> None:
        self.count += 1
        if len(self.first) < _LISTED_ROWS:
            self.first.append(number)

    def text(self) -> str:
        shown = ", ".join(str(number) for number in self.first)
        return shown + (f", … ({self.count})" if self.count > len(self.first) else "")


def _settle_encoding(path: Path, guess: str) -> str:
    """Read every line's bytes: "utf-8" if the non-ASCII lines are all UTF-8, "cp1251" if none is,
    ``guess`` if every line is ASCII; a file with both kinds is refused, naming the rows.

    Real Windows-1251 text is practically never valid UTF-8 (two Cyrillic letters in a row are
    not), so a line that decodes as UTF-8 is UTF-8. Line numbers are physical lines, as the rows
    of a CSV file are numbered.
    """
    utf8, legacy = _Kinds(), _Kinds()
    try:
        with path.open("rb") as handle:
            if handle.read(len(codecs.BOM_UTF8)) != codecs.BOM_UTF8:
                handle.seek(0)
            for number, line in enumerate(handle, start=1):
                if line.isascii():
                    continue
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    legacy.add(number)
                else:
                    utf8.add(number)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if utf8.count and legacy.count:
        minority = utf8 if utf8.count <= legacy.count else legacy
        raise ValidationError(
            "file",
            Msg("import.mixed_encoding", file=path.name, utf8_rows=utf8.text(), legacy_rows=legacy.text()),
            row=minority.first[0],
        )
    if legacy.count:
        return "cp1251"
    if utf8.count:
        return "utf-8-sig" if guess == "utf-8-sig" else "utf-8"
    return guess


def _count_breaks(text: str, after_cr: bool) -> tuple[int, bool]:
    """Count line breaks as universal newlines do (\\r\\n is one), across chunk edges."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if after_cr and text.startswith("\n"):
        breaks -= 1
    return breaks, text.endswith("\r")


def _locate_undecodable(path: Path, encoding: str) -> tuple[int | None, bytes]:
    skip = 0
    if encoding == "utf-8-sig":
        # The -sig decoder reports positions after the BOM it swallowed; skip it ourselves.
        encoding, skip = "utf-8", len(codecs.BOM_UTF8)
    factory = codecs.getincrementaldecoder(encoding)
    decoder = factory()
    breaks = 0
    after_cr = False
    try:
        with path.open("rb") as handle:
            handle.read(skip)
            while True:
                chunk = handle.read(1 << 20)
                final = not chunk
                state = decoder.getstate()
                try:
                    text = decoder.decode(chunk, final)
                except UnicodeDecodeError as exc:
                    data = state[0] + chunk
                    # Decode the good part with the decoder's earlier state (BOM, byte order).
                    before = factory()
                    before.setstate(state)
                    good = before.decode(chunk[: max(exc.start - len(state[0]), 0)])
                    more, _ = _count_breaks(good, after_cr)
                    return breaks + more + 1, data[exc.start : exc.end]
                more, after_cr = _count_breaks(text, after_cr)
                breaks += more
                if final:
                    return None, b""
    except (OSError, UnicodeDecodeError):
        return None, b""


# --------------------------------------------------------------------------- XLSX


@contextlib.contextmanager
def _open_workbook(path: Path) -> Iterator[Any]:
    """Open a workbook read-only; close it (and the file) however the caller leaves."""
    # Imported here: openpyxl is slow to import and CSV imports never need it.
    from openpyxl import load_workbook

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with handle:
        _check_archive(path, handle)
        handle.seek(0)
        try:
            # Given a file object, not the path: openpyxl refuses names not ending in .xlsx,
            # and a workbook renamed .csv is still a workbook.
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:
            # Bad zips, missing parts and malformed XML arrive as many exception types.
            raise ValidationError(
                "file", Msg("table.not_workbook", file=path.name, detail=str(exc))
            ) from None
        try:
            yield workbook
        finally:
            workbook.close()


def _size(count: int) -> str:
    if count < 1024:
        return f"{count:,} bytes"
    amount = float(count)
    for unit in ("KB", "MB", "GB"):
        amount /= 1024
        if amount < 1024 or unit == "GB":
            break
    return f"{amount:,.1f} {unit}"


def _check_archive(path: Path, handle: IO[bytes]) -> None:
    """Refuse a workbook whose parts would unpack to more than the limits above.

    Looked at before openpyxl opens anything, from the zip's central directory. The sizes found
    there are also what Python's zipfile stops at when it unpacks a part (it never returns more
    than the stated size, and a part that holds more fails its CRC check as damaged), so these
    checks bound what is read however the file lies.
    """
    import zipfile

    try:
        with zipfile.ZipFile(handle) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ValidationError("file", Msg("table.not_workbook", file=path.name, detail=str(exc))) from None
    if len(parts) > MAX_PARTS:
        raise ValidationError(
            "file", Msg("import.xlsx_parts", file=path.name, count=len(parts), limit=MAX_PARTS)
        )
    total = 0
    for part in parts:
        size, packed = part.file_size, part.compress_size
        sheet = part.filename.startswith("xl/worksheets/")
        limit = MAX_SHEET_BYTES if sheet else MAX_PART_BYTES
        refused: Msg | None = None
        if size > limit:
            refused = Msg("import.limit_size", limit=_size(limit))
        elif size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(packed, 1):
            refused = Msg("import.limit_ratio", ratio=size // max(packed, 1), limit=MAX_RATIO)
        total += size
        if refused is None and total > MAX_UNPACKED_BYTES:
            refused = Msg("import.limit_total", limit=_size(MAX_UNPACKED_BYTES))
        if refused is not None:
            raise ValidationError(
                "file",
                Msg(
                    "import.xlsx_bomb",
                    file=path.name,
                    part=part.filename,
                    size=_size(size),
                    packed=_size(packed),
                    reason=refused,
                ),
            )


def _check_cells(cells: Sequence[object], number: int, headers: Sequence[str] | None = None) -> None:
    """Refuse a row beyond Excel's own limits: too far down, too wide, or a cell too long."""
    if number > MAX_SHEET_ROWS:
        raise ValidationError("file", Msg("import.xlsx_rows", limit=MAX_SHEET_ROWS), row=number)
    if len(cells) > MAX_SHEET_COLUMNS:
        raise ValidationError(
            "file",
            Msg("import.xlsx_columns", count=len(cells), limit=MAX_SHEET_COLUMNS),
            row=number,
        )
    for index, value in enumerate(cells):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            name = headers[index].strip() if headers and index < len(headers) else ""
            where = (
                Msg("import.column_named", name=name)
                if name
                else Msg("import.column_letter", letter=_column_letter(index))
            )
            raise ValidationError(
                "file",
                Msg("import.xlsx_cell", column=where, count=len(value), limit=MAX_CELL_CHARS),
                row=number,
            )


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet(workbook: Any, title: str | None) -> Any:
    sheet = workbook[title] if title is not None else workbook.worksheets[0]
    # Some programs write a wrong <dimension>; read-only mode would stop at it.
    sheet.reset_dimensions()
    return sheet


def _open_xlsx(path: Path, explicit: dict[str, tuple[str, str]]) -> TableSource:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    first: list[tuple[int, int, list[str]]] | None = None
    with _open_workbook(path) as workbook:
        try:
            for sheet in workbook.worksheets:
                if not isinstance(sheet, ReadOnlyWorksheet):
                    continue
                candidates = _xlsx_header_candidates(sheet)
                if not candidates:
                    continue
                if first is None:
                    first = candidates
                if _pick_header(candidates, explicit) is not None:
                    return _finish(
                        path,
                        "xlsx",
                        candidates,
                        explicit,
                        encoding=None,
                        delimiter=None,
                        sheet=sheet.title,
                    )
        except ValidationError:
            raise
        except Exception as exc:
            raise ValidationError(
                "file", Msg("table.damaged_workbook", file=path.name, detail=str(exc))
            ) from None
    if first is None:
        raise ValidationError("file", Msg("table.empty_sheets", file=path.name))
    return _finish(path, "xlsx", first, explicit, encoding=None, delimiter=None)


def _xlsx_header_candidates(sheet: Any) -> list[tuple[int, int, list[str]]]:
    """The first non-blank rows of a sheet as (index, row number, texts)."""
    sheet.reset_dimensions()
    candidates: list[tuple[int, int, list[str]]] = []
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        _check_cells(cells, number, candidates[0][2] if candidates else None)
        texts = [_cell_text(value, "") for value in cells]
        if any(texts):
            candidates.append((number - 1, number, texts))
            if len(candidates) >= HEADER_SEARCH_ROWS:
                break
    return candidates


def _cell_text(value: object, field_name: str) -> str:
    """Render an XLSX cell as the text a person would have typed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        # Excel stores every number as a float; 77011234567.0 is a phone, not a fraction.
        text = str(int(value)) if value.is_integer() else str(value)
    else:
        return str(value).strip()
    if field_name == "national_id" and text.isdigit():
        # IINs of people born 2000-2009 start with 0, which a numeric cell drops.
        text = text.zfill(12)
    return text


# --------------------------------------------------------------------------- --mapping


def parse_mapping_option(text: str) -> dict[str, str]:
    """Parse ``--mapping``: a JSON object file, or inline ``"Header A=field,Header B=field"``.

    Header texts may contain spaces and commas (``"Фамилия, имя=full_name"`` works, since
    field names never contain commas); ``-`` as the field ignores the column. Field names
    are checked here so a typo fails before any file is read.
    """
    raw = text.strip()
    if not raw:
        raise ValidationError("mapping", Msg("table.mapping_empty"))
    candidate = Path(raw)
    if raw.casefold().endswith(".json") or ("=" not in raw and candidate.is_file()):
        mapping = _read_mapping_file(candidate)
    elif "=" in raw:
        mapping = _parse_inline_mapping(raw)
    else:
        raise ValidationError("mapping", Msg("table.mapping_shape", value=raw))
    checked = _check_mapping(mapping)
    return {header: target for header, target in checked.values()}


def _read_mapping_file(path: Path) -> dict[str, str]:
    try:
        loaded: object = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ValidationError("mapping", Msg("table.missing", path=str(path))) from None
    except OSError as exc:
        raise ValidationError(
            "mapping", Msg("table.unreadable", path=str(path), reason=_reason(exc))
        ) from None
    except UnicodeDecodeError:
        raise ValidationError("mapping", Msg("table.mapping_not_utf8", path=str(path))) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "mapping", Msg("table.mapping_bad_json", path=str(path), line=exc.lineno, detail=exc.msg)
        ) from None
    if not isinstance(loaded, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in loaded.items()
    ):
        raise ValidationError(
            "mapping", Msg("table.mapping_not_object", path=str(path), example='{"Фамилия": "surname"}')
        )
    return dict(loaded)


def _parse_inline_mapping(raw: str) -> dict[str, str]:
    # Split on "=": every piece after the first starts with a field name, and a field name
    # ends at the first comma. That lets header texts contain commas.
    pieces = raw.split("=")
    mapping: dict[str, str] = {}
    header = pieces[0]
    for position, piece in enumerate(pieces[1:], start=1):
        last = position == len(pieces) - 1
        target, comma, following = piece.partition(",")
        if not last and not comma:
            raise ValidationError("mapping", Msg("table.mapping_comma", piece=piece))
        if not header.strip():
            raise ValidationError("mapping", Msg("table.mapping_no_header", target=target))
        if not target.strip():
            raise ValidationError("mapping", Msg("table.mapping_no_field", header=header.strip()))
        mapping[header.strip()] = target.strip()
        if last and comma and following.strip():
            raise ValidationError("mapping", Msg("table.mapping_no_target", value=following.strip()))
        header = following
    return mapping
