"""Applying entries pulled from HQ to the workstation's tables, one transaction per batch.

Each entry goes through the merge rules (sync/merge.py) against the record's current state, read in
bulk before the batch (the table's values, ``sync_state``'s stamps); the results are written at the
end of the batch: creations together through the bulk insert paths (a first pull of a whole post's
register costs what an import of it does), per-record writes only where a record exists. The new
cursor is stored in the same transaction, so a batch is applied wholly or not at all, and pulling it
again changes nothing. An entry that cannot be applied (an unknown field, a value of the wrong type,
a create without what its table needs) is reported by id and skipped, before anything of it is written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection

from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, UnitOfWork
from embassy_desk.storage import meta, sync_state
from embassy_desk.storage.sync_state import StoredState
from embassy_desk.sync import merge, outbox
from embassy_desk.sync.local_tables import ADAPTERS, CHUNK, Creation, Values
from embassy_desk.sync.wire import PERSON_RECORDS, PulledEntry

log = logging.getLogger(__name__)

CURSOR = "sync.cursor"

# Parents before children: a contact is kept only if its citizen is on the register after the batch.
ORDER = (
    "citizen",
    "household",
    "case",
    "contact",
    "case_event",
    "notice",
    "duplicate_decision",
    "publication",
    "conflict_resolution",
    "campaign",
    "campaign_target",
    "duty_note",
    "flight",
    "manifest_entry",
    "checkin_link",
    "phone_change",
)


@dataclass(frozen=True)
class Malformed:
    """An entry that was not applied, and why (no values: they may be personal)."""

    id: str
    reason: str


@dataclass
class ApplyReport:
    """What a batch did: entries applied, skipped (this workstation's own, or a contact of a person no
    longer registered), conflicts newly queued, and entries refused as malformed."""

    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    malformed: list[Malformed] = field(default_factory=list)


def cursor(conn: Connection) -> int:
    """The last HQ sequence number applied (0 before the first pull)."""
    return int(meta.get(conn, CURSOR, 0))


def check_entry(entry: PulledEntry) -> str | None:
    """Why ``entry`` cannot be applied here, or None."""
    adapter = ADAPTERS.get(entry.entity)
    if adapter is None:
        return f"unknown entity {entry.entity!r}"
    if adapter.append_only and entry.op in ("update", "restore"):
        return f"{entry.entity} records are never {'edited' if entry.op == 'update' else 'restored'}"
    fields = entry.fields
    if entry.op == "delete":
        unknown = set(fields) - {"merged_into"}
        if unknown:
            return f"a delete carries no fields but merged_into, not {sorted(unknown)}"
        target = fields.get("merged_into")
        if target is not None and not (isinstance(target, str) and target):
            return "merged_into must be a record id"
        return None
    unknown = fields.keys() - adapter.column_set
    if unknown:
        return f"unknown fields of {entry.entity}: {sorted(unknown)}"
    checked = adapter.checked
    for name, value in fields.items():
        # Most values are plain text of a free column: nothing more to look at (a first pull has 90,000).
        if value is None or (value.__class__ is str and name not in checked):
            continue
        problem = adapter.check_value(name, value)
        if problem:
            return problem
    if entry.op in ("create", "restore"):
        missing = [name for name in adapter.required if fields.get(name) is None]
        if missing:
            return f"a {entry.op} of {entry.entity} needs {missing}"
    return None


@dataclass
class _Record:
    """One record touched by the batch: what is stored, and its merge state as entries apply."""

    entity: str
    record_id: str
    stored: tuple[Values, Any] | None
    initial: StoredState | None
    state: merge.RecordState | None
    staff: str = ""
    hlc: str = ""
    touched: bool = False


def _state(stored: tuple[Values, Any] | None, kept: StoredState | None) -> merge.RecordState | None:
    if stored is None and kept is None:
        return None
    kept = kept or StoredState()
    return merge.RecordState(
        values=dict(stored[0]) if stored is not None else {},
        stamps=dict(kept.stamps),
        writers=dict(kept.writers),
        epoch=kept.epoch,
        deleted=kept.deleted if stored is None else False,
        deleted_hlc=kept.deleted_hlc,
        merged_into=kept.merged_into,
    )


class _Batch:
    """The records of one batch, loaded in bulk, merged in memory, written at the end."""

    def __init__(self, conn: Connection, now: str, device: str) -> None:
        self.conn = conn
        self.now = now
        self.device = device
        self.records: dict[str, dict[str, _Record]] = {entity: {} for entity in ADAPTERS}
        self.conflicts: list[merge.Conflict] = []
        # (entity, kept id, groups): this workstation's changes of a record merged away elsewhere.
        self.forwards: list[tuple[str, str, dict[str, Any]]] = []
        self._unsent: set[str] | None = None

    def local_unsent(self, hlc: str) -> bool:
        # Read once per batch, and only when the merge asks (a concurrent change).
        if self._unsent is None:
            self._unsent = outbox.unsent_stamps(self.conn)
        return hlc in self._unsent

    def preload(self, entity: str, ids: Sequence[str]) -> None:
        known = self.records[entity]
        wanted = [i for i in dict.fromkeys(ids) if i not in known]
        if not wanted:
            return
        adapter = ADAPTERS[entity]
        stored = adapter.load(self.conn, wanted)
        kept = sync_state.get_many(self.conn, entity, wanted)
        for record_id in wanted:
            row, state = stored.get(record_id), kept.get(record_id)
            known[record_id] = _Record(entity, record_id, row, state, _state(row, state))

    def record(self, entity: str, record_id: str) -> _Record:
        if record_id not in self.records[entity]:
            self.preload(entity, [record_id])
        return self.records[entity][record_id]

    def apply(self, entry: PulledEntry) -> None:
        entity = entry.entity
        rec = self.record(entity, entry.record_id)
        before = rec.state
        # merge.apply never redirects nor folds (docs/sync.md): data reaches a kept record only as
        # entries of its own, such as the forwarded changes below.
        outcome = merge.apply(entity, rec.state, entry, local_unsent=self.local_unsent)
        if outcome.state is not None:
            rec.state = outcome.state
            rec.touched = True
            rec.staff = entry.staff
            if entry.op in ("create", "restore") or not rec.hlc:
                rec.hlc = entry.hlc
        target = entry.fields.get("merged_into") if entry.op == "delete" else None
        if target:
            # A merge this workstation had not seen: its own changes of the dropped record move to the
            # kept one, as a new local update (only their writer forwards them: they land once).
            forwarded = merge.forward_fields(entity, before, entry, device=self.device)
            if forwarded:
                self.forwards.append((entity, str(target), forwarded))
        self.conflicts.extend(outcome.conflicts)

    def write(self) -> int:
        """Write every touched record; return how many records of unregistered people were dropped."""
        dropped = 0
        states: list[tuple[str, str, merge.RecordState]] = []
        for entity in ORDER:
            adapter = ADAPTERS[entity]
            creations: list[Creation] = []
            for rec in self.records[entity].values():
                if not rec.touched or rec.state is None:
                    continue
                state = rec.state
                if state.deleted:
                    if rec.stored is not None:
                        adapter.delete(self.conn, rec.record_id, rec.stored[1])
                elif rec.stored is None:
                    creations.append(Creation(rec.record_id, dict(state.values), rec.staff, rec.hlc))
                else:
                    adapter.update(
                        self.conn, rec.stored[1], rec.stored[0], state.values, staff=rec.staff, now=self.now
                    )
                # A record created and never edited needs no row (a first pull writes none).
                if rec.initial is not None or not sync_state.is_plain(state):
                    states.append((entity, rec.record_id, state))
            if entity in PERSON_RECORDS:
                creations, gone = self._registered(creations)
                dropped += gone
            if creations:
                adapter.insert(self.conn, creations)
            if entity == "contact":
                self._last_contacts(creations)
        sync_state.put_many(self.conn, states)
        return dropped

    def forward(self, uow: UnitOfWork) -> None:
        """Write the forwarded changes on their kept records (after :meth:`write`: from the tables)."""
        for entity, target, fields in self.forwards:
            adapter = ADAPTERS[entity]
            seen: set[str] = set()
            # The kept record may itself have been merged away since: follow it; a deleted one ends it.
            while target not in seen:
                seen.add(target)
                kept = sync_state.get(self.conn, entity, target)
                if kept is None or not kept.deleted or not kept.merged_into:
                    break
                target = kept.merged_into
            stored = adapter.load(self.conn, [target]).get(target)
            if stored is None:
                continue
            current, handle = stored
            new = {**current, **fields}
            adapter.update(self.conn, handle, current, new, staff=uow.user.id, now=self.now)
            uow.change(entity, target, "update", fields)

    def _registered(self, creations: list[Creation]) -> tuple[list[Creation], int]:
        ids = list({str(c.values["citizen_id"]) for c in creations})
        present: set[str] = set()
        for at in range(0, len(ids), CHUNK):
            part = ids[at : at + CHUNK]
            marks = ",".join("?" * len(part))
            present.update(
                str(r[0])
                for r in self.conn.exec_driver_sql(
                    f"SELECT id FROM citizens WHERE id IN ({marks})", tuple(part)
                )
            )
        kept = [c for c in creations if c.values["citizen_id"] in present]
        return kept, len(creations) - len(kept)

    def _last_contacts(self, creations: Sequence[Creation]) -> None:
        latest: dict[str, str] = {}
        for c in creations:
            cid, at = str(c.values["citizen_id"]), str(c.values["at"])
            if at > latest.get(cid, ""):
                latest[cid] = at
        if latest:
            # A contact logged elsewhere may be older than one logged here: the latest stays.
            self.conn.exec_driver_sql(
                "UPDATE citizens SET last_contact_at = ? WHERE id = ?"
                " AND (last_contact_at IS NULL OR last_contact_at < ?)",
                [(at, cid, at) for cid, at in latest.items()],
            )

    def record_conflicts(self) -> int:
        if not self.conflicts:
            return 0
        ids = list({c.id for c in self.conflicts})
        marks = ",".join("?" * len(ids))
        resolved = {
            str(r[0])
            for r in self.conn.exec_driver_sql(
                f"SELECT id FROM sync_resolutions WHERE id IN ({marks})", tuple(ids)
            )
        }
        before = self.conn.exec_driver_sql("SELECT count(*) FROM sync_conflicts").scalar_one()
        self.conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_conflicts(id, entity, record_id, grp, kind, local_value,"
            " remote_value, local_hlc, remote_hlc, local_staff, remote_staff, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.entity,
                    c.record_id,
                    c.group,
                    c.kind,
                    orjson.dumps(c.local_value).decode(),
                    orjson.dumps(c.remote_value).decode(),
                    c.local_hlc,
                    c.remote_hlc,
                    c.local_staff,
                    c.remote_staff,
                    # Settled elsewhere before it arrived here: nothing left to decide.
                    "resolved" if c.id in resolved else "open",
                    self.now,
                )
                for c in self.conflicts
            ],
        )
        after = self.conn.exec_driver_sql("SELECT count(*) FROM sync_conflicts").scalar_one()
        return int(after) - int(before)


def apply_batch(session: Session, entries: Sequence[PulledEntry], *, cursor: int) -> ApplyReport:
    """Apply a batch pulled from HQ and store ``cursor`` with it, in one transaction.

    This workstation's own entries are skipped (they were applied when written); malformed ones are
    reported in ``ApplyReport.malformed`` and skipped whole.
    """
    report = ApplyReport()
    own = session.device_id
    valid: list[PulledEntry] = []
    for entry in entries:
        if entry.device == own:
            report.skipped += 1
            continue
        problem = check_entry(entry)
        if problem is not None:
            log.warning("pulled entry %s (seq %s) not applied: %s", entry.id, entry.seq, problem)
            report.malformed.append(Malformed(entry.id, problem))
            continue
        valid.append(entry)
    # Anyone signed in brings the register up to date: what arrives is other people's work, checked
    # against their roles where it was written; who may start a sync is the sync service's question.
    with session.write(Action.CITIZEN_VIEW) as uow:
        batch = _Batch(uow.conn, uow.now, session.device_id)
        by_entity: dict[str, list[str]] = {}
        for entry in valid:
            by_entity.setdefault(entry.entity, []).append(entry.record_id)
        for entity, ids in by_entity.items():
            batch.preload(entity, ids)
        for entry in valid:
            batch.apply(entry)
        report.applied = len(valid)
        dropped = batch.write()
        batch.forward(uow)
        report.applied -= dropped
        report.skipped += dropped
        report.conflicts = batch.record_conflicts()
        meta.put(uow.conn, CURSOR, cursor)
        if valid:
            # Later local changes must sort after everything seen (hybrid logical clock).
            session.clock.observe(max(e.hlc for e in valid), time.time_ns() // 1_000_000)
    return report


__all__ = ["CURSOR", "ApplyReport", "Malformed", "apply_batch", "check_entry", "cursor"]
