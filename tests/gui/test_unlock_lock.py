"""Unlock, lock on demand (Ctrl+Shift+L) and after idling, wrong passphrases, back-off."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.main_window import DemoMode, MainWindow
from embassy_desk.gui.tasks import Progress
from embassy_desk.gui.unlock.messages import refusal_message
from embassy_desk.services import audit_log
from embassy_desk.services.workstation import AccountDisabled, unlock
from embassy_desk.storage.vault import AccountLockedOut, BackoffActive
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE


def open_window(qtbot: QtBot, paths: WorkstationPaths, demo: DemoMode | None = None) -> MainWindow:
    window = MainWindow(paths, translations=Translations(), demo=demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def sign_in(qtbot: QtBot, window: MainWindow, user: str, passphrase: str) -> None:
    screen = window.unlock_screen
    screen.username.setText(user)
    screen.passphrase.setText(passphrase)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None or bool(screen.message.text()), timeout=10_000)


def audit_actions(paths: WorkstationPaths) -> list[str]:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        return [e.action for e in audit_log.recent_entries(session, limit=50)]
    finally:
        session.lock()


def test_unlock_shows_registry_then_ctrl_shift_l_locks(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    assert window.pages.currentWidget() is window.unlock_screen
    assert not window.lock_action.isEnabled()

    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    session = window.session
    assert session is not None
    assert window.workspace is not None
    assert window.pages.currentWidget() is window.workspace
    assert isinstance(window.workspace.stack.currentWidget(), RegistryView)
    assert window.status.user.text() == "Admin · administrator"
    qtbot.waitUntil(lambda: window.status.records.text() == "Citizens: 0")  # counted off the GUI thread
    assert window.status.sync.text() == "Sync: not set up"
    assert window.unlock_screen.passphrase.text() == "", "the passphrase does not stay in the field"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace = window.workspace
    lock_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(workspace.destroyed, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_L, lock_keys)
        assert window.locked
    assert session.locked, "locking closes the database and drops the key"
    assert window.workspace is None
    assert window.findChildren(RegistryView) == [], "the views are destroyed with the session"
    assert window.pages.currentWidget() is window.unlock_screen
    assert window.status.user.text() == ""
    assert "lock" in audit_actions(paths)[:3]

    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is not None and window.session is not session
    assert len(window.findChildren(RegistryView)) == 1, "unlocking creates the views again"


def test_idle_timeout_locks(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    window.idle_timeout_ms_override = 300
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    session = window.session
    assert session is not None and window.idle.active
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert session.locked
    assert window.pages.currentWidget() is window.unlock_screen
    entries = audit_actions(paths)
    assert "lock" in entries


def test_input_postpones_the_idle_lock(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    window.idle_timeout_ms_override = 600
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(window.workspace.navigation, Qt.Key.Key_Down)  # type: ignore[union-attr]
    assert not window.locked, "a person typing is not idle"
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)


def test_wrong_passphrase_then_back_off_then_correct(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    screen = window.unlock_screen
    sign_in(qtbot, window, "admin", "not the passphrase at all")
    assert window.locked
    assert screen.message.text() == "Wrong user name or passphrase."
    sign_in(qtbot, window, "nobody", "not the passphrase at all")
    assert screen.message.text() == "Wrong user name or passphrase.", "unknown users look the same"

    for _ in range(3):
        screen.message.clear()
        sign_in(qtbot, window, "admin", "still not the passphrase")
        if "Try again" in screen.message.text():
            break
    assert "Too many failed attempts. Try again in" in screen.message.text()
    assert not screen.button.isEnabled(), "the button waits for the back-off"
    qtbot.waitUntil(screen.button.isEnabled, timeout=20_000)
    assert screen.message.text() == ""

    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.session is not None
    assert "login.failed" in audit_actions(paths)


def test_lock_out_and_other_refusals_read_clearly() -> None:
    assert refusal_message(AccountDisabled("x")) == "This account is disabled. Ask an administrator."
    assert refusal_message(BackoffActive(32)) == "Too many failed attempts. Try again in 32 s."
    message = refusal_message(AccountLockedOut())
    assert message.startswith("This account is locked after 10 failed attempts.")
    assert "An administrator or the recovery code can reopen it." in message


def test_demo_credentials_only_in_demo_mode(qtbot: QtBot, paths: WorkstationPaths) -> None:
    plain = open_window(qtbot, paths)
    assert not plain.unlock_screen.demo_box.isVisible()
    demo = open_window(
        qtbot, paths, DemoMode((("admin", "administrator"), ("viewer", "viewer")), "demo-pass-1234")
    )
    box = demo.unlock_screen.demo_box
    assert box.isVisible()
    assert "admin (administrator)" in box.text() and "demo-pass-1234" in box.text()


def test_idle_lock_closes_a_dialog_a_view_left_open(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    window.idle_timeout_ms_override = 400
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.workspace is not None
    view = window.workspace.views["registry"]
    outcome: list[int] = []

    def open_dialog() -> None:
        dialog = QDialog(view)
        dialog.setObjectName("leftOpen")
        outcome.append(dialog.exec())

    QTimer.singleShot(0, open_dialog)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5_000)
    assert window.locked
    assert outcome == [QDialog.DialogCode.Rejected]
    qtbot.waitUntil(lambda: not [w for w in QApplication.topLevelWidgets() if w.objectName() == "leftOpen"])
    assert window.pages.currentWidget() is window.unlock_screen


def test_ctrl_f_from_anywhere_goes_to_the_registry_search(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_section("cases")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace.navigation.setFocus()
    qtbot.waitUntil(workspace.navigation.hasFocus)
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    registry = workspace.views["registry"]
    assert workspace.current_key() == "registry"
    qtbot.waitUntil(lambda: registry.isAncestorOf(QApplication.focusWidget()))
    # Inside the registry its own Ctrl+F still answers (no ambiguous duplicate).
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert registry.isAncestorOf(QApplication.focusWidget())


def test_idle_lock_waits_for_work_in_progress(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    window.idle_timeout_ms_override = 300
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)

    def work(progress: Progress) -> None:
        for step in range(12):
            progress(step)
            time.sleep(0.1)

    task = window.runner.start(work, title="Long work")
    qtbot.wait(800)
    assert not window.locked and task.running, "an import left running is not thrown away by the idle lock"
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not task.cancel_requested


def test_ctrl_and_a_number_opens_a_section(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    workspace = window.workspace
    assert workspace is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_key() == "cases"
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_key() == "campaigns"
    qtbot.keyClick(workspace.navigation, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_key() == "sync"
