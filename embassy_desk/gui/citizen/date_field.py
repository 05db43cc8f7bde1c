"""A date typed as DD.MM.YYYY (or YYYY-MM-DD), or picked from a calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from embassy_desk.domain.dates import parse_date
from embassy_desk.domain.errors import ValidationError
from embassy_desk.gui.formatting import display_date, display_time, format_date

__all__ = ["DateField", "display_date", "display_time"]


class DateField(QWidget):
    """Free typing keeps what was typed (validation names the field on save); the calendar
    button fills the text in the day-first form."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setMaxLength(10)
        self.line.textEdited.connect(self.edited)
        self._calendar = QCalendarWidget()
        self._calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._calendar)
        menu.addAction(action)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setMenu(menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu.aboutToShow.connect(self._sync_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(self.tr("DD.MM.YYYY"))
        self.button.setToolTip(self.tr("Pick a date"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        return self.line.text().strip()

    def set_iso(self, iso: str | None) -> None:
        self.line.setText(display_date(iso))

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def _sync_calendar(self) -> None:
        try:
            current = parse_date(self.text(), field="date")
        except ValidationError:
            return
        self._calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, picked: QDate) -> None:
        self.line.setText(format_date(date(picked.year(), picked.month(), picked.day())))
        self.edited.emit()
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
