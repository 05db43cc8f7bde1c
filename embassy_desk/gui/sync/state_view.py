"""The top of the Sync screen: whether this workstation is connected to HQ, how things stand, and
"Sync now". A failure is said in plain words in a banner under the figures."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.citizen.banner import MessageBanner
from embassy_desk.gui.formatting import format_moment, format_number
from embassy_desk.gui.sync.state import Failure, SyncState, stage_text
from embassy_desk.gui.widgets import named


def _moment(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return format_moment(datetime.fromisoformat(iso))
    except ValueError:
        return iso


class SyncStateView(QGroupBox):
    """Post, HQ address, last sync, entries waiting, conflicts; progress and the last failure."""

    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStateView")
        self._state = SyncState()
        self.headline = named(QLabel(self), "syncHeadline")
        self.headline.setWordWrap(True)
        self.post = named(QLabel(self), "syncPost")
        self.hq_url = named(QLabel(self), "syncHqUrl")
        self.last_sync = named(QLabel(self), "syncLastSync")
        self.pending = named(QLabel(self), "syncPending")
        self.conflicts = named(QLabel(self), "syncConflicts")
        self.reachable = named(QLabel(self), "syncReachable")
        self.form = QFormLayout()
        self._form_labels = [QLabel(self) for _ in range(6)]
        for label, value in zip(
            self._form_labels,
            (self.post, self.hq_url, self.reachable, self.last_sync, self.pending, self.conflicts),
            strict=True,
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
        self.stage = named(QLabel(self), "syncStage")
        self.busy = named(QProgressBar(self), "syncBusy")
        self.busy.setRange(0, 0)  # a sync does not know its length in advance
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.banner = named(MessageBanner(self), "syncProblem")
        self.sync_button = named(QPushButton(self), "syncNow")
        self.sync_button.clicked.connect(self.sync_requested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.stage, 1)
        buttons.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(self.form)
        layout.addWidget(self.busy)
        layout.addLayout(buttons)
        layout.addWidget(self.banner)
        self.retranslate()

    def show_state(self, state: SyncState) -> None:
        """Show ``state`` (the runner's ``changed`` signal)."""
        self._state = state
        self._fill()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Headquarters"))
        for label, text in zip(
            self._form_labels,
            (
                self.tr("Post:"),
                self.tr("Address:"),
                self.tr("Connection:"),
                self.tr("Last sync:"),
                self.tr("Waiting to be sent:"),
                self.tr("Conflicts to settle:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.sync_button.setText(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Send this workstation's changes and receive the others' now"))
        self._fill()

    def _fill(self) -> None:
        state = self._state
        status = state.status
        enrolled = state.enrolled
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, enrolled)
        self.sync_button.setVisible(enrolled)
        self.stage.setVisible(enrolled)
        self.sync_button.setEnabled(enrolled and not state.running)
        if status is None:
            self.headline.setText(self.tr("Reading the sync state…"))
        elif not enrolled:
            self.headline.setText(
                self.tr(
                    "This workstation is not connected to headquarters yet. Its changes wait in the"
                    " change log and are sent once it is enrolled."
                )
            )
        else:
            self.headline.setText(self.tr("This workstation syncs with headquarters by itself."))
            post = status.post
            self.post.setText(f"{status.post_name} ({post})" if status.post_name else post)
            self.hq_url.setText(status.hq_url)
            self.last_sync.setText(_moment(status.last_sync) or self.tr("never"))
            self.pending.setText(
                self.tr("%n change(s)", "", status.pending) if status.pending else self.tr("none")
            )
            self.conflicts.setText(format_number(status.conflicts) if status.conflicts else self.tr("none"))
            self.reachable.setText(self._reachable_text(state))
        self.busy.setVisible(state.running)
        self.stage.setText(stage_text(state.stage, state.done) if state.running else "")
        problem = state.problem
        if problem is None or not enrolled:
            self.banner.clear_message()
        else:
            self.banner.show_error(self._problem_text(state))

    def _reachable_text(self, state: SyncState) -> str:
        reachable = state.reachable
        if reachable is None and state.status is not None:
            reachable = state.status.hq_reachable
        if reachable is None:
            return self.tr("not tried since sign-in")
        if reachable:
            return self.tr("headquarters answers")
        return self.tr("headquarters does not answer")

    def _problem_text(self, state: SyncState) -> str:
        problem = state.problem
        assert problem is not None
        text = problem.text()
        if problem.kind is Failure.UNREACHABLE:
            hint = self.tr("Sync is tried again by itself every few minutes.")
        elif problem.kind is Failure.REFUSED:
            hint = self.tr("Sync stays stopped until this is put right: tell an administrator.")
        else:
            return text
        return f"{text}\n{hint}"

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
