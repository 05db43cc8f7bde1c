"""Errors as dialogs a clerk understands: the message of an error they can act on, or a short note
that something went wrong and was logged (without personal data). Never a traceback on screen."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from embassy_desk.domain.errors import Cancelled, EmbassyDeskError, PermissionDeniedError
from embassy_desk.domain.messages import render
from embassy_desk.gui.i18n import current_language
from embassy_desk.logs import safe_traceback
from embassy_desk.services.session import LockedError

log = logging.getLogger("embassy_desk.gui")


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def error_text(error: BaseException | str) -> str:
    """The message of an error (or a coded message) in the window's language."""
    return render(error, current_language())


def show_error(parent: QWidget | None, error: EmbassyDeskError) -> None:
    """Show the message of an error the user can act on."""
    if isinstance(error, Cancelled):
        return
    title = (
        QCoreApplication.translate("errors", "Not allowed")
        if isinstance(error, PermissionDeniedError)
        else QCoreApplication.translate("errors", "Cannot do this")
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, error_text(error), QMessageBox.StandardButton.Ok, _parent(parent)
    )
    box.setObjectName("errorDialog")
    box.exec()


def report_unexpected(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, parent: QWidget | None = None
) -> None:
    """Log where an unexpected error happened (no message, no values) and say so briefly."""
    log.error("unexpected error in the window\n%s", safe_traceback(exc_type, exc, tb))
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("errors", "Something went wrong"),
        QCoreApplication.translate(
            "errors", "Something went wrong; the details were written to the log. Nothing was half-saved."
        ),
        QMessageBox.StandardButton.Ok,
        _parent(parent),
    )
    box.setObjectName("unexpectedErrorDialog")
    box.exec()


def handle_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    """Show ``exc`` the right way: its own message if the user can act on it, else the short note."""
    if isinstance(exc, EmbassyDeskError):
        show_error(parent, exc)
    else:
        report_unexpected(type(exc), exc, exc.__traceback__, parent)


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, LockedError):
        # A view's last timer or reply arriving just after a lock: the unlock screen already says it all.
        log.info("ignored work on a locked session\n%s", safe_traceback(exc_type, exc, tb))
        return
    try:
        if isinstance(exc, EmbassyDeskError):
            show_error(None, exc)
        else:
            report_unexpected(exc_type, exc, tb)
    except Exception:
        # The dialog itself failed (no screen?): the log line must still be written.
        log.error("unexpected error while reporting an error\n%s", safe_traceback(*sys.exc_info()))


def install_excepthook() -> None:
    """Route exceptions raised in slots and event handlers to :func:`handle_exception`'s dialogs."""
    sys.excepthook = _excepthook
