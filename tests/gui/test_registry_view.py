"""The registry screen driven like an officer would: type, click headers, pick filters, press keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.demo.generator import DemoSettings, synthetic_rows
from embassy_desk.domain.enums import Role
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.contacts.quick_log import QuickLogDialog
from embassy_desk.gui.notices.print_dialog import PrintNoticeDialog
from embassy_desk.gui.qsettings import SETTINGS_DIR_ENV
from embassy_desk.gui.registry.column_chooser import SETTINGS_KEY
from embassy_desk.gui.registry.columns import COLUMN_INDEX
from embassy_desk.gui.registry.model import ID_ROLE
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.services import browse, contacts, importer, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim

DEMO = 300


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings in a temporary folder: the tests never touch the user's real settings."""
    folder = tmp_path / "settings"
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def populated(admin: Session) -> Session:
    rows = ((i + 2, row) for i, row in enumerate(synthetic_rows(DemoSettings(citizens=DEMO, seed=5))))
    assert importer.import_rows(admin, rows, parallel=False).imported == DEMO
    registry.register_citizen(admin, aigerim())
    return admin


def _open(qtbot: QtBot, session: Session) -> RegistryView:
    view = RegistryView(session)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: not view.is_loading() and view.model.rowCount() > 0)
    return view


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest's keyClicks handles ASCII only; these are Cyrillic too)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def _search(qtbot: QtBot, view: RegistryView, text: str) -> None:
    view.search.clear()
    type_text(view.search, text)
    qtbot.waitUntil(lambda: view.query().search == text.strip() and not view.is_loading())


def _column(view: RegistryView, row: int, key: str) -> str:
    return str(view.model.index(row, COLUMN_INDEX[key]).data())


def _ids(view: RegistryView) -> list[str]:
    return [view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())]


def test_table_shows_every_citizen_and_the_count(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    assert view.model.rowCount() == DEMO + 1
    assert "301" in view.status.text()
    last = view.model.rowCount() - 1
    assert _column(view, last, "name").startswith("Нурланова Айгерим")
    assert _column(view, last, "region") == "Seoul"
    # Painting the visible rows costs one query per page, not one per cell.
    assert view.model.page_fetches <= 3


def test_clicking_a_header_sorts_by_that_column(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    header = view.table.horizontalHeader()
    section = COLUMN_INDEX["birth_date"]
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    with qtbot.waitSignal(view.rows_shown, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: not view.is_loading())
    # The stored ISO dates (the column shows them in the person's format, which need not sort).
    dates = [row.birth_date for r in range(view.model.rowCount()) if (row := view.model.citizen_row(r))]
    assert header.sortIndicatorSection() == section
    assert dates == sorted(dates, reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)


def test_region_filter_shows_only_that_region(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    view.filters.set_value("region", "KR-26")
    qtbot.waitUntil(lambda: not view.is_loading())
    regions = {_column(view, r, "region") for r in range(view.model.rowCount())}
    assert regions == {"Busan"}
    assert f"shown: {view.model.rowCount()}" in view.status.text()
    view.filters.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == DEMO + 1)


def test_search_in_cyrillic_and_in_latin_finds_the_same_person(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    _search(qtbot, view, "Нурланова Айг")
    cyrillic = _ids(view)
    _search(qtbot, view, "NURLANOVA AIGERIM")
    latin = _ids(view)
    _search(qtbot, view, "Aygerim Nurlanova")
    assert cyrillic == latin == _ids(view) and len(cyrillic) == 1
    assert "shown: 1" in view.status.text()
    # Clearing the search gives the whole (filtered) table back.
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == DEMO + 1)


def test_ctrl_f_focuses_search(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.search)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as the window manager does when a dialog opens."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _find_dialog(view: RegistryView, kind: type) -> object:
    found = [w for w in view.findChildren(kind) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_ctrl_l_then_1_logs_a_contact(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    _search(qtbot, view, "N12345678")
    (citizen_id,) = _ids(view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(QuickLogDialog)))
    dialog = _find_dialog(view, QuickLogDialog)
    assert isinstance(dialog, QuickLogDialog)
    assert "Нурланова" in dialog.who.text() and "+821012345678" in dialog.phones.text()
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.logged, timeout=5000):
        qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1)
    (entry,) = contacts.contact_history(populated, citizen_id)
    assert entry.outcome == "reached" and entry.welfare_status == "safe"
    qtbot.waitUntil(lambda: _column(view, 0, "last_contact_at") != "")
    assert _column(view, 0, "welfare_status") == "Safe"


def test_enter_opens_the_record_and_ctrl_n_a_new_one(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    _search(qtbot, view, "Нурланова")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len([d for d in view.findChildren(CitizenRecordDialog) if d.isVisible()]) == 1)
    dialog = _find_dialog(view, CitizenRecordDialog)
    assert isinstance(dialog, CitizenRecordDialog)
    dialog.close()
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in view.findChildren(CitizenRecordDialog)))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len([d for d in view.findChildren(CitizenRecordDialog) if d.isVisible()]) == 1)


