"""Citizen rows: insert, update, delete, fetch and duplicate candidates. Callers own the transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.collation import name_sort_key
from embassy_desk.storage import changelog, search_index
from embassy_desk.storage.schema import CITIZEN_DATA_COLUMNS

STORED = (*CITIZEN_DATA_COLUMNS, "name_key")
BOOKKEEPING = ("created_at", "updated_at", "created_by", "updated_by", "version")
_SELECT_COLUMNS = ", ".join(("rid", "id", *STORED, "last_contact_at", *BOOKKEEPING))
_INSERT = (
    f"INSERT INTO citizens (rid, id, {', '.join(STORED)}, name_sort, created_at, updated_at, created_by,"
    f" updated_by, version) VALUES ({', '.join('?' * (len(STORED) + 8))})"
)
# The name the registry table shows: Cyrillic parts, else the passport's Latin ones.
_CYRILLIC = tuple(STORED.index(name) for name in ("surname", "given_names", "patronymic"))
_LATIN = tuple(STORED.index(name) for name in ("surname_latin", "given_names_latin"))


def name_sort(fields: Mapping[str, Any]) -> str:
    """The ``name_sort`` column of a citizen: the key that orders the name column alphabetically."""
    if fields.get("surname") or fields.get("given_names"):
        return name_sort_key(fields.get("surname"), fields.get("given_names"), fields.get("patronymic"))
    return name_sort_key(fields.get("surname_latin"), fields.get("given_names_latin"))


def _stored_name_sort(stored: Sequence[Any]) -> str:
    if stored[_CYRILLIC[0]] or stored[_CYRILLIC[1]]:
        return name_sort_key(*(stored[i] for i in _CYRILLIC))
    return name_sort_key(*(stored[i] for i in _LATIN))


def next_rid(conn: Connection) -> int:
    """The next free row id; valid inside the caller's write transaction."""
    return int(conn.exec_driver_sql("SELECT coalesce(max(rid), 0) + 1 FROM citizens").scalar_one())


def stored_values(fields: Mapping[str, Any]) -> tuple[Any, ...]:
    """The values of :data:`STORED` columns in order (prepared off the writer thread on import)."""
    return tuple(map(fields.get, STORED))


def row_tuple(rid: int, citizen_id: str, stored: Sequence[Any], *, staff: str, now: str) -> tuple[Any, ...]:
    """The parameters of one citizens-table INSERT: row id, id, :data:`STORED` values, the name's
    sort key, bookkeeping. Every insert path builds its rows here, so every row has its key."""
    return (rid, citizen_id, *stored, _stored_name_sort(stored), now, now, staff, staff, 1)


def insert_rows(
    conn: Connection, rows: Sequence[tuple[Any, ...]], documents: Sequence[tuple[int, str, str, str]]
) -> None:
    """Insert ready :func:`row_tuple` rows and their full-text documents (bulk import)."""
    if rows:
        conn.exec_driver_sql(_INSERT, rows)
        search_index.insert_documents(conn, documents)


def insert_many(
    conn: Connection,
    records: Sequence[tuple[str, Mapping[str, Any]]],
    *,
    staff: str,
    now: str,
) -> list[int]:
    """Insert (id, fields) pairs and index them; return their row ids."""
    first = next_rid(conn)
    rids = [first + i for i in range(len(records))]
    insert_rows(
        conn,
        [
            row_tuple(rid, cid, stored_values(f), staff=staff, now=now)
            for rid, (cid, f) in zip(rids, records, strict=True)
        ],
        [(rid, *search_index.document(f)) for rid, (_cid, f) in zip(rids, records, strict=True)],
    )
    return rids


def _row_to_dict(row: Sequence[Any]) -> dict[str, Any]:
    keys = ("rid", "id", *STORED, "last_contact_at", *BOOKKEEPING)
    return dict(zip(keys, row, strict=True))


def get(conn: Connection, citizen_id: str) -> dict[str, Any] | None:
    """One citizen's stored row, or None."""
    row = conn.exec_driver_sql(f"SELECT {_SELECT_COLUMNS} FROM citizens WHERE id = ?", (citizen_id,)).first()
    return None if row is None else _row_to_dict(row)


def get_many_by_rid(conn: Connection, rids: Sequence[int]) -> list[dict[str, Any]]:
    """Rows for the given row ids, in the order given."""
    if not rids:
        return []
    marks = ",".join("?" * len(rids))
    rows = conn.exec_driver_sql(f"SELECT {_SELECT_COLUMNS} FROM citizens WHERE rid IN ({marks})", tuple(rids))
    by_rid = {row[0]: _row_to_dict(row) for row in rows}
    return [by_rid[rid] for rid in rids if rid in by_rid]


