"""A message line at the top of a dialog: errors a user can act on, and confirmations.

Shown in place rather than in a modal box so that typing is never interrupted and the message
stays visible while the user fixes what it names.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.freshness import Freshness
from embassy_desk.gui.duty.reached_labels import COLOURS, reached_text
from embassy_desk.gui.formatting import display_time
from embassy_desk.services.reached import last_reached
from embassy_desk.services.session import Session

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


class ReachedLine(QLabel):
    """The line at the top of a citizen's record: when they were last reached and how, and whether
    that is still fresh ("Last reached: 3 h ago · phone (fresh) · 07.12.2026 14:30"), in the colour
    of its freshness. The word says it too: colour is never the only sign."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordLastReached")
        self.state: Freshness | None = None
        self.hide()

    def show_for(self, session: Session, citizen_id: str) -> None:
        """Read the citizen's latest reach and show it (nothing is shown if it cannot be read)."""
        try:
            reached = last_reached(session, [citizen_id]).get(citizen_id)
        except EmbassyDeskError:
            self.hide()
            return
        self.show_reached(reached.at if reached else "", reached.channel.value if reached else "")

    def show_reached(self, at: str, channel: str, now: datetime | None = None) -> None:
        words, self.state = reached_text(at, channel, now)
        if at:
            text = self.tr("Last reached: %1 · %2").replace("%1", words).replace("%2", display_time(at))
        else:
            text = self.tr("Last reached: never (no contact with this person has reached them yet)")
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ color: {COLOURS[self.state]}; font-weight: bold; padding: 2px 0; }}")
        self.show()
