"""Importing citizens from CSV and XLSX files as staff really have them.

Rows are validated in worker processes (both cores) while this process reads the file; the rows
that pass are written in one transaction, so an import either lands whole or not at all. Rejected
rows are reported by row number with every reason.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from embassy_desk.domain.citizen import InvalidRecord, ValidationContext, validate_citizen
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.ids import uuid7
from embassy_desk.importing.tabular import open_table
from embassy_desk.services.households import HouseholdResolver
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import changelog, citizens, search_index
from embassy_desk.storage.changelog import encode_fields
from embassy_desk.storage.citizens import STORED, stored_values
from embassy_desk.storage.engine import CACHE_KIB, IMPORT_CACHE_KIB

CHUNK = 4000
PARALLEL_THRESHOLD = 20_000
Progress = Callable[[int], None]


@dataclass(frozen=True)
class RejectedRow:
    """A row that was not imported, with every reason."""

    row: int
    reason: str


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do)."""

    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    dry_run: bool = False
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)


# A validated row, ready to write: (row number, stored column values, search document,
# change-log JSON, household label, citizen id, change id) or, for a rejected row,
# (row number, None, None, reason, None, "", ""). Ids are made in the workers: UUIDv7 needs no
# coordination, and every microsecond the single writer saves is throughput.
PreparedRow = tuple[int, tuple[Any, ...] | None, tuple[str, str, str] | None, str, str | None, str, str]
_NID, _PASSPORT = STORED.index("national_id"), STORED.index("passport_number")
_BIRTH, _NAME_KEY = STORED.index("birth_date"), STORED.index("name_key")
_HOUSEHOLD = STORED.index("household_id")
_SYNCED = [i for i, col in enumerate(STORED) if col != "name_key"]
_SYNCED_NAMES = [STORED[i] for i in _SYNCED]


def _payload(stored: tuple[Any, ...]) -> str:
    """The change-log JSON of a new citizen: every synced field that has a value."""
    return encode_fields(
        {name: stored[i] for name, i in zip(_SYNCED_NAMES, _SYNCED, strict=True) if stored[i] is not None}
    )


def validate_chunk(
    rows: Sequence[tuple[int, Mapping[str, str]]], ctx: ValidationContext
) -> list[PreparedRow]:
    """Validate rows and prepare everything the writer needs, so the writer only writes.

    Runs in worker processes: the search document and change-log payload are built here too.
    """
    out: list[PreparedRow] = []
    for number, values in rows:
        try:
            fields = validate_citizen(values, ctx, row=number)
        except InvalidRecord as exc:
            out.append((number, None, None, exc.message, None, "", ""))
            continue
        except ValidationError as exc:
            out.append((number, None, None, f"{exc.field}: {exc.message}", None, "", ""))
            continue
        stored = stored_values(fields)
        payload = _payload(stored)
        out.append(
            (
                number,
                stored,
                search_index.document(fields),
                payload,
                values.get("household"),
                uuid7(),
                uuid7(),
            )
        )
    return out


