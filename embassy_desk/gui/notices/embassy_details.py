"""What notices print about the embassy: its name and address in each notice language, phones, e-mail.

Administrators only (the service refuses anyone else); empty fields fall back to the workstation's post.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.notices.labels import NOTICE_LANGUAGES, language_label
from embassy_desk.gui.widgets import named
from embassy_desk.notices.merge import PostDetails
from embassy_desk.services import notices
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class EmbassyDetailsDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("embassyDetailsDialog")
        self._session = session
        self.banner = MessageBanner(self)
        self.names: dict[str, QLineEdit] = {}
        self.addresses: dict[str, QLineEdit] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._row_labels: list[tuple[QLabel, str]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        for code in NOTICE_LANGUAGES:
            group = QGroupBox(self)
            form = QFormLayout(group)
            self.names[code] = named(QLineEdit(group), f"embassyName_{code}")
            self.addresses[code] = named(QLineEdit(group), f"embassyAddress_{code}")
            form.addRow(self._label("Name:", self.names[code]), self.names[code])
            form.addRow(self._label("Address:", self.addresses[code]), self.addresses[code])
            self._groups[code] = group
            layout.addWidget(group)
        numbers = QFormLayout()
        self.phone = named(QLineEdit(self), "embassyPhone")
        self.hotline = named(QLineEdit(self), "embassyHotline")
        self.email = named(QLineEdit(self), "embassyEmail")
        numbers.addRow(self._label("Phone:", self.phone), self.phone)
        numbers.addRow(self._label("Hotline:", self.hotline), self.hotline)
        numbers.addRow(self._label("E-mail:", self.email), self.email)
        layout.addLayout(numbers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self._loaded = PostDetails(names={})
        self._load()
        allowed = is_allowed(session.role, Action.SETTINGS_EDIT)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setEnabled(allowed)
        self.retranslate()

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(self)
        label.setBuddy(buddy)
        self._row_labels.append((label, text))
        return label

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Embassy details on notices"))
        self.intro.setText(
            self.tr(
                "How notices name and reach the embassy, in each language they are printed in. "
                "Empty fields use the workstation's post details."
            )
        )
        texts = {
            "Name:": self.tr("Name:"),
            "Address:": self.tr("Address:"),
            "Phone:": self.tr("Phone:"),
            "Hotline:": self.tr("Hotline:"),
            "E-mail:": self.tr("E-mail:"),
        }
        for label, key in self._row_labels:
            label.setText(texts[key])
        for code, group in self._groups.items():
            group.setTitle(language_label(code))
        if not is_allowed(self._session.role, Action.SETTINGS_EDIT):
            self.banner.show_info(self.tr("Only an administrator may change these details."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _load(self) -> None:
        try:
            details = notices.notice_post(self._session)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        self._loaded = details
        for code in NOTICE_LANGUAGES:
            self.names[code].setText(details.names.get(code, ""))
            self.addresses[code].setText(details.addresses.get(code, ""))
        self.phone.setText(details.phone)
        self.hotline.setText(details.hotline)
        self.email.setText(details.email)

    def save(self) -> bool:
        """Store what changed; the dialog closes when it was stored."""
        before = self._loaded
        names = {
            code: edit.text().strip()
            for code, edit in self.names.items()
            if edit.text().strip() != before.names.get(code, "")
        }
        addresses = {
            code: edit.text().strip()
            for code, edit in self.addresses.items()
            if edit.text().strip() != before.addresses.get(code, "")
        }
        try:
            notices.set_notice_post(
                self._session,
                names=names or None,
                addresses=addresses or None,
                phone=self.phone.text().strip(),
                hotline=self.hotline.text().strip(),
                email=self.email.text().strip(),
            )
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.accept()
        return True
