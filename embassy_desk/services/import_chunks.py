"""The parallel half of an import: rows validated and turned into ready-to-insert tuples.

Runs in worker processes (both cores) while the importing process reads the file and writes.
Everything a row needs that does not depend on other rows is made here: the stored values, the
citizens row with its row id, the full-text document, the change-log payload and the ids. The
writer is left with the decisions that need the whole file (duplicates, households) and SQLite.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from embassy_desk.domain.citizen import InvalidRecord, ValidationContext, validate_citizen
from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.hlc import StampBlock
from embassy_desk.domain.ids import uuid7_many
from embassy_desk.domain.messages import Msg, field_name
from embassy_desk.domain.regions import region_for_city
from embassy_desk.storage import search_index
from embassy_desk.storage.changelog import SCHEMA_VERSION, encode_fields
from embassy_desk.storage.citizens import STORED, row_tuple, stored_values

CHUNK = 4000
InputRow = tuple[int, Mapping[str, str]]

# Identity keys the duplicate check compares: (national id, passport, birth date, name key).
DuplicateKeys = tuple[str | None, str | None, str | None, str | None]
_NID, _PASSPORT = STORED.index("national_id"), STORED.index("passport_number")
_BIRTH, _NAME_KEY = STORED.index("birth_date"), STORED.index("name_key")
_SYNCED = tuple((name, i) for i, name in enumerate(STORED) if name != "name_key")


@dataclass
class PreparedChunk:
    """A chunk of input rows after validation, as columns: the i-th entry of each list belongs
    to the i-th valid row. Lists of plain tuples cross from the worker process faster than a
    million row objects would.

    ``citizens`` holds complete citizens-table tuples (row id first), ``documents`` the full-text
    rows (same row id), ``changes`` complete change-log rows; ``households`` maps a position to
    the household label that row names. Refused rows are in ``rejected`` as (row number, reason).
    ``filled`` holds the numbers of the rows whose empty region was filled from their city.
    """

    rows: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    citizens: list[tuple[Any, ...]] = field(default_factory=list)
    documents: list[tuple[int, str, str, str]] = field(default_factory=list)
    changes: list[tuple[str, str, str, str, str, str, str, int]] = field(default_factory=list)
    keys: list[DuplicateKeys] = field(default_factory=list)
    households: dict[int, str] = field(default_factory=dict)
    filled: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class ChunkJob:
    """What a worker needs besides the rows: where its row ids start, the stamps reserved for
    its change-log entries, and who imports when."""

    first_rid: int
    ctx: ValidationContext
    staff: str
    now: str
    stamps: StampBlock | None = None


def payload_of(stored: Sequence[Any]) -> str:
    """The change-log JSON of a new citizen: every synced field that has a value."""
    return encode_fields({name: stored[i] for name, i in _SYNCED if stored[i] is not None})


def duplicate_keys(stored: Sequence[Any]) -> DuplicateKeys:
    """The identity keys of stored values, as the duplicate check compares them."""
    return stored[_NID], stored[_PASSPORT], stored[_BIRTH], stored[_NAME_KEY]


def prepare_chunk(rows: Sequence[InputRow], job: ChunkJob) -> PreparedChunk:
    """Validate ``rows`` and build their insert tuples; the i-th row gets row id first_rid + i
    and the i-th reserved stamp.

    Row ids and stamps of refused rows are simply not used: neither needs to be dense.
    """
    out = PreparedChunk(rows=len(rows))
    ctx, staff, now = job.ctx, job.staff, job.now
    stamps = job.stamps.stamps() if job.stamps else [""] * len(rows)
    if len(stamps) < len(rows):
        raise ValueError(f"{len(rows)} rows but {len(stamps)} stamps reserved")
    # A citizen id and a change id per row, made in one go (ids of refused rows go unused).
    ids = iter(uuid7_many(2 * len(rows)))
    version = SCHEMA_VERSION
    country = ctx.host_country
    for offset, (number, values) in enumerate(rows):
        # A row with a city of the host country but no region gets the city's region (one cached
        # lookup); a region the file gives is kept even when the city disagrees.
        filled = False
        if not values.get("region") and (city := values.get("city")):
            region = region_for_city(city, country)
            if region is not None:
                values, filled = {**values, "region": region}, True
        try:
            fields = validate_citizen(values, ctx, row=number)
        except InvalidRecord as exc:
            out.rejected.append((number, exc.message))
            continue
        except ValidationError as exc:
            reason = Msg("frame.field", field=field_name(exc.field), message=exc.message)
            out.rejected.append((number, reason))
            continue
        if filled:
            out.filled.add(number)
        stored = stored_values(fields)
        rid, citizen_id, change_id = job.first_rid + offset, next(ids), next(ids)
        household = values.get("household")
        if household:
            out.households[len(out.numbers)] = household
        out.numbers.append(number)
        out.citizens.append(row_tuple(rid, citizen_id, stored, staff=staff, now=now))
        out.documents.append((rid, *search_index.document(fields)))
        out.changes.append(
            (change_id, "citizen", citizen_id, "create", payload_of(stored), stamps[offset], staff, version)
        )
        out.keys.append(duplicate_keys(stored))
    return out


# prctl(2) option: the signal the kernel sends this process when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int, pipe: tuple[int, int] | None) -> None:
    """Worker initializer: make sure the worker never outlives the importing process.

    A killed import (kill -9, a crash) left its workers alive with the database key's session
    gone but the CSV and their rows in memory. On Linux the kernel kills the worker when the
    process that started it dies (PR_SET_PDEATHSIG; the "parent" is the thread that forked it,
    which is the importing thread, and it waits for the workers before it returns). Everywhere,
    a watcher thread ends the worker when the parent's end of ``pipe`` closes (fork start), or
    when its parent process changes (other start methods). On Windows, the right tool would be
    a job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, which this watcher stands in for.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the watcher below still ends the worker
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    read_end: int | None = None
    if pipe is not None:
        read_end, write_end = pipe
        # Only the importing process may hold the write end, or its death would go unnoticed.
        os.close(write_end)
    threading.Thread(target=_watch_parent, args=(parent, read_end), daemon=True).start()


