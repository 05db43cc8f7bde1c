"""Domain exceptions: errors a user can act on, turned into clear messages at the edge."""

from __future__ import annotations


class EmbassyDeskError(Exception):
    """Base of every error the user can act on. ``str(err)`` is a one-line message for people."""

    exit_code = 1


class ValidationError(EmbassyDeskError):
    """A value that is not acceptable. ``field`` names the field; ``row`` the input row if any."""

    exit_code = 2

    def __init__(self, field: str, message: str, *, row: int | None = None) -> None:
        self.field = field
        self.message = message
        self.row = row
        where = f"row {row}, " if row is not None else ""
        super().__init__(f"{where}{field}: {message}")


class MrzError(ValidationError):
    """A machine-readable zone that cannot be read or whose check digits do not agree."""


class NotFoundError(EmbassyDeskError):
    """A record that does not exist (or is not visible to this user)."""

    exit_code = 2


class PermissionDeniedError(EmbassyDeskError):
    """The signed-in user's role does not allow the action."""

    exit_code = 5


class UnlockError(EmbassyDeskError):
    """Wrong user or passphrase, or the account is locked out."""

    exit_code = 3


class IntegrityFailure(EmbassyDeskError):
    """The database, audit chain or backup was altered or damaged."""

    exit_code = 4


class Cancelled(EmbassyDeskError):
    """The user cancelled a long operation; raised from a progress callback so the work rolls back."""

    exit_code = 130
