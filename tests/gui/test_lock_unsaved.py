"""Locking with a record's edits unsaved (issue 9, item 3): the idle lock waits for them to be saved
or discarded (and says so), but not forever; a manual lock asks first: save, discard or cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from embassy_desk.gui.cases.view import CasesView
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.open_dialogs import unsaved_dialogs
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.services import audit_log, registry
from embassy_desk.services.session import Session
from embassy_desk.services.workstation import unlock
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, aigerim
from tests.gui.test_unlock_lock import sign_in

EDITED = "Нурланова-Ким"


@pytest.fixture
def citizen_id(paths: WorkstationPaths) -> str:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        return registry.register_citizen(session, aigerim()).id
    finally:
        session.lock()


def stored_surname(paths: WorkstationPaths, citizen_id: str) -> str:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        return str(registry.get_citizen(session, citizen_id).fields["surname"])
    finally:
        session.lock()


def last_lock_details(paths: WorkstationPaths) -> str:
    session = unlock(paths, "admin", ADMIN_PASSPHRASE)
    try:
        return next(e.details for e in audit_log.recent_entries(session, limit=20) if e.action == "lock")
    finally:
        session.lock()


@pytest.fixture
def window(qtbot: QtBot, paths: WorkstationPaths) -> MainWindow:
    made = MainWindow(paths, translations=Translations())
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def edit_record(qtbot: QtBot, window: MainWindow, citizen_id: str) -> CitizenRecordDialog:
    sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert window.workspace is not None
    view = window.workspace.views["registry"]
    assert isinstance(view, RegistryView)
    view.open_citizen(citizen_id)
    record = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, CitizenRecordDialog) and w.isVisible()
    )
    record.form.set_text("surname", EDITED)
    assert record.has_unsaved_changes()
    return record


def test_the_idle_lock_waits_for_unsaved_edits_and_locks_once_they_are_saved(
    qtbot: QtBot, window: MainWindow, paths: WorkstationPaths, citizen_id: str
) -> None:
    window.idle_timeout_ms_override = 1_000
    record = edit_record(qtbot, window, citizen_id)
    qtbot.waitUntil(lambda: window.lock_pending, timeout=5_000)
    assert not window.locked, "unsaved edits are not thrown away unseen"
    assert window.status.currentMessage() == window.pending_lock_text()
    assert window.pending_lock_text() in record.banner.text()
    assert record.save()
    qtbot.waitUntil(lambda: window.locked, timeout=2_000)
    assert stored_surname(paths, citizen_id) == EDITED


def test_the_idle_lock_discards_unhandled_edits_after_a_second_idle_period_and_audits_it(
    qtbot: QtBot, window: MainWindow, paths: WorkstationPaths, citizen_id: str
) -> None:
    window.idle_timeout_ms_override = 400
    edit_record(qtbot, window, citizen_id)
    qtbot.waitUntil(lambda: window.lock_pending, timeout=5_000)
    assert not window.locked
    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CitizenRecordDialog) and w.isVisible()
    ]
    assert stored_surname(paths, citizen_id) == "Нурланова"
    details = last_lock_details(paths)
    assert "idle" in details and f"citizen:{citizen_id}" in details
    assert EDITED not in details and "Нурланова" not in details, "ids only in the audit log"


def answer_lock_question(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def sweep() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                asked.append(widget.text())
                widget.button(button).click()
                return
        QTimer.singleShot(20, sweep)

    QTimer.singleShot(20, sweep)
    return asked


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_a_manual_lock_with_unsaved_edits_asks_first(
    qtbot: QtBot, window: MainWindow, paths: WorkstationPaths, citizen_id: str, answer: str
) -> None:
    record = edit_record(qtbot, window, citizen_id)
    record.activateWindow()
    qtbot.waitUntil(record.isActiveWindow)
    button = {
        "cancel": QMessageBox.StandardButton.Cancel,
        "discard": QMessageBox.StandardButton.Discard,
        "save": QMessageBox.StandardButton.Save,
    }[answer]
    asked = answer_lock_question(qtbot, button)
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(record.focusWidget() or record, Qt.Key.Key_L, keys)
    qtbot.waitUntil(lambda: bool(asked), timeout=3_000)
    assert "unsaved changes" in asked[0]
    if answer == "cancel":
        assert not window.locked
        assert record.isVisible() and record.form.values()["surname"] == EDITED, "nothing lost"
        record.discard_changes()
        return
    qtbot.waitUntil(lambda: window.locked, timeout=3_000)
    assert stored_surname(paths, citizen_id) == (EDITED if answer == "save" else "Нурланова")


def test_a_new_case_with_a_summary_typed_counts_as_unsaved_work(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = CasesView(admin)
    qtbot.addWidget(view)
    view.show()
    new = view.new_case(citizen.id)
    assert new not in unsaved_dialogs()
    new.summary_edit.setPlainText("Lost passport")
    assert unsaved_dialogs() == [new]
    assert new.save_changes() and new.case_id is not None
    assert unsaved_dialogs() == []


@pytest.mark.parametrize("answer", ["cancel", "save"])
def test_quitting_with_unsaved_edits_asks_first(
    qtbot: QtBot, window: MainWindow, paths: WorkstationPaths, citizen_id: str, answer: str
) -> None:
    record = edit_record(qtbot, window, citizen_id)
    button = QMessageBox.StandardButton.Cancel if answer == "cancel" else QMessageBox.StandardButton.Save
    asked = answer_lock_question(qtbot, button)
    window.quit_action.trigger()
    assert asked and "before quitting" in asked[0]
    if answer == "cancel":
        assert window.isVisible() and not window.locked, "the window stays open"
        assert record.isVisible() and record.form.values()["surname"] == EDITED, "nothing lost"
        record.discard_changes()
        return
    assert not window.isVisible()
    assert stored_surname(paths, citizen_id) == EDITED
