"""The shift handover: right after signing in, the latest duty-log notes the person has not seen.

Shown only when others wrote notes since the person's previous sign-in at this workstation (or in the
last 12 hours for someone who never signed in here): the latest few, how many there are, "Open the
duty log" and "Close". The window is not modal, so the registry behind it works at once; it goes with
the workspace when the workstation locks (the notes may name people).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.duty.view import DutyLogView, NoteList
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.services import duty_log
from embassy_desk.services.duty_log import Handover
from embassy_desk.services.session import Session

log = logging.getLogger(__name__)

# The key of the duty log in the workspace's navigation (gui/shell/workspace.py SECTIONS).
SECTION = "duty"


class HandoverDialog(QDialog):
    """What changed on the duty log since the person last signed in. "Open the duty log" shows the
    log in the workspace that is the dialog's parent (given ``session``) and emits ``open_log``."""

    open_log = Signal()

    def __init__(
        self, handover: Handover, parent: QWidget | None = None, *, session: Session | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dutyHandover")
        self._session = session
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.handover = handover
        self.heading = QLabel(self)
        self.heading.setObjectName("handoverHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.notes = NoteList(self)
        self.notes.setObjectName("handoverNotes")
        self.notes.show_notes(handover.notes)
        self.more = QLabel(self)
        self.more.setObjectName("handoverMore")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("handoverOpenLog")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("handoverClose")
        self.close_button.setDefault(True)
        self.open_button.clicked.connect(self._open_log)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.more)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.retranslate()

    def _open_log(self) -> None:
        self.open_log.emit()
        workspace = self.parentWidget()
        if self._session is not None and workspace is not None and not self._session.locked:
            open_duty_log(self._session, workspace)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift handover: duty log"))
        self.heading.setText(
            self.tr("New in the duty log since %1: %2")
            .replace("%1", display_time(self.handover.since))
            .replace("%2", format_number(self.handover.total))
        )
        hidden = self.handover.total - len(self.handover.notes)
        self.more.setText(
            self.tr("%1 more in the duty log.").replace("%1", format_number(hidden)) if hidden > 0 else ""
        )
        self.more.setVisible(hidden > 0)
        self.open_button.setText(self.tr("&Open the duty log"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_duty_log(session: Session, workspace: QWidget) -> QWidget:
    """Show the duty log: its section of the workspace, or (before the navigation has one) a window
    of its own that goes with the workspace."""
    show_section = getattr(workspace, "show_section", None)
    view = show_section(SECTION) if callable(show_section) else None
    if isinstance(view, QWidget):
        return view
    window = QDialog(workspace)
    window.setObjectName("dutyLogWindow")
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view = DutyLogView(session, window)
    window.setWindowTitle(view.title.text())
    QVBoxLayout(window).addWidget(view)
    window.resize(760, 620)
    window.show()
    view.focus_editor()
    return view


def show_handover(session: Session, workspace: QWidget | None) -> HandoverDialog | None:
    """After a sign-in: remember it, and show the notes the person has not seen, if there are any.

    Never blocks and never fails the sign-in: a log that cannot be read shows nothing.
    """
    if workspace is None:
        return None
    try:
        handover = duty_log.handover_notes(session)
    except EmbassyDeskError as exc:
        log.warning("duty-log handover not shown: %s", type(exc).__name__)
        return None
    if not handover.notes:
        return None
    # A child of the workspace: the lock deletes it with the workspace.
    dialog = HandoverDialog(handover, workspace, session=session)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
