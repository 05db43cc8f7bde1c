"""Workload for the benchmarks: synthetic rows held compactly, prepared rows, schemas, query mixes.

Nothing here is timed; run.py times the calls into the product and the raw baselines.
"""

from __future__ import annotations

import importlib.util
import os
import random
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlcipher3

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.citizen import ValidationContext
from embassy_desk.domain.hlc import HybridClock
from embassy_desk.domain.ids import uuid7
from embassy_desk.services.import_chunks import CHUNK, ChunkJob, prepare_chunk
from embassy_desk.storage import citizens, engine
from embassy_desk.storage.changelog import SCHEMA_VERSION
from embassy_desk.storage.citizens import BOOKKEEPING, STORED
from embassy_desk.storage.migrate import MIGRATIONS

# Values unique (or nearly) to one row are stored as they come; every other value is shared
# between rows, which keeps a million rows in well under a gigabyte.
_UNIQUE = frozenset(
    {"national_id", "passport_number", "phone", "email", "messenger", "emergency_contact_phone"}
)
CITIZEN_INSERT = citizens._INSERT
FTS_INSERT = "INSERT INTO citizen_fts(rowid, names, docs, phone_rev) VALUES (?, ?, ?, ?)"
CHANGE_INSERT = (
    "INSERT INTO change_log(id, entity, record_id, op, fields, hlc, staff, schema_version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
FTS_QUERY = "SELECT rowid FROM citizen_fts WHERE citizen_fts MATCH ? LIMIT ?"
SELECT_COLUMNS = ", ".join(("rid", "id", *STORED, "last_contact_at", *BOOKKEEPING))
# Settings a keyed connection from ``engine.connect`` carries; the plain databases copy them.
MIRRORED_PRAGMAS = (
    "secure_delete",
    "temp_store",
    "foreign_keys",
    "journal_mode",
    "synchronous",
    "busy_timeout",
    "cache_size",
)
# The page cache the importer switches to for the length of an import, if it does.
IMPORT_CACHE_KIB: int | None = getattr(engine, "IMPORT_CACHE_KIB", None)


class RowStore:
    """Synthetic import rows as tuples aligned to a shared key list (not a million dicts)."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self._index: dict[str, int] = {}
        self._shared: dict[str, str] = {}
        self.rows: list[tuple[str | None, ...]] = []

    def add(self, row: dict[str, str]) -> None:
        values: list[str | None] = [None] * len(self.keys)
        for key, value in row.items():
            slot = self._index.get(key)
            if slot is None:
                slot = self._index[key] = len(self.keys)
                self.keys.append(key)
                values.append(None)
            if key not in _UNIQUE:
                value = self._shared.setdefault(value, value)
            values[slot] = value
        self.rows.append(tuple(values))

    def __len__(self) -> int:
        return len(self.rows)

    def iter_rows(self, start: int, stop: int) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, import dict) pairs, numbered like a CSV file with a header line."""
        keys = self.keys
        for i in range(start, min(stop, len(self.rows))):
            yield i + 2, {k: v for k, v in zip(keys, self.rows[i], strict=False) if v is not None}


def generate(n: int, seed: int, progress: Callable[[int], None] | None = None) -> RowStore:
    store = RowStore()
    for i, row in enumerate(synthetic_rows(DemoSettings(citizens=n, seed=seed)), 1):
        store.add(row)
        if progress and i % 100_000 == 0:
            progress(i)
    return store


# A prepared row: (stored column values, search document, change-log JSON).
Prepared = tuple[tuple[Any, ...], tuple[str, str, str], str]


def prepare_batches(
    store: RowStore, stop: int, ctx: ValidationContext, *, workers: int, batch: int = 100_000
) -> Iterator[list[Prepared]]:
    """Validated rows in batches, using the importer's own ``prepare_chunk`` on every core.

    Each batch is complete before it is handed out, so the worker processes are idle while the
    caller times its inserts (on a 2-core machine they would otherwise compete for the CPU).
    """
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for start in range(0, min(stop, len(store)), batch):
            end = min(start + batch, stop)
            chunks = [list(store.iter_rows(s, min(s + CHUNK, end))) for s in range(start, end, CHUNK)]
            out: list[Prepared] = []
            job = ChunkJob(1, ctx, "bench-staff", "2026-11-26T00:00:00.000+00:00")
            for result in pool.map(prepare_chunk, chunks, [job] * len(chunks)):
                # The importer's ready rows; the raw baseline makes its own ids and stamps.
                for citizen, document, change in zip(
                    result.citizens, result.documents, result.changes, strict=True
                ):
                    # The stored values and the name's sort key, between the ids and the bookkeeping.
                    out.append((citizen[2 : -len(BOOKKEEPING)], document[1:], change[4]))
            yield out


@dataclass
class RawRows:
    """Insert tuples for the three tables an import writes, ids and stamps made in advance."""

    citizens: list[tuple[Any, ...]]
    fts: list[tuple[Any, ...]]
    changes: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.citizens)

    def part(self, start: int, stop: int) -> RawRows:
        return RawRows(self.citizens[start:stop], self.fts[start:stop], self.changes[start:stop])

    def extend(self, other: RawRows) -> None:
        self.citizens += other.citizens
        self.fts += other.fts
        self.changes += other.changes


