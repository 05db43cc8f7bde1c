"""The board form of the cases screen: one column per status, one card per case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.enums import CaseStatus
from embassy_desk.gui.cases import labels
from embassy_desk.gui.cases.case_table import CASE_ID_ROLE, PRIORITY_COLOURS
from embassy_desk.services.case_overview import CaseRow


class CaseBoard(QWidget):
    """``open_case`` carries the id of a card that was double-clicked or opened with Enter."""

    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._names: Mapping[str, str] = {}
        self._titles: dict[CaseStatus, QLabel] = {}
        self.columns: dict[CaseStatus, QListWidget] = {}
        layout = QHBoxLayout(self)
        for status in CaseStatus:
            column = QVBoxLayout()
            title = QLabel(self)
            title.setStyleSheet("font-weight: bold; padding: 4px;")
            cards = QListWidget(self)
            cards.setObjectName(f"board_{status.value}")
            cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            cards.setWordWrap(True)
            cards.setSpacing(4)
            cards.setUniformItemSizes(False)
            # A double-click is also an activation: listening to both opened the case twice.
            cards.itemActivated.connect(self._activated)
            column.addWidget(title)
            column.addWidget(cards, 1)
            layout.addLayout(column, 1)
            self._titles[status] = title
            self.columns[status] = cards
        self.retranslate()

    def retranslate(self) -> None:
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_rows(self, rows: Sequence[CaseRow], names: Mapping[str, str]) -> None:
        self._rows = list(rows)
        self._names = names
        self._show()

    def _card_text(self, row: CaseRow) -> str:
        owner = self._names.get(row.assignee, row.assignee) if row.assignee else self.tr("nobody")
        priority = labels.priority_labels()[row.priority]
        kind = labels.kind_labels()[row.kind]
        return f"{priority.upper()} · {kind}\n{row.citizen_name}\n" + self.tr("Owner: {owner}").format(
            owner=owner
        )

    def _show(self) -> None:
        statuses = labels.status_labels()
        for status, cards in self.columns.items():
            cards.clear()
            in_column = [r for r in self._rows if r.status is status]
            self._titles[status].setText(f"{statuses[status]} ({len(in_column)})")
            for row in in_column:
                item = QListWidgetItem(self._card_text(row))
                item.setData(CASE_ID_ROLE, row.id)
                item.setToolTip(row.summary)
                item.setBackground(QBrush(QColor(PRIORITY_COLOURS[row.priority])))
                item.setForeground(QBrush(QColor("#1f1f1f")))
                item.setSizeHint(QSize(0, cards.fontMetrics().lineSpacing() * 3 + 14))
                cards.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_case.emit(str(item.data(CASE_ID_ROLE)))

    def case_ids(self, status: CaseStatus) -> list[str]:
        """Ids of the cards in a status column, top to bottom."""
        cards = self.columns[status]
        return [str(cards.item(i).data(CASE_ID_ROLE)) for i in range(cards.count())]

    def card_texts(self, status: CaseStatus) -> list[str]:
        cards = self.columns[status]
        return [cards.item(i).text() for i in range(cards.count())]

    def selected_case_id(self) -> str | None:
        for cards in self.columns.values():
            item = cards.currentItem()
            if item is not None and item.isSelected():
                return str(item.data(CASE_ID_ROLE))
        return None
