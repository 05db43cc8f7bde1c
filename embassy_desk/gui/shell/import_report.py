"""The report after an import: how many citizens came in, and every rejected row with its reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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
from embassy_desk.services.importer import ImportReport, RejectedRow

# Rows are fitted to their reasons up to this many; beyond it fitting costs more than it helps.
_FITTED_ROWS = 2000


def _reasons(reason: str) -> str:
    """Every reason of a row on its own line, so a long list is read whole, not cut off."""
    items = reason.params.get("items") if isinstance(reason, Msg) and reason.code == "list" else None
    if isinstance(items, tuple):
        return "\n".join(error_text(item) for item in items)
    return error_text(reason)


def _tr(text: str) -> str:
    # The report's texts keep the context they were translated under when the report was a dialog.
    return QCoreApplication.translate("ImportReportDialog", text)


class ImportReportView(QWidget):
    """Shows an :class:`ImportReport`: the summary, then every rejected row with its reasons.

    Used by :class:`ImportReportDialog` and by the last page of the import wizard.
    """

    def __init__(self, report: ImportReport | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReportView")
        self.summary = named(QLabel(wordWrap=True), "importSummary")
        self.table = named(QTableWidget(0, 2), "rejectedRows")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        if report is not None:
            self.show_report(report)

    def show_report(self, report: ImportReport) -> None:
        if report.rolled_back:
            summary = _tr(
                "Nothing was imported: every row must be good (all or nothing). Good rows: %1. "
                "Rejected rows: %2."
            ).replace("%1", format_number(report.held_back))
        else:
            summary = _tr("Imported: %1. Rejected rows: %2.").replace("%1", format_number(report.imported))
        summary = summary.replace("%2", format_number(len(report.rejected)))
        if report.regions_filled:
            summary += " " + _tr(
                "Regions filled from the city: %1 (a region given in the file was kept as it was)."
            ).replace("%1", format_number(report.regions_filled))
        if report.skipped:
            summary += " " + _tr("Likely duplicates left out as you chose: %1.").replace(
                "%1", format_number(report.skipped)
            )
        if report.rejected and not report.rolled_back:
            summary += " " + _tr(
                "Nothing was imported from the rejected rows; correct them and import them again."
            )
        if report.rejects_file is not None:
            summary += " " + _tr(
                "They are in %1 beside the file, each with its reason: correct them there and import "
                "that file. It holds personal data and only you can read it; delete it when done."
            ).replace("%1", report.rejects_file.name)
        self.summary.setText(summary)
        fill_rejected(self.table, report.rejected)


def fill_rejected(table: QTableWidget, rejected: list[RejectedRow]) -> None:
    """Put every rejected row in ``table`` (row number, every reason on its own line)."""
    table.clearContents()
    table.setRowCount(len(rejected))
    table.setHorizontalHeaderLabels([_tr("Row"), _tr("Reason")])
    for i, entry in enumerate(rejected):
        table.setItem(i, 0, QTableWidgetItem(str(entry.row)))
        reason = _reasons(entry.reason)
        item = QTableWidgetItem(reason)
        item.setToolTip(reason)
        table.setItem(i, 1, item)
    table.resizeColumnToContents(0)
    if len(rejected) <= _FITTED_ROWS:
        table.resizeRowsToContents()
    table.setVisible(bool(rejected))


class ImportReportDialog(QDialog):
    """Shows an :class:`ImportReport` in a window of its own."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.view = ImportReportView(report, self)
        self.summary = self.view.summary
        self.table = self.view.table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(640, 420 if report.rejected else 160)
