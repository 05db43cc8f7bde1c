"""Test workstations as HQ's store sees them: enrolled with a real one-time code and real keys, their
entries (stamped with a per-device clock), pushes and signed device bundles. Plain helpers shared by
the HQ tests (no fixtures, no tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from embassy_desk.domain.ids import uuid7
from embassy_desk.hq.store import HQStore
from embassy_desk.sync import bundle, wire
from embassy_desk.sync import keys as sync_keys

POST = "KZ-SEL"
SV = 2


@dataclass
class Device:
    """A test device: its id and private keys, and a counter for its stamps."""

    device_id: str
    signing: Ed25519PrivateKey
    bundle_key: X25519PrivateKey
    tick: int = 0

    def stamp(self) -> str:
        self.tick += 1
        return f"{1765000000000 + self.tick:013d}-00000-{self.device_id}"


def enroll_request(device: Device, code: str, name: str = "") -> wire.EnrollRequest:
    """What ``device`` sends to enroll with ``code``: its public keys and ``name``."""
    return wire.EnrollRequest(
        protocol=1,
        schema_version=SV,
        code=code,
        device_id=device.device_id,
        signing_key=sync_keys.public_b64(device.signing),
        bundle_key=sync_keys.public_b64(device.bundle_key),
        device_name=name,
    )


def enroll(store: HQStore, post: str = POST, name: str = "") -> Device:
    """A new device enrolled at ``post`` (named ``name``) with a fresh code and fresh keys."""
    code, _ = store.new_enroll_code(post)
    device = Device(uuid7(), sync_keys.new_signing_key(), sync_keys.new_bundle_key())
    store.enroll(enroll_request(device, code, name))
    return device


def entry(
    device: Device, entity: str, record_id: str, op: str, fields: dict[str, Any], **extra: Any
) -> wire.Entry:
    return wire.Entry(
        id=uuid7(),
        entity=entity,  # type: ignore[arg-type]
        record_id=record_id,
        op=op,  # type: ignore[arg-type]
        fields=fields,
        hlc=device.stamp(),
        staff="staff-1",
        schema_version=SV,
        **extra,
    )


def push(store: HQStore, device: Device, items: list[wire.Entry], **extra: Any) -> wire.PushResponse:
    return store.push(
        device.device_id,
        wire.PushRequest(
            protocol=1, schema_version=SV, entries=items, through=extra.pop("through", 0), **extra
        ),
    )


def case(citizen: str, status: str, priority: str = "normal") -> dict[str, Any]:
    """The fields of a valid case entry."""
    return {
        "citizen_id": citizen,
        "kind": "other",
        "priority": priority,
        "status": status,
        "summary": "test",
        "opened_at": "2026-12-01T10:00:00+00:00",
        "created_by": "staff-1",
    }


def contact(citizen: str, at: str) -> dict[str, Any]:
    """The fields of a valid contact entry."""
    return {
        "citizen_id": citizen,
        "at": at,
        "channel": "phone",
        "direction": "outgoing",
        "staff": "staff-1",
        "outcome": "reached",
    }


def device_bundle(
    store: HQStore, device: Device, number: int, prev: str, items: list[wire.Entry], *, post: str = POST
) -> bytes:
    """Bundle ``number`` of ``device`` (after the bundle hashing to ``prev``), for HQ, signed."""
    request = wire.PushRequest(protocol=1, schema_version=SV, entries=items, through=number)
    header = bundle.BundleHeader(
        format=1,
        kind="device",
        sender=device.device_id,
        post=post,
        number=number,
        prev_hash=prev,
        first_seq=1,
        last_seq=number,
        created_at="2026-12-06T00:00:00Z",
        protocol=1,
        schema_version=SV,
    )
    return bundle.write_bundle(
        orjson.dumps(request.model_dump(mode="json")),
        header=header,
        signer=device.signing,
        recipients=[("hq", store.keys.bundle.public_key())],
    )
