"""HQ's own audit log (issue 13): sign-ins, record views, publications, revocations and enrollment
codes, append-only and hash-chained exactly like a workstation's (storage/audit.entry_hash, promise 15).

Entries name records and posts by id, never by personal data. ``append`` runs in the caller's
transaction; the chain's head is the row with the highest ``seq``, read ``FOR UPDATE`` on PostgreSQL
so two requests never chain onto the same entry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from embassy_desk.hq.tables import hq_audit
from embassy_desk.storage.audit import GENESIS, entry_hash


@dataclass(frozen=True)
class AuditEntry:
    """One entry of HQ's audit log as stored."""

    seq: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class ChainState:
    """The result of :func:`verify`: ``entries`` checked and the first broken seq (None: intact)."""

    entries: int
    broken_at: int | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def append(
    conn: Connection,
    *,
    at: str,
    actor: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    details: Mapping[str, Any] | None = None,
) -> int:
    """Append one entry in the caller's transaction; returns its seq."""
    last = select(hq_audit.c.seq, hq_audit.c.hash).order_by(hq_audit.c.seq.desc()).limit(1)
    if conn.dialect.name == "postgresql":
        # Serialise appenders: the second waits for the first's commit, then chains onto it.
        conn.exec_driver_sql("LOCK TABLE hq_audit IN SHARE ROW EXCLUSIVE MODE")
    row = conn.execute(last).first()
    seq, prev = (int(row[0]), str(row[1])) if row else (0, GENESIS)
    details_text = json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True)
    new_hash = entry_hash(prev, at, actor, action, entity, entity_id, details_text)
    conn.execute(
        hq_audit.insert().values(
            seq=seq + 1,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details_text,
            prev_hash=prev,
            hash=new_hash,
        )
    )
    return seq + 1


def append_many(conn: Connection, items: Sequence[Mapping[str, Any]]) -> int:
    """Append several entries in the caller's transaction, chained in order, with one read of the
    head and one insert (a drain of thousands of check-ins); each item holds the keyword arguments
    of :func:`append`. Returns the seq of the last one (0 when ``items`` is empty)."""
    if not items:
        return 0
    last = select(hq_audit.c.seq, hq_audit.c.hash).order_by(hq_audit.c.seq.desc()).limit(1)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE hq_audit IN SHARE ROW EXCLUSIVE MODE")
    row = conn.execute(last).first()
    seq, prev = (int(row[0]), str(row[1])) if row else (0, GENESIS)
    rows: list[dict[str, Any]] = []
    for item in items:
        at, actor, action = str(item["at"]), str(item["actor"]), str(item["action"])
        entity, entity_id = str(item.get("entity", "")), str(item.get("entity_id", ""))
        details_text = json.dumps(dict(item.get("details") or {}), ensure_ascii=False, sort_keys=True)
        seq += 1
        digest = entry_hash(prev, at, actor, action, entity, entity_id, details_text)
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "details": details_text,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    conn.execute(hq_audit.insert(), rows)
    return seq


def entries(conn: Connection, *, before: int | None = None, limit: int = 100) -> list[AuditEntry]:
    """The newest ``limit`` entries (with seq below ``before`` when given), newest first."""
    query = select(hq_audit).order_by(hq_audit.c.seq.desc()).limit(limit)
    if before is not None:
        query = query.where(hq_audit.c.seq < before)
    return [
        AuditEntry(
            seq=int(r.seq),
            at=r.at,
            actor=r.actor,
            action=r.action,
            entity=r.entity,
            entity_id=r.entity_id,
            details=_details(r.details),
            hash=r.hash,
        )
        for r in conn.execute(query).mappings()
    ]


def _details(text: str) -> dict[str, Any]:
    # A tampered row may hold anything: verify() reports it; the log must still be readable.
    try:
        value = json.loads(text)
    except ValueError:
        return {"unreadable": text}
    return value if isinstance(value, dict) else {"unreadable": text}


def count(conn: Connection) -> int:
    """How many entries the log holds."""
    return int(conn.execute(select(func.count()).select_from(hq_audit)).scalar_one())


def verify(conn: Connection) -> ChainState:
    """Walk the whole chain: every entry's prev_hash is the previous hash, every hash recomputes, and
    the seqs run 1, 2, 3 ... without a gap (a deleted entry breaks the chain where it was)."""
    prev = GENESIS
    checked = 0
    rows = conn.execute(select(hq_audit).order_by(hq_audit.c.seq)).mappings()
    for r in rows:
        checked += 1
        if int(r.seq) != checked or r.prev_hash != prev:
            return ChainState(checked, int(r.seq))
        recomputed = entry_hash(prev, r.at, r.actor, r.action, r.entity, r.entity_id, r.details)
        if recomputed != r.hash:
            return ChainState(checked, int(r.seq))
        prev = r.hash
    return ChainState(checked, None)