def _chunks(
    rows: Iterable[tuple[int, Mapping[str, str]]], size: int
) -> Iterator[list[tuple[int, Mapping[str, str]]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def validate_rows(
    rows: Iterable[tuple[int, Mapping[str, str]]],
    ctx: ValidationContext,
    *,
    parallel: bool,
) -> Iterator[PreparedRow]:
    """Validate rows in order, on every core when ``parallel``."""
    if not parallel:
        for chunk in _chunks(rows, CHUNK):
            yield from validate_chunk(chunk, ctx)
        return
    workers = max(1, min(4, os.cpu_count() or 1))
    executor: Executor = ProcessPoolExecutor(max_workers=workers)
    try:
        pending = []
        for chunk in _chunks(rows, CHUNK):
            pending.append(executor.submit(validate_chunk, chunk, ctx))
            # Keep a bounded queue so memory stays flat on a million-row file.
            while len(pending) > workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
    finally:
        executor.shutdown(cancel_futures=True)


@contextlib.contextmanager
def _large_cache(uow: UnitOfWork) -> Iterator[None]:
    """A big page cache for the length of an import: random-key index inserts into a large
    registry otherwise evict, re-read and re-decrypt the same pages again and again."""
    uow.conn.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        uow.conn.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")


class _DuplicateIndex:
    """In-memory lookup of identity keys already stored or earlier in the same file."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.national: dict[str, str] = {}
        self.passport: dict[str, str] = {}
        self.name_dob: dict[tuple[str, str], str] = {}
        blank: list[Any] = [None] * len(STORED)
        for cid, nid, passport, dob, key in uow.conn.exec_driver_sql(
            "SELECT id, national_id, passport_number, birth_date, name_key FROM citizens"
        ):
            blank[_NID], blank[_PASSPORT], blank[_BIRTH], blank[_NAME_KEY] = nid, passport, dob, key
            self.add(cid, tuple(blank))

    def find(self, stored: tuple[Any, ...]) -> str | None:
        nid, passport = stored[_NID], stored[_PASSPORT]
        if nid and nid in self.national:
            return f"same national id as {self.national[nid]}"
        if passport and passport in self.passport:
            return f"same passport number as {self.passport[passport]}"
        dob, key = stored[_BIRTH], stored[_NAME_KEY]
        if dob and key and (dob, key) in self.name_dob:
            return f"same name and date of birth as {self.name_dob[(dob, key)]}"
        return None

    def add(self, ref: str, stored: tuple[Any, ...]) -> None:
        if stored[_NID]:
            self.national.setdefault(stored[_NID], ref)
        if stored[_PASSPORT]:
            self.passport.setdefault(stored[_PASSPORT], ref)
        if stored[_BIRTH] and stored[_NAME_KEY]:
            self.name_dob.setdefault((stored[_BIRTH], stored[_NAME_KEY]), ref)


def import_rows(
    session: Session,
    rows: Iterable[tuple[int, Mapping[str, str]]],
    *,
    dry_run: bool = False,
    allow_duplicates: bool = False,
    parallel: bool | None = None,
    progress: Progress | None = None,
    expected_rows: int | None = None,
) -> ImportReport:
    """Validate and store rows of citizen fields in one transaction (or none for a dry run)."""
    session.require(Action.IMPORT)
    report = ImportReport(dry_run=dry_run)
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
        )
    return report


def _import_in_transaction(
    session: Session,
    rows: Iterable[tuple[int, Mapping[str, str]]],
    report: ImportReport,
    *,
    allow_duplicates: bool,
    parallel: bool,
    progress: Progress | None,
) -> None:
    dry_run = report.dry_run
    with session.write(Action.IMPORT) as uow, _large_cache(uow):
        duplicates = _DuplicateIndex(uow)
        batch: list[tuple[str, tuple[Any, ...], tuple[str, str, str], str, str]] = []
        households = HouseholdResolver(uow, dry_run=dry_run)

        def flush() -> None:
            if batch and not dry_run:
                citizens.insert_prepared(
                    uow.conn,
                    [(cid, stored, doc) for cid, stored, doc, _, _ in batch],
                    staff=session.user.id,
                    now=uow.now,
                )
                changelog.record_prepared(
                    uow.conn,
                    (
                        (change_id, "citizen", cid, "upsert", payload, uow.stamp())
                        for cid, _, _, payload, change_id in batch
                    ),
                    staff=session.user.id,
                )
            batch.clear()

        for number, stored, doc, message, household, citizen_id, change_id in validate_rows(
            rows, session.validation, parallel=parallel
        ):
            if stored is None or doc is None:
                report.rejected.append(RejectedRow(number, message))
                continue
            clash = None if allow_duplicates else duplicates.find(stored)
            if clash:
                report.rejected.append(RejectedRow(number, f"possible duplicate: {clash}"))
                continue
            duplicates.add(f"row {number}", stored)
            if household:
                as_list = list(stored)
                as_list[_HOUSEHOLD] = households.resolve(household)
                stored = tuple(as_list)
                message = _payload(stored)
            batch.append((citizen_id, stored, doc, message, change_id))
            report.imported += 1
            if len(batch) >= CHUNK:
                flush()
                if progress:
                    progress(report.imported + len(report.rejected))
        flush()
        if dry_run:
            raise _DryRunDone
        uow.audit(
            "registry.import",
            details={
                "imported": report.imported,
                "rejected": len(report.rejected),
                "households_created": households.created,
            },
        )


class _DryRunDone(Exception):
    """Raised inside the transaction of a dry run so that it rolls back."""


def import_file(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    allow_duplicates: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import citizens from a CSV or XLSX file; see :func:`import_rows`."""
    session.require(Action.IMPORT)
    source = open_table(path, mapping=mapping)
    size = path.stat().st_size
    rows = ((row.number, row.values) for row in source.rows())
    report = import_rows(
        session,
        rows,
        dry_run=dry_run,
        allow_duplicates=allow_duplicates,
        progress=progress,
        expected_rows=size // 150,
    )
    report.mapping = dict(source.mapping)
    report.unmapped = list(source.unmapped)
    return report
