"""The registry as a call list inside the main window: a logged contact leaves a list it no longer
matches and the next person is selected; the status bar says what was logged, and its citizen
count follows a registration at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.services import browse, contacts, importer
from embassy_desk.services.browse import BrowseQuery
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE

DEMO = 120


def _populate(session: Session) -> None:
    rows = ((i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(citizens=DEMO, seed=5))))
    assert importer.import_rows(session, rows, parallel=False).imported == DEMO


def _signed_in(qtbot: QtBot, paths: WorkstationPaths) -> tuple[MainWindow, RegistryView]:
    window = MainWindow(paths, translations=Translations())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.unlock_screen
    screen.username.setText("admin")
    screen.passphrase.setText(ADMIN_PASSPHRASE)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace is not None
    view = window.workspace.views["registry"]
    assert isinstance(view, RegistryView)
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() > 0)
    return window, view


def _activate(qtbot: QtBot, widget: object) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_logging_reached_safe_drops_the_row_from_the_unknown_list_and_moves_on(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session
) -> None:
    _populate(admin)
    window, view = _signed_in(qtbot, paths)
    view.filters.set_value("region", "KR-11")
    view.filters.set_value("welfare_status", "unknown")
    qtbot.waitUntil(lambda: not view.is_loading() and view.query().welfare_status == "unknown")
    shown = view.model.rowCount()
    assert shown >= 3, "the synthetic post has people in Seoul whose welfare is unknown"
    assert f"shown: {shown}" in view.status.text()
    view.table.setFocus()
    view.table.selectRow(1)
    logged_id, next_id = view.model.citizen_id(1), view.model.citizen_id(2)
    assert logged_id is not None and next_id is not None

    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QuickLogDialog)))
    dialog = next(d for d in view.findChildren(QuickLogDialog) if d.isVisible())
    _activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1)

    (entry,) = contacts.contact_history(admin, logged_id)
    assert entry.outcome == "reached" and entry.welfare_status == "safe"
    # The row left the "unknown" list, the count says so, and the next person is selected.
    assert view.model.rowCount() == shown - 1
    assert logged_id not in [view.model.citizen_id(r) for r in range(view.model.rowCount())]
    assert f"shown: {shown - 1}" in view.status.text()
    assert view.current_citizen_id() == next_id
    assert view.table.selectionModel().isRowSelected(1)
    # The status bar says what was logged.
    message = window.status.currentMessage()
    assert "Reached" in message and "Safe" in message and "logged" in message
    # The shown list is what the service lists for the same filters.
    expected = [
        rid
        for chunk in browse.ordered_rids(admin, BrowseQuery(region="KR-11", welfare_status="unknown"))
        for rid in chunk
    ]
    assert len(expected) == shown - 1


def test_a_contact_that_keeps_the_row_in_the_list_still_moves_to_the_next_person(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session
) -> None:
    _populate(admin)
    window, view = _signed_in(qtbot, paths)
    total = view.model.rowCount()
    view.table.setFocus()
    view.table.selectRow(0)
    logged_id, next_id = view.model.citizen_id(0), view.model.citizen_id(1)
    assert logged_id is not None
    view.log_contact()
    dialog = next(d for d in view.findChildren(QuickLogDialog) if d.isVisible())
    _activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_2)  # no answer: nothing to filter out
    assert view.model.rowCount() == total
    assert view.current_citizen_id() == next_id
    assert "No answer" in window.status.currentMessage()


def test_the_status_bar_count_follows_a_registration_at_once(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session
) -> None:
    _populate(admin)
    window, view = _signed_in(qtbot, paths)
    qtbot.waitUntil(lambda: window.status.records.text() == f"Citizens: {DEMO}")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(CitizenRecordDialog)))
    dialog = next(d for d in view.findChildren(CitizenRecordDialog) if d.isVisible())
    dialog.form.set_text("surname", "Ізбасаров")
    dialog.form.set_text("given_names", "Ерлан")
    dialog.form.set_text("birth_date", "02.07.1991")
    dialog.form.set_text("sex", "M")
    assert dialog.save()
    # No other view opened, no section switched: the count follows the registration.
    qtbot.waitUntil(lambda: window.status.records.text() == f"Citizens: {DEMO + 1}")
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() == DEMO + 1)
