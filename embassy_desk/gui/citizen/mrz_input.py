"""The machine-readable zone typed, pasted, or "typed" by a keyboard-emulating MRZ reader.

A reader sends each line's characters a few milliseconds apart and ends every line with Enter.
The zone is read as soon as it has the shape of a passport (2 × 44) or ID card (3 × 30) and the
last line has been ended with Enter, or, when nobody presses Enter (typing, pasting), after a short
pause. So the reader's final Enter never lands in the field the form moves the focus to.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from embassy_desk.domain.errors import MrzError
from embassy_desk.domain.mrz import MrzData, parse_mrz
from embassy_desk.gui.citizen.labels import mrz_field_labels
from embassy_desk.gui.errors import error_text

# Long enough to span the gap between a reader's keystrokes, short enough to feel immediate.
SETTLE_MS = 250
_SHAPES = ((2, 44), (3, 30))


def looks_complete(text: str) -> bool:
    """Whether the text has the full shape of a TD3 or TD1 zone (checks come later)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        return len(lines[0]) in (88, 90)
    return any(len(lines) == count and all(len(x) == width for x in lines) for count, width in _SHAPES)


def _canonical(text: str) -> str:
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class MrzInput(QWidget):
    """Emits ``parsed`` with the zone's data once it reads correctly; otherwise says what is wrong
    (which check digit) under the field and leaves the text as typed."""

    parsed = Signal(object)  # MrzData

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("mrzEdit")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.edit.setFont(mono)
        self.edit.setTabChangesFocus(True)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        metrics = self.edit.fontMetrics()
        self.edit.setFixedHeight(metrics.lineSpacing() * 4 + 12)
        self.edit.setMinimumWidth(metrics.horizontalAdvance("M") * 46)
        self.status = QLabel(self)
        self.status.setObjectName("mrzStatus")
        self.status.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.read_now)
        self.edit.textChanged.connect(self._changed)
        self._last_read = ""
        self._error: MrzError | None = None
        self._data: MrzData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Type, paste or scan the 2 or 3 lines of the passport's MRZ"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def error(self) -> MrzError | None:
        """The problem with the zone as typed, if any."""
        return self._error

    @property
    def data(self) -> MrzData | None:
        """The zone's data once it was read correctly."""
        return self._data

    def text(self) -> str:
        return self.edit.toPlainText()

    def _changed(self) -> None:
        text = self.text()
        if _canonical(text) != self._last_read:
            self._error, self._data, self._last_read = None, None, ""
        if looks_complete(text) and text.endswith("\n"):
            self._timer.stop()
            self.read_now()
        else:
            self._show_state()
            self._timer.start()

    def read_now(self) -> None:
        """Read the zone as it is now (also run after the pause that follows typing)."""
        text = self.text()
        if not text.strip():
            self._error, self._data, self._last_read = None, None, ""
            self._show_state()
            return
        if not looks_complete(text):
            self._show_state()
            return
        canonical = _canonical(text)
        if canonical == self._last_read:
            return  # the reader's trailing Enter after an earlier read: nothing new
        self._last_read = canonical
        try:
            data = parse_mrz(canonical)
        except MrzError as exc:
            self._error, self._data = exc, None
            self._show_state()
            return
        self._error, self._data = None, data
        self._show_state()
        self.parsed.emit(data)

    def _show_state(self) -> None:
        text = self.text()
        if self._error is not None:
            part = mrz_field_labels().get(self._error.field, self._error.field)
            if self._error.code in ("mrz.check_digit", "mrz.check_not_digit", "mrz.no_check_digit"):
                message = self.tr("The check digit of the {part} is wrong: {detail}.")
            else:
                message = self.tr("The MRZ cannot be read ({part}): {detail}.")
            self.status.setText(message.format(part=part, detail=error_text(self._error.message)))
            self.status.setStyleSheet("color: #8a1c12;")
        elif self._data is not None and self._last_read and text.strip():
            self.status.setText(self.tr("MRZ read: the form was filled from it."))
            self.status.setStyleSheet("color: #1e5631;")
        elif text.strip():
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            counts = ", ".join(str(len(line)) for line in lines)
            self.status.setText(self.tr("Characters per line so far: {counts}").format(counts=counts))
            self.status.setStyleSheet("color: palette(mid);")
        else:
            self.status.setText("")
            self.status.setStyleSheet("")
