"""SECURITY.md promise 13: the keyring is a convenience; without a secure backend, nothing is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import pytest

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.services import remember, settings, users
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


# -------------------------------------------------------------------------------------------------
# "Remember on this workstation"


def test_remembered_user_opens_without_passphrase_only_while_allowed(
    restore_keyring: None, paths: WorkstationPaths, admin: Session
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    with pytest.raises(PermissionDeniedError):
        remember.remember_on_this_workstation(admin)
    settings.update_settings(admin, keyring_allowed=True)
    assert remember.remember_on_this_workstation(admin).available
    stored = next(iter(memory.store.values()))
    assert ADMIN_PASSPHRASE not in stored and admin.data_key.hex() not in stored
    reopened = remember.unlock_remembered(paths, "admin")
    assert reopened is not None
    assert reopened.user.username == "admin"
    # Turning the setting off removes the shortcut at once; the passphrase still works.
    settings.update_settings(reopened, keyring_allowed=False)
    assert not remember.is_remembered(paths, "admin")
    assert memory.store == {}
    reopened.lock()
    assert remember.unlock_remembered(paths, "admin") is None
    unlock(paths, "admin", ADMIN_PASSPHRASE).lock()


def test_without_secure_keyring_nothing_is_remembered(
    restore_keyring: None, paths: WorkstationPaths, admin: Session
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    settings.update_settings(admin, keyring_allowed=True)
    status = remember.remember_on_this_workstation(admin)
    assert not status.available and "passphrase" in status.message
    assert not remember.is_remembered(paths, "admin")
    assert "device" not in paths.vault.read_text(encoding="utf-8")


def test_a_lost_or_stale_keyring_entry_falls_back_to_the_passphrase(
    restore_keyring: None, paths: WorkstationPaths, admin: Session
) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    settings.update_settings(admin, keyring_allowed=True)
    remember.remember_on_this_workstation(admin)
    entry = next(iter(memory.store))
    memory.store[entry] = "AAAA" + memory.store[entry][4:]  # stale: another secret
    assert remember.unlock_remembered(paths, "admin") is None
    assert not remember.is_remembered(paths, "admin")
    unlock(paths, "admin", ADMIN_PASSPHRASE).lock()


def test_disabling_an_account_removes_its_remembered_slot(
    restore_keyring: None,
    paths: WorkstationPaths,
    admin: Session,
    session_for: Callable[[Role], Session],
) -> None:
    keyring.set_keyring(MemoryKeyring())
    settings.update_settings(admin, keyring_allowed=True)
    officer = session_for(Role.OFFICER)
    remember.remember_on_this_workstation(officer)
    assert remember.is_remembered(paths, "officer1")
    users.disable_user(admin, username="officer1")
    assert not remember.is_remembered(paths, "officer1")
    assert remember.unlock_remembered(paths, "officer1") is None
