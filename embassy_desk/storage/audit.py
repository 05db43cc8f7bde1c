"""The append-only, hash-chained audit log (SECURITY.md promise 15).

Each entry's hash is SHA-256 over a domain-separation byte, the previous entry's hash and the
entry's canonical JSON (as RFC 6962 separates leaves from nodes). Triggers refuse UPDATE and DELETE;
the chain catches anyone who drops the triggers and edits, deletes or reorders entries, and the head
kept in ``meta`` catches a truncated tail. Entries name records by id, never by personal data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

from embassy_desk.domain.messages import Msg
from embassy_desk.storage import meta

GENESIS = "0" * 64
_LEAF_PREFIX = b"\x00"
HEAD_KEY = "audit_head"


def _canonical(at: str, actor: str, action: str, entity: str, entity_id: str, details: str) -> bytes:
    return json.dumps(
        [at, actor, action, entity, entity_id, details], ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def entry_hash(
    prev_hash: str, at: str, actor: str, action: str, entity: str, entity_id: str, details: str
) -> str:
    """The chained hash of one entry."""
    digest = hashlib.sha256(_LEAF_PREFIX + bytes.fromhex(prev_hash))
    digest.update(_canonical(at, actor, action, entity, entity_id, details))
    return digest.hexdigest()


def append(
    conn: Connection,
    *,
    actor: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    details: Mapping[str, Any] | None = None,
    at: str | None = None,
) -> str:
    """Append one entry in the caller's transaction and return its hash."""
    head = meta.get(conn, HEAD_KEY) or {"seq": 0, "hash": GENESIS}
    when = at or datetime.now(UTC).isoformat(timespec="milliseconds")
    details_text = json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True)
    new_hash = entry_hash(head["hash"], when, actor, action, entity, entity_id, details_text)
    seq = int(head["seq"]) + 1
    conn.execute(
        text(
            "INSERT INTO audit_log(seq, at, actor, action, entity, entity_id, details, prev_hash, hash)"
            " VALUES (:seq, :at, :actor, :action, :entity, :entity_id, :details, :prev, :hash)"
        ),
        {
            "seq": seq,
            "at": when,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "details": details_text,
            "prev": head["hash"],
            "hash": new_hash,
        },
    )
    meta.put(conn, HEAD_KEY, {"seq": seq, "hash": new_hash})
    return new_hash


@dataclass(frozen=True)
class ChainReport:
    """Outcome of :func:`verify`: ``problem`` is None when the chain is intact."""

    entries: int
    problem: str | None = None
    bad_seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(conn: Connection) -> ChainReport:
    """Recompute the whole chain; report the first entry that was edited, removed or moved."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    rows = conn.execute(
        text(
            "SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash"
            " FROM audit_log ORDER BY seq"
        )
    )
    for seq, at, actor, action, entity, entity_id, details, prev_hash, stored in rows:
        if seq != expected_seq:
            return ChainReport(count, Msg("audit.missing", seq=expected_seq), expected_seq)
        if prev_hash != prev:
            return ChainReport(count, Msg("audit.not_following", seq=seq, previous=seq - 1), seq)
        if entry_hash(prev, at, actor, action, entity, entity_id, details) != stored:
            return ChainReport(count, Msg("audit.altered", seq=seq), seq)
        prev = stored
        expected_seq += 1
        count += 1
    head = meta.get(conn, HEAD_KEY) or {"seq": 0, "hash": GENESIS}
    if int(head["seq"]) != count or head["hash"] != prev:
        return ChainReport(count, Msg("audit.truncated", count=count, written=int(head["seq"])), count + 1)
    return ChainReport(count)


def head(conn: Connection) -> tuple[int, str]:
    """The (sequence, hash) of the last entry as the database records it."""
    current = meta.get(conn, HEAD_KEY) or {"seq": 0, "hash": GENESIS}
    return int(current["seq"]), str(current["hash"])
