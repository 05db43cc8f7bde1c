"""Importing citizens from CSV and XLSX files as staff really have them.

Rows are validated and turned into insert tuples in worker processes (both cores,
:mod:`import_chunks`) while this process reads the file, checks duplicates and writes, all in one
transaction. The good rows land and the rejected ones are reported by row number with every
reason, and written with their reasons to a private CSV beside the source that can be corrected
and imported again (a re-import never stores a person twice: rows already stored are refused as
duplicates). ``all_or_nothing`` stores nothing unless every row is good. A failure or a Cancel
leaves nothing half-imported either way.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from embassy_desk.domain.messages import render
from embassy_desk.importing.tabular import TableSource, open_table
from embassy_desk.services.exporter import FORMULA_TRIGGERS, neutralise
from embassy_desk.services.households import HouseholdResolver
from embassy_desk.services.import_chunks import (
    CHUNK,
    ChunkJob,
    DuplicateKeys,
    InputRow,
    PreparedChunk,
    payload_of,
    prepared_chunks,
)
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import changelog, citizens
from embassy_desk.storage.citizens import STORED
from embassy_desk.storage.engine import large_cache
from embassy_desk.storage.files import atomic_writer

__all__ = ["CHUNK", "ImportReport", "RejectedRow", "import_file", "import_rows", "rejects_path"]

PARALLEL_THRESHOLD = 20_000
Progress = Callable[[int], None]
# Where the household id sits in a citizens-table tuple (after rid and id), and the payload in
# a change-log tuple.
_HOUSEHOLD_COLUMN = 2 + STORED.index("household_id")
_PAYLOAD_COLUMN = 4


@dataclass(frozen=True)
class RejectedRow:
    """A row that was not imported, with every reason."""

    row: int
    reason: str


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do).

    ``imported`` counts the rows stored. With ``all_or_nothing`` and a rejected row nothing is
    stored: ``rolled_back`` is set and ``held_back`` counts the good rows that were not stored.
    ``rejects_file`` is the CSV of the rejected rows with their reasons, when one was written.
    ``regions_filled`` counts the rows stored (or, in a dry run, that would be) whose empty
    region was filled from their city (a region the file gives is never changed).
    ``duplicates`` are the rejected rows that were refused as likely duplicates (they are in
    ``rejected`` too); ``skipped`` counts the rows left out on purpose (``skip_rows``).
    """

    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    dry_run: bool = False
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    all_or_nothing: bool = False
    rolled_back: bool = False
    held_back: int = 0
    rejects_file: Path | None = None
    regions_filled: int = 0
    duplicates: list[RejectedRow] = field(default_factory=list)
    skipped: int = 0


