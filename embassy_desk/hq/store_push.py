"""A push: store a device's batch of entries once each, in a per-post sequence, and check its audit chain.

Per entry (SYNC.md "Push and pull"): the entry id is the idempotency key. The same id with the same
content (SHA-256 of the canonical entry) is a silent duplicate; the same id with other content is
rejected 409; an entry merge cannot apply is rejected 422. A rejected entry is recorded with its reason
and never fails the batch.

Sequence numbers: the post's row is locked first (SELECT ... FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE holds the write lock), then ``UPDATE posts SET next_seq = next_seq + :n RETURNING``
allocates the block. The lock is held to commit, so commit order is seq order and a pull never skips
an entry committed later under a lower number.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from typing import Any, cast

import orjson
from sqlalchemy import Connection, and_, select, update

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.errors import InvalidRequest
from embassy_desk.hq.records import Key, RecordCache
from embassy_desk.hq.sql import chunks, insert_ignore, insert_rows, one_of, upsert
from embassy_desk.hq.store import DeviceInfo
from embassy_desk.hq.tables import audit_entries, devices, entries, posts, rejections, staff
from embassy_desk.storage.audit import GENESIS, entry_hash
from embassy_desk.sync import wire
from embassy_desk.sync.apply import check_entry

log = logging.getLogger("embassy_desk.hq.store")

# Entities only HQ writes.
HQ_ONLY_ENTITIES = frozenset({"publication"})
EMPTY_FIELDS = "{}"
MAX_BIGINT = 2**63 - 1
MAX_INT = 2**31 - 1
MAX_STAMP = 100  # entries.epoch


def canonical_entry(entry: wire.Entry) -> bytes:
    """The bytes an entry's content hash is taken over (sorted keys, no whitespace)."""
    return orjson.dumps(entry.model_dump(mode="json"), option=orjson.OPT_SORT_KEYS)


def content_hash(entry: wire.Entry) -> str:
    """SHA-256 hex of the canonical entry: what decides duplicate (same) or conflict (other)."""
    return hashlib.sha256(canonical_entry(entry)).hexdigest()


