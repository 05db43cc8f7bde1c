"""Opening an assistance case for a citizen (chosen beforehand, or found here by any name or number)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CaseKind, CasePriority
from embassy_desk.domain.errors import EmbassyDeskError, ValidationError
from embassy_desk.gui.cases import labels
from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.citizen.date_field import display_date
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.open_dialogs import CASE
from embassy_desk.services import cases, registry
from embassy_desk.services.session import Session

_SEARCH_DELAY_MS = 200
_ERROR_STYLE = "color: #b3261e; font-size: 90%;"


class NewCaseDialog(QDialog):
    """``opened`` carries the new case's id."""

    opened = Signal(str)

    def __init__(self, session: Session, citizen_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self._session = session
        self._citizen_id = citizen_id
        self.case_id: str | None = None
        self.banner = MessageBanner(self)
        self.citizen_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(140)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_now)
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.results.currentItemChanged.connect(self._picked)
        self.kind_combo = QComboBox(self)
        self.priority_combo = QComboBox(self)
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_error = QLabel(self)
        self.summary_error.setStyleSheet(_ERROR_STYLE)
        self.summary_error.hide()
        self.open_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        for button in (self.open_button, self.cancel_button):
            button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_case)
        self.cancel_button.clicked.connect(self.reject)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        citizen_box = QVBoxLayout()
        citizen_box.addWidget(self.citizen_label)
        citizen_box.addWidget(self.search_edit)
        citizen_box.addWidget(self.results)
        form.addRow(self._labels[0], citizen_box)
        form.addRow(self._labels[1], self.kind_combo)
        form.addRow(self._labels[2], self.priority_combo)
        summary_box = QVBoxLayout()
        summary_box.addWidget(self.summary_edit)
        summary_box.addWidget(self.summary_error)
        form.addRow(self._labels[3], summary_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(580, 480)
        fixed = citizen_id is not None
        self.search_edit.setVisible(not fixed)
        self.results.setVisible(not fixed)
        if citizen_id is not None:
            try:
                self.citizen_label.setText(registry.get_citizen(session, citizen_id).display_name)
            except EmbassyDeskError as exc:
                self.banner.show_error(error_text(exc))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New assistance case"))
        for label, text in zip(
            self._labels,
            (self.tr("Citizen"), self.tr("Kind"), self.tr("Priority"), self.tr("Summary")),
            strict=True,
        ):
            label.setText(text)
        self.search_edit.setPlaceholderText(self.tr("Find the citizen: name, passport, IIN or phone"))
        if self._citizen_id is None and not self.citizen_label.text():
            self.citizen_label.setText(self.tr("No citizen chosen yet"))
        self.summary_edit.setPlaceholderText(self.tr("What does the citizen need?"))
        for combo, items, default in (
            (self.kind_combo, labels.kind_labels(), CaseKind.OTHER.value),
            (self.priority_combo, labels.priority_labels(), CasePriority.NORMAL.value),
        ):
            current = combo.currentData() or default
            combo.clear()
            for value, text in items.items():
                combo.addItem(text, str(value))
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.open_button.setText(self.tr("Open case"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def search_now(self) -> None:
        """List the citizens matching what is typed in the search box."""
        query = self.search_edit.text().strip()
        self.results.clear()
        if not query:
            return
        try:
            found = registry.search(self._session, query, limit=20)
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return
        for citizen in found:
            born = display_date(citizen.fields.get("birth_date"))
            item = QListWidgetItem(f"{citizen.display_name}  {born}".strip())
            item.setData(Qt.ItemDataRole.UserRole, citizen.id)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self._citizen_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.citizen_label.setText(item.text())

    # Unsaved work, as the lock asks about it (embassy_desk.gui.open_dialogs.UnsavedWork).

    def has_unsaved_changes(self) -> bool:
        """True while a summary is typed for a case not opened yet."""
        return self.case_id is None and bool(self.summary_edit.toPlainText().strip())

    def save_changes(self) -> bool:
        """Open the case as "Open case" does; False if it was not opened (the dialog says why)."""
        return self.open_case()

    def discard_changes(self) -> None:
        """Give up the typed summary."""
        self.summary_edit.clear()

    def record_key(self) -> tuple[str, str]:
        return CASE, "new"

    def open_case(self) -> bool:
        """Open the case; on success emit ``opened`` and close the dialog."""
        self.summary_error.hide()
        if self._citizen_id is None:
            self.banner.show_error(self.tr("Choose the citizen first."))
            return False
        try:
            case = cases.open_case(
                self._session,
                self._citizen_id,
                kind=str(self.kind_combo.currentData()),
                priority=str(self.priority_combo.currentData()),
                summary=self.summary_edit.toPlainText(),
            )
        except ValidationError as exc:
            if exc.field == "summary":
                self.summary_error.setText(self.tr("Say what the citizen needs."))
                self.summary_error.show()
                self.summary_edit.setFocus()
            else:
                self.banner.show_error(error_text(exc))
            return False
        except EmbassyDeskError as exc:
            self.banner.show_error(error_text(exc))
            return False
        self.case_id = case.id
        self.opened.emit(case.id)
        self.accept()
        return True
