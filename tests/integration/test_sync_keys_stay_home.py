"""Promise 17: a workstation's private keys are made on it, kept in its encrypted database and never
sent anywhere; HQ holds only their public halves."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest

from embassy_desk.services import sync as sync_service
from embassy_desk.sync import keys
from tests.sync_harness import Hq, Workstation, hq_database

pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Hq]:
    with hq_database("sqlite", tmp_path) as url:
        server = Hq(tmp_path / "hq", url).init()
        server.start()
        try:
            yield server
        finally:
            server.stop()


def _forms(raw: bytes) -> list[bytes]:
    """The ways a 32-byte key could be written down: raw, hex, base64 (standard and URL-safe)."""
    return [
        raw,
        raw.hex().encode(),
        base64.b64encode(raw),
        base64.urlsafe_b64encode(raw),
        base64.b64encode(raw).rstrip(b"="),
    ]


def test_private_keys_never_leave_the_workstation(hq: Hq, tmp_path: Path) -> None:
    hq.add_post("KZ-KEY", "Embassy of Kazakhstan (key test)")
    ws = Workstation(tmp_path / "ws1", "Embassy of Kazakhstan (key test)")
    hq.enroll(ws, "KZ-KEY")
    ws.add_citizen(surname="Нурланова", given_names="Айгерим", sex="F", birth_date="1990-03-04")
    ws.sync()
    with ws.session() as session:
        enrollment = sync_service.enrollment_of(session)
    private = [
        keys.private_raw(enrollment.device_signing_key),
        keys.private_raw(enrollment.device_bundle_key),
    ]
    public = keys.public_b64(enrollment.device_signing_key).encode()

    # Everything HQ keeps: its folder (keys, SQLite database and its journal) and its log.
    stored = b"".join(p.read_bytes() for p in hq.root.rglob("*") if p.is_file())
    assert public in stored  # HQ knows the device by its public key...
    for secret in private:  # ...and never saw a private one, in any spelling
        for form in _forms(secret):
            assert form not in stored

    # On the workstation the keys live only inside the encrypted database: no file in its folder
    # holds them in the clear.
    local = b"".join(p.read_bytes() for p in ws.root.rglob("*") if p.is_file())
    for secret in private:
        for form in _forms(secret):
            assert form not in local
