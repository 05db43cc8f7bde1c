"""HQ's side of offline bundles (promise 19): import a device's bundle, export a post's bundle.

Import: the bundle must be addressed to "hq", signed by an enrolled device of the post it names, and
follow that device's previous bundle (number + 1 and prev_hash = digest of the previous one). The same
bundle again (or an older one) is "already imported" and changes nothing; a gap is refused naming the
missing number; an altered, forged or foreign bundle is refused by sync.bundle (BundleRefused, exit 4)
before anything is changed. Its payload (a PushRequest) then goes through the same push as the
network path, in one transaction with the device's bundle number.

Export: the post's entries after the lowest cursor of its devices (or all of them), HQ's
acknowledgements per device ({"through": outbox seq, "bundle": number}), encrypted to every enrolled,
unrevoked device of the post and signed by HQ; HQ's bundles of a post are numbered and chained too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import select, update

from embassy_desk.domain.messages import Msg
from embassy_desk.hq.errors import BundleOutOfOrder, DeviceRevoked, InvalidRequest
from embassy_desk.hq.store import HQStore, device_from_row, pulled_entry
from embassy_desk.hq.store_push import push_batch
from embassy_desk.hq.tables import devices, entries, posts
from embassy_desk.storage.changelog import SCHEMA_VERSION
from embassy_desk.storage.files import atomic_write_bytes
from embassy_desk.sync import bundle, wire
from embassy_desk.sync import keys as sync_keys

HQ_RECIPIENT = "hq"


@dataclass(frozen=True)
class ImportReport:
    """What ``hq import-bundle`` did: ``already`` means nothing (imported before)."""

    device: str
    post: str
    number: int
    accepted: int
    duplicates: int
    rejected: int
    already: bool
    audit_chain: str


@dataclass(frozen=True)
class ExportReport:
    """What ``hq export-bundle`` wrote."""

    post: str
    number: int
    entries: int
    first_seq: int
    last_seq: int
    recipients: int


def import_bundle(store: HQStore, data: bytes) -> ImportReport:
    """Import one device bundle (see the module docstring)."""

    def verify_key(header: bundle.BundleHeader) -> Ed25519PublicKey | None:
        # Only an enrolled device of the post the header names signs a device bundle.
        if header.kind != "device":
            return None
        info = store.device(header.sender)
        if info is None or info.post != header.post:
            return None
        try:
            return sync_keys.signing_public_key(info.signing_key)
        except sync_keys.BadKey:
            return None

    header, payload = bundle.read_bundle(
        data, verify_key=verify_key, recipient_id=HQ_RECIPIENT, recipient_key=store.keys.bundle
    )
    digest = bundle.bundle_digest(data)
    try:
        request = wire.PushRequest.model_validate_json(payload)
    except PydanticValidationError as exc:
        # Signed by the device, so not altered on the way: the device wrote something HQ cannot read.
        raise InvalidRequest(Msg("hq.bundle_payload", number=header.number)) from exc
    with store.engine.begin() as conn:
        # Locks in the order a network push takes them (post, then device), so the two never deadlock.
        conn.execute(select(posts.c.code).where(posts.c.code == header.post).with_for_update()).one()
        row = (
            conn.execute(select(devices).where(devices.c.id == header.sender).with_for_update())
            .mappings()
            .one()
        )
        device = device_from_row(row)
        if device.revoked:
            raise DeviceRevoked(Msg("hq.device_revoked", device=device.device_id))
        if header.number <= device.bundle_number:
            return ImportReport(
                device.device_id, device.post, header.number, 0, 0, 0, True, device.audit_state
            )
        if header.number > device.bundle_number + 1:
            raise BundleOutOfOrder(
                Msg(
                    "hq.bundle_gap",
                    number=header.number,
                    missing=device.bundle_number + 1,
                    device=device.device_id,
                )
            )
        if header.prev_hash != device.bundle_hash:
            raise BundleOutOfOrder(
                Msg(
                    "hq.bundle_chain",
                    number=header.number,
                    previous=device.bundle_number,
                    device=device.device_id,
                )
            )
        answer = push_batch(conn, device, request, now=store.now())
        conn.execute(
            update(devices)
            .where(devices.c.id == device.device_id)
            .values(bundle_number=header.number, bundle_hash=digest, last_sync_at=store.now())
        )
    return ImportReport(
        device.device_id,
        device.post,
        header.number,
        answer.accepted,
        answer.duplicates,
        len(answer.rejected),
        False,
        answer.audit_chain,
    )


def export_bundle(store: HQStore, post: str, path: Path, *, everything: bool = False) -> ExportReport:
    """Write the post's bundle to ``path`` (see the module docstring); ``everything``: from seq 1."""
    code = store.post(post).code
    # Check-ins answered before the bundle is written travel in it, as they would by a pull (issue 14).
    from embassy_desk.hq.checkin_drain import drain_for_post

    drain_for_post(store, code)
    with store.engine.begin() as conn:
        post_row = conn.execute(select(posts).where(posts.c.code == code).with_for_update()).mappings().one()
        members = [
            device_from_row(row)
            for row in conn.execute(
                select(devices).where(devices.c.post == code).order_by(devices.c.enrolled_at, devices.c.id)
            ).mappings()
        ]
        active = [d for d in members if not d.revoked]
        if not active:
            raise InvalidRequest(Msg("hq.bundle_no_devices", post=code))
        after = 0 if everything else min(d.cursor for d in active)
        rows = (
            conn.execute(
                select(entries).where(entries.c.post == code, entries.c.seq > after).order_by(entries.c.seq)
            )
            .mappings()
            .all()
        )
        pulled = [pulled_entry(row).model_dump(mode="json") for row in rows]
        last_seq = int(post_row["next_seq"])
        payload: dict[str, Any] = {
            "entries": pulled,
            "cursor": last_seq,
            "acks": {d.device_id: {"through": d.through, "bundle": d.bundle_number} for d in active},
        }
        number = int(post_row["hq_bundle_number"]) + 1
        header = bundle.BundleHeader(
            format=bundle.FORMAT_VERSION,
            kind="hq",
            sender="hq",
            post=code,
            number=number,
            prev_hash=str(post_row["hq_bundle_hash"]),
            first_seq=after + 1,
            last_seq=last_seq,
            created_at=store.now(),
            protocol=wire.PROTOCOL_VERSION,
            schema_version=SCHEMA_VERSION,
        )
        data = bundle.write_bundle(
            orjson.dumps(payload),
            header=header,
            signer=store.keys.signing,
            recipients=[(d.device_id, sync_keys.bundle_public_key(d.bundle_key)) for d in active],
        )
        # Written inside the transaction: if the file cannot be written, the number is not used up.
        atomic_write_bytes(path, data)
        conn.execute(
            update(posts)
            .where(posts.c.code == code)
            .values(hq_bundle_number=number, hq_bundle_hash=bundle.bundle_digest(data))
        )
    return ExportReport(code, number, len(pulled), after + 1, last_seq, len(active))
