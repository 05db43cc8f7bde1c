"""The assistance case a "needs help" outcome opens, pre-filled for the officer to confirm or adjust.

Kind (other unless chosen), priority high, and a summary naming the campaign (and the note typed
during the call, if any). Confirming records the outcome and opens the case in one write; cancelling
records nothing, and the person stays on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CaseKind, CasePriority
from embassy_desk.gui.cases import labels as case_labels
from embassy_desk.gui.widgets import named
from embassy_desk.services.campaigns import CaseDraft


class CaseDraftDialog(QDialog):
    """Confirm (Ctrl+Enter or the button) the case to open with a "needs help" outcome;
    ``confirmed`` carries the :class:`CaseDraft` as the dialog shows it then."""

    confirmed = Signal(object)

    def __init__(self, person: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDraftDialog")
        self.who = named(QLabel(self), "caseDraftWho")
        self.who.setText(person)
        font = self.who.font()
        font.setBold(True)
        self.who.setFont(font)
        self.kind_combo = named(QComboBox(self), "caseDraftKind")
        self.priority_combo = named(QComboBox(self), "caseDraftPriority")
        self.summary_edit = named(QPlainTextEdit(self), "caseDraftSummary")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setPlainText(summary)
        self.summary_edit.setFixedHeight(self.fontMetrics().height() * 5)
        self.summary_error = QLabel(self)
        self.summary_error.setStyleSheet("color: #b3261e; font-size: 90%;")
        self.summary_error.hide()
        self._labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        form.addRow(self._labels[0], self.kind_combo)
        form.addRow(self._labels[1], self.priority_combo)
        summary_box = QVBoxLayout()
        summary_box.addWidget(self.summary_edit)
        summary_box.addWidget(self.summary_error)
        form.addRow(self._labels[2], summary_box)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = named(QPushButton(self), "caseDraftConfirm")
        self.confirm_button.setDefault(True)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.confirm)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(520, 320)
        self.retranslate()
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(CaseKind.OTHER.value)))
        self.priority_combo.setCurrentIndex(max(0, self.priority_combo.findData(CasePriority.HIGH.value)))
        self.kind_combo.setFocus()

    def draft(self) -> CaseDraft:
        """The case as the dialog shows it now."""
        return CaseDraft(
            kind=CaseKind(str(self.kind_combo.currentData())),
            priority=CasePriority(str(self.priority_combo.currentData())),
            summary=self.summary_edit.toPlainText().strip(),
        )

    def confirm(self) -> None:
        """Accept when the summary says something."""
        if not self.summary_edit.toPlainText().strip():
            self.summary_error.setText(self.tr("Say what the citizen needs."))
            self.summary_error.show()
            self.summary_edit.setFocus()
            return
        self.confirmed.emit(self.draft())
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open an assistance case"))
        for label, text in zip(
            self._labels, (self.tr("&Kind:"), self.tr("&Priority:"), self.tr("&Summary:")), strict=True
        ):
            label.setText(text)
        self._labels[0].setBuddy(self.kind_combo)
        self._labels[1].setBuddy(self.priority_combo)
        self._labels[2].setBuddy(self.summary_edit)
        for combo, items in (
            (self.kind_combo, case_labels.kind_labels()),
            (self.priority_combo, case_labels.priority_labels()),
        ):
            current = combo.currentData()
            combo.clear()
            for value, text in items.items():
                combo.addItem(text, str(value))
            if current is not None:
                combo.setCurrentIndex(max(0, combo.findData(current)))
        self.hint.setText(
            self.tr("Confirming records “needs help” and opens this case. Cancel records nothing.")
        )
        self.confirm_button.setText(self.tr("Record and &open case"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
