"""The Sync screen: a composition of small views around one :class:`SyncRunner`.

* :class:`SyncStateView` (top): post, HQ address, connection, last sync, entries waiting, conflicts,
  progress, "Sync now", and the last failure in plain words;
* :class:`EnrollForm`: shown to administrators while the workstation is not enrolled;
* tabs: the :class:`ConflictQueue`, the :class:`HistoryView`, and :class:`BundlesView` for USB bundles.

The runner is created here (one per session, with the workspace) and started at once; the status bar
listens to it too (the main window connects it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from embassy_desk.gui.data_events import DataChange, Kind, notify
from embassy_desk.gui.sync.bundles_view import BundlesView
from embassy_desk.gui.sync.conflicts_view import ConflictQueue
from embassy_desk.gui.sync.enroll_form import EnrollForm
from embassy_desk.gui.sync.history_view import HistoryView
from embassy_desk.gui.sync.runner import SyncRunner
from embassy_desk.gui.sync.state import SyncState
from embassy_desk.gui.sync.state_view import SyncStateView
from embassy_desk.gui.widgets import named
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session


class SyncView(QWidget):
    """Everything about sync with headquarters on one screen."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, runner: SyncRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncView")
        self._session = session
        self._may_enroll = is_allowed(session.role, Action.SETTINGS_EDIT)
        self._state = SyncState()
        self.runner = runner if runner is not None else SyncRunner(session, self)
        self.state_view = SyncStateView(self)
        self.enroll_form = EnrollForm(session, self)
        self.enroll_note = named(QLabel(self), "syncEnrollNote")
        self.enroll_note.setWordWrap(True)
        self.conflicts = ConflictQueue(session, self)
        self.history = HistoryView(session, self)
        self.bundles = BundlesView(session, self)
        self.tabs = named(QTabWidget(self), "syncTabs")
        for page in (self.conflicts, self.history, self.bundles):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_view)
        layout.addWidget(self.enroll_form)
        layout.addWidget(self.enroll_note)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)  # takes the room while the tabs are hidden (not enrolled)

        self.runner.changed.connect(self._state_changed)
        self.state_view.sync_requested.connect(self.runner.sync_now)
        self.enroll_form.enrolled.connect(self._enrolled)
        self.bundles.imported.connect(self._bundle_imported)
        self.bundles.exported.connect(lambda _report: self._after_run())
        self.conflicts.resolved.connect(self._resolved)
        self._state_changed(self.runner.state)
        self.retranslate()
        if runner is None:
            self.runner.start()
        self.history.refresh()
        self.conflicts.refresh()

    # -- following the runner -------------------------------------------------------------------
    def _state_changed(self, state: object) -> None:
        assert isinstance(state, SyncState)
        before, self._state = self._state, state
        self.state_view.show_state(state)
        known = state.status is not None
        self.enroll_form.setVisible(known and not state.enrolled and self._may_enroll)
        self.enroll_note.setVisible(known and not state.enrolled and not self._may_enroll)
        post = state.status.post if state.status is not None else ""
        self.bundles.set_enrolled(state.enrolled, post)
        # Conflicts, history and bundles come with enrollment (conflicts left from an enrollment
        # since removed must still be settled).
        self.tabs.setVisible(state.enrolled or state.conflicts > 0)
        self._title_conflicts()
        if before.running and not state.running:
            # A run ended (done or failed): it is in the history, and it may have brought conflicts.
            self.history.refresh()
            self.conflicts.refresh()
        elif before.conflicts != state.conflicts:
            self.conflicts.refresh()

    def _enrolled(self, _status: object) -> None:
        self.runner.refresh()
        self.runner.sync_now()  # the first sync brings the post's registry

    def _after_run(self) -> None:
        self.runner.refresh()
        self.history.refresh()

    def _bundle_imported(self, _report: object) -> None:
        self._after_run()
        self.conflicts.refresh()
        # What came in is HQ's, not a local write: announced as the runner's so no sync is queued for it.
        notify(DataChange(frozenset(Kind), count_changed=True, origin=self.runner))

    def _resolved(self, _conflict_id: str) -> None:
        self.runner.refresh()
        # A local write like any other: the views read the record again and the resolution syncs soon.
        notify(DataChange(frozenset({Kind.CITIZENS}), origin=self))

    # -- text -----------------------------------------------------------------------------------
    def _title_conflicts(self) -> None:
        count = self._state.conflicts
        title = self.tr("&Conflicts (%1)").replace("%1", str(count)) if count else self.tr("&Conflicts")
        self.tabs.setTabText(0, title)

    def retranslate(self) -> None:
        self._title_conflicts()
        self.tabs.setTabText(1, self.tr("&History"))
        self.tabs.setTabText(2, self.tr("&USB bundles"))
        self.enroll_note.setText(
            self.tr("An administrator connects this workstation to headquarters on this screen.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """Stop background sync (before a lock)."""
        self.runner.stop()
