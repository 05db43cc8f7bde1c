"""The assistance cases screen: open a case, assign it, add a note, close it; list, board, roles."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from embassy_desk.domain.enums import CaseStatus, Role
from embassy_desk.gui.cases.case_dialog import CaseDialog
from embassy_desk.gui.cases.new_case_dialog import NewCaseDialog
from embassy_desk.gui.cases.view import CasesView
from embassy_desk.gui.citizen.record import CitizenRecordDialog
from embassy_desk.services import cases, registry
from embassy_desk.services.session import Session
from tests.conftest import aigerim


def make_view(qtbot: QtBot, session: Session) -> CasesView:
    view = CasesView(session)
    qtbot.addWidget(view)
    view.show()
    return view


def choose(combo_owner: CaseDialog, combo_name: str, value: str) -> None:
    combo = getattr(combo_owner, combo_name)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_open_assign_note_and_close_a_case(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    session_for(Role.OFFICER)  # a colleague to assign the case to
    citizen = registry.register_citizen(admin, aigerim())
    view = make_view(qtbot, admin)
    assert view.rows == []
    assert not view.empty.isHidden()

    # New case: find the citizen by a typed transliteration, choose kind and priority.
    new = view.new_case(None)
    assert isinstance(new, NewCaseDialog)
    new.search_edit.setText("Aigerim")
    new.search_now()
    assert new.results.count() == 1
    new.kind_combo.setCurrentIndex(new.kind_combo.findData("medical"))
    new.priority_combo.setCurrentIndex(new.priority_combo.findData("urgent"))
    new.summary_edit.setPlainText("In hospital in Seoul; needs an interpreter")
    assert new.open_case()
    assert len(view.rows) == 1
    row = view.rows[0]
    assert (row.citizen_id, row.kind.value, row.priority.value) == (citizen.id, "medical", "urgent")
    assert view.model.data(view.model.index(0, 3)) == "Нурланова Айгерим"

    dialog = view.open_case(row.id)
    assert dialog.timeline_texts() == ["Opened"]
    dialog.record_button.click()
    assert isinstance(dialog.record, CitizenRecordDialog)
    assert dialog.record.citizen_id == citizen.id
    dialog.record.reject()
    choose(dialog, "owner_combo", "officer1")
    choose(dialog, "status_combo", "in_progress")
    dialog.note_edit.setPlainText("Called the hospital; interpreter booked for 10:00")
    assert dialog.apply()
    stored = cases.get_case(admin, row.id)
    assert stored.assignee == "officer1"
    assert stored.status is CaseStatus.IN_PROGRESS
    texts = dialog.timeline_texts()
    assert "Assigned to: officer1" in texts
    assert "Status changed to: In progress" in texts
    assert "Note: Called the hospital; interpreter booked for 10:00" in texts

    # The board shows the case in its status column, and the view followed the change.
    view.show_board()
    assert view.board.case_ids(CaseStatus.IN_PROGRESS) == [row.id]
    assert "URGENT" in view.board.card_texts(CaseStatus.IN_PROGRESS)[0]
    assert view.board.case_ids(CaseStatus.OPEN) == []

    dialog.note_edit.setPlainText("Discharged")
    assert dialog.close_case()
    assert cases.get_case(admin, row.id).status is CaseStatus.CLOSED
    assert not dialog.close_case_button.isEnabled()
    assert view.board.case_ids(CaseStatus.CLOSED) == [row.id]
    assert view.board.case_ids(CaseStatus.IN_PROGRESS) == []


def test_filters_by_status_priority_and_owner(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    urgent = cases.open_case(admin, citizen.id, kind="medical", summary="hospital", priority="urgent")
    low = cases.open_case(admin, citizen.id, kind="lost_documents", summary="passport lost", priority="low")
    cases.update_case(admin, low.id, assignee="admin", status="waiting")
    view = make_view(qtbot, admin)
    assert [r.id for r in view.rows] == [urgent.id, low.id]  # most urgent first
    view.set_filters(priority="urgent")
    assert [r.id for r in view.rows] == [urgent.id]
    view.set_filters(status="waiting")
    assert [r.id for r in view.rows] == [low.id]
    view.set_filters(owner="admin")
    assert [r.id for r in view.rows] == [low.id]
    view.set_filters(owner="")
    assert [r.id for r in view.rows] == [urgent.id]


def test_a_summary_is_required(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    view = make_view(qtbot, admin)
    new = view.new_case(citizen.id)
    assert not new.open_case()
    assert not new.summary_error.isHidden()
    assert cases.list_cases(admin) == []


def test_a_clerk_may_update_but_not_close(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    case = cases.open_case(admin, citizen.id, kind="other", summary="needs a letter")
    clerk = session_for(Role.CLERK)
    view = make_view(qtbot, clerk)
    dialog = view.open_case(case.id)
    assert dialog.apply_button.isEnabled()
    assert not dialog.close_case_button.isEnabled()
    assert not dialog.close_case()  # refused by the service as well
    assert dialog.banner.is_error
    assert cases.get_case(admin, case.id).status is CaseStatus.OPEN


def test_a_viewer_sees_cases_but_cannot_open_or_change_them(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    case = cases.open_case(admin, citizen.id, kind="detention", summary="detained at the airport")
    viewer = session_for(Role.VIEWER)
    view = make_view(qtbot, viewer)
    assert [r.id for r in view.rows] == [case.id]
    assert not view.new_button.isEnabled()
    dialog = view.open_case(case.id)
    assert dialog.timeline_texts() == ["Opened"]
    assert not dialog.apply_button.isEnabled()
    assert not dialog.status_combo.isEnabled()
    assert not dialog.close_case_button.isEnabled()

    # The services refuse even when the screen is driven around its disabled buttons.
    new = NewCaseDialog(viewer, citizen.id)
    qtbot.addWidget(new)
    new.summary_edit.setPlainText("should not open")
    assert not new.open_case()
    assert new.banner.is_error
    choose(dialog, "priority_combo", "urgent")
    assert not dialog.apply()
    assert len(cases.list_cases(admin)) == 1
    assert cases.get_case(admin, case.id).priority.value == "normal"


def test_the_record_lists_the_citizens_cases_and_opens_a_new_one(qtbot: QtBot, admin: Session) -> None:
    citizen = registry.register_citizen(admin, aigerim())
    record = CitizenRecordDialog(admin, citizen.id)
    qtbot.addWidget(record)
    assert record.cases_tab is not None
    record.tabs.setCurrentWidget(record.cases_tab)
    assert record.cases_tab.table.rowCount() == 0
    new = record.cases_tab.new_case()
    new.summary_edit.setPlainText("Lost passport at the station")
    new.kind_combo.setCurrentIndex(new.kind_combo.findData("lost_documents"))
    assert new.open_case()
    assert record.cases_tab.table.rowCount() == 1
    assert record.cases_tab.table.column_texts(1) == ["Lost documents"]
    assert record.history_tab is not None
    record.tabs.setCurrentWidget(record.history_tab)
    assert record.history_tab.what_texts()[0] == "Assistance case opened"


def test_only_staff_who_may_work_cases_are_offered_as_owners(
    qtbot: QtBot, admin: Session, session_for: Callable[[Role], Session]
) -> None:
    for role in (Role.OFFICER, Role.CLERK, Role.VIEWER):
        session_for(role)
    citizen = registry.register_citizen(admin, aigerim())
    case = cases.open_case(admin, citizen.id, kind="other", summary="needs a letter")
    view = make_view(qtbot, admin)
    dialog = view.open_case(case.id)
    offered = [dialog.owner_combo.itemData(i) for i in range(dialog.owner_combo.count())]
    assert sorted(offered) == ["", "admin", "clerk1", "officer1"], "no viewer among the owners"
    assert dialog.owner_combo.findData("viewer1") == -1
