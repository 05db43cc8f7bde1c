"""Workstation settings: idle-lock minutes and whether the OS keyring may remember a credential."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.widgets import named
from embassy_desk.services import settings as ws_settings
from embassy_desk.services.session import Session
from embassy_desk.services.settings import KeyringStatus


class SettingsTab(QWidget):
    """Edits :mod:`embassy_desk.services.settings`; emits ``saved`` after a change."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.idle_minutes = named(QSpinBox(), "idleMinutes")
        self.idle_minutes.setRange(ws_settings.MIN_IDLE_LOCK_MINUTES, ws_settings.MAX_IDLE_LOCK_MINUTES)
        self.keyring_allowed = named(QCheckBox(), "keyringAllowed")
        self.keyring_status = named(QLabel(wordWrap=True), "keyringStatus")
        self.save_button = named(QPushButton(), "saveSettings")
        self.message = named(QLabel(), "settingsMessage")
        self._idle_label = QLabel()
        self._idle_label.setBuddy(self.idle_minutes)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._idle_label, self.idle_minutes)
        form.addRow(self.keyring_allowed)
        form.addRow(self.keyring_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.message)
        self.save_button.clicked.connect(self.save)
        # Asking the OS for its keyring can take half a second: done when the tab is first shown.
        self._keyring: KeyringStatus | None = None
        self.load()
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        if self._keyring is None:
            self._keyring = ws_settings.keyring_status()
            self.retranslate()
        super().showEvent(event)

    def retranslate(self) -> None:
        self._idle_label.setText(self.tr("&Lock after this many idle minutes:"))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.keyring_allowed.setText(self.tr("The OS &keyring may remember a credential on this workstation"))
        available = self.tr("A secure system keyring is available.")
        missing = self.tr(
            "No secure system keyring here: the passphrase is asked every time and nothing is stored."
        )
        if self._keyring is not None:
            self.keyring_status.setText(available if self._keyring.available else missing)
        self.save_button.setText(self.tr("&Save settings"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        current = ws_settings.get_settings(self._session)
        self.idle_minutes.setValue(current.idle_lock_minutes)
        self.keyring_allowed.setChecked(current.keyring_allowed)

    def save(self) -> None:
        """Store the settings (administrators; audited)."""
        try:
            ws_settings.update_settings(
                self._session,
                idle_lock_minutes=self.idle_minutes.value(),
                keyring_allowed=self.keyring_allowed.isChecked(),
            )
        except EmbassyDeskError as exc:
            show_error(self, exc)
            return
        self.message.setText(self.tr("Saved."))
        self.saved.emit()
