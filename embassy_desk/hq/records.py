"""HQ's materialised records: each post's registry as sync/merge.apply builds it from the log.

The ``records`` table keeps the merge state of every record (values, group stamps, epoch, tombstone)
as JSON, plus a few columns copied out for statistics. HQ applies entries in seq order, exactly as
every workstation does, so its digest (``post_summary``) is the one a converged workstation computes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, false, select

from embassy_desk.domain.enums import WelfareStatus
from embassy_desk.hq.checkin_links import copy_links
from embassy_desk.hq.clock import iso, parse_moment
from embassy_desk.hq.sql import chunks, increment, insert_rows, one_of, upsert
from embassy_desk.hq.tables import records, welfare_counts, welfare_hours
from embassy_desk.sync import merge, wire
from embassy_desk.sync.wire import PERSON_RECORDS

Key = tuple[str, str]  # (entity, record_id)
# Where a citizen record without a welfare status counts in ``welfare_counts``.
UNKNOWN_WELFARE = WelfareStatus.UNKNOWN.value


def state_json(state: merge.RecordState) -> str:
    """A record state as stored (merge's canonical JSON, as workstations keep it)."""
    return state.to_json()


def state_from_json(text: str) -> merge.RecordState:
    """A stored record state."""
    return merge.RecordState.from_json(text)


def _never_unsent(_hlc: str) -> bool:
    # HQ has no local changes of its own waiting to be sent.
    return False


class RecordCache:
    """Record states of one post read once per push batch, changed in memory, written back once."""

    def __init__(self, conn: Connection, post: str) -> None:
        self.conn = conn
        self.post = post
        self.states: dict[Key, merge.RecordState | None] = {}
        self.stored: set[Key] = set()  # keys that have a row in ``records``
        self.changed: dict[Key, int] = {}  # key -> seq of the entry that last changed it
        # Citizens' welfare counter slot as first read in this batch (see :func:`welfare_slot`): the
        # flush turns the difference to the final states into counter deltas.
        self.first_slot: dict[str, str | None] = {}

    def _seen(self, key: Key, state: merge.RecordState | None) -> None:
        self.states[key] = state
        if key[0] == "citizen" and key[1] not in self.first_slot:
            self.first_slot[key[1]] = welfare_slot(state)

    def preload(self, keys: Iterable[Key]) -> None:
        """Read the states of these records (one query per entity and chunk)."""
        by_entity: dict[str, list[str]] = {}
        for entity, record_id in keys:
            if (entity, record_id) not in self.states:
                by_entity.setdefault(entity, []).append(record_id)
        for entity, ids in by_entity.items():
            unique = sorted(set(ids))
            for part in chunks(unique):
                found: dict[str, merge.RecordState] = {}
                rows = self.conn.execute(
                    select(records.c.record_id, records.c.state).where(
                        records.c.post == self.post,
                        records.c.entity == entity,
                        one_of(self.conn, records.c.record_id, part),
                    )
                )
                for record_id, text in rows:
                    found[record_id] = state_from_json(text)
                    self.stored.add((entity, record_id))
                for key in part:
                    self._seen((entity, key), found.get(key))

    def get(self, key: Key) -> merge.RecordState | None:
        if key not in self.states:
            self.preload([key])
        return self.states[key]

    def plan(self, entry: wire.Entry) -> list[tuple[Key, merge.RecordState | None, merge.RecordState | None]]:
        """What ``entry`` does to the records, as (key, state before, state after) triples, without
        keeping anything: merge's exceptions (the entry is invalid: 422) leave the cache untouched.
        The same steps as a workstation's sync/apply.py, so HQ's records converge with theirs."""
        key: Key = (entry.entity, entry.record_id)
        before = self.get(key)
        if entry.entity in PERSON_RECORDS and entry.op == "create" and before is None:
            # Workstations drop a contact, call-list place or manifest entry whose person is no
            # longer registered (sync/apply.py): HQ does not count it either, or the end-of-sync
            # check would never agree.
            person = self.get(("citizen", str(entry.fields.get("citizen_id", ""))))
            if person is None or person.deleted:
                return []
        outcome = merge.apply(entry.entity, before, entry, local_unsent=_never_unsent)
        changes: list[tuple[Key, merge.RecordState | None, merge.RecordState | None]] = [
            (key, before, outcome.state)
        ]
        if (
            entry.entity == "citizen"
            and outcome.state is not None
            and outcome.state.deleted
            and (before is None or not before.deleted)
        ):
            # A deleted person's contact log, call-list places and manifest entries go with them on
            # every workstation (storage/citizens.delete), including ones the deleting workstation
            # had not seen yet.
            for entity in sorted(PERSON_RECORDS):
                for record_key, record in self.live_records_of(entity, key[1]):
                    gone = merge.RecordState(
                        deleted=True, deleted_hlc=entry.hlc, writers=dict(record.writers)
                    )
                    changes.append((record_key, record, gone))
        return changes

    def live_records_of(self, entity: str, citizen_id: str) -> list[tuple[Key, merge.RecordState]]:
        """The post's live records of ``entity`` about one person: stored ones and ones changed in
        this batch."""
        # The state is canonical JSON (sorted keys, no spaces), so the value is found as written.
        literal = '"citizen_id":' + json.dumps(citizen_id, ensure_ascii=False)
        escaped = literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            select(records.c.record_id, records.c.state).where(
                records.c.post == self.post,
                records.c.entity == entity,
                records.c.deleted == false(),
                records.c.state.like(f"%{escaped}%", escape="\\"),
            )
        )
        for record_id, text in rows:
            if (entity, record_id) not in self.states:
                self._seen((entity, record_id), state_from_json(text))
                self.stored.add((entity, record_id))
        return [
            (key, state)
            for key, state in self.states.items()
            if key[0] == entity
            and state is not None
            and not state.deleted
            and state.values.get("citizen_id") == citizen_id
        ]

    def keep(
        self, changes: list[tuple[Key, merge.RecordState | None, merge.RecordState | None]], seq: int
    ) -> None:
        """Keep planned changes made by the entry with sequence number ``seq``."""
        for key, _before, after in changes:
            if after is None:
                continue
            self.states[key] = after
            self.changed[key] = seq

    def flush(self, *, now: str) -> None:
        """Write every changed record back: new ones inserted (COPY on PostgreSQL), known ones
        upserted, and the welfare counters moved by the net change of each citizen (``now``: HQ's
        moment, whose hour the changes are filed under in ``welfare_hours``). Safe because every
        writer of a post's records holds the post's row lock."""
        self._count_welfare(now[:13])
        rows: list[dict[str, Any]] = []
        new_rows: list[dict[str, Any]] = []
        for (entity, record_id), seq in self.changed.items():
            state = self.states[(entity, record_id)]
            assert state is not None
            (rows if (entity, record_id) in self.stored else new_rows).append(
                {
                    "post": self.post,
                    "entity": entity,
                    "record_id": record_id,
                    "updated_seq": seq,
                    "digest": merge.record_digest(entity, record_id, state).hex(),
                    **materialised_columns(entity, state),
                }
            )
        upsert(self.conn, records, rows, keys=("post", "entity", "record_id"))
        insert_rows(self.conn, records, new_rows)
        links = [
            (record_id, state)
            for (entity, record_id) in self.changed
            if entity == "checkin_link" and (state := self.states[(entity, record_id)]) is not None
        ]
        if links:
            copy_links(self.conn, self.post, links)
        self.stored.update(self.changed)
        self.changed.clear()

    def _count_welfare(self, hour: str) -> None:
        deltas: dict[str, int] = {}
        for entity, record_id in self.changed:
            if entity != "citizen":
                continue
            before = self.first_slot.get(record_id)
            after = welfare_slot(self.states[(entity, record_id)])
            if before == after:
                continue
            if before is not None:
                deltas[before] = deltas.get(before, 0) - 1
            if after is not None:
                deltas[after] = deltas.get(after, 0) + 1
            self.first_slot[record_id] = after  # a second flush counts from here
        changes = sorted((status, delta) for status, delta in deltas.items() if delta)
        if not changes:
            return
        increment(
            self.conn,
            welfare_counts,
            [{"post": self.post, "status": status, "count": delta} for status, delta in changes],
            keys=("post", "status"),
            column="count",
        )
        increment(
            self.conn,
            welfare_hours,
            [
                {"post": self.post, "hour": hour, "status": status, "delta": delta}
                for status, delta in changes
            ],
            keys=("post", "hour", "status"),
            column="delta",
        )


