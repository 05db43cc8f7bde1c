"""Domain exceptions: errors a user can act on, turned into clear messages at the edge.

Every error carries a stable ``code`` and its ``params`` (see :mod:`embassy_desk.domain.messages`, whose
docstring says how to add one): ``str(err)`` is the English one-line message, and the GUI and CLI show
``messages.render(err, language)`` instead, in the person's language. Raise with a coded message::

    raise ValidationError("username", Msg("username.taken", name=name))
    raise NotFoundError(Msg("citizen.not_found", id=citizen_id))

A plain ``str`` still works (code ``text``) but is shown in English in every language.
"""

from __future__ import annotations

from collections.abc import Mapping

from embassy_desk.domain.messages import Msg, Param, as_msg, field_name


class EmbassyDeskError(Exception):
    """Base of every error the user can act on. ``str(err)`` is a one-line message for people.

    ``msg`` is the whole message as a :class:`Msg` (rendered per language at the edge); ``code`` and
    ``params`` are those of the message itself (for ``ValidationError``, without field and row).
    """

    exit_code = 1

    def __init__(self, message: str = "", *args: object) -> None:
        super().__init__(message, *args)
        self.msg: Msg = as_msg(message)
        self.code: str = self.msg.code
        self.params: Mapping[str, Param] = self.msg.params


class ValidationError(EmbassyDeskError):
    """A value that is not acceptable. ``field`` names the field; ``row`` the input row if any."""

    exit_code = 2

    def __init__(self, field: str, message: str, *, row: int | None = None) -> None:
        self.field = field
        self.message: Msg = as_msg(message)
        self.row = row
        detail = (
            Msg("frame.row_field", row=row, field=field_name(field), message=self.message)
            if row is not None
            else Msg("frame.field", field=field_name(field), message=self.message)
        )
        super().__init__(detail)
        self.code = self.message.code
        self.params = self.message.params


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