def raw_rows(prepared: Sequence[Prepared], first_rid: int, clock: HybridClock) -> RawRows:
    staff = "bench-staff"
    now = "2026-11-26T00:00:00.000+00:00"
    tail = (now, now, staff, staff, 1)
    out = RawRows([], [], [])
    for i, (stored, doc, payload) in enumerate(prepared):
        rid, cid = first_rid + i, uuid7()
        out.citizens.append((rid, cid, *stored, *tail))
        out.fts.append((rid, *doc))
        stamp = clock.tick(1_790_000_000_000 + rid)
        out.changes.append((uuid7(), "citizen", cid, "upsert", payload, stamp, staff, SCHEMA_VERSION))
    return out


def schema_statements() -> list[str]:
    """The statements of every migration, in order (what ``migrate.upgrade`` would run)."""
    statements: list[str] = []
    for path in sorted((MIGRATIONS / "versions").glob("[0-9]*.py")):
        spec = importlib.util.spec_from_file_location(f"bench_migration_{path.stem}", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        statements.extend(module.STATEMENTS)
    return statements


def stdlib_schema(statements: Sequence[str]) -> list[str]:
    """The schema for an older SQLite (no FTS5 contentless_delete or secure-delete option)."""
    out = []
    for statement in statements:
        if "'secure-delete'" in statement:
            continue
        out.append(statement.replace("contentless_delete=1, ", ""))
    return out


def product_pragmas(directory: Path) -> list[str]:
    """The PRAGMA statements that reproduce a keyed connection's settings (read, not assumed)."""
    path = directory / "pragma-probe.db"
    conn = engine.connect(path, os.urandom(32), create=True)
    try:
        values = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in MIRRORED_PRAGMAS}
    finally:
        conn.close()
        for leftover in directory.glob("pragma-probe.db*"):
            leftover.unlink()
    return [f"PRAGMA {name} = {value}" for name, value in values.items()]


def open_plain(path: Path, *, stdlib: bool, pragmas: Sequence[str]) -> Any:
    """An unencrypted connection with the PRAGMAs ``engine.connect`` sets on keyed ones.

    ``stdlib`` False: SQLCipher's own library with no key (same SQLite build, no encryption).
    """
    module: Any = sqlite3 if stdlib else sqlcipher3
    conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in pragmas:
        conn.execute(pragma)
    return conn


def pragma_values(conn: Any) -> dict[str, Any]:
    names = (
        "journal_mode",
        "synchronous",
        "temp_store",
        "secure_delete",
        "page_size",
        "cache_size",
    )
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in names}


def insert_raw(conn: Any, rows: RawRows, *, full: bool) -> None:
    conn.executemany(CITIZEN_INSERT, rows.citizens)
    if full:
        conn.executemany(FTS_INSERT, rows.fts)
        conn.executemany(CHANGE_INSERT, rows.changes)


def fetch_rows(conn: Any, rids: Sequence[int]) -> list[Any]:
    """What ``citizens.get_many_by_rid`` reads, at the DB-API level."""
    if not rids:
        return []
    marks = ",".join("?" * len(rids))
    sql = f"SELECT {SELECT_COLUMNS} FROM citizens WHERE rid IN ({marks})"
    return list(conn.execute(sql, tuple(rids)).fetchall())


# -------------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class Sample:
    rid: int
    cid: str
    surname: str
    given_names: str
    surname_latin: str
    given_names_latin: str
    passport: str
    iin: str
    phone: str


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    rid: int
    cid: str


