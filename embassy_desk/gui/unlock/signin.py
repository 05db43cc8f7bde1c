"""Signing in from the unlock screen, with "remember me on this workstation" (SECURITY promise 13).

These run on a worker thread: the passphrase path derives a key (about half a second) and the
keyring may be slow to answer. What the screen then tells the person is returned as a code, so
the screen words it in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.services import remember
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths


class RememberNote(StrEnum):
    """What happened to "remember me" during a sign-in."""

    NONE = ""
    REMEMBERED = "remembered"
    NOT_ALLOWED = "not_allowed"
    NO_KEYRING = "no_keyring"
    FORGOTTEN = "forgotten"


@dataclass(frozen=True)
class SignedIn:
    """A new session and what to tell the person about being remembered."""

    session: Session
    note: RememberNote = RememberNote.NONE


def sign_in(paths: WorkstationPaths, username: str, passphrase: str, *, remember_me: bool | None) -> SignedIn:
    """Unlock with a passphrase, then remember or forget this person here as they asked.

    ``remember_me`` None leaves things as they are (the box was not offered). A refusal to remember
    never undoes the sign-in: the person is in, and only told why the passphrase is still needed.
    """
    session = unlock(paths, username, passphrase)
    if remember_me is None:
        return SignedIn(session)
    known = remember.is_remembered(paths, session.user.username)
    if remember_me and not known:
        try:
            status = remember.remember_on_this_workstation(session)
        except PermissionDeniedError:
            return SignedIn(session, RememberNote.NOT_ALLOWED)
        return SignedIn(session, RememberNote.REMEMBERED if status.available else RememberNote.NO_KEYRING)
    if known and not remember_me:
        remember.forget_on_this_workstation(session)
        return SignedIn(session, RememberNote.FORGOTTEN)
    return SignedIn(session)


def sign_in_remembered(paths: WorkstationPaths, username: str) -> Session | None:
    """A session from the keyring for a remembered person, or None: then the passphrase is needed."""
    return remember.unlock_remembered(paths, username)


def is_remembered(paths: WorkstationPaths, username: str) -> bool:
    """True if ``username`` is remembered here (reads the vault header only; cheap)."""
    if not username.strip():
        return False
    try:
        return remember.is_remembered(paths, username)
    except OSError:
        return False
