"""The main window: unlock screen or workspace, menus, status bar, idle and on-demand lock."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from embassy_desk.domain.errors import EmbassyDeskError
from embassy_desk.gui import about
from embassy_desk.gui.duty.handover import show_handover
from embassy_desk.gui.errors import show_error
from embassy_desk.gui.i18n import LANGUAGES, Translations
from embassy_desk.gui.open_dialogs import UnsavedWork, unsaved_dialogs
from embassy_desk.gui.qsettings import app_settings
from embassy_desk.gui.registry.state import RegistryMemory
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.file_actions import FileActions
from embassy_desk.gui.shell.idle import IdleWatcher
from embassy_desk.gui.shell.status import StatusBar
from embassy_desk.gui.shell.workspace import Workspace
from embassy_desk.gui.tasks import TaskRunner, long_work_pool
from embassy_desk.gui.unlock.screen import DemoAccounts, UnlockScreen
from embassy_desk.gui.widgets import named
from embassy_desk.services import settings as ws_settings
from embassy_desk.services.browse import Scope
from embassy_desk.services.locking import lock_session
from embassy_desk.services.permissions import Action, is_allowed
from embassy_desk.services.session import Session
from embassy_desk.storage import os_keyring
from embassy_desk.storage.workstation import WorkstationPaths, read_post_label, write_post_label

GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
LOCK_SHORTCUT = "Ctrl+Shift+L"


@dataclass(frozen=True)
class DemoMode:
    """The published demo credentials, shown on the unlock screen only for the demo post."""

    accounts: DemoAccounts
    passphrase: str
    post_name: str = ""


def _owns_find_shortcut(view: QWidget) -> bool:
    find = QKeySequence(QKeySequence.StandardKey.Find)
    shortcuts = [s.key() for s in view.findChildren(QShortcut)]
    shortcuts += [a.shortcut() for a in view.findChildren(QAction)]
    shortcuts += [a.shortcut() for a in view.actions()]
    return any(
        not key.isEmpty() and key.matches(find) == QKeySequence.SequenceMatch.ExactMatch for key in shortcuts
    )


def _post_key(paths: WorkstationPaths) -> str:
    digest = hashlib.sha256(str(paths.root).encode("utf-8")).hexdigest()[:16]
    return f"posts/{digest}"


def _keyring_key(paths: WorkstationPaths) -> str:
    return f"{_post_key(paths)}/keyring_allowed"


def _remember_offered(paths: WorkstationPaths) -> bool:
    """Offer "remember me" if the last session here saw it allowed and a secure keyring exists.

    The setting lives in the encrypted database; before sign-in only this hint (not a secret) is
    readable. The services decide anyway: an offer made on a stale hint ends in a clear refusal.
    """
    if app_settings().value(_keyring_key(paths), False, type=bool) is not True:
        return False
    return os_keyring.status().available


def _remembered_post_name(paths: WorkstationPaths) -> str:
    # The data folder keeps the name in the clear (post.json, written at set-up); the settings
    # hint of older versions is the fallback for a workstation not yet opened by this version.
    value = read_post_label(paths) or app_settings().value(_post_key(paths), "")
    return value if isinstance(value, str) else ""


class MainWindow(QMainWindow):
    """One window for the whole session: unlock → workspace → lock → unlock."""

    def __init__(
        self,
        paths: WorkstationPaths,
        *,
        translations: Translations,
        post_name: str = "",
        demo: DemoMode | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.paths = paths
        self.translations = translations
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.runner = TaskRunner(self)
        self.files = FileActions(self, self.runner)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self._idle)
        # The idle lock waits for a record with unsaved edits to be saved or discarded (README,
        # "Lock"); this checks for that while a lock is pending.
        self.lock_pending = False
        self._pending_check = QTimer(self)
        self._pending_check.setInterval(300)
        self._pending_check.timeout.connect(self._check_pending_lock)
        # Tests shorten the idle timeout; None means the administrator's setting.
        self.idle_timeout_ms_override: int | None = None
        self.registry_memory = RegistryMemory()

        self.unlock_screen = UnlockScreen(
            paths,
            post_name=post_name or (demo.post_name if demo else "") or _remembered_post_name(paths),
            language=translations.language,
            demo=(demo.accounts, demo.passphrase) if demo else None,
            remember_offered=_remember_offered(paths),
        )
        self.unlock_screen.unlocked.connect(self._on_unlocked)
        self.unlock_screen.language_chosen.connect(self.set_language)
        self.pages = named(QStackedWidget(), "pages")
        self.pages.addWidget(self.unlock_screen)
        self.setCentralWidget(self.pages)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.unlock_screen.remember_note.connect(lambda text: self.status.showMessage(text, 20_000))
        self.status.sync.clicked.connect(self._show_sync_screen)
        self.files.registry_changed.connect(self._registry_changed)

        self._build_menus()
        self._search_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self._search_shortcut.activated.connect(self._focus_search)
        self._registry_owns_find = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._restore_geometry()
        self.retranslate()
        self._update_actions()

    # -- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = named(QMenu(self), "fileMenu")
        self.view_menu = named(QMenu(self), "viewMenu")
        self.help_menu = named(QMenu(self), "helpMenu")
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)
        self.import_action = named(QAction(self), "importAction")
        self.export_action = named(QAction(self), "exportAction")
        self.backup_action = named(QAction(self), "backupAction")
        self.lock_action = named(QAction(self), "lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action = named(QAction(self), "quitAction")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.import_action.triggered.connect(lambda: self._with_session(self.files.ask_import))
        self.export_action.triggered.connect(lambda: self._with_session(self.files.ask_export))
        self.backup_action.triggered.connect(lambda: self._with_session(self.files.ask_backup))
        self.lock_action.triggered.connect(self.request_lock)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.import_action, self.export_action, self.backup_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.lock_action, self.quit_action])

        self.language_menu = named(QMenu(self), "languageMenu")
        self.view_menu.addMenu(self.language_menu)
        self._language_group = QActionGroup(self)
        self._language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.translations.language)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self._language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.about_action = named(QAction(self), "aboutAction")
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)
        self.diagnostic_action = named(QAction(self), "diagnosticAction")
        self.diagnostic_action.triggered.connect(self._copy_diagnostic_report)
        self.help_menu.addAction(self.diagnostic_action)

    def _with_session(self, act: object) -> None:
        if self.session is not None and callable(act):
            act(self.session)

    def _update_actions(self) -> None:
        """Mirror the role rules (services enforce them anyway): hide what this role may never do."""
        session = self.session
        for action, needs in (
            (self.import_action, Action.IMPORT),
            (self.export_action, Action.EXPORT),
            (self.backup_action, Action.BACKUP_CREATE),
        ):
            allowed = session is not None and is_allowed(session.role, needs)
            action.setVisible(session is None or allowed)
            action.setEnabled(allowed)
        self.lock_action.setEnabled(session is not None)

    def retranslate(self) -> None:
        title = self.tr("Embassy Desk")
        if self.session is not None and self.session.post.name:
            title = f"{self.session.post.name} — {title}"
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.import_action.setText(self.tr("&Import citizens…"))
        self.export_action.setText(self.tr("&Export citizens…"))
        self.backup_action.setText(self.tr("&Backup…"))
        self.lock_action.setText(self.tr("&Lock"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Embassy Desk"))
        self.diagnostic_action.setText(about.help_texts()[1])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Switch the interface language now and remember it."""
        self.translations.set_language(language)
        if language in self.language_actions:
            self.language_actions[language].setChecked(True)
        self.unlock_screen.set_language(language)

    def _about(self) -> None:
        dialog = about.AboutDialog(self.paths.root, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _copy_diagnostic_report(self) -> None:
        note = about.copy_diagnostic_report(
            self.paths.root, session=self.session, language=self.translations.language
        )
        self.status.showMessage(note, 15_000)

    def _export_scope(self, scope: object) -> None:
        if self.session is not None and isinstance(scope, Scope):
            self.files.ask_export(self.session, scope)

    def _registry_changed(self) -> None:
        if self.workspace is not None:
            self.workspace.registry_changed()

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        # A window-modal dialog (a record, a case) blocks the window's own shortcuts; giving each
        # window the lock action keeps Ctrl+Shift+L working wherever the person is typing.
        if now is not None and self.session is not None:
            window = now.window()
            if window is not self and self.lock_action not in window.actions():
                window.addAction(self.lock_action)
        # Inside the registry its own Ctrl+F answers; two live shortcuts on one key would both go dead.
        workspace = self.workspace
        registry_view = workspace.views.get("registry") if workspace is not None else None
        inside = registry_view is not None and now is not None and registry_view.isAncestorOf(now)
        self._search_shortcut.setEnabled(not (self._registry_owns_find and inside))

    def _show_sync_screen(self) -> None:
        if self.workspace is not None:
            self.workspace.show_section("sync")

    def _focus_search(self) -> None:
        if self.workspace is not None:
            self.workspace.focus_search()

    # -- unlock and lock --------------------------------------------------------------------------
    def _on_unlocked(self, session: object) -> None:
        assert isinstance(session, Session)
        if self.session is not None:
            # A sign-in that finished while another session is open (a second click): one at a time.
            session.lock()
            return
        self.session = session
        self.unlock_screen.set_post_name(session.post.name)
        # The post's name is public (it is on every notice); showing it before sign-in tells staff
        # which workstation they are opening.
        # Only the unlock screen's title is at stake if this fails; the next sign-in tries again.
        with contextlib.suppress(OSError):
            write_post_label(self.paths, session.post.name)
        workspace = Workspace(session)
        workspace.settings_changed.connect(self._apply_settings)
        self.registry_memory.restore(session.user.id, workspace)
        self.workspace = workspace
        registry_view = workspace.views.get("registry")
        self._registry_owns_find = registry_view is not None and _owns_find_shortcut(registry_view)
        if isinstance(registry_view, RegistryView):
            registry_view.export_requested.connect(self._export_scope)
        self.pages.addWidget(workspace)
        self.pages.setCurrentWidget(workspace)
        self.status.show_session(session)
        sync_runner = workspace.sync_runner
        if sync_runner is not None:
            sync_runner.changed.connect(self.status.show_sync)
            self.status.show_sync(sync_runner.state)
        self._update_actions()
        self.retranslate()
        self._apply_settings()
        # The shift handover: duty-log notes written since this person's previous sign-in (if any).
        show_handover(session, workspace)

    def _apply_settings(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            current = ws_settings.get_settings(session)
        except EmbassyDeskError:
            current = ws_settings.WorkstationSettings()
        if self.idle_timeout_ms_override is not None:
            timeout = self.idle_timeout_ms_override
        else:
            timeout = current.idle_lock_minutes * 60_000
        self.idle.start(timeout)
        allowed = current.keyring_allowed
        app_settings().setValue(_keyring_key(self.paths), allowed)
        self.unlock_screen.set_remember_offered(allowed and os_keyring.status().available)

    def _idle(self) -> None:
        # An import or a backup left running is work, not an abandoned screen: lock when it is done
        # rather than throw it away (its progress window blocks the window meanwhile).
        # Background sync is not such work: the lock stops it (it rolls back and runs again later).
        sync_jobs = self.workspace.sync_jobs() if self.workspace is not None else 0
        if self.runner.running or long_work_pool().activeThreadCount() > sync_jobs:
            self.idle.start(self.idle.timeout_ms)
            return
        dirty = unsaved_dialogs()
        if not dirty:
            self.lock(reason="idle")
            return
        if not self.lock_pending:
            # Unsaved edits are not thrown away unseen: warn, and lock once they are saved or
            # discarded. Watching for a second idle period bounds how long the screen stays open.
            self._begin_pending_lock(dirty)
            self.idle.start(self.idle.timeout_ms)
            return
        # A second idle period and nobody handled them: the workstation must not stay open, so the
        # edits go, and the audit entry says which records lost them.
        keys = []
        for dialog in dirty:
            if isinstance(dialog, UnsavedWork):
                keys.append(dialog.record_key())
                dialog.discard_changes()
        self.lock(reason="idle", discarded=keys)

    def pending_lock_text(self) -> str:
        return self.tr(
            "Unsaved changes are open. This workstation locks as soon as they are saved or discarded;"
            " if nobody does, they are discarded at the next idle timeout."
        )

    def _begin_pending_lock(self, dirty: list[QDialog]) -> None:
        self.lock_pending = True
        text = self.pending_lock_text()
        self.status.showMessage(text)
        for dialog in dirty:
            banner = getattr(dialog, "banner", None)
            show_error = getattr(banner, "show_error", None)
            if callable(show_error):
                show_error(text)
        self._pending_check.start()

    def _check_pending_lock(self) -> None:
        if self.session is None or not self.lock_pending:
            self._pending_check.stop()
            return
        if not unsaved_dialogs():
            self.lock(reason="idle")

    def request_lock(self) -> None:
        """Lock on demand (Ctrl+Shift+L); with unsaved edits open, ask first: save, discard or cancel."""
        if self.session is None:
            return
        if self._settle_unsaved(quitting=False):
            self.lock(reason="manual")

    def _settle_unsaved(self, *, quitting: bool) -> bool:
        """Ask about unsaved edits before a lock or quit; whether the lock or quit may go ahead."""
        dirty = unsaved_dialogs()
        if not dirty:
            return True
        answer = self._ask_about_unsaved(dirty[0], quitting=quitting)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        for dialog in dirty:
            if not isinstance(dialog, UnsavedWork):
                continue
            if answer == QMessageBox.StandardButton.Discard:
                dialog.discard_changes()
            elif not dialog.save_changes():
                # The dialog says what stops the save; the lock waits for the person to fix it.
                dialog.raise_()
                dialog.activateWindow()
                return False
        return True

    def _ask_about_unsaved(self, top: QDialog, *, quitting: bool) -> QMessageBox.StandardButton:
        if quitting:
            title = self.tr("Quit")
            question = self.tr('There are unsaved changes in "{title}". Save them before quitting?')
        else:
            title = self.tr("Lock")
            question = self.tr('There are unsaved changes in "{title}". Save them before locking?')
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question.format(title=top.windowTitle()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            top,
        )
        box.setObjectName("lockUnsavedQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    @property
    def locked(self) -> bool:
        return self.session is None

    def lock(self, *, reason: str = "manual", discarded: list[tuple[str, str]] | None = None) -> None:
        """Destroy the views, close the database and forget the key; then show the unlock screen.

        Unsaved edits still open are lost: callers ask first (``request_lock``, ``_idle``).
        """
        session = self.session
        if session is None:
            return
        self.idle.stop()
        if self.lock_pending:
            self.lock_pending = False
            self._pending_check.stop()
            self.status.clearMessage()
        # Work in flight holds the session: stop it (it rolls back) before the key goes away.
        if self.workspace is not None:
            self.workspace.stop_background()
        self.runner.cancel_all()
        self.runner.wait()
        # Filters, search, order and the selected person come back when the same person signs in.
        self.registry_memory.remember(session.user.id, self.workspace)
        self._drop_workspace()
        self.session = None
        lock_session(session, reason=reason, discarded=discarded or ())
        self.status.show_session(None)
        self._update_actions()
        self.retranslate()
        self.pages.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.reset()

    def _drop_workspace(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        workspace.save_state()
        self.workspace = None
        # A dialog a view opened (a citizen record, say) closes with the session; its exec() loop
        # unwinds once this handler returns, and only then is the workspace deleted.
        for _ in range(20):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                break
            modal.close()
            if isinstance(modal, QDialog):
                modal.reject()
            modal.hide()
        self.pages.removeWidget(workspace)
        workspace.hide()
        workspace.setParent(None)
        workspace.deleteLater()

    # -- geometry ---------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = app_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value(STATE_KEY)
            if isinstance(state, QByteArray):
                self.restoreState(state)
        else:
            self.resize(1200, 760)

    def save_layout(self) -> None:
        """Remember the window's size and position and the workspace splitter."""
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        if self.workspace is not None:
            self.workspace.save_state()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Quitting (Ctrl+Q, the window's close button) asks about unsaved edits as a manual lock does.
        if self.session is not None and not self._settle_unsaved(quitting=True):
            event.ignore()
            return
        self.save_layout()
        try:
            self.lock(reason="quit")
        except EmbassyDeskError as exc:
            show_error(self, exc)
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.session is None:
            self.unlock_screen.focus_first_empty()
