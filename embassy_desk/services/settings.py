"""Workstation settings kept in the encrypted database: idle lock and the OS keyring switch.

Every signed-in user reads them (the idle lock applies to everyone); only administrators change
them, and each change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from embassy_desk.domain.errors import ValidationError
from embassy_desk.domain.messages import Msg
from embassy_desk.services.permissions import Action
from embassy_desk.services.session import Session
from embassy_desk.storage import meta, os_keyring
from embassy_desk.storage.os_keyring import KeyringStatus

__all__ = [
    "KeyringStatus",
    "WorkstationSettings",
    "get_settings",
    "keyring_status",
    "update_settings",
]

KEY = "settings"
DEFAULT_IDLE_LOCK_MINUTES = 10
MIN_IDLE_LOCK_MINUTES = 1
# A screen left open for more than a working shift is not "locked automatically" any more.
MAX_IDLE_LOCK_MINUTES = 240


@dataclass(frozen=True)
class WorkstationSettings:
    """What an administrator decides for this workstation."""

    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    keyring_allowed: bool = False


def _from_stored(data: Any) -> WorkstationSettings:
    if not isinstance(data, dict):
        return WorkstationSettings()
    minutes = data.get("idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES)
    if not isinstance(minutes, int) or not MIN_IDLE_LOCK_MINUTES <= minutes <= MAX_IDLE_LOCK_MINUTES:
        minutes = DEFAULT_IDLE_LOCK_MINUTES
    return WorkstationSettings(idle_lock_minutes=minutes, keyring_allowed=data.get("keyring_allowed") is True)


def get_settings(session: Session) -> WorkstationSettings:
    """The current settings (any signed-in user); defaults when none were stored."""
    session.require(Action.OWN_ACCOUNT)
    with session.read() as conn:
        return _from_stored(meta.get(conn, KEY))


def update_settings(
    session: Session, *, idle_lock_minutes: int | None = None, keyring_allowed: bool | None = None
) -> WorkstationSettings:
    """Change the settings given (administrators); audited with the new values."""
    session.require(Action.SETTINGS_EDIT)
    if idle_lock_minutes is not None and not (
        MIN_IDLE_LOCK_MINUTES <= idle_lock_minutes <= MAX_IDLE_LOCK_MINUTES
    ):
        raise ValidationError(
            "idle_lock_minutes",
            Msg("settings.idle_lock_range", min=MIN_IDLE_LOCK_MINUTES, max=MAX_IDLE_LOCK_MINUTES),
        )
    with session.write(Action.SETTINGS_EDIT) as uow:
        current = _from_stored(meta.get(uow.conn, KEY))
        updated = WorkstationSettings(
            idle_lock_minutes=current.idle_lock_minutes if idle_lock_minutes is None else idle_lock_minutes,
            keyring_allowed=current.keyring_allowed if keyring_allowed is None else keyring_allowed,
        )
        meta.put(
            uow.conn,
            KEY,
            {"idle_lock_minutes": updated.idle_lock_minutes, "keyring_allowed": updated.keyring_allowed},
        )
        uow.audit(
            "settings.edit",
            details={
                "idle_lock_minutes": updated.idle_lock_minutes,
                "keyring_allowed": updated.keyring_allowed,
            },
        )
    if not updated.keyring_allowed:
        # Imported here: remember.py reads these settings, so a module-level import would be circular.
        from embassy_desk.services.remember import forget_everyone

        # Turned off means no keyring entry opens the data any more, not "at the next sign-in".
        forget_everyone(session.paths)
    return updated


def keyring_status() -> KeyringStatus:
    """Whether a secure OS keyring exists here (the switch above only matters if it does)."""
    return os_keyring.status()
