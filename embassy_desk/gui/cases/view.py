"""The assistance cases screen: a list or a board of cases, filters, and the actions on a case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.cases import labels
from embassy_desk.gui.cases.board import CaseBoard
from embassy_desk.gui.cases.case_dialog import CaseDialog
from embassy_desk.gui.cases.case_table import CASE_ID_ROLE, CaseTableModel
from embassy_desk.gui.cases.new_case_dialog import NewCaseDialog
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.open_dialogs import CASE, show_record
from embassy_desk.services.case_overview import NO_OWNER, CaseRow, case_rows
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import StaffMember, list_staff, staff_names

_ANY = "*"


class CasesView(QWidget):
    """Viewers see every case and its timeline; the buttons that change things are off for them,
    and the services refuse anyway."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._rows: list[CaseRow] = []
        self._staff: list[StaffMember] = []
        self._names: dict[str, str] = {}
        self.can_open = is_allowed(session.role, Action.CASE_OPEN)
        self.dialogs: list[QDialog] = []
        self._shown_once = False  # open case windows, kept alive while shown

        self.banner = MessageBanner(self)
        self.status_filter = QComboBox(self)
        self.priority_filter = QComboBox(self)
        self.owner_filter = QComboBox(self)
        for combo in (self.status_filter, self.priority_filter, self.owner_filter):
            combo.activated.connect(lambda _i: self.refresh())
        self._filter_labels = [QLabel(self) for _ in range(3)]
        self.list_button = QPushButton(self)
        self.board_button = QPushButton(self)
        self._mode = QButtonGroup(self)
        for index, button in enumerate((self.list_button, self.board_button)):
            button.setCheckable(True)
            self._mode.addButton(button, index)
        self.list_button.setChecked(True)
        self._mode.idClicked.connect(self._switch)
        self.new_button = QPushButton(self)
        self.new_button.setEnabled(self.can_open)
        self.new_button.clicked.connect(lambda: self.new_case(None))
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)

        self.model = CaseTableModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Only "activated": a double-click is also an activation, and both opened a window each.
        self.table.activated.connect(self._table_activated)
        self.board = CaseBoard(self)
        self.board.open_case.connect(self.open_case)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.board)
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: palette(mid); padding: 8px;")

        bar = QHBoxLayout()
        for label, combo in zip(
            self._filter_labels, (self.status_filter, self.priority_filter, self.owner_filter), strict=True
        ):
            bar.addWidget(label)
            bar.addWidget(combo)
        bar.addStretch(1)
        bar.addWidget(self.list_button)
        bar.addWidget(self.board_button)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._load_staff()
        self.retranslate()
        self.refresh()

    # ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        for label, text in zip(
            self._filter_labels, (self.tr("Status"), self.tr("Priority"), self.tr("Owner")), strict=True
        ):
            label.setText(text)
        self._fill(self.status_filter, {_ANY: self.tr("All"), **labels.status_labels()})
        self._fill(self.priority_filter, {_ANY: self.tr("All"), **labels.priority_labels()})
        owners = {
            _ANY: self.tr("Anyone"),
            NO_OWNER: self.tr("Nobody"),
            self._session.user.username: self.tr("Me"),
        }
        owners.update({m.username: m.display_name for m in self._staff if m.username not in owners})
        self._fill(self.owner_filter, owners)
        self.list_button.setText(self.tr("List"))
        self.board_button.setText(self.tr("Board"))
        self.new_button.setText(self.tr("New case…"))
        self.open_button.setText(self.tr("Open"))
        self.refresh_button.setText(self.tr("Refresh"))
        if not self.can_open:
            self.new_button.setToolTip(self.tr("Your role may view cases but not open them"))
        self.empty.setText(self.tr("No case matches these filters."))
        self.model.retranslate()
        self.board.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        # Cases change from other screens (a record's cases tab, the command line): show them fresh.
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _fill(combo: QComboBox, items: dict[str, str]) -> None:
        current = combo.currentData()
        combo.clear()
        for value, text in items.items():
            combo.addItem(text, str(value))
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)

    def _load_staff(self) -> None:
        try:
            self._staff = list_staff(self._session)
            self._names = staff_names(self._session)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))

    # ----------------------------------------------------------------------------------------

    def set_filters(self, *, status: str = _ANY, priority: str = _ANY, owner: str = _ANY) -> None:
        """Choose the filters as a user would in the combo boxes ("*" = all), then reload."""
        for combo, value in (
            (self.status_filter, status),
            (self.priority_filter, priority),
            (self.owner_filter, owner),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.refresh()

    def _filter(self, combo: QComboBox) -> str | None:
        value = combo.currentData()
        return None if value in (None, _ANY) else str(value)

    def refresh(self) -> None:
        """Load the cases matching the filters."""
        if self._session.locked:
            return  # the shell is about to drop this view; never touch a locked session
        try:
            self._rows = case_rows(
                self._session,
                status=self._filter(self.status_filter),
                priority=self._filter(self.priority_filter),
                assignee=self._filter(self.owner_filter),
            )
        except EmbassyDeskError as exc:
            self._rows = []
            self.banner.show_error(error_text(exc))
        else:
            self.banner.clear_message()
        self.model.set_rows(self._rows, self._names)
        self.board.set_rows(self._rows, self._names)
        self.empty.setVisible(not self._rows)

    @property
    def rows(self) -> list[CaseRow]:
        return list(self._rows)

    def _switch(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)

    def show_board(self, board: bool = True) -> None:
        """Switch between the list and the board."""
        (self.board_button if board else self.list_button).setChecked(True)
        self._switch(1 if board else 0)

    # ----------------------------------------------------------------------------------------

    def _table_activated(self, index: QModelIndex) -> None:
        self.open_case(str(index.data(CASE_ID_ROLE)))

    def selected_case_id(self) -> str | None:
        if self.stack.currentWidget() is self.board:
            return self.board.selected_case_id()
        rows = self.table.selectionModel().selectedRows()
        return self.model.case_id(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            self.banner.show_error(self.tr("Select a case first."))
            return
        self.open_case(case_id)

    def open_case(self, case_id: str) -> CaseDialog:
        """Show a case with its timeline (its open window if there is one); the screen reloads when
        it changes."""

        def make() -> CaseDialog:
            dialog = CaseDialog(self._session, case_id, self)
            dialog.changed.connect(lambda _id: self.refresh())
            self._keep(dialog)
            return dialog

        return show_record(CASE, case_id, CaseDialog, make, opener=self)

    def new_case(self, citizen_id: str | None) -> NewCaseDialog:
        """Ask for the citizen (if not given), kind, priority and summary of a new case."""
        dialog = NewCaseDialog(self._session, citizen_id, self)
        dialog.opened.connect(lambda _id: self.refresh())
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()