def _watch_parent(parent: int, read_end: int | None) -> None:
    if read_end is not None:
        with contextlib.suppress(OSError):
            os.read(read_end, 1)  # nothing is ever written: this returns when the parent is gone
        os._exit(1)
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def worker_count() -> int:
    """How many validation processes an import starts: every core, up to four."""
    return max(1, min(4, os.cpu_count() or 1))


def _chunks(rows: Iterable[InputRow], size: int) -> Iterator[list[InputRow]]:
    """Chunks of ``size`` rows, the first ones smaller: the writer waits for the first chunk
    with nothing else to do, so a small one gets it started sooner."""
    iterator = iter(rows)
    step = max(1, size // 8)
    while chunk := list(islice(iterator, step)):
        yield chunk
        step = min(size, step * 2)


def prepared_chunks(
    rows: Iterable[InputRow],
    job: ChunkJob,
    *,
    parallel: bool,
    reserve: Callable[[int], StampBlock] | None = None,
) -> Generator[PreparedChunk, None, None]:
    """Prepared chunks in input order, on every core when ``parallel``.

    Row ids are handed out by position in ``rows``, counted from ``job.first_rid``;
    ``reserve(n)`` gives each chunk its block of change-log stamps as it is handed out.
    """
    position = 0

    def next_job(size: int) -> ChunkJob:
        nonlocal position
        start, position = position, position + size
        return ChunkJob(
            job.first_rid + start, job.ctx, job.staff, job.now, reserve(size) if reserve else None
        )

    if not parallel:
        for chunk in _chunks(rows, CHUNK):
            yield prepare_chunk(chunk, next_job(len(chunk)))
        return
    count = worker_count()
    context = multiprocessing.get_context()
    # A pipe's end is inherited only by forked workers; other start methods watch the parent id.
    pipe = os.pipe() if context.get_start_method() == "fork" else None
    executor = ProcessPoolExecutor(
        max_workers=count, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(), pipe)
    )
    try:
        pending: list[Future[PreparedChunk]] = []
        for chunk in _chunks(rows, CHUNK):
            pending.append(executor.submit(prepare_chunk, chunk, next_job(len(chunk))))
            # A bounded queue keeps memory flat on a million-row file.
            while len(pending) > count * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
    finally:
        executor.shutdown(cancel_futures=True)
        if pipe is not None:
            for end in pipe:
                os.close(end)