def _has_nul(value: Any) -> bool:
    """Whether any text in a JSON value (keys included) holds a NUL character."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _json(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def _known_hashes(conn: Connection, post: str, ids: Sequence[str]) -> dict[str, str]:
    known: dict[str, str] = {}
    unique = sorted(set(ids))
    for part in chunks(unique):
        rows = conn.execute(
            select(entries.c.id, entries.c.content_hash).where(
                entries.c.post == post, one_of(conn, entries.c.id, part)
            )
        )
        known.update({row[0]: row[1] for row in rows})
    return known


def push_batch(
    conn: Connection,
    device: DeviceInfo,
    req: wire.PushRequest,
    *,
    now: str,
    device_label: str | None = None,
) -> wire.PushResponse:
    """Store ``req`` from ``device`` in the caller's transaction (see the module docstring).

    ``device_label``: the device recorded on the entries (the device id unless HQ writes).
    """
    post = device.post
    writer = device_label or device.device_id
    # The API bounds these already; a bundle's payload comes here unbounded, and a number beyond
    # the columns would be a database error instead of a refusal.
    if req.through > MAX_BIGINT or any(a.seq > MAX_BIGINT for a in req.audit):
        raise InvalidRequest(
            Msg("hq.out_of_range", field="through" if req.through > MAX_BIGINT else "audit.seq")
        )
    # Lock the post's row first: pushes of one post queue here, so ids checked below stay checked.
    last_seq = int(
        conn.execute(select(posts.c.next_seq).where(posts.c.code == post).with_for_update()).scalar_one()
    )
    known = _known_hashes(conn, post, [entry.id for entry in req.entries])
    cache = RecordCache(conn, post)
    cache.preload((entry.entity, entry.record_id) for entry in req.entries)
    accepted: list[tuple[wire.Entry, str]] = []
    rejected: list[wire.Rejected] = []
    duplicates = 0
    deleted_now: list[tuple[Key, int]] = []  # records a delete tombstoned, with the delete's seq
    for entry in req.entries:
        digest = content_hash(entry)
        earlier = known.get(entry.id)
        if earlier is not None:
            if earlier == digest:
                duplicates += 1
            else:
                rejected.append(wire.Rejected(id=entry.id, status=409, reason="same id, other content"))
            continue
        if entry.entity in HQ_ONLY_ENTITIES and device_label is None:
            rejected.append(
                wire.Rejected(id=entry.id, status=422, reason=f"{entry.entity} is written by HQ only")
            )
            continue
        if entry.schema_version > MAX_INT or len(entry.epoch) > MAX_STAMP:
            rejected.append(
                wire.Rejected(id=entry.id, status=422, reason="schema_version or epoch is out of range")
            )
            continue
        if _has_nul(entry.model_dump()):
            # PostgreSQL text cannot hold NUL (a bundle reaches here without the API's own check).
            rejected.append(wire.Rejected(id=entry.id, status=422, reason="text holds a NUL character"))
            continue
        problem = check_entry(cast(wire.PulledEntry, entry))
        if problem is not None:
            # What a workstation would refuse to apply, HQ refuses to store: the replicas stay equal.
            # The reason names fields and rules, never a value (promise 16).
            rejected.append(wire.Rejected(id=entry.id, status=422, reason=problem[:500]))
            continue
        try:
            changes = cache.plan(entry)
        except (ValueError, KeyError, TypeError) as exc:
            # The reason names the kind of problem, never a value (promise 16).
            rejected.append(
                wire.Rejected(id=entry.id, status=422, reason=f"cannot apply: {type(exc).__name__}")
            )
            continue
        seq = last_seq + len(accepted) + 1
        cache.keep(changes, seq)
        for key, before, after in changes:
            if (
                entry.op == "delete"
                and after is not None
                and after.deleted
                and not (before and before.deleted)
            ):
                deleted_now.append((key, seq))
        known[entry.id] = digest
        accepted.append((entry, digest))
    if accepted:
        new_last = conn.execute(
            update(posts)
            .where(posts.c.code == post)
            .values(next_seq=posts.c.next_seq + len(accepted))
            .returning(posts.c.next_seq)
        ).scalar_one()
        assert int(new_last) == last_seq + len(accepted), "the post row was not locked"
        refresh_statistics(conn, last_seq, int(new_last))
        rows = [
            {
                "post": post,
                "seq": last_seq + index + 1,
                "id": entry.id,
                "entity": entry.entity,
                "record_id": entry.record_id,
                "op": entry.op,
                "fields": _json(entry.fields),
                "hlc": entry.hlc,
                "staff": entry.staff,
                "schema_version": entry.schema_version,
                "base": None if entry.base is None else _json(entry.base),
                "epoch": entry.epoch,
                "device": writer,
                "content_hash": digest,
                "received_at": now,
                "blanked": False,
            }
            for index, (entry, digest) in enumerate(accepted)
        ]
        insert_rows(conn, entries, rows)
        cache.flush(now=now)
        for (entity, record_id), seq in deleted_now:
            blank_before(conn, post, entity, record_id, seq)
    for refusal in rejected:
        # Reasons name fields and rules, never values (promise 16): safe for HQ's log.
        log.info("push: entry refused %d (%s)", refusal.status, refusal.reason)
    if rejected:
        conn.execute(
            rejections.insert(),
            [
                {
                    "post": post,
                    "device": writer,
                    "entry_id": r.id,
                    "status": r.status,
                    "reason": r.reason,
                    "at": now,
                }
                for r in rejected
            ],
        )
    if req.staff:
        upsert(
            conn,
            staff,
            [
                {"post": post, "staff_id": sid[:100], "display_name": name[:200], "updated_at": now}
                for sid, name in sorted(req.staff.items())
                if "\x00" not in sid + name
            ],
            keys=("post", "staff_id"),
        )
    chain, audit_through = check_audit(conn, device, req.audit) if device_label is None else ("ok", 0)
    through = max(device.through, req.through)
    if device_label is None and through != device.through:
        conn.execute(update(devices).where(devices.c.id == device.device_id).values(through=through))
    log.info(
        "push: %d accepted, %d duplicates, %d rejected (post %s)",
        len(accepted),
        duplicates,
        len(rejected),
        post,
    )
    return wire.PushResponse(
        accepted=len(accepted),
        duplicates=duplicates,
        rejected=rejected,
        through=through,
        audit_chain="ok" if chain == "ok" else "break",
        audit_through=audit_through,
    )


def refresh_statistics(conn: Connection, before: int, after: int) -> None:
    """PostgreSQL: ANALYZE the log and the records each time a post's log doubles past 1,024 entries.

    A first push fills empty tables faster than autovacuum re-analyses them; with the statistics of
    an empty table the planner looks ids up by scanning the whole post, and every batch gets slower.
    Doubling keeps the cost logarithmic (ANALYZE samples at most 30,000 rows).
    """
    if conn.dialect.name == "postgresql" and after >= 1024 and after.bit_length() > before.bit_length():
        conn.exec_driver_sql("ANALYZE entries, records")


def blank_before(conn: Connection, post: str, entity: str, record_id: str, seq: int) -> None:
    """A record was deleted at ``seq``: blank the fields of its earlier entries in HQ's log.

    The content hash stays, so a re-push of one of them is still a silent duplicate; a device that
    pulls them later gets the empty fields and then the delete, which is where it would end anyway.
    """
    conn.execute(
        update(entries)
        .where(
            and_(
                entries.c.post == post,
                entries.c.entity == entity,
                entries.c.record_id == record_id,
                entries.c.seq < seq,
                entries.c.blanked.is_(False),
            )
        )
        .values(fields=EMPTY_FIELDS, blanked=True)
    )


def _audit_text(item: wire.AuditEntry) -> dict[str, str]:
    # Stored as sent (cut to the columns' sizes); NUL, which PostgreSQL text cannot hold, is replaced
    # after the hash was checked over the entry as sent.
    return {
        "at": item.at[:40],
        "actor": item.actor[:100],
        "action": item.action[:100],
        "entity": item.entity[:100],
        "entity_id": item.entity_id[:100],
        "details": item.details,
    }


def _known_audit(conn: Connection, device_id: str, seqs: Sequence[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for part in chunks(sorted(set(seqs))):
        rows = conn.execute(
            select(audit_entries.c.seq, audit_entries.c.hash).where(
                audit_entries.c.device == device_id, audit_entries.c.seq.in_(part)
            )
        )
        found.update({int(seq): digest for seq, digest in rows})
    return found


def check_audit(conn: Connection, device: DeviceInfo, audit: Sequence[wire.AuditEntry]) -> tuple[str, int]:
    """Store pushed audit entries and check the chain continues from the last acknowledged one
    (promise 20). Never refuses: a break is remembered as "break at seq N" (the first one).

    Entries after a gap (HQ lacks the ones before them, e.g. HQ was restored from an older backup)
    are not judged yet: HQ answers the last entry it has, and the workstation sends from there.
    Returns (chain state, last acknowledged audit seq)."""
    row = conn.execute(
        select(devices.c.audit_seq, devices.c.audit_hash, devices.c.audit_state).where(
            devices.c.id == device.device_id
        )
    ).one()
    last_seq, last_hash, state = int(row[0]), row[1] or GENESIS, row[2]
    known = _known_audit(conn, device.device_id, [a.seq for a in audit if a.seq <= last_seq])
    stored = []
    for item in sorted(audit, key=lambda a: a.seq):
        if item.seq > last_seq + 1:
            break  # a gap: wait for the missing entries (see the docstring)
        if item.seq <= last_seq:
            # Sent again after a lost answer: fine if it is the entry HQ has; a different one means
            # the workstation's history was rewritten after HQ acknowledged it.
            if known.get(item.seq, item.hash) != item.hash and state == "ok":
                state = f"break at seq {item.seq}"
            continue
        recomputed = entry_hash(
            item.prev_hash, item.at, item.actor, item.action, item.entity, item.entity_id, item.details
        )
        ok = item.seq == last_seq + 1 and item.prev_hash == last_hash and recomputed == item.hash
        if not ok and state == "ok":
            state = f"break at seq {item.seq}"
        stored.append(
            {
                "device": device.device_id,
                **{k: v.replace("\x00", "\ufffd") for k, v in _audit_text(item).items()},
                "seq": item.seq,
                "prev_hash": item.prev_hash,
                "hash": item.hash,
                "chain_ok": ok,
            }
        )
        last_seq, last_hash = item.seq, item.hash
    if stored or state != row[2]:
        for part in chunks(stored):
            insert_ignore(conn, audit_entries, part)
        conn.execute(
            update(devices)
            .where(devices.c.id == device.device_id)
            .values(audit_seq=last_seq, audit_hash=last_hash, audit_state=state)
        )
    return str(state), last_seq
