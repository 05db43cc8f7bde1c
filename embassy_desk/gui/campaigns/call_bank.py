"""The call bank: one person at a time from the signed-in person's call list, worked from the keyboard.

The card shows whom to call (name in the native script and in Latin letters), the numbers to dial
with their kind, messengers, languages, vulnerabilities, attempts so far, the last contact, the
household, and the script to read in the language of the call (a switcher changes it).

Keys:

* 1 safe, 2 needs help, 3 no answer, 4 wrong number, 5 message left: recorded at once. While the note
  has the focus the digits type into it; Ctrl+1..5 record from anywhere, and Ctrl+Enter records the
  highlighted outcome (the last one pointed at with Left/Right on the card).
* 2 (needs help) first shows the assistance case it will open, pre-filled (kind, priority high, a
  summary naming the campaign); confirming records, cancelling records nothing.
* Ctrl+H ticks (or clears) the whole household: a safe or needs-help outcome is then recorded for
  each ticked member too, each their own contact.
* Escape (Skip) passes over a person for this sitting; a message left does too (they come back at
  the end). When nobody is left the bank says the list is done, and offers the passed-over again.

After each outcome the next person appears at once and the focus is back on the card, so the next
key works. Recording is one short write (≤ 50 ms on a 1,000,000-citizen post), done directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CallOutcome, TargetState
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.domain.regions import region_for_city, region_name
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.campaigns import labels
from embassy_desk.gui.campaigns.case_draft_dialog import CaseDraftDialog
from embassy_desk.gui.campaigns.scripts import call_script
from embassy_desk.gui.data_events import DataChange, Kind, data_events, notify
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.gui.i18n import current_language
from embassy_desk.gui.widgets import named
from embassy_desk.services import campaigns as campaign_service
from embassy_desk.services.campaigns import CallCard, CaseDraft, RecordResult
from embassy_desk.services.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_WRITES = frozenset({Kind.CAMPAIGNS, Kind.CONTACTS, Kind.CITIZENS})
_HEADER_DELAY_MS = 150
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_CTRL = Qt.KeyboardModifier.ControlModifier


def _scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    out = QFont(font)
    out.setPointSizeF(font.pointSizeF() * factor)
    out.setBold(bold)
    return out


class CallBank(QDialog):
    """Work the signed-in person's list of ``campaign_id``. ``recorded`` carries each RecordResult."""

    recorded = Signal(object)

    def __init__(self, session: Session, campaign_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBank")
        self._session = session
        self._campaign_id = campaign_id
        self._campaign_name = ""
        self._card: CallCard | None = None
        self._skip: list[str] = []
        self._highlight: CallOutcome | None = None
        self.case_dialog: CaseDraftDialog | None = None
        self.recorded_this_sitting = 0
        self._list_counts: tuple[int, int] | None = None  # (done, assigned) of the signed-in person

        # -- header ------------------------------------------------------------------------------
        self.title = named(QLabel(self), "callBankTitle")
        self.title.setFont(_scaled(self.title.font(), 1.1, bold=True))
        self.counts = named(QLabel(self), "callBankCounts")

        # -- the card ------------------------------------------------------------------------------
        self.card = named(QFrame(self), "callBankCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.name = named(QLabel(self.card), "callBankName")
        self.name.setFont(_scaled(self.name.font(), 1.6, bold=True))
        self.name.setWordWrap(True)
        self.latin = named(QLabel(self.card), "callBankLatin")
        self.latin.setFont(_scaled(self.latin.font(), 1.15))
        self.phones = named(QLabel(self.card), "callBankPhones")
        self.phones.setFont(_scaled(self.phones.font(), 1.35, bold=True))
        self.phones.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._field_labels: list[QLabel] = []
        self.messengers = named(QLabel(self.card), "callBankMessengers")
        self.languages = named(QLabel(self.card), "callBankLanguages")
        self.place = named(QLabel(self.card), "callBankPlace")
        self.vulnerabilities = named(QLabel(self.card), "callBankVulnerabilities")
        self.welfare = named(QLabel(self.card), "callBankWelfare")
        self.attempts = named(QLabel(self.card), "callBankAttempts")
        self.last_contact = named(QLabel(self.card), "callBankLastContact")
        facts = QGridLayout()
        facts.setColumnStretch(1, 1)
        for row, value in enumerate(
            (
                self.messengers,
                self.languages,
                self.place,
                self.vulnerabilities,
                self.welfare,
                self.attempts,
                self.last_contact,
            )
        ):
            caption = QLabel(self.card)
            caption.setStyleSheet("color: #5f6368;")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._field_labels.append(caption)
            facts.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
        self.household_label = QLabel(self.card)
        self.household_label.setWordWrap(True)
        self.household = named(QListWidget(self.card), "callBankHousehold")
        self.household.setMaximumHeight(self.fontMetrics().height() * 6)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.name)
        card_layout.addWidget(self.latin)
        card_layout.addSpacing(6)
        card_layout.addWidget(self.phones)
        card_layout.addSpacing(6)
        card_layout.addLayout(facts)
        card_layout.addWidget(self.household_label)
        card_layout.addWidget(self.household)
        card_layout.addStretch(1)

        # -- the script ----------------------------------------------------------------------------
        self.script_box = QWidget(self)
        self.script_label = QLabel(self.script_box)
        self.script_language = named(QComboBox(self.script_box), "callBankScriptLanguage")
        self.script_language.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for code, native in labels.CALL_LANGUAGES.items():
            self.script_language.addItem(native, code)
        self.script_language.activated.connect(lambda _i: self._show_script())
        self.script_label.setBuddy(self.script_language)
        self.script = named(QTextBrowser(self.script_box), "callBankScript")
        self.script.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.script.setFont(_scaled(self.script.font(), 1.15))
        script_top = QHBoxLayout()
        script_top.addWidget(self.script_label)
        script_top.addStretch(1)
        script_top.addWidget(self.script_language)
        script_layout = QVBoxLayout(self.script_box)
        script_layout.setContentsMargins(0, 0, 0, 0)
        script_layout.addLayout(script_top)
        script_layout.addWidget(self.script, 1)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.card)
        split.addWidget(self.script_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        # -- note and keys -------------------------------------------------------------------------
        self.note_label = QLabel(self)
        self.note = named(QLineEdit(self), "callBankNote")
        self.note_label.setBuddy(self.note)
        self.outcome_buttons: dict[CallOutcome, QPushButton] = {}
        self._outcome_group = QButtonGroup(self)
        self._outcome_group.setExclusive(True)
        keys_row = QHBoxLayout()
        for outcome, _key in labels.OUTCOME_KEYS:
            button = named(QPushButton(self), f"callBankOutcome_{outcome.value}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(int(self.fontMetrics().height() * 2.4))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _c=False, o=outcome: self.choose(o))
            self._outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            keys_row.addWidget(button)
        self.skip_button = named(QPushButton(self), "callBankSkip")
        self.skip_button.setAutoDefault(False)
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.setMinimumHeight(int(self.fontMetrics().height() * 2.4))
        self.skip_button.clicked.connect(self.skip)
        keys_row.addSpacing(12)
        keys_row.addWidget(self.skip_button)
        self.hint = named(QLabel(self), "callBankHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.last = named(QLabel(self), "callBankLast")
        self.last.setWordWrap(True)

        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(split, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        work_layout.addLayout(note_row)
        work_layout.addLayout(keys_row)
        work_layout.addWidget(self.hint)

        # -- the end of the list ---------------------------------------------------------------------
        done = QWidget(self)
        self.done_text = named(QLabel(done), "callBankDone")
        self.done_text.setFont(_scaled(self.done_text.font(), 1.4, bold=True))
        self.done_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_text.setWordWrap(True)
        self.again_button = named(QPushButton(done), "callBankAgain")
        self.again_button.clicked.connect(self.call_passed_over)
        done_layout = QVBoxLayout(done)
        done_layout.addStretch(1)
        done_layout.addWidget(self.done_text)
        again_row = QHBoxLayout()
        again_row.addStretch(1)
        again_row.addWidget(self.again_button)
        again_row.addStretch(1)
        done_layout.addLayout(again_row)
        done_layout.addStretch(2)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(work)
        self.pages.addWidget(done)
        self.close_button = named(QPushButton(self), "callBankClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.last, 1)
        bottom.addWidget(self.close_button)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

        # -- keys ------------------------------------------------------------------------------------
        # Shortcuts, not key handlers: a text field claims plain digits for itself (ShortcutOverride),
        # so typing "3" in the note writes a 3 and records nothing.
        self._outcome_shortcuts: list[QShortcut] = []
        for outcome, key in labels.OUTCOME_KEYS:
            for combo in (QKeyCombination(key), QKeyCombination(_KEYPAD, key), QKeyCombination(_CTRL, key)):
                self._outcome_shortcuts.append(self._shortcut(QKeySequence(combo), self._chooser(outcome)))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            self._outcome_shortcuts.append(self._shortcut(QKeySequence(keys), self.record_highlighted))
        self._shortcut(QKeySequence(Qt.Key.Key_Escape), self.skip)
        self._shortcut(QKeySequence("Ctrl+H"), self.toggle_household)
        card_left = QShortcut(QKeySequence(Qt.Key.Key_Left), self.card)
        card_left.setContext(Qt.ShortcutContext.WidgetShortcut)
        card_left.activated.connect(lambda: self._move_highlight(-1))
        card_right = QShortcut(QKeySequence(Qt.Key.Key_Right), self.card)
        card_right.setContext(Qt.ShortcutContext.WidgetShortcut)
        card_right.activated.connect(lambda: self._move_highlight(1))

        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(_HEADER_DELAY_MS)
        self._header_timer.timeout.connect(self.refresh_counts)
        data_events().changed.connect(self._data_changed)

        self.resize(1000, 640)
        self._load_campaign()
        self.retranslate()
        self.refresh_counts()
        self.next_person()

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], None]) -> QShortcut:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _chooser(self, outcome: CallOutcome) -> Callable[[], None]:
        return lambda: self.choose(outcome)

    # -- what is on screen ---------------------------------------------------------------------------

    @property
    def current(self) -> CallCard | None:
        """The person on the card (None once the list is done)."""
        return self._card

    @property
    def skipped(self) -> tuple[str, ...]:
        """Citizens passed over (or left a message) this sitting."""
        return tuple(self._skip)

    def is_done(self) -> bool:
        return self.pages.currentIndex() == 1

    def _load_campaign(self) -> None:
        try:
            self._campaign_name = campaign_service.get_campaign(self._session, self._campaign_id).name
        except EmbassyDeskError as exc:
            show_error(self, exc)

    def next_person(self) -> None:
        """Show the next person of the list, passing over those skipped this sitting."""
        try:
            card = campaign_service.next_call(self._session, self._campaign_id, skip=self._skip)
        except EmbassyDeskError as exc:
            show_error(self, exc)
            card = None
        self._show(card)

    def _show(self, card: CallCard | None) -> None:
        self._card = card
        self._highlight = None
        self._outcome_group.setExclusive(False)
        for button in self.outcome_buttons.values():
            button.setChecked(False)
        self._outcome_group.setExclusive(True)
        self.note.clear()
        if card is None:
            self.pages.setCurrentIndex(1)
            self._fill_done()
            self.again_button.setFocus()
            return
        self.pages.setCurrentIndex(0)
        self._fill_card(card)
        index = self.script_language.findData(card.call_language)
        self.script_language.setCurrentIndex(max(0, index))
        self._show_script()
        self.card.setFocus()

    def _fill_card(self, card: CallCard) -> None:
        self.name.setText(card.name or card.latin_name)
        self.latin.setText(card.latin_name if card.name and card.latin_name != card.name else "")
        self.latin.setVisible(bool(self.latin.text()))
        kinds = vl.phone_kind_labels()
        if card.phones:
            self.phones.setText(
                "\n".join(
                    f"{number}  ({vl.label(kinds, kind)})" if kind else number for number, kind in card.phones
                )
            )
        else:
            self.phones.setText(self.tr("No phone number on record"))
        none = self.tr("—")
        self.messengers.setText(", ".join(card.messengers) or none)
        self.languages.setText(
            ", ".join(labels.CALL_LANGUAGES.get(code, code) for code in card.languages) or none
        )
        self.place.setText(self._place(card) or none)
        vulnerable = vl.vulnerability_labels()
        self.vulnerabilities.setText(", ".join(vl.label(vulnerable, v) for v in card.vulnerabilities) or none)
        self.vulnerabilities.setStyleSheet(
            "color: #8a1c12; font-weight: bold;" if card.vulnerabilities else ""
        )
        self.welfare.setText(vl.label(vl.welfare_labels(), card.welfare))
        self.attempts.setText(format_number(card.attempts))
        self.last_contact.setText(
            display_time(card.last_contact_at) if card.last_contact_at else self.tr("never")
        )
        self.household.clear()
        states = labels.state_labels()
        for member in card.household:
            item = QListWidgetItem(self.household)
            if member.in_campaign and member.state is not None:
                text = f"{member.name}  ({vl.label(states, member.state)})"
            else:
                text = f"{member.name}  ({self.tr('not in this campaign')})"
            item.setText(text)
            item.setData(ID_ROLE, member.citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        has_household = bool(card.household)
        self.household.setVisible(has_household)
        self.household_label.setVisible(has_household)

    def _place(self, card: CallCard) -> str:
        """City and region in the window's language; a city that is its own region (Seoul) once."""
        host = self._session.post.host_country
        region = (
            region_name(card.region, host_country=host, language=current_language()) if card.region else ""
        )
        city = card.city
        if city and card.region and region_for_city(city, host) == card.region:
            city = ""  # "Seoul, Seoul" says it twice
        return ", ".join(p for p in (city, region) if p)

    def _fill_done(self) -> None:
        if self._skip:
            self.done_text.setText(
                self.tr("Your list is done for now. %1 passed over this sitting.").replace(
                    "%1", format_number(len(self._skip))
                )
            )
            self.again_button.setText(self.tr("&Call the passed-over again"))
            self.again_button.show()
        else:
            self.done_text.setText(self.tr("Your list is done."))
            self.again_button.hide()

    def _show_script(self) -> None:
        card = self._card
        if card is None:
            self.script.clear()
            return
        language = str(self.script_language.currentData())
        self.script.setPlainText(call_script(self._session, card, language, self._campaign_name))

    def household_ids(self) -> tuple[str, ...]:
        """The household members ticked to be recorded the same."""
        out = []
        for row in range(self.household.count()):
            item = self.household.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ID_ROLE)))
        return tuple(out)

    def toggle_household(self) -> None:
        """Tick every member of the household, or clear them all if all were ticked (Ctrl+H)."""
        count = self.household.count()
        if not count:
            return
        tick = len(self.household_ids()) < count
        for row in range(count):
            self.household.item(row).setCheckState(Qt.CheckState.Checked if tick else Qt.CheckState.Unchecked)

    # -- recording -----------------------------------------------------------------------------------

    def choose(self, outcome: CallOutcome) -> None:
        """The outcome's key or button: "needs help" first shows its case, the others record at once."""
        if self._card is None or self.case_dialog is not None:
            return
        self._set_highlight(outcome)
        if outcome is CallOutcome.NEEDS_HELP:
            self.open_case_draft()
        else:
            self.record(outcome)

    def record_highlighted(self) -> None:
        """Ctrl+Enter: the highlighted outcome, if one is."""
        if self._highlight is None:
            self.last.setText(self.tr("Press 1 to 5 to record an outcome."))
            return
        self.choose(self._highlight)

    def _set_highlight(self, outcome: CallOutcome | None) -> None:
        self._highlight = outcome
        if outcome is not None:
            self.outcome_buttons[outcome].setChecked(True)

    def _move_highlight(self, step: int) -> None:
        order = [o for o, _k in labels.OUTCOME_KEYS]
        if self._highlight is None:
            at = 0 if step > 0 else len(order) - 1
        else:
            at = (order.index(self._highlight) + step) % len(order)
        self._set_highlight(order[at])

    def default_case_summary(self) -> str:
        """The pre-filled summary: names the campaign (not the person), then the note if one is typed."""
        summary = self.tr("Needs help (welfare campaign “%1”).").replace("%1", self._campaign_name)
        note = self.note.text().strip()
        return f"{summary} {note}" if note else summary

    def open_case_draft(self) -> CaseDraftDialog | None:
        """Show the pre-filled case; confirming records "needs help" with it."""
        card = self._card
        if card is None:
            return None
        dialog = CaseDraftDialog(card.name or card.latin_name, self.default_case_summary(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self._case_confirmed)
        dialog.rejected.connect(self._case_cancelled)
        self.case_dialog = dialog
        dialog.open()
        return dialog

    def _case_confirmed(self, draft: object) -> None:
        assert isinstance(draft, CaseDraft)
        self.case_dialog = None
        self.record(CallOutcome.NEEDS_HELP, case=draft)

    def _case_cancelled(self) -> None:
        self.case_dialog = None
        self.card.setFocus()

    def record(self, outcome: CallOutcome, *, case: CaseDraft | None = None) -> RecordResult | None:
        """Record ``outcome`` for the person on the card (and the ticked household for safe or needs
        help), then show the next person at once. An error is shown and the card stays."""
        card = self._card
        if card is None:
            return None
        household = self.household_ids() if outcome in labels.HOUSEHOLD_OUTCOMES else ()
        # A message left sends the person to the end of the list for this sitting.
        skip = [*self._skip, card.citizen_id] if outcome is CallOutcome.MESSAGE_LEFT else list(self._skip)
        try:
            result = campaign_service.record_outcome(
                self._session,
                self._campaign_id,
                card.citizen_id,
                outcome,
                note=self.note.text().strip(),
                household=household,
                case=case,
                skip=skip,
            )
        except EmbassyDeskError as exc:
            show_error(self, exc)
            self.card.setFocus()
            return None
        self.recorded_this_sitting += 1
        self._skip = list(dict.fromkeys(skip))
        message = self.recorded_message(card, outcome, result)
        self.last.setText(message)
        kinds = set(_WRITES)
        if result.case_id is not None:
            kinds.add(Kind.CASES)
        ids = tuple(dict.fromkeys((card.citizen_id, *result.recorded_for)))
        nxt = result.next
        if nxt is not None and nxt.citizen_id in self._skip:
            try:
                nxt = campaign_service.next_call(self._session, self._campaign_id, skip=self._skip)
            except EmbassyDeskError as exc:
                show_error(self, exc)
                nxt = None
        self._show(nxt)
        self.recorded.emit(result)
        notify(DataChange(frozenset(kinds), ids, message=message, origin=self))
        return result

    def recorded_message(self, card: CallCard, outcome: CallOutcome, result: RecordResult) -> str:
        """What was recorded, in a sentence: whose call, the outcome, the household, the case."""
        name = card.name or card.latin_name
        text = (
            self.tr("%1: %2 recorded.")
            .replace("%1", name)
            .replace("%2", vl.label(labels.outcome_labels(), outcome))
        )
        others = len([c for c in result.recorded_for if c != card.citizen_id])
        if others:
            text += " " + self.tr("Recorded the same for members of the household: %1.").replace(
                "%1", format_number(others)
            )
        if result.state is TargetState.FOLLOW_UP:
            text += " " + self.tr("Moved to the follow-up list.")
        if result.case_id is not None:
            text += " " + self.tr("An assistance case was opened.")
        return text

    def skip(self) -> None:
        """Pass over the person on the card for this sitting (Escape; from a note with text in it,
        the first Escape only leaves the note)."""
        card = self._card
        if card is None or self.case_dialog is not None:
            return
        if self.note.hasFocus() and self.note.text().strip():
            # The first Escape leaves a typed note (kept), the second passes over the person.
            self.card.setFocus()
            return
        if card.citizen_id not in self._skip:
            self._skip.append(card.citizen_id)
        self.last.setText(self.tr("%1 passed over for now.").replace("%1", card.name or card.latin_name))
        self.next_person()

    def call_passed_over(self) -> None:
        """Start again with the people passed over this sitting."""
        self._skip.clear()
        self.next_person()

    # -- counts --------------------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Read how far the signed-in person's list is (done of assigned)."""
        try:
            progress = campaign_service.campaign_progress(self._session, self._campaign_id)
        except EmbassyDeskError:
            return
        own = progress.staff.get(self._session.user.username)
        self._list_counts = (own.done, own.assigned) if own is not None else None
        self._show_counts()

    def _show_counts(self) -> None:
        if self._list_counts is None:
            self.counts.setText("")
            return
        done, assigned = self._list_counts
        self.counts.setText(
            self.tr("Your list: %1 of %2 done")
            .replace("%1", format_number(done))
            .replace("%2", format_number(assigned))
        )

    def _data_changed(self, change: object) -> None:
        if isinstance(change, DataChange) and Kind.CAMPAIGNS in change.kinds:
            self._header_timer.start()

    # -- texts ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Call bank: %1").replace("%1", self._campaign_name))
        self.title.setText(self._campaign_name)
        captions = (
            self.tr("Messengers"),
            self.tr("Languages"),
            self.tr("Lives in"),
            self.tr("Vulnerable"),
            self.tr("Welfare now"),
            self.tr("Attempts so far"),
            self.tr("Last contact"),
        )
        for caption, text in zip(self._field_labels, captions, strict=True):
            caption.setText(text)
        self.household_label.setText(self.tr("Record the same for (safe or needs help; Ctrl+H ticks all):"))
        self.script_label.setText(self.tr("Script, in the language of the call:"))
        self.note_label.setText(self.tr("&Note:"))
        self.note.setPlaceholderText(self.tr("What the person said (optional)"))
        outcomes = labels.outcome_labels()
        for (outcome, key), button in zip(labels.OUTCOME_KEYS, self.outcome_buttons.values(), strict=True):
            number = QKeySequence(key).toString()
            button.setText(f"{number}  {outcomes[outcome]}")
            button.setToolTip(self.tr("Press %1 (Ctrl+%1 while typing a note)").replace("%1", number))
        self.skip_button.setText(self.tr("Esc  Skip"))
        self.skip_button.setToolTip(self.tr("Pass over this person for now; they come back at the end"))
        self.hint.setText(
            self.tr(
                "Press 1 to 5 to record the outcome; the next person appears at once. In the note, the"
                " digits type: use Ctrl+1 to 5, or Ctrl+Enter for the highlighted outcome."
            )
        )
        self.close_button.setText(self.tr("Close"))
        if self._card is not None:
            self._fill_card(self._card)
        elif self.is_done():
            self._fill_done()
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
