"""The list form of the cases screen: a table model over the rows the cases screen loaded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from embassy_desk.domain.enums import CasePriority
from embassy_desk.gui.cases import labels
from embassy_desk.gui.citizen.date_field import display_time
from embassy_desk.services.case_overview import CaseRow

PRIORITY_COLOURS = {
    CasePriority.URGENT: "#f8d7d4",
    CasePriority.HIGH: "#fde8c8",
    CasePriority.NORMAL: "#e8eef7",
    CasePriority.LOW: "#eef1f4",
}
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """Rows are frozen :class:`CaseRow` values; owners are shown by display name."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CaseRow] = []
        self._names: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[CaseRow], names: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = names
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def case_id(self, row: int) -> str:
        return self._rows[row].id

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            QCoreApplication.translate("CaseTable", "Priority"),
            QCoreApplication.translate("CaseTable", "Status"),
            QCoreApplication.translate("CaseTable", "Kind"),
            QCoreApplication.translate("CaseTable", "Citizen"),
            QCoreApplication.translate("CaseTable", "Owner"),
            QCoreApplication.translate("CaseTable", "Opened"),
            QCoreApplication.translate("CaseTable", "Summary"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CASE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(PRIORITY_COLOURS[row.priority]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f1f1f"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return labels.priority_labels()[row.priority]
        if column == 1:
            return labels.status_labels()[row.status]
        if column == 2:
            return labels.kind_labels()[row.kind]
        if column == 3:
            return row.citizen_name
        if column == 4:
            return self._names.get(row.assignee, row.assignee) if row.assignee else ""
        if column == 5:
            return display_time(row.opened_at)
        return row.summary
