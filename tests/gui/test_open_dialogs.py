"""One window per record (issue 9, item 2): opening a case or a citizen again brings its open window
forward instead of a second copy that would show stale data once the first is saved."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import CaseStatus
from embassy_desk.gui.cases.case_dialog import CaseDialog
from embassy_desk.gui.cases.view import CasesView
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.gui.registry.view import RegistryView
from embassy_desk.services import cases, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def open_cases(case_id: str) -> list[CaseDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CaseDialog) and w.isVisible() and w.case_id == case_id
    ]


def open_records(citizen_id: str) -> list[CitizenRecordDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CitizenRecordDialog) and w.isVisible() and w.citizen_id == citizen_id
    ]


def double_click(qtbot: QtBot, widget: QWidget, at: QPoint) -> None:
    # What a person's double-click delivers: a press and release, then the double-click event.
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=at)


def a_case(admin: Session) -> tuple[str, str]:
    citizen = registry.register_citizen(admin, aigerim())
    case = cases.open_case(admin, citizen.id, kind="medical", summary="In hospital in Seoul")
    return citizen.id, case.id


def cases_view(qtbot: QtBot, admin: Session) -> CasesView:
    view = CasesView(admin)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_double_clicking_a_card_on_the_board_opens_one_dialog(qtbot: QtBot, admin: Session) -> None:
    _citizen_id, case_id = a_case(admin)
    view = cases_view(qtbot, admin)
    view.show_board()
    cards = view.board.columns[CaseStatus.OPEN]
    rect = cards.visualItemRect(cards.item(0))
    double_click(qtbot, cards.viewport(), rect.center())
    qtbot.waitUntil(lambda: bool(open_cases(case_id)))
    qtbot.wait(50)
    assert len(open_cases(case_id)) == 1


def test_double_clicking_a_row_of_the_list_opens_one_dialog(qtbot: QtBot, admin: Session) -> None:
    _citizen_id, case_id = a_case(admin)
    view = cases_view(qtbot, admin)
    rect = view.table.visualRect(view.model.index(0, 1))
    double_click(qtbot, view.table.viewport(), rect.center())
    qtbot.waitUntil(lambda: bool(open_cases(case_id)))
    qtbot.wait(50)
    assert len(open_cases(case_id)) == 1


def test_opening_an_open_case_again_raises_the_same_window(qtbot: QtBot, admin: Session) -> None:
    _citizen_id, case_id = a_case(admin)
    view = cases_view(qtbot, admin)
    first = view.open_case(case_id)
    first.note_edit.setPlainText("Called the hospital")
    assert view.open_case(case_id) is first, "no second, stale copy"
    assert first.note_edit.toPlainText() == "Called the hospital", "what was typed is still there"
    assert first.apply()
    first.done_button.click()
    qtbot.waitUntil(lambda: not open_cases(case_id))
    again = view.open_case(case_id)
    assert again is not first, "a closed window is forgotten"
    assert "Note: Called the hospital" in again.timeline_texts()
    again.reject()


def test_a_record_open_under_the_asking_window_is_not_opened_twice(qtbot: QtBot, admin: Session) -> None:
    citizen_id, case_id = a_case(admin)
    view = cases_view(qtbot, admin)
    case = view.open_case(case_id)
    case.record_button.click()
    record = case.record
    assert isinstance(record, CitizenRecordDialog) and record.isVisible()
    case.record_button.click()
    assert case.record is record and len(open_records(citizen_id)) == 1

    # The record's cases tab asks for the case whose window is under it: it says so, opens nothing.
    assert record.cases_tab is not None
    record.tabs.setCurrentWidget(record.cases_tab)
    assert record.cases_tab.open_case(case_id) is case
    assert len(open_cases(case_id)) == 1
    assert "already open, under this window" in record.banner.text()
    record.reject()
    case.reject()


def test_the_registry_opens_a_citizen_once_and_a_new_record_once_saved(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = RegistryView(admin)
    qtbot.addWidget(view)
    view.show()
    view.open_citizen(citizen.id)
    view.open_citizen(citizen.id)
    assert len(open_records(citizen.id)) == 1
    open_records(citizen.id)[0].reject()
    qtbot.waitUntil(lambda: not open_records(citizen.id))

    new = CitizenRecordDialog(admin, None, view)
    new.open()
    new.prefill({"surname": "Сейткали", "given_names": "Дана", "birth_date": "1990-01-02"})
    assert new.save(), new.banner.text()
    assert new.citizen_id is not None
    view.open_citizen(new.citizen_id)
    assert open_records(new.citizen_id) == [new], "the just-saved form is the person's window"
    new.reject()