def update(
    conn: Connection, row: Mapping[str, Any], fields: Mapping[str, Any], *, staff: str, now: str
) -> int:
    """Replace a citizen's data columns, bump its version, re-index if the indexed values changed;
    return the new version."""
    assignments = ", ".join(f"{col} = :{col}" for col in STORED)
    version = int(row["version"]) + 1
    # Most updates (a welfare status, a check-in, an address) leave names, documents and phones as
    # they were: rewriting their index entry was half the time of a sync bringing 30,000 check-ins.
    reindex = search_index.document(row) != search_index.document(fields)
    if reindex:
        # Unindexed while the row still holds what was indexed: the index forgets exactly those tokens.
        search_index.unindex(conn, [row["rid"]])
    conn.execute(
        text(
            f"UPDATE citizens SET {assignments}, name_sort = :name_sort, updated_at = :now,"
            " updated_by = :staff, version = :version WHERE rid = :rid"
        ),
        {
            **{col: fields.get(col) for col in STORED},
            "name_sort": name_sort(fields),
            "now": now,
            "staff": staff,
            "version": version,
            "rid": row["rid"],
        },
    )
    if reindex:
        search_index.index_many(conn, [(row["rid"], fields)])
    return version


def delete(conn: Connection, row: Mapping[str, Any]) -> None:
    """Remove a citizen, their index entry and their contact log, and reduce their change-log
    entries (and their contacts') to what sync needs of a deletion (promise 6)."""
    search_index.unindex(conn, [row["rid"]])
    contact_ids = [
        str(r[0])
        for r in conn.execute(text("SELECT id FROM contacts WHERE citizen_id = :id"), {"id": row["id"]})
    ]
    changelog.forget_record(conn, "citizen", str(row["id"]))
    for contact_id in contact_ids:
        changelog.forget_record(conn, "contact", contact_id)
    conn.execute(text("DELETE FROM contacts WHERE citizen_id = :id"), {"id": row["id"]})
    # Their place on call lists and manifests says who they are and how they fared: it goes too.
    for entity, record_id in listed_records(conn, str(row["id"])):
        changelog.forget_record(conn, entity, record_id)
    for table in LISTS.values():
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE citizen_id = ?", (row["id"],))
    conn.execute(text("DELETE FROM citizens WHERE rid = :rid"), {"rid": row["rid"]})


# Synced records that put a citizen on a list (ids CAMPAIGN:CITIZEN, FLIGHT:CITIZEN), and their check-in
# links and reported phone numbers: entity -> table. They go with the person.
LISTS = {
    "campaign_target": "campaign_targets",
    "manifest_entry": "manifest_entries",
    "checkin_link": "checkin_links",
    "phone_change": "phone_changes",
}


def listed_records(conn: Connection, citizen_id: str) -> list[tuple[str, str]]:
    """(entity, id) of the call-list places and manifest entries of a citizen."""
    return [
        (entity, str(r[0]))
        for entity, table in LISTS.items()
        for r in conn.exec_driver_sql(f"SELECT id FROM {table} WHERE citizen_id = ?", (citizen_id,))
    ]


def duplicate_candidates(
    conn: Connection,
    fields: Mapping[str, Any],
    *,
    exclude_id: str | None = None,
) -> list[tuple[str, str]]:
    """(citizen id, reason) of stored citizens that may be the same person."""
    found: dict[str, str] = {}
    checks = (
        ("national_id", "same national id"),
        ("passport_number", "same passport number"),
    )
    for column, reason in checks:
        value = fields.get(column)
        if value:
            for (other,) in conn.exec_driver_sql(f"SELECT id FROM citizens WHERE {column} = ?", (value,)):
                found.setdefault(other, reason)
    if fields.get("birth_date") and fields.get("name_key"):
        for (other,) in conn.exec_driver_sql(
            "SELECT id FROM citizens WHERE birth_date = ? AND name_key = ?",
            (fields["birth_date"], fields["name_key"]),
        ):
            found.setdefault(other, "same name and date of birth")
    found.pop(exclude_id or "", None)
    return sorted(found.items())


def count(conn: Connection) -> int:
    """Number of citizens on the register."""
    return int(conn.exec_driver_sql("SELECT count(*) FROM citizens").scalar_one())
