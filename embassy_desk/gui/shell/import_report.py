"""The report after an import: how many citizens came in, and every rejected row with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.domain.messages import Msg
from embassy_desk.gui.errors import error_text
from embassy_desk.gui.formatting import format_number
from embassy_desk.gui.widgets import named
from embassy_desk.services.importer import ImportReport

# Rows are fitted to their reasons up to this many; beyond it fitting costs more than it helps.
_FITTED_ROWS = 2000


def _reasons(reason: str) -> str:
    """Every reason of a row on its own line, so a long list is read whole, not cut off."""
    items = reason.params.get("items") if isinstance(reason, Msg) and reason.code == "list" else None
    if isinstance(items, tuple):
        return "\n".join(error_text(item) for item in items)
    return error_text(reason)


class ImportReportDialog(QDialog):
    """Shows an :class:`ImportReport`."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.summary = named(QLabel(wordWrap=True), "importSummary")
        if report.rolled_back:
            summary = self.tr(
                "Nothing was imported: every row must be good (all or nothing). Good rows: %1. "
                "Rejected rows: %2."
            ).replace("%1", format_number(report.held_back))
        else:
            summary = self.tr("Imported: %1. Rejected rows: %2.").replace(
                "%1", format_number(report.imported)
            )
        summary = summary.replace("%2", format_number(len(report.rejected)))
        if report.rejected and not report.rolled_back:
            summary += " " + self.tr(
                "Nothing was imported from the rejected rows; correct them and import them again."
            )
        if report.rejects_file is not None:
            summary += " " + self.tr(
                "They are in %1 beside the file, each with its reason: correct them there and import "
                "that file. It holds personal data and only you can read it; delete it when done."
            ).replace("%1", report.rejects_file.name)
        self.summary.setText(summary)
        self.table = named(QTableWidget(len(report.rejected), 2), "rejectedRows")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for i, rejected in enumerate(report.rejected):
            self.table.setItem(i, 0, QTableWidgetItem(str(rejected.row)))
            reason = _reasons(rejected.reason)
            item = QTableWidgetItem(reason)
            item.setToolTip(reason)
            self.table.setItem(i, 1, item)
        self.table.resizeColumnToContents(0)
        if len(report.rejected) <= _FITTED_ROWS:
            self.table.resizeRowsToContents()
        self.table.setVisible(bool(report.rejected))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 420 if report.rejected else 160)
