"""The warning shown when a record looks like someone already registered, and the user's choice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import Enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.services.registry import DuplicateCandidate


class DuplicateChoice(Enum):
    CANCEL = "cancel"
    OPEN_EXISTING = "open"
    MERGE = "merge"
    NOT_DUPLICATE = "not_duplicate"


class DuplicateDialog(QDialog):
    """Lists the candidates; ``choice`` and ``selected_id`` say what the user decided.

    ``details`` may add a line per candidate id (date of birth, passport) to tell people apart.
    ``editing`` tells whether the record on screen is already stored: a new record merged into an
    existing one disappears into it; an existing record kept on screen absorbs the other one.
    """

    def __init__(
        self,
        candidates: Sequence[DuplicateCandidate],
        *,
        editing: bool,
        can_merge: bool,
        details: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._candidates = list(candidates)
        self._editing = editing
        self._details = dict(details or {})
        self.choice = DuplicateChoice.CANCEL
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.candidates = QListWidget(self)
        for candidate in self._candidates:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, candidate.citizen_id)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        self.candidates.currentRowChanged.connect(self._describe_merge)
        self.merge_note = QLabel(self)
        self.merge_note.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.merge_button.setEnabled(can_merge)
        self.not_duplicate_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        for button in (self.open_button, self.merge_button, self.not_duplicate_button, self.cancel_button):
            button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self._choose(DuplicateChoice.OPEN_EXISTING))
        self.merge_button.clicked.connect(lambda: self._choose(DuplicateChoice.MERGE))
        self.not_duplicate_button.clicked.connect(lambda: self._choose(DuplicateChoice.NOT_DUPLICATE))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.not_duplicate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.candidates)
        layout.addWidget(self.merge_note)
        layout.addLayout(buttons)
        self.retranslate()

    @property
    def selected_id(self) -> str:
        item = self.candidates.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else self._candidates[0].citizen_id

    @property
    def selected_name(self) -> str:
        for candidate in self._candidates:
            if candidate.citizen_id == self.selected_id:
                return candidate.display_name
        return ""

    def _reason(self, reason: str) -> str:
        known = {
            "same national id": self.tr("same national id"),
            "same passport number": self.tr("same passport number"),
            "same name and date of birth": self.tr("same name and date of birth"),
        }
        return known.get(reason, reason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.intro.setText(
            self.tr("This person may already be registered. Nothing has been saved yet.")
            if not self._editing
            else self.tr("After this change the record looks like another registered person.")
        )
        for row, candidate in enumerate(self._candidates):
            item = self.candidates.item(row)
            extra = self._details.get(candidate.citizen_id, "")
            parts = [candidate.display_name, extra, self._reason(candidate.reason)]
            item.setText(" — ".join(p for p in parts if p))
        self.open_button.setText(self.tr("Open the existing record"))
        self.merge_button.setText(self.tr("Merge"))
        self.not_duplicate_button.setText(self.tr("Not a duplicate: save"))
        self.cancel_button.setText(self.tr("Cancel"))
        if not self.merge_button.isEnabled():
            self.merge_button.setToolTip(self.tr("Only officers and administrators may merge records"))
        self._describe_merge()

    def _describe_merge(self) -> None:
        if self._editing:
            text = self.tr(
                "Merge keeps the record you are editing; empty fields are filled from {name}, whose "
                "contacts and cases move here, and that record is removed."
            )
        else:
            text = self.tr(
                "Merge keeps the existing record of {name}; its empty fields are filled from what you "
                "typed, and no second record is created."
            )
        self.merge_note.setText(text.format(name=self.selected_name))

    def _choose(self, choice: DuplicateChoice) -> None:
        self.choice = choice
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
