"""Convergence of the merge rules (docs/sync.md "Merge rules"): three workstations and HQ as an
in-memory hub. Each workstation applies its own changes when it writes them and everyone else's in
HQ's sequence order; whatever the interleaving of writes, pushes and pulls, once everyone has pushed
and pulled everything all replicas (and HQ) hold identical states, and every identity value that a
concurrent change overwrote sits in some workstation's conflict queue."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from embassy_desk.domain.hlc import HybridClock
from embassy_desk.sync import merge
from embassy_desk.sync.merge_groups import CITIZEN_GROUPS, is_identity
from embassy_desk.sync.wire import Entry, PulledEntry

DEVICES = ("wsa", "wsb", "wsc")
# Clock skew per workstation in milliseconds: stamps from different devices interleave.
SKEW = {"wsa": 0, "wsb": 2, "wsc": -1}
# A few groups, identity and not, so concurrent edits of one group are frequent.
GROUPS = ("names", "identity", "address", "phones", "notes")
START_MS = 1_800_000_000_000
# Few records, so that changes meet on the same ones.
MAX_RECORDS = 5

Key = tuple[str, str]  # (entity, record id)


@dataclass
class Stored:
    """One conflict in a workstation's queue (INSERT OR IGNORE by id, as the local table does)."""

    conflict: merge.Conflict
    resolved: bool = False


@dataclass
class Replica:
    device: str
    clock: HybridClock
    states: dict[Key, merge.RecordState] = field(default_factory=dict)
    outbox: list[Entry] = field(default_factory=list)
    sent: int = 0  # outbox entries HQ acknowledged
    cursor: int = 0
    conflicts: dict[str, Stored] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)  # entry ids applied here (to know concurrency)

    def unsent(self, hlc: str) -> bool:
        return any(entry.hlc == hlc for entry in self.outbox[self.sent :])

    def live(self, entity: str = "citizen") -> list[str]:
        return sorted(rid for (ent, rid), s in self.states.items() if ent == entity and not s.deleted)

    def note_conflicts(self, conflicts: list[merge.Conflict]) -> None:
        for conflict in conflicts:
            if conflict.id not in self.conflicts:
                resolved = ("conflict_resolution", conflict.id) in self.states
                self.conflicts[conflict.id] = Stored(conflict, resolved)

    def open_conflicts(self, kind: str) -> list[str]:
        return sorted(cid for cid, c in self.conflicts.items() if not c.resolved and c.conflict.kind == kind)


