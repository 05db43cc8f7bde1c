"""The status bar's sync words as a link: a click opens the Sync screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget


class SyncStatusLabel(QLabel):
    """A label that says ``clicked`` when pressed with the left button (while it shows something)."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.text():
            self.clicked.emit()
        super().mouseReleaseEvent(event)
