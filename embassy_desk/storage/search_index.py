"""Full-text search over citizens (FTS5 inside the encrypted file).

The index is contentless: it keeps tokens, not text. Names are indexed as script-independent keys
(``translit.search_key``), so Айгерим, AIGERIM and Aygerim meet on one token and a typed prefix
finds the rest; a name with an ambiguous letter also keeps the keys of its other common
romanisations (``translit.index_token_tuple``: Семёнов as SEMENOV and Semyonov). Phone numbers
are indexed reversed so that "the last digits" become a prefix query.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from embassy_desk.domain import translit

NAME_FIELDS = ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin")
_NON_DIGIT = re.compile(r"\D")
_PHONE_PUNCT = re.compile(r"[\s\-+().]")
# Apostrophes stay inside a typed word ("Ol'ga"): search_key knows what to do with them.
_WORD = re.compile(r"[^\W_]+(?:['’ʼ`][^\W_]+)*", re.UNICODE)
MIN_PHONE_DIGITS = 3
_INSERT = "INSERT INTO citizen_fts(rowid, names, docs, phone_rev) VALUES (?, ?, ?, ?)"


def document(fields: Mapping[str, Any]) -> tuple[str, str, str]:
    """The three indexed columns (names, documents, reversed phones) of one citizen."""
    get = fields.get
    # Imports call this once per row: the names come from small pools, so their tokens come
    # from translit's bounded per-string cache.
    tokens = translit.index_token_tuple
    found: tuple[str, ...] = ()
    for name in NAME_FIELDS:
        found += tokens(get(name) or "")
    names = " ".join(dict.fromkeys(found))
    passport, national = get("passport_number"), get("national_id")
    if passport and national:
        docs = f"{passport.casefold()} {national.casefold()}"
    else:
        docs = passport.casefold() if passport else national.casefold() if national else ""
    phones_json = get("phones")
    reversed_numbers: list[str] = []
    if phones_json:
        # orjson reads these short arrays about five times faster than json.
        try:
            entries = orjson.loads(phones_json)
        except orjson.JSONDecodeError:
            # What orjson refuses but json reads (NaN, huge integers, lone surrogates).
            entries = json.loads(phones_json)
        for entry in entries:
            number = entry["number"]
            if number.__class__ is str and number[:1] == "+" and number[1:].isdecimal():
                # Stored numbers are E.164; this is the \D removal below without the regex.
                reversed_numbers.append(number[:0:-1])
            else:
                digits = _NON_DIGIT.sub("", number)
                reversed_numbers.append(digits[::-1])
    return names, docs, " ".join(reversed_numbers)


def index_many(conn: Connection, rows: Iterable[tuple[int, Mapping[str, Any]]]) -> None:
    """Index (rid, fields) pairs; the caller removed any previous entry for those rids."""
    insert_documents(conn, [(rid, *document(fields)) for rid, fields in rows])


def insert_documents(conn: Connection, docs: Sequence[tuple[int, str, str, str]]) -> None:
    """Index prepared (rid, names, docs, reversed phones) rows."""
    if docs:
        conn.exec_driver_sql(_INSERT, docs)


# Contentless without ``contentless_delete`` (migration 0007): such a table forgets a row only through
# the 'delete' command, given the very tokens it indexed, and with 'secure-delete' on, FTS5 then
# rewrites the segment without them. (``contentless_delete=1`` only marked the row deleted and kept
# its tokens in the raw segment blocks until some later merge: promise 6 broken.)
CREATE_TABLE = (
    "CREATE VIRTUAL TABLE citizen_fts USING fts5(names, docs, phone_rev, content='', prefix='2 3 4',"
    " tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")"
)
SECURE_DELETE = "INSERT INTO citizen_fts(citizen_fts, rank) VALUES('secure-delete', 1)"
_FORGET = "INSERT INTO citizen_fts(citizen_fts, rowid, names, docs, phone_rev) VALUES('delete', ?, ?, ?, ?)"
_INDEXED_COLUMNS = ("rid", *NAME_FIELDS, "passport_number", "national_id", "phones")


def unindex(conn: Connection, rids: Sequence[int]) -> None:
    """Remove citizens from the index, leaving none of their tokens in its pages (promise 6).

    Call it while the citizens' rows still hold what was indexed (before an UPDATE or DELETE of
    them): their tokens are recomputed from those rows. A change to :func:`document` therefore needs
    a migration that rebuilds the index (:func:`rebuild`).
    """
    if not rids:
        return
    if _marks_deletions_only(conn):
        # A database not yet at 0007 (its own migrations run before 0007 rebuilds the table).
        conn.exec_driver_sql("DELETE FROM citizen_fts WHERE rowid = ?", [(rid,) for rid in rids])
        return
    marks = ",".join("?" * len(rids))
    rows = conn.exec_driver_sql(
        f"SELECT {', '.join(_INDEXED_COLUMNS)} FROM citizens WHERE rid IN ({marks})", tuple(rids)
    ).all()
    docs = [(int(row[0]), *document(dict(zip(_INDEXED_COLUMNS, row, strict=True)))) for row in rows]
    if docs:
        conn.exec_driver_sql(_FORGET, docs)


def _marks_deletions_only(conn: Connection) -> bool:
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'citizen_fts'").scalar()
    return "contentless_delete" in str(sql or "")


def rebuild(conn: Connection, *, batch: int = 5000) -> int:
    """Drop the index and build it again from the citizens table; return how many were indexed.

    Dropping frees every page of the old index, and ``secure_delete`` zeroes freed pages, so no
    token of a citizen deleted earlier survives. Rows are read in batches (bounded memory).
    """
    conn.exec_driver_sql("DROP TABLE IF EXISTS citizen_fts")
    conn.exec_driver_sql(CREATE_TABLE)
    conn.exec_driver_sql(SECURE_DELETE)
    total = 0
    for rows in _citizen_batches(conn, _INDEXED_COLUMNS, batch):
        index_many(conn, [(int(row["rid"]), row) for row in rows])
        total += len(rows)
    return total


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _digit_clause(digits: str) -> str:
    # A number typed in national form carries a trunk prefix that E.164 drops: 0 in Korea
    # ("010-1234-5678"), 8 in Kazakhstan ("8 701 234 56 78").
    tails = {digits.lstrip("0") if len(digits) >= 9 else digits}
    if len(digits) == 11 and digits[0] == "8":
        tails.add(digits[1:])
    parts = [f"docs : {_quote(digits)}*"]
    parts += [f"phone_rev : {_quote(tail[::-1])}*" for tail in sorted(tails) if len(tail) >= MIN_PHONE_DIGITS]
    return "(" + " OR ".join(parts) + ")"


def build_match(query: str) -> str | None:
    """Turn what a person typed into an FTS5 MATCH expression, or None if nothing searchable.

    Every user term is quoted, so FTS5 operators typed by a person are searched as text.
    """
    compact = _PHONE_PUNCT.sub("", query)
    if compact.isdigit():
        return _digit_clause(compact) if len(compact) >= MIN_PHONE_DIGITS else None
    clauses: list[str] = []
    for word in _WORD.findall(query):
        if word.isdigit():
            if len(word) >= MIN_PHONE_DIGITS:
                clauses.append(_digit_clause(word))
            continue
        if any(ch.isdigit() for ch in word):
            clauses.append(f"docs : {_quote(word.casefold())}*")
            continue
        keys = translit.word_keys(word)
        if len(keys) == 1:
            clauses.append(f"names : {_quote(keys[0])}*")
        elif keys:
            clauses.append("(" + " OR ".join(f"names : {_quote(key)}*" for key in keys) + ")")
    return " AND ".join(clauses) if clauses else None


def refresh_variants(conn: Connection, *, batch: int = 5000) -> int:
    """Re-index the citizens whose names gained alternative keys (migration 0006); return how many.

    Only rows whose names hold a letter with alternatives are rewritten, and rows are read in
    batches, so a million-row registry is read once in bounded memory.
    """
    total = 0
    for rows in _citizen_batches(conn, _INDEXED_COLUMNS, batch):
        changed: list[tuple[int, dict[str, Any]]] = []
        for fields in rows:
            texts = [fields[name] or "" for name in NAME_FIELDS]
            if any(translit.index_token_tuple(t) != translit.search_token_tuple(t) for t in texts):
                changed.append((int(fields["rid"]), fields))
        # The index of revision 0006 was made with contentless_delete=1, so a row goes by its id
        # (whatever later revisions change in how rows leave the index).
        if changed:
            conn.exec_driver_sql("DELETE FROM citizen_fts WHERE rowid = ?", [(rid,) for rid, _ in changed])
            index_many(conn, changed)
        total += len(changed)
    return total


def _citizen_batches(conn: Connection, columns: Sequence[str], batch: int) -> Iterator[list[dict[str, Any]]]:
    """The citizens' ``columns`` (``rid`` first) in row-id order, ``batch`` rows at a time: a
    million-row registry is read once in bounded memory."""
    select = f"SELECT {', '.join(columns)} FROM citizens WHERE rid > ? ORDER BY rid LIMIT ?"
    last = 0
    while True:
        rows = conn.exec_driver_sql(select, (last, batch)).all()
        if not rows:
            return
        last = int(rows[-1][0])
        yield [dict(zip(columns, row, strict=True)) for row in rows]


def search_rids(conn: Connection, query: str, *, limit: int) -> list[int]:
    """Row ids of citizens matching ``query`` (at most ``limit``), best guess first."""
    match = build_match(query)
    if match is None:
        return []
    rows = conn.exec_driver_sql(
        "SELECT rowid FROM citizen_fts WHERE citizen_fts MATCH ? LIMIT ?", (match, limit)
    )
    return [int(r[0]) for r in rows]
