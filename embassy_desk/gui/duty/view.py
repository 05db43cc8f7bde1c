"""The duty log screen: the latest notes, newest first, each with its time and who wrote it; below,
a box to write the next one ("Add to the log", Ctrl+Enter). Staff write; viewers read only.

A note is appended for good (no editing, no deleting): a correction is a new note. Notes written at
other workstations of the post arrive with sync and show here like the others.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.data_events import DataChange, Kind, data_events, notify
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.services import duty_log
from embassy_desk.services.duty_log import MAX_TEXT, DutyNote
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

# How many notes the screen lists (the command line's `duty log` shows the same number).
SHOWN = 50
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def note_heading(note: DutyNote) -> str:
    """ "07.12.2026 18:32 · Demo Consular Officer (officer)": when and who, as every list shows it."""
    who = note.staff_name if note.staff_name == note.staff else f"{note.staff_name} ({note.staff})"
    return f"{display_time(note.at)} · {who}"


class NoteList(QListWidget):
    """Notes newest first, one item each: the heading line, then the text as written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(5)

    def show_notes(self, notes: list[DutyNote]) -> None:
        self.clear()
        for note in notes:
            item = QListWidgetItem(f"{note_heading(note)}\n{note.text}")
            item.setData(NOTE_ID_ROLE, note.id)
            self.addItem(item)

    def note_ids(self) -> list[str]:
        return [str(self.item(row).data(NOTE_ID_ROLE)) for row in range(self.count())]


class NoteEditor(QPlainTextEdit):
    """The box for a new note: Enter starts a new line, Ctrl+Enter hands the note in (``submit``)."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit.emit()
            return
        super().keyPressEvent(event)


class DutyLogView(QWidget):
    """The duty log. ``written`` carries the id of each note added here."""

    written = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutyLog")
        self._session = session
        self._stale = True
        self._total = 0
        self.can_write = is_allowed(session.role, Action.DUTY_NOTE)

        self.title = QLabel(self)
        self.title.setObjectName("dutyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.banner = MessageBanner(self)
        self.notes = NoteList(self)
        self.notes.setObjectName("dutyNotes")
        self.empty = QLabel(self)
        self.empty.setObjectName("dutyEmpty")
        self.empty.hide()
        self.count = QLabel(self)

        self.editor = NoteEditor(self)
        self.editor.setObjectName("dutyEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(self.editor.fontMetrics().lineSpacing() * 6 + 16)
        self.length = QLabel(self)
        self.length.setObjectName("dutyLength")
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("dutyAdd")
        self.add_button.clicked.connect(self.add_note)
        self.read_only_note = QLabel(self)
        self.read_only_note.setWordWrap(True)
        self.editor.submit.connect(self.add_note)
        self.editor.textChanged.connect(self._update_length)

        write_row = QHBoxLayout()
        write_row.addWidget(self.length, 1)
        write_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.editor)
        layout.addLayout(write_row)
        layout.addWidget(self.read_only_note)
        for widget in (self.editor, self.length, self.add_button):
            widget.setVisible(self.can_write)
        self.read_only_note.setVisible(not self.can_write)

        data_events().changed.connect(self._data_changed)
        self.retranslate()
        self.refresh()

    # -- public ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the latest notes again."""
        if self._session.locked:
            return
        try:
            notes = duty_log.recent_notes(self._session, limit=SHOWN)
            total = duty_log.count_notes(self._session)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        self._stale = False
        self.notes.show_notes(notes)
        self.notes.setVisible(bool(notes))
        self.empty.setVisible(not notes)
        self._total = total
        self._update_count()

    def focus_editor(self) -> None:
        """Put the cursor in the box for a new note."""
        if self.can_write:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_note(self) -> None:
        """Append what the box holds to the log (the button, Ctrl+Enter)."""
        if not self.can_write:
            return
        try:
            note = duty_log.write_note(self._session, self.editor.toPlainText())
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.editor.clear()
        self.banner.show_info(self.tr("Added to the duty log."))
        self.refresh()
        self.written.emit(note.id)
        notify(DataChange(frozenset({Kind.DUTY}), origin=self))

    # -- internals ---------------------------------------------------------------------------------

    def _data_changed(self, change: object) -> None:
        if not isinstance(change, DataChange) or Kind.DUTY not in change.kinds or change.origin is self:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _update_length(self) -> None:
        length = len(self.editor.toPlainText().strip())
        self.length.setText(
            self.tr("%1 of %2 characters")
            .replace("%1", format_number(length))
            .replace("%2", format_number(MAX_TEXT))
        )
        self.length.setStyleSheet("QLabel { color: #8a1c12; }" if length > MAX_TEXT else "")

    def _update_count(self) -> None:
        total = self._total
        shown = self.notes.count()
        text = self.tr("Notes in the log: %1").replace("%1", format_number(total))
        if total > shown:
            text += " · " + self.tr("the latest %1 are shown").replace("%1", format_number(shown))
        self.count.setText(text)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Duty log"))
        self.intro.setText(
            self.tr(
                "What happened on the shift and what is pending, for whoever takes over. Notes are"
                " kept for good and reach the other workstations of the post with sync."
            )
        )
        self.empty.setText(self.tr("No notes yet. The first note of the shift goes in the box below."))
        self.editor.setPlaceholderText(
            self.tr("What happened, what is pending, who to call back… (Ctrl+Enter adds it to the log)")
        )
        self.add_button.setText(self.tr("&Add to the log"))
        self.add_button.setToolTip(self.tr("Add the note to the duty log (Ctrl+Enter)"))
        self.read_only_note.setText(self.tr("Your role may read the duty log but not write in it."))
        self._update_length()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if not self._session.locked:
                self.refresh()  # the times follow the language's format
        super().changeEvent(event)