class MergeMachine(RuleBasedStateMachine):
    """Rules: create, update, delete, merge, restore, resolve, push, pull, tick."""

    def __init__(self) -> None:
        super().__init__()
        self.now = START_MS
        self.replicas = {d: Replica(d, HybridClock(d)) for d in DEVICES}
        self.hub: list[PulledEntry] = []  # HQ's log for the post; seq = index + 1
        self.hq: dict[Key, merge.RecordState] = {}
        self.writes: list[tuple[Entry, frozenset[str]]] = []  # every entry and what its writer had seen
        self.counter = 0
        self.created = 0
        self.forwarded = 0

    @initialize()
    def start(self) -> None:
        """Two records everyone has, so edits of the same record start at once."""
        first = self.replicas[DEVICES[0]]
        for _ in range(2):
            self.create(first.device)
        self._push(first)
        for replica in self.replicas.values():
            self._pull(replica)

    # --- helpers -----------------------------------------------------------------------------------

    def _stamp(self, replica: Replica) -> str:
        return replica.clock.tick(self.now + SKEW[replica.device])

    def _value(self, replica: Replica, field_name: str) -> str:
        self.counter += 1
        return f"{field_name[:3]}-{replica.device}-{self.counter}"

    def _write(self, replica: Replica, entity: str, record_id: str, op: str, fields: dict[str, Any]) -> None:
        """A local write: state through merge.local_change, entry to the outbox."""
        key = (entity, record_id)
        hlc = self._stamp(replica)
        meta, state = merge.local_change(entity, replica.states.get(key), op, fields, hlc, replica.device)
        self.counter += 1
        entry = Entry(
            id=f"e{self.counter:06d}",
            entity=entity,  # type: ignore[arg-type]
            record_id=record_id,
            op=op,  # type: ignore[arg-type]
            fields=fields,
            hlc=hlc,
            staff=replica.device,
            schema_version=1,
            base=meta["base"],
            epoch=meta["epoch"],
        )
        self.writes.append((entry, frozenset(replica.seen)))
        replica.seen.add(entry.id)
        replica.states[key] = state
        replica.outbox.append(entry)

    def _group_values(self, replica: Replica, groups: list[str]) -> dict[str, Any]:
        return {f: self._value(replica, f) for g in groups for f in CITIZEN_GROUPS[g]}

    def _resolution(self, replica: Replica, conflict_id: str, keep: str) -> None:
        self._write(
            replica, "conflict_resolution", conflict_id, "create", {"keep": keep, "by": replica.device}
        )
        replica.conflicts[conflict_id].resolved = True

    # --- rules -------------------------------------------------------------------------------------

    @rule(device=st.sampled_from(DEVICES), ms=st.integers(0, 3))
    def tick(self, device: str, ms: int) -> None:
        self.now += ms

    @precondition(lambda self: self.created < MAX_RECORDS)
    @rule(device=st.sampled_from(DEVICES))
    def create(self, device: str) -> None:
        replica = self.replicas[device]
        self.created += 1
        self.counter += 1
        record_id = f"c{self.counter:04d}"
        self._write(replica, "citizen", record_id, "create", self._group_values(replica, list(GROUPS)))

    @rule(
        device=st.sampled_from(DEVICES),
        pick=st.integers(0, 50),
        groups=st.sets(st.sampled_from(GROUPS), min_size=1),
    )
    def update(self, device: str, pick: int, groups: set[str]) -> None:
        replica = self.replicas[device]
        live = replica.live()
        if live:
            record_id = live[pick % len(live)]
            self._write(replica, "citizen", record_id, "update", self._group_values(replica, sorted(groups)))

    @rule(
        devices=st.permutations(DEVICES),
        pick=st.integers(0, 50),
        group=st.sampled_from(GROUPS),
        first_op=st.sampled_from(["update", "delete", "merge"]),
        third_deletes=st.booleans(),
    )
    def race(self, devices: list[str], pick: int, group: str, first_op: str, third_deletes: bool) -> None:
        """Workstations change one record before any of them syncs: the first edits a group of it,
        deletes it or merges it into another record, the second edits the same group, the third may
        delete it; then they sync. The shortest way to conflicts, so that restoring and resolving get
        exercised too."""
        first, second, third = (self.replicas[d] for d in devices)
        shared = sorted(set(first.live()) & set(second.live()))
        if not shared:
            return
        record_id = shared[pick % len(shared)]
        if first_op == "merge":
            others = [r for r in first.live() if r != record_id]
            if not others:
                return
            self._merge(first, others[pick % len(others)], record_id)
        elif first_op == "delete":
            self._write(first, "citizen", record_id, "delete", {})
        else:
            self._write(first, "citizen", record_id, "update", self._group_values(first, [group]))
        self._write(second, "citizen", record_id, "update", self._group_values(second, [group]))
        if third_deletes and record_id in third.live():
            self._write(third, "citizen", record_id, "delete", {})
        for replica in (first, second, third, first, second):
            self._push(replica)
            self._pull(replica)

    @rule(device=st.sampled_from(DEVICES), pick=st.integers(0, 50), now=st.integers(0, 2))
    def delete(self, device: str, pick: int, now: int) -> None:
        replica = self.replicas[device]
        live = replica.live()
        if live and now == 0:  # rarer than edits, or records die before they meet
            self._write(replica, "citizen", live[pick % len(live)], "delete", {})

    @rule(
        device=st.sampled_from(DEVICES),
        pick=st.integers(0, 50),
        other=st.integers(1, 50),
        now=st.integers(0, 2),
    )
    def merge_two(self, device: str, pick: int, other: int, now: int) -> None:
        """registry.merge_citizens: the kept record gets every group, the dropped one is deleted."""
        replica = self.replicas[device]
        live = replica.live()
        if len(live) < 2 or now != 0:
            return
        keep = live[pick % len(live)]
        drop = live[(pick + other) % len(live)]
        if keep == drop:
            drop = live[(pick + 1) % len(live)]
        self._merge(replica, keep, drop)

    def _merge(self, replica: Replica, keep: str, drop: str) -> None:
        kept, dropped = replica.states[("citizen", keep)], replica.states[("citizen", drop)]
        fields = {f: kept.values.get(f) or dropped.values.get(f) for g in GROUPS for f in CITIZEN_GROUPS[g]}
        self._write(replica, "citizen", keep, "update", fields)
        self._write(replica, "citizen", drop, "delete", {"merged_into": keep})

    @rule(device=st.sampled_from(DEVICES), pick=st.integers(0, 50))
    def restore(self, device: str, pick: int) -> None:
        """Staff restore a record from a "restore" conflict (the values the conflict holds)."""
        replica = self.replicas[device]
        open_ = replica.open_conflicts("restore")
        if not open_:
            return
        conflict = replica.conflicts[open_[pick % len(open_)]].conflict
        values = conflict.local_value or conflict.remote_value
        self._write(replica, conflict.entity, conflict.record_id, "restore", dict(values))
        self._resolution(replica, conflict.id, "restore")

    @rule(device=st.sampled_from(DEVICES), pick=st.integers(0, 50), keep=st.sampled_from(["local", "remote"]))
    def resolve(self, device: str, pick: int, keep: str) -> None:
        """Staff keep one value of an "edit" conflict: an update of the group, then the resolution."""
        replica = self.replicas[device]
        open_ = [
            cid
            for cid in replica.open_conflicts("edit")
            if not replica.states[
                (replica.conflicts[cid].conflict.entity, replica.conflicts[cid].conflict.record_id)
            ].deleted
        ]
        if not open_:
            return
        conflict = replica.conflicts[open_[pick % len(open_)]].conflict
        value = conflict.local_value if keep == "local" else conflict.remote_value
        self._write(replica, conflict.entity, conflict.record_id, "update", dict(value))
        self._resolution(replica, conflict.id, keep)

    @rule(device=st.sampled_from(DEVICES))
    def push(self, device: str) -> None:
        self._push(self.replicas[device])

    @rule(device=st.sampled_from(DEVICES))
    def pull(self, device: str) -> None:
        self._pull(self.replicas[device])

    @rule(device=st.sampled_from(DEVICES))
    def sync(self, device: str) -> None:
        """A whole sync: push, then pull."""
        self._push(self.replicas[device])
        self._pull(self.replicas[device])

    # --- the hub -----------------------------------------------------------------------------------

    def _push(self, replica: Replica) -> None:
        for entry in replica.outbox[replica.sent :]:
            pulled = PulledEntry(**entry.model_dump(), seq=len(self.hub) + 1, device=replica.device)
            self.hub.append(pulled)
            key = (entry.entity, entry.record_id)
            outcome = merge.apply(entry.entity, self.hq.get(key), pulled, local_unsent=lambda _: False)
            self._store(self.hq, key, outcome)
            if entry.op == "delete" and outcome.state is not None and outcome.state.deleted:
                self._blank(key, outcome.state.epoch)
        replica.sent = len(replica.outbox)

    def _blank(self, key: Key, epoch: str) -> None:
        """What HQ does when a delete takes effect: personal values leave the earlier entries of the
        record (workstations that pull them later get them empty), the deletes and stamps stay."""
        if epoch != self.hub[-1].epoch:
            return  # a delete of an older epoch, which the merge ignored: nothing may be blanked
        for index, pulled in enumerate(self.hub[:-1]):
            if (pulled.entity, pulled.record_id) == key and pulled.op != "delete" and pulled.fields:
                self.hub[index] = pulled.model_copy(update={"fields": {}})

    def _pull(self, replica: Replica) -> None:
        for pulled in self.hub[replica.cursor :]:
            replica.cursor = pulled.seq
            if pulled.device == replica.device:
                continue
            replica.clock.observe(pulled.hlc, self.now + SKEW[replica.device])
            key = (pulled.entity, pulled.record_id)
            before = replica.states.get(key)
            outcome = merge.apply(pulled.entity, before, pulled, local_unsent=replica.unsent)
            self._store(replica.states, key, outcome)
            if pulled.op == "delete":
                self._forward(replica, before, pulled)
            replica.seen.add(pulled.id)
            replica.note_conflicts(outcome.conflicts)
            assert outcome.redirect_to is None
            assert outcome.fold_into is None
            if pulled.entity == "conflict_resolution" and pulled.record_id in replica.conflicts:
                replica.conflicts[pulled.record_id].resolved = True

    def _forward(self, replica: Replica, before: merge.RecordState | None, pulled: PulledEntry) -> None:
        """A merge this workstation had not seen: its own late edits of the dropped record are
        written again on the kept record (followed through further merges), as the local sync does."""
        fields = merge.forward_fields(pulled.entity, before, pulled, device=replica.device)
        target = str(pulled.fields.get("merged_into") or "")
        for _ in range(10):
            state = replica.states.get((pulled.entity, target))
            if state is None or not state.deleted or not state.merged_into:
                break
            target = state.merged_into
        state = replica.states.get((pulled.entity, target))
        if fields and state is not None and not state.deleted:
            self.forwarded += 1
            self._write(replica, pulled.entity, target, "update", fields)

    @staticmethod
    def _store(states: dict[Key, merge.RecordState], key: Key, outcome: merge.Outcome) -> None:
        if outcome.state is not None:
            # What the databases do: store as JSON, read back.
            states[key] = merge.RecordState.from_json(outcome.state.to_json())

    # --- the end -----------------------------------------------------------------------------------

    def teardown(self) -> None:
        # Rounds until nothing moves: a pull can write (a forwarded late edit), which syncs next round.
        for _ in range(10):
            for replica in self.replicas.values():
                self._push(replica)
            for replica in self.replicas.values():
                self._pull(replica)
            if all(r.sent == len(r.outbox) for r in self.replicas.values()):
                break
        else:
            raise AssertionError("sync never settled")
        self._check_converged()
        self._check_identity_conflicts_queued()

    def _check_converged(self) -> None:
        keys = set(self.hq)
        for replica in self.replicas.values():
            assert set(replica.states) == keys, replica.device
            for key in keys:
                assert replica.states[key] == self.hq[key], (replica.device, key)
        digests = {
            merge.post_digest(merge.record_digest(e, r, s) for (e, r), s in states.items() if not s.deleted)
            for states in [self.hq, *(r.states for r in self.replicas.values())]
        }
        assert len(digests) == 1

    def _check_identity_conflicts_queued(self) -> None:
        """An identity value a concurrent change overwrote is in some workstation's queue (by its
        stamp, or by its value when another change had typed the same value)."""
        queued_stamps: set[str] = set()
        queued_values: set[tuple[str, str, str]] = set()
        for replica in self.replicas.values():
            for stored in replica.conflicts.values():
                conflict = stored.conflict
                queued_stamps.update((conflict.local_hlc, conflict.remote_hlc))
                for side in (conflict.local_value, conflict.remote_value):
                    for group in GROUPS:
                        if is_identity("citizen", group) and set(CITIZEN_GROUPS[group]) <= set(side):
                            queued_values.add((conflict.record_id, group, _value_of(side, group)))
        updates = [(e, seen) for e, seen in self.writes if e.op == "update" and e.entity == "citizen"]
        for entry, seen in updates:
            final = self.hq[("citizen", entry.record_id)]
            if final.deleted or entry.epoch != final.epoch:
                continue
            for group in merge.groups_of("citizen", entry.fields):
                if not is_identity("citizen", group) or final.stamps.get(group) == entry.hlc:
                    continue
                value = _value_of(entry.fields, group)
                overwritten_by_concurrent = any(
                    other.record_id == entry.record_id
                    and other.epoch == entry.epoch
                    and other.hlc > entry.hlc
                    and group in merge.groups_of("citizen", other.fields)
                    and _value_of(other.fields, group) != value
                    and other.id not in seen
                    and entry.id not in other_seen
                    for other, other_seen in updates
                )
                if overwritten_by_concurrent:
                    assert entry.hlc in queued_stamps or (entry.record_id, group, value) in queued_values, (
                        entry.record_id,
                        group,
                        entry.hlc,
                    )


def _value_of(fields: Mapping[str, Any], group: str) -> str:
    return repr([fields.get(name) for name in CITIZEN_GROUPS[group]])


MergeMachine.TestCase.settings = settings(
    # EMBASSY_DESK_MERGE_EXAMPLES=5000 for a long hunt; CI keeps to a few seconds.
    max_examples=int(os.environ.get("EMBASSY_DESK_MERGE_EXAMPLES", "200")),
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestMergeConvergence = MergeMachine.TestCase
