"""The record's cases tab: the citizen's assistance cases; open one, or open a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from embassy_desk.gui.cases import labels
from embassy_desk.gui.cases.case_dialog import CaseDialog
from embassy_desk.gui.cases.new_case_dialog import NewCaseDialog
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.gui.citizen.table_tab import RecordTab
from embassy_desk.gui.open_dialogs import CASE, show_record
from embassy_desk.services.case_overview import CaseRow, case_rows
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class CasesTab(RecordTab[CaseRow]):
    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, citizen_id, parent)
        self.dialog: QDialog | None = None
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.new_button = QPushButton(self)
        self.new_button.setEnabled(is_allowed(session.role, Action.CASE_OPEN))
        self.new_button.clicked.connect(self.new_case)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(lambda: self._open(None))
        for button in (self.new_button, self.open_button):
            button.setAutoDefault(False)
        self.buttons.addWidget(self.new_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.open_button)
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
        super().retranslate()

    def none_text(self) -> str:
        return self.tr("No assistance case for this person.")

    def read(self) -> list[CaseRow]:
        return case_rows(self._session, citizen_id=self._citizen_id)

    def row(self, item: CaseRow) -> tuple[str, list[str]]:
        return item.id, [
            display_time(item.opened_at),
            labels.kind_labels()[item.kind],
            labels.priority_labels()[item.priority],
            labels.status_labels()[item.status],
            self.staff_name(item.assignee) if item.assignee else "",
            item.summary,
        ]

    def _open(self, row: int | None) -> None:
        case_id = self.table.row_id(row)
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> CaseDialog:
        """Show the case (its open window if there is one)."""

        def make() -> CaseDialog:
            dialog = CaseDialog(self._session, case_id, self)
            dialog.changed.connect(lambda _id: self.refresh())
            dialog.finished.connect(dialog.deleteLater)
            return dialog

        dialog = show_record(CASE, case_id, CaseDialog, make, opener=self)
        self.dialog = dialog
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
