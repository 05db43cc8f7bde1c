"""What the unlock screen says for each way a sign-in can be refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from embassy_desk.domain.errors import EmbassyDeskError, UnlockError
from embassy_desk.gui.errors import error_text
from embassy_desk.services.workstation import AccountDisabled
from embassy_desk.storage.vault import LOCKOUT_THRESHOLD, AccountLockedOut, BackoffActive


def backoff_message(seconds: int) -> str:
    """The sentence shown while a back-off is running."""
    return QCoreApplication.translate("unlock", "Too many failed attempts. Try again in %1 s.").replace(
        "%1", str(max(seconds, 0))
    )


def refusal_message(error: EmbassyDeskError) -> str:
    """A sentence for the person at the keyboard; never says whether a user name exists."""
    if isinstance(error, BackoffActive):
        return backoff_message(error.retry_after)
    if isinstance(error, AccountLockedOut):
        return QCoreApplication.translate(
            "unlock",
            "This account is locked after %1 failed attempts. An administrator or the recovery code can "
            "reopen it.",
        ).replace("%1", str(LOCKOUT_THRESHOLD))
    if isinstance(error, AccountDisabled):
        return QCoreApplication.translate("unlock", "This account is disabled. Ask an administrator.")
    if isinstance(error, UnlockError):
        return QCoreApplication.translate("unlock", "Wrong user name or passphrase.")
    return error_text(error)
