"""Helpers for the Sync screen's tests: a workstation enrolled with an HQ that is not there.

``enroll_offline`` stores exactly what ``services.sync.enroll`` stores after HQ accepted a code
(HQ's public keys, this device's private keys, the post), with HQ's address pointing at a loopback
port nobody listens on: the workstation of a post whose line is down. Tests against a running HQ
enroll through the service itself.
"""

from __future__ import annotations

import socket

from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session, utc_now
from embassy_desk.storage import meta
from embassy_desk.sync import keys

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
