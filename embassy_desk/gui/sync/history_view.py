"""The sync history: each network sync and bundle, when, how many entries went each way, and how it
ended (a failure in the words the service recorded). Read off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui.formatting import format_moment, format_number
from embassy_desk.gui.tasks import Task, TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.logs import safe_traceback
from embassy_desk.services import sync as service
from embassy_desk.services.session import Session

log = logging.getLogger("embassy_desk.gui")

HISTORY_LIMIT = 50


def _moment(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_moment(datetime.fromisoformat(iso))
    except ValueError:
        return iso


class HistoryView(QWidget):
    """The last syncs, newest first."""

    COLUMNS = 6

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncHistoryView")
        self._session = session
        self._rows: list[service.HistoryRow] = []
        self.runner = TaskRunner(self)
        self.model = QStandardItemModel(0, self.COLUMNS, self)
        self.table = named(QTableView(self), "syncHistoryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = named(QLabel(self), "syncHistoryEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.retranslate()

    def refresh(self) -> Task:
        """Read the history again (after each sync or bundle)."""
        session = self._session
        task = self.runner.start(
            lambda _p: service.history(session, limit=HISTORY_LIMIT),
            title="sync history",
            show_progress=False,
        )
        task.show_errors = False
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)
        return task

    def _loaded(self, rows: object) -> None:
        assert isinstance(rows, list)
        self._rows = rows
        self._fill()

    def _failed(self, error: object) -> None:
        if isinstance(error, BaseException) and not isinstance(error, EmbassyDeskError):
            log.error("sync history failed\n%s", safe_traceback(type(error), error, error.__traceback__))

    def rows(self) -> Sequence[service.HistoryRow]:
        return tuple(self._rows)

    def _kind(self, kind: str) -> str:
        return {
            "network": self.tr("Network"),
            "bundle_export": self.tr("Bundle written"),
            "bundle_import": self.tr("Bundle read"),
        }.get(kind, kind)

    def _result(self, row: service.HistoryRow) -> str:
        """How a run ended, in the window's language. The service records the failure's sentence in
        English (the log's language) with its code; the code picks the words shown here, and the
        recorded sentence is the cell's tooltip."""
        code = row.error_code or ""
        if not row.error_text and not code:
            return self.tr("Done") if row.finished_at else self.tr("Interrupted")
        if code in ("sync.unreachable", "sync.timeout", "sync.hq_error", "sync.bad_answer"):
            return self.tr("Headquarters could not be reached; nothing was lost")
        if code in ("sync.rate_limited", "sync.nonce_reused"):
            return self.tr("Headquarters was busy; nothing was lost")
        if code in ("sync.revoked", "sync.unknown_device", "sync.forbidden"):
            return self.tr("Refused: this workstation is not (or no longer) enrolled")
        if code == "sync.clock_skew":
            return self.tr("Refused: this computer's clock is off")
        if code == "sync.too_old":
            return self.tr("Refused: this version of Embassy Desk is too old")
        if code == "sync.rejected":
            return self.tr("Done, but headquarters refused some changes")
        if code == "sync.unverified":
            return self.tr("Done, but the final check still differs from headquarters")
        if code == "cancelled" or row.error_text == "cancelled":
            return self.tr("Stopped when the workstation was locked")
        if code.startswith("bundle.") or code.startswith("sync.bundle"):
            return self.tr("The bundle was refused")
        return row.error_text or self.tr("Failed")

    def _fill(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for row in self._rows:
            detail = row.error_text or ""
            result = self._result(row)
            cells = [
                _moment(row.started_at),
                self._kind(row.kind),
                format_number(row.pushed),
                format_number(row.pulled),
                format_number(row.conflicts) if row.conflicts else "",
                result,
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items[2:5]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if detail:
                items[-1].setForeground(Qt.GlobalColor.darkRed)
                items[-1].setToolTip(detail)
            self.model.appendRow(items)
        self.empty.setVisible(not self._rows)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Started"),
                self.tr("How"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Conflicts"),
                self.tr("Result"),
            ]
        )
        self.empty.setText(self.tr("No sync yet."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
