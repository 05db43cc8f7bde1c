"""Administration: only administrators see it; its actions work and are still refused to other roles."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import Role
from embassy_desk.domain.errors import PermissionDeniedError
from embassy_desk.gui.admin.user_dialogs import AddUserDialog
from embassy_desk.gui.admin.view import AdminView
from embassy_desk.services import audit_log, backup, settings, users
from embassy_desk.services.backup import verify_backup
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE
from tests.gui.conftest import DialogWatcher
from tests.gui.test_unlock_lock import open_window, sign_in


def test_viewer_sees_no_administration_and_no_file_actions(
    qtbot: QtBot, paths: WorkstationPaths, session_for: object
) -> None:
    session_for(Role.VIEWER)  # type: ignore[operator]
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "viewer1", STAFF_PASSPHRASE)
    workspace = window.workspace
    assert workspace is not None
    sections = [workspace.navigation.item(i).text() for i in range(workspace.navigation.count())]
    assert sections == [
        "Registry",
        "Campaigns",
        "Dashboard",
        "Follow-ups",
        "Cases",
        "Evacuation",
        "Notices",
        "Duty log",
        "Sync",
    ]
    assert window.findChildren(AdminView) == []
    for action in (window.import_action, window.export_action, window.backup_action):
        assert not action.isVisible() and not action.isEnabled()
    assert window.lock_action.isEnabled()
    assert window.status.user.text() == "viewer1 · viewer"


def test_officer_may_import_and_export_but_not_back_up(
    qtbot: QtBot, paths: WorkstationPaths, session_for: object
) -> None:
    session_for(Role.OFFICER)  # type: ignore[operator]
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "officer1", STAFF_PASSPHRASE)
    assert window.import_action.isVisible() and window.export_action.isVisible()
    assert not window.backup_action.isVisible()
    assert window.workspace is not None and "admin" not in window.workspace.views


def test_services_still_refuse_a_viewer(session_for: object, tmp_path: Path) -> None:
    viewer: Session = session_for(Role.VIEWER)  # type: ignore[operator]
    with pytest.raises(PermissionDeniedError):
        users.list_users(viewer)
    with pytest.raises(PermissionDeniedError):
        users.add_user(
            viewer,
            username="x.intruder",
            display_name="X",
            role=Role.ADMINISTRATOR,
            passphrase="a b c d e f g h",
        )
    with pytest.raises(PermissionDeniedError):
        settings.update_settings(viewer, idle_lock_minutes=240)
    with pytest.raises(PermissionDeniedError):
        backup.create_backup(viewer, tmp_path / "copy.edbk")
    with pytest.raises(PermissionDeniedError):
        audit_log.recent_entries(viewer)
    assert settings.get_settings(viewer).idle_lock_minutes == 10, "everyone reads the idle lock"


def test_administrator_changes_idle_lock_and_the_window_follows(
    qtbot: QtBot, paths: WorkstationPaths, dialogs: DialogWatcher
) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.idle.timeout_ms == 10 * 60_000, "the default is 10 minutes"
    assert window.workspace is not None
    view = window.workspace.show_section("admin")
    assert isinstance(view, AdminView)
    view.tabs.setCurrentWidget(view.settings)
    view.settings.idle_minutes.setValue(3)
    view.settings.keyring_allowed.setChecked(True)
    view.settings.save_button.click()
    assert view.settings.message.text() == "Saved."
    assert window.idle.timeout_ms == 3 * 60_000
    assert window.session is not None
    stored = settings.get_settings(window.session)
    assert stored.idle_lock_minutes == 3 and stored.keyring_allowed
    assert audit_log.recent_entries(window.session)[0].action == "settings.edit"
    assert view.settings.keyring_status.text(), "the keyring status is shown"


def test_administrator_adds_an_account_that_can_sign_in(
    qtbot: QtBot, paths: WorkstationPaths, dialogs: DialogWatcher
) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.workspace is not None
    view = window.workspace.show_section("admin")
    assert isinstance(view, AdminView)

    def fill() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, AddUserDialog) and widget.isVisible():
                widget.username.setText("d.sarsenova")
                widget.display_name.setText("Dana Sarsenova")
                widget.role.setCurrentIndex(widget.role.findData(Role.OFFICER.value))
                widget.secret.passphrase.setText(STAFF_PASSPHRASE)
                widget.secret.repeat.setText("a different one, on purpose")
                widget.accept()
                assert widget.isVisible(), "mismatched passphrases keep the dialog open"
                assert widget.secret.problem.text() == "The two passphrases are not the same."
                widget.secret.repeat.setText(STAFF_PASSPHRASE)
                widget.accept()
                return
        QTimer.singleShot(30, fill)

    QTimer.singleShot(30, fill)
    view.users.add()
    qtbot.waitUntil(lambda: "The account d.sarsenova was added." in dialogs.texts(), timeout=20_000)
    names = [view.users.table.item(r, 0).text() for r in range(view.users.table.rowCount())]
    assert "d.sarsenova" in names
    session = unlock(paths, "d.sarsenova", STAFF_PASSPHRASE)
    assert session.role is Role.OFFICER
    session.lock()


def test_audit_log_and_verify_chain(qtbot: QtBot, paths: WorkstationPaths) -> None:
    window = open_window(qtbot, paths)
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.workspace is not None
    view = window.workspace.show_section("admin")
    assert isinstance(view, AdminView)
    assert view.audit.table.rowCount() == 0, "the audit log is read when its tab is first shown"
    view.tabs.setCurrentWidget(view.audit)
    table = view.audit.table
    # Actions are named in the window's language; the stored name is the tooltip.
    actions = [table.item(r, 3).toolTip() for r in range(table.rowCount())]
    assert actions[0] == "login" and "workstation.init" in actions
    assert table.item(0, 3).text() == "Signed in"
    view.audit.verify_button.click()
    assert view.audit.result.text().startswith("The audit chain of ")
    assert view.audit.result.text().endswith("entries is intact.")


def test_backup_runs_off_the_gui_thread_and_verifies(qtbot: QtBot, admin: Session, tmp_path: Path) -> None:
    view = AdminView(admin)
    qtbot.addWidget(view)
    target = tmp_path / "copy.edbk"
    task = view.backups.back_up_to(target)
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert "Backup written and verified" in view.backups.result.text()
    assert verify_backup(target, admin.data_key).citizens == 0