def test_a_saved_record_refreshes_the_table(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    _search(qtbot, view, "N12345678")
    (citizen_id,) = _ids(view)
    view.open_citizen(citizen_id)
    dialog = _find_dialog(view, CitizenRecordDialog)
    assert isinstance(dialog, CitizenRecordDialog)
    registry.edit_citizen(populated, citizen_id, {"region": "Busan"})
    dialog.saved.emit(citizen_id)
    qtbot.waitUntil(lambda: _column(view, 0, "region") == "Busan")


def test_viewer_cannot_log_contacts_or_register(
    qtbot: QtBot, populated: Session, session_for: Callable[[Role], Session]
) -> None:
    viewer = session_for(Role.VIEWER)
    view = _open(qtbot, viewer)
    assert not view.log_action.isEnabled() and not view.log_button.isEnabled()
    assert not view.new_action.isEnabled() and not view.new_button.isEnabled()
    _search(qtbot, view, "N12345678")
    (citizen_id,) = _ids(view)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert not any(d.isVisible() for d in view.findChildren(QuickLogDialog))
    # The service refuses anyway, and says so in a dialog.
    dialog = QuickLogDialog(viewer, citizen_id, view)
    dialog.show()
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.outcomes, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)))
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "role" in box.text().lower()
    assert contacts.contact_history(populated, citizen_id) == []
    assert dialog.isVisible()


def test_column_order_and_choice_persist_in_a_new_view(
    qtbot: QtBot, populated: Session, private_settings: Path
) -> None:
    view = _open(qtbot, populated)
    header = view.table.horizontalHeader()
    phone, name = COLUMN_INDEX["phone"], COLUMN_INDEX["name"]
    header.moveSection(header.visualIndex(phone), 0)
    view.columns.set_shown(COLUMN_INDEX["passport_number"], False)
    view.columns.set_shown(COLUMN_INDEX["city"], True)
    menu = view.columns.menu()
    assert menu.actions()[0].text() == "Phone"
    view.close()

    again = _open(qtbot, populated)
    header = again.table.horizontalHeader()
    assert header.logicalIndex(0) == phone
    assert header.visualIndex(name) == 1
    assert header.isSectionHidden(COLUMN_INDEX["passport_number"])
    assert not header.isSectionHidden(COLUMN_INDEX["city"])
    assert any(private_settings.glob("*.ini")), "the header state went to the private settings folder"
    assert SETTINGS_KEY.startswith("registry/")


def test_status_counts_the_whole_registry(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    _search(qtbot, view, "Айгерим Нурланова")
    assert browse.total_citizens(populated) == DEMO + 1
    assert "301" in view.status.text() and "shown: 1" in view.status.text()


def test_lock_while_sorting_leaves_nothing_running(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    loader = view.loader
    header = view.table.horizontalHeader()
    header.setSortIndicator(COLUMN_INDEX["name"], Qt.SortOrder.DescendingOrder)
    # What the shell does on lock: destroy the view, then lock the session.
    view.close()
    view.deleteLater()
    qtbot.waitUntil(lambda: loader.closed.is_set())
    populated.lock()
    qtbot.wait(50)
    assert populated.locked


def test_language_change_retranslates_in_place(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    view.status.setText("")
    view.search.setPlaceholderText("")
    QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
    assert view.search.placeholderText().startswith("Search")
    assert view.status.text() == f"Citizens: {DEMO + 1}"
    assert view.filters.combos["welfare_status"].itemText(1) == "Unknown"


def test_a_new_view_opens_in_registration_order_whatever_the_last_sort(
    qtbot: QtBot, populated: Session
) -> None:
    view = _open(qtbot, populated)
    view.table.horizontalHeader().setSortIndicator(COLUMN_INDEX["name"], Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not view.is_loading() and view.query().sort == "name")
    view.close()
    again = _open(qtbot, populated)
    assert again.query().sort == "registered"
    assert _column(again, DEMO, "name").startswith("Нурланова Айгерим")


def test_double_click_opens_the_record(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    rect = view.table.visualRect(view.model.index(2, COLUMN_INDEX["name"]))
    # What a mouse sends: a click, then the double click (QTest's alone skips the first press).
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len([d for d in view.findChildren(CitizenRecordDialog) if d.isVisible()]) == 1)


def test_ctrl_p_prints_a_notice_for_every_selected_row(qtbot: QtBot, populated: Session) -> None:
    view = _open(qtbot, populated)
    view.table.setFocus()
    view.table.selectRow(0)
    view.table.selectionModel().select(
        view.model.index(2, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = [view.model.citizen_id(0), view.model.citizen_id(2)]
    assert view.selected_citizen_ids() == chosen
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(PrintNoticeDialog)))
    dialog = _find_dialog(view, PrintNoticeDialog)
    assert isinstance(dialog, PrintNoticeDialog)
    assert list(dialog.citizen_ids) == chosen
    dialog.reject()


def test_a_viewer_cannot_print_notices(
    qtbot: QtBot, populated: Session, session_for: Callable[[Role], Session]
) -> None:
    view = _open(qtbot, session_for(Role.VIEWER))
    assert not view.print_action.isEnabled() and not view.print_button.isEnabled()
