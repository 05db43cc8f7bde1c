"""One assistance case: its details, its timeline, and the actions staff take on it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CaseStatus
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.cases import labels
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RowTable
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.open_dialogs import CASE, CITIZEN, show_record
from embassy_desk.services import cases
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.registry import get_citizen
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import StaffMember, list_staff, staff_names


class CaseDialog(QDialog):
    """``changed`` carries the case id after every change that was saved."""

    changed = Signal(str)

    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self._session = session
        self._case_id = case_id
        self._case: cases.AssistanceCase | None = None
        self._events: list[cases.CaseEvent] = []
        self._staff: list[StaffMember] = []
        self._names: dict[str, str] = {}
        self._citizen_name = ""
        self.can_update = is_allowed(session.role, Action.CASE_UPDATE)
        self.can_close = is_allowed(session.role, Action.CASE_CLOSE)

        self.banner = MessageBanner(self)
        self.citizen_label = QLabel(self)
        self.kind_label = QLabel(self)
        self.opened_label = QLabel(self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.status_combo = QComboBox(self)
        self.priority_combo = QComboBox(self)
        self.owner_combo = QComboBox(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        self.timeline = RowTable(self)
        self.apply_button = QPushButton(self)
        self.close_case_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.record_button = QPushButton(self)
        self.record_button.clicked.connect(self.open_record)
        self.record: QDialog | None = None
        for button in (self.apply_button, self.close_case_button, self.done_button, self.record_button):
            button.setAutoDefault(False)
        self.apply_button.clicked.connect(self.apply)
        self.close_case_button.clicked.connect(self.close_case)
        self.done_button.clicked.connect(self.accept)

        self._form = QFormLayout()
        self._row_labels = [QLabel(self) for _ in range(8)]
        for label, widget in zip(
            self._row_labels,
            (
                self.citizen_label,
                self.kind_label,
                self.opened_label,
                self.summary_label,
                self.status_combo,
                self.priority_combo,
                self.owner_combo,
                self.note_edit,
            ),
            strict=True,
        ):
            self._form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_case_button)
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self._form)
        self.timeline_title = QLabel(self)
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)
        self.resize(720, 620)
        self.reload()
        self.retranslate()

    # ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Assistance case"))
        for label, text in zip(
            self._row_labels,
            (
                self.tr("Citizen"),
                self.tr("Kind"),
                self.tr("Opened"),
                self.tr("Summary"),
                self.tr("Status"),
                self.tr("Priority"),
                self.tr("Owner"),
                self.tr("Add a note"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.timeline_title.setText(self.tr("Timeline"))
        self.timeline.set_headers([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.apply_button.setText(self.tr("Save changes"))
        self.close_case_button.setText(self.tr("Close case"))
        self.done_button.setText(self.tr("Done"))
        self.record_button.setText(self.tr("Open citizen's record"))
        self.note_edit.setPlaceholderText(self.tr("What happened, what was agreed, what is next"))
        if not self.can_update:
            self.apply_button.setToolTip(self.tr("Your role may view cases but not change them"))
        if not self.can_close:
            self.close_case_button.setToolTip(self.tr("Only officers and administrators may close a case"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------------------------------------

    @property
    def case(self) -> cases.AssistanceCase | None:
        return self._case

    @property
    def case_id(self) -> str:
        return self._case_id

    def reload(self) -> None:
        """Read the case, its timeline and the staff list again."""
        try:
            self._case = cases.get_case(self._session, self._case_id)
            self._events = cases.timeline(self._session, self._case_id)
            self._staff = list_staff(self._session)
            self._names = staff_names(self._session)
            try:
                self._citizen_name = get_citizen(self._session, self._case.citizen_id).display_name
            except EmbassyDeskError:
                self._citizen_name = self._case.citizen_id
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
        self._show()

    def _fill(self, combo: QComboBox, items: dict[str, str], current: str) -> None:
        combo.clear()
        for value, text in items.items():
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _show(self) -> None:
        case = self._case
        if case is None:
            return
        kinds, priorities, statuses = labels.kind_labels(), labels.priority_labels(), labels.status_labels()
        self.citizen_label.setText(self._citizen_name)
        self.kind_label.setText(kinds.get(case.kind, case.kind))
        self.opened_label.setText(display_time(case.opened_at))
        self.summary_label.setText(case.summary)
        self._fill(self.status_combo, {str(k): v for k, v in statuses.items()}, case.status.value)
        self._fill(self.priority_combo, {str(k): v for k, v in priorities.items()}, case.priority.value)
        owners = {"": self.tr("— nobody")}
        # Only those who may work cases are offered; a past owner who may not still shows as current.
        owners.update({m.username: m.display_name for m in self._staff if cases.may_be_assigned(m.role)})
        if case.assignee and case.assignee not in owners:
            owners[case.assignee] = self._names.get(case.assignee, case.assignee)
        self._fill(self.owner_combo, owners, case.assignee or "")
        events = labels.event_labels()
        rows = []
        for event in self._events:
            what = events.get(event.kind, event.kind)
            detail = event.text
            if event.kind == "status":
                detail = statuses.get(event.text, event.text)
            elif event.kind == "priority":
                detail = priorities.get(event.text, event.text)
            elif event.kind == "assigned":
                detail = self._names.get(event.text, event.text) or self.tr("nobody")
            rows.append(
                (
                    event.at,
                    [
                        display_time(event.at),
                        self._names.get(event.staff, event.staff),
                        f"{what}: {detail}" if detail else what,
                    ],
                )
            )
        self.timeline.set_rows(rows)
        closed = case.status is CaseStatus.CLOSED
        for widget in (self.status_combo, self.priority_combo, self.owner_combo):
            widget.setEnabled(self.can_update)
        self.note_edit.setReadOnly(not self.can_update)
        self.apply_button.setEnabled(self.can_update)
        self.close_case_button.setEnabled(self.can_close and not closed)

    def timeline_texts(self) -> list[str]:
        """What the timeline says, oldest first."""
        return self.timeline.column_texts(2)

    # ----------------------------------------------------------------------------------------

    def _run(
        self,
        *,
        status: str | None = None,
        priority: str | None = None,
        assignee: str | None = None,
        note: str = "",
    ) -> bool:
        try:
            cases.update_case(
                self._session, self._case_id, status=status, priority=priority, assignee=assignee, note=note
            )
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.note_edit.clear()
        self.reload()
        self.banner.show_info(self.tr("Saved."))
        self.changed.emit(self._case_id)
        return True

    def apply(self) -> bool:
        """Save the status, priority, owner and note as chosen; return whether it was saved."""
        case = self._case
        if case is None:
            return False
        status = str(self.status_combo.currentData())
        priority = str(self.priority_combo.currentData())
        owner = str(self.owner_combo.currentData() or "")
        note = self.note_edit.toPlainText().strip()
        if (
            status == case.status.value
            and priority == case.priority.value
            and owner == (case.assignee or "")
            and not note
        ):
            self.banner.show_info(self.tr("Nothing to save."))
            return False
        return self._run(
            status=status if status != case.status.value else None,
            priority=priority if priority != case.priority.value else None,
            assignee=owner if owner != (case.assignee or "") else None,
            note=note,
        )

    # Unsaved work, as the lock asks about it (embassy_desk.gui.open_dialogs.UnsavedWork).

    def has_unsaved_changes(self) -> bool:
        """True while a note is typed or a status, priority or owner is chosen but not saved."""
        case = self._case
        if case is None or not self.can_update:
            return False
        return bool(self.note_edit.toPlainText().strip()) or (
            str(self.status_combo.currentData()),
            str(self.priority_combo.currentData()),
            str(self.owner_combo.currentData() or ""),
        ) != (case.status.value, case.priority.value, case.assignee or "")

    def save_changes(self) -> bool:
        """Save as "Save changes" does; False if not stored (the banner says why)."""
        return self.apply()

    def discard_changes(self) -> None:
        """Give up the typed note and choices: show the case as stored."""
        self.note_edit.clear()
        self._show()

    def record_key(self) -> tuple[str, str]:
        return CASE, self._case_id

    def open_record(self) -> None:
        """Show the citizen's record on top of the case."""
        # Imported here: the record itself shows cases with this dialog.
        from embassy_desk.gui.citizen.record import CitizenRecordDialog

        if self._case is None:
            return
        citizen_id = self._case.citizen_id

        def make() -> CitizenRecordDialog:
            dialog = CitizenRecordDialog(self._session, citizen_id, self)
            dialog.finished.connect(dialog.deleteLater)
            return dialog

        self.record = show_record(CITIZEN, citizen_id, CitizenRecordDialog, make, opener=self)

    def close_case(self) -> bool:
        """Close the case (with the note typed, if any)."""
        return self._run(status=CaseStatus.CLOSED.value, note=self.note_edit.toPlainText().strip())
