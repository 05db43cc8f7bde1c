"""The workstation's side of the end-of-sync check: per-entity counts of live records and one digest
over their ids and stamps, computed as HQ computes it (``merge.record_digest``, ``merge.post_digest``).

A record with no ``sync_state`` row was created and never changed: its stamps are empty and its
epoch "". Entities without a live record are left out of the counts, as HQ leaves them out.
"""

from __future__ import annotations

from sqlalchemy import Connection

from embassy_desk.storage import meta, sync_state
from embassy_desk.sync import merge
from embassy_desk.sync.local_tables import ADAPTERS
from embassy_desk.sync.wire import SYNCED_ENTITIES, Summary

CURSOR = "sync.cursor"


def local_digests(conn: Connection) -> dict[str, list[bytes]]:
    """``merge.record_digest`` of every live synced record, by entity."""
    out: dict[str, list[bytes]] = {}
    for entity in SYNCED_ENTITIES:
        adapter = ADAPTERS[entity]
        states = sync_state.all_for(conn, entity)
        digests: list[bytes] = []
        plain = merge.plain_record_digest
        for record_id in adapter.live_ids(conn):
            kept = states.get(record_id)
            if kept is None or kept.deleted:
                digests.append(plain(entity, record_id))
                continue
            state = merge.RecordState(stamps=kept.stamps, epoch=kept.epoch, merged_into=kept.merged_into)
            digests.append(merge.record_digest(entity, record_id, state))
        if digests:
            out[entity] = digests
    return out


def local_summary(conn: Connection) -> Summary:
    """Counts, digest and cursor of this workstation, to compare with HQ's ``/v1/summary``."""
    by_entity = local_digests(conn)
    counts = {entity: len(digests) for entity, digests in by_entity.items()}
    everything = [d for digests in by_entity.values() for d in digests]
    return Summary(counts=counts, digest=merge.post_digest(everything), cursor=int(meta.get(conn, CURSOR, 0)))
