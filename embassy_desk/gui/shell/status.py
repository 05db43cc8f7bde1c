"""The status bar: who is signed in and with which role, how many citizens, and the sync state."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from embassy_desk.gui.data_events import DataChange, Kind, data_events
from embassy_desk.gui.formatting import display_time, format_number
from embassy_desk.gui.roles import role_name
from embassy_desk.gui.sync.state import SyncState, line
from embassy_desk.gui.sync.status_label import SyncStatusLabel
from embassy_desk.gui.tasks import TaskRunner
from embassy_desk.gui.widgets import named
from embassy_desk.services import registry
from embassy_desk.services.session import Session


class StatusBar(QStatusBar):
    """Shows the signed-in user, the record count and the sync state with the entries waiting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.user = named(QLabel(), "statusUser")
        self.records = named(QLabel(), "statusRecords")
        # A click on the sync words opens the Sync screen (the main window connects it).
        self.sync = named(SyncStatusLabel(), "statusSync")
        for label in (self.user, self.records, self.sync):
            self.addPermanentWidget(label)
        self._session: Session | None = None
        self._count: int | None = None
        self._sync: SyncState | None = None
        # Counting a million rows takes a moment; the window must not wait for it.
        self._runner = TaskRunner(self)
        # Any view that registers, deletes or imports citizens says so here: the count follows at once.
        data_events().changed.connect(self._data_changed)
        self.retranslate()

    def show_session(self, session: Session | None) -> None:
        """Show ``session``'s user and count, or nothing when locked."""
        self._session = session
        self._count = None
        self._sync = None
        self.refresh_count()

    def show_sync(self, state: object) -> None:
        """Show the sync state and the entries waiting (the sync runner's ``changed``)."""
        self._sync = state if isinstance(state, SyncState) else None
        self.retranslate()

    def refresh_count(self) -> None:
        """Count the citizens again (after an import, for instance), off the GUI thread."""
        session = self._session
        if session is None or session.locked:
            self.retranslate()
            return
        task = self._runner.start(
            lambda _progress: registry.count_citizens(session), title="count", show_progress=False
        )
        task.show_errors = False  # a count that fails (locked meanwhile) just stays unknown
        task.finished.connect(lambda count: self._counted(session, count))
        self.retranslate()

    # How long a message about a change stays (long enough to read after the dialog closed).
    MESSAGE_MS = 15_000

    def _data_changed(self, change: object) -> None:
        if not isinstance(change, DataChange) or self._session is None:
            return
        if change.message:
            self.showMessage(change.message, self.MESSAGE_MS)
        if Kind.CITIZENS in change.kinds and (change.count_changed or change.bulk):
            self.refresh_count()

    def _counted(self, session: Session, count: object) -> None:
        if session is self._session and isinstance(count, int):
            self._count = count
            self.retranslate()

    def retranslate(self) -> None:
        session = self._session
        if session is None or session.locked:
            for label in (self.user, self.records, self.sync):
                label.clear()
            return
        self.user.setText(f"{session.user.display_name} · {role_name(session.role)}")
        count = "–" if self._count is None else format_number(self._count)
        self.records.setText(self.tr("Citizens: %1").replace("%1", count))
        sync = self._sync
        if sync is not None and sync.enrolled:
            self.sync.setText(line(sync))
            last = sync.status.last_sync if sync.status is not None else None
            self.sync.setToolTip(self.tr("Last sync: %1").replace("%1", display_time(last)) if last else "")
        else:
            self.sync.setText(self.tr("Sync: not set up"))
            self.sync.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
