"""The OS keyring as a convenience, never the root of trust (SECURITY.md promise 13).

It may hold a workstation credential when an administrator allows it. Only backends that keep
secrets encrypted by the operating system count: the ``fail`` and ``null`` backends, and the
plaintext/obfuscated "alternative" backends, mean passphrase-only, and we say so.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import keyring
import keyring.backend
import keyring.errors

SERVICE = "Embassy Desk"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True)
class KeyringStatus:
    """Whether a secure keyring is available, and the sentence to show a person."""

    available: bool
    message: str


def _backends(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    children = getattr(backend, "backends", None)
    return list(children) if children is not None else [backend]


def status() -> KeyringStatus:
    """Check the active keyring backend without touching any stored secret."""
    backend = keyring.get_keyring()
    usable = [
        b
        for b in _backends(backend)
        if not type(b).__module__.startswith(_INSECURE_MODULES) and b.priority > 0
    ]
    if not usable:
        return KeyringStatus(
            False,
            "No secure system keyring is available here; Embassy Desk will ask for the "
            "passphrase every time and store nothing.",
        )
    return KeyringStatus(True, f"System keyring available ({type(usable[0]).__name__}).")


def store(name: str, secret: str) -> KeyringStatus:
    """Store ``secret`` only in a secure keyring; otherwise store nothing and say why."""
    current = status()
    if not current.available:
        return current
    try:
        keyring.set_password(SERVICE, name, secret)
    except keyring.errors.KeyringError:
        return KeyringStatus(False, "The system keyring refused the secret; nothing was stored.")
    return current


def load(name: str) -> str | None:
    """The stored secret, or None when absent, removed or the keyring is unusable."""
    if not status().available:
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError:
        return None


def forget(name: str) -> None:
    """Remove a stored secret if there is one."""
    if not status().available:
        return
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, name)
