"""A lock keeps the registry as its person left it: search, filters, order and the selected citizen
come back after they unlock, never for someone else, and never through the settings file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.enums import Role
from embassy_desk.gui.i18n import Translations
from embassy_desk.gui.qsettings import app_settings
from embassy_desk.gui.registry.columns import COLUMN_INDEX
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.gui.shell.main_window import MainWindow
from embassy_desk.services import importer, users
from embassy_desk.services.session import Session
from embassy_desk.storage.workstation import WorkstationPaths
from tests.conftest import ADMIN_PASSPHRASE, STAFF_PASSPHRASE

DEMO = 150


def _sign_in(qtbot: QtBot, window: MainWindow, user: str, passphrase: str) -> RegistryView:
    screen = window.unlock_screen
    screen.username.setText(user)
    screen.passphrase.setText(passphrase)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10_000)
    assert window.workspace is not None
    view = window.workspace.views["registry"]
    assert isinstance(view, RegistryView)
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() > 0, timeout=10_000)
    return view


def _window(qtbot: QtBot, paths: WorkstationPaths) -> MainWindow:
    window = MainWindow(paths, translations=Translations())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_filters_search_sort_and_selection_come_back_after_unlock_for_the_same_person(
    qtbot: QtBot, paths: WorkstationPaths, admin: Session
) -> None:
    rows = ((i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(citizens=DEMO, seed=5))))
    assert importer.import_rows(admin, rows, parallel=False).imported == DEMO
    users.add_user(
        admin, username="officer1", display_name="Officer", role=Role.OFFICER, passphrase=STAFF_PASSPHRASE
    )
    window = _window(qtbot, paths)
    view = _sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)

    view.filters.set_value("region", "KR-11")
    qtbot.waitUntil(lambda: not view.is_loading() and view.query().region == "KR-11")
    # A search that finds a few people of the region: the first letters of a given name there.
    given = [
        row.name.split()[1][:2] for r in range(view.model.rowCount()) if (row := view.model.citizen_row(r))
    ]
    search = max(set(given), key=given.count)
    view.search.setText(search)
    view.table.horizontalHeader().setSortIndicator(COLUMN_INDEX["name"], Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: not view.is_loading() and view.query().search == search and view.query().sort == "name"
    )
    assert view.model.rowCount() > 3, search
    view.table.selectRow(2)
    chosen = view.current_citizen_id()
    before = view.query()
    shown = view.model.rowCount()

    window.lock(reason="idle")
    assert window.workspace is None
    view = _sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    qtbot.waitUntil(lambda: not view.is_loading() and view.current_citizen_id() == chosen)
    assert view.query() == before
    assert view.search.text() == search and view.filters.value("region") == "KR-11"
    assert view.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert view.model.rowCount() == shown
    assert view.table.currentIndex().row() == 2

    # Someone else signs in: a plain registry, and the first person's state is gone for good.
    window.lock(reason="manual")
    other = _sign_in(qtbot, window, "officer1", STAFF_PASSPHRASE)
    assert other.search.text() == "" and not other.query().filtered and other.query().sort == "registered"
    window.lock(reason="manual")
    again = _sign_in(qtbot, window, "admin", ADMIN_PASSPHRASE)
    assert again.search.text() == "" and not again.query().filtered

    # The search text (it may be a name) and the selected id never reach the settings file.
    settings = app_settings()
    values = [str(settings.value(key)) for key in settings.allKeys()]
    assert not any(term in value for value in values for term in (search, str(chosen)))
