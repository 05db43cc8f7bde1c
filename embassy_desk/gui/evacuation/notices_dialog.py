"""Choosing the languages of the boarding notices for a flight's passengers."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.notices.labels import NOTICE_LANGUAGES, language_label
from embassy_desk.gui.widgets import named
from embassy_desk.services.notices import AUTO

_NONE = ""


class BoardingNoticesDialog(QDialog):
    """The notice's first language (each passenger's own by default) and a second one (Korean by
    default, for the host country's staff at the airport), or none."""

    def __init__(self, passengers: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardingNoticesDialog")
        self._passengers = passengers
        self.intro = named(QLabel(self), "boardingNoticesIntro")
        self.intro.setWordWrap(True)
        self.first_combo = named(QComboBox(self), "boardingNoticesFirst")
        self.second_combo = named(QComboBox(self), "boardingNoticesSecond")
        self._labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.first_combo, self.second_combo), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.set_languages(AUTO, "ko")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Boarding notices"))
        self.intro.setText(
            self.tr("One boarding notice for each of the {count} passenger(s), in one PDF file.").format(
                count=format_number(self._passengers)
            )
        )
        self._labels[0].setText(self.tr("&Language:"))
        self._labels[1].setText(self.tr("&Second language:"))
        first, second = self.languages_chosen()
        self.first_combo.clear()
        for code in (AUTO, *NOTICE_LANGUAGES):
            self.first_combo.addItem(language_label(code), code)
        self.second_combo.clear()
        self.second_combo.addItem(self.tr("None"), _NONE)
        for code in NOTICE_LANGUAGES:
            self.second_combo.addItem(language_label(code), code)
        self.set_languages(first or AUTO, second)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_languages(self, first: str, second: str = _NONE) -> None:
        self.first_combo.setCurrentIndex(max(0, self.first_combo.findData(first)))
        self.second_combo.setCurrentIndex(max(0, self.second_combo.findData(second)))

    def languages_chosen(self) -> tuple[str, str]:
        return str(self.first_combo.currentData() or ""), str(self.second_combo.currentData() or "")

    def languages(self) -> list[str]:
        """The languages for the notice service, the second left out when it repeats the first."""
        first, second = self.languages_chosen()
        return [first] if not second or second == first else [first, second]
