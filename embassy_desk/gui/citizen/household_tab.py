"""The record's household tab: who lives with the citizen; a member opens in their own record."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.date_field import display_date
from embassy_desk.gui.citizen.table_tab import RowTable, empty_label
from embassy_desk.gui.errors import error_text
from embassy_desk.services.households import Household, household_of
from embassy_desk.services.session import Session


class HouseholdTab(QWidget):
    """``open_citizen`` carries a member's id; ``new_member`` asks for a new record in this household."""

    open_citizen = Signal(str)
    new_member = Signal()

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._household: Household | None = None
        self.title = QLabel(self)
        self.empty = empty_label(self)
        self.table = RowTable(self)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open(row))
        self.open_button = QPushButton(self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self._open(None))
        self.new_member_button = QPushButton(self)
        self.new_member_button.setAutoDefault(False)
        self.new_member_button.clicked.connect(self.new_member)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_member_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Name"), self.tr("Date of birth"), self.tr("Head")])
        self.open_button.setText(self.tr("Open member's record"))
        self.new_member_button.setText(self.tr("Register a new member…"))
        self.empty.setText(
            self.tr("Not in a household. Type a household name in the Details tab to join or start one.")
        )
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        try:
            self._household = household_of(self._session, self._citizen_id)
        except EmbassyDeskError as exc:
            self._household = None
            self.empty.setText(error_text(exc))
        self._show()

    def _show(self) -> None:
        household = self._household
        has = household is not None
        self.empty.setVisible(not has)
        self.table.setVisible(has)
        self.open_button.setVisible(has)
        self.new_member_button.setVisible(has)
        self.title.setVisible(has)
        if household is None:
            self.table.set_rows([])
            return
        self.title.setText(self.tr("Household: {name}").format(name=household.name))
        rows = []
        for member in household.members:
            name = member.display_name
            if member.citizen_id == self._citizen_id:
                name = self.tr("{name} (this record)").format(name=name)
            rows.append(
                (member.citizen_id, [name, display_date(member.birth_date), "✓" if member.is_head else ""])
            )
        self.table.set_rows(rows)

    @property
    def household(self) -> Household | None:
        return self._household

    def member_names(self) -> list[str]:
        return self.table.column_texts(0)

    def _open(self, row: int | None) -> None:
        member = self.table.row_id(row)
        if member and member != self._citizen_id:
            self.open_citizen.emit(member)