class _DuplicateIndex:
    """In-memory lookup of identity keys already stored or earlier in the same file."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.national: dict[str, str] = {}
        self.passport: dict[str, str] = {}
        self.name_dob: dict[tuple[str, str], str] = {}
        for cid, nid, passport, dob, key in uow.conn.exec_driver_sql(
            "SELECT id, national_id, passport_number, birth_date, name_key FROM citizens"
        ):
            self.add(cid, (nid, passport, dob, key))

    def find(self, keys: DuplicateKeys) -> str | None:
        nid, passport, dob, name = keys
        if nid and nid in self.national:
            return f"same national id as {self.national[nid]}"
        if passport and passport in self.passport:
            return f"same passport number as {self.passport[passport]}"
        if dob and name and (dob, name) in self.name_dob:
            return f"same name and date of birth as {self.name_dob[(dob, name)]}"
        return None

    def add(self, ref: str, keys: DuplicateKeys) -> None:
        nid, passport, dob, name = keys
        if nid:
            self.national.setdefault(nid, ref)
        if passport:
            self.passport.setdefault(passport, ref)
        if dob and name:
            self.name_dob.setdefault((dob, name), ref)


def import_rows(
    session: Session,
    rows: Iterable[InputRow],
    *,
    dry_run: bool = False,
    allow_duplicates: bool = False,
    parallel: bool | None = None,
    progress: Progress | None = None,
    expected_rows: int | None = None,
    all_or_nothing: bool = False,
    allow_duplicate_rows: Collection[int] = (),
) -> ImportReport:
    """Validate and store rows of citizen fields in one transaction (or none for a dry run).

    The good rows are stored and the others reported; with ``all_or_nothing`` a single rejected
    row means nothing is stored (``report.rolled_back``). ``progress`` is called with the number
    of rows checked so far; if it raises (a Cancel button), the import rolls back and the
    exception propagates. ``allow_duplicate_rows``: numbers of rows a person looked at and chose
    to import although they look like duplicates (the import wizard's review).
    """
    session.require(Action.IMPORT)
    report = ImportReport(dry_run=dry_run, all_or_nothing=all_or_nothing)
    use_parallel = parallel if parallel is not None else (expected_rows or 0) >= PARALLEL_THRESHOLD
    # A dry run rolls back by raising inside its transaction: it leaves no trace at all.
    with contextlib.suppress(_DryRunDone):
        _import_in_transaction(
            session,
            rows,
            report,
            allow_duplicates=allow_duplicates,
            parallel=use_parallel,
            progress=progress,
            allowed=frozenset(allow_duplicate_rows),
        )
    return report


def _store(
    uow: UnitOfWork, households: HouseholdResolver, chunk: PreparedChunk, kept: list[int] | None
) -> None:
    """Write the rows of a chunk at positions ``kept`` (None: all): the households they name,
    the citizens, their full-text rows and their change-log entries."""
    records, documents, changes = chunk.citizens, chunk.documents, chunk.changes
    named = chunk.households
    if kept is not None:
        keep = set(kept)
        named = {i: label for i, label in named.items() if i in keep}
    if named:
        # Members of a household carry its id, in the row and in what sync sends.
        ids = households.resolve_all(named.values())
        for i, label in named.items():
            record = list(records[i])
            record[_HOUSEHOLD_COLUMN] = ids[label]
            records[i] = tuple(record)
            change = list(changes[i])
            change[_PAYLOAD_COLUMN] = payload_of(records[i][2 : 2 + len(STORED)])
            changes[i] = tuple(change)  # type: ignore[assignment]
    if kept is not None:
        records = [records[i] for i in kept]
        documents = [documents[i] for i in kept]
        changes = [changes[i] for i in kept]
    citizens.insert_rows(uow.conn, records, documents)
    changelog.insert_ready(uow.conn, changes)


def _import_in_transaction(
    session: Session,
    rows: Iterable[InputRow],
    report: ImportReport,
    *,
    allow_duplicates: bool,
    parallel: bool,
    progress: Progress | None,
    allowed: frozenset[int] = frozenset(),
) -> None:
    dry_run = report.dry_run
    with session.write(Action.IMPORT) as uow, large_cache(uow.conn):
        duplicates = _DuplicateIndex(uow)
        households = HouseholdResolver(uow, dry_run=dry_run)
        job = ChunkJob(citizens.next_rid(uow.conn), session.validation, session.user.id, uow.now)
        checked = 0
        # closing(): a Cancel or a failure stops the worker processes at once, not whenever the
        # traceback that holds this generator is freed.
        with contextlib.closing(
            prepared_chunks(rows, job, parallel=parallel, reserve=uow.stamp_block)
        ) as chunks:
            for chunk in chunks:
                kept = _check(chunk, report, duplicates, allow_duplicates=allow_duplicates, allowed=allowed)
                if not dry_run and chunk.numbers and kept != []:
                    _store(uow, households, chunk, kept)
                checked += chunk.rows
                if progress:
                    progress(checked)
        if report.all_or_nothing and report.rejected:
            report.rolled_back, report.held_back, report.imported = True, report.imported, 0
            if not dry_run:
                report.regions_filled = 0
            raise _DryRunDone  # rolls the good rows back too
        if dry_run:
            raise _DryRunDone
        uow.audit(
            "registry.import",
            details={
                "imported": report.imported,
                "rejected": len(report.rejected),
                "households_created": households.created,
                "regions_filled": report.regions_filled,
            },
        )


def _check(
    chunk: PreparedChunk,
    report: ImportReport,
    duplicates: _DuplicateIndex,
    *,
    allow_duplicates: bool,
    allowed: frozenset[int] = frozenset(),
) -> list[int] | None:
    """Positions of the chunk's valid rows that are not duplicates, or None if all are kept;
    the refused rows go to the report, in row order."""
    refused = dict(chunk.rejected)
    kept: list[int] = []
    numbers = chunk.numbers
    for i, keys in enumerate(chunk.keys):
        clash = None if allow_duplicates or numbers[i] in allowed else duplicates.find(keys)
        if clash:
            refused[numbers[i]] = reason = f"possible duplicate: {clash}"
            report.duplicates.append(RejectedRow(numbers[i], reason))
            continue
        duplicates.add(f"row {numbers[i]}", keys)
        kept.append(i)
    if refused:
        report.rejected.extend(RejectedRow(number, refused[number]) for number in sorted(refused))
    report.imported += len(kept)
    filled = chunk.filled
    if filled:
        every = len(kept) == len(numbers)
        report.regions_filled += len(filled) if every else sum(1 for i in kept if numbers[i] in filled)
    return None if len(kept) == len(numbers) else kept


class _DryRunDone(Exception):
    """Raised inside the transaction of a dry run (or a refused all-or-nothing import) so that it
    rolls back."""


def unquote(values: dict[str, str]) -> dict[str, str]:
    """Drop the ``'`` an export put before a formula-like value (see ``exporter.neutralise``)."""
    for key, value in values.items():
        if value[:1] == "'" and value[1:2] in FORMULA_TRIGGERS:
            values[key] = value[1:]
    return values


def import_file(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    allow_duplicates: bool = False,
    progress: Progress | None = None,
    all_or_nothing: bool = False,
    language: str = "en",
    allow_duplicate_rows: Collection[int] = (),
    skip_rows: Collection[int] = (),
) -> ImportReport:
    """Import citizens from a CSV or XLSX file; see :func:`import_rows`.

    ``skip_rows``: numbers of rows left out on purpose (duplicates a person chose to skip in the
    import wizard): they are not checked, not stored, not in the rejects file, only counted.

    Unless it is a dry run, rejected rows are written to :func:`rejects_path` (beside ``path``):
    the file's own columns plus ``reason`` (in ``language``), so they can be corrected there and
    that file imported. It holds personal data and is private to the OS user (0600).
    """
    session.require(Action.IMPORT)
    source = open_table(path, mapping=mapping)
    size = path.stat().st_size
    rows: Iterable[InputRow] = ((row.number, unquote(row.values)) for row in source.rows())
    skipped = [0]
    if skip_rows:
        rows = _without(rows, frozenset(skip_rows), skipped)
    report = import_rows(
        session,
        rows,
        dry_run=dry_run,
        allow_duplicates=allow_duplicates,
        progress=progress,
        expected_rows=size // 150,
        all_or_nothing=all_or_nothing,
        allow_duplicate_rows=allow_duplicate_rows,
    )
    report.skipped = skipped[0]
    report.mapping = dict(source.mapping)
    report.unmapped = list(source.unmapped)
    if report.rejected and not dry_run:
        report.rejects_file = _write_rejects(source, report.rejected, language)
    return report


def _without(rows: Iterable[InputRow], skip: frozenset[int], skipped: list[int]) -> Iterator[InputRow]:
    for number, values in rows:
        if number in skip:
            skipped[0] += 1
        else:
            yield number, values


#: The column of a rejects file that says why each row was refused.
REASON_COLUMN = "reason"


def rejects_path(source: Path) -> Path:
    """Where the rejected rows of ``source`` are written: ``NAME.rejected.csv`` beside it."""
    return source.with_name(f"{source.stem}.rejected.csv")


def _write_rejects(source: TableSource, rejected: list[RejectedRow], language: str) -> Path:
    """Write the rejected rows as they are in ``source``, each with its reason; return the file.

    Formula-like cells are neutralised as in an export (the import takes the quote off again).
    A ``reason`` column the source already has (a rejects file imported again) is replaced.
    """
    target = rejects_path(source.path)
    reasons = {entry.row: render(entry.reason, language) for entry in rejected}
    old_reason = [i for i, text in enumerate(source.headers) if text.strip().casefold() == REASON_COLUMN]
    keep = [i for i in range(len(source.headers)) if i not in old_reason]
    with atomic_writer(target) as raw:
        # UTF-8 with a BOM, as the export: Excel on an embassy PC shows Cyrillic correctly.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        writer = csv.writer(text)
        writer.writerow([*(source.headers[i] for i in keep), REASON_COLUMN])
        for number, cells in source.raw_rows(reasons):
            cells = cells + [""] * (len(source.headers) - len(cells))
            picked = [cells[i] for i in keep] + cells[len(source.headers) :]
            writer.writerow([*(neutralise(cell) for cell in picked), reasons[number]])
        text.flush()
        text.detach()
    return target
