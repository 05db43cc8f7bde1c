"""The citizen record: the form to register or edit a person, and, once stored, their household,
contact log, cases, notices issued and history.

Saving goes through ``services.registry``; what validation refuses is shown under the fields it
names. A likely duplicate opens :class:`DuplicateDialog` (non-blocking, so typing is never lost):
open the existing record, merge, or declare "not a duplicate" and save.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.citizen import Citizen, InvalidRecord, input_from_stored, validate_citizen
from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.gui.citizen.banner import MessageBanner, ReachedLine
from embassy_desk.gui.citizen.cases_tab import CasesTab
from embassy_desk.gui.citizen.contacts_tab import ContactsTab
from embassy_desk.gui.citizen.date_field import display_date, display_time
from embassy_desk.gui.citizen.duplicates import DuplicateChoice, DuplicateDialog
from embassy_desk.gui.citizen.form import CitizenForm
from embassy_desk.gui.citizen.history_tab import HistoryTab
from embassy_desk.gui.citizen.household_tab import HouseholdTab
from embassy_desk.gui.citizen.notices_tab import NoticesTab
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.notices.print_dialog import PrintNoticeDialog
from embassy_desk.gui.open_dialogs import CITIZEN, REGISTRY, show_record
from embassy_desk.gui.vocab_labels import welfare_labels
from embassy_desk.services import registry
from embassy_desk.services.households import household_of
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.registry import DuplicateCandidate, PossibleDuplicate
from embassy_desk.services.session import Session

# Editing one of these may make the record look like someone else: check before saving.
_IDENTITY_FIELDS = frozenset(
    {
        "surname",
        "given_names",
        "surname_latin",
        "given_names_latin",
        "birth_date",
        "national_id",
        "passport_number",
    }
)

_RefreshableTab = HouseholdTab | ContactsTab | CasesTab | NoticesTab | HistoryTab


class CitizenRecordDialog(QDialog):
    """``citizen_id=None`` registers a new citizen; ``saved`` carries the id after every save."""

    saved = Signal(str)

    def __init__(self, session: Session, citizen_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenRecord")
        self._session = session
        self._citizen_id = citizen_id
        self._version: int | None = None
        self._display_name = ""
        self._fields: dict[str, object] = {}
        self._discard_armed = False
        self._discarded = False
        self._stale: set[QWidget] = set()
        self.duplicate_dialog: DuplicateDialog | None = None
        self.quick_log: QuickLogDialog | None = None
        self.print_notice_dialog: PrintNoticeDialog | None = None
        self.opened_records: list[CitizenRecordDialog] = []
        self.household_tab: HouseholdTab | None = None
        self.contacts_tab: ContactsTab | None = None
        self.cases_tab: CasesTab | None = None
        self.notices_tab: NoticesTab | None = None
        self.history_tab: HistoryTab | None = None

        self.banner = MessageBanner(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("recordSummary")
        self.summary.hide()
        self.reached_line = ReachedLine(self)
        self.form = CitizenForm(
            home_country=session.post.home_country, host_country=session.post.host_country, parent=self
        )
        self.form.edited.connect(self._edited)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.log_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("recordPrintNotice")
        self.save_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button in (self.log_button, self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
        self.log_button.clicked.connect(self.log_contact)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+L"), self, self.log_contact)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_notice)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.reached_line)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(1100, 820)

        if citizen_id is not None:
            self._load(citizen_id)
            self._build_tabs()
        self._apply_permissions()
        self.retranslate()
        if citizen_id is None:
            self.form.mrz.edit.setFocus()

    # ----------------------------------------------------------------------------------------
    # Text

    def retranslate(self) -> None:
        if self._citizen_id is None:
            self.setWindowTitle(self.tr("New citizen"))
        else:
            self.setWindowTitle(self.tr("Citizen: {name}").format(name=self._display_name))
        self.tabs.setTabText(0, self.tr("Details"))
        titles = (
            (self.household_tab, self.tr("Household")),
            (self.contacts_tab, self.tr("Contact log")),
            (self.cases_tab, self.tr("Cases")),
            (self.notices_tab, self.tr("Notices issued")),
            (self.history_tab, self.tr("History")),
        )
        for tab, title in titles:
            if tab is not None:
                self.tabs.setTabText(self.tabs.indexOf(tab), title)
        self.log_button.setText(self.tr("Log contact (Ctrl+L)"))
        self.print_button.setText(self.tr("Print notice… (Ctrl+P)"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))
        self._show_summary()
        if not self.can_edit:
            self.save_button.setToolTip(self.tr("Your role may view records but not change them"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------
    # State

    @property
    def citizen_id(self) -> str | None:
        """The stored record shown, or None while a new citizen is being typed."""
        return self._citizen_id

    @property
    def can_edit(self) -> bool:
        action = Action.CITIZEN_CREATE if self._citizen_id is None else Action.CITIZEN_EDIT
        return is_allowed(self._session.role, action)

    def _apply_permissions(self) -> None:
        self.form.set_read_only(not self.can_edit)
        self.save_button.setEnabled(self.can_edit)
        self.log_button.setEnabled(
            self._citizen_id is not None and is_allowed(self._session.role, Action.CONTACT_LOG)
        )
        self.print_button.setEnabled(
            self._citizen_id is not None and is_allowed(self._session.role, Action.NOTICE_ISSUE)
        )

    def _load(self, citizen_id: str) -> None:
        try:
            citizen = registry.get_citizen(self._session, citizen_id)
            household = household_of(self._session, citizen_id)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        self._show_citizen(citizen, household.name if household else None)

    def _show_citizen(self, citizen: Citizen, household_name: str | None) -> None:
        self._citizen_id = citizen.id
        self._version = citizen.version
        self._display_name = citizen.display_name
        self.form.load(citizen.fields, household_name=household_name)
        self._discard_armed = False
        self._discarded = False
        self._fields = dict(citizen.fields)
        self._show_summary()

    def _show_summary(self) -> None:
        """Last contact and its freshness, and the welfare status, above the tabs."""
        if self._citizen_id is None:
            return
        last = self._fields.get("last_contact_at")
        if last:
            days = (date.today() - datetime.fromisoformat(str(last)).astimezone().date()).days
            when = display_time(str(last))
            if days <= 0:
                contact = self.tr("Last contact: {when} (today)").format(when=when)
            else:
                contact = self.tr("Last contact: {when} ({days} days ago)").format(when=when, days=days)
        else:
            contact = self.tr("No contact logged yet")
        status = str(self._fields.get("welfare_status") or "unknown")
        welfare = self.tr("Welfare: {status}").format(status=welfare_labels().get(status, status))
        self.summary.setText(f"{contact}  ·  {welfare}")
        self.summary.show()
        self.reached_line.show_for(self._session, self._citizen_id)

    def _build_tabs(self) -> None:
        assert self._citizen_id is not None
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        cid = self._citizen_id
        self.household_tab = HouseholdTab(self._session, cid, self)
        self.household_tab.open_citizen.connect(self.open_record)
        self.household_tab.new_member.connect(self.register_household_member)
        self.household_tab.new_member_button.setEnabled(is_allowed(self._session.role, Action.CITIZEN_CREATE))
        self.contacts_tab = ContactsTab(self._session, cid, self)
        self.cases_tab = CasesTab(self._session, cid, self)
        self.notices_tab = NoticesTab(self._session, cid, self)
        self.history_tab = HistoryTab(self._session, cid, self)
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self._mark_stale()
        self.retranslate()

    def _tabs(self) -> list[_RefreshableTab]:
        found = (self.household_tab, self.contacts_tab, self.cases_tab, self.notices_tab, self.history_tab)
        return [tab for tab in found if tab is not None]

    def _mark_stale(self) -> None:
        # Tabs read their lists when first looked at, so opening a record costs one query.
        self._stale = set(self._tabs())
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self._stale and not self._session.locked:
            self._stale.discard(widget)
            for tab in self._tabs():
                if tab is widget:
                    tab.refresh()

    def _edited(self) -> None:
        self._discard_armed = False
        self._discarded = False

    # Unsaved work, as the lock asks about it (embassy_desk.gui.open_dialogs.UnsavedWork).

    def has_unsaved_changes(self) -> bool:
        """True while typed edits are not stored (and not given up)."""
        return self.can_edit and not self._discarded and bool(self.form.changes())

    def save_changes(self) -> bool:
        """Save as the Save button does; False if not stored (the form says why)."""
        return self.save()

    def discard_changes(self) -> None:
        """Give up the typed edits: the record then closes without asking."""
        self._discarded = True
        self._discard_armed = True

    def record_key(self) -> tuple[str, str]:
        return CITIZEN, self._citizen_id or "new"

    # ----------------------------------------------------------------------------------------
    # Saving

    def save(self) -> bool:
        """Validate and store what the form holds; return whether it was stored."""
        self.banner.clear_message()
        self.form.clear_problems()
        if not self.can_edit:
            self.banner.show_error(self.tr("Your role may view records but not change them."))
            return False
        if self._citizen_id is None:
            return self._register(self.form.values())
        return self._edit(check_duplicates=True)

    def _register(self, data: Mapping[str, object], *, allow_duplicate: bool = False) -> bool:
        try:
            citizen = registry.register_citizen(self._session, data, allow_duplicate=allow_duplicate)
        except PossibleDuplicate as exc:
            self._ask_about_duplicates(exc.candidates, dict(data))
            return False
        except EmbassyDeskError as exc:
            self._show_error(exc)
            return False
        self._after_save(citizen, self.tr("Registered."))
        return True

    def _edit(self, *, check_duplicates: bool) -> bool:
        assert self._citizen_id is not None
        changes = self.form.changes()
        if not changes:
            self.banner.show_info(self.tr("Nothing was changed."))
            return True
        if check_duplicates and _IDENTITY_FIELDS & changes.keys():
            candidates = self._duplicates_of_form()
            if candidates:
                self._ask_about_duplicates(candidates, changes)
                return False
        try:
            citizen = registry.edit_citizen(
                self._session, self._citizen_id, changes, expected_version=self._version
            )
        except EmbassyDeskError as exc:
            self._show_error(exc)
            return False
        self._after_save(citizen, self.tr("Saved."))
        return True

    def _duplicates_of_form(self) -> list[DuplicateCandidate]:
        try:
            fields = validate_citizen(self.form.values(), self._session.validation)
            return registry.find_duplicates(self._session, fields, exclude_id=self._citizen_id)
        except EmbassyDeskError:
            return []  # the edit itself will name what is wrong

    def _after_save(self, citizen: Citizen, message: str) -> None:
        was_new = self._citizen_id is None or self._citizen_id != citizen.id
        try:
            household = household_of(self._session, citizen.id)
        except EmbassyDeskError:
            household = None
        self._show_citizen(citizen, household.name if household else None)
        if was_new:
            # From now on this window is the record's window: opening the person elsewhere raises it.
            REGISTRY.register(CITIZEN, citizen.id, self)
            self._build_tabs()
        else:
            self._mark_stale()
        self._apply_permissions()
        self.retranslate()
        self.banner.show_info(message)
        self.saved.emit(citizen.id)
        # The rest of the window (the status bar's count, other views) hears of it too.
        notify(DataChange(frozenset({Kind.CITIZENS}), (citizen.id,), count_changed=was_new, origin=self))

    def _show_error(self, exc: EmbassyDeskError) -> None:
        if isinstance(exc, InvalidRecord):
            problems = list(exc.problems)
        elif isinstance(exc, ValidationError):
            problems = [(exc.field, exc.message)]
        else:
            self.banner.show_error(error_text(exc))
            return
        local = self.form.local_problems()
        if local:
            # The service names every phone "phones"; the form can say which one.
            problems = [p for p in problems if p[0] != "phones"] + local
        first = self.form.show_problems(problems)
        self.banner.show_error(self.tr("Not saved: correct the fields marked below."))
        if first is not None:
            self.form.focus_field(first)

    # ----------------------------------------------------------------------------------------
    # Duplicates

    def _ask_about_duplicates(
        self, candidates: Sequence[DuplicateCandidate], data: dict[str, object]
    ) -> None:
        dialog = DuplicateDialog(
            candidates,
            editing=self._citizen_id is not None,
            can_merge=is_allowed(self._session.role, Action.CITIZEN_MERGE),
            details=self._candidate_details(candidates),
            parent=self,
        )
        self.duplicate_dialog = dialog
        dialog.finished.connect(lambda _result: self._duplicate_decided(dialog, list(candidates), data))
        dialog.open()

    def _candidate_details(self, candidates: Sequence[DuplicateCandidate]) -> dict[str, str]:
        details: dict[str, str] = {}
        for candidate in candidates:
            try:
                fields = registry.get_citizen(self._session, candidate.citizen_id).fields
            except EmbassyDeskError:
                continue
            parts = []
            if fields.get("birth_date"):
                parts.append(self.tr("born {date}").format(date=display_date(str(fields["birth_date"]))))
            if fields.get("passport_number"):
                parts.append(self.tr("passport {number}").format(number=fields["passport_number"]))
            details[candidate.citizen_id] = ", ".join(parts)
        return details

    def _duplicate_decided(
        self, dialog: DuplicateDialog, candidates: list[DuplicateCandidate], data: dict[str, object]
    ) -> None:
        choice, other_id, other_name = dialog.choice, dialog.selected_id, dialog.selected_name
        dialog.deleteLater()
        self.duplicate_dialog = None
        try:
            if choice is DuplicateChoice.OPEN_EXISTING:
                self.open_record(other_id)
                self.banner.show_info(self.tr("Not saved; the form keeps what you typed."))
            elif choice is DuplicateChoice.NOT_DUPLICATE:
                self._save_not_duplicate(candidates, data)
            elif choice is DuplicateChoice.MERGE:
                self._merge(other_id, other_name, data)
            else:
                self.banner.show_info(self.tr("Not saved; the form keeps what you typed."))
        except EmbassyDeskError as exc:
            self._show_error(exc)

    def _save_not_duplicate(self, candidates: list[DuplicateCandidate], data: dict[str, object]) -> None:
        if self._citizen_id is None:
            if not self._register(data, allow_duplicate=True):
                return
            assert self._citizen_id is not None
            self._remember_different(candidates)
        else:
            self._remember_different(candidates)
            if self.form.changes() and not self._edit(check_duplicates=False):
                return
        self.banner.show_info(self.tr("Saved, and remembered as a different person from the record shown."))
        self._mark_stale()

    def _remember_different(self, candidates: list[DuplicateCandidate]) -> None:
        assert self._citizen_id is not None
        for candidate in candidates:
            # Also announced to sync and the audit log, which registering alone does not do.
            registry.mark_not_duplicate(self._session, self._citizen_id, candidate.citizen_id)

    def _merge(self, other_id: str, other_name: str, data: dict[str, object]) -> None:
        if self._citizen_id is None:
            # Refuse before anything is stored if the combined record would not be valid.
            existing = registry.get_citizen(self._session, other_id)
            combined = input_from_stored(existing.fields)
            typed = input_from_stored(validate_citizen(data, self._session.validation))
            for key, value in typed.items():
                if not combined.get(key):
                    combined[key] = value
            try:
                validate_citizen(combined, self._session.validation)
            except InvalidRecord as exc:
                self.banner.show_error(self.tr("These two cannot be merged: {problem}").format(problem=exc))
                return
            new = registry.register_citizen(self._session, data, allow_duplicate=True)
            kept = registry.merge_citizens(self._session, other_id, new.id)
            message = self.tr(
                "Merged: the existing record of {name} is kept and completed from what you typed."
            )
        else:
            if self.form.changes() and not self._edit(check_duplicates=False):
                return
            kept = registry.merge_citizens(self._session, self._citizen_id, other_id)
            message = self.tr("Merged: this record is kept; the record of {name} was merged into it.")
        self._after_save(kept, message.format(name=other_name))

    # ----------------------------------------------------------------------------------------
    # Other records and contacts

    def open_record(self, citizen_id: str) -> CitizenRecordDialog:
        """Show another citizen's record on top of this one (its open window if there is one)."""

        def make() -> CitizenRecordDialog:
            dialog = CitizenRecordDialog(self._session, citizen_id, self)
            dialog.saved.connect(lambda _id: self._mark_stale())
            self.opened_records.append(dialog)
            dialog.finished.connect(lambda _r: self._forget(dialog))
            return dialog

        return show_record(CITIZEN, citizen_id, CitizenRecordDialog, make, opener=self)

    def register_household_member(self) -> CitizenRecordDialog:
        """A new record in this citizen's household, starting from the household's name and address."""
        dialog = CitizenRecordDialog(self._session, None, self)
        values = self.form.values()
        dialog.prefill(
            {key: str(values.get(key) or "") for key in ("household", "address", "city", "region")}
        )
        dialog.saved.connect(lambda _id: self._mark_stale())
        self.opened_records.append(dialog)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()
        return dialog

    def prefill(self, values: Mapping[str, str]) -> None:
        """Start a new record with some fields already typed (text, date, phone or choice fields)."""
        for key, value in values.items():
            if value:
                self.form.set_text(key, value)

    def _forget(self, dialog: CitizenRecordDialog) -> None:
        if dialog in self.opened_records:
            self.opened_records.remove(dialog)
        dialog.deleteLater()

    def log_contact(self) -> None:
        """Open the quick contact log for this citizen (Ctrl+L)."""
        if self._citizen_id is None:
            self.banner.show_info(self.tr("Save the record first, then log the contact."))
            return
        if not is_allowed(self._session.role, Action.CONTACT_LOG):
            self.banner.show_error(self.tr("Your role may not log contacts."))
            return
        dialog = QuickLogDialog(self._session, self._citizen_id, self)
        dialog.logged.connect(lambda _id: self._contact_logged())
        self.quick_log = dialog
        dialog.open()

    def print_notice(self) -> None:
        """Open "Print notice" for this citizen (Ctrl+P); the record must be saved first."""
        if self._citizen_id is None:
            self.banner.show_info(self.tr("Save the record first, then print a notice."))
            return
        if not is_allowed(self._session.role, Action.NOTICE_ISSUE):
            self.banner.show_error(self.tr("Your role may not issue notices."))
            return
        dialog = PrintNoticeDialog(self._session, [self._citizen_id], self)
        dialog.finished.connect(lambda _r: self._mark_stale())  # the notices tab may list a new one
        self.print_notice_dialog = dialog
        dialog.open()

    def _contact_logged(self) -> None:
        self._mark_stale()
        if self._citizen_id is None:
            return
        if not self.form.changes():
            self._load(self._citizen_id)  # the welfare status may have changed
            return
        # Typing in progress stays; only the line above the tabs follows the new contact.
        try:
            self._fields = dict(registry.get_citizen(self._session, self._citizen_id).fields)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        self._show_summary()

    # ----------------------------------------------------------------------------------------

    def reject(self) -> None:
        # Closing with unsaved typing asks once, in place, instead of throwing the work away.
        if self.can_edit and self.form.changes() and not self._discard_armed:
            self._discard_armed = True
            self.banner.show_error(
                self.tr("There are unsaved changes. Save them, or close again to discard them.")
            )
            return
        super().reject()
