"""A message line at the top of a dialog: errors a user can act on, and confirmations.

Shown in place rather than in a modal box so that typing is never interrupted and the message
stays visible while the user fixes what it names.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

_ERROR = "QLabel { background: #fdecea; color: #8a1c12; border: 1px solid #f5c2bd; padding: 6px; }"
_INFO = "QLabel { background: #e8f4ea; color: #1e5631; border: 1px solid #b9dcc1; padding: 6px; }"


class MessageBanner(QLabel):
    """Hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("messageBanner")
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(_ERROR)
        self.setText(text)
        self.show()

    def show_info(self, text: str) -> None:
        self.setStyleSheet(_INFO)
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    @property
    def is_error(self) -> bool:
        return not self.isHidden() and self.styleSheet() == _ERROR
