""" "Remember me on this workstation": a keyring-held shortcut to a person's key slot (promise 13).

When an administrator allows it and the OS offers a secure keyring, a person can ask to be
remembered: a random 256-bit secret goes into the keyring and a *device* slot in the vault wraps the
data key under it. The keyring is never the root of trust: without a secure backend nothing is stored
(and the person is told why), a vanished or stale entry just means the passphrase is asked for, and
the passphrase slot is untouched throughout. Disabling the account or turning the setting off removes
the device slot, so the keyring entry then opens nothing.
"""

from __future__ import annotations

import base64
import binascii
import secrets

from embassy_desk.domain.errors import EmbassyDeskError, PermissionDeniedError
from embassy_desk.domain.messages import Msg
from embassy_desk.services import settings
from embassy_desk.services.permissions import Action
from embassy_desk.services.rekey import settle_interrupted_rekey
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import load_vault, open_session
from embassy_desk.storage import os_keyring
from embassy_desk.storage.vault import Vault
from embassy_desk.storage.workstation import WorkstationPaths

_SECRET_BYTES = 32


def _entry_name(vault: Vault, username: str) -> str:
    # One entry per workstation and user: two workstations on one OS account never share a secret.
    return f"{vault.vault_id}/{username}"


def remember_on_this_workstation(session: Session) -> os_keyring.KeyringStatus:
    """Remember the signed-in user here, if allowed and a secure keyring exists; say what happened.

    Raises PermissionDeniedError when an administrator has not allowed the keyring.
    """
    session.require(Action.OWN_ACCOUNT)
    if not settings.get_settings(session).keyring_allowed:
        raise PermissionDeniedError(Msg("permission.remember"))
    vault = load_vault(session.paths)
    name = _entry_name(vault, session.user.username)
    secret = secrets.token_bytes(_SECRET_BYTES)
    status = os_keyring.store(name, base64.b64encode(secret).decode("ascii"))
    if not status.available:
        return status
    try:
        vault.add_device_slot(session.user.username, secret, session.data_key)
    except BaseException:
        os_keyring.forget(name)
        raise
    with session.write(Action.OWN_ACCOUNT) as uow:
        uow.audit("user.remember", entity="staff_user", entity_id=session.user.id)
    return status


def forget_on_this_workstation(session: Session) -> None:
    """Stop remembering the signed-in user here (device slot and keyring entry both go)."""
    session.require(Action.OWN_ACCOUNT)
    vault = load_vault(session.paths)
    forget_user(session.paths, vault, session.user.username)
    with session.write(Action.OWN_ACCOUNT) as uow:
        uow.audit("user.forget", entity="staff_user", entity_id=session.user.id)


def forget_user(paths: WorkstationPaths, vault: Vault, username: str) -> None:
    """Remove ``username``'s device slot and keyring entry, if any (no audit; callers audit)."""
    vault.remove_device_slot(username)
    os_keyring.forget(_entry_name(vault, username))


def forget_everyone(paths: WorkstationPaths) -> None:
    """Remove every device slot and its keyring entry (the keyring was just disallowed)."""
    vault = load_vault(paths)
    for username in vault.device_usernames():
        forget_user(paths, vault, username)


def is_remembered(paths: WorkstationPaths, username: str) -> bool:
    """True if ``username`` has a device slot here (the keyring entry may still have vanished)."""
    return load_vault(paths).has_device_slot(username.strip().casefold())


def unlock_remembered(paths: WorkstationPaths, username: str) -> Session | None:
    """Open a session for a remembered user without a passphrase, or return None to ask for one.

    None when the user is not remembered, the keyring has no (or a stale) entry, or an administrator
    has since turned the setting off (the device slot is then removed).
    """
    vault = load_vault(paths)
    name = username.strip().casefold()
    if not vault.has_device_slot(name):
        return None
    stored = os_keyring.load(_entry_name(vault, name))
    if stored is None:
        return None
    try:
        secret = base64.b64decode(stored.encode("ascii"), validate=True)
        result = vault.unlock_device(name, secret)
    except (binascii.Error, UnicodeEncodeError, EmbassyDeskError):
        forget_user(paths, vault, name)
        return None
    key = settle_interrupted_rekey(paths, vault, result.data_key)
    session = open_session(paths, key, name)
    if not settings.get_settings(session).keyring_allowed:
        forget_user(paths, vault, name)
        session.lock()
        return None
    return session
