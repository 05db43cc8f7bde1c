"""What the window shows while unlocked: the navigation list beside the stacked views.

Created after each unlock with the new session and destroyed before the lock, so no view ever
holds a locked session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from embassy_desk.gui.admin.view import AdminView
from embassy_desk.gui.campaigns.view import CampaignsView
from embassy_desk.gui.cases.view import CasesView
from embassy_desk.gui.checkin.view import CheckinView
from embassy_desk.gui.duty.view import DutyLogView
from embassy_desk.gui.evacuation.view import EvacuationView
from embassy_desk.gui.followups.view import FollowUpsView
from embassy_desk.gui.notices.view import NoticesView
from embassy_desk.gui.qsettings import app_settings
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.sync.runner import SyncRunner
from embassy_desk.gui.sync.view import SyncView
from embassy_desk.gui.widgets import named
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session

SPLITTER_KEY = "workspace/splitter"
PAGE_KEY = "workspace/page"


@dataclass(frozen=True)
class Section:
    """One entry of the navigation list."""

    key: str
    title: Callable[[], str]
    make: Callable[[Session], QWidget]
    needs: Action | None = None


class LazyView(QWidget):
    """Holds the place of a view that is costly to make and often never opened (the dashboard loads
    its charting library): the view is made the first time it is shown, or asked for."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def made(self) -> QWidget | None:
        """The view, if it was made."""
        return self._view

    def view(self) -> QWidget:
        """The view, made now if it was not yet."""
        if self._view is None:
            self._view = self._make()
            self._layout.addWidget(self._view)
        return self._view

    def showEvent(self, event: QShowEvent) -> None:
        self.view()
        super().showEvent(event)


def _dashboard(session: Session) -> QWidget:
    # Imported on first use: pyqtgraph and numpy add about a quarter of a second (docs/architecture.md).
    from embassy_desk.gui.dashboard.view import DashboardView

    return LazyView(lambda: DashboardView(session))


SECTIONS: tuple[Section, ...] = (
    Section("registry", lambda: QCoreApplication.translate("navigation", "Registry"), RegistryView),
    Section("campaigns", lambda: QCoreApplication.translate("navigation", "Campaigns"), CampaignsView),
    Section(
        "dashboard",
        lambda: QCoreApplication.translate("navigation", "Dashboard"),
        _dashboard,
        Action.DASHBOARD_VIEW,
    ),
    Section("followups", lambda: QCoreApplication.translate("navigation", "Follow-ups"), FollowUpsView),
    Section("cases", lambda: QCoreApplication.translate("navigation", "Cases"), CasesView, Action.CASE_VIEW),
    Section("evacuation", lambda: QCoreApplication.translate("navigation", "Evacuation"), EvacuationView),
    Section("notices", lambda: QCoreApplication.translate("navigation", "Notices"), NoticesView),
    Section("duty", lambda: QCoreApplication.translate("navigation", "Duty log"), DutyLogView),
    Section("sync", lambda: QCoreApplication.translate("navigation", "Sync"), SyncView),
    Section(
        "admin",
        lambda: QCoreApplication.translate("navigation", "Administration"),
        AdminView,
        Action.USER_MANAGE,
    ),
    # Last, so that Ctrl+1…Ctrl+9 still open the sections they opened before check-in came (issue 14).
    Section(
        "checkin",
        lambda: QCoreApplication.translate("navigation", "Check-in"),
        CheckinView,
        Action.CHECKIN_PHONES,
    ),
)


class Workspace(QWidget):
    """The navigation list and the views of one signed-in session."""

    settings_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.sections = [s for s in SECTIONS if s.needs is None or is_allowed(session.role, s.needs)]
        self.navigation = named(QListWidget(), "navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = named(QStackedWidget(), "views")
        self.views: dict[str, QWidget] = {}
        for section in self.sections:
            view = section.make(session)
            view.setObjectName(f"view_{section.key}")
            self.views[section.key] = view
            self.stack.addWidget(view)
            self.navigation.addItem(QListWidgetItem())
            if isinstance(view, AdminView):
                view.settings_changed.connect(self.settings_changed)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "workspaceSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        # Ctrl+1, Ctrl+2… open the sections in the order of the list.
        for row, section in enumerate(self.sections[:9], start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row}"), self)
            shortcut.activated.connect(lambda key=section.key: self.show_section(key))
        self._restore()
        self.retranslate()

    def _restore(self) -> None:
        settings = app_settings()
        state = settings.value(SPLITTER_KEY)
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        page = settings.value(PAGE_KEY, "registry")
        self.show_section(page if isinstance(page, str) and page in self.views else "registry")

    def save_state(self) -> None:
        """Remember the splitter and the open section for next time."""
        settings = app_settings()
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        settings.setValue(PAGE_KEY, self.current_key())

    def current_key(self) -> str:
        row = self.navigation.currentRow()
        return self.sections[row].key if 0 <= row < len(self.sections) else "registry"

    def show_section(self, key: str) -> QWidget | None:
        """Switch to the section ``key``; None if this role does not have it."""
        for row, section in enumerate(self.sections):
            if section.key == key:
                self.navigation.setCurrentRow(row)
                return self.view(key)
        return None

    def view(self, key: str) -> QWidget | None:
        """The view of section ``key`` (made now if it is made on first use); None if absent."""
        view = self.views.get(key)
        return view.view() if isinstance(view, LazyView) else view

    @property
    def sync_runner(self) -> SyncRunner | None:
        """The session's background sync (the Sync screen owns it; the status bar follows it)."""
        view = self.views.get("sync")
        return view.runner if isinstance(view, SyncView) else None

    def sync_jobs(self) -> int:
        """How many background sync jobs are in flight (an idle lock does not wait for them)."""
        runner = self.sync_runner
        return runner.active_jobs if runner is not None else 0

    def stop_background(self) -> None:
        """Stop background work before a lock: sync timers off, a sync in flight asked to roll back,
        the dashboard's refresh timer off."""
        runner = self.sync_runner
        if runner is not None:
            runner.stop()
        for view in self.views.values():
            made = view.made if isinstance(view, LazyView) else view
            stop = getattr(made, "stop", None)
            if callable(stop) and made is not None and not isinstance(made, SyncView):
                stop()

    def focus_search(self) -> None:
        """Ctrl+F: go to the registry and put the cursor in its search box."""
        view = self.show_section("registry")
        focus = getattr(view, "focus_search", None)
        if callable(focus):
            focus()

    def registry_changed(self) -> None:
        """After an import: views that show citizens read them again (those that offer a way to).

        The registry and the status bar listen to gui.data_events themselves."""
        for key in ("followups", "cases"):
            refresh = getattr(self.views.get(key), "refresh", None)
            if callable(refresh):
                refresh()

    def retranslate(self) -> None:
        for row, section in enumerate(self.sections):
            item = self.navigation.item(row)
            if item is not None:
                item.setText(section.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
