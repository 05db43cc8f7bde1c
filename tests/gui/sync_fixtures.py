"""Helpers for the Sync screen's tests: a workstation enrolled with an HQ that is not there.

``enroll_offline`` stores exactly what ``services.sync.enroll`` stores after HQ accepted a code
(HQ's public keys, this device's private keys, the post), with HQ's address pointing at a loopback
port nobody listens on: the workstation of a post whose line is down. Tests against a running HQ
enroll through the service itself. ``pull`` applies entries of another workstation (or HQ) through
``sync.apply.apply_batch``, exactly as a sync applies a pulled batch: real conflicts and publications.
"""

from __future__ import annotations

import socket
import time
from typing import Any

from embassy_desk.domain.ids import uuid7
from embassy_desk.services import registry
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage import meta
from embassy_desk.sync import apply, keys
from embassy_desk.sync.client import schema_version
from embassy_desk.sync.wire import PulledEntry

POST_CODE = "KZ-SEL"
POST_NAME = "Embassy of Kazakhstan in Seoul (test)"


def closed_port_url() -> str:
    """An http URL on a loopback port that refuses connections (bound, released, left closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def enroll_offline(session: Session, url: str | None = None) -> str:
    """Make ``session``'s workstation enrolled with an HQ at ``url`` (default: a closed port)."""
    address = url or closed_port_url()
    value = {
        "hq_url": address,
        "post": POST_CODE,
        "post_name": POST_NAME,
        "hq_signing_key": keys.public_b64(keys.new_signing_key()),
        "hq_bundle_key": keys.public_b64(keys.new_bundle_key()),
        "device_signing_key": keys.private_b64(keys.new_signing_key()),
        "device_bundle_key": keys.private_b64(keys.new_bundle_key()),
        "enrolled_at": utc_now(),
    }
    with session.write(Action.SETTINGS_EDIT) as uow:
        meta.put(uow.conn, "sync.enrollment", value)
    return address


# -- entries from another workstation, as HQ hands them out -------------------------------------

OTHER_DEVICE = "ws-b-0001"
OTHER_STAFF = "staff-of-ws-b"
NAMES = ("surname", "given_names", "patronymic", "surname_latin", "given_names_latin")


def _stamp(offset_ms: int, device: str = OTHER_DEVICE) -> str:
    return f"{int(time.time() * 1000) + offset_ms:013d}-00000-{device}"


def pull(session: Session, entries: list[dict[str, Any]]) -> Any:
    """Apply ``entries`` (the fields of each) as one pulled batch, numbered after the cursor."""
    with session.read() as conn:
        cursor = int(meta.get(conn, "sync.cursor", 0))
    pulled = [
        PulledEntry(
            id=uuid7(),
            schema_version=schema_version(),
            epoch="",
            staff=OTHER_STAFF,
            device=OTHER_DEVICE,
            seq=cursor + n,
            **entry,
        )
        for n, entry in enumerate(entries, start=1)
    ]
    return apply.apply_batch(session, pulled, cursor=cursor + len(pulled))


def other_side_renames(
    session: Session, citizen_id: str, names: dict[str, str], *, later: bool = True
) -> Any:
    """The other workstation changed the names of ``citizen_id`` having seen it as created."""
    current = registry.get_citizen(session, citizen_id)
    fields = {name: current.fields.get(name) for name in NAMES}
    fields.update(names)
    return pull(
        session,
        [
            {
                "entity": "citizen",
                "record_id": citizen_id,
                "op": "update",
                "fields": fields,
                "hlc": _stamp(60_000 if later else -60_000),
                "base": {"names": ""},
            }
        ],
    )


def other_side_edits_notes(session: Session, citizen_id: str, notes: str) -> Any:
    """The other workstation wrote a note on ``citizen_id`` (having seen it as created)."""
    return pull(
        session,
        [
            {
                "entity": "citizen",
                "record_id": citizen_id,
                "op": "update",
                "fields": {"notes": notes},
                "hlc": _stamp(60_000),
                "base": {"notes": ""},
            }
        ],
    )


def hq_publishes(
    session: Session, *, title: dict[str, str], body: dict[str, Any], kind: str = "advisory"
) -> Any:
    """HQ published an advisory (or a template) to this post."""
    return pull(
        session,
        [
            {
                "entity": "publication",
                "record_id": uuid7(),
                "op": "create",
                "fields": {"kind": kind, "title": title, "body": body, "published_at": utc_now()},
                "hlc": _stamp(0, "hq"),
                "base": None,
            }
        ],
    )
