"""SECURITY.md promise 13: the keyring is a convenience; without a secure backend, nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import pytest

from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage import os_keyring
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend that keeps secrets in memory, standing in for the OS store."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_insecure_backend_means_passphrase_only(restore_keyring: None, backend: type) -> None:
    keyring.set_keyring(backend())
    result = os_keyring.store("device", "secret-value")
    assert not result.available and "passphrase" in result.message
    assert os_keyring.load("device") is None


def test_secure_backend_stores_and_a_lost_entry_does_not_lock_anyone_out(
    restore_keyring: None, paths: WorkstationPaths, admin: Session
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    assert os_keyring.store("device", "credential").available
    assert os_keyring.load("device") == "credential"
    memory.store.clear()  # the entry disappears (profile reset, another machine)
    assert os_keyring.load("device") is None
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    session.lock()
