"""Showing an error a user can act on as a dialog (never a traceback), without blocking the caller."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from embassy_desk.domain.errors import EmbassyDeskError, PermissionDeniedError
from embassy_desk.gui.errors import error_text


def show_error(parent: QWidget, error: EmbassyDeskError) -> QMessageBox:
    """Open a warning naming what went wrong; returns the (window-modal, non-blocking) box."""
    if isinstance(error, PermissionDeniedError):
        title = QCoreApplication.translate("Messages", "Not allowed")
        text = QCoreApplication.translate("Messages", "Your role does not allow this.")
    else:
        title = QCoreApplication.translate("Messages", "Could not do that")
        text = error_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(error_text(error) if isinstance(error, PermissionDeniedError) else "")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
