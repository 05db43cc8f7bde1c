"""One campaign's progress: done, remaining and follow-up, people per outcome and per member of staff."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.campaigns import labels
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.widgets import named
from embassy_desk.services.campaigns import CampaignProgress

_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _small_table(parent: QWidget, name: str, columns: int) -> tuple[QTableView, QStandardItemModel]:
    model = QStandardItemModel(0, columns, parent)
    table = named(QTableView(parent), name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table, model


def fit(table: QTableView, rows: int) -> None:
    """Size a small table to its columns and ``rows`` lines, so no empty grid is drawn around it."""
    table.horizontalHeader().setStretchLastSection(False)
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    width = sum(header.sectionSize(c) for c in range(header.count())) + 2 * table.frameWidth()
    table.setFixedWidth(max(width, 160))
    header.setStretchLastSection(True)
    height = header.height() + sum(table.rowHeight(r) for r in range(rows)) + 2 * table.frameWidth()
    table.setFixedHeight(max(height, header.height() + 2 * table.frameWidth() + 4))


def _number(value: int) -> QStandardItem:
    item = QStandardItem(format_number(value))
    item.setData(value, Qt.ItemDataRole.UserRole)
    item.setTextAlignment(_NUMBER)
    return item


class ProgressPanel(QWidget):
    """Shows a :class:`CampaignProgress` (or nothing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress: CampaignProgress | None = None
        self._names: dict[str, str] = {}
        self.summary = named(QLabel(self), "campaignSummary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        self.summary.setWordWrap(True)
        self.bar = named(QProgressBar(self), "campaignBar")
        self.bar.setTextVisible(True)
        self.outcome_title = QLabel(self)
        self.staff_title = QLabel(self)
        self.outcome_table, self.outcome_model = _small_table(self, "campaignOutcomes", 2)
        self.staff_table, self.staff_model = _small_table(self, "campaignStaffProgress", 4)
        left = QVBoxLayout()
        left.addWidget(self.outcome_title)
        left.addWidget(self.outcome_table)
        left.addSpacing(12)
        left.addWidget(self.staff_title)
        left.addWidget(self.staff_table)
        left.addStretch(1)
        self._tables = QHBoxLayout()
        self._tables.addLayout(left)
        self._tables.addSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addSpacing(8)
        layout.addLayout(self._tables, 1)
        self.retranslate()

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` to the right of the tables, taking the rest of the width."""
        self._tables.addWidget(widget, 1)

    @property
    def progress(self) -> CampaignProgress | None:
        return self._progress

    def show_progress(self, progress: CampaignProgress | None, names: dict[str, str]) -> None:
        """Show ``progress``; ``names`` gives staff display names by username."""
        self._progress = progress
        self._names = names
        self._fill()

    def outcome_counts(self) -> dict[str, int]:
        """What the outcome table shows: label -> people."""
        return {
            self.outcome_model.item(r, 0).text(): int(
                self.outcome_model.item(r, 1).data(Qt.ItemDataRole.UserRole)
            )
            for r in range(self.outcome_model.rowCount())
        }

    def staff_rows(self) -> list[tuple[str, int, int, int]]:
        """What the staff table shows: (name, assigned, done, left)."""
        out = []
        for r in range(self.staff_model.rowCount()):
            values = [int(self.staff_model.item(r, c).data(Qt.ItemDataRole.UserRole)) for c in (1, 2, 3)]
            out.append((self.staff_model.item(r, 0).text(), values[0], values[1], values[2]))
        return out

    def _fill(self) -> None:
        self.outcome_model.removeRows(0, self.outcome_model.rowCount())
        self.staff_model.removeRows(0, self.staff_model.rowCount())
        progress = self._progress
        if progress is None:
            self.summary.setText(self.tr("Choose a campaign to see its progress."))
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            fit(self.outcome_table, 0)
            fit(self.staff_table, 0)
            return
        self.summary.setText(
            self.tr("%1 of %2 done · %3 still to call · %4 on the follow-up list")
            .replace("%1", format_number(progress.done))
            .replace("%2", format_number(progress.total))
            .replace("%3", format_number(progress.remaining))
            .replace("%4", format_number(progress.follow_up))
        )
        self.bar.setRange(0, max(progress.total, 1))
        self.bar.setValue(progress.done)
        self.bar.setFormat(self.tr("%p% done") if progress.total else self.tr("Nobody matched the criteria"))
        outcomes = labels.outcome_labels()
        for value, text in outcomes.items():
            self.outcome_model.appendRow([QStandardItem(text), _number(progress.outcomes.get(value, 0))])
        for username, share in progress.staff.items():
            name = self._names.get(username, username)
            self.staff_model.appendRow(
                [
                    QStandardItem(name),
                    _number(share.assigned),
                    _number(share.done),
                    _number(share.assigned - share.done),
                ]
            )
        fit(self.outcome_table, self.outcome_model.rowCount())
        fit(self.staff_table, self.staff_model.rowCount())

    def retranslate(self) -> None:
        self.outcome_title.setText(self.tr("People by latest outcome"))
        self.staff_title.setText(self.tr("Per member of staff"))
        self.outcome_model.setHorizontalHeaderLabels([self.tr("Outcome"), self.tr("People")])
        self.staff_model.setHorizontalHeaderLabels(
            [self.tr("Staff"), self.tr("Assigned"), self.tr("Done"), self.tr("Left")]
        )
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
