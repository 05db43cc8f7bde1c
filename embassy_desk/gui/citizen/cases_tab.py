"""The record's cases tab: the citizen's assistance cases; open one, or open a new one."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.cases import labels
from embassy_desk.gui.cases.case_dialog import CaseDialog
from embassy_desk.gui.cases.new_case_dialog import NewCaseDialog
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RowTable, empty_label
from embassy_desk.services.case_overview import CaseRow, case_rows
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import staff_names


class CasesTab(QWidget):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._rows: list[CaseRow] = []
        self._names: dict[str, str] = {}
        self.dialog: QDialog | None = None
        self.empty = empty_label(self)
        self.table = RowTable(self)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.new_button = QPushButton(self)
        self.new_button.setEnabled(is_allowed(session.role, Action.CASE_OPEN))
        self.new_button.clicked.connect(self.new_case)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(lambda: self._open(None))
        for button in (self.new_button, self.open_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers(
            [
                self.tr("Opened"),
                self.tr("Kind"),
                self.tr("Priority"),
                self.tr("Status"),
                self.tr("Owner"),
                self.tr("Summary"),
            ]
        )
        self.new_button.setText(self.tr("New case…"))
        self.open_button.setText(self.tr("Open case"))
        self.empty.setText(self.tr("No assistance case for this person."))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        try:
            self._rows = case_rows(self._session, citizen_id=self._citizen_id)
            self._names = staff_names(self._session)
        except EmbassyDeskError as exc:
            self._rows = []
            self.empty.setText(str(exc))
        self._show()

    def _show(self) -> None:
        kinds, priorities, statuses = labels.kind_labels(), labels.priority_labels(), labels.status_labels()
        self.table.set_rows(
            [
                (
                    r.id,
                    [
                        display_time(r.opened_at),
                        kinds[r.kind],
                        priorities[r.priority],
                        statuses[r.status],
                        self._names.get(r.assignee, r.assignee) if r.assignee else "",
                        r.summary,
                    ],
                )
                for r in self._rows
            ]
        )
        self.empty.setVisible(not self._rows)

    def _open(self, row: int | None) -> None:
        case_id = self.table.row_id(row)
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> CaseDialog:
        dialog = CaseDialog(self._session, case_id, self)
        dialog.changed.connect(lambda _id: self.refresh())
        self._show_dialog(dialog)
        return dialog

    def new_case(self) -> NewCaseDialog:
        dialog = NewCaseDialog(self._session, self._citizen_id, self)
        dialog.opened.connect(lambda _id: self.refresh())
        self._show_dialog(dialog)
        return dialog

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
