"""The quick contact log: Ctrl+L, then one number key logs the outcome of a call.

The dialog shows whose record it is (name and phones, so the officer can read the number to dial),
the channel, the welfare status the person reports when reached (preset from their current one),
an optional note and an optional follow-up date and time. A call not answered or busy is tried
again: unless a follow-up is chosen, it gets one a few hours later (2 by default, editable).
Number keys 1..n log the numbered outcome at once; while the note has the focus they type digits
instead, and Ctrl+Enter logs the highlighted outcome.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QEvent, QKeyCombination, Qt, QTime, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import Channel, Outcome, WelfareStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.citizen.date_field import display_date
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.formatting import QT_DATETIME_FORMAT
from embassy_desk.gui.registry.messages import show_error
from embassy_desk.services import browse, contacts
from embassy_desk.services.browse import BrowseRow
from embassy_desk.services.session import Session

OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)
# The channels staff pick from. "check-in" is not one: HQ writes those contacts for answers citizens
# gave themselves (issue 14), and a call logged as one would count as an answer on the dashboard.
STAFF_CHANNELS: tuple[Channel, ...] = tuple(c for c in Channel if c is not Channel.CHECK_IN)
# Reaching someone tells us at least that much; a known, more specific status stays as it was.
_KEEP_WELFARE = frozenset({WelfareStatus.SAFE, WelfareStatus.NEEDS_ASSISTANCE, WelfareStatus.EVACUATED})
_NUMBER_KEYS = (
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_3,
    Qt.Key.Key_4,
    Qt.Key.Key_5,
    Qt.Key.Key_6,
    Qt.Key.Key_7,
    Qt.Key.Key_8,
    Qt.Key.Key_9,
)


def default_welfare(current: str) -> WelfareStatus:
    """What the welfare field shows first: the citizen's own status if it is a known one, else safe."""
    return WelfareStatus(current) if current in _KEEP_WELFARE else WelfareStatus.SAFE