KINDS = (
    "name_prefix",
    "cyrillic_full",
    "latin_passport",
    "latin_typed",
    "passport_full",
    "passport_prefix",
    "iin",
    "phone_tail",
)
_SAMPLE_COLUMNS = (
    "rid, id, surname, given_names, surname_latin, given_names_latin, passport_number, national_id, phones"
)


def _sample(row: Sequence[Any]) -> Sample | None:
    rid, cid, surname, given, surname_lat, given_lat, passport, iin, phones = row
    numbers = [entry["number"] for entry in orjson.loads(phones)] if phones else []
    if not (surname and given and surname_lat and given_lat and passport and iin and numbers):
        return None
    return Sample(rid, cid, surname, given, surname_lat, given_lat, passport, iin, numbers[0])


def samples_from_db(conn: Any, count: int, seed: int) -> list[Sample]:
    """``count`` citizens picked at random (deterministically) from a registry."""
    top = int(conn.execute("SELECT coalesce(max(rid), 0) FROM citizens").fetchone()[0])
    rng = random.Random(seed)
    picked = sorted(rng.sample(range(1, top + 1), min(top, count * 2)))
    out: list[Sample] = []
    for start in range(0, len(picked), 500):
        part = picked[start : start + 500]
        marks = ",".join("?" * len(part))
        sql = f"SELECT {_SAMPLE_COLUMNS} FROM citizens WHERE rid IN ({marks})"
        for row in conn.execute(sql, part):
            sample = _sample(row)
            if sample:
                out.append(sample)
    rng.shuffle(out)
    return out[:count]


def samples_from_raw(rows: RawRows, count: int, seed: int) -> list[Sample]:
    """The same, from rows about to be inserted (for the cipher comparison)."""
    rng = random.Random(seed)
    at = {col: 2 + i for i, col in enumerate(STORED)}
    out: list[Sample] = []
    for row in rng.sample(rows.citizens, min(len(rows), count * 2)):
        sample = _sample(
            (
                row[0],
                row[1],
                *(
                    row[at[c]]
                    for c in (
                        "surname",
                        "given_names",
                        "surname_latin",
                        "given_names_latin",
                        "passport_number",
                        "national_id",
                        "phones",
                    )
                ),
            )
        )
        if sample:
            out.append(sample)
    return out[:count]


# How people commonly type a passport spelling: lower-case vowels + i/ia/iu as y-forms.
_TYPED_VARIANTS = (
    ("ai", "ay"),
    ("ei", "ey"),
    ("oi", "oy"),
    ("ui", "uy"),
    ("iia", "iya"),
    ("iu", "yu"),
    ("ia", "ya"),
)


def _typed(latin: str, rng: random.Random) -> str:
    text = " ".join(word.capitalize() for word in latin.split())
    if rng.random() < 0.5:
        return text
    lowered = text.lower()
    options = [(a, b) for a, b in _TYPED_VARIANTS if a in lowered]
    if not options:
        return text
    a, b = rng.choice(options)
    out = []
    for word in text.split():
        low = word.lower().replace(a, b)
        out.append(low.capitalize())
    return " ".join(out)


def make_queries(samples: Sequence[Sample], count: int, seed: int) -> list[Query]:
    """``count`` queries cycling through :data:`KINDS`, each drawn from one sample citizen."""
    rng = random.Random(seed)
    out: list[Query] = []
    for i in range(count):
        s = samples[i % len(samples)]
        kind = KINDS[i % len(KINDS)]
        if kind == "name_prefix":
            word = (s.surname if rng.random() < 0.5 else s.given_names).split()[0]
            text = word[: rng.randint(2, 5)]
        elif kind == "cyrillic_full":
            text = f"{s.surname} {s.given_names}"
        elif kind == "latin_passport":
            text = f"{s.surname_latin} {s.given_names_latin}"
        elif kind == "latin_typed":
            text = _typed(f"{s.surname_latin} {s.given_names_latin}", rng)
        elif kind == "passport_full":
            text = s.passport
        elif kind == "passport_prefix":
            text = s.passport[: rng.randint(4, 7)]
        elif kind == "iin":
            text = s.iin
        else:
            digits = "".join(ch for ch in s.phone if ch.isdigit())
            text = digits[-rng.randint(4, 8) :]
        out.append(Query(kind, text, s.rid, s.cid))
    return out