def welfare_slot(state: merge.RecordState | None) -> str | None:
    """The ``welfare_counts`` status a citizen record counts under: the value its ``welfare_status``
    column holds (``unknown`` for none), or None when the record is deleted or absent. The same
    rule as the migration's backfill (COALESCE(welfare_status, 'unknown') over live citizens)."""
    if state is None or state.deleted:
        return None
    # The column's own rule (_short), without serialising the whole state as materialised_columns does.
    value = _short(state.values.get("welfare_status"))
    return UNKNOWN_WELFARE if value is None else value


def materialised_columns(entity: str, state: merge.RecordState) -> dict[str, Any]:
    """The ``records`` columns of one record state (what the statistics read)."""
    values = state.values if not state.deleted else {}
    at = None
    if entity == "contact":
        moment = parse_moment(str(values.get("at") or ""))
        at = iso(moment) if moment is not None else None
    welfare = values.get("welfare_status") if entity == "citizen" else None
    status = values.get("status") if entity in ("citizen", "case") else None
    if entity == "campaign_target":
        # pending / done / follow_up: a campaign's progress as synced (the console's post page).
        status = values.get("state")
    priority = values.get("priority") if entity == "case" else None
    return {
        "state": state_json(state),
        "deleted": bool(state.deleted),
        "welfare_status": _short(welfare),
        "status": _short(status),
        "priority": _short(priority),
        "at": at,
    }


def _short(value: object) -> str | None:
    # Vocabulary values only; anything else (a hostile value) is not copied into an indexed column.
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= 40 else None


def post_summary(conn: Connection, post: str, cursor: int) -> wire.Summary:
    """Per-entity counts of live records and the digest over them (merge.record_digest, post_digest).

    Each record's digest is stored when the record changes, so the check that ends every sync reads
    one short column instead of parsing every record's state (a 100-change sync stays well under 1 s
    on a post of 30,000 citizens)."""
    counts: dict[str, int] = {}
    digests: list[bytes] = []
    rows = conn.execute(
        select(records.c.entity, records.c.digest).where(records.c.post == post, records.c.deleted == false())
    )
    for entity, digest in rows:
        counts[entity] = counts.get(entity, 0) + 1
        digests.append(bytes.fromhex(digest))
    return wire.Summary(counts=counts, digest=merge.post_digest(digests), cursor=cursor)
