"""The citizen record's list tabs: a read-only list of rows, a line that says when there is nothing
to show (or why it could not be read), and a row of buttons under the list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.errors import error_text
from embassy_desk.services.session import Session
from embassy_desk.services.staff_directory import staff_names

Item = TypeVar("Item")


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


class RecordTab(QWidget, Generic[Item]):
    """One list tab of a citizen's record.

    A subclass reads its items in :meth:`read`, words its texts in :meth:`retranslate` (ending
    with :meth:`show_items`) and turns an item into a table row in :meth:`row`. Staff names for
    "by" columns are read with the items; a refusal to read is shown instead of the list.
    """

    def __init__(self, session: Session, citizen_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._citizen_id = citizen_id
        self._items: list[Item] = []
        self._staff: dict[str, str] = {}
        self._problem = ""
        self.empty = empty_label(self)
        self.table = RowTable(self)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the headers and button texts in the interface language, then show the items."""
        self.show_items()

    # Qt's metaclass does not mix with ABCMeta, so the abstract methods say so themselves.
    def read(self) -> list[Item]:
        """The tab's items, read from the services (runs on every :meth:`refresh`)."""
        raise NotImplementedError(f"{type(self).__name__} must say what it lists")

    def row(self, item: Item) -> tuple[str, Sequence[str]]:
        """(row id, cell texts) of one item."""
        raise NotImplementedError(f"{type(self).__name__} must say how a row reads")

    def none_text(self) -> str:
        """The line shown when there is no item."""
        raise NotImplementedError(f"{type(self).__name__} must say what an empty list means")

    def refresh(self) -> None:
        """Read the items (and staff names) again and show them."""
        self._problem = ""
        try:
            self._items = self.read()
            self._staff = staff_names(self._session)
        except EmbassyDeskError as exc:
            self._items, self._problem = [], error_text(exc)
        self.show_items()

    def staff_name(self, staff: str) -> str:
        """A staff member's display name (by id or user name), or what the record kept."""
        return self._staff.get(staff, staff)

    def show_items(self) -> None:
        self.table.set_rows([self.row(item) for item in self._items])
        self.empty.setText(self._problem or self.none_text())
        self.empty.setVisible(not self._items)
