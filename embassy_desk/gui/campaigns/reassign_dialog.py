"""Reassign: move a whole call list, or some people on it, from one member of staff to another.

The people offered are the ones the chosen member still has to call or follow up (done calls stay
with whoever made them). Listing them is a read-only query of this screen's own: the service API
moves people but does not list one caller's share.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from embassy_desk.domain.enums import TargetState
from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import vocab_labels as vl
from embassy_desk.gui.campaigns import labels
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.widgets import named
from embassy_desk.services import browse
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import StaffMember

ID_ROLE = Qt.ItemDataRole.UserRole + 1
# A list longer than this is moved as a whole; picking people one by one shows its first ones.
PEOPLE_SHOWN = 500


def open_share(
    session: Session, campaign_id: str, username: str, *, limit: int = PEOPLE_SHOWN
) -> list[tuple[str, str]]:
    """(citizen id, target state) of the people ``username`` still has to call or follow up, in list order."""
    with session.read() as conn:
        rows = conn.execute(
            text(
                "SELECT citizen_id, state FROM campaign_targets WHERE campaign_id = :c AND assignee = :a"
                " AND state <> :done ORDER BY position LIMIT :n"
            ),
            {"c": campaign_id, "a": username, "done": TargetState.DONE.value, "n": limit},
        ).all()
    return [(str(r[0]), str(r[1])) for r in rows]


class ReassignDialog(QDialog):
    """Choose from whom, to whom, and whether the whole list or chosen people move."""

    def __init__(
        self,
        session: Session,
        campaign_id: str,
        holders: list[str],
        staff: list[StaffMember],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self._session = session
        self._campaign_id = campaign_id
        self._names = {m.username: m.display_name for m in staff}
        self.banner = MessageBanner(self)
        self.from_combo = named(QComboBox(self), "reassignFrom")
        for username in holders:
            self.from_combo.addItem(self._label(username), username)
        self.to_combo = named(QComboBox(self), "reassignTo")
        for member in staff:
            if member.active:
                self.to_combo.addItem(self._label(member.username), member.username)
        self.whole = named(QRadioButton(self), "reassignWhole")
        self.chosen = named(QRadioButton(self), "reassignChosen")
        self._scope = QButtonGroup(self)
        self._scope.addButton(self.whole)
        self._scope.addButton(self.chosen)
        self.whole.setChecked(True)
        self.people = named(QListWidget(self), "reassignPeople")
        self.people.setEnabled(False)
        self.chosen.toggled.connect(self.people.setEnabled)
        self.from_combo.currentIndexChanged.connect(lambda _i: self._load_people())
        self._labels = [QLabel(self) for _ in range(2)]
        self._labels[0].setBuddy(self.from_combo)
        self._labels[1].setBuddy(self.to_combo)
        form = QFormLayout()
        form.addRow(self._labels[0], self.from_combo)
        form.addRow(self._labels[1], self.to_combo)
        self.buttons = QDialogButtonBox(self)
        self.move_button = named(QPushButton(self), "reassignMove")
        self.buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.whole)
        layout.addWidget(self.chosen)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 480)
        self.retranslate()
        self._load_people()

    def _label(self, username: str) -> str:
        name = self._names.get(username)
        return f"{name} ({username})" if name and name != username else username

    def _load_people(self) -> None:
        self.people.clear()
        username = self.from_user()
        if username is None:
            return
        try:
            share = open_share(self._session, self._campaign_id, username)
            rows = browse.rows_by_id(self._session, [cid for cid, _s in share])
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        states = labels.state_labels()
        for citizen_id, state in share:
            row = rows.get(citizen_id)
            name = (row.name or row.name_latin) if row is not None else citizen_id
            item = QListWidgetItem(f"{name}  ({vl.label(states, state)})", self.people)
            item.setData(ID_ROLE, citizen_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def from_user(self) -> str | None:
        data = self.from_combo.currentData()
        return None if data is None else str(data)

    def to_user(self) -> str | None:
        data = self.to_combo.currentData()
        return None if data is None else str(data)

    def set_people(self, citizen_ids: list[str]) -> None:
        """Choose these people (and the "chosen people" scope)."""
        self.chosen.setChecked(True)
        wanted = set(citizen_ids)
        for row in range(self.people.count()):
            item = self.people.item(row)
            ticked = str(item.data(ID_ROLE)) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def citizen_ids(self) -> list[str]:
        """The people to move ([] when the whole list moves)."""
        if not self.chosen.isChecked():
            return []
        out = []
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(ID_ROLE)))
        return out

    def confirm(self) -> None:
        self.banner.clear_message()
        if self.from_user() is None or self.to_user() is None:
            self.banner.show_error(self.tr("Choose from whom and to whom."))
            return
        if self.from_user() == self.to_user():
            self.banner.show_error(self.tr("Choose two different members of staff."))
            return
        if self.chosen.isChecked() and not self.citizen_ids():
            self.banner.show_error(self.tr("Tick the people to move."))
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reassign calls"))
        self._labels[0].setText(self.tr("&From:"))
        self._labels[1].setText(self.tr("&To:"))
        self.whole.setText(self.tr("The &whole list still to call"))
        self.chosen.setText(self.tr("Only the &people ticked below"))
        self.move_button.setText(self.tr("&Move"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
