"""A read-only list of rows with a line that says when there is nothing to show (the record's tabs)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget


class RowTable(QTableWidget):
    """Rows of text; each row may carry an id (``row_id``) for "open"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setWordWrap(False)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
        """(row id, cell texts) pairs."""
        self.setRowCount(len(rows))
        for r, (row_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                item.setToolTip(text)
                self.setItem(r, c, item)

    def row_id(self, row: int | None = None) -> str | None:
        """The id of ``row`` (default: the selected row)."""
        index = self.currentRow() if row is None else row
        item = self.item(index, 0) if index >= 0 else None
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def column_texts(self, column: int) -> list[str]:
        """Every row's text in ``column`` (what the user reads)."""
        out = []
        for r in range(self.rowCount()):
            item = self.item(r, column)
            out.append(item.text() if item else "")
        return out


def empty_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("emptyLabel")
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid); padding: 8px;")
    return label
