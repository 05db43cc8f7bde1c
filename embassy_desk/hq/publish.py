"""HQ's publications: an advisory text or a notice template version, sent to one post or all.

A publication is an entry of entity ``publication`` written by device ``hq`` into each target post's
log, so the workstations receive it on their next pull (network or bundle) and show it in their
Notices screen as "from headquarters". Its fields: ``kind`` ("advisory" | "template"), ``title`` and
``body`` ({language: text}; a template's body holds the template file's text under ``source`` and
its name under ``file``), ``published_at``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from embassy_desk.domain.hlc import HybridClock
from embassy_desk.domain.ids import uuid7
from embassy_desk.domain.messages import Msg
from embassy_desk.hq.errors import InvalidRequest
from embassy_desk.hq.store import DeviceInfo, HQStore, post_codes
from embassy_desk.hq.store_push import push_batch
from embassy_desk.storage.changelog import SCHEMA_VERSION
from embassy_desk.sync import wire

HQ_DEVICE = "hq"
KINDS = ("advisory", "template")
LANGUAGES = ("kk", "ru", "en")
# One clock for HQ's own stamps in this process; stamps stay increasing across publications.
_clock = HybridClock(HQ_DEVICE)


@dataclass(frozen=True)
class Published:
    """One publication as written: its record id and the seq it got in each post's log."""

    record_id: str
    seqs: dict[str, int]


def publication_fields(
    kind: str, title: Mapping[str, str], body: Mapping[str, Any], published_at: str
) -> dict[str, Any]:
    """The fields of a publication entry; InvalidRequest if the kind or the texts are not usable."""
    if kind not in KINDS:
        raise InvalidRequest(Msg("hq.publication_kind", kind=kind, allowed=", ".join(KINDS)))
    texts = {lang: text for lang, text in title.items() if text.strip()}
    if not texts or not any(str(value).strip() for value in body.values()):
        raise InvalidRequest(Msg("hq.publication_empty"))
    unknown = sorted(set(title) - set(LANGUAGES)) if kind == "advisory" else []
    if unknown:
        raise InvalidRequest(Msg("hq.publication_language", languages=", ".join(unknown)))
    return {"kind": kind, "title": dict(texts), "body": dict(body), "published_at": published_at}


def publish(
    store: HQStore,
    *,
    kind: str,
    title: Mapping[str, str],
    body: Mapping[str, Any],
    targets: Sequence[str] | None,
) -> Published:
    """Write one publication into the log of each target post (None: every post), in one transaction."""
    codes = post_codes(store, targets)
    if not codes:
        raise InvalidRequest(Msg("hq.no_posts"))
    now = store.now()
    fields = publication_fields(kind, title, body, now)
    record_id = uuid7()
    stamp = _clock.tick(int(time.time() * 1000))
    seqs: dict[str, int] = {}
    with store.engine.begin() as conn:
        for code in codes:
            entry = wire.Entry(
                id=uuid7(),
                entity="publication",
                record_id=record_id,
                op="create",
                fields=fields,
                hlc=stamp,
                staff=HQ_DEVICE,
                schema_version=SCHEMA_VERSION,
            )
            request = wire.PushRequest(
                protocol=wire.PROTOCOL_VERSION, schema_version=SCHEMA_VERSION, entries=[entry], through=0
            )
            writer = _hq_writer(code)
            push_batch(conn, writer, request, now=now, device_label=HQ_DEVICE)
            seqs[code] = int(store._last_seq(conn, code))
    return Published(record_id, seqs)


def _hq_writer(post: str) -> DeviceInfo:
    # HQ writes as pseudo-device "hq": no keys, no cursor, no audit chain of its own.
    return DeviceInfo(
        device_id=HQ_DEVICE,
        post=post,
        name="headquarters",
        signing_key="",
        bundle_key="",
        enrolled_at="",
        revoked_at=None,
        last_sync=None,
        cursor=0,
        through=0,
        audit_state="ok",
        app_version="",
        bundle_number=0,
        bundle_hash="",
    )