class QuickLogDialog(QDialog):
    """Log one contact with ``citizen_id``; ``logged`` carries the citizen id once it is stored."""

    logged = Signal(str)

    def __init__(self, session: Session, citizen_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._row: BrowseRow | None = None
        if citizen_id is not None:
            try:
                self._row = browse.rows_by_id(session, [citizen_id]).get(citizen_id)
            except EmbassyDeskError:
                self._row = None

        self.who = QLabel(self)
        self.who.setObjectName("quick_log_who")
        font = QFont(self.who.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.who.setFont(font)
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phones = QLabel(self)
        self.phones.setObjectName("quick_log_phones")
        self.phones.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The officer reads the number off the screen to dial it.
        self.phones.setFont(font)
        self.current = QLabel(self)

        self.channel = QComboBox(self)
        self.channel.setObjectName("quick_log_channel")
        for chan in STAFF_CHANNELS:
            self.channel.addItem("", str(chan))
        self.welfare = QComboBox(self)
        for status in WelfareStatus:
            self.welfare.addItem("", str(status))
        self.outcomes = QListWidget(self)
        self.outcomes.setObjectName("quick_log_outcomes")
        for _ in OUTCOMES:
            QListWidgetItem(self.outcomes)
        self.outcomes.setCurrentRow(0)
        self.outcomes.setFixedHeight(
            self.outcomes.sizeHintForRow(0) * len(OUTCOMES) + 2 * self.outcomes.frameWidth() + 4
        )
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("quick_log_note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().height() * 4)
        self.follow_up = QCheckBox(self)
        self.follow_up_date = QDateTimeEdit(self)
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat(QT_DATETIME_FORMAT)
        self.follow_up_date.setDateTime(QDateTime(QDate.currentDate().addDays(1), QTime(10, 0)))
        self.follow_up_date.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_date.setEnabled)
        self.retry_hours = QSpinBox(self)
        self.retry_hours.setObjectName("quick_log_retry")
        self.retry_hours.setRange(0, 72)
        self.retry_hours.setValue(int(contacts.DEFAULT_RETRY.total_seconds() // 3600))
        self.retry_label = QLabel(self)
        self.retry_label.setBuddy(self.retry_hours)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.log_button = QPushButton(self)
        self.log_button.setAutoDefault(False)
        self.buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.commit_selected)
        self.buttons.rejected.connect(self.reject)

        self.channel_label = QLabel(self)
        self.channel_label.setBuddy(self.channel)
        self.welfare_label = QLabel(self)
        self.welfare_label.setBuddy(self.welfare)
        self.form = QFormLayout()
        self.form.addRow(self.channel_label, self.channel)
        self.form.addRow(self.welfare_label, self.welfare)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up)
        follow.addWidget(self.follow_up_date, 1)
        self.form.addRow("", follow)
        self.form.addRow(self.retry_label, self.retry_hours)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.phones)
        layout.addWidget(self.current)
        layout.addLayout(self.form)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        # Shortcuts, not key handlers: a text field claims plain digits for itself (ShortcutOverride),
        # so typing "1" in the note writes a 1 and logs nothing.
        self._shortcuts: list[QShortcut] = []
        for number, outcome in enumerate(OUTCOMES[: len(_NUMBER_KEYS)], start=1):
            key = _NUMBER_KEYS[number - 1]
            for combo in (QKeyCombination(key), QKeyCombination(Qt.KeyboardModifier.KeypadModifier, key)):
                shortcut = QShortcut(QKeySequence(combo), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda o=outcome: self.commit(o))
                self._shortcuts.append(shortcut)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.commit_selected)
            self._shortcuts.append(shortcut)
        self.outcomes.itemActivated.connect(lambda _item: self.commit_selected())

        if self._row is not None:
            self.welfare.setCurrentIndex(
                self.welfare.findData(str(default_welfare(self._row.welfare_status)))
            )
        else:
            for widget in (
                self.outcomes,
                self.note,
                self.channel,
                self.welfare,
                self.follow_up,
                self.log_button,
            ):
                widget.setEnabled(False)
            for shortcut in self._shortcuts:
                shortcut.setEnabled(False)
        self.retranslate()
        self.outcomes.setFocus()

    # -- logging -----------------------------------------------------------------------------------

    def commit_selected(self) -> None:
        """Log the highlighted outcome (Ctrl+Enter, Enter on the list, or the Log button)."""
        row = self.outcomes.currentRow()
        if 0 <= row < len(OUTCOMES):
            self.commit(OUTCOMES[row])

    def commit(self, outcome: Outcome) -> None:
        """Log ``outcome`` now; an error is shown and the dialog stays open with what was typed."""
        if self._citizen_id is None or self._row is None:
            return
        self.outcomes.setCurrentRow(OUTCOMES.index(outcome))
        # A welfare status is something the person tells us: only a call that reached them sets one.
        welfare = str(self.welfare.currentData()) if outcome is Outcome.REACHED else None
        follow_up = self.follow_up_at(outcome)
        try:
            contacts.log_contact(
                self._session,
                self._citizen_id,
                channel=str(self.channel.currentData()),
                outcome=outcome.value,
                welfare=welfare,
                note=self.note.toPlainText().strip(),
                follow_up_due=follow_up,
            )
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self.logged.emit(self._citizen_id)
        # After ``logged``: the view that opened the dialog has followed up (dropped the row from a
        # filtered list, moved on) before the rest of the window hears of it.
        notify(
            DataChange(
                frozenset({Kind.CONTACTS}),
                (self._citizen_id,),
                message=self.logged_message(outcome, welfare, follow_up),
                origin=self,
            )
        )
        self.accept()

    def follow_up_at(self, outcome: Outcome) -> datetime | None:
        """The follow-up to log with ``outcome``: the one chosen, else for no answer or busy the
        suggested retry (now plus the hours shown; 0 means none), else none."""
        if self.follow_up.isChecked():
            chosen = self.follow_up_date.dateTime().toPython()
            assert isinstance(chosen, datetime)
            return chosen.replace(second=0, microsecond=0)
        if outcome in contacts.RETRY_OUTCOMES and self.retry_hours.value() > 0:
            retry = datetime.now() + timedelta(hours=self.retry_hours.value())
            return retry.replace(second=0, microsecond=0)
        return None

    def logged_message(self, outcome: Outcome, welfare: str | None, follow_up: date | None) -> str:
        """What was logged, in a sentence for the status bar: whose contact, the outcome, and
        the welfare status and follow-up date when there are any."""
        row = self._row
        name = (row.name or row.name_latin) if row is not None else ""
        parts = [vl.outcome_labels()[outcome]]
        if welfare is not None:
            parts.append(self.tr("welfare: %1").replace("%1", vl.label(vl.welfare_labels(), welfare)))
        if follow_up is not None:
            when = display_date(follow_up.isoformat()[:10])
            if isinstance(follow_up, datetime):
                when += f" {follow_up:%H:%M}"
            parts.append(self.tr("follow up on %1").replace("%1", when))
        return self.tr("Contact with %1 logged: %2").replace("%1", name).replace("%2", ", ".join(parts))

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a contact"))
        row = self._row
        if row is None:
            self.who.setText(self.tr("No citizen selected"))
            self.phones.setText("")
            self.current.setText("")
        else:
            name = row.name or row.name_latin
            if row.name and row.name_latin:
                name += f"  ({row.name_latin})"
            self.who.setText(name)
            self.phones.setText(
                "   ".join(row.phones) if row.phones else self.tr("No phone number on record")
            )
            self.current.setText(
                self.tr("Welfare now: %1").replace("%1", vl.label(vl.welfare_labels(), row.welfare_status))
            )
        channels = vl.channel_labels()
        for i, chan in enumerate(STAFF_CHANNELS):
            self.channel.setItemText(i, vl.label(channels, chan))
        for i, text in enumerate(vl.welfare_labels().values()):
            self.welfare.setItemText(i, text)
        labels = vl.outcome_labels()
        for i, outcome in enumerate(OUTCOMES):
            item = self.outcomes.item(i)
            prefix = f"{i + 1}   " if i < len(_NUMBER_KEYS) else "    "
            item.setText(prefix + labels[outcome])
        self.channel_label.setText(self.tr("&Channel:"))
        self.welfare_label.setText(self.tr("&Welfare if reached:"))
        self.follow_up.setText(self.tr("&Follow up on"))
        self.retry_label.setText(self.tr("No answer or busy: &retry in"))
        self.retry_hours.setSuffix(self.tr(" h"))
        self.retry_hours.setSpecialValueText(self.tr("no retry"))
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.hint.setText(
            self.tr(
                "Press a number to log that outcome at once. In the note, Ctrl+Enter logs the"
                " highlighted one."
            )
        )
        self.log_button.setText(self.tr("&Log"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
