"""Merge rules (SYNC.md "Merging", docs/sync.md "Merge rules"): pure functions, no database.

A record's state is a function of the set of entries it received, whatever their order, as long as
each device applies its own entries when it writes them and everyone else's in HQ's sequence order
(which keeps every entry after the entries its writer had seen). Per field group the change with the
greatest stamp wins; a record lives in an *epoch* (the stamp of the restore that last brought it back,
"" before any); a delete ends its epoch and a restore starts a newer one. Conflicts are what a person
must look at; they never change the state, so they may differ between replicas.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol, TypedDict

from embassy_desk.sync.merge_groups import (
    RECORD_GROUP,
    group_fields,
    group_of,
    groups_of,
    is_identity,
    synced_fields,
)

__all__ = [
    "RECORD_GROUP",
    "Conflict",
    "EntryLike",
    "EntryMeta",
    "Outcome",
    "RecordState",
    "apply",
    "conflict_id",
    "fold",
    "forward_fields",
    "group_fields",
    "groups_of",
    "local_change",
    "post_digest",
    "record_digest",
]

ConflictKind = Literal["edit", "restore"]


class EntryLike(Protocol):
    """What :func:`apply` reads from an entry: ``wire.Entry``, ``wire.PulledEntry`` or alike."""

    @property
    def entity(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def op(self) -> str: ...
    @property
    def fields(self) -> Mapping[str, Any]: ...
    @property
    def hlc(self) -> str: ...
    @property
    def staff(self) -> str: ...
    @property
    def base(self) -> Mapping[str, str] | None: ...
    @property
    def epoch(self) -> str: ...


class EntryMeta(TypedDict):
    """The merge fields a local write stores on its change-log entry."""

    base: dict[str, str] | None
    epoch: str


@dataclass
class RecordState:
    """What the merge knows of one record.

    ``stamps``: group -> stamp of the change that set it (absent = as created or restored);
    ``writers``: group -> staff id of that change (``RECORD_GROUP`` -> who created, restored or
    deleted the record); ``epoch``: stamp of the restore the record lives under ("" = never restored);
    a deleted record (tombstone) keeps no values and no stamps.
    """

    values: dict[str, Any] = field(default_factory=dict)
    stamps: dict[str, str] = field(default_factory=dict)
    writers: dict[str, str] = field(default_factory=dict)
    epoch: str = ""
    deleted: bool = False
    deleted_hlc: str = ""
    merged_into: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (values must be JSON values, as on the wire)."""
        return {
            "values": dict(self.values),
            "stamps": dict(self.stamps),
            "writers": dict(self.writers),
            "epoch": self.epoch,
            "deleted": self.deleted,
            "deleted_hlc": self.deleted_hlc,
            "merged_into": self.merged_into,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordState:
        """The inverse of :meth:`to_dict`; missing keys take their defaults."""
        return cls(
            values=dict(data.get("values") or {}),
            stamps={str(k): str(v) for k, v in (data.get("stamps") or {}).items() if v},
            writers={str(k): str(v) for k, v in (data.get("writers") or {}).items()},
            epoch=str(data.get("epoch") or ""),
            deleted=bool(data.get("deleted", False)),
            deleted_hlc=str(data.get("deleted_hlc") or ""),
            merged_into=data.get("merged_into") or None,
        )

    def to_json(self) -> str:
        """Canonical JSON (sorted keys), as the local database and HQ store it."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | bytes) -> RecordState:
        """Read what :meth:`to_json` wrote."""
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class Conflict:
    """Two values of one group (kind "edit") or a change that met a deleted record or a newer
    restore (kind "restore", group ``RECORD_GROUP``): staff decide. The later value already won."""

    id: str
    entity: str
    record_id: str
    group: str
    kind: ConflictKind
    local_value: dict[str, Any]
    remote_value: dict[str, Any]
    local_hlc: str
    remote_hlc: str
    local_staff: str
    remote_staff: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.id,
            "entity": self.entity,
            "record_id": self.record_id,
            "group": self.group,
            "kind": self.kind,
            "local_value": dict(self.local_value),
            "remote_value": dict(self.remote_value),
            "local_hlc": self.local_hlc,
            "remote_hlc": self.remote_hlc,
            "local_staff": self.local_staff,
            "remote_staff": self.remote_staff,
        }


@dataclass
class Outcome:
    """The result of applying one entry.

    ``state`` None: there is still no record (nothing to store). ``redirect_to`` and ``fold_into``
    are part of the contract but :func:`apply` always leaves them None: moving data between records
    on arrival cannot converge (docs/sync.md "Merges"); ``state.merged_into`` says where a
    merged-away record went.
    """

    state: RecordState | None
    conflicts: list[Conflict] = field(default_factory=list)
    redirect_to: str | None = None
    fold_into: str | None = None


def conflict_id(entity: str, record_id: str, group: str, hlc_a: str, hlc_b: str) -> str:
    """Deterministic: both replicas that see the same two changes name the conflict alike."""
    first, second = sorted((hlc_a, hlc_b))
    text = "\x1f".join((entity, record_id, group, first, second))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- applying a remote entry -----------------------------------------------------------------------


def apply(
    entity: str,
    state: RecordState | None,
    entry: EntryLike,
    *,
    local_unsent: Callable[[str], bool],
) -> Outcome:
    """Merge ``entry`` (a change of this record written elsewhere) into ``state``.

    ``local_unsent(hlc)``: whether the local change stamped ``hlc`` has not yet been acknowledged by
    HQ (HQ passes ``lambda _: False``). ``state`` is not modified; the outcome holds a new one.
    """
    current = _copy(state) if state is not None else None
    if entry.op == "create":
        return _apply_create(entity, current, entry)
    if entry.op == "update":
        return _apply_update(entity, current, entry, local_unsent)
    if entry.op == "delete":
        return _apply_delete(entity, current, entry)
    if entry.op == "restore":
        return _apply_restore(entity, current, entry)
    raise ValueError(f"unknown op {entry.op!r}")


def _apply_create(entity: str, state: RecordState | None, entry: EntryLike) -> Outcome:
    values = {k: entry.fields[k] for k in synced_fields(entity, entry.fields)}
    created = RecordState(values=values, writers={RECORD_GROUP: entry.staff})
    if state is None:
        return Outcome(created)
    # A create never revives a tombstone nor undoes a later change. Most ids are made once, on one
    # device, so a second create is the same one delivered again; but a few entities have ids that
    # two devices can make alike (a conflict_resolution's id is the conflict's, a duplicate_decision's
    # the pair's): of two creates of a record nobody changed since, the greater content stays, which
    # is the same whatever the order.
    if state.deleted or state.stamps or state.epoch:
        return Outcome(state)
    if _canonical([created.values, entry.staff]) > _canonical(
        [state.values, state.writers.get(RECORD_GROUP, "")]
    ):
        return Outcome(created)
    return Outcome(state)


def _apply_update(
    entity: str, state: RecordState | None, entry: EntryLike, local_unsent: Callable[[str], bool]
) -> Outcome:
    if state is None or state.deleted:
        # The change was written without seeing the delete: keep the delete, queue the change.
        local_hlc = state.deleted_hlc if state is not None else ""
        local_staff = state.writers.get(RECORD_GROUP, "") if state is not None else ""
        return Outcome(state, [_restore_conflict(entity, entry, {}, local_hlc, local_staff)])
    if entry.epoch < state.epoch:
        # Written before a restore it did not see: the restore's values stand.
        conflict = _restore_conflict(
            entity, entry, dict(state.values), state.epoch, state.writers.get(RECORD_GROUP, "")
        )
        return Outcome(state, [conflict])
    conflicts: list[Conflict] = []
    by_group = _fields_by_group(entity, entry.fields)
    base = entry.base
    for group in sorted(by_group):
        fields = by_group[group]
        current = state.stamps.get(group, "")
        if current == entry.hlc:
            continue  # this very change, delivered again
        # An entry without a base for the group (written before sync existed) saw everything.
        concurrent = base is not None and group in base and base[group] != current
        wins = entry.hlc > current
        if concurrent and (is_identity(entity, group) or (current != "" and local_unsent(current))):
            names = group_fields(entity, group)
            local_value = {f: state.values.get(f) for f in names}
            remote_value = {f: entry.fields.get(f, state.values.get(f)) for f in names}
            # Two people typing the same value is no conflict: nothing was overwritten.
            if local_value != remote_value:
                conflicts.append(
                    Conflict(
                        id=conflict_id(entity, entry.record_id, group, current, entry.hlc),
                        entity=entity,
                        record_id=entry.record_id,
                        group=group,
                        kind="edit",
                        local_value=local_value,
                        remote_value=remote_value,
                        local_hlc=current,
                        remote_hlc=entry.hlc,
                        local_staff=state.writers.get(group, ""),
                        remote_staff=entry.staff,
                    )
                )
        if wins:
            for name in fields:
                state.values[name] = entry.fields[name]
            state.stamps[group] = entry.hlc
            state.writers[group] = entry.staff
    return Outcome(state, conflicts)


def _apply_delete(entity: str, state: RecordState | None, entry: EntryLike) -> Outcome:
    merged_into = _merged_into(entry)
    if state is None:
        # Never seen (or purged): remember the tombstone so later changes are queued, not applied.
        return Outcome(_tombstone(RecordState(epoch=entry.epoch), entry, merged_into))
    if entry.epoch < state.epoch:
        return Outcome(state)  # a restore this delete did not see brought the record back
    if state.deleted:
        return Outcome(_tombstone(state, entry, merged_into))
    conflicts: list[Conflict] = []
    if entry.base is not None:
        # Changes the deleter had not seen: the delete stands and the values go to the queue.
        unseen = sorted(
            {stamp for group, stamp in state.stamps.items() if entry.base.get(group, "") != stamp}
        )
        for stamp in unseen:
            writer = next(
                (state.writers.get(g, "") for g, s in sorted(state.stamps.items()) if s == stamp), ""
            )
            conflicts.append(
                Conflict(
                    id=conflict_id(entity, entry.record_id, RECORD_GROUP, stamp, entry.hlc),
                    entity=entity,
                    record_id=entry.record_id,
                    group=RECORD_GROUP,
                    kind="restore",
                    local_value=dict(state.values),
                    remote_value={},
                    local_hlc=stamp,
                    remote_hlc=entry.hlc,
                    local_staff=writer,
                    remote_staff=entry.staff,
                )
            )
    return Outcome(_tombstone(state, entry, merged_into), conflicts)


def _apply_restore(entity: str, state: RecordState | None, entry: EntryLike) -> Outcome:
    if state is not None and entry.hlc <= state.epoch:
        return Outcome(state)  # a newer restore already stands (or this one, delivered again)
    return Outcome(_restored(entity, entry))


# --- local writes ------------------------------------------------------------------------------------


def local_change(
    entity: str,
    state: RecordState | None,
    op: str,
    fields: Mapping[str, Any],
    hlc: str,
    staff: str,
) -> tuple[EntryMeta, RecordState]:
    """What a local write records: the entry's ``base`` and ``epoch``, and the record's new state
    (the state any other replica reaches by applying that entry).

    ``base`` is the current stamp of every group the change touches (all stamped groups for a
    delete); ``epoch`` is the epoch the record lives under. Citizen updates should carry whole groups.
    """
    current = _copy(state) if state is not None else RecordState()
    entry = _LocalEntry(entity, "", op, dict(fields), hlc, staff, None, current.epoch)
    if op == "create":
        meta: EntryMeta = {"base": None, "epoch": ""}
        created = _apply_create(entity, state, entry).state
        assert created is not None  # a create always leaves a record
        return meta, created
    if op == "update":
        touched = groups_of(entity, fields)
        meta = {"base": {g: current.stamps.get(g, "") for g in sorted(touched)}, "epoch": current.epoch}
        for name in synced_fields(entity, fields):
            current.values[name] = fields[name]
        for group in touched:
            current.stamps[group] = hlc
            current.writers[group] = staff
        return meta, current
    if op == "delete":
        meta = {"base": dict(sorted(current.stamps.items())), "epoch": current.epoch}
        return meta, _tombstone(current, entry, _merged_into(entry))
    if op == "restore":
        return {"base": None, "epoch": current.epoch}, _restored(entity, entry)
    raise ValueError(f"unknown op {op!r}")


@dataclass(frozen=True)
class _LocalEntry:
    entity: str
    record_id: str
    op: str
    fields: Mapping[str, Any]
    hlc: str
    staff: str
    base: Mapping[str, str] | None
    epoch: str


# --- late edits of a merged-away record --------------------------------------------------------------


def forward_fields(
    entity: str, dropped: RecordState | None, merge_delete: EntryLike, *, device: str
) -> dict[str, Any]:
    """What this workstation must re-write on the kept record after a merge it had not seen.

    ``dropped``: the dropped record's state just before ``merge_delete`` (a delete with fields
    ``{"merged_into": kept_id}``) was applied; ``device``: this workstation's id (its stamps end with
    it). Returns the whole groups that this workstation changed and the merging workstation had not
    seen ({} if none): the caller writes them as a new local ``update`` of the kept record (following
    ``merged_into`` while the kept record was itself merged away; skip it if that record is deleted).
    Only the writer of a change forwards it, so it lands on the kept record exactly once, as an
    ordinary change that every replica merges alike (docs/sync.md "Merges").
    """
    base = merge_delete.base
    if dropped is None or dropped.deleted or not _merged_into(merge_delete) or base is None:
        return {}
    if merge_delete.epoch < dropped.epoch:
        return {}  # the merge was undone by a restore it had not seen: nothing moves
    suffix = f"-{device}"
    fields: dict[str, Any] = {}
    for group, stamp in sorted(dropped.stamps.items()):
        if stamp.endswith(suffix) and base.get(group, "") != stamp:
            for name in group_fields(entity, group):
                if name in dropped.values:
                    fields[name] = dropped.values[name]
    return fields


# --- folding (kept for the contract; apply never asks for it) ----------------------------------------


def fold(entity: str, kept: RecordState, dropped: RecordState) -> RecordState:
    """Per-group last-writer-wins of ``dropped``'s stamped groups into ``kept`` (a new state).

    A group of ``dropped`` replaces ``kept``'s only when its stamp is greater. :func:`apply` never
    asks for a fold (docs/sync.md "Merges"); a merging workstation may use it to preview values.
    """
    result = _copy(kept)
    if dropped.deleted or result.deleted:
        return result
    for group, stamp in dropped.stamps.items():
        if stamp > result.stamps.get(group, ""):
            for name in group_fields(entity, group):
                if name in dropped.values:
                    result.values[name] = dropped.values[name]
            result.stamps[group] = stamp
            result.writers[group] = dropped.writers.get(group, "")
    return result


# --- digests ----------------------------------------------------------------------------------------


def record_digest(entity: str, record_id: str, state: RecordState) -> bytes:
    """sha-256 over a record's id and versions (epoch, deletion, group stamps), not its values: a
    workstation computes it from its sync bookkeeping alone, and equal stamps mean equal values."""
    parts = [
        entity,
        record_id,
        state.epoch,
        "1" if state.deleted else "0",
        state.deleted_hlc,
        state.merged_into or "",
        *(f"{group}={stamp}" for group, stamp in sorted(state.stamps.items()) if stamp),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def plain_record_digest(entity: str, record_id: str) -> bytes:
    """:func:`record_digest` of a record never changed since its creation (no stamps, epoch "",
    live): the summary of a large registry computes mostly these, so they skip building a state."""
    return hashlib.sha256(f"{entity}\x1f{record_id}\x1f\x1f0\x1f\x1f".encode()).digest()


def post_digest(digests: Iterable[bytes]) -> str:
    """One hex digest over record digests, whatever their order (callers pass live records only)."""
    hasher = hashlib.sha256()
    for digest in sorted(digests):
        hasher.update(digest)
    return hasher.hexdigest()


# --- helpers ----------------------------------------------------------------------------------------


def _copy(state: RecordState) -> RecordState:
    return replace(state, values=dict(state.values), stamps=dict(state.stamps), writers=dict(state.writers))


def _fields_by_group(entity: str, fields: Mapping[str, Any]) -> dict[str, list[str]]:
    by_group: dict[str, list[str]] = {}
    for name in fields:
        group = group_of(entity, name)
        if group is not None:
            by_group.setdefault(group, []).append(name)
    return by_group


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _merged_into(entry: EntryLike) -> str | None:
    target = entry.fields.get("merged_into")
    return str(target) if target else None


def _tombstone(state: RecordState, entry: EntryLike, merged_into: str | None) -> RecordState:
    """``state`` deleted by ``entry`` (same epoch): values and stamps go; the latest delete's stamp
    and staff stay; of several merges the greatest target id stays (any fixed choice converges)."""
    latest = entry.hlc >= state.deleted_hlc if state.deleted else True
    writer = entry.staff if latest else state.writers.get(RECORD_GROUP, "")
    targets = [t for t in (state.merged_into if state.deleted else None, merged_into) if t]
    return RecordState(
        values={},
        stamps={},
        writers={RECORD_GROUP: writer},
        epoch=state.epoch,
        deleted=True,
        deleted_hlc=max(state.deleted_hlc, entry.hlc) if state.deleted else entry.hlc,
        merged_into=max(targets) if targets else None,
    )


def _restored(entity: str, entry: EntryLike) -> RecordState:
    values = {k: entry.fields[k] for k in synced_fields(entity, entry.fields)}
    return RecordState(values=values, writers={RECORD_GROUP: entry.staff}, epoch=entry.hlc)


def _restore_conflict(
    entity: str, entry: EntryLike, local_value: dict[str, Any], local_hlc: str, local_staff: str
) -> Conflict:
    return Conflict(
        id=conflict_id(entity, entry.record_id, RECORD_GROUP, local_hlc, entry.hlc),
        entity=entity,
        record_id=entry.record_id,
        group=RECORD_GROUP,
        kind="restore",
        local_value=local_value,
        remote_value={k: entry.fields[k] for k in synced_fields(entity, entry.fields)},
        local_hlc=local_hlc,
        remote_hlc=entry.hlc,
        local_staff=local_staff,
        remote_staff=entry.staff,
    )
