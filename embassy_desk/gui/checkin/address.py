"""Headquarters' public address: where every check-in link points. Administrators set it; check-in is on once
it is set. Everyone else sees it (or that check-in is off) and who to ask."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.widgets import named
from embassy_desk.services import checkin
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class AddressPanel(QGroupBox):
    """The address field (editable for administrators) and a line saying whether check-in is on."""

    changed = Signal(object)  # the address now (str) or None: check-in off

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinAddressPanel")
        self._session = session
        self.may_edit = is_allowed(session.role, Action.SETTINGS_EDIT)
        self.address: str | None = None
        self.field = named(QLineEdit(self), "checkinAddress")
        self.field.setReadOnly(not self.may_edit)
        self.field.setPlaceholderText("https://checkin.example.org")
        self.field.returnPressed.connect(self.save)
        self.save_button = named(QPushButton(self), "checkinAddressSave")
        self.save_button.setVisible(self.may_edit)
        self.save_button.clicked.connect(self.save)
        self.state = named(QLabel(self), "checkinAddressState")
        self.state.setWordWrap(True)
        self.label = QLabel(self)
        self.label.setBuddy(self.field)
        row = QHBoxLayout()
        row.addWidget(self.label)
        row.addWidget(self.field, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state)
        self.retranslate()

    def show_address(self, address: str | None) -> None:
        """Show the stored address (read elsewhere, with the screen's other figures)."""
        self.address = address
        if not self.field.hasFocus() or not self.may_edit:
            self.field.setText(address or "")
        self._state_text()

    def save(self) -> None:
        """Store what the field says (blank: check-in off); a refused address is shown, kept in the field."""
        if not self.may_edit:
            return
        try:
            stored = checkin.set_public_address(self._session, self.field.text())
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self.address = stored
        self.field.setText(stored or "")
        self._state_text()
        # Only this workstation's settings changed (nothing to sync): no data event.
        self.changed.emit(stored)

    def _state_text(self) -> None:
        if self.address:
            self.state.setText(
                self.tr("Check-in is on: links lead to {address}/c/… and citizens answer there.").format(
                    address=self.address
                )
            )
        elif self.may_edit:
            self.state.setText(
                self.tr(
                    "Check-in is off. Enter the address at which headquarters serves the check-in page to the"
                    " public (https://…) and save it."
                )
            )
        else:
            self.state.setText(
                self.tr("Check-in is off: an administrator has to set headquarters' public address first.")
            )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Headquarters' public address"))
        self.label.setText(self.tr("&Address:"))
        self.save_button.setText(self.tr("&Save address"))
        self.save_button.setToolTip(self.tr("Leave the field blank and save to turn check-in off"))
        self._state_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
